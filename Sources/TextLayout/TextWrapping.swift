/// Breaks text into lines that fit a display width.
///
/// Latin text breaks at spaces; Han, kana and other wide text may break between any two
/// characters, as Chinese typesetting does. A word longer than the width is split.
public enum TextWrapping {
  /// Lines of at most `width` columns, without trailing spaces. Existing newlines are kept.
  public static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(contentsOf: wrapParagraph(Substring(paragraph), width: width))
    }
    return lines
  }

  private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for token in tokens(of: paragraph) {
      if token == " " {
        if lineWidth > 0 && lineWidth < width {
          line.append(" ")
          lineWidth += 1
        }
        continue
      }
      let tokenWidth = token.displayWidth
      if lineWidth + tokenWidth > width && lineWidth > 0 {
        lines.append(trimmedTrailingSpaces(line))
        line = ""
        lineWidth = 0
      }
      if tokenWidth > width {
        // A single word wider than the line: split it by characters.
        for character in token {
          let columns = DisplayWidth.of(character)
          if lineWidth + columns > width && lineWidth > 0 {
            lines.append(trimmedTrailingSpaces(line))
            line = ""
            lineWidth = 0
          }
          line.append(character)
          lineWidth += columns
        }
        continue
      }
      line += token
      lineWidth += tokenWidth
    }
    lines.append(trimmedTrailingSpaces(line))
    return lines
  }

  /// Words, single spaces and single wide characters: the units a line may break between.
  private static func tokens(of text: Substring) -> [String] {
    var tokens: [String] = []
    var word = ""
    for character in text {
      if character == " " || character == "\t" {
        if !word.isEmpty { tokens.append(word) }
        word = ""
        tokens.append(" ")
      } else if DisplayWidth.of(character) == 2 {
        if !word.isEmpty { tokens.append(word) }
        word = ""
        tokens.append(String(character))
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { tokens.append(word) }
    return tokens
  }

  private static func trimmedTrailingSpaces(_ line: String) -> String {
    var result = line
    while result.last == " " { result.removeLast() }
    return result
  }
}
