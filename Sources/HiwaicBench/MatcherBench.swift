import Assistant
import EventModel
import Foundation
import Matcher

/// Labelled questions of the matcher's quality set.
struct BenchQuestion: Decodable {
  var q: String
  var intent: String
  var entities: [String]
  var now: String?
  var at: String?
}

/// Issue 3's figures: index build time, accuracy, out-of-scope rate and latency per question.
enum MatcherBench {
  static func run(waic: URL, scaled: URL, repository: URL) throws {
    print("== Issue 3: the keyword and intent matcher")
    let catalog = try PackLoader.load(from: waic)
    let lexicon = try Lexicon.load(packDirectory: waic)
    var builds: [Double] = []
    var matcher: Assistant?
    for _ in 0..<20 {
      // The previous build is freed outside the timing: its teardown is no part of a build.
      var built: Assistant?
      builds.append(milliseconds { built = Assistant(catalog: catalog, lexicon: lexicon) })
      matcher = built
    }
    builds.sort()
    print(
      String(
        format: "WAIC 2025 pack: index build median %.1f ms, min %.1f ms (target < 20 ms)",
        builds[10], builds[0]))

    let questionsURL = repository.appendingPathComponent(
      "Tests/AssistantTests/Questions/questions.json")
    let questions = try JSONDecoder().decode(
      [BenchQuestion].self, from: Data(contentsOf: questionsURL))
    let zone = catalog.timeZone
    var right = 0
    for question in questions {
      let context = AskContext(
        now: EventTime.parse(question.now ?? "2025-07-26T10:00", zone: zone)!, here: question.at)
      let answer = matcher!.answer(question.q, context: context)
      let found = Set(answer.entities.map { "\($0.type.rawValue):\($0.id)" })
      if answer.intent.rawValue == question.intent && question.entities.allSatisfy(found.contains) {
        right += 1
      }
    }
    print(
      String(
        format: "accuracy on the labelled set: %.1f %% (%d of %d)",
        100 * Double(right) / Double(questions.count), right, questions.count))

    let oosURL = repository.appendingPathComponent(
      "Tests/AssistantTests/Questions/clinc_oos_val.txt")
    let oos = try String(contentsOf: oosURL, encoding: .utf8).split(separator: "\n").map(
      String.init)
    let context = AskContext(now: EventTime.parse("2025-07-26T10:00", zone: zone)!)
    let answered = oos.filter {
      ![.unknown, .help, .greeting].contains(matcher!.answer($0, context: context).intent)
    }
    print(
      String(
        format: "CLINC150 out-of-scope answered as in scope: %.1f %% (%d of %d; target <= 2 %%)",
        100 * Double(answered.count) / Double(oos.count), answered.count, oos.count))

    let texts = questions.map(\.q) + oos
    latency(
      name: "WAIC 2025 pack", matcher: matcher!, questions: texts, context: context,
      targets: "median < 20 µs, p99 < 200 µs")

    let scaledCatalog = try PackLoader.load(from: scaled)
    let scaledLexicon = try Lexicon.load(packDirectory: scaled)
    var scaledMatcher: Assistant?
    let scaledBuild = milliseconds {
      scaledMatcher = Assistant(catalog: scaledCatalog, lexicon: scaledLexicon)
    }
    print(String(format: "10x synthetic pack: index build %.0f ms", scaledBuild))
    let names = scaledCatalog.pack.exhibitors.prefix(200).flatMap { exhibitor -> [String] in
      let english = exhibitor.name.text(.en)
      return [
        "where is \(english)", "\(exhibitor.name.text(.zh))在哪里",
        "where is \(String(english.dropLast()))",
      ]
    }
    latency(
      name: "10x synthetic pack", matcher: scaledMatcher!, questions: texts + names,
      context: context, targets: "p99 < 1 ms")
  }

  static func latency(
    name: String, matcher: Assistant, questions: [String], context: AskContext, targets: String
  ) {
    for question in questions.prefix(50) { _ = matcher.answer(question, context: context) }  // warm up
    var samples: [Double] = []
    samples.reserveCapacity(questions.count * 5)
    var slowest: [String: Double] = [:]
    for _ in 0..<5 {
      for question in questions {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = matcher.answer(question, context: context)
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
        samples.append(micros)
        slowest[question] = min(slowest[question] ?? .infinity, micros)
      }
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[Int(Double(samples.count) * 0.99)]
    print(
      String(
        format:
          "%@: latency per question median %.1f µs, p99 %.1f µs, max %.0f µs over %d answers (%@)",
        name, median, p99, samples.last!, samples.count, targets))
    let worst = slowest.sorted { $0.value > $1.value }.prefix(3)
    print(
      "    slowest (best of 5): "
        + worst.map { String(format: "%.0f µs “%@”", $0.value, String($0.key.prefix(40))) }.joined(
          separator: ", "))
  }
}
