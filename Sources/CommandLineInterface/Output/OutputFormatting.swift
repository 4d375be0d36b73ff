import EventModel
import Foundation
import TextLayout

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small helpers shared by the text and JSON renderers.
enum OutputFormatting {
  /// "~" in front of a value that is modelled rather than sourced.
  static func mark(_ text: String, modelled: Bool) -> String { modelled ? "~" + text : text }

  /// Width of the terminal standard output goes to, or nil when it is not a terminal (pipes and
  /// files get full lines, so that scripts see everything).
  static func terminalColumns() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    // COLUMNS is whatever the environment says: only a width a screen can have counts.
    return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "").flatMap {
      (1...10_000).contains($0) ? $0 : nil
    }
  }

  /// Stable, pretty JSON: keys sorted, slashes and Chinese left readable; C1 and bidirectional
  /// controls escaped like C0, so that a terminal showing it obeys none of them.
  static func json<T: Encodable>(_ value: T) throws -> String {
    try encode(value, [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  }

  /// The same on one line (JSON Lines, streamed arrays).
  static func jsonLine<T: Encodable>(_ value: T) throws -> String {
    try encode(value, [.sortedKeys, .withoutEscapingSlashes])
  }

  private static func encode<T: Encodable>(
    _ value: T, _ formatting: JSONEncoder.OutputFormatting
  ) throws -> String {
    TerminalText.escapingJSON(try plain(value, formatting))
  }

  private static func plain<T: Encodable>(
    _ value: T, _ formatting: JSONEncoder.OutputFormatting
  ) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = formatting
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

}
