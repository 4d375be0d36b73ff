import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("The app: keys, clicks, language, sizes")
struct AppUpdateTests {
  @Test("asking shows the answer with its facts and offers the map and my plan")
  func ask() {
    var app = AppHarness()
    app.ask("where is Unitree?")
    let screen = app.screen
    #expect(screen.contains("› where is Unitree?"))
    #expect(screen.contains("H3-A01"))
    #expect(screen.contains("min walk"))
    #expect(screen.contains("▶ Show on map"))
    #expect(screen.contains("Add Unitree Robotics to my plan"))
    // Choose "add to my plan" with the arrows: ↓ from the empty line goes to the actions.
    app.press(.down, .down, .enter)
    #expect(app.state.favouriteExhibitors == ["unitree"])
    #expect(app.screen.contains("★ Unitree Robotics is in my plan"))
  }

  @Test("a follow-up suggestion can be clicked and is asked")
  func clickSuggestion() throws {
    var app = AppHarness()
    app.ask("where is Unitree?")
    let actions = try #require(app.state.conversation.last?.actions)
    let index = try #require(actions.firstIndex { if case .ask = $0 { true } else { false } })
    app.click(.action(index))
    #expect(app.state.conversation.count == 2)
  }

  @Test("follow-ups act on the conversation: the way there, then a plan changed by its suggestion")
  func followUps() throws {
    var app = AppHarness()
    app.ask("is Unitree here?")
    app.ask("how do I get there?")
    let way = try #require(app.state.conversation.last?.reply)
    #expect(way.answer.intent == .directions)
    #expect(way.directions?.to == "h3-b111")
    app.ask("plan me two hours of robotics")
    let actions = try #require(app.state.conversation.last?.actions)
    let stepFree = try #require(
      actions.firstIndex {
        if case .ask(let text) = $0 { text == "Make it step-free" } else { false }
      })
    app.click(.action(stepFree))
    let plan = try #require(app.state.conversation.last?.reply.plan)
    #expect(plan.request.stepFree)
    #expect(plan.request.interests.keys.contains("robotics"))
    #expect(plan.request.budgetMinutes == 120)
    #expect(app.state.planned?.request.stepFree == true)
  }

  @Test("show on map draws the way from here to the booth")
  func mapRoute() {
    var app = AppHarness(width: 120, height: 40)
    app.ask("where is Unitree?")
    app.press(.enter)
    #expect(app.state.screen == .map)
    #expect(!app.state.mapRoute.isEmpty)
    let screen = app.screen
    #expect(screen.contains("X"))
    #expect(screen.filter { $0 == "•" }.count > 5)
    #expect(screen.contains("2F"))
    // Another floor has no X; c clears the route.
    app.press(.character("]"))
    app.press(.character("c"))
    #expect(app.state.mapRoute.isEmpty && app.state.mapTarget == nil)
  }

  @Test("the language switch changes every label and new answers at once")
  func language() {
    var app = AppHarness()
    app.ask("where is Unitree?")
    app.press(.function(9))
    let screen = app.screen
    #expect(screen.contains("问答"))
    #expect(screen.contains("提问"))
    #expect(screen.contains("在地图上显示"))
    #expect(screen.contains("7月26日"))
    app.ask("where is Huawei?")
    #expect(app.state.conversation.last?.reply.answer.language == .en)
    #expect(app.state.conversation.last?.reply.text.contains("展位") == true)
    app.click(.language)
    #expect(app.state.language == .en)
  }

  @Test("tabs by number, F-key, Tab, click; Esc goes back; q quits only when not typing")
  func navigation() {
    var app = AppHarness()
    app.type("q3")
    #expect(app.state.screen == .ask)
    #expect(app.state.question.text == "q3")
    #expect(app.effects.isEmpty)
    app.press(.function(5))
    #expect(app.state.screen == .map)
    // The number on a tab is its function key: 4 and F4 are the schedule, 1 and F1 help.
    app.press(.character("4"))
    #expect(app.state.screen == .schedule)
    #expect(app.screen.contains("[4 Sched.]"))
    app.press(.character("1"))
    #expect(app.state.screen == .help)
    app.press(.escape)
    app.press(.tab)
    #expect(app.state.screen == .map)
    app.click(.tab(.cityWalk))
    #expect(app.state.screen == .cityWalk)
    app.press(.escape)
    #expect(app.state.screen == .map)
    app.press(.character("q"))
    #expect(app.effects == [.quit])
  }

  @Test("exhibitors: search as you type in English and Chinese, pavilion filter, favourites")
  func exhibitors() {
    var app = AppHarness()
    app.press(.function(3))
    app.type("unitree")
    #expect(app.state.searchingExhibitors)
    #expect(app.screen.contains("\n 1 found · 46 of 800+ exhibitors in this offline pack\n"))
    #expect(app.screen.contains("▶  Unitree Robotics"))
    let found = Lists(catalog: app.env.catalog, state: app.state).exhibitors
    #expect(found.first?.id == "unitree")
    app.press(.escape, .escape)
    app.press(.character("/"))
    app.type("宇树")
    #expect(Lists(catalog: app.env.catalog, state: app.state).exhibitors.first?.id == "unitree")
    app.press(.enter, .character("f"))
    #expect(app.state.favouriteExhibitors == ["unitree"])
    app.press(.escape)
    app.press(.character("p"))
    let pavilion = app.env.catalog.pack.pavilions[0]
    let listed = Lists(catalog: app.env.catalog, state: app.state).exhibitors
    #expect(!listed.isEmpty && listed.allSatisfy { $0.pavilion == pavilion.id })
    #expect(app.screen.contains(pavilion.name.text(.en)))
  }

  @Test("schedule: now and next marked at the clock, favourites, clashes")
  func schedule() throws {
    var app = AppHarness(width: 120, height: 40)
    app.press(.function(4))
    let sessions = Lists(catalog: app.env.catalog, state: app.state).sessions
    let (now, next) = Lists(catalog: app.env.catalog, state: app.state).nowAndNext(sessions)
    #expect(!now.isEmpty)
    #expect(next != nil)
    #expect(app.screen.contains("NOW"))
    #expect(app.screen.contains("NEXT"))
    // Two sessions at the same time, both favourites: a clash, marked with "!".
    let afternoon = sessions.filter {
      EventTime.clockTime($0.start, zone: app.env.catalog.timeZone) == "14:00"
    }
    try #require(afternoon.count >= 2)
    for session in afternoon.prefix(2) {
      let index = try #require(sessions.firstIndex { $0.id == session.id })
      app.state.sessionSelection = index
      app.press(.character("f"))
    }
    #expect(Lists(catalog: app.env.catalog, state: app.state).clashes.count == 2)
    #expect(app.screen.contains("★!"))
    app.press(.character("o"))
    #expect(Lists(catalog: app.env.catalog, state: app.state).sessions.count == 2)
    app.press(.right)
    #expect(app.screen.contains("[Sun 27 July]"))
  }

  @Test("the planner form plans, names unknown exhibitors with close matches, re-plans from now")
  func planner() throws {
    var app = AppHarness(width: 120, height: 40)
    app.press(.function(6))
    app.type("robotics")
    app.press(.down)
    app.type("Unitre")
    app.state.planFocus = .submit
    app.press(.enter)
    let planned = try #require(app.state.planned)
    #expect(planned.plan.stops.contains { $0.id == "unitree" })
    #expect(app.screen.contains("Unitree Robotics"))
    app.state.planFocus = .mustSee
    app.press(.control("u"))
    app.type("Unitreeee Robotix")
    app.state.planFocus = .submit
    app.press(.enter)
    #expect(app.state.planProblem?.contains("unknown exhibitor") == true)
    #expect(app.screen.contains("unknown exhibitor"))
    // Re-plan an hour later: the stops already left are done.
    app.state.planFocus = .mustSee
    app.press(.control("u"))
    app.state.planFocus = .submit
    app.press(.enter)
    let first = try #require(app.state.planned)
    app.send(.tick(first.request.startTime.addingTimeInterval(3600)))
    app.press(.control("r"))
    let second = try #require(app.state.planned)
    let done = Set(first.plan.stops.filter { $0.leave <= app.state.now }.map(\.id))
    #expect(!done.isEmpty)
    #expect(second.plan.stops.allSatisfy { !done.contains($0.id) })
    #expect(second.request.budgetMinutes <= 61)
  }

  @Test("my plan lists favourites and exports an iCalendar file")
  func myPlanExport() throws {
    var app = AppHarness()
    app.press(.function(4))
    app.press(.character("f"))
    app.press(.function(8))
    #expect(app.state.favouriteSessions.count == 1)
    #expect(app.screen.contains("▶ Sat 26 July 09:00 Opening"))
    app.press(.character("e"))
    guard case .writeFile(let path, let contents) = try #require(app.effects.last) else {
      Issue.record("no file written")
      return
    }
    #expect(path.hasSuffix(".ics"))
    #expect(contents.hasPrefix("BEGIN:VCALENDAR"))
    #expect(contents.contains("BEGIN:VEVENT"))
    app.send(.fileWritten(path: path, error: nil))
    #expect(app.screen.contains("Saved to"))
    app.press(.character("d"))
    #expect(app.state.favouriteSessions.isEmpty)
  }

  @Test("any size from 1x1 to 400x200 renders; below the minimum it asks to enlarge")
  func sizes() {
    var app = AppHarness()
    app.ask("宇树科技在哪里？")
    var random = SplitMix(seed: 7)
    var sizes = [(1, 1), (0, 0), (59, 15), (60, 16), (400, 200), (81, 25)]
    for _ in 0..<60 { sizes.append((random.next(400), random.next(200))) }
    for screen in Screen.allCases {
      app.state.screen = screen
      for (width, height) in sizes {
        app.send(.input(.resize(width: width, height: height)))
        let frame = app.frame
        #expect(frame.canvas.width == width && frame.canvas.height == height)
        app.expectNoSplitCharacters()
        if width < AppView.minimumWidth || height < AppView.minimumHeight, width >= 30, height >= 3
        {
          #expect(frame.canvas.text().contains("Please enlarge"))
        }
      }
    }
  }

  @Test("hostile text is shown, never obeyed")
  func hostileText() {
    var app = AppHarness()
    app.ask("\u{1B}[2J\u{1B}]0;pwned\u{7} where is 😀 ' OR 1=1 --")
    let canvas = app.frame.canvas
    #expect(!canvas.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
    #expect(app.state.conversation.count == 1)
  }
}

/// A small deterministic generator for test inputs.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound + 1))
  }
}
