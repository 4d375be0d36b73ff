/// Breaks text into lines that fit a display width.
///
/// Latin text breaks at spaces; Han, kana and other wide text may break between any two
/// characters, as Chinese typesetting does, except that closing punctuation never starts a
/// line and opening punctuation never ends one (the line-start and line-end rules of Chinese
/// and Japanese), and a no-break space keeps its neighbours together. A word longer than the
/// width is split.
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
            // A closing mark takes the character before it to the new line rather than start
            // the line alone.
            var carried = ""
            if closing.contains(character) {
              // Back to the first character that may start a line, if that still fits.
              var back = line
              var moved = ""
              while back.count > 1, let last = back.popLast() {
                moved = String(last) + moved
                if !closing.contains(last) { break }
              }
              let startsOpen = moved.first.map { !closing.contains($0) } ?? false
              if startsOpen && moved.displayWidth + columns <= width {
                line = back
                carried = moved
              }
            }
            lines.append(trimmedTrailingSpaces(line))
            line = carried
            lineWidth = carried.displayWidth
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
    return glued(tokens)
  }

  /// Marks that may not begin a line: closing brackets and quotes, and sentence punctuation.
  public static let closing: Set<Character> = [
    "）", "」", "』", "》", "〉", "】", "〕", "”", "’", "，", "。", "、", "；", "：", "？", "！", "…",
    "·", ")", "]", "}", ",", ".", ";", ":", "!", "?", "%", "％",
  ]
  /// Marks that may not end a line: opening brackets and quotes.
  public static let opening: Set<Character> = [
    "（", "「", "『", "《", "〈", "【", "〔", "“", "‘", "(", "[", "{", "~", "～",
  ]

  /// Joins tokens that must stay on one line: closing punctuation to what precedes it, opening
  /// punctuation and a no-break space to what follows.
  private static func glued(_ tokens: [String]) -> [String] {
    var result: [String] = []
    for token in tokens {
      if token != " ", let previous = result.last, previous != " " {
        let startsClosed = token.first.map { closing.contains($0) } ?? false
        let previousOpens = previous.last.map { opening.contains($0) || $0 == "\u{00A0}" } ?? false
        // A Latin word after a Latin word is one token already; only glue across a boundary
        // that the tokenizer made (a wide character on either side).
        let boundary =
          previous.last.map { DisplayWidth.of($0) == 2 } ?? false
          || token.first.map { DisplayWidth.of($0) == 2 } ?? false
        if startsClosed || previousOpens || (boundary && token.first == "\u{00A0}") {
          result[result.count - 1] = previous + token
          continue
        }
      }
      result.append(token)
    }
    return result
  }

  private static func trimmedTrailingSpaces(_ line: String) -> String {
    var result = line
    while result.last == " " { result.removeLast() }
    return result
  }
}
