import EventModel
import Foundation

/// A session as a parser found it, with its place in the file, before the checks that need
/// the whole schedule (repeated ids, speakers across sessions, days).
struct RawSession {
  var place: String
  var guid: String?
  var id: String?
  var title: String?
  var subtitle: String?
  var type: String?
  var languages: [String] = []
  /// The session's own date-time with its offset, when the schedule gives one.
  var dateTime: String?
  /// Its clock time (`11:00`) and the date of the day it is listed under, for schedules
  /// without the former.
  var clock: String?
  var dayDate: LocalDate?
  var duration: String?
  var room: String?
  var track: String?
  var abstract: String?
  var description: String?
  var persons: [(id: String?, name: String)] = []
  var links: [(title: String, url: String)] = []
  var url: String?
}

/// Turns what a parser read into an `ImportedSchedule`: times in the event's zone, sessions
/// after midnight on the day before, repeated sessions once, speakers joined across sessions,
/// and every problem reported with its place.
struct ScheduleAssembler {
  var source: String
  var format: ScheduleFormat
  var conference: ImportedConference
  var zone: TimeZone
  var rooms: [String] = []
  var days: [ImportedDay] = []
  var sessions: [RawSession] = []
  var problems: [ImportProblem] = []

  mutating func report(_ place: String, _ message: String) {
    problems.append(ImportProblem(place: place, message: message))
  }

  mutating func addRoom(_ name: String) {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    if !trimmed.isEmpty && !rooms.contains(trimmed) { rooms.append(trimmed) }
  }

