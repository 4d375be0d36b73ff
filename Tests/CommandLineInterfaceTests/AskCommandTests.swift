import Foundation
import Testing

@Suite("hiwaic ask")
struct AskCommandTests {
  @Test("one question as JSON has the contract's fields")
  func jsonContract() throws {
    let result = try CLI.run([
      "ask", "where is Unitree", "--format", "json", "--now", "2025-07-26T10:00", "--at",
      "eh-1f-north",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["question"] as? String == "where is Unitree")
    #expect(object["language"] as? String == "en")
    #expect(object["intent"] as? String == "find_exhibitor")
    let confidence = try #require(object["confidence"] as? Double)
    #expect(confidence > 0 && confidence <= 1)
    #expect((object["answer"] as? String)?.contains("H3-A01") == true)
    let entities = try #require(object["entities"] as? [[String: Any]])
    #expect(
      entities.contains {
        $0["type"] as? String == "exhibitor" && $0["id"] as? String == "unitree"
          && $0["name"] is String
      })
    #expect(object["slots"] is [String: Any])
    #expect((object["suggestions"] as? [String])?.isEmpty == false)
  }

  @Test("plan and directions answers carry the worked-out plan and legs in JSON and text")
  func planAndDirections() throws {
    let result = try CLI.run([
      "ask", "plan me 90 minutes of robotics", "--format", "json", "--now", "2025-07-26T10:00",
      "--at", "eh-1f-north",
    ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["intent"] as? String == "plan_route")
    let plan = try #require(object["plan"] as? [String: Any])
    #expect(plan["budgetMinutes"] as? Double == 90)
    let stops = try #require(plan["stops"] as? [[String: Any]])
    #expect(!stops.isEmpty)
    #expect(object["planStart"] as? String == "now")
    let text = try #require(object["text"] as? String)
    for stop in stops { #expect(text.contains(try #require(stop["name"] as? String))) }

    let way = try CLI.run([
      "ask", "how do I get to Unitree", "--now", "2025-07-26T10:00", "--at", "eh-1f-north",
    ])
    #expect(way.output.contains("1. "))
    #expect(way.output.contains("Total:"))
  }

  @Test("standard input: one JSON object per line, every line answered, hostile lines included")
  func standardInput() throws {
    var input = Data()
    input += Data("where is Huawei\n\n   \n".utf8)
    input += Data([0xFF, 0xFE, 0x41, 0x0A])  // invalid UTF-8
    input += Data((String(repeating: "x", count: 100_000) + "\n").utf8)
    input += Data("\u{1B}[2J\u{7}\n😀\n'; DROP TABLE exhibitors; --\n宇树科技在哪里？\n".utf8)
    let lines = try CLI.runWithInput(
      ["ask", "--format", "jsonl", "--now", "2025-07-26T10:00"], input: input)
    #expect(lines.status == 0, "\(lines.error)")
    let objects = lines.output.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(objects.count == 9)
    #expect(objects.allSatisfy { $0?["intent"] is String })
    #expect(objects.first??["intent"] as? String == "find_exhibitor")
    #expect(objects.last??["intent"] as? String == "find_exhibitor")
    #expect(objects.last??["language"] as? String == "zh")
  }

  @Test("an unknown --at place fails with close matches")
  func unknownPlace() throws {
    let result = try CLI.run(["ask", "where is Huawei", "--at", "eh-1f-nort"])
    #expect(result.status != 0)
    #expect(result.error.contains("eh-1f-north"))
  }

  @Test("--lang answers in the chosen language; --explain shows what was understood")
  func languageAndExplain() throws {
    let zh = try CLI.run(["ask", "where is Huawei", "--lang", "zh"])
    #expect(zh.output.contains("展位"))
    let explained = try CLI.run(["ask", "wher is huawai", "--explain"])
    #expect(explained.output.contains("corrected"))
    #expect(explained.output.contains("intent: find_exhibitor"))
  }
}
