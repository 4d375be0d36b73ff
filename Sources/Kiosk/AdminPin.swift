import CCrypt
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The operator's PIN, kept only as a crypt(3) hash (yescrypt, from the system's libxcrypt):
/// the kiosk never stores or compares the PIN itself.
public struct AdminPin: Sendable, Hashable {
  /// The hash as `crypt` writes it, e.g. `$y$j9T$…`; what a configuration file holds.
  public let hash: String

  /// PINs shorter than this are refused: a visitor could guess them.
  public static let minimumLength = 4
  public static let maximumLength = 32

  /// A hash read from a configuration file; checked by hashing a probe with it, so that a typo in
  /// the file is found at start-up, not when the operator needs to get out.
  public init(hash: String) throws(KioskSetupError) {
    guard hash.hasPrefix("$"), AdminPin.crypt("probe", setting: hash) != nil else {
      throw .invalidPinHash(hash)
    }
    self.hash = hash
  }

  /// Hashes a PIN with a fresh random salt.
  public init(pin: String) throws(KioskSetupError) {
    guard (AdminPin.minimumLength...AdminPin.maximumLength).contains(pin.count),
      pin.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline })
    else { throw .weakPin }
    // Cost 0: libxcrypt's default for yescrypt, tens of milliseconds per try, which also slows
    // guessing.
    guard let setting = crypt_gensalt_ra("$y$", 0, nil, 0) else { throw .hashingUnavailable }
    defer { free(setting) }
    guard let hash = AdminPin.crypt(pin, setting: String(cString: setting)) else {
      throw .hashingUnavailable
    }
    self.hash = hash
  }

  /// Whether a typed PIN is the operator's: hashes it with the stored salt and compares in
  /// constant time.
  public func matches(_ candidate: String) -> Bool {
    guard !candidate.isEmpty, candidate.count <= AdminPin.maximumLength,
      let computed = AdminPin.crypt(candidate, setting: hash)
    else { return false }
    let lhs = Array(computed.utf8)
    let rhs = Array(hash.utf8)
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
    return difference == 0
  }

  /// crypt_ra, which allocates its own work area; nil when the setting is not a hash it knows
  /// (libxcrypt then returns a string starting with `*`).
  static func crypt(_ phrase: String, setting: String) -> String? {
    var data: UnsafeMutableRawPointer?
    var size: Int32 = 0
    defer { free(data) }
    guard let result = crypt_ra(phrase, setting, &data, &size) else { return nil }
    let text = String(cString: result)
    if let data { memset(data, 0, Int(size)) }
    return text.hasPrefix("*") ? nil : text
  }
}

/// Why kiosk mode cannot start, each with what to do about it.
public enum KioskSetupError: Error, Equatable, CustomStringConvertible {
  case noPin(configPath: String)
  case weakPin
  case invalidPinHash(String)
  case hashingUnavailable
  case unreadableConfig(path: String, reason: String)
  case badConfigLine(path: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case .noPin(let path):
      "kiosk mode needs an operator PIN, the only way out: set HIWAIC_ADMIN_PIN, or put admin_pin_hash in \(path) (hiwaic kiosk-pin makes the line)."
    case .weakPin:
      "the operator PIN must be \(AdminPin.minimumLength) to \(AdminPin.maximumLength) characters without spaces."
    case .invalidPinHash(let hash):
      "admin_pin_hash '\(hash.prefix(12))…' is not a crypt(3) hash this system knows; make one with hiwaic kiosk-pin."
    case .hashingUnavailable:
      "the system's password hashing (libcrypt) refused to hash the PIN."
    case .unreadableConfig(let path, let reason):
      "cannot read the kiosk configuration \(path): \(reason)"
    case .badConfigLine(let path, let line, let reason):
      "\(path):\(line): \(reason)"
    }
  }
}
