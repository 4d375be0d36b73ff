import EventModel
import Foundation
import Testing

@testable import Matcher

/// The typed request, without any wording: places with their roles, the time asked about, the
/// length of a visit, step-free, the language, in English, Chinese and German.
@Suite("What the matcher understands: typed requests")
struct RequestTests {
  @Test(
    "a way: origin and destination by the words before them, whichever comes first",
    arguments: [
      "how do I get to the Red Hall from Unitree", "from Unitree to the Red Hall",
      "从宇树科技到红厅怎么走", "去红厅，从宇树科技出发", "Wie komme ich von Unitree zur Roten Halle?",
    ])
  func roles(question: String) {
    let request = MatcherFixture.understand(question)
    #expect(request.intent == .directions, "\(question)")
    let destination = request.entities.first { $0.role == .destination }
    let origin = request.entities.first { $0.role == .origin }
    #expect(destination?.reference.id == "red-hall", "\(question): \(request.entities)")
    #expect(origin?.reference.id == "unitree", "\(question): \(request.entities)")
    // Neither is reported as the other: the way is not walked backwards.
    #expect(!request.entities.contains { $0.reference.id == "red-hall" && $0.role == .origin })
  }

  @Test(
    "the time asked about: day and part of day against the clock, in three languages",
    arguments: [
      ("sessions tomorrow afternoon", "2025-07-27", "afternoon"),
      ("明天下午有什么论坛", "2025-07-27", "afternoon"),
      ("Was läuft morgen Nachmittag?", "2025-07-27", "afternoon"),
      ("what's on Monday morning", "2025-07-28", "morning"),
      ("周一上午有哪些论坛", "2025-07-28", "morning"),
      ("Was läuft am Montagvormittag?", "2025-07-28", "morning"),
    ])
  func time(question: String, day: String, part: String) {
    let request = MatcherFixture.understand(question, now: "2025-07-26T09:00")
    #expect(request.time.day?.description == day, "\(question): \(request.time)")
    #expect(request.time.part == part, "\(question): \(request.time)")
  }

  @Test(
    "a time word inside a name is the name's: no part of the day read from it",
    arguments: [
      "What time does Innovation Night start?", "Um wie viel Uhr beginnt die Innovation Night?",
      "Innovation Night几点开始？",
    ])
  func timeWordInName(question: String) {
    let request = MatcherFixture.understand(question)
    #expect(request.primary(.session).map(\.id) == ["innovation-night"], "\(question)")
    #expect(request.time.part == nil && request.time.day == nil, "\(question): \(request.time)")
    // Outside the name, the same word is a time.
    let evening = MatcherFixture.understand("Innovation Night, or anything else tonight?")
    #expect(evening.time.part != nil || evening.time.day != nil, "\(evening.time)")
  }

  @Test(
    "a clock time without a part of the day: 3 pm, 15 Uhr, 下午三点",
    arguments: [
      "talks at 3 pm", "Vorträge um 15 Uhr", "下午三点的论坛",
    ])
  func clock(question: String) {
    #expect(MatcherFixture.understand(question).time.clock == 15 * 60, "\(question)")
  }

  @Test(
    "a plan: its length, its interest and step-free, in three languages",
    arguments: [
      "plan me two hours of robotics without stairs", "帮我规划两小时的机器人路线，要无障碍",
      "Plane mir zwei Stunden Robotik ohne Treppen",
    ])
  func plan(question: String) {
    let request = MatcherFixture.understand(question)
    #expect(request.intent == .planRoute, "\(question)")
    #expect(request.duration == 120, "\(question)")
    #expect(request.stepFree, "\(question)")
    #expect(request.entities.contains { $0.reference.id == "robotics" }, "\(question)")
  }

  @Test("the language is the question's; a name alone does not decide it")
  func language() {
    #expect(MatcherFixture.understand("where is Huawei").language == .en)
    #expect(MatcherFixture.understand("华为在哪里").language == .zh)
    #expect(MatcherFixture.understand("Wo ist Huawei?").language == .de)
    #expect(MatcherFixture.understand("Wo ist der Stand von Hi WAIC?").language == .de)
  }

