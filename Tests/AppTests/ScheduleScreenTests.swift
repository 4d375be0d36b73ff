import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("The schedule screen: today, the filter over every day, clashes, the timetable")
struct ScheduleScreenTests {
  static func schedule(now: String = "2025-07-26T10:00", width: Int = 120, height: Int = 40)
    -> AppHarness
  {
    var app = AppHarness(width: width, height: height, now: now)
    app.press(.function(4))
    return app
  }

  var lists: (AppHarness) -> Lists = { Lists(catalog: $0.env.catalog, state: $0.state) }

  @Test("NOW and NEXT belong to today only; n comes back to today, on what is on now")
  func nowAndNextToday() {
    var app = Self.schedule()
    #expect(app.screen.contains("NOW") && app.screen.contains("NEXT"))
    #expect(app.screen.contains("[• Sat 26 July]"))
    app.press(.right)
    #expect(app.screen.contains("[Sun 27 July]"))
    #expect(!app.screen.contains("NOW") && !app.screen.contains("NEXT"))
    app.press(.right)
    #expect(!app.screen.contains("NEXT"))
    app.press(.character("n"))
    #expect(app.screen.contains("[• Sat 26 July]"))
    let shown = lists(app).sessions
    let (now, _) = lists(app).nowAndNext(shown)
    #expect(now.contains(shown[app.state.sessionSelection].id))
  }

  @Test("the schedule opens on today's date during the event")
  func opensOnToday() {
    let app = Self.schedule(now: "2025-07-27T15:00")
    #expect(app.screen.contains("[• Sun 27 July]"))
    #expect(app.screen.contains("NOW"))
  }

  @Test("the filter searches every day, with a count per day, and says what to do on none")
  func filterAllDays() {
    var app = Self.schedule(now: "2025-07-27T10:00")
    app.press(.character("/"))
    app.type("hinton")
    let found = lists(app).sessions
    #expect(found.map(\.id) == ["main-forum"])
    #expect(app.screen.contains("[Sat 26 July (1)]"))
    #expect(app.screen.contains("• Sun 27 July (0)"))
    #expect(app.screen.contains("Sat 11:15–"))
    app.press(.control("u"))
    app.type("forum")
    let counts = lists(app).countsByDay(lists(app).sessions)
    #expect(counts.count == 3)
    #expect(app.screen.contains("(\(counts.values.max() ?? 0))"))
    app.press(.control("u"))
    app.type("zzzz-nothing")
    #expect(app.screen.contains("No session on any day matches “zzzz-nothing”"))
  }

  @Test("←→ while filtering jump between days' matches; Esc keeps the filter, then the choice")
  func filterKeysAndEscape() throws {
    var app = Self.schedule()
    app.press(.character("/"))
    app.type("forum")
    app.press(.escape)
    #expect(!app.state.filteringSessions)
    #expect(app.state.sessionFilter.text == "forum")
    let zone = app.env.catalog.timeZone
    let found = lists(app).sessions
    app.press(.right)
    let sunday = try #require(found[safe: app.state.sessionSelection])
    #expect(EventTime.localDate(sunday.start, zone: zone).description == "2025-07-27")
    app.press(.down)
    let chosen = try #require(lists(app).sessions[safe: app.state.sessionSelection])
    app.press(.escape)
    #expect(app.state.sessionFilter.isEmpty)
    #expect(lists(app).sessions[safe: app.state.sessionSelection]?.id == chosen.id)
    #expect(app.screen.contains("[Sun 27 July]"))
    app.press(.escape)
    #expect(app.state.screen != .schedule)
  }

  @Test("a clash names the session it clashes with, and when")
  func clashNamesTheOther() throws {
    var app = Self.schedule()
    let sessions = lists(app).sessions
    let zone = app.env.catalog.timeZone
    let pair = Array(
      sessions.filter { EventTime.clockTime($0.start, zone: zone) == "14:00" }.prefix(2))
    try #require(pair.count == 2)
    for session in pair {
      app.state.sessionSelection = try #require(sessions.firstIndex { $0.id == session.id })
      app.press(.character("f"))
    }
    let screen = app.screen
    #expect(screen.contains("! Clashes with ★ \(pair[0].title.text(.en).prefix(20))"))
    #expect(lists(app).clashes[pair[1].id]?.map(\.id) == [pair[0].id])
  }

  @Test("v shows the day as rooms × time; the selection moves and stays in its frame")
  func timetable() throws {
    var app = Self.schedule()
    app.press(.character("v"))
    #expect(app.state.timetable)
    let screen = app.screen
    let rooms = Set(
      lists(app).sessions.compactMap { app.env.catalog.room($0.room)?.name.text(.en) })
    #expect(rooms.contains { screen.contains(String($0.prefix(12))) })
    #expect(screen.contains("12:00") && screen.contains("14:00"))
    app.press(.down)
    #expect(app.state.sessionSelection == 1)
    let selected = try #require(lists(app).sessions[safe: 1])
    #expect(app.screen.contains(selected.title.text(.en).prefix(20)))
    app.press(.character("v"))
    #expect(!app.state.timetable)
    // Narrow: it says so rather than drawing nonsense.
    var narrow = Self.schedule(width: 60, height: 16)
    narrow.press(.character("v"))
    let small = narrow.screen
    #expect(small.contains("Too narrow") || small.contains("13:00"), "\(small)")
  }

  @Test("both lists say how much of the event the pack holds")
  func coverage() {
    var app = Self.schedule()
    #expect(app.screen.contains("31 sessions in this offline pack (100+ forums in all)"))
    app.press(.function(9))
    #expect(app.screen.contains("离线数据包收录31场活动（论坛共100余场）"))
    app.press(.function(3))
    #expect(app.screen.contains("离线数据包收录46家展商（共800余家）"))
  }
}
