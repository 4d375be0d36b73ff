import EventModel
import Foundation

/// pretalx's own schedule JSON, the one its schedule widget loads
/// (`/EVENT/schedule/widgets/schedule.json`): flat lists of talks, rooms, tracks and speakers
/// joined by ids, times with their offsets, names either text or one text per language.
enum PretalxJSONReader {
  static func read(_ data: Data, source: String, zone fallback: TimeZone?)
    throws(ScheduleImportError) -> ImportedSchedule
  {
    let object = try ScheduleAssembler.jsonObject(data, source: source)
    guard let top = object as? [String: Any], let talks = top["talks"] as? [Any] else {
      throw ScheduleImportError(
        source: source, message: "is JSON, but not a pretalx schedule (no list of talks in it)")
    }
    let file = (source as NSString).lastPathComponent
    var problems: [ImportProblem] = []
    let zone = ScheduleAssembler.eventZone(
      named: text(top["timezone"]), fallback: fallback,
      sample: (talks.first as? [String: Any]).flatMap { text($0["start"]) },
      place: "\(file) $.timezone", problems: &problems)
    // pretalx names no conference in this file: the title comes from --title or the file.
    let conference = ImportedConference(
      title: text(top["title"]) ?? text(top["name"]) ?? "", acronym: text(top["slug"]),
      start: text(top["event_start"]).flatMap { LocalDate(String($0.prefix(10))) },
      end: text(top["event_end"]).flatMap { LocalDate(String($0.prefix(10))) },
      timeZone: zone.identifier, venue: nil, city: nil, baseURL: text(top["url"]),
      dayChangeMinutes: 0)
    var assembler = ScheduleAssembler(
      source: source, format: .pretalxJSON, conference: conference, zone: zone)
    assembler.problems = problems
    if conference.title.isEmpty {
      assembler.report("\(file) $", "the conference has no title (pretalx's JSON gives none)")
    }

    var roomNames: [String: String] = [:]
    for (index, value) in (top["rooms"] as? [Any] ?? []).enumerated() {
      guard let room = value as? [String: Any], let id = text(room["id"]),
        let name = translated(room["name"]), !name.isEmpty
      else {
        assembler.report("\(file) $.rooms[\(index)]", "a room without an id or a name; left out")
        continue
      }
      roomNames[id] = name
      assembler.addRoom(name)
    }
    var trackNames: [String: String] = [:]
    for value in top["tracks"] as? [Any] ?? [] {
      if let track = value as? [String: Any], let id = text(track["id"]),
        let name = translated(track["name"])
      {
        trackNames[id] = name
      }
    }
    var speakerNames: [String: String] = [:]
    for (index, value) in (top["speakers"] as? [Any] ?? []).enumerated() {
      guard let speaker = value as? [String: Any], let code = text(speaker["code"]) else {
        assembler.report("\(file) $.speakers[\(index)]", "a speaker without a code; left out")
        continue
      }
      speakerNames[code] = text(speaker["name"]) ?? ""
    }

    var breaks = 0
    for (index, value) in talks.enumerated() {
      let place = "\(file) $.talks[\(index)]"
      guard let talk = value as? [String: Any] else {
        assembler.report(place, "a talk that is not an object; left out")
        continue
      }
      // Breaks and blockers have a slot type and no submission code: they are no sessions.
      if talk["code"] == nil || talk["code"] is NSNull, text(talk["slot_type"]) != nil {
        breaks += 1
        continue
      }
      var raw = RawSession(place: place)
      raw.id = text(talk["code"]) ?? text(talk["id"])
      raw.title = translated(talk["title"])
      raw.abstract = translated(talk["abstract"])
      raw.description = translated(talk["description"])
      raw.languages = text(talk["content_locale"]).map { [$0] } ?? []
      raw.dateTime = text(talk["start"]).map(withoutFraction)
      if let roomID = text(talk["room"]) {
        raw.room = roomNames[roomID]
        if raw.room == nil {
          assembler.report(place, "room \(roomID.prefix(20)) is not in the list of rooms")
        }
      } else {
        raw.room = translated(talk["room"])
      }
      raw.track = text(talk["track"]).flatMap { trackNames[$0] } ?? translated(talk["track"])
      raw.duration = duration(talk, zone: zone).map {
        String(format: "%d:%02d", $0 / 60, $0 % 60)
      }
      raw.persons = (talk["speakers"] as? [Any] ?? []).map { value in
        if let speaker = value as? [String: Any] {
          let code = text(speaker["code"])
          return (code, text(speaker["name"]) ?? code.flatMap { speakerNames[$0] } ?? "")
        }
        let code = text(value)
        return (code, code.flatMap { speakerNames[$0] } ?? "")
      }
      if let state = text(talk["state"]), !["confirmed", "accepted"].contains(state) {
        assembler.report(place, "'\(ScheduleText.short(raw.title ?? ""))' is \(state); left out")
        continue
      }
      assembler.sessions.append(raw)
    }
    if breaks > 0 {
      assembler.report(
        "\(file) $.talks",
        "\(breaks) break\(breaks == 1 ? "" : "s") or blocked slot\(breaks == 1 ? "" : "s") left out: no sessions"
      )
    }
    if assembler.sessions.isEmpty && talks.isEmpty {
      throw ScheduleImportError(source: source, message: "is a pretalx schedule without any talks")
    }
    return assembler.assembled()
  }

  /// Minutes from `duration`, else from `end` less `start`.
  private static func duration(_ talk: [String: Any], zone: TimeZone) -> Int? {
    if let minutes = talk["duration"] as? NSNumber, text(minutes) != nil {
      let value = minutes.doubleValue
      if value >= 0, value < 100_000, value.rounded() == value { return Int(value) }
      return nil
    }
    guard
      let start = text(talk["start"]).flatMap({ EventTime.parse(withoutFraction($0), zone: zone) }),
      let end = text(talk["end"]).flatMap({ EventTime.parse(withoutFraction($0), zone: zone) }),
      end >= start
    else { return nil }
    let minutes = end.timeIntervalSince(start) / 60
    return minutes < 100_000 ? Int(minutes) : nil
  }

  /// `2025-03-01T10:00:00.000+01:00` without its fraction of a second, which the clock parser
  /// does not take (Django writes milliseconds when a time has them).
  static func withoutFraction(_ text: String) -> String {
    guard let dot = text.firstIndex(of: ".") else { return text }
    let rest = text[text.index(after: dot)...]
    return String(text[..<dot]) + String(rest.drop(while: \.isASCIIDigitCharacter))
  }

  /// A name pretalx gives as text, or as one text per language: English first, then the
  /// languages in order of their codes, so the same file gives the same name.
  static func translated(_ value: Any?) -> String? {
    if let plain = text(value) { return plain }
    guard let languages = value as? [String: Any] else { return nil }
    if let english = text(languages["en"]), !english.isEmpty { return english }
    return languages.keys.sorted().lazy.compactMap { text(languages[$0]) }.first { !$0.isEmpty }
  }

  static func text(_ value: Any?) -> String? { ScheduleJSONReader.text(value) }
}
