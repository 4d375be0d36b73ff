import Foundation
import Testing

@testable import TextLayout

@Suite("Terminal-safe text")
struct TerminalTextTests {
  @Test("escape sequences, C1, DEL and bidi controls are shown, not obeyed")
  func sanitises() {
    let hostile = "a\u{1B}]52;c;SGVsbG8=\u{07}b\u{1B}[2J\u{9B}31m\u{7F}\u{202E}c\r\u{2066}d"
    #expect(
      TerminalText.sanitized(hostile) == "a␛]52;c;SGVsbG8=␇b␛[2J\u{FFFD}31m␡\u{FFFD}c␍\u{FFFD}d")
    #expect(TerminalText.sanitized("line\n\ttab") == "line\n\ttab")
    #expect(TerminalText.sanitized("line\n", lineBreaks: false) == "line␊")
  }

  @Test("ordinary text of any script passes unchanged")
  func keepsText() {
    for text in ["宇树科技在哪里？", "Grüße aus Köln", "Hi! WAIC 2025 · 😀 👩‍🔬", "مرحبا", ""] {
      #expect(TerminalText.sanitized(text) == text)
      #expect(TerminalText.escapingJSON(text) == text)
    }
  }

  @Test("JSON: C1, DEL and bidi become \\u escapes that decode to the same text")
  func json() throws {
    let value = ["name": "x\u{9B}31m\u{7F}\u{202E}y\u{1B}z"]
    let encoded = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    let escaped = TerminalText.escapingJSON(encoded)
    #expect(
      escaped.contains("\\u009b") && escaped.contains("\\u007f") && escaped.contains("\\u202e"))
    #expect(!escaped.unicodeScalars.contains { TerminalText.isUnsafe($0.value) })
    let decoded = try JSONDecoder().decode([String: String].self, from: Data(escaped.utf8))
    #expect(decoded == value)
  }

  @Test("the byte check finds every unsafe scalar and no other, one scalar at a time")
  func everyScalar() {
    for value in UInt32(0)...0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for lineBreaks in [true, false] {
        let text = "a" + String(Character(scalar)) + "中"
        #expect(
          TerminalText.hasUnsafe(text, lineBreaks: lineBreaks)
            == TerminalText.isUnsafe(value, lineBreaks: lineBreaks), "U+\(String(value, radix: 16))"
        )
      }
    }
  }

  @Test("property: for random scalars, the result holds nothing unsafe and keeps every safe one")
  func property() {
    var random = SystemRandomNumberGenerator()
    let pools: [ClosedRange<UInt32>] = [
      0...0x40, 0x70...0xB0, 0x600...0x620, 0x2000...0x2070, 0x4E00...0x4E40,
    ]
    for _ in 0..<500 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0...40, using: &random) {
        let pool = pools.randomElement(using: &random) ?? pools[0]
        if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) {
          scalars.append(scalar)
        }
      }
      let text = String(scalars)
      // The byte check says what the scalar check says.
      for lineBreaks in [true, false] {
        let unsafe = text.unicodeScalars.contains {
          TerminalText.isUnsafe($0.value, lineBreaks: lineBreaks)
        }
        #expect(TerminalText.hasUnsafe(text, lineBreaks: lineBreaks) == unsafe)
      }
      let safe = TerminalText.sanitized(text)
      #expect(!safe.unicodeScalars.contains { TerminalText.isUnsafe($0.value) })
      #expect(safe.unicodeScalars.count == text.unicodeScalars.count)
      // One for one: every safe scalar stays where it was.
      for (before, after) in zip(text.unicodeScalars, safe.unicodeScalars)
      where !TerminalText.isUnsafe(before.value) {
        #expect(before == after)
      }
    }
  }
}
