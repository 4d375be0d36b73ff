import EventModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How a kiosk or an organiser reaches the fleet's PostgreSQL server: a `key = value` file like
/// `kiosk.conf`. The password is read from `password_file`, never from the command line.
public struct FleetConfiguration: Sendable, Equatable {
  /// How the connection is encrypted, as libpq's `sslmode` says it.
  public enum TLSMode: String, Sendable, CaseIterable {
    /// Never TLS (a server on the same host or a private network).
    case disable
    /// TLS when the server offers it; the certificate is not checked.
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS with the server's certificate checked against the system's (or `sslrootcert`'s)
    /// authorities and its name.
    case verifyFull = "verify-full"
  }

  public var host: String
  public var port: Int
  public var database: String
  public var user: String
  /// The file holding the password, readable by its owner only.
  public var passwordFile: String
  /// This kiosk's name in the fleet's reports (`kiosk_id`).
  public var kioskID: String
  public var tls: TLSMode
  /// The authorities a `verify-full` server certificate must come from, when not the system's.
  public var rootCertificate: String?

  static let keys = [
    "host", "port", "database", "user", "password_file", "kiosk_id", "sslmode", "sslrootcert",
  ]
  static let required = ["host", "database", "user", "password_file", "kiosk_id"]

  public init(
    host: String, port: Int = 5432, database: String, user: String, passwordFile: String,
    kioskID: String, tls: TLSMode = .prefer, rootCertificate: String? = nil
  ) {
    self.host = host
    self.port = port
    self.database = database
    self.user = user
    self.passwordFile = passwordFile
    self.kioskID = kioskID
    self.tls = tls
    self.rootCertificate = rootCertificate
  }

  /// Reads the file at `path`; relative file names in it are relative to its folder.
  public static func load(path: String) throws(FleetError) -> FleetConfiguration {
    let data: Data
    do {
      data = try BoundedFile.read(path, limit: 64 * 1024, streams: true)
    } catch {
      throw .configuration(path: path, line: nil, reason: "the file \(error.description)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .configuration(path: path, line: nil, reason: "not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  public static func parse(_ text: String, path: String) throws(FleetError) -> FleetConfiguration {
    let entries: [SettingsFile.Entry]
    do {
      entries = try SettingsFile.entries(text, keys: keys)
    } catch {
      throw .configuration(path: path, line: error.line, reason: error.reason)
    }
    var values: [String: SettingsFile.Entry] = [:]
    for entry in entries { values[entry.key] = entry }
    func value(_ key: String) -> String { values[key]?.value ?? "" }
    var port = 5432
    if let entry = values["port"] {
      guard let number = Int(entry.value), (1...65_535).contains(number) else {
        throw .configuration(
          path: path, line: entry.line, reason: "port must be 1 to 65535, not '\(entry.value)'")
      }
      port = number
    }
    var tls = TLSMode.prefer
    if let entry = values["sslmode"] {
      guard let mode = TLSMode(rawValue: entry.value) else {
        throw .configuration(
          path: path, line: entry.line,
          reason:
            "sslmode must be \(TLSMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(entry.value)'"
        )
      }
      tls = mode
    }
    if let entry = values["kiosk_id"], !isName(entry.value) {
      throw .configuration(
        path: path, line: entry.line,
        reason: "kiosk_id must be 1 to 64 letters, digits, '.', '_' or '-', not '\(entry.value)'")
    }
    let missing = required.filter { values[$0] == nil }
    guard missing.isEmpty else {
      throw .configuration(
        path: path, line: nil, reason: "missing \(missing.joined(separator: ", "))")
    }
    let folder = (path as NSString).deletingLastPathComponent
    func resolved(_ file: String) -> String {
      file.hasPrefix("/") || folder.isEmpty ? file : folder + "/" + file
    }
    return FleetConfiguration(
      host: value("host"), port: port, database: value("database"), user: value("user"),
      passwordFile: resolved(value("password_file")), kioskID: value("kiosk_id"), tls: tls,
      rootCertificate: values["sslrootcert"].map { resolved($0.value) })
  }

  /// The configuration as its file says it, for `load` to read back.
  public var fileText: String {
    var lines = [
      "host = \(host)", "port = \(port)", "database = \(database)", "user = \(user)",
      "password_file = \(passwordFile)", "kiosk_id = \(kioskID)", "sslmode = \(tls.rawValue)",
    ]
    if let rootCertificate { lines.append("sslrootcert = \(rootCertificate)") }
    return lines.joined(separator: "\n") + "\n"
  }

  static func isName(_ text: String) -> Bool {
    (1...64).contains(text.count)
      && text.unicodeScalars.allSatisfy {
        ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
          || "._-".unicodeScalars.contains($0)
      }
  }

  /// The password: the first line of `password_file`, which only its owner may read (as
  /// PostgreSQL's own `.pgpass` must be).
  public func password() throws(FleetError) -> String {
    var info = stat()
    guard stat(passwordFile, &info) == 0 else {
      throw .password(
        path: passwordFile, reason: "it cannot be read (\(String(cString: strerror(errno))))")
    }
    guard info.st_mode & 0o077 == 0 else {
      throw .password(
        path: passwordFile,
        reason: "other users may read it; make it readable by the kiosk's user only (chmod 600)")
    }
    let data: Data
    do {
      data = try BoundedFile.read(passwordFile, limit: 4096)
    } catch {
      throw .password(path: passwordFile, reason: "the file \(error.description)")
    }
    guard let text = String(data: data, encoding: .utf8),
      let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first
    else {
      throw .password(path: passwordFile, reason: "not UTF-8 text")
    }
    let password = line.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !password.isEmpty else { throw .password(path: passwordFile, reason: "it is empty") }
    return password
  }
}
