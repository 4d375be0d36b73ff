import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("City Walk: stops, timing, the map and My plan")
struct CityWalkScreenTests {
  static func walks(width: Int = 120, height: Int = 40, language: Language = .en) -> AppHarness {
    var app = AppHarness(width: width, height: height, language: language)
    app.press(.function(7))
    return app
  }

  @Test("Enter opens a route's stops; a stop in a hall goes to the map, one in the city says so")
  func stops() {
    var app = Self.walks()
    app.press(.enter)
    #expect(app.state.walkStops)
    #expect(app.screen.contains("▶ 10:00–"))
    app.press(.enter)
    #expect(app.state.screen == .map)
    #expect(app.state.mapTarget == "h3-b111")
    app.press(.escape)
    #expect(app.state.screen == .cityWalk)
    app.press(.escape, .down, .enter, .enter)
    #expect(app.state.screen == .cityWalk)
    #expect(app.screen.contains("is in the city"))
    #expect(app.screen.contains("this pack has no city map"))
  }

  @Test("the timing follows the start and the time there is; what does not fit is said")
  func timing() {
    var app = Self.walks()
    app.press(.down, .down)
    #expect(app.screen.contains("From Sat 26 July 10:00, the whole route"))
    app.press(.character("]"), .character("]"))
    #expect(app.screen.contains("From Sat 26 July 11:00"))
    app.press(.character("-"), .character("-"), .character("-"), .character("-"))
    #expect(app.screen.contains("within"))
    #expect(app.screen.contains("do not fit the time: + gives more"))
    #expect(app.screen.contains("(no time left)"))
    // Long legs are said to be estimates by metro or taxi, short ones straight-line walks.
    #expect(app.screen.contains("by metro or taxi (estimate)"))
    for _ in 0..<20 { app.press(.character("+")) }
    #expect(app.state.walkBudgetMinutes == nil)
    #expect(app.screen.contains("the whole route"))
  }

  @Test("a keeps the timed walk in My plan, the calendar and the state file")
  func keep() throws {
    var app = Self.walks()
    app.press(.down, .character("]"), .character("a"))
    #expect(app.screen.contains("from 10:30 is in my plan"))
    let kept = try #require(app.state.plannedWalk)
    #expect(kept.route == "low-altitude-autonomous")
    app.press(.function(8))
    #expect(app.screen.contains("10:30 City Walk 2: Drones"))
    let calendar = MyPlanItems.calendar(app.state, app.env)
    #expect(calendar.contains("SUMMARY:City Walk 2: Drones and Driverless: Drone delivery point"))
    #expect(calendar.contains("DTSTART;TZID=Asia/Shanghai:20250726T103000"))
    let saved = SavedVisitorState(app.state, packID: "waic2025")
    var again = AppHarness()
    again.state.restore(saved, env: again.env)
    #expect(again.state.plannedWalk == kept)
    // Removing it can be undone; Enter on it opens the route.
    app.press(.character("d"))
    #expect(app.state.plannedWalk == nil)
    app.press(.character("u"))
    #expect(app.state.plannedWalk == kept)
    app.press(.enter)
    #expect(app.state.screen == .cityWalk && app.state.walkSelection == 1)
  }

  @Test("route facts are never cut inside a unit, in English or Chinese, at any size")
  func units() {
    for language in [Language.en, .zh] {
      for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        let screen = Self.walks(width: width, height: height, language: language).screen
        for line in screen.split(separator: "\n") {
          let text = line.trimmingCharacters(in: .whitespaces)
          #expect(!text.hasSuffix(" m") || text.contains("↓"), "\(text)")
          #expect(!(language == .zh && text.contains(" min")), "\(text)")
        }
      }
    }
  }
}
