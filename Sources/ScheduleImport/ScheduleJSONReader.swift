import EventModel
import Foundation

/// The c3voc schedule JSON (`schedule.json`) as frab and pretalx write it: the same content as
/// `schedule.xml`, with rooms as keys of each day.
enum ScheduleJSONReader {
  static func read(_ data: Data, source: String, zone fallback: TimeZone?)
    throws(ScheduleImportError) -> ImportedSchedule
  {
    let object = try ScheduleAssembler.jsonObject(data, source: source)
    guard let top = object as? [String: Any], let schedule = top["schedule"] as? [String: Any],
      let conferenceObject = schedule["conference"] as? [String: Any]
    else {
      throw ScheduleImportError(
        source: source, message: "is JSON, but not a schedule (no schedule.conference in it)")
    }
    let file = (source as NSString).lastPathComponent
    let at = "\(file) $.schedule.conference"
    var problems: [ImportProblem] = []
    let dayObjects = conferenceObject["days"] as? [Any] ?? []
    let firstDay = dayObjects.first as? [String: Any]
    let zone = ScheduleAssembler.eventZone(
      named: text(conferenceObject["time_zone_name"]), fallback: fallback,
      sample: text(firstDay?["day_start"]), place: at, problems: &problems)
    let derivedDayChange = ScheduleAssembler.dayChange(
      dayStart: text(firstDay?["day_start"]).flatMap { EventTime.parse($0, zone: zone) },
      dayEnd: text(firstDay?["day_end"]).flatMap { EventTime.parse($0, zone: zone) }, zone: zone)
    let conference = ImportedConference(
      title: text(conferenceObject["title"]).map(ScheduleAssembler.oneLine) ?? "",
      acronym: text(conferenceObject["acronym"]),
      start: text(conferenceObject["start"]).flatMap { LocalDate(String($0.prefix(10))) },
      end: text(conferenceObject["end"]).flatMap { LocalDate(String($0.prefix(10))) },
      timeZone: zone.identifier, venue: text(conferenceObject["venue"]),
      city: text(conferenceObject["city"]),
      baseURL: text(schedule["base_url"]) ?? text(conferenceObject["base_url"])
        ?? text(conferenceObject["url"]),
      dayChangeMinutes: text(conferenceObject["day_change"]).flatMap(ScheduleText.clockMinutes)
        ?? derivedDayChange)
    var assembler = ScheduleAssembler(
      source: source, format: .scheduleJSON, conference: conference, zone: zone)
    assembler.problems = problems
    if conference.title.isEmpty { assembler.report(at, "the conference has no title") }
    for room in conferenceObject["rooms"] as? [Any] ?? [] {
      if let name = (room as? [String: Any]).flatMap({ text($0["name"]) }) ?? text(room) {
        assembler.addRoom(name)
      }
    }
    for (dayIndex, dayValue) in dayObjects.enumerated() {
      let dayPlace = "\(at).days[\(dayIndex)]"
      guard let day = dayValue as? [String: Any] else {
        assembler.report(dayPlace, "a day that is not an object; left out")
        continue
      }
      let date = text(day["date"]).flatMap { LocalDate(String($0.prefix(10))) }
      if let date {
        assembler.days.append(ImportedDay(index: assembler.days.count + 1, date: date))
      } else {
        assembler.report(dayPlace, "a day without a date; its events need their own")
      }
      let rooms = day["rooms"] as? [String: Any] ?? [:]
      // The schedule's room order, then the others by name: the same file, the same result.
      let order = assembler.rooms
      let names = rooms.keys.sorted {
        (order.firstIndex(of: $0) ?? Int.max, $0) < (order.firstIndex(of: $1) ?? Int.max, $1)
      }
      for roomName in names {
        assembler.addRoom(roomName)
        guard let events = rooms[roomName] as? [Any] else {
          assembler.report("\(dayPlace).rooms[\"\(roomName)\"]", "is not a list of events")
          continue
        }
        for (eventIndex, eventValue) in events.enumerated() {
          let place = "\(dayPlace).rooms[\"\(roomName)\"][\(eventIndex)]"
          guard let event = eventValue as? [String: Any] else {
            assembler.report(place, "an event that is not an object; left out")
            continue
          }
          assembler.sessions.append(session(event, place: place, room: roomName, day: date))
        }
      }
    }
    if assembler.sessions.isEmpty && dayObjects.isEmpty {
      throw ScheduleImportError(source: source, message: "is a schedule without any days or events")
    }
    return assembler.assembled()
  }

  private static func session(_ event: [String: Any], place: String, room: String, day: LocalDate?)
    -> RawSession
  {
    var raw = RawSession(place: place)
    raw.guid = text(event["guid"])
    raw.id = text(event["id"])
    raw.title = text(event["title"])
    raw.subtitle = text(event["subtitle"])
    raw.type = text(event["type"])
    raw.languages = (text(event["language"]) ?? "").split { $0 == "," || $0 == " " }.map(
      String.init)
    raw.dateTime = text(event["date"])
    raw.clock = text(event["start"])
    raw.dayDate = day
    raw.duration = text(event["duration"])
    raw.room = text(event["room"]).flatMap { $0.isEmpty ? nil : $0 } ?? room
    raw.track = text(event["track"])
    raw.abstract = text(event["abstract"])
    raw.description = text(event["description"])
    raw.persons = (event["persons"] as? [Any] ?? []).map { value in
      guard let person = value as? [String: Any] else { return (nil, text(value) ?? "") }
      let name =
        text(person["public_name"]) ?? text(person["name"]) ?? text(person["full_public_name"])
      return (text(person["id"]) ?? text(person["code"]) ?? text(person["guid"]), name ?? "")
    }
    raw.links = (event["links"] as? [Any] ?? []).compactMap { value in
      guard let link = value as? [String: Any], let url = text(link["url"]) else { return nil }
      return (text(link["title"]) ?? url, url)
    }
    raw.url = text(event["url"])
    return raw
  }

  /// A JSON string, or a number written as text (ids are numbers in some schedules, strings
  /// in others); nil for anything else.
  static func text(_ value: Any?) -> String? {
    switch value {
    case let string as String: return string
    case let number as NSNumber:
      // Booleans are numbers to JSONSerialization (of type "c"); they are not text.
      if String(cString: number.objCType) == "c" { return nil }
      let double = number.doubleValue
      if double.rounded() == double, abs(double) < 1e15 { return String(Int64(double)) }
      return number.stringValue
    default: return nil
    }
  }
}
