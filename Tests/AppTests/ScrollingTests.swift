import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("Panes that overflow scroll, show that they do, and the full text is reachable")
struct ScrollingTests {
  /// Presses PgDn until the pane stops moving; returns every screen seen on the way.
  static func pageThrough(_ app: inout AppHarness, pane: Pane) -> [String] {
    var screens = [app.screen]
    for _ in 0..<40 {
      let before = app.state.paneScroll[pane] ?? 0
      app.press(.pageDown)
      screens.append(app.screen)
      if (app.state.paneScroll[pane] ?? 0) == before { break }
    }
    return screens
  }

  @Test("a long plan at 80×24: PgDn reaches its last stop and summary, PgUp comes back")
  func longPlan() throws {
    var app = AppHarness(width: 80, height: 24)
    app.press(.function(6))
    app.state.planFocus = .budget
    app.press(.control("a"), .control("k"))
    app.type("4h")
    app.state.planFocus = .submit
    app.press(.enter)
    let planned = try #require(app.state.planned)
    #expect(planned.plan.stops.count > 12)
    let first = app.screen
    #expect(first.contains("↓ PgDn"))
    #expect(!first.contains("interest score"))
    let screens = Self.pageThrough(&app, pane: .planRoute)
    #expect(screens.contains { $0.contains("interest score") })
    let lastStop = try #require(planned.plan.stops.last)
    let name = try #require(app.env.catalog.exhibitor(lastStop.id)?.name.text(.en))
    #expect(screens.contains { $0.contains(name.prefix(12)) })
    #expect((app.state.paneScroll[.planRoute] ?? 0) > 0)
    #expect(app.screen.contains("↑"))
    for _ in 0..<40 { app.press(.pageUp) }
    #expect(app.state.paneScroll[.planRoute] == 0)
    #expect(app.screen == first)
  }

  @Test("My plan's route scrolls too, and a new plan starts it from the top")
  func myPlanRoute() throws {
    var app = AppHarness(width: 80, height: 24)
    app.ask("plan me four hours of robotics and chips")
    try #require(app.state.planned != nil)
    app.press(.function(8))
    let screens = Self.pageThrough(&app, pane: .myPlanRoute)
    #expect(screens.first?.contains("↓ PgDn") == true)
    #expect(screens.contains { $0.contains("end at") })
    app.press(.function(2))
    app.ask("plan me two hours of robotics")
    app.press(.function(8))
    #expect(app.state.paneScroll[.myPlanRoute] == nil)
  }

  @Test("at 60×16 a session's details, and help, can be read to their last line")
  func smallScreens() {
    var app = AppHarness(width: 60, height: 16)
    app.press(.function(4))
    app.press(.down)
    let screens = Self.pageThrough(&app, pane: .sessionDetail)
    #expect(screens.contains { $0.contains("From ") || $0.contains("approximate") })
    // Another session starts at the top again.
    app.press(.down)
    #expect(app.state.paneScroll[.sessionDetail] == nil)

    var help = AppHarness(width: 60, height: 16)
    help.press(.function(1))
    #expect(help.screen.contains("↓ PgDn"))
    let pages = Self.pageThrough(&help, pane: .help)
    #expect(pages.contains { $0.contains("plan was published.") })
    let bottom = help.state.paneScroll[.help] ?? 0
    #expect(bottom > 0)
    help.press(.up)
    #expect(help.state.paneScroll[.help] == bottom - 1)
  }

  @Test("a list row too long for its column ends in an ellipsis, and the detail has it all")
  func ellipsisAndFullTitle() throws {
    var app = AppHarness(width: 80, height: 24)
    app.press(.function(4))
    let sessions = Lists(catalog: app.env.catalog, state: app.state).sessions
    let long = try #require(sessions.firstIndex { $0.title.text(.en).count > 60 })
    app.state.sessionSelection = long
    let screen = app.screen
    let rows = screen.split(separator: "\n")
    #expect(rows.contains { $0.contains("…") })
    // The full title, wrapped, is in the detail: its last word shows.
    let title = sessions[long].title.text(.en)
    let lastWord = try #require(title.split(separator: " ").last)
    #expect(screen.contains(lastWord))
  }

  @Test("a long conversation at 60×16 says what is above on a row of its own, never over text")
  func conversationOverflow() {
    var app = AppHarness(width: 60, height: 16)
    app.ask("where is Unitree?")
    app.ask("what is on tomorrow afternoon?")
    app.ask("plan me two hours of robotics")
    let rows = app.screen.split(separator: "\n", omittingEmptySubsequences: false)
    let note = rows[1].trimmingCharacters(in: .whitespaces)
    #expect(note.hasPrefix("↑ ") && note.hasSuffix("more lines (PgUp)"), "\(rows[1])")
    app.press(.pageUp)
    let after = app.screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
    #expect(after.contains("(PgDn)"), "\(after)")
  }
}
