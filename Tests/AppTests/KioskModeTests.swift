import Assistant
import EventModel
import Foundation
import Kiosk
import Knowledge
import QRTestSupport
import TerminalUI
import Testing

@testable import App

@Suite("Kiosk mode")
struct KioskModeTests {
  /// A kiosk woken from its attract screen, on Ask.
  static func awake(width: Int = 100, height: Int = 30, idle: Double = 60) -> AppHarness {
    var app = AppHarness.kiosk(width: width, height: height, idle: idle)
    app.press(.enter)
    return app
  }

  @Test("no key quits, suspends or leaves the kiosk, on any screen or while typing")
  func noWayOut() {
    var app = Self.awake()
    let keys: [Key] = [
      .control("c"), .control("z"), .control("\\"), .control("q"), .control("d"), .function(10),
      .character("q"), .escape, .control("x"),
    ]
    for screen in Screen.tabs {
      app.send(.target(.tab(screen)))
      for key in keys { app.press(key) }
      app.press(.escape, .escape, .escape)
    }
    app.type("q")  // while typing in Ask
    app.press(.function(10), .control("c"))
    #expect(!app.effects.contains(.quit))
    #expect(app.state.kiosk != nil)
    #expect(!app.screen.contains("F10 quit"))
  }

  @Test("each question answered is handed to the log, anonymous, and never shown to anyone")
  func questionLog() {
    var app = AppHarness(
      kiosk: KioskSettings(adminPin: AppHarness.adminPin, idleSeconds: 5),
      logging: QuestionLogging())
    app.press(.enter)
    app.ask("where is Unitree?")
    app.ask("where is Nvidia?")
    let logged = app.state.unloggedQuestions
    #expect(logged.map(\.text) == ["where is Unitree?", "where is Nvidia?"])
    #expect(logged.map(\.answered) == [true, false])
    #expect(logged.allSatisfy { $0.channel == "kiosk" && $0.place == "eh-1f-north" })
    // Not logged when the operator turned it off.
    var quiet = Self.awake()
    quiet.ask("where is Unitree?")
    #expect(quiet.state.unloggedQuestions.isEmpty)
    // On a personal terminal the channel says so.
    var personal = AppHarness(logging: QuestionLogging())
    personal.ask("where is Huawei?")
    #expect(personal.state.unloggedQuestions.map(\.channel) == ["tui"])
  }

  @Test("the operator chord opens the PIN prompt; wrong PINs do not exit and are rate-limited")
  func operatorChordAndPin() {
    var app = Self.awake()
    // Slow presses are not the chord: only presses within two seconds count.
    for _ in 0..<3 {
      app.press(.control("\\"))
      app.wait(1.5)
    }
    #expect(app.state.kiosk?.pinEntry == nil)
    app.press(.control("\\"), .control("\\"), .control("\\"))
    #expect(app.state.kiosk?.pinEntry == "")
    #expect(app.screen.contains("Operator · enter the PIN"))
    app.type("1111")
    #expect(app.screen.contains("PIN: ••••_") && !app.screen.contains("1111"))
    app.press(.enter)
    #expect(app.screen.contains("Wrong PIN."))
    app.type("2222\n3333\n")
    #expect(app.screen.contains("Too many wrong PINs: try again in 30 s."))
    // Locked: even the right PIN does not open.
    app.type(AppHarness.pin + "\n")
    #expect(!app.effects.contains(.quit))
    // Esc closes the prompt without leaving; the screen behind is untouched.
    app.press(.escape)
    #expect(app.state.kiosk?.pinEntry == nil && app.state.screen == .ask)
    app.wait(31)
    app.press(.function(12), .function(12), .function(12))
    app.type(AppHarness.pin + "\n")
    // The right PIN opens the operator's console; q there leaves kiosk mode.
    #expect(app.state.kiosk?.console != nil && !app.effects.contains(.quit))
    #expect(app.screen.contains("q  Leave kiosk mode"))
    app.press(.character("q"))
    #expect(app.effects == [.quit])
  }

