import EventModel
import Foundation
import Testing

@testable import Matcher

/// Follow-ups act on the conversation before them, in three languages; questions that stand on
/// their own are not bent into follow-ups.
@Suite("Follow-ups within a conversation")
struct FollowUpTests {
  /// Asks `questions` in turn as one conversation; the answers in order.
  static func converse(_ questions: [String], now: String = "2025-07-26T10:00") -> [MatcherAnswer] {
    var context = AnswerFixture.context(now: now)
    var answers: [MatcherAnswer] = []
    for question in questions {
      answers.append(AnswerFixture.assistant.answer(question, context: context))
      context.earlier.append(question)
    }
    return answers
  }

  static func list(_ answer: MatcherAnswer, _ key: String) -> [String] {
    if case .list(let values)? = answer.slots[key] { return values }
    return []
  }

  @Test(
    "a plan made step-free, then longer, keeps what it was about",
    arguments: [
      (
        "I have three hours for robotics, plan it", "make it wheelchair friendly", "and for 4 hours"
      ),
      ("给我规划三小时的机器人参观", "改成无障碍路线", "改成四个小时"),
      ("Plane drei Stunden Robotik für mich", "bitte stufenlos", "und für vier Stunden"),
    ])
  func planRefined(first: String, stepFree: String, longer: String) {
    let answers = Self.converse([first, stepFree, longer])
    #expect(
      answers.map(\.intent) == [.planRoute, .planRoute, .planRoute], "\(answers.map(\.answer))")
    #expect(answers.allSatisfy { Self.list($0, "interests") == ["robotics"] })
    #expect(answers[0].slots["stepFree"] == nil)
    #expect(answers[1].slots["stepFree"] == .flag(true))
    #expect(answers[1].slots["budgetMinutes"] == .number(180))
    #expect(answers[2].slots["stepFree"] == .flag(true))
    #expect(answers[2].slots["budgetMinutes"] == .number(240))
    // The answer is in the follow-up's language, and offers no change it already made.
    #expect(answers[1].language == answers[0].language)
    #expect(answers[1].suggestions.count == 1)
  }

  @Test(
    "every suggestion under a plan answer works when chosen",
    arguments: [
      "plan 90 minutes of embodied AI for me", "帮我规划两个小时的具身智能", "Plane 2 Stunden Embodied AI",
    ])
  func planSuggestionsWork(question: String) {
    let first = AnswerFixture.ask(question)
    #expect(first.intent == .planRoute)
    #expect(first.suggestions.count == 2)
    for suggestion in first.suggestions {
      let answers = Self.converse([question, suggestion])
      #expect(answers[1].intent == .planRoute, "\(suggestion)")
      #expect(Self.list(answers[1], "interests") == Self.list(first, "interests"), "\(suggestion)")
      #expect(answers[1].slots["budgetMinutes"] == first.slots["budgetMinutes"], "\(suggestion)")
      #expect(
        answers[1].slots["stepFree"] == .flag(true)
          || answers[1].slots["addSession"] == .flag(true),
        "\(suggestion)")
    }
  }

  @Test(
    "the same sessions for another day keep the topic and the part of the day",
    arguments: [
      ("any governance forums this afternoon?", "what about tomorrow?"),
      ("今天下午有治理相关的论坛吗", "明天呢"),
      ("Gibt es heute Nachmittag Foren zu Governance?", "und morgen?"),
    ])
  func sessionsAnotherDay(first: String, followUp: String) {
    let answers = Self.converse([first, followUp])
    #expect(answers[1].intent == .findSession, "\(answers[1].answer)")
    #expect(answers[1].entities.contains { $0.type == .topic && $0.id == "ai-governance" })
    #expect(AnswerClassTests.slot(answers[1], "day") == "2025-07-27")
    #expect(AnswerClassTests.slot(answers[1], "partOfDay") == "afternoon")
    #expect(answers[1].language == answers[0].language)
  }

  @Test(
    "the way there, then without stairs, to what the answer before was about",
    arguments: [
      ("is unitree at the show?", "how do I get there", "without stairs please"),
      ("宇树在哪个展位", "怎么过去那边", "无障碍的呢"),
      ("Wo finde ich Unitree?", "wie komme ich dahin", "und stufenlos?"),
    ])
  func wayThere(first: String, way: String, stepFree: String) {
    let answers = Self.converse([first, way, stepFree])
    #expect(answers[0].intent == .findExhibitor)
    #expect(answers[1].intent == .directions, "\(answers[1].answer)")
    #expect(answers[1].slots["to"] == .text("h3-b111"))
    #expect(answers[2].intent == .directions, "\(answers[2].answer)")
    #expect(answers[2].slots["to"] == .text("h3-b111"))
    #expect(answers[2].slots["stepFree"] == .flag(true))
  }

  @Test(
    "a question that names something of its own, or has words of its own, stands alone",
    arguments: [
      ("plan me two hours of robotics", "where is the red hall?", Intent.directions),
      ("plan me two hours of robotics", "is nvidia here?", Intent.unknown),
      ("规划两小时机器人路线", "洗手间在哪", Intent.directions),
      ("Plane zwei Stunden Robotik", "Wo ist Huawei?", Intent.findExhibitor),
    ])
  func standsAlone(first: String, second: String, intent: Intent) {
    let answers = Self.converse([first, second])
    let alone = AnswerFixture.ask(second)
    #expect(answers[1].intent == intent, "\(second): \(answers[1].answer)")
    #expect(answers[1].intent == alone.intent, "\(second)")
    #expect(answers[1].entities == alone.entities, "\(second)")
    #expect(answers[1].slots["interests"] == nil || intent == .planRoute)
  }

  @Test(
    "without a conversation a follow-up is not a plan or a way",
    arguments: ["make it step-free", "无障碍的呢", "und morgen?", "how do I get there"])
  func noConversation(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(answer.intent != .planRoute && answer.intent != .directions, "\(answer.answer)")
  }

  @Test("a follow-up reaches back over follow-ups, not past a question that stood alone")
  func chain() {
    let answers = Self.converse([
      "plan me two hours of robotics", "make it step-free", "and tomorrow?",
      "where is huawei", "and tomorrow?",
    ])
    #expect(answers[2].intent == .planRoute)
    #expect(answers[2].slots["stepFree"] == .flag(true))
    #expect(AnswerClassTests.slot(answers[2], "day") == "2025-07-27")
    #expect(answers[4].intent != .planRoute)
  }
}
