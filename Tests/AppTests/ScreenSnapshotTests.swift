import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

/// Every screen at 80x24 and 120x40, in English and Chinese, against committed text files.
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
  static let sizes = [(80, 24), (120, 40)]

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
      app.press(.down, .down, .down, .down, .down, .down, .down, .enter)
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
    case .hereNow:
      // A scanner types the code and Enter.
      app.type("WAIC:ZONE:H3-A\n")
    }
  }

  @Test("every screen matches its snapshot", arguments: Screen.allCases)
  func snapshots(screen: Screen) throws {
    for (width, height) in Self.sizes {
      for language in [Language.en, .zh] {
        var app = AppHarness(width: width, height: height, language: language)
        Self.setUp(screen, &app)
        #expect(app.state.screen == screen)
        app.expectNoSplitCharacters()
        try app.expectSnapshot("\(screen)-\(width)x\(height)-\(language.rawValue)")
      }
    }
  }
}
