import EventModel
import Foundation
import Planner
import TerminalUI
import Testing

@testable import App

@Suite("The visitor's state file: favourites, plan and questions kept between runs")
struct VisitorStateTests {
  /// A state file path in a folder of its own, removed after the test.
  final class Scratch {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-state-\(UUID().uuidString.prefix(8))")
    var path: String { directory.appendingPathComponent("hiwaic/waic2025.json").path }
    var store: VisitorStateStore { VisitorStateStore(path: path) }
    deinit { try? FileManager.default.removeItem(at: directory) }

    func write(_ text: String) throws {
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
  }

  /// A session with a question, favourites, a plan from the form and Chinese on screen.
  static func usedApp() throws -> AppHarness {
    var app = AppHarness(width: 120, height: 40)
    app.ask("where is Unitree?")
    app.ask("what's on tomorrow?")
    app.state.favouriteExhibitors = ["unitree", "huawei"]
    let session = try #require(app.env.catalog.pack.sessions.first)
    app.state.favouriteSessions = [session.id]
    app.press(.function(6))
    app.type("robotics")
    app.state.planFocus = .submit
    app.press(.enter)
    #expect(app.state.planned != nil)
    app.press(.function(9))
    return app
  }

  @Test("favourites, the plan, recent questions and the language come back in a new session")
  func roundTrip() throws {
    let scratch = Scratch()
    let used = try Self.usedApp()
    try scratch.store.save(SavedVisitorState(used.state, packID: "waic2025"))

    guard case .restored(let saved) = scratch.store.load(packID: "waic2025") else {
      Issue.record("the file written was not read back")
      return
    }
    var fresh = AppHarness(width: 120, height: 40)
    let writable = fresh.state.restore(
      .restored(saved), env: fresh.env, keepLanguage: false, home: nil)
    #expect(writable)
    #expect(fresh.state.favouriteExhibitors == ["unitree", "huawei"])
    #expect(fresh.state.favouriteSessions == used.state.favouriteSessions)
    #expect(fresh.state.recentQuestions == ["where is Unitree?", "what's on tomorrow?"])
    #expect(fresh.state.language == .zh)
    #expect(fresh.state.planFields.map(\.text) == used.state.planFields.map(\.text))
    let before = try #require(used.state.planned?.plan.stops.map(\.id))
    #expect(!before.isEmpty)
    #expect(fresh.state.planned?.plan.stops.map(\.id) == before)
    #expect(fresh.state.notice == nil)
    // The command line's language wins over the saved one.
    var english = AppHarness()
    _ = english.state.restore(.restored(saved), env: english.env, keepLanguage: true, home: nil)
    #expect(english.state.language == .en)
  }

  @Test("nothing saved yet is a fresh start, and saving writes an owner-only file atomically")
  func freshAndPermissions() throws {
    let scratch = Scratch()
    #expect(scratch.store.load(packID: "waic2025") == .fresh)
    try scratch.store.save(SavedVisitorState(AppHarness().state, packID: "waic2025"))
    let attributes = try FileManager.default.attributesOfItem(atPath: scratch.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let folder = (scratch.path as NSString).deletingLastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["waic2025.json"])
  }

  @Test(
    "a corrupt, foreign or future file is set aside with its bytes kept, and the visitor told",
    arguments: [
      ("{\"favouriteSessions\": [1,", "not a state file"),
      ("\u{FF}\u{FE}garbage", "not a state file"),
      ("[]", "not a state file"),
      (
        #"{"version":1,"pack":"other","language":"en","favouriteSessions":[],"favouriteExhibitors":[],"recentQuestions":[],"planForm":{},"planStepFree":false}"#,
        "belongs to the pack other"
      ),
      (
        #"{"version":7,"pack":"waic2025","language":"en","favouriteSessions":[],"favouriteExhibitors":[],"recentQuestions":[],"planForm":{},"planStepFree":false}"#,
        "layout 7"
      ),
    ])
  func setAside(contents: String, reason expected: String) throws {
    let scratch = Scratch()
    try scratch.write(contents)
    let original = try Data(contentsOf: URL(fileURLWithPath: scratch.path))
    let loaded = scratch.store.load(packID: "waic2025")
    guard case .setAside(let reason, let movedTo) = loaded else {
      Issue.record("\(contents) gave \(loaded)")
      return
    }
    #expect(reason.contains(expected), "\(reason)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path))
    #expect(try Data(contentsOf: URL(fileURLWithPath: movedTo)) == original)
    #expect(movedTo.hasPrefix(scratch.path + ".corrupt-"))
    var app = AppHarness()
    let home = scratch.directory.path
    let writable = app.state.restore(loaded, env: app.env, keepLanguage: false, home: home)
    #expect(writable)
    #expect(app.state.notice?.contains("could not be read") == true)
    #expect(app.state.notice?.contains("~/hiwaic/waic2025.json.corrupt-") == true)
    #expect(app.state.favouriteExhibitors.isEmpty)
  }

