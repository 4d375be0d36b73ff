import Foundation
import TextLayout

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Every command prints through these, so that no text from a pack, a question or an argument
// reaches the terminal with its control sequences intact (an OSC 52 clipboard write, a screen
// clear, a C1 CSI, a right-to-left override). `print` here shadows the standard library's on
// purpose: a new command cannot forget the sanitiser.

/// Prints to standard output with unsafe characters shown instead of obeyed.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = items.map { "\($0)" }.joined(separator: separator)
  Swift.print(TerminalText.sanitized(text), terminator: terminator)
}

/// Writes a line that is safe already, as UTF-8 bytes, and a newline to standard output, after
/// whatever `print` has buffered (the JSON lines of a batch, without making each a string).
func printEscapedJSON(utf8 bytes: [UInt8]) {
  fflush(nil)
  var line = bytes
  line.append(0x0A)
  line.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count, let base = buffer.baseAddress {
      let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
      if written < 0 && errno == EINTR { continue }
      // A closed pipe or a full disk: the batch goes on, as `print` would.
      guard written > 0 else { return }
      offset += written
    }
  }
}

/// Writes a message line to standard error, sanitised like `print`.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((TerminalText.sanitized(message) + "\n").utf8))
}

/// Hands what has been printed to the terminal or pipe now: a batch's earlier answers are out
/// before the next one is worked on.
func flushOutput() {
  fflush(nil)  // every output stream: the C global stdout is not concurrency-safe to name
}
