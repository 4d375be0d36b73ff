import EventModel
import Foundation

/// Turns an imported schedule into an event pack: the conference, its days, rooms (named, not
/// placed: a schedule has no floor plan), tracks as topics, speakers and sessions, each record
/// naming the schedule file it comes from. Nothing is invented: no positions, no exhibitors, no
/// translations.
public enum SchedulePackBuilder {
  /// The pack of `schedule`. With `previous`, the record of an import of an older version of
  /// it, sessions found again keep their ids (by guid, then by the schedule's id).
  public static func pack(
    _ schedule: ImportedSchedule, id packID: String? = nil,
    previous: ScheduleImportRecord? = nil
  ) -> EventPack {
    let file = (schedule.source as NSString).lastPathComponent
    var sources = ["schedule:" + file]
    if let base = schedule.conference.baseURL, base.hasPrefix("http"), !base.contains(" ") {
      sources.append(base)
    }
    let provenance = Provenance(sources: sources)
    // Visitors see the title: a file name is no name for an event.
    let title = schedule.conference.title.isEmpty ? "Conference" : schedule.conference.title
    let id = packID ?? slug(schedule.conference.acronym ?? title, fallback: "event")
    let days = schedule.days.map { day in
      EventDay(
        date: day.date.description, label: LocalizedText(en: "Day \(day.index)"),
        activities: [.conference])
    }
    let event = EventInfo(
      id: id, name: LocalizedText(en: title),
      shortName: LocalizedText(en: schedule.conference.acronym ?? title),
      theme: LocalizedText(en: title), timeZone: schedule.conference.timeZone ?? "UTC",
      days: days,
      dayChange: (1..<(12 * 60)).contains(schedule.conference.dayChangeMinutes)
        ? EventTime.clockText(schedule.conference.dayChangeMinutes) : nil,
      provenance: provenance)
    let manifest = PackManifest(
      id: id, synthetic: false, event: event, languages: [.en],
      codePrefix: codePrefix(acronym: schedule.conference.acronym, title: title))

    var topicIDs: [String: String] = [:]
    var usedTopicIDs = Set<String>()
    let topics = schedule.tracks.map { track -> Topic in
      let topicID = unique(slug(track, fallback: "track"), in: &usedTopicIDs)
      topicIDs[track] = topicID
      return Topic(id: topicID, name: LocalizedText(en: track), aliases: [], provenance: provenance)
    }
    let venueName = schedule.conference.venue ?? title
    let venue = Venue(
      id: "venue", name: LocalizedText(en: venueName), kind: .convention,
      address: schedule.conference.city.map { LocalizedText(en: $0) }, location: nil,
      provenance: provenance)
    var roomIDs: [String: String] = [:]
    var usedRoomIDs = Set<String>()
    let rooms = schedule.rooms.map { name -> Room in
      let roomID = unique(slug(name, fallback: "room"), in: &usedRoomIDs)
      roomIDs[name] = roomID
      return Room(
        id: roomID, floor: nil, name: LocalizedText(en: name), rect: nil, node: nil,
        provenance: provenance)
    }
    // Speakers: one per person id, else per name.
    var speakerIDs: [String: String] = [:]
    var usedSpeakerIDs = Set<String>()
    var speakers: [Speaker] = []
    for session in schedule.sessions {
      for person in session.persons {
        let key = person.id.map { "id:" + $0 } ?? "name:" + person.name
        guard speakerIDs[key] == nil else { continue }
        let speakerID = unique(
          person.id.map { "p-" + slug($0, fallback: "person") }
            ?? slug(person.name, fallback: "person"),
          in: &usedSpeakerIDs)
        speakerIDs[key] = speakerID
        speakers.append(
          Speaker(
            id: speakerID, name: LocalizedText(en: person.name), affiliation: nil,
            provenance: provenance))
      }
    }
    let sessionIDs = SessionIdentities.assign(schedule.sessions, previous: previous) {
      "s-" + slug($0.id, fallback: "session")
    }
    let sessions = zip(schedule.sessions, sessionIDs).map { session, sessionID -> Session in
      var text = [session.subtitle, session.abstract, session.description].compactMap { $0 }
        .joined(separator: "\n\n")
      if !session.links.isEmpty {
        text +=
          (text.isEmpty ? "" : "\n\n")
          + session.links.map { "\($0.title): \($0.url)" }.joined(separator: "\n")
      }
      var sessionSources = sources
      if let url = session.url, url.hasPrefix("http"), !url.contains(" ") {
        sessionSources.append(url)
      }
      return Session(
        id: sessionID, title: LocalizedText(en: session.title), kind: kind(of: session.type),
        start: session.start, end: session.end, room: roomIDs[session.room] ?? "",
        organisers: [],
        speakers: session.persons.compactMap {
          speakerIDs[$0.id.map { "id:" + $0 } ?? "name:" + $0.name]
        },
        topics: session.track.flatMap { topicIDs[$0] }.map { [$0] } ?? [],
        description: text.isEmpty ? nil : LocalizedText(en: text),
        provenance: Provenance(sources: sessionSources))
    }
    return EventPack(
      manifest: manifest, topics: topics,
      venues: VenueFile(venues: [venue], floors: [], halls: [], zones: [], rooms: rooms),
      pavilions: [], booths: [],
      walkways: WalkwayGraph(provenance: provenance, nodes: [], edges: []), exhibitors: [],
      speakers: speakers, sessions: sessions, cityWalks: [], info: [])
  }

