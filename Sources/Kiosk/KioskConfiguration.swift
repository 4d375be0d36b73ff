import EventModel
import Foundation

/// The kiosk's configuration file: `key = value` lines, `#` comments. Keys: `admin_pin_hash`
/// (from `hiwaic kiosk-pin`), `at`, `idle` (seconds), `lang` (en or zh), `pin_state` (the file
/// that keeps the PIN lockout), `log` (on or off: the anonymous question log),
/// `log_retention_days` and `fleet` (the fleet file: share the log and answers through
/// PostgreSQL). Flags on the command line and `HIWAIC_ADMIN_PIN` win over it.
public struct KioskConfiguration: Sendable, Equatable {
  public var adminPinHash: String?
  public var at: String?
  public var idleSeconds: Double?
  public var language: String?
  /// The file that keeps the PIN lockout across restarts (`pin_state`; default: the state
  /// directory, see `PinGuardStore.defaultPath`).
  public var pinState: String?
  /// Whether visitors' questions go to the anonymous log (`log = on|off`; default on).
  public var logQuestions: Bool?
  /// How many days the log keeps a question (`log_retention_days`).
  public var logRetentionDays: Int?
  /// The fleet's configuration file (`fleet`), relative to this file's folder when not absolute.
  public var fleet: String?

  /// Idle times a kiosk accepts, in seconds (`idle` here, `--idle` on the command line).
  public static let idleRange: ClosedRange<Double> = 2...86_400

  /// Where the kiosk looks when no `--config` is given.
  public static let defaultPath = "/etc/hiwaic/kiosk.conf"
  static let keys = [
    "admin_pin_hash", "at", "idle", "lang", "pin_state", "log", "log_retention_days", "fleet",
  ]

  public init(
    adminPinHash: String? = nil, at: String? = nil, idleSeconds: Double? = nil,
    language: String? = nil
  ) {
    self.adminPinHash = adminPinHash
    self.at = at
    self.idleSeconds = idleSeconds
    self.language = language
  }

  /// Reads a file; a missing file at the default path is an empty configuration, anything else
  /// wrong is an error naming the file and line.
  public static func load(path: String, required: Bool) throws(KioskSetupError)
    -> KioskConfiguration
  {
    let data: Data
    do {
      // Pipes and /dev/null are configurations too; nothing longer than a page of settings is.
      data = try BoundedFile.read(path, limit: maximumBytes, streams: true)
    } catch .missing {
      if required { throw .unreadableConfig(path: path, reason: "no such file") }
      return KioskConfiguration()
    } catch {
      throw .unreadableConfig(path: path, reason: error.description)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadableConfig(path: path, reason: "not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  /// A configuration is a few lines; 64 KB is far more than any needs.
  public static let maximumBytes = 64 * 1024

  public static func parse(_ text: String, path: String) throws(KioskSetupError)
    -> KioskConfiguration
  {
    var configuration = KioskConfiguration()
    let entries: [SettingsFile.Entry]
    do {
      entries = try SettingsFile.entries(text, keys: keys)
    } catch {
      throw .badConfigLine(path: path, line: error.line, reason: error.reason)
    }
    for entry in entries {
      let (key, value, number) = (entry.key, entry.value, entry.line)
      switch key {
      case "admin_pin_hash": configuration.adminPinHash = value
      case "at": configuration.at = value
      case "pin_state":
        guard value.hasPrefix("/") else {
          throw .badConfigLine(
            path: path, line: number, reason: "pin_state must be an absolute path")
        }
        configuration.pinState = value
      case "idle":
        guard let seconds = Double(value), idleRange.contains(seconds) else {
          throw .badConfigLine(
            path: path, line: number, reason: "idle must be seconds from 2 to 86400, not '\(value)'"
          )
        }
        configuration.idleSeconds = seconds
      case "log":
        guard value == "on" || value == "off" else {
          throw .badConfigLine(path: path, line: number, reason: "log must be on or off")
        }
        configuration.logQuestions = value == "on"
      case "fleet":
        let folder = (path as NSString).deletingLastPathComponent
        configuration.fleet = value.hasPrefix("/") || folder.isEmpty ? value : folder + "/" + value
      case "log_retention_days":
        guard let days = Int(value), (1...3_650).contains(days) else {
          throw .badConfigLine(
            path: path, line: number,
            reason: "log_retention_days must be days from 1 to 3650, not '\(value)'")
        }
        configuration.logRetentionDays = days
      default:
        guard value == "en" || value == "zh" else {
          throw .badConfigLine(path: path, line: number, reason: "lang must be en or zh")
        }
        configuration.language = value
      }
    }
    return configuration
  }
}
