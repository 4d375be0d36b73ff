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

/// Prints a line that is safe already: JSON that `TerminalText.escapingJSON` made (the JSON lines
/// of a batch are most of what it prints, and scanning each twice showed in its speed).
func printEscapedJSON(_ json: String) {
  Swift.print(json)
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