  @Test("the operator answers an unanswered question; visitors asking it differently get it")
  func operatorAnswers() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-console-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
    var app = AppHarness(
      kiosk: KioskSettings(adminPin: AppHarness.adminPin, idleSeconds: 60),
      logging: QuestionLogging(), knowledge: store)
    app.press(.enter)
    app.ask("is there a prayer room?")
    app.ask("Is there a prayer room")
    // The loop writes the log; here, as it would.
    try store.log(app.state.unloggedQuestions)
    app.state.unloggedQuestions = []
    app.press(.control("\\"), .control("\\"), .control("\\"))
    app.type(AppHarness.pin + "\n")
    app.press(.character("a"))
    #expect(app.screen.contains("2× is there a prayer room?"), "\(app.screen)")
    // The console never shows who asked: the log has no visitor to show.
    app.press(.enter)
    #expect(app.screen.contains("The organisers' answer:"))
    app.type("Yes: a quiet room in Hall H2.")
    app.press(.enter)
    #expect(app.screen.contains("Saved: visitors asking this"), "\(app.screen)")
    #expect(!app.screen.contains("2× is there a prayer room?"))
    // Back to visitors: a fresh start, then a paraphrase gets the organisers' answer.
    app.press(.escape, .escape)
    #expect(app.state.kiosk?.console == nil && app.state.kiosk?.attract == true)
    app.press(.enter)
    app.ask("where can I pray?")
    #expect(app.screen.contains("The organisers' answer"), "\(app.screen)")
    #expect(app.screen.contains("Hall H2"))
  }

  @Test("an operator who walks away: the console closes with the idle reset")
  func consoleIdles() {
    var app = AppHarness(kiosk: KioskSettings(adminPin: AppHarness.adminPin, idleSeconds: 10))
    app.press(.enter)
    app.press(.control("\\"), .control("\\"), .control("\\"))
    app.type(AppHarness.pin + "\n")
    #expect(app.state.kiosk?.console != nil)
    app.wait(11)
    #expect(app.state.kiosk?.console == nil && app.state.kiosk?.attract == true)
    #expect(!app.screen.contains("Leave kiosk mode"))
  }

  @Test("a kiosk in a fleet: the sync's state on the operator console, never for visitors")
  func fleetState() {
    var app = AppHarness(kiosk: KioskSettings(adminPin: AppHarness.adminPin, idleSeconds: 60))
    let status = FleetStatusBox()
    app.env.fleetSync = { status.value }
    app.press(.enter)
    app.ask("where is Unitree?")
    #expect(!app.screen.contains("Fleet"))
    app.press(.control("\\"), .control("\\"), .control("\\"))
    app.type(AppHarness.pin + "\n")
    #expect(app.screen.contains("Fleet: not synced yet; 0 questions waiting to be sent"))
    // The sync runs elsewhere; the console shows what it last reported, tick by tick.
    status.value = FleetSyncState(
      lastSuccess: nil, lastError: "the fleet's server db:5432/hiwaic cannot be reached",
      unsent: 4, nextAttempt: nil)
    app.wait(1)
    #expect(app.screen.contains("4 questions waiting to be sent"), "\(app.screen)")
    #expect(app.screen.contains("Last attempt failed"))
    #expect(app.screen.contains("cannot be reached"))
    app.press(.escape)
    app.press(.enter)
    #expect(!app.screen.contains("Fleet"))
  }

  /// The sync state a test sets, as the background sync would.
  final class FleetStatusBox: @unchecked Sendable {
    var value = FleetSyncState(lastSuccess: nil, lastError: nil, unsent: 0, nextAttempt: nil)
  }

  @Test("a forgotten PIN prompt closes by itself")
  func pinPromptTimesOut() {
    var app = Self.awake(idle: 600)
    app.press(.control("\\"), .control("\\"), .control("\\"))
    app.type("12")
    app.wait(KioskSettings.pinPromptTimeout + 1)
    #expect(app.state.kiosk?.pinEntry == nil)
    #expect(!app.screen.contains("Operator"))
  }

  @Test("attract screen: large title, theme, rotating examples, any key or touch starts")
  func attractScreen() throws {
    var app = AppHarness.kiosk(width: 100, height: 30)
    let first = app.screen
    #expect(first.contains("█   █ ███ █"))  // "HI!" in large letters
    #expect(first.contains("Global Solidarity in the AI Era · 智能时代 同球共济"))
    #expect(first.contains("Ask me: Where is Unitree?"))
    #expect(first.contains("Touch or press any key to start · 触摸屏幕或按任意键开始"))
    #expect(first.contains("You are here: Expo Hall north entrance"))
    app.wait(KioskSettings.exampleSeconds)
    #expect(app.screen.contains("问我：宇树科技在哪里？"))
    app.wait(KioskSettings.exampleSeconds)
    #expect(app.screen.contains("扫码查看本区活动"))
    // A touch anywhere wakes it to Ask and does nothing else.
    let frame = app.frame
    app.send(.target(try #require(frame.target(x: 3, y: 27))))
    #expect(app.state.kiosk?.attract == false && app.state.screen == .ask)
    #expect(app.screen.contains("Ask ›"))
    // Letters typed on the attract screen start the question.
    var typed = AppHarness.kiosk()
    typed.type("where")
    #expect(typed.state.question.text == "where")
  }

  /// Everything a visitor can leave behind, done on a kiosk.
  static func busyVisitor(_ app: inout AppHarness) {
    app.ask("where is Unitree?")
    app.press(.down, .down, .enter)  // add Unitree to my plan
    app.ask("plan me two hours of robotics")
    app.press(.function(3))
    app.type("huawei")
    app.press(.enter, .character("f"))
    app.press(.function(4))
    app.press(.right, .down, .character("f"), .character("o"))
    app.press(.function(5))
    app.press(.character("+"), .character("+"), .right, .right, .character("]"))
    app.press(.function(6))
    app.type("robot")
    app.press(.function(9))  // 中文
    app.type("WAIC:ZONE:H2-A\n")
    app.press(.pageDown)
  }

  @Test("idle: a visible countdown, then nothing of the visitor is left to see or reach")
  func idleResetClearsEverything() throws {
    var app = Self.awake(idle: 60)
    Self.busyVisitor(&app)
    #expect(app.state.language == .zh && app.state.screen == .hereNow)
    app.wait(49)
    #expect(app.state.kiosk?.countdown(at: app.state.now) == nil)
    app.wait(2)
    #expect(app.screen.contains("Still there? Touch any key"))
    #expect(app.screen.contains("9 秒后为下一位访客重新开始"))
    // A key keeps the visitor, and does nothing else.
    let screenBefore = app.state.screen
    app.press(.escape)
    #expect(app.state.screen == screenBefore && !app.screen.contains("Still there?"))
    app.wait(59)
    #expect(app.state.kiosk?.attract == false)
    app.wait(1)
    #expect(app.effects.last == .clearScreen)
    #expect(app.state.kiosk?.attract == true && app.state.kiosk?.resets == 1)

    // The same as a kiosk that never had a visitor: every screen, and every way back.
    var fresh = AppHarness.kiosk(width: 100, height: 30)
    fresh.state.now = app.state.now
    fresh.state.kiosk?.attractSince = app.state.kiosk!.attractSince
    #expect(app.screen == fresh.screen)
    app.press(.enter)
    fresh.press(.enter)
    for screen in Screen.tabs {
      app.send(.target(.tab(screen)))
      fresh.send(.target(.tab(screen)))
      #expect(app.screen == fresh.screen, "\(screen) shows something of the last visitor")
    }
    for _ in 0..<25 {
      app.press(.escape)
      fresh.press(.escape)
      #expect(app.screen == fresh.screen)
    }
    app.press(.pageUp, .pageUp, .pageUp)
    fresh.press(.pageUp, .pageUp, .pageUp)
    #expect(app.screen == fresh.screen)
    // No earlier question to bring back with ↑.
    app.send(.target(.tab(.ask)))
    app.press(.up)
    #expect(app.state.question.isEmpty && app.state.recentQuestions.isEmpty)
    #expect(app.state.conversation.isEmpty && app.state.history == fresh.state.history)
    #expect(app.state.favouriteExhibitors.isEmpty && app.state.favouriteSessions.isEmpty)
    #expect(app.state.planned == nil && app.state.hereNow == nil && app.state.language == .en)
  }

  @Test("a scanned code opens Here & now from any screen, even mid-typing, with no side effects")
  func scannedCodeAnywhere() {
    let targets: [(String, (inout AppHarness) -> Void)] = [
      ("ask, typing", { $0.type("where is") }),
      ("exhibitors list", { $0.press(.function(3), .escape) }),
      ("exhibitor search", { $0.press(.function(3), .character("/")) }),
      ("schedule", { $0.press(.function(4)) }),
      ("map", { $0.press(.function(5)) }),
      ("plan form", { $0.press(.function(6)) }),
      ("city walk", { $0.press(.function(7)) }),
      ("my plan", { $0.press(.function(8)) }),
      ("help", { $0.press(.function(1)) }),
    ]
    for (name, setUp) in targets {
      var app = Self.awake()
      setUp(&app)
      let before = app.state
      app.type("WAIC:ZONE:H3-A\r")
      #expect(app.state.screen == .hereNow, "\(name)")
      #expect(app.state.hereNow?.code == PlaceCode(.zone, id: "H3-A"), "\(name)")
      #expect(app.screen.contains("Here & now: Zone H3-A Humanoid robots"), "\(name)")
      // The code's letters and digits reached no screen: no language switch, no zoom, no text.
      #expect(app.state.language == before.language, "\(name)")
      #expect(app.state.question.text == before.question.text, "\(name)")
      #expect(app.state.exhibitorSearch.text == before.exhibitorSearch.text, "\(name)")
      #expect(app.state.planFields.map(\.text) == before.planFields.map(\.text), "\(name)")
      #expect(app.state.mapZoom == before.mapZoom, "\(name)")
      // Esc goes back to where the visitor was.
      app.press(.escape)
      #expect(app.state.screen == before.screen, "\(name)")
    }
    // The attract screen too, and room codes.
    var app = AppHarness.kiosk()
    app.type("WAIC:ROOM:RED-HALL\n")
    #expect(app.state.screen == .hereNow && app.screen.contains("Here & now: Red Hall"))
  }

  @Test("the pack's code prefix is the kiosk's: the next visitor's scanner reads it too")
  func prefixKeptAcrossVisitors() {
    var app = Self.awake(idle: 60)
    app.state.scan = ScanBuffer(prefix: "38C3:")
    app.wait(61)
    #expect(app.state.kiosk?.resets == 1)
    #expect(String(app.state.scan.prefix) == "38C3:")
  }

  @Test("an unknown code says so and changes nothing; a person typing 'WAIC 2025' is not a scan")
  func unknownCodesAndLookalikes() {
    var app = Self.awake()
    app.press(.function(5))
    app.type("WAIC:ZONE:H9-Z\n")
    #expect(app.state.screen == .map)
    #expect(app.screen.contains("The code WAIC:ZONE:H9-Z is not a zone or room of this event."))
    app.press(.function(2))
    app.type("WAIC 2025 dates")
    #expect(app.state.question.text == "WAIC 2025 dates")
    // A person typing slowly: the held "W" reaches the question after a pause.
    var slow = Self.awake()
    slow.type("W")
    #expect(slow.state.question.text == "")
    slow.wait(1)
    #expect(slow.state.question.text == "W")
  }

  @Test("Here & now lists the zone's booths, sessions nearby soon, facilities and the way")
  func hereAndNowScreen() throws {
    var app = Self.awake(width: 120, height: 60)
    app.type("WAIC:ZONE:H3-A\n")
    let screen = app.screen
    #expect(screen.contains("~H3-A01  Unitree Robotics"))
    #expect(screen.contains("On nearby until 12:00"))
    #expect(screen.contains("NOW 09:00–11:00  Opening Ceremony"))
    #expect(screen.contains("Nearest facilities:"))
    #expect(screen.contains("The way from this kiosk:"))
    app.press(.enter)
    #expect(app.state.screen == .map)
    #expect(app.state.mapTarget == app.env.catalog.zone("H3-A")?.node)
    #expect(app.state.mapRoute.first == "eh-1f-north")
  }

  @Test("an answer's QR hand-off decodes to the answer, whole on a big screen, cut on a small one")
  func answerHandOffDecodes() throws {
    for (width, height) in [(160, 70), (80, 24)] {
      var app = Self.awake(width: width, height: height)
      app.ask("where is Unitree?")
      let actions = app.state.conversation.last?.actions ?? []
      let index = try #require(actions.firstIndex(of: .handOff))
      app.send(.target(.action(index)))
      let handOff = try #require(app.state.handOff)
      let shown = try #require(handOff.shown, "no code fits \(width)×\(height)")
      let expected = handOff.candidates[shown]
      let lines = try #require(
        QRScreenDecoder.code(inScreen: app.screen.components(separatedBy: "\n")))
      #expect(try QRScreenDecoder.decode(halfBlocks: lines) == expected)
      let reply = app.state.conversation.last!.reply.text
      if width == 160 {
        #expect(expected == "WAIC 2025 · where is Unitree?\n" + reply)
      } else {
        #expect(expected.hasPrefix("WAIC 2025 · where is Unitree?") && expected.hasSuffix("…"))
      }
      // Any key or touch closes it, and does nothing else.
      if width == 160 {
        app.press(.character("5"))
      } else {
        app.send(.target(try #require(app.frame.target(x: 1, y: 1))))
      }
      #expect(app.state.handOff == nil && app.state.screen == .ask)
    }
  }

  @Test("the plan's hand-off holds the calendar file when it fits, else the plan as text")
  func planHandOffDecodes() throws {
    for (width, height) in [(200, 110), (100, 30)] {
      var app = Self.awake(width: width, height: height)
      app.ask("plan me two hours of robotics")
      app.press(.function(4))
      app.press(.down, .character("f"))
      app.press(.function(8))
      app.press(.character("e"))
      #expect(!app.effects.contains { if case .writeFile = $0 { true } else { false } })
      let handOff = try #require(app.state.handOff)
      let shown = try #require(handOff.shown)
      let lines = try #require(
        QRScreenDecoder.code(inScreen: app.screen.components(separatedBy: "\n")))
      let decoded = try QRScreenDecoder.decode(halfBlocks: lines)
      #expect(decoded == handOff.candidates[shown])
      if width == 200 {
        #expect(decoded.hasPrefix("BEGIN:VCALENDAR") && decoded.contains("BEGIN:VEVENT"))
        #expect(app.screen.contains("Holds a calendar file"))
      } else {
        // The stops in order, and how many did not fit.
        let first = try #require(app.state.planned?.plan.stops.first)
        let exhibitor = try #require(app.env.catalog.exhibitor(first.id))
        let clock = EventTime.clockTime(first.start, zone: app.env.catalog.timeZone)
        #expect(
          decoded.hasPrefix(
            "WAIC 2025 · My plan · Sat 26 July\n\(clock) \(exhibitor.name.en!) · ~\(exhibitor.booth!)\n"
          ))
        #expect(decoded.hasSuffix(" more"))
      }
    }
  }

  @Test("10,000 random keys, touches, pastes, resizes and pauses: no exit, crash or broken screen")
  func monkey() {
    var app = Self.awake(idle: 30)
    var random = SplitMix64(seed: 20250726)
    let pool = Array("abcdefqQlL1234567890 /?+-[]hcmofenpWAIC:ZONE-H宇树科技在哪里？😀\u{202E}")
    let specials: [Key] = [
      .enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right,
      .home, .end, .pageUp, .pageDown, .control("c"), .control("z"), .control("\\"),
      .control("q"), .control("r"), .control("d"),
    ]
    for step in 0..<10_000 {
      switch random.next() % 100 {
      case 0..<55:
        app.press(.character(pool[Int(random.next() % UInt64(pool.count))]))
      case 55..<75:
        app.press(specials[Int(random.next() % UInt64(specials.count))])
      case 75..<80:
        app.press(.function(Int(random.next() % 24) + 1))
      case 80..<88:
        // A touch where the last frame drew something, or anywhere.
        let frame = app.frame
        let x = Int(random.next() % UInt64(max(1, app.state.width)))
        let y = Int(random.next() % UInt64(max(1, app.state.height)))
        if let target = frame.target(x: x, y: y) { app.send(.target(target)) }
        app.send(
          .input(.mouse(MouseEvent(random.next() % 2 == 0 ? .wheelUp : .wheelDown, x: x, y: y))))
      case 88..<92:
        let length = Int(random.next() % 200)
        app.type(
          String((0..<length).map { _ in pool[Int(random.next() % UInt64(pool.count))] }) + "\n")
      case 92..<95:
        app.send(
          .input(.resize(width: Int(random.next() % 260), height: Int(random.next() % 90))))
      case 95..<97:
        app.type("WAIC:ZONE:H\(random.next() % 5)-\(random.next() % 2 == 0 ? "A" : "B")\n")
      default:
        app.wait(Double(random.next() % 40))
      }
      if step % 25 == 0 {
        app.expectNoSplitCharacters()
      }
    }
    #expect(!app.effects.contains(.quit))
    #expect(app.state.kiosk != nil)
    // Still answering afterwards.
    app.send(.input(.resize(width: 100, height: 30)))
    app.wait(1000)
    app.press(.enter)
    app.ask("where is Unitree?")
    #expect(app.screen.contains("booth ~H3-A01"))
  }
}
