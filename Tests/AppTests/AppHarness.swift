import Assistant
import EventModel
import Foundation
import Kiosk
import Knowledge
import Recommender
import TerminalUI
import Testing

@testable import App

/// Drives the app without a terminal: messages in, the text backend's frame out, as the real
/// loop would (clicks go through the last frame's hotspots).
struct AppHarness {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let assistant = try! Assistant.load(
    packDirectory: repository.appendingPathComponent("Data/waic2025"))
  static let roles = try! RoleTable.load(
    packDirectory: repository.appendingPathComponent("Data/waic2025"))
  static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  var state: AppState
  var env: AppEnvironment
  var effects: [Effect] = []

  init(
    width: Int = 80, height: Int = 24, language: Language = .en, now: String = "2025-07-26T10:00",
    here: String? = "eh-1f-north", kiosk: KioskSettings? = nil, logging: QuestionLogging? = nil,
    knowledge: KnowledgeStore? = nil
  ) {
    var assistant = Self.assistant
    assistant.knowledge = knowledge
    var env = AppEnvironment(
      assistant: assistant,
      exportPath: FileManager.default.temporaryDirectory.appendingPathComponent(
        "hiwaic-test-\(UUID()).ics"
      ).path)
    env.roles = Self.roles
    env.questionLogging = logging
    self.env = env
    state = AppState(
      width: width, height: height,
      now: EventTime.parse(now, zone: Self.assistant.catalog.timeZone)!, here: here,
      language: language)
    if let kiosk { state.kiosk = KioskState(settings: kiosk, now: state.now) }
  }

  /// The operator PIN of kiosk tests (hashing takes a while: once).
  static let pin = "86427531"
  static let adminPin = try! AdminPin(pin: pin)

  /// A kiosk on the WAIC pack at the north entrance.
  static func kiosk(
    width: Int = 100, height: Int = 30, idle: Double = 60, language: Language = .en
  ) -> AppHarness {
    AppHarness(
      width: width, height: height, language: language,
      kiosk: KioskSettings(adminPin: adminPin, idleSeconds: idle, language: language))
  }

  /// Moves the clock on, as the loop's ticks do.
  mutating func wait(_ seconds: TimeInterval) {
    send(.tick(state.now.addingTimeInterval(seconds)))
  }

  var frame: Frame { AppView.render(state, env) }
  var screen: String { frame.canvas.text() }

  mutating func send(_ message: Message) {
    effects += AppUpdate.update(&state, message, env)
  }

  mutating func press(_ keys: Key...) {
    for key in keys { send(.input(.key(key))) }
  }

  mutating func type(_ text: String) {
    for key in KeyDecoder.keys(typing: text) { send(.input(.key(key))) }
  }

  mutating func ask(_ question: String) {
    type(question)
    press(.enter)
  }

  /// Clicks the first hotspot with this target, as a touch would.
  mutating func click(_ target: Target) {
    guard let spot = frame.hotspots.first(where: { $0.target == target }) else {
      Issue.record("nothing on screen for \(target)")
      return
    }
    send(.target(frame.target(x: spot.rect.x, y: spot.rect.y)!))
  }

  /// Compares the screen with a committed snapshot; `HIWAIC_RECORD_SNAPSHOTS=1` writes it anew.
  func expectSnapshot(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let file = Self.snapshots.appendingPathComponent(name + ".txt")
    let text = screen + "\n"
    if ProcessInfo.processInfo.environment["HIWAIC_RECORD_SNAPSHOTS"] == "1" {
      try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
      try text.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record(
        "no snapshot \(file.lastPathComponent): record with HIWAIC_RECORD_SNAPSHOTS=1 make test",
        sourceLocation: sourceLocation)
      return
    }
    #expect(text == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
  }

  /// No wide character is cut: every continuation cell follows a double-width cell, and every
  /// double-width cell has its continuation.
  func expectNoSplitCharacters(sourceLocation: SourceLocation = #_sourceLocation) {
    let canvas = frame.canvas
    for y in 0..<canvas.height {
      for x in 0..<canvas.width {
        let cell = canvas[x, y]
        if cell.width == 0 {
          #expect(
            x > 0 && canvas[x - 1, y].width == 2, "orphan half at \(x),\(y)",
            sourceLocation: sourceLocation)
        }
        if cell.width == 2 {
          #expect(
            x + 1 < canvas.width && canvas[x + 1, y].width == 0, "cut wide character at \(x),\(y)",
            sourceLocation: sourceLocation)
        }
      }
    }
  }
}
