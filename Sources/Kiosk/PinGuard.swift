import EventModel
import Foundation

/// Rate-limits operator PIN attempts: after three wrong PINs in a row the prompt locks for 30 s,
/// doubling with each further wrong PIN up to 15 minutes. Survives visitor resets.
public struct PinGuard: Sendable, Hashable, Codable {
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

/// Where the PIN guard lives between runs: a small file owned by the kiosk user, so that a
/// crash and `Restart=always` do not hand an attacker three fresh tries.
public struct PinGuardStore: Sendable {
  public let path: String

  public init(path: String) { self.path = path }

  /// The default file: systemd's `StateDirectory=` when the unit sets one, else
  /// `$XDG_STATE_HOME/hiwaic`, else `~/.local/state/hiwaic`.
  public static func defaultPath(environment: [String: String]) -> String? {
    let file = "kiosk-pin-guard.json"
    if let directory = environment["STATE_DIRECTORY"]?.split(separator: ":").first,
      !directory.isEmpty
    {
      return "\(directory)/\(file)"
    }
    return StateDirectory.path(file, environment: environment)
  }

  /// The saved guard. No file: a fresh one. A file that cannot be read or makes no sense: a
  /// locked one (the first lockout from now), because an attacker who could spoil the file
  /// must not gain fresh tries by it.
  public func load(now: Date) -> PinGuard {
    let data: Data
    do {
      data = try BoundedFile.read(path, limit: 4096)
    } catch .missing {
      return PinGuard()
    } catch {
      return PinGuard.locked(at: now)
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    guard let saved = try? decoder.decode(PinGuard.self, from: data),
      saved.consecutiveFailures >= 0, saved.consecutiveFailures < 1_000_000
    else { return PinGuard.locked(at: now) }
    return saved
  }

  /// Writes the guard atomically (a temporary file renamed over the old one), readable by its
  /// owner only.
  public func save(_ guardState: PinGuard) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    try AtomicFile.write(try encoder.encode(guardState), to: path)
  }
}

extension PinGuard {
  /// A guard as after the free attempts: locked for the first lockout from `now`.
  static func locked(at now: Date) -> PinGuard {
    var locked = PinGuard()
    for _ in 0..<freeAttempts { locked.recordFailure(at: now) }
    return locked
  }
}
