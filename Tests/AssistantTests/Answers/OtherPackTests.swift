import Assistant
import EventModel
import Foundation
import Matcher
import PackGenerator
import Testing

/// Answers on a pack that is not WAIC's (a synthetic one), beside WAIC's: suggestions made of
/// the pack's own records, and names the pack does not have said to be missing.
@Suite("Answers on any pack: suggestions that work, names that are missing")
struct OtherPackTests {
  static let synthetic = Assistant(
    catalog: EventCatalog(pack: SyntheticPackGenerator(scale: 2).generate()),
    lexicon: AnswerFixture.lexicon)

  @Test(
    "every suggestion of help, in three languages, is understood and names a record",
    arguments: [false, true])
  func suggestionsWork(synthetic: Bool) {
    let assistant = synthetic ? OtherPackTests.synthetic : AnswerFixture.assistant
    for help in ["help", "帮助", "Hilfe"] {
      let offered = assistant.answer(help, context: AnswerFixture.context()).suggestions
      #expect(offered.count >= 3, "\(help)")
      for suggestion in offered {
        let answer = assistant.answer(suggestion, context: AnswerFixture.context())
        #expect(
          ![.unknown, .help, .greeting].contains(answer.intent), "\(suggestion): \(answer.intent)")
        #expect(!answer.entities.isEmpty, "\(suggestion)")
      }
    }
  }

  @Test("suggestions are in the answer's language")
  func language() {
    let german = AnswerFixture.assistant.answer("Hilfe", context: AnswerFixture.context())
      .suggestions
    #expect(
      german.allSatisfy {
        $0.hasPrefix("Wo ") || $0.hasPrefix("Welche ") || $0.hasPrefix("Plane ")
          || $0.hasPrefix("Wie ")
      })
    let chinese = AnswerFixture.assistant.answer("帮助", context: AnswerFixture.context())
      .suggestions
    #expect(chinese.allSatisfy { $0.unicodeScalars.contains { $0.value >= 0x4E00 } })
  }

  @Test(
    "where a name the pack does not have is asked for, the answer says it is missing",
    arguments: ["百度在哪里", "where is Huawei", "Wo ist Huawei?"])
  func missingName(question: String) {
    let answer = Self.synthetic.answer(question, context: AnswerFixture.context())
    #expect(answer.intent == .unknown, "\(question): \(answer.answer)")
    let name = question.hasPrefix("百度") ? "百度" : "Huawei"
    #expect(answer.answer.contains(name), "\(answer.answer)")
  }
}
