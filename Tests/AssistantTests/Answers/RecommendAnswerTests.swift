import EventModel
import Foundation
import Matcher
import Testing

@testable import Assistant

/// "What should I see?" and "I'm an investor interested in embodied AI", answered from the
/// visitor's profile. The questions here were written for these tests after the training
/// questions and are not among them.
@Suite("Ask: recommendations from the visitor's profile")
struct RecommendAnswerTests {
  let assistant = AssistantFixture.assistant
  let saturday = AssistantFixture.context("2025-07-26T10:00")

  /// Written after the first training questions; the misses here then led to more kinds of
  /// training question (never these), so this set is a dev set, not an unseen one.
  static let firstSet = [
    "Which stands would you say are right for me?",
    "As a VC, which companies are worth a look?",
    "I'm a robotics engineer, what shouldn't I skip?",
    "what would be interesting for someone like me",
    "I'm doing a master's in computer vision, any pointers?",
    "got any picks for a first-time visitor who loves chips",
    "作为学生我应该看些什么",
    "我是风投，哪些公司值得看",
    "有啥适合我看的展台",
    "我是做芯片的工程师，给点建议",
    "第一次来，不知道看什么好",
    "我们一家人来逛，推荐点好玩的",
    "Was sollte ich als Studentin unbedingt sehen?",
    "Ich bin Entwickler, was empfehlen Sie?",
    "Welche Stände passen zu mir?",
    "Ich bin zum ersten Mal hier, was wäre für mich spannend?",
    "Als Einkäuferin suche ich Lieferanten für Sensoren, wen soll ich treffen?",
    "Haben Sie Tipps für eine Familie mit Kindern?",
  ]

  /// Written after the training questions were final and run once: unseen.
  static let unseenSet = [
    "I'm an angel investor, who's worth meeting here?",
    "what would you tell a curious teenager to go see?",
    "I'm a hardware engineer. Suggestions?",
    "Could you help me figure out what to visit?",
    "which forums would a policy maker enjoy",
    "I'm here to source suppliers for factory robots, where do I start",
    "tell me what I shouldn't miss as a reporter",
    "what's a good fit for a PhD in machine learning",
    "我是一名产品经理，有什么值得逛的",
    "给投资人推荐几个项目",
    "我带着孩子，哪里适合我们",
    "作为研究人员，哪些论坛值得听",
    "有没有适合初次参观的推荐",
    "Ich bin Journalistin – wen sollte ich interviewen?",
    "Was können Sie einem Ingenieur empfehlen?",
    "Wir sind eine Familie, was gefällt Kindern hier?",
    "Welche Vorträge lohnen sich für mich als Forscher?",
    "Ich bin zum ersten Mal auf der WAIC, was soll ich mir ansehen?",
  ]

  func missed(_ questions: [String]) -> [String] {
    questions.filter { assistant.reply(to: $0, context: saturday).answer.intent != .recommend }
  }

  @Test("questions about what suits the visitor are understood as such, in three languages")
  func understood() {
    // What the model reached: 17 of 18 on the first set, 15 of 18 on the unseen one (14 when
    // first run, before the talk_notes intent and its training questions came in). Since the
    // model also learns questions wrapped in politeness, 14 of 18 again: "could you", "tell
    // me" no longer speak for this intent, and a question with nothing else ("tell me what I
    // shouldn't miss as a reporter") can go to unknown; wrapped dev questions went from 299 to
    // 355 of 429 right.
    let first = missed(Self.firstSet)
    #expect(first.count <= 1, "missed \(first)")
    // 13 of 18 since exhibit descriptions no longer name exhibitors: "zum ersten Mal" had been
    // read as Huawei (its description says "for the first time"), and that wrong name had made
    // the German first-visit question a recommendation.
    let unseen = missed(Self.unseenSet)
    #expect(unseen.count <= 5, "missed \(unseen)")
  }

