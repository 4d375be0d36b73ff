import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lines of standard input with a ceiling on each: a line longer than `limit` bytes is cut
/// there and the rest of it skipped, so that a stream with no newline (a pasted file, `yes |
/// tr -d '\n'`) never grows a buffer without end. Invalid UTF-8 is replaced, as `readLine` does.
struct LineReader {
  let limit: Int
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var finished = false

  init(descriptor: Int32 = STDIN_FILENO, limit: Int = 64 * 1024) {
    self.descriptor = descriptor
    self.limit = limit
  }

  /// The next line without its newline (and a carriage return before it), or nil at the end.
  mutating func next() -> String? {
    var line: [UInt8] = []
    var skipping = false
    while true {
      if start >= buffer.count {
        guard !finished, fill() else {
          return line.isEmpty && !skipping ? nil : text(line)
        }
      }
      let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count
      if !skipping {
        let room = limit - line.count
        line.append(contentsOf: buffer[start..<min(end, start + room)])
        skipping = end - start > room
      }
      start = end
      if end < buffer.count {
        start += 1
        return text(line)
      }
    }
  }

  private func text(_ bytes: [UInt8]) -> String {
    var bytes = bytes
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Reads the next chunk; false at the end of input (or on an error other than EINTR).
  private mutating func fill() -> Bool {
    buffer = [UInt8](repeating: 0, count: 64 * 1024)
    start = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        buffer = []
        finished = true
        return false
      }
      buffer.removeLast(buffer.count - count)
      return true
    }
  }
}
