import EventModel
import Foundation
import TerminalUI

/// Tells a barcode scanner's input from a visitor's typing. A scanner types a code such as
/// `WAIC:ZONE:H1-A` and Enter, like a keyboard, at any screen. Keys that could begin a code are
/// held back instead of reaching the screen (where `1` would switch screens and `L` the
/// language); a completed code is reported, and anything else is released, in order, to be
/// handled as usual. A lone held key is released after a short pause, so typing "Where" is not
/// delayed noticeably.
public struct ScanBuffer: Sendable, Hashable {
  /// What to do with a key.
  public enum Outcome: Sendable, Equatable {
    /// Held: it may be part of a code.
    case held
    /// Handle these keys as usual, in order (held keys first, then the new one).
    case release([Key])
    /// A whole code arrived (without the Enter).
    case code(String)
  }

  public private(set) var held: [Character] = []
  private var lastKeyAt: Date?

  /// How long a partly typed prefix ("WA") waits for its next key before it is released.
  public static let prefixPause: TimeInterval = 0.6
  /// How long a started code ("WAIC:ZO") waits, for people typing a code by hand.
  public static let codePause: TimeInterval = 8

  /// What the pack's codes start with (`WAIC:`), in capitals.
  public let prefix: [Character]

  /// A buffer for the codes of a pack whose codes start with `prefix` (`EventCatalog`'s
  /// `placeCodePrefix`).
  public init(prefix: String = PlaceCode.prefix) {
    self.prefix = Array(prefix.uppercased())
  }

  /// Whether a code has started (the whole prefix is in): the screen can say it is reading one.
  public var readingCode: Bool { held.count >= prefix.count }

  public mutating func feed(_ key: Key, at now: Date) -> Outcome {
    if case .character(let character) = key, accepts(character) {
      held.append(character)
      lastKeyAt = now
      return .held
    }
    if key == .enter, readingCode {
      let code = String(held)
      reset()
      return .code(code)
    }
    let released = held.map { Key.character($0) } + [key]
    reset()
    return .release(released)
  }

  /// Keys held for too long (a person, not a scanner), to handle as usual now.
  public mutating func releaseStale(at now: Date) -> [Key] {
    guard let lastKeyAt, !held.isEmpty else { return [] }
    let pause = readingCode ? ScanBuffer.codePause : ScanBuffer.prefixPause
    guard now.timeIntervalSince(lastKeyAt) >= pause else { return [] }
    let released = held.map { Key.character($0) }
    reset()
    return released
  }

  public mutating func reset() {
    held = []
    lastKeyAt = nil
  }

  private func accepts(_ character: Character) -> Bool {
    let position = held.count
    if position < prefix.count {
      return character.uppercased() == String(prefix[position])
    }
    guard position < PlaceCode.maximumLength else { return false }
    return character.isASCII
      && (character.isLetter || character.isNumber || "-_:.".contains(character))
  }
}
