import EventModel
import Foundation

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
    return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "")
  }

  /// Stable, pretty JSON: keys sorted, slashes and Chinese left readable.
  static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return String(decoding: data, as: UTF8.self)
  }

}
