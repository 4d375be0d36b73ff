import CLocaleWidth

/// Terminal display width of text: how many columns it takes, not how many characters it has.
///
/// Chinese characters take two columns, combining marks none. A grapheme cluster takes the widest
/// of its scalars, and an emoji presentation selector (U+FE0F) makes it two columns wide.
public enum DisplayWidth {
  /// Columns one Unicode scalar takes; 0 for control characters and combining marks.
  @inlinable
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value >= 0x20 && value < 0x7F { return 1 }
    return max(0, Int(hiwaic_wcwidth(value)))
  }

  /// Columns one grapheme cluster takes.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    if scalars.count == 1, let only = scalars.first { return of(only) }
    var width = 0
    for scalar in scalars {
      if scalar.value == 0xFE0F { return 2 }
      width = max(width, of(scalar))
    }
    return width
  }

  /// Columns a whole string takes.
  public static func of<S: StringProtocol>(_ text: S) -> Int {
    var width = 0
    var allASCII = true
    for byte in text.utf8 where byte >= 0x80 || byte < 0x20 || byte == 0x7F {
      allASCII = false
      break
    }
    if allASCII { return text.utf8.count }
    for character in text { width += of(character) }
    return width
  }
}

extension StringProtocol {
  /// Columns this text takes in a terminal.
  public var displayWidth: Int { DisplayWidth.of(self) }

  /// The text cut to at most `width` columns, ending in `ellipsis` when something was cut.
  /// A double-width character is never split: the result may be one column narrower instead.
  public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if displayWidth <= width { return String(self) }
    let ellipsisWidth = ellipsis.displayWidth
    guard ellipsisWidth <= width else { return "" }
    var result = ""
    var used = 0
    for character in self {
      let columns = DisplayWidth.of(character)
      if used + columns > width - ellipsisWidth { break }
      result.append(character)
      used += columns
    }
    return result + ellipsis
  }

  /// The text padded with spaces to exactly `width` columns (cut first when it is wider).
  public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
    let cut = truncated(toWidth: width)
    let gap = Swift.max(0, width - cut.displayWidth)
    switch alignment {
    case .left: return cut + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + cut
    }
  }
}

/// Where text sits inside a wider column.
public enum TextAlignment: Sendable {
  case left, right
}
