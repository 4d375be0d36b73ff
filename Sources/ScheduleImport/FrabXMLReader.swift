import EventModel
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// frab / Pentabarf `schedule.xml` read through libxml2 (Foundation's XMLParser): conference,
/// days, rooms and events with their persons and links.
enum FrabXMLReader {
  static func read(_ data: Data, source: String, zone fallback: TimeZone?)
    throws(ScheduleImportError) -> ImportedSchedule
  {
    let root = try XMLTree.parse(data, source: source)
    guard root.name == "schedule" else {
      throw ScheduleImportError(
        source: source, message: "is XML, but not a schedule (its root is <\(root.name)>)")
    }
    let file = (source as NSString).lastPathComponent
    let conferenceElement = root.child("conference")
    var problems: [ImportProblem] = []
    let firstDay = root.children("day").first
    let zone = ScheduleAssembler.eventZone(
      named: conferenceElement?.text(of: "time_zone_name"), fallback: fallback,
      sample: firstDay?.attributes["start"]
        ?? firstDay?.children("room").first?.children("event").first?.text(of: "date"),
      place: "\(file):\(conferenceElement?.line ?? 1)", problems: &problems)
    let conference = ImportedConference(
      title: conferenceElement?.text(of: "title").map(ScheduleAssembler.oneLine) ?? "",
      acronym: conferenceElement?.text(of: "acronym"),
      start: conferenceElement?.text(of: "start").flatMap { LocalDate(String($0.prefix(10))) },
      end: conferenceElement?.text(of: "end").flatMap { LocalDate(String($0.prefix(10))) },
      timeZone: zone.identifier, venue: conferenceElement?.text(of: "venue"),
      city: conferenceElement?.text(of: "city"),
      baseURL: conferenceElement?.text(of: "base_url"),
      dayChangeMinutes: conferenceElement?.text(of: "day_change").flatMap(
        ScheduleText.clockMinutes) ?? dayChange(of: root.children("day"), zone: zone))
    var assembler = ScheduleAssembler(
      source: source, format: .frabXML, conference: conference, zone: zone)
    assembler.problems = problems
    if conference.title.isEmpty {
      assembler.report(
        "\(file):\(conferenceElement?.line ?? root.line)", "the conference has no title")
    }
    for room in root.child("rooms")?.children("room") ?? [] {
      assembler.addRoom(room.attributes["name"] ?? room.text)
    }
    for day in root.children("day") {
      let date = day.attributes["date"].flatMap { LocalDate(String($0.prefix(10))) }
      if let date {
        assembler.days.append(ImportedDay(index: assembler.days.count + 1, date: date))
      } else {
        assembler.report("\(file):\(day.line)", "a day without a date; its events need their own")
      }
      for room in day.children("room") {
        let roomName = room.attributes["name"]
        if let roomName { assembler.addRoom(roomName) }
        for event in room.children("event") {
          assembler.sessions.append(session(event, room: roomName, day: date, file: file))
        }
      }
    }
    if assembler.sessions.isEmpty && root.children("day").isEmpty {
      throw ScheduleImportError(source: source, message: "is a schedule without any days or events")
    }
    return assembler.assembled()
  }

  private static func session(_ event: XMLTree, room: String?, day: LocalDate?, file: String)
    -> RawSession
  {
    var raw = RawSession(place: "\(file):\(event.line)")
    raw.guid = event.attributes["guid"] ?? event.text(of: "guid")
    raw.id = event.attributes["id"] ?? event.text(of: "id")
    raw.title = event.text(of: "title")
    raw.subtitle = event.text(of: "subtitle")
    raw.type = event.text(of: "type")
    raw.languages = (event.text(of: "language") ?? "").split { $0 == "," || $0 == " " }.map(
      String.init)
    raw.dateTime = event.text(of: "date")
    raw.clock = event.text(of: "start")
    raw.dayDate = day
    raw.duration = event.text(of: "duration")
    raw.room = event.text(of: "room").flatMap { $0.isEmpty ? nil : $0 } ?? room
    raw.track = event.text(of: "track")
    raw.abstract = event.text(of: "abstract")
    raw.description = event.text(of: "description")
    raw.persons = persons(of: event)
    raw.links = (event.child("links")?.children("link") ?? []).compactMap { link in
      link.attributes["href"].map { (title: link.text, url: $0) }
    }
    raw.url = event.text(of: "url")
    return raw
  }

  /// An event's persons: frab's `<persons><person id="…">`, or `<person>` elements right under
  /// the event as some site generators write them, one of which may list several people
  /// ("Dr. Ada Example, Bob Beispiel"). An empty one there only means nobody is named.
  static func persons(of event: XMLTree) -> [(id: String?, name: String)] {
    if let list = event.child("persons") {
      return list.children("person").map { (id: $0.attributes["id"], name: $0.text) }
    }
    return event.children("person").flatMap { person -> [(id: String?, name: String)] in
      let names = ScheduleText.personNames(person.text)
      // An id names one person, not a list of them.
      return names.map { (id: names.count == 1 ? person.attributes["id"] : nil, name: $0) }
    }
  }

  /// The day change from the first day's own times, when the conference gives none.
  private static func dayChange(of days: [XMLTree], zone: TimeZone) -> Int {
    guard let day = days.first else { return 0 }
    return ScheduleAssembler.dayChange(
      dayStart: day.attributes["start"].flatMap { EventTime.parse($0, zone: zone) },
      dayEnd: day.attributes["end"].flatMap { EventTime.parse($0, zone: zone) }, zone: zone)
  }
}

/// An XML document as a tree of elements, each with the line it starts on.
final class XMLTree {
  let name: String
  let attributes: [String: String]
  let line: Int
  fileprivate(set) var text = ""
  fileprivate(set) var elements: [XMLTree] = []

  init(name: String, attributes: [String: String], line: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
  }

  func child(_ name: String) -> XMLTree? { elements.first { $0.name == name } }
  func children(_ name: String) -> [XMLTree] { elements.filter { $0.name == name } }
  /// The trimmed text of a child element, nil when there is no such child.
  func text(of name: String) -> String? {
    child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  static func parse(_ data: Data, source: String) throws(ScheduleImportError) -> XMLTree {
    // Foundation's XMLParser traps on a name that is not UTF-8 (found by the damaged-file
    // test), so the bytes are checked first; schedules are UTF-8 in practice.
    if let bad = UTF8Text.firstInvalid(in: data) {
      throw ScheduleImportError(
        source: source,
        message:
          "is not UTF-8 text (line \(bad.line), column \(bad.column)); save it as UTF-8 and import it again"
      )
    }
    let builder = Builder()
    let parser = XMLParser(data: data)
    parser.delegate = builder
    // No external entities or DTDs from the network: a schedule is one file.
    parser.shouldResolveExternalEntities = false
    let parsed = parser.parse()
    if parsed, let open = builder.stack.last {
      // libxml2 stops at the end of a file cut short without calling it an error.
      throw ScheduleImportError(
        source: source,
        message:
          "is not well-formed XML: <\(open.name)> from line \(open.line) is never closed (is the file cut short?)"
      )
    }
    guard parsed, let root = builder.root else {
      let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not XML"
      throw ScheduleImportError(
        source: source,
        message:
          "is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber)): \(error)"
      )
    }
    return root
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    var stack: [XMLTree] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let element = XMLTree(name: elementName, attributes: attributes, line: parser.lineNumber)
      if let parent = stack.last {
        parent.elements.append(element)
      } else if root == nil {
        root = element
      }
      stack.append(element)
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
      stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }
  }
}
