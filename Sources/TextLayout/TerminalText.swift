/// Text made safe for a terminal: nothing in it can move the cursor, switch modes, write the
/// clipboard or reorder what follows it on screen.
public enum TerminalText {
  /// Whether a scalar must never reach a terminal as it is: C0 controls (newline and tab are
  /// allowed where `lineBreaks` says so), DEL, C1 controls, and the bidirectional marks,
  /// embeddings, overrides and isolates that reorder text ("Trojan Source").
  @inline(__always)
  public static func isUnsafe(_ value: UInt32, lineBreaks: Bool = true) -> Bool {
    if value < 0x20 { return !(lineBreaks && (value == 0x0A || value == 0x09)) }
    if value < 0x7F { return false }
    if value <= 0x9F { return true }  // DEL and C1 (0x80–0x9F: CSI, OSC, ST as one byte)
    return isBidiControl(value)
  }

  /// Whether the text has an unsafe scalar (`isUnsafe`), found on its UTF-8 bytes in one pass:
  /// every output line goes through here, and most are ASCII or Chinese. Only DEL, C0 and the
  /// sequences of C1 controls (0xC2 0x80–0x9F), U+061C (0xD8 0x9C) and the other bidirectional
  /// controls (0xE2 0x80 0x8E/0x8F/0xAA–0xAE, 0xE2 0x81 0xA6–0xA9) are looked at twice.
  static func hasUnsafe(_ text: String, lineBreaks: Bool) -> Bool {
    var text = text
    return text.withUTF8 { hasUnsafe(utf8: $0, lineBreaks: lineBreaks) }
  }

  /// Whether UTF-8 bytes hold a character to escape or show instead of obey (as `hasUnsafe`).
  public static func hasUnsafe(utf8 bytes: UnsafeBufferPointer<UInt8>, lineBreaks: Bool) -> Bool {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      index += 1
      if byte >= 0x20 && byte < 0x7F { continue }
      if byte < 0x20 {
        if !(lineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
        continue
      }
      let second: UInt8 = index < count ? bytes[index] : 0
      let third: UInt8 = index + 1 < count ? bytes[index + 1] : 0
      switch byte {
      case 0x7F: return true
      case 0xC2 where (0x80...0x9F).contains(second): return true
      case 0xD8 where second == 0x9C: return true
      case 0xE2
      where second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)):
        return true
      case 0xE2 where second == 0x81 && (0xA6...0xA9).contains(third): return true
      default: continue
      }
    }
    return false
  }

  /// U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
  @inline(__always)
  public static func isBidiControl(_ value: UInt32) -> Bool {
    value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  /// The text with every unsafe scalar shown instead of obeyed: a C0 control as its control
  /// picture (ESC as ␛, CR as ␍), DEL as ␡, C1 and bidirectional controls as �.
  public static func sanitized(_ text: String, lineBreaks: Bool = true) -> String {
    guard hasUnsafe(text, lineBreaks: lineBreaks) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if !isUnsafe(value, lineBreaks: lineBreaks) {
        result.append(scalar)
      } else if value < 0x20, let picture = Unicode.Scalar(0x2400 + value) {
        result.append(picture)
      } else if value == 0x7F {
        result.append("\u{2421}")
      } else {
        result.append("\u{FFFD}")
      }
    }
    return String(result)
  }

  /// JSON as `JSONEncoder` writes it, with DEL, C1 and bidirectional controls escaped as
  /// `\uXXXX` too (the encoder escapes only C0). Outside strings JSON is ASCII, so every such
  /// scalar is inside a string, where the escape means the same character.
  public static func escapingJSON(_ json: String) -> String {
    // JSON has no raw C0 controls (the encoder escapes them), so any unsafe scalar is one to
    // escape here.
    guard hasUnsafe(json, lineBreaks: true) else { return json }
    var result = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      let value = scalar.value
      if value >= 0x7F && isUnsafe(value) {
        let hex = String(value, radix: 16)
        let escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        result.append(contentsOf: escape.unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
