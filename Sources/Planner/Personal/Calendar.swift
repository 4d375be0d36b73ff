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

  /// One event of a calendar.
  struct Event {
    var uid: String
    var start: Date
    var end: Date
    var summary: String
    var location: String
    var description: String
  }

  /// The plan's calendar. `compact` leaves out what a phone can do without (the time zone block,
  /// descriptions, the venue in locations; times in UTC instead), so that it fits a QR code.
  public func calendar(
    for plan: VisitPlan, language: Language, stamp: Date, compact: Bool = false
  ) -> String {
    render(events(plan.stops, language: language), stamp: stamp, compact: compact)
  }

  /// Everything a visitor keeps, in one calendar by time: the planned route's stops, favourite
  /// sessions the route does not already hold, and a City Walk with its timing.
  public func calendar(
    plan: VisitPlan?, sessions: [Session], walk: (route: CityWalkRoute, plan: CityWalkPlan)?,
    language: Language, stamp: Date, compact: Bool = false
  ) -> String {
    let planned = plan?.stops ?? []
    let inPlan = Set(planned.filter { $0.kind == .session }.map(\.id))
    let extra = sessions.filter { !inPlan.contains($0.id) }.map {
      PlannedStop(
        kind: .session, id: $0.id, node: "", walkMinutes: 0, walkMetres: 0, arrival: $0.start,
        start: $0.start, leave: $0.end, waitMinutes: 0, score: 0)
    }
    var all = events(planned, language: language, numbered: true)
    all += events(extra, language: language, numbered: false)
    if let walk {
      let stops = Dictionary(walk.route.stops.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      let title = walk.route.name.text(language)
      for visit in walk.plan.visits {
        guard let stop = stops[visit.stop] else { continue }
        let district = stop.district.map { ", " + $0.text(language) } ?? ""
        all.append(
          Event(
            uid:
              "\(catalog.event.id)-citywalk-\(walk.route.id)-\(stop.id)-\(Self.minute(visit.arrival))",
            start: visit.arrival, end: visit.leave,
            summary: "\(title): \(stop.name.text(language))",
            location: stop.name.text(language) + district,
            description: stop.shows.text(language)
              + (language == .zh ? " 站点与时间为估计（模拟数据）。" : " Stop and times are estimates (modelled).")
          ))
      }
    }
    all.sort { ($0.start, $0.uid) < ($1.start, $1.uid) }
    return render(all, stamp: stamp, compact: compact)
  }

  /// Calendar events of plan stops, numbered in visiting order when `numbered`.
  func events(_ stops: [PlannedStop], language: Language, numbered: Bool = true) -> [Event] {
    stops.enumerated().map { index, stop in
      let (summary, location, description) = texts(for: stop, language: language)
      return Event(
        uid: "\(catalog.event.id)-\(stop.kind.rawValue)-\(stop.id)-\(Self.minute(stop.start))",
        start: stop.start, end: stop.leave,
        summary: numbered ? "\(index + 1). \(summary)" : summary, location: location,
        description: description)
    }
  }

  /// The seconds since 1970 of a time's minute (for UIDs that do not change with seconds).
  static func minute(_ date: Date) -> Int {
    Self.wholeMinute(date).timeIntervalSince1970.truncatedInt
  }

  /// A time to the nearest whole minute: a calendar shows 14:01, never 14:01:11.
  static func wholeMinute(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded() * 60)
  }

  func render(_ events: [Event], stamp: Date, compact: Bool) -> String {
    let zone = catalog.timeZone
    let zoneID = catalog.event.timeZone
    let stamp = Self.wholeMinute(stamp)
    func times(_ event: Event) -> (Date, Date) {
      let start = Self.wholeMinute(event.start)
      return (start, max(start.addingTimeInterval(60), Self.wholeMinute(event.end)))
    }
    if compact {
      var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hiwaic//EN"]
      for event in events {
        let (start, end) = times(event)
        let place = event.location.split(separator: ",").prefix(2).joined(separator: ",")
        lines += [
          "BEGIN:VEVENT", "UID:\(event.uid)@hiwaic", "DTSTAMP:\(Self.utc(stamp))",
          "DTSTART:\(Self.utc(start))", "DTEND:\(Self.utc(end))",
          "SUMMARY:\(Self.escape(event.summary))", "LOCATION:\(Self.escape(place))", "END:VEVENT",
        ]
      }
      lines.append("END:VCALENDAR")
      return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }
    let offset = zone.secondsFromGMT(for: events.first?.start ?? stamp)
    let sign = offset < 0 ? "-" : "+"
    let offsetText = String(
      format: "%@%02d%02d", sign, abs(offset) / 3600, (abs(offset) % 3600) / 60)
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hiwaic//route planner//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "BEGIN:VTIMEZONE", "TZID:\(zoneID)", "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:\(offsetText)", "TZOFFSETTO:\(offsetText)", "END:STANDARD", "END:VTIMEZONE",
    ]
    for event in events {
      let (start, end) = times(event)
      lines += [
        "BEGIN:VEVENT",
        "UID:\(event.uid)@hiwaic",
        "DTSTAMP:\(Self.utc(stamp))",
        "DTSTART;TZID=\(zoneID):\(Self.local(start, zone: zone))",
        "DTEND;TZID=\(zoneID):\(Self.local(end, zone: zone))",
        "SUMMARY:\(Self.escape(event.summary))",
        "LOCATION:\(Self.escape(event.location))",
        "DESCRIPTION:\(Self.escape(event.description))",
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
    local(date, zone: TimeZone.gmt) + "Z"
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