  @Test("a directory where the file belongs is set aside; an unreadable file is left alone")
  func notAFile() throws {
    let scratch = Scratch()
    try FileManager.default.createDirectory(atPath: scratch.path, withIntermediateDirectories: true)
    guard case .setAside = scratch.store.load(packID: "waic2025") else {
      Issue.record("a directory was not set aside")
      return
    }
    var app = AppHarness()
    let writable = app.state.restore(
      .unreadable(reason: "Permission denied"), env: app.env, keepLanguage: false, home: nil)
    #expect(!writable)
    #expect(app.state.notice?.contains("nothing will be saved") == true)
  }

  @Test("favourites and a plan the pack no longer has are left out, and the visitor told")
  func staleIDs() throws {
    var used = try Self.usedApp()
    used.state.favouriteExhibitors.append("no-such-exhibitor")
    used.state.planned?.request.mustSee = ["no-such-exhibitor"]
    let saved = SavedVisitorState(used.state, packID: "waic2025")
    var app = AppHarness()
    app.state.restore(saved, env: app.env)
    #expect(app.state.favouriteExhibitors == ["unitree", "huawei"])
    #expect(app.state.planned == nil)
    let notice = try #require(app.state.notice)
    #expect(notice.contains("1 个") || notice.contains("1个"))
    #expect(notice.contains("行程"))
  }

  @Test("the file is named after the pack, under XDG_STATE_HOME or ~/.local/state")
  func paths() {
    #expect(
      VisitorStateStore.defaultPath(
        environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"], packID: "waic2025")
        == "/s/hiwaic/waic2025.json")
    #expect(
      VisitorStateStore.defaultPath(
        environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"], packID: "a")
        == "/h/.local/state/hiwaic/a.json")
    #expect(VisitorStateStore.defaultPath(environment: [:], packID: "a") == nil)
    // A pack id cannot lead the file out of its folder or hide it.
    #expect(VisitorStateStore.fileName(packID: "../../etc/passwd") == "______etc_passwd.json")
    #expect(VisitorStateStore.fileName(packID: "") == "pack.json")
    #expect(VisitorStateStore.fileName(packID: "会议") == "__.json")
  }

  @Test("↑ and ↓ on the question line go through earlier questions, newest first, as in a shell")
  func recall() {
    var app = AppHarness()
    app.ask("where is Unitree?")
    app.ask("what's on tomorrow?")
    app.ask("where is Unitree?")
    #expect(app.state.recentQuestions == ["what's on tomorrow?", "where is Unitree?"])
    app.press(.up)
    #expect(app.state.question.text == "where is Unitree?")
    app.press(.up)
    #expect(app.state.question.text == "what's on tomorrow?")
    app.press(.up)
    #expect(app.state.question.text == "what's on tomorrow?")
    app.press(.down)
    #expect(app.state.question.text == "where is Unitree?")
    app.press(.down)
    #expect(app.state.question.isEmpty)
    // A recalled question can be edited and asked.
    app.press(.up, .up, .end)
    app.type(" afternoon")
    app.press(.enter)
    #expect(app.state.conversation.last?.question == "what's on tomorrow? afternoon")
  }

  @Test("Esc leaves the question line for the actions, a second Esc goes back; typing returns")
  func escapeLeavesTheLine() {
    var app = AppHarness()
    app.press(.function(4))
    app.press(.function(2))
    app.ask("where is Unitree?")
    app.type("half a question")
    app.press(.escape)
    #expect(app.state.askFocus == .actions)
    #expect(app.state.question.text == "half a question")
    #expect(app.frame.canvas.cursor == nil)
    #expect(app.screen.contains("↑↓ choose · Enter do it"))
    app.press(.down, .enter)
    #expect(app.state.favouriteExhibitors == ["unitree"])
    app.type("x")
    #expect(app.state.askFocus == .line)
    #expect(app.state.question.text == "half a questionx")
    app.press(.escape, .escape)
    #expect(app.state.screen == .schedule)
  }
}

@Suite("A saved plan keeps what the profile made each stand worth")
struct SavedProfileValueTests {
  @Test("kept through the file; a value out of range or for an unknown stand is refused")
  func roundTrip() throws {
    let catalog = AppHarness.assistant.catalog
    var request = VisitRequest(
      start: catalog.mainEntrance, startTime: Date(timeIntervalSince1970: 1_753_500_000),
      budgetMinutes: 120)
    request.profileValue = ["startup-street": 1, "softbank": 0.5]
    let saved = SavedPlanRequest(request)
    let decoded = try JSONDecoder().decode(
      SavedPlanRequest.self, from: try JSONEncoder().encode(saved))
    #expect(decoded.request(in: catalog)?.profileValue == request.profileValue)
    var broken = saved
    broken.profileValue = ["startup-street": 7]
    #expect(broken.request(in: catalog) == nil)
    broken.profileValue = ["no-such-stand": 1]
    #expect(broken.request(in: catalog) == nil)
    // A file from before profiles has no values: the plan is made as it was.
    broken.profileValue = nil
    #expect(broken.request(in: catalog)?.profileValue.isEmpty == true)
  }
}
