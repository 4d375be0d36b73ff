import EventModel
import Foundation

/// iCalendar (`.ics`, RFC 5545), the last resort when a conference publishes nothing better:
/// each VEVENT a session (UID, SUMMARY, DTSTART with its zone, DTEND or DURATION, LOCATION as
/// the room, CATEGORIES as the track, DESCRIPTION, URL, ORGANIZER and ATTENDEE names).
enum ICalendarReader {
  /// One content line: its name, parameters and value, and the line it starts on.
  struct Property {
    var name: String
    var parameters: [String: String]
    var value: String
    var line: Int
  }

  static func read(_ data: Data, source: String, zone fallback: TimeZone?)
    throws(ScheduleImportError) -> ImportedSchedule
  {
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScheduleImportError(source: source, message: "is not UTF-8 text")
    }
    let properties = unfolded(text)
    guard properties.first(where: { !$0.name.isEmpty })?.name == "BEGIN",
      properties.contains(where: { $0.name == "BEGIN" && $0.value.uppercased() == "VCALENDAR" })
    else {
      throw ScheduleImportError(
        source: source, message: "is not an iCalendar file (no BEGIN:VCALENDAR)")
    }
    let file = (source as NSString).lastPathComponent
    var zone = fallback ?? TimeZone(identifier: "UTC") ?? .current
    var problems: [ImportProblem] = []
    if let name = properties.first(where: { $0.name == "X-WR-TIMEZONE" }) {
      if let named = EventTime.timeZone(named: name.value) {
        zone = named
      } else {
        problems.append(
          ImportProblem(
            place: "\(file):\(name.line)",
            message: "unknown time zone '\(name.value.prefix(40))'; using \(zone.identifier)"))
      }
    }
    let title = properties.first { $0.name == "X-WR-CALNAME" }.map { unescaped($0.value) } ?? ""
    var assembler = ScheduleAssembler(
      source: source, format: .iCalendar,
      conference: ImportedConference(
        title: title, acronym: nil, start: nil, end: nil, timeZone: zone.identifier, venue: nil,
        city: nil, baseURL: nil, dayChangeMinutes: 0),
      zone: zone)
    assembler.problems = problems
    if title.isEmpty {
      assembler.report("\(file):1", "the calendar has no name (X-WR-CALNAME)")
    }
    var event: [Property]?
    var eventLine = 0
    var depth = 0
    for property in properties {
      switch (property.name, property.value.uppercased()) {
      case ("BEGIN", "VEVENT") where event == nil:
        event = []
        eventLine = property.line
      case ("END", "VEVENT"):
        if let found = event {
          if let raw = session(
            found, place: "\(file):\(eventLine)", zone: zone, assembler: &assembler)
          {
            assembler.sessions.append(raw)
          }
        }
        event = nil
      case ("BEGIN", _):
        // A VALARM or VTIMEZONE inside or outside an event: its lines are not the event's.
        if event != nil { depth += 1 }
      case ("END", _):
        if depth > 0 { depth -= 1 }
      default:
        if depth == 0 { event?.append(property) }
      }
    }
    if assembler.sessions.isEmpty {
      throw ScheduleImportError(source: source, message: "is a calendar without any events")
    }
    return assembler.assembled()
  }

  private static func session(
    _ properties: [Property], place: String, zone: TimeZone, assembler: inout ScheduleAssembler
  ) -> RawSession? {
    func first(_ name: String) -> Property? { properties.first { $0.name == name } }
    if first("STATUS")?.value.uppercased() == "CANCELLED" {
      assembler.report(
        place,
        "'\(ScheduleText.short(first("SUMMARY").map { unescaped($0.value) } ?? ""))' is cancelled; left out"
      )
      return nil
    }
    var raw = RawSession(place: place)
    raw.guid = first("UID")?.value
    raw.id = first("UID")?.value
    raw.title = first("SUMMARY").map { unescaped($0.value) }
    raw.description = first("DESCRIPTION").map { unescaped($0.value) }
    raw.room = first("LOCATION").map { unescaped($0.value) } ?? "no room given"
    raw.track = first("CATEGORIES").map { unescaped($0.value) }?.split(separator: ",").first.map(
      String.init)
    raw.url = first("URL")?.value
    raw.persons = properties.filter { $0.name == "ORGANIZER" || $0.name == "ATTENDEE" }.compactMap {
      guard let name = $0.parameters["CN"], !name.isEmpty else { return nil }
      return (id: nil, name: name)
    }
    guard let startProperty = first("DTSTART") else {
      assembler.report(place, "an event without DTSTART; left out")
      return nil
    }
    if startProperty.parameters["VALUE"]?.uppercased() == "DATE" || startProperty.value.count == 8 {
      assembler.report(
        place,
        "'\(ScheduleText.short(raw.title ?? ""))' is an all-day entry, not a session; left out")
      return nil
    }
    guard let start = date(startProperty, zone: zone) else {
      assembler.report(
        place,
        "'\(ScheduleText.short(raw.title ?? ""))': DTSTART '\(startProperty.value.prefix(30))' cannot be read; left out"
      )
      return nil
    }
    raw.dateTime = EventTime.format(start, zone: zone)
    if let end = first("DTEND").flatMap({ date($0, zone: zone) }) {
      let minutes = Int((end.timeIntervalSince(start) / 60).rounded())
      raw.duration = minutes >= 0 ? "\(minutes / 60):" + String(format: "%02d", minutes % 60) : nil
    } else if let duration = first("DURATION").flatMap({ durationMinutes($0.value) }) {
      raw.duration = "\(duration / 60):" + String(format: "%02d", duration % 60)
    }
    return raw
  }

  /// Properties from the text: lines unfolded (a line starting with a space or tab continues
  /// the one before), each split into name, parameters and value.
  static func unfolded(_ text: String) -> [Property] {
    var lines: [(text: String, line: Int)] = []
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    {
      if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
        lines[lines.count - 1].text += line.dropFirst()
      } else if !line.isEmpty {
        lines.append((String(line), index + 1))
      }
    }
    return lines.compactMap { line -> Property? in
      // The value starts at the first colon outside a quoted parameter value.
      var inQuotes = false
      var colon: String.Index?
      for index in line.text.indices {
        let character = line.text[index]
        if character == "\"" { inQuotes.toggle() }
        if character == ":" && !inQuotes {
          colon = index
          break
        }
      }
      guard let colon else { return nil }
      let head = line.text[..<colon]
      var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
      let name = parts.removeFirst().uppercased()
      var parameters: [String: String] = [:]
      for part in parts {
        let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
        guard pair.count == 2 else { continue }
        parameters[pair[0].uppercased()] = pair[1].trimmingCharacters(
          in: CharacterSet(charactersIn: "\""))
      }
      return Property(
        name: name, parameters: parameters,
        value: String(line.text[line.text.index(after: colon)...]),
        line: line.line)
    }
  }

  /// `20251227T110000Z`, with TZID, or floating (in `zone`).
  static func date(_ property: Property, zone: TimeZone) -> Date? {
    let value = property.value.trimmingCharacters(in: .whitespaces)
    let digits = value.filter(\.isNumber)
    guard digits.count == 14 || digits.count == 12, value.count >= 15 else { return nil }
    func part(_ from: Int, _ length: Int) -> String {
      String(digits.dropFirst(from).prefix(length))
    }
    let iso =
      "\(part(0, 4))-\(part(4, 2))-\(part(6, 2))T\(part(8, 2)):\(part(10, 2))"
      + (digits.count == 14 ? ":\(part(12, 2))" : "")
    if value.hasSuffix("Z") { return EventTime.parse(iso + "Z", zone: zone) }
    let named = property.parameters["TZID"].flatMap(EventTime.timeZone(named:)) ?? zone
    return EventTime.parse(iso, zone: named)
  }

  /// Minutes of an RFC 5545 duration (`PT1H30M`, `P1D`, `PT45M`); nil otherwise.
  static func durationMinutes(_ text: String) -> Int? {
    var rest = Substring(text.uppercased().trimmingCharacters(in: .whitespaces))
    guard rest.hasPrefix("P") else { return nil }
    rest = rest.dropFirst()
    var total = 0
    var number = ""
    var timePart = false
    for character in rest {
      if character.isNumber {
        number.append(character)
        continue
      }
      if character == "T" {
        timePart = true
        continue
      }
      guard let value = Int(number), value <= 10_000 else { return nil }
      number = ""
      switch (character, timePart) {
      case ("W", false): total += value * 7 * 24 * 60
      case ("D", false): total += value * 24 * 60
      case ("H", true): total += value * 60
      case ("M", true): total += value
      case ("S", true): total += value / 60
      default: return nil
      }
    }
    return number.isEmpty ? total : nil
  }

  /// TEXT values: `\n`, `\,`, `\;` and `\\` as what they stand for.
  static func unescaped(_ value: String) -> String {
    var result = ""
    var escaping = false
    for character in value {
      if escaping {
        result.append(character == "n" || character == "N" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
