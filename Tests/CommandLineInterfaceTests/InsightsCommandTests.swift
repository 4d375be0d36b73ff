import Foundation
import Testing

@testable import CommandLineInterface

@Suite("hiwaic ask --log, insights and the organisers' answers, through the binary")
struct InsightsCommandTests {
  final class Scratch {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-insights-\(UUID().uuidString.prefix(8))")
    var store: String { directory.appendingPathComponent("knowledge.sqlite").path }
    deinit { try? FileManager.default.removeItem(at: directory) }

    func run(_ arguments: [String], input: String? = nil) throws -> (
      status: Int32, output: String, error: String
    ) {
      try CLI.run(
        arguments, environment: ["HIWAIC_KNOWLEDGE": store], input: input.map { Data($0.utf8) })
    }
  }

  @Test("questions asked with --log are in the report, anonymous; without it nothing is logged")
  func logAndReport() throws {
    let scratch = Scratch()
    let questions = """
      where is Unitree?
      is there a prayer room?
      where can I pray?
      call me on 138 0013 8000
      宇树科技在哪里？
      """
    let asked = try scratch.run(
      ["ask", "--log", "--now", "2025-07-26T10:00", "--at", "eh-1f-north"], input: questions)
    #expect(asked.status == 0, "\(asked.error)")
    _ = try scratch.run(["ask", "--now", "2025-07-26T10:05", "where is Huawei?"])
    let report = try scratch.run(["insights", "--format", "json"])
    #expect(report.status == 0, "\(report.error)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
    #expect(json["questions"] as? Int == 5)
    #expect(json["answered"] as? Int == 2)
    let hours = try #require(json["byHour"] as? [[String: Any]])
    #expect(hours.first?["label"] as? String == "10:00")
    let gaps = try #require(json["gaps"] as? [[String: Any]])
    #expect(gaps.first?["questions"] as? Int == 2, "\(gaps)")
    #expect(!report.output.contains("138"))
    let text = try scratch.run(["insights"])
    #expect(text.output.contains("5 questions"))
    #expect(text.output.contains("Expo Hall north entrance"), "\(text.output)")
    let csv = try scratch.run(["insights", "--format", "csv", "--since", "2025-07-27"])
    #expect(csv.output.contains("total,,0,0"), "\(csv.output)")
    let bad = try scratch.run(["insights", "--since", "yesterday-ish"])
    #expect(bad.status != 0 && bad.error.contains("--since 'yesterday-ish' is not a time"))
  }

  @Test("an organisers' answer answers a paraphrase it was not written for, until taken back")
  func organiserAnswer() throws {
    let scratch = Scratch()
    let saved = try scratch.run([
      "notes", "answer", "Is there a prayer room?", "Yes: a quiet room in Hall H2.",
    ])
    #expect(saved.status == 0 && saved.output.contains("saved answer 1 (en)"), "\(saved)")
    let asked = try scratch.run([
      "ask", "--now", "2025-07-26T10:00", "--format", "json", "where can I pray?",
    ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(asked.output.utf8)) as? [String: Any])
    #expect((json["answer"] as? String)?.contains("a quiet room in Hall H2") == true, "\(json)")
    let list = try scratch.run(["notes", "answers"])
    #expect(list.output.contains("Q: Is there a prayer room?"))
    #expect(try scratch.run(["notes", "answers", "--remove", "1"]).status == 0)
    let after = try scratch.run(["ask", "--now", "2025-07-26T10:00", "where can I pray?"])
    #expect(!after.output.contains("Hall H2"))
    let missing = try scratch.run(["notes", "answers", "--remove", "1"])
    #expect(missing.status != 0 && missing.error.contains("no answer 1"))
  }

  @Test("a damaged or unwritable store: one clear message, and the answers come from the pack")
  func brokenStore() throws {
    let scratch = Scratch()
    try FileManager.default.createDirectory(
      at: scratch.directory, withIntermediateDirectories: true)
    try Data("this is not a database, just text".utf8).write(
      to: URL(fileURLWithPath: scratch.store))
    let asked = try scratch.run([
      "ask", "--log", "--now", "2025-07-26T10:00", "where is Unitree?",
    ])
    #expect(asked.status == 0)
    #expect(asked.output.contains("H3-A01"))
    #expect(
      asked.error.contains("is not a hiwaic knowledge database, or is damaged"), "\(asked.error)")
    #expect(asked.error.contains("answering without recorded talks"))
    #expect(asked.error.contains("--log: no knowledge store"))
    // The file is left as it was: nothing of the visitor's question was written into it.
    let kept = try String(contentsOfFile: scratch.store, encoding: .utf8)
    #expect(kept == "this is not a database, just text")
    let insights = try scratch.run(["insights"])
    #expect(insights.status != 0 && insights.error.contains("not a hiwaic knowledge database"))
  }
}
