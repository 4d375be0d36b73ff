import Foundation
import Testing

@testable import CommandLineInterface

@Suite("hiwaic route, directions and optw")
struct PlannerCommandTests {
  @Test("route JSON: stops with ISO times, totals, what was left out and why")
  func routeJSON() throws {
    let plans = try CLI.json([
      "route", "--interests", "robotics:2,ai-chips", "--must", "Unitree,huawei", "--attend",
      "main-forum",
      "--from", "eh-1f-north", "--start", "2025-07-26T09:00", "--budget", "2h",
    ])
    let plan = try #require(plans.first)
    let stops = try #require(plan["stops"] as? [[String: Any]])
    #expect(stops.contains { $0["id"] as? String == "unitree" })
    #expect(stops.allSatisfy { ($0["start"] as? String)?.hasSuffix("+08:00") == true })
    let leftOut = try #require(plan["leftOut"] as? [[String: Any]])
    #expect(
      leftOut.contains {
        $0["id"] as? String == "main-forum" && $0["reason"] as? String == "no-time"
      })
    #expect(plan["provenance"] != nil && plan["name"] is String)
  }

  @Test("route text is a timeline; unknown names get close matches; budgets parse")
  func routeText() throws {
    let text = try CLI.render([
      "route", "--interests", "robotics", "--from", "eh-1f-north", "--start", "2025-07-26T10:00",
      "--budget", "1h30m",
    ])
    #expect(text.contains("Plan for 90 min"))
    #expect(text.contains("end at Expo Hall north entrance"))
    #expect(
      CLI.failure(["route", "--must", "Untiree", "--from", "eh-1f-north"])?.contains("Unitree")
        == true)
    #expect(CLI.failure(["route", "--attend", "main-frum"])?.contains("Main Forum") == true)
    #expect(CLI.failure(["route", "--budget", "soon"])?.contains("--budget") == true)
    #expect(RouteCommand.minutes("1h30m") == 90)
    #expect(RouteCommand.minutes("1.5h") == 90)
    #expect(RouteCommand.minutes("45") == 45)
    #expect(RouteCommand.minutes("2 hours") == 120)
  }

  @Test("route as iCalendar")
  func routeCalendar() throws {
    let text = try CLI.render([
      "route", "--must", "unitree", "--from", "eh-1f-north", "--start", "2025-07-26T10:00",
      "--budget", "30m", "--format", "ics",
    ])
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
    #expect(text.contains("SUMMARY:1. Unitree Robotics") || text.contains("Unitree Robotics"))
  }

  @Test("directions: legs in English and Chinese, step-free, and JSON")
  func directions() throws {
    let english = try CLI.render(["directions", "eh-1f-north", "Unitree"])
    #expect(english.contains("to 2F"))
    #expect(english.contains("Total:"))
    let chinese = try CLI.render(["directions", "eh-1f-north", "红厅", "--lang", "zh", "--step-free"])
    #expect(chinese.contains("电梯"))
    #expect(!chinese.contains("扶梯到"))
    let json = try CLI.json(["directions", "m13-shibo", "west-bund-hall"])
    let legs = try #require(json.first?["legs"] as? [[String: Any]])
    #expect(legs.contains { $0["mode"] as? String == "metro" })
    #expect(
      CLI.failure(["directions", "nowhere-at-all", "Unitree"])?.contains("unknown place") == true)
  }

  @Test("optw solves an instance file and prints score, route and time")
  func optw() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID()).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    try """
    1 1 2 1
    0 0
      0 0.00 0.00 0.00 0.00 0 0 0 100
      1 3.00 4.00 1.00 10.00 1 1 1 0 50
      2 1.00 1.00 2.00 5.00 1 1 1 10 20
    """.write(to: file, atomically: true, encoding: .utf8)
    let result = try CLI.run(["optw", file.path])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["score"] as? Double == 15)
    #expect((object["route"] as? [Int]).map(Set.init) == [1, 2])
    #expect(object["millis"] is Double)
    let refused = try CLI.run(["optw", file.path, "--restarts", "0"])
    #expect(refused.status != 0 && refused.error.contains("--restarts from 1 to 1000"))
    let light = try CLI.run(["optw", file.path, "--patience", "1", "--restarts", "1"])
    #expect(light.status == 0, "\(light.error)")
  }
}

@Suite("hiwaic citywalk --plan")
struct CityWalkPlanCommandTests {
  @Test("a timed route, a route from a stop with a budget, and a recommendation")
  func plans() throws {
    let timed = try CLI.render(["citywalk", "3", "--plan", "--start", "2025-07-27T09:00"])
    #expect(timed.contains("09:00–09:45"))
    #expect(timed.contains("metro or taxi"))
    let cut = try CLI.render([
      "citywalk", "1", "--plan", "--from", "agibot-cola", "--budget", "30m", "--start",
      "2025-07-27T09:00",
    ])
    #expect(cut.contains("Not enough time for"))
    let json = try CLI.json(["citywalk", "2", "--plan", "--start", "2025-07-27T09:00"])
    #expect((json.first?["visits"] as? [[String: Any]])?.count == 4)
    let recommended = try CLI.render(["citywalk", "--interests", "drones", "--budget", "2h"])
    #expect(recommended.hasPrefix("1. City Walk 2"))
    #expect(CLI.failure(["citywalk", "1", "--plan", "--from", "nowhere"]) != nil)
  }
}
