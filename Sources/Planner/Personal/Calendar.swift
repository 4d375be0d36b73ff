import EventModel
import Foundation

/// Writes a plan as an iCalendar file (RFC 5545) that phone calendars import: one event per stop,
/// times in the event's zone with a VTIMEZONE, CRLF line ends, long lines folded at 75 octets.
public struct CalendarWriter: Sendable {
  public let catalog: EventCatalog

  public init(catalog: EventCatalog) { self.catalog = catalog }

  /// Sessions kept as favourites, one event each, in time order.
  public func calendar(
    sessions: [Session], language: Language, stamp: Date, compact: Bool = false
  ) -> String {
    let stops = sessions.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.map {
      PlannedStop(
        kind: .session, id: $0.id, node: "", walkMinutes: 0, walkMetres: 0, arrival: $0.start,
        start: $0.start, leave: $0.end, waitMinutes: 0, score: 0)
    }
    let plan = VisitPlan(
      stops: stops, score: 0, walkingMetres: 0, walkingMinutes: 0, end: "", endWalkMinutes: 0,
      finish: stops.last?.leave ?? stamp, leftOut: [], optimal: false)
    return calendar(for: plan, language: language, stamp: stamp, compact: compact)
  }

  /// The plan's calendar. `compact` leaves out what a phone can do without (the time zone block,
  /// descriptions, the venue in locations; times in UTC instead), so that it fits a QR code.
  public func calendar(
    for plan: VisitPlan, language: Language, stamp: Date, compact: Bool = false
  ) -> String {
    let zone = catalog.timeZone
    let zoneID = catalog.event.timeZone
    let offset = zone.secondsFromGMT(for: plan.stops.first?.start ?? stamp)
    let sign = offset < 0 ? "-" : "+"
    let offsetText = String(
      format: "%@%02d%02d", sign, abs(offset) / 3600, (abs(offset) % 3600) / 60)
    if compact {
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hiwaic//EN"]
      for (index, stop) in plan.stops.enumerated() {
        let (summary, location, _) = texts(for: stop, language: language)
        let place = location.split(separator: ",").prefix(2).joined(separator: ",")
        lines += [
          "BEGIN:VEVENT",
          "UID:\(catalog.event.id)-\(stop.id)-\(stop.start.timeIntervalSince1970.truncatedInt)@hiwaic",
          "DTSTAMP:\(Self.utc(stamp))", "DTSTART:\(Self.utc(stop.start))",
          "DTEND:\(Self.utc(stop.leave))", "SUMMARY:\(Self.escape("\(index + 1). \(summary)"))",
          "LOCATION:\(Self.escape(place))", "END:VEVENT",
        ]
      }
      lines.append("END:VCALENDAR")
      return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hiwaic//route planner//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "BEGIN:VTIMEZONE", "TZID:\(zoneID)", "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:\(offsetText)", "TZOFFSETTO:\(offsetText)", "END:STANDARD", "END:VTIMEZONE",
    ]
    for (index, stop) in plan.stops.enumerated() {
      let (summary, location, description) = texts(for: stop, language: language)
      lines += [
        "BEGIN:VEVENT",
        "UID:\(catalog.event.id)-\(stop.kind.rawValue)-\(stop.id)-\(stop.start.timeIntervalSince1970.truncatedInt)@hiwaic",
        "DTSTAMP:\(Self.utc(stamp))",
        "DTSTART;TZID=\(zoneID):\(Self.local(stop.start, zone: zone))",
        "DTEND;TZID=\(zoneID):\(Self.local(stop.leave, zone: zone))",
        "SUMMARY:\(Self.escape("\(index + 1). \(summary)"))",
        "LOCATION:\(Self.escape(location))",
        "DESCRIPTION:\(Self.escape(description))",
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  func texts(for stop: PlannedStop, language: Language) -> (String, String, String) {
    switch stop.kind {
    case .exhibitor:
      let exhibitor = catalog.exhibitor(stop.id)
      let booth = exhibitor?.booth.flatMap { catalog.place(ofBooth: $0) }
      let location = [
        booth?.booth.id, booth?.hall?.name.text(language), booth?.floor?.name.text(language),
        booth?.venue?.name.text(language),
      ]
      .compactMap { $0 }.joined(separator: ", ")
      let note = language == .zh ? "展位位置为约略位置（模拟数据）。" : "Booth position approximate (modelled)."
      return (
        exhibitor?.name.text(language) ?? stop.id, location,
        (exhibitor?.description.text(language) ?? "") + " " + note
      )
    case .session:
      let session = catalog.session(stop.id)
      let place = session.flatMap { catalog.place(ofRoom: $0.room) }
      let location = [place?.room.name.text(language), place?.venue?.name.text(language)].compactMap
      { $0 }.joined(separator: ", ")
      return (
        session?.title.text(language) ?? stop.id, location,
        session?.description?.text(language) ?? ""
      )
    }
  }

  static func local(_ date: Date, zone: TimeZone) -> String {
    let text = EventTime.format(date, zone: zone)  // 2025-07-26T10:00:00+08:00
    return text.prefix(19).replacingOccurrences(of: "-", with: "").replacingOccurrences(
      of: ":", with: "")
  }

  static func utc(_ date: Date) -> String {
    local(date, zone: TimeZone(secondsFromGMT: 0)!) + "Z"
  }

  /// Escapes commas, semicolons, backslashes and newlines in TEXT values.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
      .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
  }

  /// Folds a content line into pieces of at most 75 octets, never inside a UTF-8 character.
  static func fold(_ line: String) -> String {
    var pieces: [String] = []
    var current = ""
    var octets = 0
    for character in line {
      let size = String(character).utf8.count
      let limit = pieces.isEmpty ? 75 : 74  // continuation lines start with a space
      if octets + size > limit {
        pieces.append(current)
        current = ""
        octets = 0
      }
      current.append(character)
      octets += size
    }
    pieces.append(current)
    return pieces.joined(separator: "\r\n ")
  }
}