  /// The pack's kind for a schedule's session type.
  static func kind(of type: String?) -> SessionKind {
    let folded = (type ?? "").lowercased()
    let kinds: [(words: [String], kind: SessionKind)] = [
      (["ceremony", "opening", "closing"], .ceremony),
      (["keynote", "plenary"], .plenary),
      (["panel", "podium", "discussion", "roundtable"], .roundtable),
      (["workshop", "hands-on", "tutorial"], .workshop),
      (["meetup", "meet-up", "self-organized", "self organized", "assembly", "bof"], .meetup),
      (["lecture", "talk", "lightning", "presentation", "short"], .talk),
      (["forum"], .forum), (["party", "concert", "evening"], .evening),
    ]
    for entry in kinds where entry.words.contains(where: folded.contains) { return entry.kind }
    return .other
  }

  /// An id from a name: lower-case letters, digits and hyphens; Han and other letters kept.
  /// What the pack's QR codes start with: the acronym in capitals ("38C3"), else the initials
  /// of the title's words with its numbers whole ("Test Congress 2025" → "TC2025"), else EVENT;
  /// never WAIC's, so that a poster of one event is not read as another's.
  static func codePrefix(acronym: String?, title: String) -> String {
    func ascii(_ text: String) -> [String] {
      TextFolding.fold(text).uppercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        .map(String.init)
    }
    var prefix = ascii(acronym ?? "").joined()
    if prefix.isEmpty {
      prefix = ascii(title).map { word in
        word.allSatisfy(\.isNumber) ? word : String(word.prefix(1))
      }.joined()
    }
    prefix = String(prefix.prefix(PlaceCode.maximumPrefixLength))
    return PlaceCode.isValidPrefix(prefix) && prefix + ":" != PlaceCode.prefix ? prefix : "EVENT"
  }

  static func slug(_ text: String, fallback: String) -> String {
    var result = ""
    for character in TextFolding.fold(text) {
      if character.isLetter || character.isNumber {
        result.append(character)
      } else if !result.isEmpty && result.last != "-" {
        result.append("-")
      }
    }
    while result.last == "-" { result.removeLast() }
    return result.isEmpty ? fallback : String(result.prefix(60))
  }

  private static func unique(_ id: String, in used: inout Set<String>) -> String {
    var candidate = id
    var number = 2
    while used.contains(candidate) {
      candidate = "\(id)-\(number)"
      number += 1
    }
    used.insert(candidate)
    return candidate
  }
}
