import Foundation
import Testing
import TextLayout

@testable import CommandLineInterface

@Suite("Scripted queries on the WAIC 2025 pack")
struct QueryCommandTests {
  @Test("info shows the theme, the dates and the pavilions, in English and Chinese")
  func info() throws {
    let english = try CLI.render(["info", "--now", "2025-07-27T10:00"])
    #expect(english.contains("Global Solidarity in the AI Era"))
    #expect(english.contains("Sat 26 July"))
    #expect(english.contains("Tue 29 July"))
    #expect(english.contains("Intelligent Terminals Pavilion"))
    #expect(english.contains("(Day 2)"))
    let chinese = try CLI.render(["info", "--lang", "zh"])
    #expect(chinese.contains("智能时代 同球共济"))
    #expect(chinese.contains("智能终端馆"))
  }

  @Test("info JSON is an array of one event object with its days and provenance")
  func infoJSON() throws {
    let records = try CLI.json(["info"])
    #expect(records.count == 1)
    let event = try #require(records.first)
    #expect(event["id"] as? String == "waic2025")
    #expect(event["start"] as? String == "2025-07-26")
    #expect(event["end"] as? String == "2025-07-29")
    #expect((event["days"] as? [[String: Any]])?.count == 4)
    #expect(event["provenance"] is [String: Any])
  }

  @Test("exhibitors are found by English name, Chinese name, alias and product")
  func exhibitorSearch() throws {
    for query in ["unitree", "宇树科技", "宇树", "G1 boxing"] {
      let records = try CLI.json(["exhibitors", "--search", query])
      #expect(records.first?["id"] as? String == "unitree", "\(query)")
    }
    let huawei = try #require(try CLI.json(["exhibitors", "--search", "Ascend 384"]).first)
    #expect(huawei["id"] as? String == "huawei")
    let booth = try #require(huawei["booth"] as? [String: Any])
    #expect((booth["floor"] as? [String: Any])?["id"] as? String == "eh-1f")
    #expect(booth["approximate"] as? Bool == true)
  }

