import EventModel
import Foundation
import Testing

@Suite("Event time")
struct EventTimeTests {
  let shanghai = EventTime.timeZone(named: "Asia/Shanghai")!

  @Test("local times, offsets and Z all parse to the right instant")
  func parsing() throws {
    let expected = Date(timeIntervalSince1970: 1_753_491_600)  // 2025-07-26T01:00:00Z
    #expect(EventTime.parse("2025-07-26T09:00", zone: shanghai) == expected)
    #expect(EventTime.parse("2025-07-26 09:00:00", zone: shanghai) == expected)
    #expect(EventTime.parse("2025-07-26T09:00:00+08:00", zone: shanghai) == expected)
    #expect(EventTime.parse("2025-07-26T01:00:00Z", zone: shanghai) == expected)
    #expect(EventTime.parse("2025-07-25T20:00:00-05:00", zone: shanghai) == expected)
  }

  @Test(
    "impossible or malformed times are rejected",
    arguments: [
      "2025-07-26T25:00", "2025-07-26T09:60", "2025-02-30T09:00", "2025-07-26", "26.07.2025 09:00",
      "2025-07-26T09:00+25:00", "tomorrow", "", "2025-7-26T09:00",
    ])
  func rejects(text: String) {
    #expect(EventTime.parse(text, zone: shanghai) == nil)
  }

  @Test("a pack time must carry its offset")
  func requireOffset() {
    #expect(EventTime.parse("2025-07-26T09:00", zone: shanghai, requireOffset: true) == nil)
    #expect(EventTime.parse("2025-07-26T09:00+08:00", zone: shanghai, requireOffset: true) != nil)
  }

  @Test("formatting gives ISO 8601 with the offset and a local clock")
  func formatting() throws {
    let date = try #require(EventTime.parse("2025-07-26T23:30", zone: shanghai))
    #expect(EventTime.format(date, zone: shanghai) == "2025-07-26T23:30:00+08:00")
    #expect(EventTime.clockTime(date, zone: shanghai) == "23:30")
    #expect(EventTime.localDate(date, zone: shanghai).description == "2025-07-26")
    #expect(
      EventTime.localDate(date, zone: TimeZone(secondsFromGMT: 0)!).description == "2025-07-26")
  }

  @Test("dates validate month lengths and leap years")
  func localDates() {
    #expect(LocalDate("2024-02-29") != nil)
    #expect(LocalDate("2025-02-29") == nil)
    #expect(LocalDate("2025-13-01") == nil)
    #expect(LocalDate("2025-07-26")! < LocalDate("2025-07-27")!)
  }
}
