import EventModel
import Foundation
import Knowledge
import TerminalUI
import Testing
import TextLayout

@testable import App

/// Every screen at 60x16, 80x24 and 120x40, in English and Chinese, against committed text
/// files; and every one held to the layout rules: nothing cut without an ellipsis, nothing
/// outside its pane, no Chinese line starting with closing punctuation.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
  static let sizes = [(60, 16), (80, 24), (120, 40)]

  /// A knowledge store holding the WAIC pack's starter notes, for the Talks & Q&A screen.
  static let starterNotes: KnowledgeStore? = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-snapshot-notes-\(UUID().uuidString.prefix(8))")
    guard let store = try? KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
    else { return nil }
    _ = try? StarterNotes.importAll(
      packDirectory: AppHarness.repository.appendingPathComponent("Data/waic2025"), into: store,
      now: Date(timeIntervalSince1970: 1_753_400_000),
      mentions: AppHarness.assistant.mentionFinder)
    return store
  }()

  /// Brings a fresh app to a screen with something on it.
  static func setUp(_ screen: Screen, _ app: inout AppHarness) {
    let zh = app.state.language == .zh
    switch screen {
    case .ask:
      app.ask(zh ? "宇树科技在哪里？" : "where is Unitree?")
    case .exhibitors:
      app.press(.function(3))
    case .schedule:
      app.press(.function(4))
      app.press(.down, .character("f"))
    case .map:
      app.ask(zh ? "宇树科技在哪里？" : "where is Unitree?")
      app.press(.enter)  // the first action: show on map
    case .plan:
      app.press(.function(6))
      app.type("robotics")
      app.state.planFocus = .submit
      app.press(.enter)
    case .cityWalk:
      app.press(.function(7))
      app.press(.down)
    case .myPlan:
      app.press(.function(4))
      app.press(.character("f"), .down, .character("f"))
      app.press(.function(3))
      app.press(.character("f"))
      app.press(.function(8))
    case .help:
      app.press(.function(1))
    case .forYou:
      app.press(.function(8))
      app.send(.target(.tab(.forYou)))
      app.press(.right)  // the role: investor
      app.press(.down, .down, .down, .down, .down, .down, .down, .down)
      app.press(.character(" "), .right)
    case .hereNow:
      // A scanner types the code and Enter.
      app.type("WAIC:ZONE:H3-A\n")
    case .talks:
      app.send(.target(.tab(.talks)))
      app.type(zh ? "AI" : "governance")
    }
  }

  @Test("every screen matches its snapshot", arguments: Screen.allCases)
  func snapshots(screen: Screen) throws {
    for (width, height) in Self.sizes {
      for language in [Language.en, .zh] {
        var app = AppHarness(
          width: width, height: height, language: language,
          knowledge: screen == .talks ? Self.starterNotes : nil)
        Self.setUp(screen, &app)
        #expect(app.state.screen == screen)
        app.expectNoSplitCharacters()
        let frame = app.frame
        #expect(
          frame.canvas.cuts.isEmpty,
          "\(screen) \(width)x\(height) \(language): cut \(frame.canvas.cuts)")
        if language == .zh {
          for line in app.screen.split(separator: "\n") {
            for part in line.split(whereSeparator: { "│┌┐└┘".contains($0) }) {
              let text = part.drop { $0 == " " }
              if let first = text.first {
                #expect(
                  !TextWrapping.closing.contains(first) || first == "·",
                  "\(screen) \(width)x\(height): \(line)")
              }
            }
          }
        }
        try app.expectSnapshot("\(screen)-\(width)x\(height)-\(language.rawValue)")
      }
    }
  }
}
