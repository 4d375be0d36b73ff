import EventModel
import Foundation
import Testing

@testable import ScheduleImport

enum ScheduleFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func data(_ name: String) throws -> Data {
    try Data(contentsOf: directory.appendingPathComponent(name))
  }

  static let berlin = TimeZone(identifier: "Europe/Berlin")!

  static func date(_ text: String) -> Date {
    EventTime.parse(text, zone: berlin) ?? .distantPast
  }
}

@Suite("Reading frab schedule.xml")
struct FrabXMLTests {
  let schedule: ImportedSchedule

  init() throws {
    schedule = try ScheduleImporter.read(
      try ScheduleFixtures.data("congress.xml"), source: "congress.xml")
  }

  func session(_ id: String) -> ImportedSession? {
    schedule.sessions.first { $0.id == id }
  }

  @Test("the conference, its days and rooms")
  func conference() {
    #expect(schedule.format == .frabXML)
    #expect(schedule.conference.title == "Test Congress & Friends 2025")
    #expect(schedule.conference.acronym == "tc25")
    #expect(schedule.conference.timeZone == "Europe/Berlin")
    #expect(schedule.conference.dayChangeMinutes == 4 * 60)
    #expect(schedule.conference.start == LocalDate("2025-12-27"))
    #expect(schedule.days.map(\.date) == [LocalDate("2025-12-27"), LocalDate("2025-12-28")])
    #expect(schedule.rooms == ["Hall One", "Hall Two"])
    #expect(schedule.tracks == ["Security", "Infrastructure", "Community"])
  }