  @Test("every exhibitor JSON object has id, name and provenance; filters combine")
  func exhibitorFilters() throws {
    let all = try CLI.json(["exhibitors"])
    #expect(all.count >= 40)
    #expect(
      all.allSatisfy {
        $0["id"] is String && $0["name"] is String && $0["provenance"] is [String: Any]
      })
    let robots = try CLI.json(["exhibitors", "--topic", "robotics"])
    #expect(robots.contains { $0["id"] as? String == "unitree" })
    #expect(!robots.contains { $0["id"] as? String == "huawei" })
    let chips = try CLI.json(["exhibitors", "--topic", "AI芯片", "--pavilion", "core-technologies"])
    #expect(chips.contains { $0["id"] as? String == "huawei" })
    #expect(
      chips.allSatisfy {
        ($0["pavilion"] as? [String: Any])?["id"] as? String == "core-technologies"
      })
    let chinese = try CLI.json(["exhibitors", "--search", "unitree", "--lang", "zh"])
    #expect(chinese.first?["name"] as? String == "宇树科技")
  }

  @Test("unknown names fail with the closest matches")
  func unknownNames() {
    #expect(
      CLI.failure(["exhibitors", "--topic", "robtics"])?.contains("did you mean robotics") == true)
    #expect(CLI.failure(["exhibitors", "--pavilion", "terminal pavillion"]) != nil)
    #expect(CLI.failure(["schedule", "--speaker", "Hintonn"])?.contains("Geoffrey Hinton") == true)
    #expect(
      CLI.failure(["schedule", "--room", "Rde Hall"])?.contains("did you mean Red Hall") == true)
    #expect(
      CLI.failure(["schedule", "--room", "Red Hal"]) == nil, "an unambiguous prefix is enough")
    #expect(CLI.failure(["citywalk", "robots at wrk"]) != nil)
    #expect(CLI.failure(["schedule", "--day", "9"])?.contains("1 (2025-07-26)") == true)
    #expect(CLI.failure(["info", "--now", "yesterday"])?.contains("ISO 8601") == true)
  }

  @Test("a search with no result says so and offers close names")
  func noResult() throws {
    let text = try CLI.render(["exhibitors", "--search", "Unitre Robotix"])
    #expect(text.contains("Unitree Robotics"))
  }

  @Test("schedule JSON: sessions of the day with ISO 8601 times and offsets, in order")
  func scheduleJSON() throws {
    let day2 = try CLI.json(["schedule", "--day", "2"])
    #expect(!day2.isEmpty)
    let starts = day2.compactMap { $0["start"] as? String }
    #expect(starts.count == day2.count)
    #expect(starts.allSatisfy { $0.hasPrefix("2025-07-27T") && $0.hasSuffix("+08:00") })
    #expect(starts == starts.sorted())
    #expect(
      day2.allSatisfy { $0["title"] is String && $0["end"] is String && $0["provenance"] != nil })
    let byDate = try CLI.json(["schedule", "--day", "2025-07-27"])
    #expect(byDate.count == day2.count)
  }

  @Test("schedule filters by speaker, topic, room and what is still to come")
  func scheduleFilters() throws {
    let hinton = try CLI.json(["schedule", "--speaker", "辛顿"])
    #expect(hinton.map { $0["id"] as? String } == ["main-forum"])
    let governance = try CLI.json(["schedule", "--topic", "governance"])
    #expect(governance.contains { $0["id"] as? String == "ai-safety-governance-forum" })
    let red = try CLI.json(["schedule", "--room", "Red Hall"])
    #expect(red.allSatisfy { ($0["room"] as? [String: Any])?["id"] as? String == "red-hall" })
    let upcoming = try CLI.json(["schedule", "--upcoming", "--now", "2025-07-28T15:00"])
    #expect(upcoming.allSatisfy { ($0["end"] as? String ?? "") > "2025-07-28T15:00" })
    #expect(upcoming.contains { $0["id"] as? String == "closing-ceremony" })
    #expect(try CLI.json(["schedule", "--upcoming", "--now", "2026-01-01T00:00"]).isEmpty)
    let over = try CLI.render(["schedule", "--upcoming", "--now", "2026-01-01T00:00"])
    #expect(over.contains("ended"))
  }

  @Test("schedule text marks modelled times and what is on now")
  func scheduleText() throws {
    let text = try CLI.render(["schedule", "--day", "1", "--now", "2025-07-26T09:30"])
    #expect(text.contains("~09:00–11:00 now"))
    #expect(text.contains("Opening Ceremony"))
    #expect(text.contains("~ approximate"))
  }

  @Test("City Walk JSON: three routes with ordered stops and distances")
  func cityWalkJSON() throws {
    let routes = try CLI.json(["citywalk"])
    #expect(routes.count == 3)
    for route in routes {
      let stops = try #require(route["stops"] as? [[String: Any]])
      #expect(stops.count >= 4)
      #expect(stops.map { $0["order"] as? Int } == Array(1...stops.count).map { Optional($0) })
      #expect(stops.allSatisfy { $0["lat"] is Double && $0["provenance"] is [String: Any] })
      #expect((route["distanceMetres"] as? Int ?? 0) > 0)
    }
    let one = try CLI.json(["citywalk", "2"])
    #expect(one.count == 1)
    #expect(one.first?["id"] as? String == "low-altitude-autonomous")
  }

  @Test("text tables line up in display columns with Chinese names")
  func alignment() throws {
    let text = try CLI.render(["exhibitors", "--topic", "robotics", "--lang", "zh"])
    let rows = text.split(separator: "\n").filter { $0.contains("~H3-") }
    #expect(rows.count >= 8)
    let boothColumns = Set(
      rows.map { row in String(row[..<row.range(of: "~H3-")!.lowerBound]).displayWidth })
    #expect(boothColumns.count == 1, "\(rows)")
  }

  @Test("another pack can be chosen with --pack")
  func otherPack() throws {
    let records = try CLI.json(["exhibitors", "--pack", CLI.mini.path])
    #expect(records.map { $0["id"] as? String } == ["chip-co", "robo-one"])
  }
}
