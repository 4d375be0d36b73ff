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

  /// False when no byte of the text can start an unsafe scalar, found by one pass over the
  /// bytes: every output line goes through here, and most are ASCII or Chinese. C1 controls
  /// start with 0xC2, U+061C with 0xD8, the other bidirectional controls with 0xE2.
  static func mayBeUnsafe(_ text: String, lineBreaks: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for byte in bytes {
        if byte < 0x20 {
          if !(lineBreaks && (byte == 0x0A || byte == 0x09)) { return true }
        } else if byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 {
          return true
        }
      }
      return false
    }
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
    guard mayBeUnsafe(text, lineBreaks: lineBreaks),
      text.unicodeScalars.contains(where: { isUnsafe($0.value, lineBreaks: lineBreaks) })
    else {
      return text
    }
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
    guard mayBeUnsafe(json, lineBreaks: true),
      json.unicodeScalars.contains(where: { $0.value >= 0x7F && isUnsafe($0.value) })
    else {
      return json
    }
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
