import EventModel
import Foundation
import Testing

@testable import Matcher

@Suite("Matcher quality on the labelled question set and on real out-of-scope questions")
struct QualityTests {
  /// The accuracy the set reached when this threshold was set; it may only go up. The first
  /// rules were tuned on this set (99.7 %); the learned intent model never saw it, so since
  /// issue 12 it is a second held-out set (97.2 % when the model came in).
  static let minimumAccuracy = 0.97

  @Test("the labelled set is big and mixed: 300+ questions in English, Chinese and German")
  func setShape() {
    let questions = AnswerFixture.questions
    #expect(questions.count >= 300)
    let intents = Set(questions.map(\.intent))
    // Every intent the set was written for (later intents, such as `recommend`, have tests of
    // their own): the list of intents is not closed.
    #expect(intents.isSubset(of: Set(Intent.allCases.map(\.rawValue))))
    #expect(intents.count >= 11)
    #expect(
      questions.filter { $0.q.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
        .count >= 50)
  }

  @Test("intent and entities are right for at least the recorded share of the set")
  func accuracy() {
    var failures: [String] = []
    for labelled in AnswerFixture.questions {
      let (ok, answer) = AnswerFixture.check(labelled)
      if !ok {
        let entities = answer.entities.map { "\($0.type.rawValue):\($0.id)" }.joined(separator: ",")
        failures.append(
          "\(labelled.q) → \(answer.intent.rawValue) [\(entities)], expected \(labelled.intent) \(labelled.entities)"
        )
      }
    }
    let accuracy = 1 - Double(failures.count) / Double(AnswerFixture.questions.count)
    print(
      "matcher accuracy \(String(format: "%.1f", accuracy * 100)) % (\(failures.count) wrong of \(AnswerFixture.questions.count))"
    )
    for failure in failures { print("  ✗ \(failure)") }
    #expect(accuracy >= Self.minimumAccuracy)
  }

  @Test("real out-of-scope questions (CLINC150) are almost never answered as in scope")
  func outOfScope() throws {
    let url = AnswerFixture.repository.appendingPathComponent(
      "Tests/AssistantTests/Questions/clinc_oos_val.txt")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines.count == 100)
    let answered = lines.filter { line in
      let intent = AnswerFixture.ask(line).intent
      return ![.unknown, .help, .greeting].contains(intent)
    }
    for line in answered {
      print("  out of scope but answered: \(line) → \(AnswerFixture.ask(line).intent.rawValue)")
    }
    #expect(Double(answered.count) / Double(lines.count) <= 0.02)
  }
}
