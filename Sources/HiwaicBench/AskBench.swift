import EventModel
import Foundation
import Matcher

/// Issue 12's figures: `hiwaic ask` over standard input on the real binary, answer and JSON
/// included, per question; and what reading the lexicon and the intent model costs.
enum AskBench {
  static func run(waic: URL, scaled: URL, repository: URL) throws {
    print("== Issue 12: ask over standard input (real binary, --format jsonl)")
    var loads: [Double] = []
    for _ in 0..<20 { loads.append(try milliseconds { _ = try Lexicon.load(packDirectory: waic) }) }
    loads.sort()
    print(
      String(
        format: "lexicon and intent model read: median %.1f ms, min %.1f ms", loads[10], loads[0]))
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("hiwaic").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      print("skipped (needs \(binary))")
      return
    }
    let catalog = try PackLoader.load(from: waic)
    let exhibitorQuestions = catalog.pack.exhibitors.flatMap { exhibitor in
      ["where is \(exhibitor.name.text(.en))", "\(exhibitor.name.text(.zh))在哪里"]
    }
    var mix = exhibitorQuestions
    struct Labelled: Decodable {
      var q: String
      var intent: String
    }
    let dev =
      (try? JSONDecoder().decode(
        [Labelled].self,
        from: Data(contentsOf: repository.appendingPathComponent("Data/evaluation/dev.json"))))
      ?? []
    mix += dev.map(\.q)
    let clinc = repository.deletingLastPathComponent().appendingPathComponent(
      "shared/clinc/val.tsv")
    if let rows = try? String(contentsOf: clinc, encoding: .utf8) {
      mix += rows.split(separator: "\n").filter { !$0.hasPrefix("#") }.prefix(1_000)
        .compactMap { $0.split(separator: "\t").first.map(String.init) }
    }
    for (name, pack) in [("WAIC 2025 pack", waic), ("10x synthetic pack", scaled)] {
      for (label, questions) in [("exhibitor questions", exhibitorQuestions), ("a mix", mix)] {
        let perQuestion = try timePerQuestion(binary: binary, pack: pack, questions: questions)
        print(
          String(
            format: "%@, %@: %.0f µs per question over %d (answer and JSON, start-up excluded)",
            name, label,
            perQuestion, questions.count))
      }
    }
    // Where a mix's time goes: each intent's dev questions on their own (a plan on the large
    // pack costs a hundred simple questions).
    let intents = Array(Set(dev.map(\.intent))).sorted()
    guard !intents.isEmpty else { return }
    print("per intent, the dev set's questions of each (µs per question, WAIC / 10x):")
    for intent in intents {
      let questions = dev.filter { $0.intent == intent }.map(\.q)
      let waicTime = try timePerQuestion(
        binary: binary, pack: waic, questions: questions, atLeast: 600, runs: 3)
      let scaledTime = try timePerQuestion(
        binary: binary, pack: scaled, questions: questions, atLeast: 600, runs: 3)
      let label = intent + String(repeating: " ", count: max(0, 15 - intent.count))
      print(
        "  " + label
          + String(
            format: "%5.0f / %5.0f  (%d questions)", waicTime, scaledTime, questions.count))
    }
  }

  /// Time per question of answering `questions` repeated to at least `atLeast` (2,000), as the
  /// binary reports it (`--timing`: from the first line read to the last answer written,
  /// start-up left out); the best of `runs` (five), as this machine's timings vary by a third
  /// from run to run.
  static func timePerQuestion(
    binary: String, pack: URL, questions: [String], atLeast: Int = 2_000, runs: Int = 5
  ) throws -> Double {
    guard !questions.isEmpty else { return 0 }
    var batch: [String] = []
    while batch.count < atLeast { batch += questions }
    let input = batch.joined(separator: "\n") + "\n"
    var best = Double.infinity
    for _ in 0..<runs {
      best = min(best, try answeringTime(binary: binary, pack: pack, input: input))
    }
    return best * 1000 / Double(batch.count)
  }

  /// Milliseconds the binary spent answering, from its `--timing` report.
  static func answeringTime(binary: String, pack: URL, input: String) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = [
      "ask", "--pack", pack.path, "--format", "jsonl", "--now", "2025-07-26T10:00", "--timing",
    ]
    let stdin = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let report = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // "answered N questions in X ms"
    guard let words = report.split(separator: "\n").last?.split(separator: " "),
      words.count >= 5, let milliseconds = Double(words[4])
    else { return .infinity }
    return milliseconds
  }

}
