import Assistant
import Evaluation
import EventModel
import Foundation
import Matcher

// `make eval`: the assistant on the dev set (Data/evaluation/dev.json, never trained or tuned
// on) and on CLINC150's validation split (../shared/clinc/val.tsv, CC BY 3.0, Larson et al.
// 2019): accuracy per intent and language, a confusion matrix, false accepts, worst mistakes.
// `make eval-test`: the held-out test set (Data/evaluation/test.json) in figures only; its
// questions are never printed, so that nothing is tuned to them.

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
let environment = ProcessInfo.processInfo.environment
let devURL = URL(
  fileURLWithPath: environment["HIWAIC_DEV_SET"]
    ?? repository.appendingPathComponent("Data/evaluation/dev.json").path)
let heldOut = environment["HIWAIC_HELD_OUT"] != nil
let clincURL = URL(
  fileURLWithPath: environment["HIWAIC_CLINC"]
    ?? repository.deletingLastPathComponent().appendingPathComponent("shared/clinc/val.tsv").path)

func percent(_ value: (right: Int, total: Int)) -> String {
  value.total == 0
    ? "–"
    : String(
      format: "%5.1f %% (%d/%d)", 100 * Double(value.right) / Double(value.total),
      value.right, value.total)
}

do {
  let assistant = try Assistant.load(
    packDirectory: repository.appendingPathComponent("Data/waic2025"))
  let evaluator = Evaluator(assistant: assistant)
  let questions = try Evaluator.load(devURL)
  let report = EvaluationReport(graded: questions.map(evaluator.grade))
  print(
    "== \(heldOut ? "Held-out test set" : "Dev set"): \(devURL.lastPathComponent), \(questions.count) questions"
  )
  print("all right (intent, key records, language): \(percent(report.share { $0.right }))")
  print("intent right:                              \(percent(report.share { $0.intentRight }))")
  print("answered in the question's language:       \(percent(report.share { $0.languageRight }))")
  for language in ["en", "zh", "de"] {
    print(
      "  \(language): all right \(percent(report.share({ $0.question.lang == language }) { $0.right })), intent \(percent(report.share({ $0.question.lang == language }) { $0.intentRight }))"
    )
  }
  let intents = Set(report.graded.map(\.question.intent)).sorted()
  print("per intent (all right · intent right):")
  for intent in intents {
    let mine = { (item: Graded) in item.question.intent == intent }
    print(
      "  \(intent.padding(toLength: 15, withPad: " ", startingAt: 0)) \(percent(report.share(mine) { $0.right })) · \(percent(report.share(mine) { $0.intentRight }))"
    )
  }
  print("confusion (rows: labelled, columns: answered):")
  let columns = Set(report.graded.map(\.intent)).union(intents).sorted()
  let short = columns.map { String($0.prefix(6)) }
  print(
    "  " + "".padding(toLength: 15, withPad: " ", startingAt: 0)
      + short.map {
        $0.padding(toLength: 7, withPad: " ", startingAt: 0)
      }.joined())
  for intent in intents {
    let row = columns.map { column -> String in
      let count = report.confusion[intent]?[column] ?? 0
      return (count == 0 ? "." : String(count)).padding(toLength: 7, withPad: " ", startingAt: 0)
    }
    print("  " + intent.padding(toLength: 15, withPad: " ", startingAt: 0) + row.joined())
  }
  if heldOut { exit(0) }
  let mistakes = report.graded.filter { !$0.right }
  print("mistakes (first 40 of \(mistakes.count)):")
  for item in mistakes.prefix(40) {
    var why: [String] = []
    if !item.intentRight { why.append("intent \(item.intent)") }
    if !item.entitiesRight {
      why.append("missing \(Set(item.question.entities).subtracting(item.entities).sorted())")
    }
    if !item.languageRight { why.append("language \(item.language)") }
    print(
      "  [\(item.question.lang)] \(item.question.q) — wanted \(item.question.intent): \(why.joined(separator: ", "))"
    )
  }

  if let rows = try? OffTopicQueries.load(clincURL) {
    print("== CLINC150 val (\(clincURL.path)), \(rows.count) queries")
    let oos = rows.filter { $0.label == "oos" }
    let other = rows.filter {
      $0.label != "oos" && !OffTopicQueries.overlapping.contains($0.label)
    }
    let oosAccepted = oos.filter { evaluator.acceptsOffTopic($0.text) }
    let otherAccepted = other.filter { evaluator.acceptsOffTopic($0.text) }
    print(
      "answered as in scope: oos \(percent((oosAccepted.count, oos.count))); other domains (\(OffTopicQueries.overlapping.count) overlapping intents left out) \(percent((otherAccepted.count, other.count)))"
    )
    print("false accepts (first 15):")
    for row in (oosAccepted + otherAccepted).prefix(15) { print("  [\(row.label)] \(row.text)") }
  } else {
    print("== CLINC150 val: not found at \(clincURL.path) (set HIWAIC_CLINC)")
  }

  // HIWAIC_THRESHOLDS=0.3,0.5,0.7: the figures a threshold gives, to choose it on dev and val.
  if let list = environment["HIWAIC_THRESHOLDS"], let rows = try? OffTopicQueries.load(clincURL) {
    let pack = repository.appendingPathComponent("Data/waic2025")
    let catalog = try PackLoader.load(from: pack)
    var lexicon = try Lexicon.load(packDirectory: pack)
    let offTopic = rows.filter { !OffTopicQueries.overlapping.contains($0.label) }
    print("== thresholds: dev intent · dev all right · dev unknown kept · CLINC val accepted")
    for threshold in list.split(separator: ",").compactMap({ Double($0) }) {
      lexicon.intentModel = lexicon.intentModel?.with(threshold: threshold)
      let trial = Evaluator(assistant: Assistant(catalog: catalog, lexicon: lexicon))
      let graded = EvaluationReport(graded: questions.map(trial.grade))
      let accepted = offTopic.filter { trial.acceptsOffTopic($0.text) }.count
      let oosAccepted = offTopic.filter { $0.label == "oos" && trial.acceptsOffTopic($0.text) }
        .count
      print(
        "  \(threshold): \(percent(graded.share { $0.intentRight })) · \(percent(graded.share { $0.right })) · \(percent(graded.share({ $0.question.intent == "unknown" }) { $0.intentRight })) · \(percent((accepted, offTopic.count))) (oos \(oosAccepted))"
      )
    }
  }
} catch {
  FileHandle.standardError.write(Data("hiwaic-eval: \(error)\n".utf8))
  exit(1)
}
