import Assistant
import EventModel
import Foundation
import Matcher
import Testing

@testable import CommandLineInterface

/// `hiwaic ask --format jsonl` writes its records by hand for speed; they must be what
/// Foundation's encoder writes, byte for byte.
@Suite("Compact JSON of ask records")
struct CompactJSONTests {
  static let assistant = try? Assistant.load(
    packDirectory: CLI.repository.appendingPathComponent("Data/waic2025"))

  /// Questions of every kind (the dev set's, when it is there), and text that JSON must escape.
  static var questions: [String] {
    struct Labelled: Decodable { var q: String }
    let dev =
      (try? JSONDecoder().decode(
        [Labelled].self,
        from: Data(
          contentsOf: CLI.repository.appendingPathComponent("Data/evaluation/dev.json"))))?
      .map(\.q) ?? []
    let hostile = [
      "where is \"Unitree\"\\ \u{1}\u{1b}[31m\t\r\n\u{7f}", "宇树\u{202e}科技在哪里", "a/b/c 😀 \u{2028}",
      "how do I get to the Red Hall from Unitree", "plan two hours of robotics, step-free",
      "plan my visit: Huawei, Unitree and Baidu", String(repeating: "x", count: 3_000),
    ]
    return dev + hostile
  }

  @Test("the hand-written line equals JSONEncoder's (sorted keys, slashes kept) for every answer")
  func sameAsEncoder() throws {
    let assistant = try #require(Self.assistant)
    let now = try #require(EventTime.parse("2025-07-26T10:00", zone: assistant.catalog.timeZone))
    var checked = 0
    for here in [nil, "eh-1f-north"] as [String?] {
      let context = AskContext(now: now, here: here)
      for question in Self.questions {
        let record = AskRecord(
          reply: assistant.reply(to: question, context: context), catalog: assistant.catalog)
        let fast = try record.jsonLine()
        let encoded = try OutputFormatting.jsonLine(record)
        #expect(fast == encoded, "\(question)")
        checked += 1
      }
    }
    #expect(checked >= 2 * 7)
  }

  @Test("numbers are written as the encoder writes them")
  func numbers() throws {
    let encoder = JSONEncoder()
    var random = SplitMix64(seed: 7)
    var values: [Double] = [
      0, -0.0, 1, 0.1, 0.95, 120, 1e16, 1e21, 1e-7, 5e-324, .greatestFiniteMagnitude,
    ]
    for _ in 0..<2_000 {
      let bits = random.next()
      let value = Double(bitPattern: bits)
      if value.isFinite { values.append(value) }
      values.append(Double(bits % 100_000) / 1_000)
    }
    for value in values {
      var json = CompactJSONWriter()
      json.number(value)
      #expect(json.text == String(decoding: try encoder.encode(value), as: UTF8.self), "\(value)")
    }
  }
}
