import EventModel
import Foundation
import Matcher
import Planner
import ScheduleImport
import Testing

@testable import Assistant

/// A pack made from a published schedule (the import tests' congress), with the shipped
/// lexicon: no floor plan, no exhibitors, no City Walk, no practical entries.
enum ImportedPackFixture {
  static let schedule = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("ScheduleImportTests/Fixtures/congress.xml")

  static let assistant: Assistant = {
    let imported = try! ScheduleImporter.read(
      try! Data(contentsOf: schedule), source: "congress.xml")
    let catalog = EventCatalog(pack: SchedulePackBuilder.pack(imported))
    let lexicon = try! Lexicon.load(packDirectory: AssistantFixture.packDirectory)
    return Assistant(catalog: catalog, lexicon: lexicon)
  }()

  /// The assistant on a pack imported from `data` (a schedule in any of the formats).
  static func assistant(importing data: Data, source: String) throws -> Assistant {
    let imported = try ScheduleImporter.read(data, source: source)
    let catalog = EventCatalog(pack: SchedulePackBuilder.pack(imported))
    return Assistant(
      catalog: catalog, lexicon: try Lexicon.load(packDirectory: AssistantFixture.packDirectory))
  }

  static func reply(_ question: String, now: String = "2025-12-27T10:30:00+01:00") -> MatcherAnswer
  {
    let zone = assistant.catalog.timeZone
    return assistant.answer(question, context: AskContext(now: EventTime.parse(now, zone: zone)!))
  }
}

@Suite("The assistant on a pack imported from a schedule")
struct ImportedPackTests {
  @Test(
    "a room is named, and the answer says there is no floor plan, in the question's language",
    arguments: [
      ("How do I get to Hall One?", "no floor plan"), ("Wo ist Hall Two?", "keinen Lageplan"),
      ("Hall Two在哪里？", "没有场馆平面图"),
    ])
  func roomWithoutFloorPlan(_ question: String, _ expected: String) {
    let answer = ImportedPackFixture.reply(question)
    #expect(answer.answer.contains(expected), "\(answer.answer)")
    #expect(answer.slots["room"] != nil)
    #expect(!answer.answer.contains("min on foot") && !answer.answer.contains("步行约"))
  }

  @Test(
    "a plan is sessions that do not overlap, with no walk claimed", arguments: ["en", "de", "zh"])
  func plan(_ code: String) throws {
    let question =
      [
        "en": "plan me two hours of security", "de": "Plane mir zwei Stunden zum Thema Security",
        "zh": "帮我规划两小时的Security参观",
      ][code] ?? ""
    let assistant = ImportedPackFixture.assistant
    let zone = assistant.catalog.timeZone
    let reply = assistant.reply(
      to: question,
      context: AskContext(now: EventTime.parse("2025-12-27T10:30:00+01:00", zone: zone)!))
    let plan = try #require(reply.plan?.plan)
    #expect(plan.stops.map(\.id) == ["s-101"], "\(reply.answer.answer)")
    #expect(plan.walkingMetres == 0 && plan.stops.allSatisfy { $0.walkMinutes == 0 })
    #expect(!reply.answer.answer.contains("walk "), "\(reply.answer.answer)")
    #expect(!reply.answer.suggestions.contains { $0.contains("step-free") || $0.contains("无障碍") })
  }

