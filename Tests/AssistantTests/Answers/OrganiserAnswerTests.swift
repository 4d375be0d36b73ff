import EventModel
import Foundation
import Knowledge
import Matcher
import Testing

@testable import Assistant

/// Organisers' answers (`Data/evaluation/organiser-answers.json`): used for questions they were
/// not written for that ask the same, and for nothing else.
@Suite("Ask: the organisers' answers, for their question and its paraphrases")
struct OrganiserAnswerTests {
  struct Evaluation: Decodable {
    struct Answer: Decodable {
      var id: String
      var language: Language
      var question: String
      var answer: String
    }
    struct Case: Decodable {
      var question: String
      var expect: String?
    }
    var answers: [Answer]
    var dev: [Case]
    var test: [Case]
  }

  static let evaluation: Evaluation = {
    let url = AssistantFixture.packDirectory.deletingLastPathComponent()
      .appendingPathComponent("evaluation/organiser-answers.json")
    // A broken file fails every test that reads it, with the decoder's reason.
    return (try? JSONDecoder().decode(Evaluation.self, from: Data(contentsOf: url)))
      ?? Evaluation(answers: [], dev: [], test: [])
  }()

  /// A store holding the evaluation's answers, and which store id is which answer.
  final class Store {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-organisers-\(UUID().uuidString.prefix(8))")
    let store: KnowledgeStore
    var names: [String: String] = [:]

    init(_ answers: [Evaluation.Answer]) throws {
      store = try KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
      for answer in answers {
        let id = try store.saveOrganiserAnswer(
          question: answer.question, answer: answer.answer, language: answer.language,
          now: Date(timeIntervalSince1970: 1_753_400_000))
        names[String(id)] = answer.id
      }
    }
    deinit { try? FileManager.default.removeItem(at: directory) }
  }

  let saturday = AssistantFixture.context("2025-07-26T14:00")

  func assistant(_ store: Store) -> Assistant {
    var assistant = AssistantFixture.assistant
    assistant.knowledge = store.store
    return assistant
  }

  /// Which organisers' answer a reply used, by the evaluation's id.
  func used(_ reply: AssistantReply, _ store: Store) -> String? {
    guard case .text(let id)? = reply.answer.slots["organiser_answer"] else { return nil }
    return store.names[id] ?? "?"
  }

  /// Right: the expected answer, or none when none is expected; false answers: an answer
  /// where none (or another) was expected.
  func score(_ cases: [Evaluation.Case], _ store: Store, show: Bool = false) -> (
    right: Int, false: Int, missed: Int
  ) {
    var result = (right: 0, false: 0, missed: 0)
    let assistant = assistant(store)
    for item in cases {
      let got = used(assistant.reply(to: item.question, context: saturday), store)
      if show && got != item.expect {
        print("dev: '\(item.question)' expected \(item.expect ?? "none"), got \(got ?? "none")")
      }
      if got == item.expect {
        result.right += 1
      } else if got != nil {
        result.false += 1
      } else {
        result.missed += 1
      }
    }
    return result
  }

  @Test("on the dev questions: most paraphrases answered, no wrong answer")
  func dev() throws {
    let store = try Store(Self.evaluation.answers)
    let dev = score(Self.evaluation.dev, store, show: true)
    let test = score(Self.evaluation.test, store)
    print(
      "organisers' answers, dev: \(dev.right)/\(Self.evaluation.dev.count) right, \(dev.false) false, \(dev.missed) missed;"
        + " test: \(test.right)/\(Self.evaluation.test.count) right, \(test.false) false, \(test.missed) missed"
    )
    #expect(Self.evaluation.dev.count >= 30)
    #expect(dev.false == 0)
    #expect(Double(dev.right) / Double(Self.evaluation.dev.count) >= 0.8)
  }

  @Test("the answer is marked as the organisers', with its date, in the visitor's language")
  func wording() throws {
    let store = try Store(Self.evaluation.answers)
    let assistant = assistant(store)
    let reply = assistant.reply(to: "where can I pray?", context: saturday)
    #expect(reply.text.hasPrefix("The organisers' answer (") && reply.text.contains("Hall H2"))
    #expect(reply.isAnswered && reply.answer.suggestions.isEmpty)
    let chinese = assistant.reply(to: "怎么开参会证明？", context: saturday)
    #expect(chinese.text.hasPrefix("主办方答复（"), "\(chinese.text)")
    // What the pack answers stays the pack's.
    let unitree = assistant.reply(to: "where is Unitree?", context: saturday)
    #expect(unitree.answer.slots["organiser_answer"] == nil && unitree.text.contains("H3"))
  }

  @Test("a question close to an organisers' one, that the pack answers, keeps the pack's answer")
  func packFirst() throws {
    let store = try Store([
      Evaluation.Answer(
        id: "toilets", language: .en, question: "Where are the toilets in Hall H1?",
        answer: "Behind the stage.")
    ])
    let assistant = assistant(store)
    // Exactly the organisers' question: theirs.
    let same = assistant.reply(to: "where are the toilets in hall H1", context: saturday)
    #expect(used(same, store) == "toilets")
    // Closer to other things the pack answers: the pack's.
    let other = assistant.reply(to: "toilets near Unitree", context: saturday)
    #expect(used(other, store) == nil)
  }

  @Test("two questions' keys: forms of a word match, different words do not")
  func similarity() {
    let pray = QuestionKey(words: ["pray"], names: [])
    let room = QuestionKey(words: ["prayer", "room"], names: [])
    #expect(QuestionKey.similarity(pray, room) > 0.6)
    #expect(QuestionKey.similarity(QuestionKey(words: ["hotel"], names: []), room) == 0)
    #expect(QuestionKey.similarity(QuestionKey(words: [], names: []), room) == 0)
    // A name counts by its record, whatever the language it was written in.
    let assistant = AssistantFixture.assistant
    func key(_ question: String) -> QuestionKey {
      assistant.questionKey(
        question, request: assistant.matcher.request(for: question, context: saturday))
    }
    #expect(QuestionKey.similarity(key("宇树科技在哪里"), key("where is Unitree?")) == 1)
  }
}