  @Test(
    "a role and interests said in the question fill the profile, and the picks follow it",
    arguments: [
      ("I'm an investor interested in embodied AI", Language.en, "For you (as investor"),
      ("我是投资人，对具身智能感兴趣", .zh, "为您推荐（投资人"),
      ("Ich bin Investor und interessiere mich für Embodied AI", .de, "Für Sie (als Investor"),
    ])
  func fillsProfile(question: String, language: Language, headline: String) throws {
    let reply = assistant.reply(to: question, context: saturday)
    #expect(reply.answer.intent == .recommend)
    #expect(reply.answer.language == language)
    let profile = try #require(reply.profile)
    #expect(profile.role == "investor")
    #expect(profile.interests.contains("embodied-ai"))
    // "Investor" names the investment topic too; that is the role's, not a stated interest.
    #expect(!profile.interests.contains("startups-investment"))
    #expect(reply.text.hasPrefix(headline), "\(reply.text)")
    guard case .list(let exhibitors)? = reply.answer.slots["exhibitors"] else {
      Issue.record("no exhibitors in \(reply.answer.slots)")
      return
    }
    #expect(exhibitors.count == 3)
    // Every exhibitor shown shares a topic with what the profile looks for.
    let sought: Set<String> = ["embodied-ai", "humanoid-robots", "startups-investment"]
    for id in exhibitors {
      let topics = Set(assistant.catalog.exhibitor(id)?.topics ?? [])
      let narrower = Set(assistant.catalog.topicAndNarrower("embodied-ai"))
      #expect(!topics.isDisjoint(with: sought.union(narrower)), "\(id): \(topics)")
    }
  }

  @Test("the visitor's saved profile answers a question that names none")
  func savedProfile() throws {
    var context = saturday
    context.profile = AskProfile(role: "family", interests: ["humanoid-robots"])
    let reply = assistant.reply(to: "what should I see?", context: context)
    #expect(reply.answer.intent == .recommend)
    #expect(reply.text.hasPrefix("For you (as family visitor; interested in "), "\(reply.text)")
    #expect(reply.profile == context.profile)
    // A family looks for things to see: the exhibitors shown have something hands-on.
    guard case .list(let exhibitors)? = reply.answer.slots["exhibitors"] else {
      Issue.record("no exhibitors")
      return
    }
    for id in exhibitors {
      #expect(assistant.catalog.exhibitor(id)?.exhibits.isEmpty == false, "\(id)")
    }
    #expect(reply.text.contains("hands-on: "))
  }

  @Test("with nothing known it asks for the missing piece, and each offered answer works")
  func asksForProfile() {
    for question in ["what do you suggest for me?", "有什么适合我的推荐吗", "Was empfiehlst du mir?"] {
      let reply = assistant.reply(to: question, context: saturday)
      #expect(reply.answer.intent == .recommend, "\(question)")
      #expect(reply.answer.slots["exhibitors"] == nil)
      #expect(reply.answer.suggestions.count == 3)
      for suggestion in reply.answer.suggestions {
        let chosen = assistant.reply(to: suggestion, context: saturday)
        #expect(chosen.answer.intent == .recommend, "\(suggestion)")
        #expect(chosen.profile?.role != nil, "\(suggestion)")
        #expect(chosen.answer.slots["exhibitors"] != nil, "\(suggestion)")
      }
    }
  }

  @Test("a plan weighs the profile: an investor's two hours take in the start-ups")
  func planPrizes() throws {
    func stops(_ profile: AskProfile) -> [String] {
      var context = saturday
      context.profile = profile
      let reply = assistant.reply(to: "plan me two hours", context: context)
      return reply.plan?.plan.stops.map(\.id) ?? []
    }
    let plain = stops(AskProfile())
    let investor = stops(AskProfile(role: "investor"))
    #expect(!plain.isEmpty && !investor.isEmpty)
    #expect(!plain.contains("startup-street"))
    #expect(investor.contains("startup-street"), "\(investor)")
    // A family's plan goes where there is something to see.
    let family = stops(AskProfile(role: "family"))
    let withExhibits = family.filter { assistant.catalog.exhibitor($0)?.exhibits.isEmpty == false }
    #expect(withExhibits.count * 2 > family.count, "\(family)")
  }

  @Test("sessions recommended have not ended, and say when they are")
  func sessionsNotEnded() {
    let evening = AssistantFixture.context("2025-07-27T16:00")
    let reply = assistant.reply(to: "I'm a researcher working on AI safety", context: evening)
    guard case .list(let sessions)? = reply.answer.slots["sessions"] else {
      Issue.record("no sessions: \(reply.text)")
      return
    }
    for id in sessions {
      #expect((assistant.catalog.session(id)?.end ?? .distantPast) > evening.now, "\(id)")
    }
  }

  @Test(
    "requests for other things stay off topic",
    arguments: [
      "what film should I watch tonight?", "suggest a good pizza place", "which phone should I buy",
      "推荐一款好用的手机", "Welches Auto soll ich kaufen?",
    ])
  func offTopic(question: String) {
    let reply = assistant.reply(to: question, context: saturday)
    #expect(reply.answer.intent == .unknown, "\(question): \(reply.answer.intent)")
  }
}