  func assembled() -> ImportedSchedule {
    var problems = self.problems
    var imported: [ImportedSession] = []
    var seenGUIDs: [String: String] = [:]
    var seenIDs: [String: String] = [:]
    // One person, one spelling: the longest name an id is given anywhere in the schedule
    // ("Dana Lötkolben" over "Dana L."), whichever session comes first.
    var personNames: [String: String] = [:]
    for raw in sessions {
      for person in raw.persons {
        guard let id = person.id?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
          continue
        }
        let name = Self.oneLine(person.name)
        if let known = personNames[id], known.count >= name.count { continue }
        if !name.isEmpty { personNames[id] = name }
      }
    }
    var rooms = self.rooms
    var tracks: [String] = []
    for raw in sessions {
      func report(_ message: String) {
        problems.append(ImportProblem(place: raw.place, message: message))
      }
      let title = raw.title.map(Self.oneLine) ?? ""
      guard !title.isEmpty else {
        report("a session without a title was left out")
        continue
      }
      let id = raw.id?.trimmingCharacters(in: .whitespaces) ?? ""
      let guid = raw.guid?.trimmingCharacters(in: .whitespaces).lowercased()
      guard !id.isEmpty || guid?.isEmpty == false else {
        report("'\(ScheduleText.short(title))' has neither an id nor a guid and was left out")
        continue
      }
      // Merged schedules repeat sessions: the first of a guid (else of an id) counts.
      if let guid, !guid.isEmpty {
        if let first = seenGUIDs[guid] {
          report("'\(ScheduleText.short(title))' repeats guid \(guid) of \(first); left out")
          continue
        }
        seenGUIDs[guid] = raw.place
      } else if let first = seenIDs[id] {
        report("'\(ScheduleText.short(title))' repeats id \(id) of \(first); left out")
        continue
      }
      if !id.isEmpty {
        if let first = seenIDs[id] {
          report(
            "'\(ScheduleText.short(title))' has id \(id), as \(first) does; ids are matched by guid"
          )
        } else {
          seenIDs[id] = raw.place
        }
      }
      guard let start = startDate(raw) else {
        report("'\(ScheduleText.short(title))' has no start time that can be read; left out")
        continue
      }
      var minutes = 0
      if let text = raw.duration {
        if let parsed = ScheduleText.durationMinutes(text) {
          minutes = parsed
        } else {
          report(
            "'\(ScheduleText.short(title))': the duration '\(text.prefix(20))' cannot be read; taken as 0"
          )
        }
      } else {
        report("'\(ScheduleText.short(title))' has no duration; taken as 0")
      }
      if minutes == 0 { report("'\(ScheduleText.short(title))' lasts no time at all") }
      let room = raw.room.map(Self.oneLine) ?? ""
      guard !room.isEmpty else {
        report("'\(ScheduleText.short(title))' has no room; left out")
        continue
      }
      if !rooms.contains(room) { rooms.append(room) }
      let track = raw.track.map(Self.oneLine).flatMap { $0.isEmpty ? nil : $0 }
      if let track, !tracks.contains(track) { tracks.append(track) }
      var persons: [ImportedPerson] = []
      for (index, person) in raw.persons.enumerated() {
        let name = Self.oneLine(person.name)
        let personID = person.id?.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
          report("person \(index + 1) of '\(ScheduleText.short(title))' has no name; left out")
          continue
        }
        let shown = personID.flatMap { personNames[$0] } ?? name
        let person = ImportedPerson(id: personID?.isEmpty == false ? personID : nil, name: shown)
        if !persons.contains(where: { $0.name == person.name }) { persons.append(person) }
      }
      let links = raw.links.compactMap { link -> ImportedLink? in
        guard let url = ScheduleText.absoluteLink(link.url, base: conference.baseURL) else {
          report(
            "a link of '\(ScheduleText.short(title))' ('\(link.url.prefix(40))') is no address; left out"
          )
          return nil
        }
        let label = Self.oneLine(link.title)
        return ImportedLink(title: label.isEmpty ? url : label, url: url)
      }
      imported.append(
        ImportedSession(
          guid: guid?.isEmpty == false ? guid : nil, id: id.isEmpty ? (guid ?? "") : id,
          title: title, subtitle: raw.subtitle.map(Self.oneLine).flatMap { $0.isEmpty ? nil : $0 },
          type: raw.type.map(Self.oneLine).flatMap { $0.isEmpty ? nil : $0 },
          languages: raw.languages.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty },
          start: start, durationMinutes: minutes, room: room, track: track,
          abstract: raw.abstract.map(ScheduleText.readable).flatMap { $0.isEmpty ? nil : $0 },
          description: raw.description.map(ScheduleText.readable).flatMap {
            $0.isEmpty ? nil : $0
          },
          persons: persons, links: links,
          url: raw.url.flatMap { ScheduleText.absoluteLink($0, base: conference.baseURL) },
          day: nil))
    }
    // Which day each session belongs to: the date of its start, less the day change. Days the
    // schedule lists are the days; a schedule without any gets those its sessions are on.
    func programmeDate(_ session: ImportedSession) -> LocalDate {
      EventTime.localDate(
        session.start.addingTimeInterval(-Double(conference.dayChangeMinutes) * 60), zone: zone)
    }
    var dates = Set(self.days.map(\.date))
    if dates.isEmpty { dates = Set(imported.map(programmeDate)) }
    let days = dates.sorted().enumerated().map {
      ImportedDay(index: $0.offset + 1, date: $0.element)
    }
    for index in imported.indices {
      let date = programmeDate(imported[index])
      imported[index].day = days.first { $0.date == date }?.index
      if imported[index].day == nil {
        problems.append(
          ImportProblem(
            place: "session \(imported[index].id)",
            message:
              "'\(ScheduleText.short(imported[index].title))' is on \(date), not a day of the schedule; kept, on no day"
          ))
      }
    }
    // Two sessions at once in one room: both kept (merged schedules have them), said once each.
    let byRoom = Dictionary(grouping: imported.indices, by: { imported[$0].room })
    for room in rooms {
      let list = (byRoom[room] ?? []).sorted { imported[$0].start < imported[$1].start }
      for (earlier, later) in zip(list, list.dropFirst())
      where imported[later].start < imported[earlier].end {
        problems.append(
          ImportProblem(
            place: "session \(imported[later].id)",
            message:
              "'\(ScheduleText.short(imported[later].title))' overlaps '\(ScheduleText.short(imported[earlier].title))' in \(room); both kept"
          ))
      }
    }
    var finished = conference
    // An empty <acronym/> or "venue": "" says nothing: the event is then named by its title.
    func given(_ text: String?) -> String? {
      let trimmed = text.map(Self.oneLine) ?? ""
      return trimmed.isEmpty ? nil : trimmed
    }
    finished.acronym = given(finished.acronym)
    finished.venue = given(finished.venue)
    finished.city = given(finished.city)
    finished.baseURL = given(finished.baseURL)
    if finished.start == nil { finished.start = days.first?.date }
    if finished.end == nil { finished.end = days.last?.date }
    return ImportedSchedule(
      source: source, format: format, conference: finished, days: days, rooms: rooms,
      tracks: tracks, sessions: imported, problems: problems)
  }

  private func startDate(_ raw: RawSession) -> Date? {
    if let text = raw.dateTime, let date = EventTime.parse(text, zone: zone) { return date }
    guard let clock = raw.clock.flatMap(ScheduleText.clockMinutes), let day = raw.dayDate else {
      return nil
    }
    // A clock time before the day change is on the next calendar day of the day it is listed
    // under.
    var date = EventTime.startOfDay(day, zone: zone).addingTimeInterval(Double(clock) * 60)
    if clock < conference.dayChangeMinutes { date.addTimeInterval(86_400) }
    return date
  }

  /// The event's zone: the one the schedule names, else `fallback` (--time-zone), else the
  /// offset of `sample`, one of its times, as older exports name no zone; UTC when there is
  /// nothing to go by. A name no zone has, and a zone taken from an offset, are reported.
  static func eventZone(
    named name: String?, fallback: TimeZone?, sample: String?, place: String,
    problems: inout [ImportProblem]
  ) -> TimeZone {
    let utc = TimeZone(identifier: "UTC") ?? .current
    if let name, !name.isEmpty {
      if let named = EventTime.timeZone(named: name) { return named }
      let used = fallback ?? utc
      problems.append(
        ImportProblem(
          place: place,
          message: "unknown time zone '\(name.prefix(40))'; using \(used.identifier)"))
      return used
    }
    if let fallback { return fallback }
    guard let sample, let offsetZone = zone(fromOffsetOf: sample) else { return utc }
    problems.append(
      ImportProblem(
        place: place,
        message:
          "no time zone named; the times are at \(offsetZone.identifier), which knows no summer time (give --time-zone, such as Europe/Berlin)"
      ))
    return offsetZone
  }

  /// A JSON schedule file parsed, or the one message for a file that is no JSON.
  static func jsonObject(_ data: Data, source: String) throws(ScheduleImportError) -> Any {
    do {
      return try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ScheduleImportError(source: source, message: "is not valid JSON")
    }
  }

  /// The zone of a schedule that names none, from the offset of one of its times
  /// (`2014-12-27T11:00:00+01:00`): a fixed zone of that offset (`Etc/GMT-1`, the IANA name,
  /// whose sign is the other way round), which is right for the event's days but knows no change
  /// to summer time. Nil without an offset, or for one that is not whole hours.
  static func zone(fromOffsetOf text: String) -> TimeZone? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.count >= 20 else { return nil }
    if trimmed.hasSuffix("Z") { return TimeZone(identifier: "UTC") }
    let tail = trimmed.suffix(6)
    guard let sign = tail.first, sign == "+" || sign == "-",
      let hours = Int(tail.dropFirst().prefix(2)), tail.dropFirst(3).first == ":",
      let minutes = Int(tail.suffix(2)), minutes == 0, hours <= 14
    else { return nil }
    if hours == 0 { return TimeZone(identifier: "UTC") }
    return TimeZone(identifier: "Etc/GMT\(sign == "+" ? "-" : "+")\(hours)")
  }

  /// When a programme day ends and the next begins, from a day's own start and end: frab
  /// writes a day from 04:00 to 03:59 the next morning, older exports from the first talk
  /// (11:00) to 04:00 the next morning. A day that ends the next morning changes then (03:59
  /// read as 04:00); one that ends on its own date changes at midnight; without an end, a start
  /// in the small hours is the change. Never noon or later: that is a start, not a change.
  static func dayChange(dayStart: Date?, dayEnd: Date?, zone: TimeZone) -> Int {
    let noon = 12 * 60
    if let dayEnd {
      guard let dayStart,
        EventTime.localDate(dayEnd, zone: zone) > EventTime.localDate(dayStart, zone: zone)
      else { return 0 }
      var minutes = EventTime.minutesAfterMidnight(dayEnd, zone: zone)
      if minutes % 60 == 59 { minutes += 1 }
      return minutes < noon ? minutes : 0
    }
    guard let dayStart else { return 0 }
    let minutes = EventTime.minutesAfterMidnight(dayStart, zone: zone)
    return minutes <= 6 * 60 ? minutes : 0
  }

  /// Text on one line, trimmed, entities and tags out.
  static func oneLine(_ text: String) -> String {
    ScheduleText.readable(text).split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