  @Test("a session with its time, text, speakers and links")
  func session() throws {
    let rust = try #require(session("101"))
    #expect(rust.guid == "aaaaaaaa-0000-4000-8000-000000000001")
    #expect(rust.title == "Rust in the Linux kernel")
    #expect(rust.subtitle == "Two years <in>")
    #expect(rust.start == ScheduleFixtures.date("2025-12-27T11:00:00+01:00"))
    #expect(rust.durationMinutes == 40)
    #expect(rust.room == "Hall One")
    #expect(rust.track == "Security")
    #expect(rust.languages == ["en"])
    #expect(rust.abstract == "Where Rust & C meet – and why.\n\nSecond paragraph.")
    #expect(rust.description == "Drivers first. See the slides (https://slides.example.org/rust).")
    #expect(rust.persons.map(\.name) == ["Alice Example", "Bob Beispiel"])
    #expect(
      rust.links.map(\.url) == [
        "https://schedule.example.org/media/rust.pdf", "https://code.example.org/rust",
      ])
    #expect(rust.url == "https://schedule.example.org/tc25/events/101.html")
    #expect(rust.day == 1)
  }

  @Test("a session after midnight belongs to the day before; times without a date are placed")
  func days() throws {
    let night = try #require(session("103"))
    #expect(night.start == ScheduleFixtures.date("2025-12-28T01:30:00+01:00"))
    #expect(night.day == 1)
    #expect(night.room == "Hall One")
    let opening = try #require(session("104"))
    #expect(opening.start == ScheduleFixtures.date("2025-12-27T10:00:00+01:00"))
    #expect(opening.room == "Hall Two")
    #expect(session("105")?.day == 2)
  }

  @Test("durations in every form: H:MM, HH:MM:SS, DD:HH:MM")
  func durations() {
    #expect(session("102")?.durationMinutes == 45)
    #expect(session("103")?.durationMinutes == 90)
    #expect(schedule.sessions.first { $0.title == "Security for everyone" }?.durationMinutes == 90)
    #expect(schedule.sessions.first { $0.title == "Lightning talks" }?.durationMinutes == 62)
  }

  @Test("the same person under one name across sessions; a person without a name left out")
  func persons() throws {
    let containers = try #require(session("102"))
    #expect(containers.persons.map(\.name) == ["Alice Example"])
    #expect(containers.languages == ["en", "de"])
  }

  @Test("each problem is reported with its line: repeats, empty persons, no length, overlaps")
  func problems() {
    let text = schedule.problems.map(\.description)
    func reported(_ part: String) -> [String] { text.filter { $0.contains(part) } }
    #expect(reported("repeats guid aaaaaaaa-0000-4000-8000-000000000001").count == 1)
    #expect(reported("repeats guid").first?.hasPrefix("congress.xml:80:") == true, "\(text)")
    #expect(reported("has id 105").count == 1)
    #expect(reported("has no name").count == 1)
    #expect(reported("'Opening' lasts no time at all").count == 1)
    #expect(reported("overlaps 'Rust in the Linux kernel' in Hall One").count == 1)
    #expect(reported("overlaps 'Security for everyone' in Hall Two").count == 1)
    // Every session of the file is in the schedule or in a problem.
    #expect(schedule.sessions.count == 6)
  }

  @Test("an older export: no time zone named, single quotes, recording details, short guids")
  func olderExport() throws {
    // The shape of congress exports of about 2014, written for this test.
    let text = """
      <?xml version='1.0' encoding='utf-8' ?>
      <schedule>
      <version>1.0 Testing</version>
      <conference><acronym>old14</acronym><title>Old Congress</title>
      <start>2014-12-27</start><end>2014-12-28</end><days>2</days></conference>
      <day date='2014-12-27' end='2014-12-28T04:00:00+01:00' index='1' start='2014-12-27T11:00:00+01:00'>
      <room name='Saal 1'>
      <event guid='Hx3kd9-Test_Guid1' id='61'>
      <date>2014-12-27T11:00:00+01:00</date><start>11:00</start><duration>00:30</duration>
      <room>Saal 1</room><slug>old14_-_61_-_opening</slug>
      <recording><license></license><optout>false</optout></recording>
      <title>Opening</title><subtitle></subtitle><track>CCC</track><type>lecture</type>
      <language>en</language><abstract></abstract><description></description>
      <persons><person id='15'>someone</person></persons><links></links>
      </event>
      <event guid='Zq81-Test_Guid2' id='62'>
      <date>2014-12-28T00:30:00+01:00</date><start>00:30</start><duration>01:00</duration>
      <room>Saal 1</room><title>After midnight</title><type>lecture</type>
      <persons></persons><links></links>
      </event>
      </room>
      </day>
      </schedule>
      """
    let schedule = try ScheduleImporter.read(Data(text.utf8), source: "old.xml")
    #expect(schedule.conference.timeZone == "Etc/GMT-1")
    #expect(schedule.problems.contains { $0.message.contains("no time zone named") })
    #expect(schedule.conference.dayChangeMinutes == 240)
    let opening = try #require(schedule.sessions.first { $0.id == "61" })
    #expect(opening.guid == "hx3kd9-test_guid1")
    #expect(opening.start == ScheduleFixtures.date("2014-12-27T11:00:00+01:00"))
    #expect(opening.persons.map(\.name) == ["someone"])
    let late = try #require(schedule.sessions.first { $0.id == "62" })
    #expect(late.day == 1)
    // The pack shows the times as the schedule does.
    let catalog = EventCatalog(pack: SchedulePackBuilder.pack(schedule))
    #expect(EventTime.clockTime(opening.start, zone: catalog.timeZone) == "11:00")
    #expect(ScheduleAssembler.zone(fromOffsetOf: "2026-08-12T06:00:00+05:30") == nil)
    #expect(ScheduleAssembler.zone(fromOffsetOf: "2026-08-12T06:00:00Z")?.secondsFromGMT() == 0)
    #expect(
      ScheduleAssembler.zone(fromOffsetOf: "2026-08-12T06:00:00-04:00")?.identifier == "Etc/GMT+4")
  }

  @Test("a site generator's export: persons right under the event, several in one field")
  func siteGeneratorExport() throws {
    // The shape of schedules that static site generators write (no <persons>, no guids, an
    // empty acronym, times marked UTC, a break repeated in each room), written for this test.
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <schedule>
        <conference><title>Example Data Day</title><acronym></acronym>
          <start>2026-05-20</start><end>2026-05-20</end></conference>
        <day date="2026-05-20" start="2026-05-20" end="2026-05-20" index="1">
          <room name="Main Hall">
            <event id="1">
              <title>Welcome</title><date>2026-05-20T09:00:00Z</date><start>09:00</start>
              <duration>00:10</duration>
              <person>Dr. Ada Example, Bob Beispiel</person>
              <track>Main</track><room>Main Hall</room>
              <description><![CDATA[<p>Short <em>opening</em> words.</p>]]></description>
            </event>
            <event id="2">
              <title>Graphs for everyone</title><date>2026-05-20T09:10:00Z</date>
              <start>09:10</start><duration>00:20</duration>
              <person>Example, Carla</person><track>Main</track><room>Main Hall</room>
            </event>
            <event id="99">
              <title>Coffee</title><date>2026-05-20T10:00:00Z</date><start>10:00</start>
              <duration>00:20</duration><person></person><track>Break</track>
            </event>
          </room>
          <room name="Workshop Room">
            <event id="99">
              <title>Coffee</title><date>2026-05-20T10:00:00Z</date><start>10:00</start>
              <duration>00:20</duration><person></person><track>Break</track>
            </event>
            <event id="3">
              <title>Hands-on tooling</title><date>2026-05-20T10:30:00Z</date>
              <start>10:30</start><duration></duration>
              <person>  Dana   Lötkolben </person><track>Workshop</track>
            </event>
          </room>
        </day>
      </schedule>
      """
    let schedule = try ScheduleImporter.read(Data(text.utf8), source: "dataday.xml")
    let welcome = try #require(schedule.sessions.first { $0.id == "1" })
    #expect(welcome.persons.map(\.name) == ["Dr. Ada Example", "Bob Beispiel"])
    // A surname and a first name after a comma are one person.
    let graphs = try #require(schedule.sessions.first { $0.id == "2" })
    #expect(graphs.persons.map(\.name) == ["Example, Carla"])
    let tooling = try #require(schedule.sessions.first { $0.id == "3" })
    #expect(tooling.persons.map(\.name) == ["Dana Lötkolben"])
    #expect(tooling.room == "Workshop Room")
    // An empty person names nobody and is no problem; the repeated break and the empty
    // duration are reported with their lines.
    let coffee = schedule.sessions.filter { $0.id == "99" }
    #expect(coffee.count == 1 && coffee.first?.persons.isEmpty == true)
    #expect(!schedule.problems.contains { $0.message.contains("no name") })
    #expect(schedule.problems.contains { $0.message.contains("repeats id 99") })
    #expect(schedule.problems.contains { $0.place == "dataday.xml:25" })
    #expect(schedule.conference.acronym == nil)
    #expect(schedule.conference.timeZone == "GMT")
    // The pack is named by the title when the acronym is empty, and lists all four people.
    let pack = SchedulePackBuilder.pack(schedule)
    #expect(pack.event.shortName.text(.en) == "Example Data Day")
    #expect(
      Set(pack.speakers.map { $0.name.text(.en) })
        == ["Dr. Ada Example", "Bob Beispiel", "Example, Carla", "Dana Lötkolben"])
  }

  @Test("Windows line ends read the same")
  func windowsLineEnds() throws {
    let text = String(decoding: try ScheduleFixtures.data("congress.xml"), as: UTF8.self)
    let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let again = try ScheduleImporter.read(crlf, source: "congress.xml")
    #expect(again.sessions == schedule.sessions)
  }
}

@Suite("Reading the c3voc schedule.json")
struct ScheduleJSONTests {
  let schedule: ImportedSchedule

  init() throws {
    schedule = try ScheduleImporter.read(
      try ScheduleFixtures.data("camp.json"), source: "camp.json")
  }

  @Test("the conference, its days, rooms and tracks")
  func conference() {
    #expect(schedule.format == .scheduleJSON)
    #expect(schedule.conference.title == "Test Camp 2026")
    #expect(schedule.conference.baseURL == "https://camp.example.org/2026/")
    #expect(schedule.conference.dayChangeMinutes == 6 * 60)
    #expect(schedule.days.count == 3)
    #expect(schedule.rooms == ["Main Tent", "Workshop Barn"])
    #expect(Set(schedule.tracks) == ["Making", "Security"])
  }

  @Test("sessions: ids as numbers or text, null tracks, speakers joined by id, plain text")
  func sessions() throws {
    #expect(schedule.sessions.map(\.id).sorted() == ["2001", "2002", "2003", "2004"])
    let welcome = try #require(schedule.sessions.first { $0.id == "2001" })
    #expect(welcome.track == nil)
    #expect(
      welcome.links == [ImportedLink(title: "Camp map", url: "https://camp.example.org/2026/map")])
    let soldering = try #require(schedule.sessions.first { $0.id == "2002" })
    #expect(soldering.abstract == "Bring nothing – we have irons.\nReally.")
    #expect(soldering.subtitle == nil)
    #expect(soldering.durationMinutes == 120)
    let stars = try #require(schedule.sessions.first { $0.id == "2003" })
    #expect(stars.day == 1)
    #expect(stars.persons.map(\.name) == ["Eve Sterne", "Dana Lötkolben"])
    let router = try #require(schedule.sessions.first { $0.id == "2004" })
    #expect(router.abstract == "Firmware, defaults and <em>you</em>.")
    #expect(router.persons.map(\.name) == ["Frank Router"])
  }

  @Test("problems are placed by their JSON path")
  func problems() {
    let text = schedule.problems.map(\.description)
    #expect(
      text.contains {
        $0.contains("days[1].rooms[\"Main Tent\"][1]") && $0.contains("not an object")
      })
    #expect(
      text.contains {
        $0.contains("days[1].rooms[\"Main Tent\"][2]") && $0.contains("no start time")
      })
    #expect(text.contains { $0.contains("person 2 of 'Hardening your home router' has no name") })
  }
}

@Suite("Reading pretalx's own JSON")
struct PretalxJSONTests {
  let schedule: ImportedSchedule

  init() throws {
    schedule = try ScheduleImporter.read(
      try ScheduleFixtures.data("workshops-pretalx.json"), source: "workshops-pretalx.json")
  }

  @Test("the event's zone and dates, rooms and tracks by id, names in English first")
  func conference() {
    #expect(schedule.format == .pretalxJSON)
    #expect(schedule.conference.title.isEmpty)
    #expect(schedule.conference.timeZone == "Europe/Berlin")
    #expect(schedule.conference.start == LocalDate("2026-04-16"))
    #expect(schedule.conference.end == LocalDate("2026-04-17"))
    #expect(schedule.days.map(\.date) == [LocalDate("2026-04-16"), LocalDate("2026-04-17")])
    #expect(schedule.rooms == ["Plenary Hall", "Lab 2"])
    #expect(schedule.tracks == ["Community", "Infrastructure"])
  }

  @Test("talks: speakers by code, durations from minutes or from the end, plain text")
  func sessions() throws {
    #expect(schedule.sessions.map(\.id) == ["QXR7AB", "WWE8CC", "PL4NNR"])
    let opening = try #require(schedule.sessions.first { $0.id == "QXR7AB" })
    #expect(opening.start == ScheduleFixtures.date("2026-04-16T09:30:00+02:00"))
    #expect(opening.durationMinutes == 30)
    #expect(opening.room == "Plenary Hall" && opening.track == "Community")
    #expect(opening.abstract == "Why we meet, and what to expect.")
    #expect(opening.persons == [ImportedPerson(id: "KJ3M9P", name: "Kim Jansen")])
    #expect(opening.day == 1)
    let containers = try #require(schedule.sessions.first { $0.id == "WWE8CC" })
    #expect(containers.title == "Containers without Docker")
    #expect(containers.start == ScheduleFixtures.date("2026-04-16T14:00:00+02:00"))
    #expect(containers.durationMinutes == 90)
    #expect(containers.languages == ["de"])
    #expect(containers.abstract == "Namespaces, cgroups and a little shell.")
    #expect(containers.persons.map(\.name) == ["Kim Jansen"])
    let threats = try #require(schedule.sessions.first { $0.id == "PL4NNR" })
    #expect(threats.persons == [ImportedPerson(id: "R7TT0Q", name: "Rosa Risiko")])
    #expect(threats.day == 2 && threats.track == "Infrastructure")
  }

  @Test("what is no session, or cannot be placed, is reported by its JSON path")
  func problems() {
    let text = schedule.problems.map(\.description)
    #expect(text.contains { $0.contains("$.talks:") && $0.contains("1 break or blocked slot") })
    #expect(
      text.contains { $0.contains("$.talks[4]") && $0.contains("room 99 is not in the list") })
    #expect(text.contains { $0.contains("$.talks[4]") && $0.contains("has no room; left out") })
    #expect(text.contains { $0.contains("$.talks[5]") && $0.contains("is withdrawn; left out") })
    #expect(
      text.contains { $0.contains("person 2 of 'Containers without Docker' has no name") })
    #expect(text.contains { $0.contains("the conference has no title") })
  }

  @Test("times with fractions of a second")
  func fractions() {
    #expect(
      PretalxJSONReader.withoutFraction("2026-04-16T14:00:00.123+02:00")
        == "2026-04-16T14:00:00+02:00")
    #expect(PretalxJSONReader.withoutFraction("2026-04-16T14:00:00Z") == "2026-04-16T14:00:00Z")
  }
}

@Suite("Telling schedules from other files")
struct ScheduleFormatTests {
  @Test("the format is found from the content")
  func detection() throws {
    #expect(ScheduleFormat.detect(try ScheduleFixtures.data("congress.xml")) == .frabXML)
    #expect(ScheduleFormat.detect(try ScheduleFixtures.data("camp.json")) == .scheduleJSON)
    #expect(ScheduleFormat.detect(Data("\u{FEFF}  <schedule></schedule>".utf8)) == .frabXML)
    #expect(ScheduleFormat.detect(Data("<html><body/></html>".utf8)) == nil)
    #expect(ScheduleFormat.detect(Data("{\"talks\": []}".utf8)) == nil)
    #expect(ScheduleFormat.detect(try ScheduleFixtures.data("meetup.ics")) == .iCalendar)
    #expect(
      ScheduleFormat.detect(try ScheduleFixtures.data("workshops-pretalx.json")) == .pretalxJSON)
    #expect(ScheduleFormat.detect(Data("BEGIN:VCARD".utf8)) == nil)
  }

  @Test("a file that is no schedule gets one clear message")
  func refusals() {
    let cases: [(String, String)] = [
      ("", "is empty"),
      ("hello", "is not a schedule hiwaic can read"),
      (
        "<schedule><conference><title>x</title></conference>",
        "<schedule> from line 1 is never closed"
      ),
      ("<schedule><day></schedule>", "is not well-formed XML"),
      ("<schedule><conference/></schedule>", "without any days or events"),
    ]
    for (text, expected) in cases {
      #expect {
        _ = try ScheduleImporter.read(Data(text.utf8), source: "file")
      } throws: { error in
        (error as? ScheduleImportError)?.message.contains(expected) == true
      }
    }
    #expect(throws: ScheduleImportError.self) {
      _ = try ScheduleImporter.read(
        Data("{\"schedule\": 3}".utf8), source: "x", format: .scheduleJSON)
    }
    #expect {
      _ = try ScheduleImporter.read(
        Data("{\"talks\": 3, \"rooms\": []}".utf8), source: "x")
    } throws: { error in
      (error as? ScheduleImportError)?.message.contains("not a pretalx schedule") == true
    }
    // A byte that is no UTF-8 (Latin-1 'ÿ') in an element name: a message, not Foundation's trap.
    var latin = Array("<schedule><day date=\"2025-01-01\"><room name=\"a\"><dur".utf8)
    latin += [0xFF] + Array("ation>1</duration></room></day></schedule>".utf8)
    #expect {
      _ = try ScheduleImporter.read(Data(latin), source: "file")
    } throws: { error in
      (error as? ScheduleImportError)?.message.hasPrefix("is not UTF-8 text (line 1, column 53)")
        == true
    }
  }

  @Test("thousands of damaged schedules give a schedule or a message, never a crash")
  func damaged() throws {
    var random = SplitMix64(seed: 17)
    for name in ["congress.xml", "camp.json", "meetup.ics", "workshops-pretalx.json"] {
      let original = Array(try ScheduleFixtures.data(name))
      for _ in 0..<600 {
        var bytes = original
        for _ in 0...(random.next() % 4) {
          let position = Int(random.next() % UInt64(bytes.count))
          switch random.next() % 3 {
          case 0: bytes.remove(at: position)
          case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
          default:
            bytes.removeSubrange(position..<min(bytes.count, position + Int(random.next() % 200)))
          }
        }
        do {
          let schedule = try ScheduleImporter.read(Data(bytes), source: name)
          #expect(schedule.sessions.allSatisfy { !$0.title.isEmpty && !$0.room.isEmpty })
        } catch {
          #expect(!error.message.isEmpty)
        }
      }
    }
  }
}

@Suite("Schedule texts")
struct ScheduleTextTests {
  @Test("a title quoted in a report is whole, or cut with an ellipsis")
  func short() {
    #expect(ScheduleText.short("Opening") == "Opening")
    let long = String(repeating: "Thinktank ", count: 10)
    let cut = ScheduleText.short(long)
    #expect(cut.count == 60 && cut.hasSuffix("…") && long.hasPrefix(cut.dropLast()))
    #expect(
      ScheduleText.short(String(repeating: "x", count: 60)) == String(repeating: "x", count: 60))
    #expect(ScheduleText.short("abc", limit: 0) == "…")
  }

  @Test(
    "the people one name field lists",
    arguments: [
      ("Dr. Ada Example, Bob Beispiel", ["Dr. Ada Example", "Bob Beispiel"]),
      ("Ada Example; Bob Beispiel;", ["Ada Example", "Bob Beispiel"]),
      ("Example, Ada", ["Example, Ada"]), ("Ada Example, Bob", ["Ada Example, Bob"]),
      ("  Ada \n Example ", ["Ada Example"]), ("", []), (" \t ", []), ("someone", ["someone"]),
    ])
  func personNames(_ field: String, _ names: [String]) {
    #expect(ScheduleText.personNames(field) == names)
  }

  @Test(
    "durations",
    arguments: [
      ("00:40", 40), ("0:45", 45), ("1:05", 65), ("01:30:00", 90), ("00:45:00", 45),
      ("00:01:30", 90), ("01:02:00", 62), ("02:00:30", 2910),
    ])
  func durations(_ text: String, _ minutes: Int) {
    #expect(ScheduleText.durationMinutes(text) == minutes)
  }

  @Test("the day change from a day's own start and end, as old and new exports write them")
  func dayChange() {
    let zone = ScheduleFixtures.berlin
    func change(_ start: String?, _ end: String?) -> Int {
      ScheduleAssembler.dayChange(
        dayStart: start.map(ScheduleFixtures.date), dayEnd: end.map(ScheduleFixtures.date),
        zone: zone)
    }
    // Today's frab: 04:00 to 03:59 the next morning.
    #expect(change("2025-12-27T04:00:00+01:00", "2025-12-28T03:59:00+01:00") == 240)
    // Older congress exports: from the first talk to 04:00 the next morning.
    #expect(change("2014-12-27T11:00:00+01:00", "2014-12-28T04:00:00+01:00") == 240)
    // A day that ends on its own date changes at midnight; so does a start that is a talk's.
    #expect(change("2026-04-16T09:00:00+02:00", "2026-04-16T22:00:00+02:00") == 0)
    #expect(change("2026-04-16T11:00:00+02:00", nil) == 0)
    #expect(change("2026-04-16T05:00:00+02:00", nil) == 300)
    #expect(change(nil, nil) == 0)
  }

  @Test("what is no duration")
  func notDurations() {
    for text in ["", "40", "ab:cd", "00:60", "1:2:3:4", "-1:00", "00:00:61", "999999:00"] {
      #expect(ScheduleText.durationMinutes(text) == nil, "\(text)")
    }
  }

  @Test("HTML and Markdown become plain text")
  func readable() {
    #expect(ScheduleText.readable("<ul><li>one</li><li>two</li></ul>") == "• one\n• two")
    #expect(ScheduleText.readable("a < b and c > d") == "a < b and c > d")
    #expect(
      ScheduleText.readable("# Title\n\nText with `code` and __emphasis__")
        == "Title\n\nText with code and emphasis")
    #expect(ScheduleText.readable("&#228;&#x00FC; &unknown; &amp") == "äü &unknown; &amp")
    #expect(ScheduleText.readable("[https://x.org](https://x.org)") == "https://x.org")
  }
}

@Suite("Reading iCalendar, the last resort")
struct ICalendarTests {
  let schedule: ImportedSchedule

  init() throws {
    schedule = try ScheduleImporter.read(
      try ScheduleFixtures.data("meetup.ics"), source: "meetup.ics")
  }

  @Test("events become sessions: zones, durations, folded and escaped text, organisers")
  func events() throws {
    #expect(schedule.format == .iCalendar)
    #expect(schedule.conference.title == "Test Meetup Day")
    #expect(schedule.sessions.count == 2)
    let first = try #require(schedule.sessions.first { $0.id == "talk-1@meetup.example.org" })
    #expect(first.title == "Reproducible builds, for real")
    #expect(first.start == ScheduleFixtures.date("2026-03-05T18:00:00+01:00"))
    #expect(first.durationMinutes == 45)
    #expect(first.room == "Room A")
    #expect(first.track == "Build")
    #expect(first.persons.map(\.name) == ["Grace Example"])
    #expect(
      first.description
        == "Why bit-for-bit matters.\nSecond line; with a semicolon. This description is folded over two lines."
    )
    #expect(first.url == "https://meetup.example.org/talk-1")
    let second = try #require(schedule.sessions.first { $0.id == "talk-2@meetup.example.org" })
    #expect(second.start == ScheduleFixtures.date("2026-03-05T19:00:00+01:00"))
    #expect(second.durationMinutes == 90)
    #expect(second.room == "no room given")
  }

  @Test("what is no session is reported: an all-day entry, a cancelled event")
  func problems() {
    let text = schedule.problems.map(\.description)
    #expect(text.contains { $0.hasPrefix("meetup.ics:37:") && $0.contains("all-day") }, "\(text)")
    #expect(text.contains { $0.contains("'Cancelled lightning talk' is cancelled") })
  }

  @Test("durations in RFC 5545's form")
  func durations() {
    #expect(ICalendarReader.durationMinutes("PT45M") == 45)
    #expect(ICalendarReader.durationMinutes("PT1H30M") == 90)
    #expect(ICalendarReader.durationMinutes("P1D") == 1440)
    #expect(ICalendarReader.durationMinutes("P1W") == 10080)
    #expect(ICalendarReader.durationMinutes("PT") == 0)
    #expect(ICalendarReader.durationMinutes("1H") == nil)
    #expect(ICalendarReader.durationMinutes("PT5X") == nil)
    #expect(ICalendarReader.durationMinutes("PT99999999999999999999H") == nil)
  }
}

extension ScheduleFixtures {
  /// The test congress a week later: one session renumbered (same guid), one moved, one
  /// renamed, one cancelled, one added.
  static func newerCongress() throws -> String {
    var text = String(decoding: try data("congress.xml"), as: UTF8.self)
    let edits: [(String, String)] = [
      (
        "<event guid=\"aaaaaaaa-0000-4000-8000-000000000001\" id=\"101\">\n        <room>Hall One",
        "<event guid=\"aaaaaaaa-0000-4000-8000-000000000001\" id=\"901\">\n        <room>Hall One"
      ),
      ("<date>2025-12-27T11:30:00+01:00</date>", "<date>2025-12-27T13:00:00+01:00</date>"),
      ("<title>Opening</title>", "<title>Opening ceremony</title>"),
      ("<title>Security for everyone</title>", "<title>Closing</title>"),
      (
        "aaaaaaaa-0000-4000-8000-000000000005\" id=\"105\"",
        "aaaaaaaa-0000-4000-8000-000000000007\" id=\"107\""
      ),
    ]
    for (old, new) in edits {
      guard text.contains(old) else { throw ScheduleImportError(source: "edit", message: old) }
      text = text.replacingOccurrences(of: old, with: new)
    }
    return text
  }
}

@Suite("Importing a newer version of a schedule")
struct ScheduleUpdateTests {
  static func imported(_ text: String, previous: ScheduleImportRecord?) throws -> (
    ImportedSchedule, EventPack
  ) {
    let schedule = try ScheduleImporter.read(Data(text.utf8), source: "congress.xml")
    return (schedule, SchedulePackBuilder.pack(schedule, previous: previous))
  }

  @Test("sessions keep their ids by guid, then by id; a gone session's id is never given again")
  func identities() throws {
    let original = String(decoding: try ScheduleFixtures.data("congress.xml"), as: UTF8.self)
    let (oldSchedule, oldPack) = try Self.imported(original, previous: nil)
    let record = ScheduleImportRecord(schedule: oldSchedule, pack: oldPack)
    #expect(record.isSameConference(as: oldSchedule))
    let (_, newPack) = try Self.imported(try ScheduleFixtures.newerCongress(), previous: record)
    let ids = Dictionary(
      newPack.sessions.map { ($0.title.text(.en), $0.id) }, uniquingKeysWith: { a, _ in a })
    let oldIDs = Dictionary(
      oldPack.sessions.map { ($0.title.text(.en), $0.id) }, uniquingKeysWith: { a, _ in a })
    // Renumbered in the schedule (901), found by its guid.
    #expect(ids["Rust in the Linux kernel"] == oldIDs["Rust in the Linux kernel"])
    #expect(ids["Opening ceremony"] == oldIDs["Opening"])
    #expect(ids["Lightning talks"] == oldIDs["Lightning talks"])
    // The cancelled session's id is not handed to the new one.
    let closing = try #require(ids["Closing"])
    #expect(!oldPack.sessions.contains { $0.id == closing })

    // By the schedule's id when there is no guid to go by; fresh ids avoid every old one.
    let previous = ScheduleImportRecord(
      format: "ics", conference: "x", acronym: nil,
      sessions: [.init(id: "s-1", guid: nil, scheduleID: "1")])
    var session = try #require(oldSchedule.sessions.first)
    session.guid = nil
    session.id = "1"
    var other = session
    other.id = "2"
    let assigned = SessionIdentities.assign([other, session], previous: previous) { _ in "s-1" }
    #expect(assigned == ["s-1-2", "s-1"])
  }

  @Test("what moved, was renamed, cancelled or added, with old and new times and rooms")
  func changes() throws {
    let original = String(decoding: try ScheduleFixtures.data("congress.xml"), as: UTF8.self)
    let (oldSchedule, oldPack) = try Self.imported(original, previous: nil)
    let record = ScheduleImportRecord(schedule: oldSchedule, pack: oldPack)
    let (_, newPack) = try Self.imported(try ScheduleFixtures.newerCongress(), previous: record)
    let changes = ScheduleChanges.between(oldPack, newPack)
    #expect(changes.moved.map(\.title) == ["Containers without the hype"])
    #expect(changes.renamed.map(\.title) == ["Opening ceremony"])
    #expect(changes.cancelled.map { $0.title.text(.en) } == ["Security for everyone"])
    #expect(changes.added.map { $0.title.text(.en) } == ["Closing"])
    let lines = changes.lines(old: oldPack, new: newPack)
    #expect(lines.first == "since the last import: 1 moved, 1 renamed, 1 cancelled, 1 new")
    #expect(
      lines.contains(
        "  moved: 'Containers without the hype' 2025-12-27 11:30–12:15, Hall One → 2025-12-27 13:00–13:45, Hall One"
      ))
    #expect(
      lines.contains("  cancelled: 'Security for everyone' (was 2025-12-28 14:00–15:30, Hall Two)"))
    #expect(ScheduleChanges.between(oldPack, oldPack).isEmpty)
  }

  @Test("the record is read back as written; a damaged one is a message")
  func record() throws {
    let original = String(decoding: try ScheduleFixtures.data("congress.xml"), as: UTF8.self)
    let (schedule, pack) = try Self.imported(original, previous: nil)
    let record = ScheduleImportRecord(schedule: schedule, pack: pack)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-record-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(ScheduleImportRecord.read(in: directory) == nil)
    let file = directory.appendingPathComponent(ScheduleImportRecord.fileName)
    try record.encoded().write(to: file)
    #expect(ScheduleImportRecord.read(in: directory) == .success(record))
    try Data("{\"version\": 1, \"sessions\": 3}".utf8).write(to: file)
    guard case .failure(let error) = ScheduleImportRecord.read(in: directory) else {
      Issue.record("a damaged record was read")
      return
    }
    #expect(error.description.contains(ScheduleImportRecord.fileName))
  }
}
