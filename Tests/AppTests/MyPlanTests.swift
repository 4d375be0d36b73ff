import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("My plan: show, remove and undo; kept answers are shown, not dropped")
struct MyPlanTests {
  static func withFavourites() -> AppHarness {
    var app = AppHarness(width: 120, height: 40)
    app.state.favouriteExhibitors = ["unitree", "huawei"]
    app.state.favouriteSessions = ["embodied-ai-forum"]
    app.press(.function(8))
    return app
  }

  @Test("d removes the chosen item and says so; u puts it back where it was")
  func removeAndUndo() {
    var app = Self.withFavourites()
    let items = MyPlanItems(catalog: app.env.catalog, state: app.state).items.map(\.id)
    #expect(items == ["embodied-ai-forum", "unitree", "huawei"])
    app.press(.down)
    app.press(.character("d"))
    #expect(app.state.favouriteExhibitors == ["huawei"])
    #expect(app.screen.contains("Removed Unitree Robotics · u undoes"))
    app.press(.character("u"))
    #expect(app.state.favouriteExhibitors == ["unitree", "huawei"])
    #expect(app.state.myPlanSelection == 1)
    // Nothing more to undo.
    app.press(.character("u"))
    #expect(app.state.favouriteExhibitors == ["unitree", "huawei"])
  }

  @Test("Enter shows a session on its day in the schedule, an exhibitor in the list")
  func enterShows() {
    var app = Self.withFavourites()
    app.press(.enter)
    #expect(app.state.screen == .schedule)
    #expect(app.screen.contains("[Sun 27 July]"))
    #expect(app.screen.contains("▶~14:00"))
    app.press(.function(8), .down, .down, .enter)
    #expect(app.state.screen == .exhibitors)
    #expect(app.screen.contains("▶★ Huawei"))
  }

  @Test("choosing “★ … is in my plan” under an answer shows it and keeps it")
  func keptAnswerShows() throws {
    var app = AppHarness()
    app.ask("where is Unitree?")
    let actions = try #require(app.state.conversation.last?.actions)
    let index = try #require(actions.firstIndex(of: .favouriteExhibitor("unitree")))
    app.click(.action(index))
    #expect(app.state.favouriteExhibitors == ["unitree"])
    app.press(.function(2))
    #expect(app.screen.contains("★ Unitree Robotics is in my plan: show"))
    app.click(.action(index))
    #expect(app.state.favouriteExhibitors == ["unitree"])
    #expect(app.state.screen == .myPlan)
  }

  @Test("the calendar holds the plan and every favourite session, at whole minutes")
  func calendar() throws {
    var app = Self.withFavourites()
    app.state.favouriteSessions.append("main-forum")
    app.press(.function(6))
    app.state.planFocus = .interests
    app.type("robotics")
    app.state.planFocus = .submit
    app.press(.enter)
    let planned = try #require(app.state.planned)
    let calendar = MyPlanItems.calendar(app.state, app.env)
    let events = calendar.components(separatedBy: "BEGIN:VEVENT").count - 1
    #expect(events == planned.plan.stops.count + 2)
    #expect(calendar.contains("SUMMARY:Embodied Intelligence Forum"))
    #expect(calendar.contains("SUMMARY:Main Forum"))
    for line in calendar.components(separatedBy: "\r\n")
    where line.hasPrefix("DTSTART") || line.hasPrefix("DTEND") {
      #expect(line.hasSuffix("00"), "\(line)")
    }
    // e writes it and says where, in full.
    app.press(.function(8), .character("e"))
    guard case .writeFile(let path, _) = app.effects.last else {
      Issue.record("e wrote nothing")
      return
    }
    #expect(path.hasPrefix("/"))
  }
}
