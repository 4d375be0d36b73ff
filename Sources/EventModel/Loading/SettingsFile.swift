import Foundation

/// A settings file of `key = value` lines with `#` comments, as the kiosk and the fleet
/// configurations are written: each known key at most once, never empty.
public enum SettingsFile {
  /// One setting and the line it is on.
  public struct Entry: Hashable, Sendable {
    public var key: String
    public var value: String
    public var line: Int
  }

  /// What is wrong with a line, for the person who wrote it.
  public struct LineError: Error, Hashable, Sendable {
    public var line: Int
    public var reason: String
  }

  /// The file's settings in order; the first line that is not one is an error.
  public static func entries(_ text: String, keys: [String]) throws(LineError) -> [Entry] {
    var entries: [Entry] = []
    var seen: Set<String> = []
    // Any line break: "\r\n" is one Character in Swift, so a file written on Windows would
    // otherwise be a single line.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let number = index + 1
      guard let equals = line.firstIndex(of: "=") else {
        throw LineError(line: number, reason: "expected key = value")
      }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      guard keys.contains(key) else {
        throw LineError(
          line: number, reason: "unknown key '\(key)' (known: \(keys.joined(separator: ", ")))")
      }
      guard seen.insert(key).inserted else {
        throw LineError(line: number, reason: "'\(key)' is set twice")
      }
      guard !value.isEmpty else { throw LineError(line: number, reason: "'\(key)' has no value") }
      entries.append(Entry(key: key, value: value, line: number))
    }
    return entries
  }
}
