import CCrypt
import CTerminalGuard
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
    var bytes = Array(pin.utf8CString)
    defer { bytes.withUnsafeMutableBytes { hiwaic_scrub($0.baseAddress, $0.count) } }
    hash = try bytes.withUnsafeBufferPointer { buffer throws(KioskSetupError) -> String in
      guard let base = buffer.baseAddress else { throw .weakPin }
      return try AdminPin.hash(pin: base, length: buffer.count - 1)
    }
  }

  /// The PIN from an environment variable, hashed at once; the variable's value is overwritten
  /// in the environment block and the variable removed, so that neither child processes,
  /// /proc/PID/environ nor a memory dump find it. The PIN never becomes a Swift string, whose
  /// buffers would be freed without being cleared. Nil when the variable is unset or empty.
  public static func takeFromEnvironment(_ name: String) throws(KioskSetupError) -> AdminPin? {
    guard let value = getenv(name) else { return nil }
    defer { hiwaic_scrub_environment(name) }
    let length = strlen(value)
    guard length > 0 else { return nil }
    return AdminPin(checkedHash: try hash(pin: value, length: length))
  }

  private init(checkedHash: String) { hash = checkedHash }

  /// A yescrypt hash of the NUL-terminated PIN at `pin`, checked for length and characters
  /// byte by byte.
  static func hash(pin: UnsafePointer<CChar>, length: Int) throws(KioskSetupError) -> String {
    guard (AdminPin.minimumLength...AdminPin.maximumLength).contains(length) else {
      throw .weakPin
    }
    for index in 0..<length {
      // Printable ASCII without spaces: what a keypad and a configuration line can carry.
      guard (0x21...0x7E).contains(UInt8(bitPattern: pin[index])) else { throw .weakPin }
    }
    // Cost 0: libxcrypt's default for yescrypt, tens of milliseconds per try, which also slows
    // guessing.
    guard let setting = crypt_gensalt_ra("$y$", 0, nil, 0) else { throw .hashingUnavailable }
    defer { free(setting) }
    guard let hash = crypt(pin, setting: setting) else { throw .hashingUnavailable }
    return hash
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

  /// crypt_ra, which allocates its own work area (wiped before it is freed); nil when the
  /// setting is not a hash it knows (libxcrypt then returns a string starting with `*`).
  static func crypt(_ phrase: UnsafePointer<CChar>, setting: UnsafePointer<CChar>) -> String? {
    var data: UnsafeMutableRawPointer?
    var size: Int32 = 0
    defer {
      hiwaic_scrub(data, Int(size))
      free(data)
    }
    guard let result = crypt_ra(phrase, setting, &data, &size), result.pointee != 0x2A  // "*"
    else { return nil }
    return String(cString: result)
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