  @Test(
    "what is on in a room now, in the question's language",
    arguments: [
      ("what's on in Hall One now?", "on now"), ("Was läuft gerade in Hall One?", "läuft gerade"),
      ("Hall One现在有什么活动？", "正在进行"),
    ])
  func roomNow(_ question: String, _ onNow: String) {
    let answer = ImportedPackFixture.reply(question, now: "2025-12-27T11:10:00+01:00")
    let lines = answer.answer.split(separator: "\n")
    #expect(
      lines.contains { $0.contains("Rust in the Linux kernel") && $0.contains(onNow) },
      "\(answer.answer)")
    #expect(!answer.answer.contains("Security for everyone"), "\(answer.answer)")
  }

  @Test(
    "a word of a title with a day and part of it: that day's morning, named",
    arguments: [
      ("anything about containers tomorrow morning?", "27 December"),
      ("Gibt es morgen Vormittag etwas über Container?", "27. Dezember"),
      ("明天上午有关于containers的活动吗？", "12月27日"),
    ])
  func titleWordAndTime(_ question: String, _ day: String) {
    let answer = ImportedPackFixture.reply(question, now: "2025-12-26T18:00:00+01:00")
    #expect(answer.answer.contains("Containers without the hype"), "\(answer.answer)")
    #expect(answer.answer.contains(day), "\(answer.answer)")
    #expect(!answer.answer.contains("Night owls"), "\(answer.answer)")
  }

  @Test(
    "a plan for a part of the day takes the whole of it",
    arguments: [
      "plan my afternoon around security", "Plane meinen Nachmittag rund um Security",
      "下午帮我安排Security相关的行程",
    ])
  func afternoonPlan(_ question: String) throws {
    let assistant = ImportedPackFixture.assistant
    let zone = assistant.catalog.timeZone
    let reply = assistant.reply(
      to: question,
      context: AskContext(now: EventTime.parse("2025-12-28T12:00:00+01:00", zone: zone)!))
    let planned = try #require(reply.plan)
    #expect(planned.request.budgetMinutes == 300)
    // The workshop from 14:00 to 15:30 fits the afternoon (13:00–18:00), not two hours of it.
    #expect(planned.plan.stops.map(\.id) == ["s-105"], "\(reply.answer.answer)")
  }

  @Test("what the assistant offers is what the pack has", arguments: [Language.en, .de, .zh])
  func capabilities(_ language: Language) {
    let zone = ImportedPackFixture.assistant.catalog.timeZone
    let answer = ImportedPackFixture.assistant.answer(
      "what is the weather in Berlin",
      context: AskContext(
        now: EventTime.parse("2025-12-27T10:30:00+01:00", zone: zone)!, language: language))
    for absent in ["exhibitor", "City Walk", "Aussteller", "展商", "城市漫步", "Stadtspaziergang"] {
      #expect(!answer.answer.contains(absent), "\(answer.answer)")
    }
    // Every suggestion offered works when chosen: none is answered with "I don't know".
    #expect(answer.suggestions.count == 3)
    for suggestion in answer.suggestions {
      let chosen = ImportedPackFixture.assistant.answer(
        suggestion,
        context: AskContext(
          now: EventTime.parse("2025-12-27T09:00:00+01:00", zone: zone)!, language: language))
      #expect(chosen.intent != .unknown, "\(suggestion) → \(chosen.answer)")
    }
  }

  @Test("a session is found by its title and by its speaker")
  func sessions() {
    let byTitle = ImportedPackFixture.reply("when is the talk on Rust in the Linux kernel?")
    #expect(byTitle.answer.contains("11:00–11:40 Rust in the Linux kernel — Hall One"))
    let bySpeaker = ImportedPackFixture.reply("what does Bob Beispiel talk about?")
    #expect(bySpeaker.answer.contains("Rust in the Linux kernel"))
    #expect(bySpeaker.answer.contains("Security for everyone"))
  }

  @Test(
    "one short word of a title finds that session, not the whole programme",
    arguments: [
      "when is the talk on Rust?", "Wann ist der Rust-Vortrag?", "Rust讲座什么时候？",
    ])
  func titleWord(_ question: String) {
    let answer = ImportedPackFixture.reply(question)
    #expect(answer.intent == .findSession, "\(answer.answer)")
    #expect(answer.answer.contains("Rust in the Linux kernel"), "\(answer.answer)")
    #expect(answer.slots["sessions"] == .list(["s-101"]), "\(answer.answer)")
  }

  @Test("a question about a talk the model would not place: a name in a title decides")
  func titleNameDecides() {
    // The German lexicon knows "Vortrag" but no name here; "Rust" is typed as a name and is
    // in one title.
    let rust = ImportedPackFixture.reply("Wann ist der Vortrag über Rust?")
    #expect(rust.intent == .findSession, "\(rust.answer)")
    #expect(rust.slots["sessions"] == .list(["s-101"]), "\(rust.answer)")
    #expect(rust.answer.contains("27. Dezember 11:00–11:40"), "\(rust.answer)")
    // A name in no title, and a talk word with no name at all, stay unanswered.
    for question in ["Wann ist das Treffen mit Sam?", "Wann ist der Vortrag über Kochen?"] {
      let answer = ImportedPackFixture.reply(question)
      #expect(answer.intent == .unknown, "\(question) → \(answer.answer)")
    }
  }

  @Test("a subject no title has is said to be on no session, and the programme is not listed")
  func titleWordNowhere() {
    // "Fortran" is in no title and no topic: listing every talk would answer as if they were
    // about it.
    let answer = ImportedPackFixture.reply("when is the talk on Fortran?")
    #expect(answer.intent == .findSession)
    #expect(answer.answer.contains("“Fortran”"), "\(answer.answer)")
    #expect(answer.slots["sessions"] == nil, "\(answer.answer)")
    #expect(answer.slots["unanswered"] == .text("not_listed"))
    // With a day, that day's programme follows.
    let day = ImportedPackFixture.reply("any talk on Fortran on 27 December?")
    #expect(day.answer.contains("“Fortran”"), "\(day.answer)")
    guard case .list(let sessions)? = day.slots["sessions"] else {
      Issue.record("no sessions: \(day.answer)")
      return
    }
    #expect(!sessions.isEmpty, "\(day.answer)")
  }

  @Test(
    "what is on now in a room is that room's, and says so when it has nothing",
    arguments: [
      ("what's on in Hall Two now?", "Nothing in Hall Two"),
      ("Was läuft gerade in Hall Two?", "In „Hall Two“ ist in den nächsten zwei Stunden nichts"),
      ("Hall Two现在有什么活动？", "Hall Two接下来两小时没有安排活动"),
    ])
  func roomNowEmpty(_ question: String, _ expected: String) {
    // At 11:10 on the first day Hall One has two talks and Hall Two none.
    let answer = ImportedPackFixture.reply(question, now: "2025-12-27T11:10:00+01:00")
    #expect(answer.answer.contains(expected), "\(answer.answer)")
    #expect(!answer.answer.contains("Rust in the Linux kernel"), "\(answer.answer)")
    #expect(!answer.answer.contains("exhibition"), "\(answer.answer)")
  }

  @Test(
    "the event's facts are this event's: one theme, no pavilions, no exhibition",
    arguments: [Language.en, .de, .zh])
  func eventFacts(_ language: Language) {
    let zone = ImportedPackFixture.assistant.catalog.timeZone
    let context = AskContext(
      now: EventTime.parse("2025-12-27T10:30:00+01:00", zone: zone)!, language: language)
    let when = ImportedPackFixture.assistant.answer("when is the conference?", context: context)
    #expect(when.intent == .eventInfo)
    #expect(when.answer.contains("2025-12-27") && when.answer.contains("2025-12-28"))
    for absent in ["exhibition", "展览", "Ausstellung", "theme", "主题", "Motto"] {
      #expect(!when.answer.contains(absent), "\(when.answer)")
    }
    // Suggestions are about what the pack has: no pavilions, no theme to ask about.
    for suggestion in when.suggestions {
      let chosen = ImportedPackFixture.assistant.answer(suggestion, context: context)
      #expect(chosen.intent != .unknown, "\(suggestion) → \(chosen.answer)")
      #expect(!chosen.answer.contains("0 pavilions"), "\(suggestion) → \(chosen.answer)")
    }
    let pavilions = ImportedPackFixture.assistant.answer(
      "what are the pavilions?", context: context)
    #expect(!pavilions.answer.contains("0 pavilions"), "\(pavilions.answer)")
    #expect(pavilions.answer.contains(language.choose("no pavilions", "没有展馆", "keine Pavillons")))
  }

  @Test(
    "where the event is: the schedule names no place, and the answer says so",
    arguments: [
      ("where does the conference take place?", "does not say where"),
      ("Wo findet die Konferenz statt?", "keinen Ort"), ("会议在哪里举办？", "没有"),
    ])
  func whereWithoutVenue(_ question: String, _ expected: String) {
    let answer = ImportedPackFixture.reply(question)
    #expect(answer.intent == .eventInfo, "\(answer.answer)")
    #expect(answer.answer.contains(expected), "\(answer.answer)")
    #expect(answer.answer.contains("Hall One"), "\(answer.answer)")
    #expect(!answer.answer.contains("Shanghai") && !answer.answer.contains("上海"))
  }

  @Test("a name the pack lacks is not called missing from an exhibitor list it does not have")
  func missingNameWithoutExhibitors() {
    let answer = ImportedPackFixture.reply("where is the Nvidia booth?")
    #expect(answer.answer.contains("Nvidia"), "\(answer.answer)")
    #expect(!answer.answer.contains("exhibitor list"), "\(answer.answer)")
    #expect(!answer.answer.contains("exhibitors"), "\(answer.answer)")
  }

  @Test(
    "every session of each format's schedule is found by its title, and by each speaker",
    arguments: ["congress.xml", "camp.json", "meetup.ics", "workshops-pretalx.json"])
  func everySessionFindable(_ name: String) throws {
    let fixtures = ImportedPackFixture.schedule.deletingLastPathComponent()
    let assistant = try ImportedPackFixture.assistant(
      importing: try Data(contentsOf: fixtures.appendingPathComponent(name)), source: name)
    let pack = assistant.catalog.pack
    // Before the event, so that no time of day narrows anything.
    let context = AskContext(
      now: try #require(pack.sessions.map(\.start).min()).addingTimeInterval(-86_400))
    func found(_ question: String) -> [String] {
      guard case .list(let ids)? = assistant.answer(question, context: context).slots["sessions"]
      else { return [] }
      return ids
    }
    for session in pack.sessions {
      let ids = found("when is \(session.title.text(.en))?")
      #expect(
        ids.contains(session.id) && ids.count <= 5, "\(name): \(session.title.text(.en)) → \(ids)")
    }
    for speaker in pack.speakers {
      let theirs = pack.sessions.filter { $0.speakers.contains(speaker.id) }.map(\.id)
      let ids = found("what does \(speaker.name.text(.en)) talk about?")
      #expect(Set(theirs).isSubset(of: ids), "\(name): \(speaker.name.text(.en)) → \(ids)")
    }
  }

  @Test("a time word inside a title is the title's, not a time to filter by")
  func timeWordInTitle() {
    // "Night owls: a late session" is at 01:30 on the night of the first day.
    let answer = ImportedPackFixture.reply("when is Night owls: a late session?")
    #expect(answer.slots["sessions"] == .list(["s-103"]), "\(answer.answer)")
    #expect(answer.answer.contains("01:30–03:00 Night owls"), "\(answer.answer)")
    // A time word outside the title still counts.
    let tomorrow = ImportedPackFixture.reply(
      "what is on tomorrow afternoon?", now: "2025-12-27T10:30:00+01:00")
    #expect(tomorrow.answer.contains("Security for everyone"), "\(tomorrow.answer)")
    #expect(!tomorrow.answer.contains("Night owls"), "\(tomorrow.answer)")
  }

  @Test("sessions that share a title are listed with their times, not asked about")
  func sameTitle() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <schedule><conference><title>Break Day</title><start>2026-05-20</start>
      <end>2026-05-20</end><time_zone_name>Europe/Berlin</time_zone_name></conference>
      <day date="2026-05-20" index="1"><room name="Main Hall">
      <event id="1" guid="b0000000-0000-4000-8000-000000000001"><title>Coffee Break and Posters</title>
      <date>2026-05-20T11:00:00+02:00</date><start>11:00</start><duration>00:20</duration></event>
      <event id="2" guid="b0000000-0000-4000-8000-000000000002"><title>Graph databases today</title>
      <date>2026-05-20T11:30:00+02:00</date><start>11:30</start><duration>00:30</duration></event>
      <event id="3" guid="b0000000-0000-4000-8000-000000000003"><title>Coffee Break and Posters</title>
      <date>2026-05-20T15:30:00+02:00</date><start>15:30</start><duration>00:30</duration></event>
      </room></day></schedule>
      """
    let assistant = try ImportedPackFixture.assistant(importing: Data(text.utf8), source: "day.xml")
    let answer = assistant.answer(
      "when is the Coffee Break and Posters?",
      context: AskContext(
        now: try #require(
          EventTime.parse("2026-05-20T09:00:00+02:00", zone: assistant.catalog.timeZone))))
    #expect(!answer.answer.contains("Did you mean"), "\(answer.answer)")
    #expect(
      answer.answer.contains("11:00–11:20") && answer.answer.contains("15:30–16:00"),
      "\(answer.answer)")
    #expect(!answer.answer.contains("Graph databases"), "\(answer.answer)")
  }
}
