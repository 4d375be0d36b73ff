import Foundation

/// The small texts of schedules in the many forms seen in the wild: durations, clock times,
/// HTML and Markdown for a terminal, relative links.
public enum ScheduleText {
  /// Minutes in `HH:MM`, `H:MM`, `HH:MM:SS` or `DD:HH:MM`; nil when it is none of them.
  ///
  /// Three parts are read as hours, minutes and seconds when the seconds are 00 (how frab and
  /// pretalx write them), else as days, hours and minutes: a session lasts minutes, not
  /// seconds, so `00:01:30` is an hour and a half.
  public static func durationMinutes(_ text: String) -> Int? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(
      separator: ":", omittingEmptySubsequences: false)
    // Up to three ASCII digits each: no sign, no overflow.
    guard (2...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigitCharacter) })
    else { return nil }
    let numbers = parts.compactMap { Int($0) }
    guard numbers.count == parts.count else { return nil }
    if numbers.count == 2 {
      guard numbers[1] < 60 else { return nil }
      return numbers[0] * 60 + numbers[1]
    }
    if numbers[2] == 0 {
      guard numbers[1] < 60 else { return nil }
      return numbers[0] * 60 + numbers[1]
    }
    guard numbers[1] < 24, numbers[2] < 60 else { return nil }
    return (numbers[0] * 24 + numbers[1]) * 60 + numbers[2]
  }

  /// A title as a problem report quotes it: whole up to `limit` characters, else cut there
  /// with an ellipsis, so that nobody takes the cut for the title.
  public static func short(_ text: String, limit: Int = 60) -> String {
    text.count <= limit ? text : String(text.prefix(max(0, limit - 1))) + "…"
  }

  /// The people one name field lists: "Dr. Ada Example, Bob Beispiel" is two, split on commas
  /// and semicolons only when every part is a name of two words or more, so that "Example, Ada"
  /// stays one person. Blank space is tidied; an empty field names nobody.
  public static func personNames(_ text: String) -> [String] {
    let whole = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard !whole.isEmpty else { return [] }
    let parts = whole.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
      $0.split(separator: " ").joined(separator: " ")
    }
    let allNames = parts.allSatisfy { $0.split(separator: " ").count >= 2 }
    return parts.count > 1 && allNames ? parts : [whole]
  }

  /// Minutes after midnight of `HH:MM` (or `H:MM`, seconds allowed); nil otherwise.
  public static func clockMinutes(_ text: String) -> Int? {
    let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
    guard (2...3).contains(parts.count), let hour = Int(parts[0]), let minute = Int(parts[1]),
      (0..<24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }

  /// Text for a terminal from HTML or Markdown: tags out (paragraphs and line breaks kept as
  /// line breaks, list items as bullets), entities decoded, emphasis marks out, links as
  /// "text (address)", runs of blank space as one.
  public static func readable(_ text: String) -> String {
    var result = text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
    result = replacingTags(in: result)
    result = decodingEntities(in: result)
    result = unmarkingMarkdown(in: result)
    // Blank space: one space within a line, at most one empty line between paragraphs.
    var lines: [String] = []
    for line in result.split(separator: "\n", omittingEmptySubsequences: false) {
      let words = line.split { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
      let joined = words.joined(separator: " ")
      if joined.isEmpty && (lines.last?.isEmpty ?? true) { continue }
      lines.append(joined)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// `url` made absolute against `base` when it is relative; nil when it is no link at all.
  public static func absoluteLink(_ url: String, base: String?) -> String? {
    let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { return nil }
    if let parsed = URL(string: trimmed), parsed.scheme != nil { return trimmed }
    guard let base, let baseURL = URL(string: base), baseURL.scheme != nil,
      let resolved = URL(string: trimmed, relativeTo: baseURL)
    else { return nil }
    return resolved.absoluteString
  }

  private static func replacingTags(in text: String) -> String {
    guard text.contains("<") else { return text }
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      guard character == "<", let close = text[index...].firstIndex(of: ">") else {
        output.append(character)
        index = text.index(after: index)
        continue
      }
      let tag = text[text.index(after: index)..<close].lowercased()
      let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
      // Only an HTML tag is one: "a < b > c" and "two years <in>" stay.
      guard Self.htmlTags.contains(name) || tag.hasPrefix("!--") else {
        output.append(character)
        index = text.index(after: index)
        continue
      }
      switch name {
      case "br": output += "\n"
      case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote":
        output += "\n\n"
      case "li": output += tag.hasPrefix("/") ? "" : "\n• "
      case "td", "th": output += " "
      default: break
      }
      index = text.index(after: close)
    }
    return output
  }

  /// The tags schedule descriptions use; anything else in angle brackets is text.
  private static let htmlTags: Set<String> = [
    "a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "del", "div",
    "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
  ]

  private static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–",
    "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“",
    "rdquo": "”", "lsquo": "‘", "rsquo": "’", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä",
    "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é", "egrave": "è", "copy": "©",
    "euro": "€", "middot": "·", "bull": "•", "times": "×",
  ]

  private static func decodingEntities(in text: String) -> String {
    guard text.contains("&") else { return text }
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      guard text[index] == "&",
        let semicolon = text[index...].prefix(12).firstIndex(of: ";")
      else {
        output.append(text[index])
        index = text.index(after: index)
        continue
      }
      let name = String(text[text.index(after: index)..<semicolon])
      var decoded: String?
      if name.hasPrefix("#x") || name.hasPrefix("#X") {
        decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
          String(Character($0))
        }
      } else if name.hasPrefix("#") {
        decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map {
          String(Character($0))
        }
      } else {
        decoded = namedEntities[name]
      }
      if let decoded {
        output += decoded
        index = text.index(after: semicolon)
      } else {
        output.append(text[index])
        index = text.index(after: index)
      }
    }
    return output
  }

  private static func unmarkingMarkdown(in text: String) -> String {
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = String(line)
      // Headings and quotes: the marks at the start go.
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("#") {
        line = String(trimmed.drop { $0 == "#" }.drop { $0 == " " })
      } else if trimmed.hasPrefix("> ") {
        line = String(trimmed.dropFirst(2))
      } else if trimmed.hasPrefix("* ") || trimmed.hasPrefix("- ") {
        line = "• " + trimmed.dropFirst(2)
      }
      lines.append(line)
    }
    var result = lines.joined(separator: "\n")
    // [text](address) as "text (address)".
    while let open = result.range(of: "]("),
      let textStart = result[..<open.lowerBound].lastIndex(
        of: "["), let close = result[open.upperBound...].firstIndex(of: ")")
    {
      let label = result[result.index(after: textStart)..<open.lowerBound]
      let address = result[open.upperBound..<close]
      result.replaceSubrange(
        textStart...close, with: label == address ? String(address) : "\(label) (\(address))")
    }
    for mark in ["**", "__", "`"] { result = result.replacingOccurrences(of: mark, with: "") }
    return result
  }
}

extension Character {
  var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
