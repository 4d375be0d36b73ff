import Assistant
import EventModel
import Foundation

@testable import Matcher

/// The WAIC pack, its lexicon and the assistant, loaded once for the tests of whole answers:
/// what the matcher understood and how the assistant answered.
enum AnswerFixture {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let packDirectory = repository.appendingPathComponent("Data/waic2025")
  static let catalog = try! PackLoader.load(from: packDirectory)
  static let lexicon = try! Lexicon.load(packDirectory: packDirectory)
  static let assistant = Assistant(catalog: catalog, lexicon: lexicon)
  static var matcher: Matcher { assistant.matcher }
  static let zone = catalog.timeZone

  static func context(
    now: String = "2025-07-26T10:00", at: String? = nil, language: Language? = nil
  )
    -> AskContext
  {
    AskContext(now: EventTime.parse(now, zone: zone)!, here: at, language: language)
  }

  static func ask(_ question: String, now: String = "2025-07-26T10:00", at: String? = nil)
    -> MatcherAnswer
  {
    assistant.answer(question, context: context(now: now, at: at))
  }

  /// One labelled question of the quality set.
  struct LabelledQuestion: Decodable {
    var q: String
    var intent: String
    var entities: [String]
    var now: String?
    var at: String?
  }

  static let questions: [LabelledQuestion] = {
    let url = repository.appendingPathComponent("Tests/AssistantTests/Questions/questions.json")
    return try! JSONDecoder().decode([LabelledQuestion].self, from: Data(contentsOf: url))
  }()

  /// Whether the matcher gets a labelled question right: the intent, and every expected entity.
  static func check(_ labelled: LabelledQuestion) -> (ok: Bool, answer: MatcherAnswer) {
    let answer = ask(labelled.q, now: labelled.now ?? "2025-07-26T10:00", at: labelled.at)
    let found = Set(answer.entities.map { "\($0.type.rawValue):\($0.id)" })
    let ok =
      answer.intent.rawValue == labelled.intent && labelled.entities.allSatisfy(found.contains)
    return (ok, answer)
  }
}
