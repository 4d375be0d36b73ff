import Assistant
import EventModel
import Foundation
import Kiosk
import QRCode

/// Kiosk mode's settings, fixed for the run.
public struct KioskSettings: Sendable {
  public var adminPin: AdminPin
  /// Seconds without input before the reset (the countdown is the end of this time).
  public var idleSeconds: Double
  /// The language every visitor starts in.
  public var language: Language

  /// Where the PIN guard is kept between runs; nil keeps it in memory only (tests).
  public var pinGuardStore: PinGuardStore?

  public init(
    adminPin: AdminPin, idleSeconds: Double = 60, language: Language = .en,
    pinGuardStore: PinGuardStore? = nil
  ) {
    self.adminPin = adminPin
    self.pinGuardStore = pinGuardStore
    self.idleSeconds = max(1, idleSeconds)
    self.language = language
  }

  /// How long "Still there?" counts down before the reset.
  public var countdownSeconds: Double { min(10, max(1, (idleSeconds / 3).rounded())) }

  /// Presses of the operator chord key, within `chordWindow` seconds, that open the PIN prompt.
  public static let chordPresses = 3
  public static let chordWindow: TimeInterval = 2
  /// The PIN prompt closes after this long without a key.
  public static let pinPromptTimeout: TimeInterval = 30
  /// Seconds each attract-screen example stays.
  public static let exampleSeconds: TimeInterval = 4
}

/// What kiosk mode tracks: the attract screen, idleness, the operator's chord and PIN prompt.
/// The PIN guard and the visitor count outlive each visitor's reset; nothing else does.
public struct KioskState: Sendable {
  public let settings: KioskSettings
  public var attract = true
  public var attractSince: Date
  public var lastActivity: Date
  var chordPresses: [Date] = []
  /// The PIN being typed after the chord; nil when the prompt is closed.
  public var pinEntry: String?
  var pinPromptActivity: Date?
  public var pinMessage: String?
  public var pinGuard = PinGuard()
  /// Resets so far (visitors served, roughly).
  public var resets = 0
  /// The operator's console, after the PIN; nil for visitors.
  public var console: OperatorConsole?

  public init(settings: KioskSettings, now: Date) {
    self.settings = settings
    attractSince = now
    lastActivity = now
  }

  /// Seconds left of the "Still there?" countdown, or nil when it is not showing.
  public func countdown(at now: Date) -> Int? {
    guard !attract, pinEntry == nil, console == nil else { return nil }
    let left = settings.idleSeconds - now.timeIntervalSince(lastActivity)
    guard left <= settings.countdownSeconds else { return nil }
    return max(0, left.rounded(.up).roundedInt)
  }
}

/// A QR code on screen that takes an answer or the plan to a phone, without a network.
public struct HandOff: Sendable {
  public var title: String
  /// What the code may hold, best first (the calendar file, then compact text): the first whose
  /// code fits the screen is shown.
  public var candidates: [String]
  /// The candidate shown, or nil when none fits the screen.
  public var shown: Int?
  /// The code as half-block lines (quiet zone included).
  public var lines: [String] = []

  public init(title: String, candidates: [String]) {
    self.title = title
    self.candidates = candidates.filter { !$0.isEmpty }
  }

  /// Picks the best candidate whose code fits `width`×`height` cells and encodes it.
  public mutating func fit(width: Int, height: Int) {
    shown = nil
    lines = []
    for (index, text) in candidates.enumerated() {
      guard let matrix = try? QRMatrix(encoding: text, correction: .low) else { continue }
      let size = matrix.cellSize()
      if size.width <= width && size.height <= height {
        shown = index
        lines = matrix.halfBlockLines()
        return
      }
    }
  }
}
