import Assistant
import EventModel
import Foundation
import Matcher
import Planner
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

  /// What the encoder writes for a part of a record: one line, keys sorted, slashes kept.
  static func encoded(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
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

  @Test(
    "plans with every kind of left-out item, and ways with landmarks, as the encoder writes them")
  func plansAndWays() throws {
    let assistant = try #require(Self.assistant)
    let now = try #require(EventTime.parse("2025-07-26T10:00", zone: assistant.catalog.timeZone))
    let context = AskContext(now: now, here: "eh-1f-north")
    let record = AskRecord(
      reply: assistant.reply(to: "plan two hours of robotics", context: context),
      catalog: assistant.catalog)
    var plan = try #require(record.plan)
    // Every reason, the other item of a clash, text to escape (built as a user of the type
    // gets them: decoded).
    plan.leftOut = try JSONDecoder().decode(
      [LeftOut].self,
      from: Data(
        #"""
        [{"id":"nobody","reason":"not-found"},
         {"id":"main-forum","reason":"clash","with":"other/forum \"quoted\""},
         {"id":"宇树","reason":"other-day"},{"id":"x","reason":"no-time"}]
        """#.utf8))
    plan.provenance = Provenance(sources: ["seed:a.txt", "https://x/y"], modelled: [], note: nil)
    var planJSON = CompactJSONWriter()
    plan.write(into: &planJSON)
    #expect(planJSON.text == (try Self.encoded(plan)))

    let way = AskRecord(
      reply: assistant.reply(to: "how do I get to Unitree", context: context),
      catalog: assistant.catalog)
    var directions = try #require(way.directions)
    directions.legs = directions.legs.map { leg in
      var leg = leg
      leg.via = ["Lift → 2F", "Café \"Nord\""]
      return leg
    }
    var wayJSON = CompactJSONWriter()
    directions.write(into: &wayJSON)
    #expect(wayJSON.text == (try Self.encoded(directions)))
    #expect(!directions.legs.isEmpty && !plan.stops.isEmpty)
  }

  @Test("numbers are written as the encoder writes them")
  func numbers() throws {
    let encoder = JSONEncoder()
    var random = SplitMix64(seed: 7)
    var values: [Double] = [
      0, -0.0, 1, 0.1, 0.95, 120, 1e16, 1e21, 1e-7, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude,
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
