import Foundation

/// Rate-limits operator PIN attempts: after three wrong PINs in a row the prompt locks for 30 s,
/// doubling with each further wrong PIN up to 15 minutes. Survives visitor resets.
public struct PinGuard: Sendable, Hashable {
  public private(set) var consecutiveFailures = 0
  public private(set) var lockedUntil: Date?

  public static let freeAttempts = 3
  public static let firstLockout: TimeInterval = 30
  public static let longestLockout: TimeInterval = 15 * 60

  public init() {}

  /// Seconds until the next attempt is allowed, or nil when one is allowed now.
  public func lockRemaining(at now: Date) -> TimeInterval? {
    guard let lockedUntil, lockedUntil > now else { return nil }
    return lockedUntil.timeIntervalSince(now)
  }

  public mutating func recordSuccess() {
    consecutiveFailures = 0
    lockedUntil = nil
  }

  public mutating func recordFailure(at now: Date) {
    consecutiveFailures += 1
    let over = consecutiveFailures - PinGuard.freeAttempts
    guard over >= 0 else { return }
    let seconds = min(
      PinGuard.longestLockout, PinGuard.firstLockout * pow(2, Double(min(over, 10))))
    lockedUntil = now.addingTimeInterval(seconds)
  }
}
