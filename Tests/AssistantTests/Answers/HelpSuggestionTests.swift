import Assistant
import EventModel
import Foundation
import Matcher
import PackGenerator
import Testing

/// The questions offered under an answer are made of the pack's own records, so each works when
/// chosen, on WAIC's pack and on one that is not WAIC's.
@Suite("Suggested questions of help work when chosen, on any pack")
struct HelpSuggestionTests {
  static let synthetic = Assistant(
    catalog: EventCatalog(pack: SyntheticPackGenerator(scale: 2).generate()),
    lexicon: AnswerFixture.lexicon)

  @Test(
    "every suggestion of help, in three languages, is understood and names a record",
    arguments: [false, true])
  func suggestionsWork(synthetic: Bool) {
    let assistant = synthetic ? HelpSuggestionTests.synthetic : AnswerFixture.assistant
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
}