  @Test(
    "a follow-up is laid over the question it follows; a question that names something stands alone"
  )
  func followUp() {
    let plan = "plan me two hours of robotics"
    let stepFree = MatcherFixture.understand("make it step-free", earlier: [plan])
    #expect(stepFree.intent == .planRoute)
    #expect(stepFree.stepFree && stepFree.duration == 120)
    let alone = MatcherFixture.understand("where is Huawei", earlier: [plan])
    #expect(alone.intent == .findExhibitor && !alone.stepFree)
  }

  @Test(
    "an ordinal names a position: the first, zweiten, 第三",
    arguments: [
      ("where does the first city walk start", 1), ("Erzähl mir vom zweiten City Walk", 2),
      ("第三条城市漫步有哪些站", 3), ("what is the city walk", 0),
    ])
  func ordinal(question: String, position: Int) {
    #expect(MatcherFixture.understand(question).ordinal == (position == 0 ? nil : position))
  }

  @Test("marker words are found in place, whole, and an empty marker is found nowhere")
  func markers() {
    let (u, _) = MatcherFixture.matcher.understand(
      "how do I get from the Red Hall to Unitree", context: MatcherFixture.context())
    #expect(u.containsAny(of: [["from", "the"]]))
    #expect(!u.containsAny(of: [["the", "from"]]))
    #expect(u.starts(of: ["to"]) == [u.units.count - 2])
    #expect(!u.containsAny(of: [[]]))
    #expect(!u.matches([], at: 0))
    #expect(!u.matches(["how"], at: -1))
    #expect(!u.matches(["unitree", "hall"], at: u.units.count - 1))
  }

  @Test(
    "a route named by its number written out, in the question's language",
    arguments: [
      ("tell me about city walk two", "low-altitude-autonomous", Language.en),
      ("Wie lang ist der Stadtspaziergang drei?", "ai-landmarks", .de),
      ("Stadtspaziergang Nummer 1", "robots-at-work", .de),
      ("城市漫步路线二有哪些站", "low-altitude-autonomous", .zh),
      ("城市漫步三号线要多久", "ai-landmarks", .zh),
    ])
  func routeNumbers(question: String, route: String, language: Language) {
    let request = MatcherFixture.understand(question)
    #expect(request.intent == .cityWalk, "\(question)")
    #expect(request.primary(.route).map(\.id) == [route], "\(question): \(request.entities)")
    #expect(request.language == language, "\(question)")
  }

  @Test(
    "a number and 号 before a line, hall or gate is no day of the month",
    arguments: ["怎么坐地铁二号线", "二号门在哪里", "城市漫步二号线要多久"])
  func numberedThingsAreNoDays(question: String) {
    #expect(MatcherFixture.understand(question).time.day == nil, "\(question)")
  }

  @Test("27号 still names a day")
  func dayOfMonth() {
    #expect(MatcherFixture.understand("27号上午有什么论坛").time.day?.description == "2025-07-27")
  }

  @Test(
    "a word is not corrected towards another language's word, nor two edits off at either end",
    arguments: [
      ("Wie lange dauert der Stadtspaziergang 1?", "lange"),
      ("how do I get to the venue from Hongqiao airport", "hongqiao"),
    ])
  func noCorrectionAcrossLanguagesOrEnds(question: String, word: String) {
    let (u, matches) = MatcherFixture.matcher.understand(
      question, context: MatcherFixture.context())
    guard let position = u.units.firstIndex(where: { $0.text == word }) else {
      Issue.record("\(word) is not a unit of \(question)")
      return
    }
    #expect(
      !matches.contains { $0.start <= position && position < $0.end && $0.quality != .exact },
      "\(question): \(word) was corrected")
  }

  @Test("a misspelt exhibit word in the exhibit's language is still corrected")
  func exhibitWordsStillCorrected() {
    let request = MatcherFixture.understand("where is the mahjon robot")
    #expect(request.primary(.exhibitor).map(\.id) == ["psi-robot"], "\(request.entities)")
  }

  @Test(
    "an ordinal or 'last' before the word for a day names an event day",
    arguments: [
      ("what's on the second day", "2025-07-27"), ("Was läuft am zweiten Tag?", "2025-07-27"),
      ("第二天有什么", "2025-07-27"), ("sessions on the last day", "2025-07-29"),
      ("Was gibt es am letzten Tag?", "2025-07-29"), ("最后一天有什么活动", "2025-07-29"),
    ])
  func dayByOrdinal(question: String, day: String) {
    #expect(MatcherFixture.understand(question).time.day?.description == day, "\(question)")
  }
}
