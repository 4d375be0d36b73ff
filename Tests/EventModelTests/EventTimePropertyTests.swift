import EventModel
import Foundation
import Testing

@Suite("Event time: properties")
struct EventTimePropertyTests {
  let shanghai = EventTime.timeZone(named: "Asia/Shanghai")!

  @Test("property: a local time written out parses back to the same date and clock")
  func roundTrip() throws {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      // From 1992 on: China kept summer time from 1986 to 1991, and a clock time that a spring
      // night skipped ("1988-04-10T02:44") has no instant to parse back from.
      let year = Int.random(in: 1992...2099, using: &random)
      let month = Int.random(in: 1...12, using: &random)
      let day = Int.random(in: 1...28, using: &random)
      let hour = Int.random(in: 0...23, using: &random)
      let minute = Int.random(in: 0...59, using: &random)
      let text = String(format: "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute)
      let date = try #require(EventTime.parse(text, zone: shanghai), "\(text)")
      #expect(EventTime.localDate(date, zone: shanghai).description == String(text.prefix(10)))
      #expect(EventTime.clockTime(date, zone: shanghai) == String(text.suffix(5)))
    }
  }

  @Test("property: local dates and clocks agree with Foundation's calendar in any zone")
  func agreesWithCalendar() throws {
    var random = SystemRandomNumberGenerator()
    let zones = try [
      "Asia/Shanghai", "Europe/Berlin", "America/St_Johns", "Pacific/Kiritimati", "UTC",
    ]
    .map { try #require(EventTime.timeZone(named: $0)) }
    for _ in 0..<2_000 {
      // From 1900 to 2100, with fractions of a second and instants before 1970.
      let date = Date(timeIntervalSince1970: Double.random(in: -2.2e9...4.1e9, using: &random))
      let zone = zones.randomElement(using: &random) ?? zones[0]
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = zone
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
      let day = try #require(
        parts.year.flatMap { year in
          parts.month.flatMap { month in
            parts.day.map { LocalDate(year: year, month: month, day: $0) }
          }
        })
      #expect(EventTime.localDate(date, zone: zone) == day, "\(date) in \(zone.identifier)")
      #expect(
        EventTime.minutesAfterMidnight(date, zone: zone) == (parts.hour ?? 0) * 60
          + (parts.minute ?? 0),
        "\(date) in \(zone.identifier)")
      let written = EventTime.format(date, zone: zone)
      #expect(written.hasPrefix(day.description + "T"), "\(written)")
      // Offsets are written in whole minutes; local mean time before 1930 had seconds.
      if zone.secondsFromGMT(for: date) % 60 == 0 {
        #expect(
          EventTime.parse(written, zone: zone).map { abs($0.timeIntervalSince(date)) < 1 } == true,
          "\(written)")
      }
    }
  }

  @Test("property: digits in any arrangement never trap, and a parsed time is a real one")
  func noTraps() {
    var random = SystemRandomNumberGenerator()
    let alphabet = Array("0123456789-:T+Z. 9")
    for _ in 0..<3_000 {
      let text = String(
        (0..<Int.random(in: 0...30, using: &random)).map { _ in
          alphabet.randomElement(using: &random) ?? "0"
        })
      if let date = EventTime.parse(text, zone: shanghai) {
        #expect(date.timeIntervalSince1970.isFinite, "\(text)")
      }
      _ = EventTime.clockMinutes(text)
    }
    for text in ["99999999999999999999-01-01T00:00", "2025-07-26T99999999999999999999:00"] {
      #expect(EventTime.parse(text, zone: shanghai) == nil)
    }
  }
}
