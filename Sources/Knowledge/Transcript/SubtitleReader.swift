import Foundation

/// WebVTT (`.vtt`) and SubRip (`.srt`) subtitles: cues with their times, voices, cue settings
/// and styling tags taken off. Cues must come in order and not overlap.
struct SubtitleReader {
  let file: String
  let lines: [String]
  let isWebVTT: Bool

  func failure(_ line: Int, _ message: String) -> NotesFileError {
    NotesFileError(file: file, line: line, message: message)
  }

  func read() throws(NotesFileError) -> ParsedNotes {
    var position = 0
    if isWebVTT {
      guard let first = lines.first, first.hasPrefix("WEBVTT"),
        first.count == 6 || first.dropFirst(6).first.map({ $0 == " " || $0 == "\t" }) == true
      else {
        throw failure(1, "a WebVTT file starts with the line WEBVTT")
      }
      position = 1
      // The header runs to the first blank line.
      while position < lines.count, !isBlank(lines[position]) { position += 1 }
    }
    var pieces: [ParsedNotes.Piece] = []
    var previousStart = -1
    var previousEnd = -1
    while position < lines.count {
      while position < lines.count, isBlank(lines[position]) { position += 1 }
      guard position < lines.count else { break }
      let blockStart = position
      var block: [String] = []
      while position < lines.count, !isBlank(lines[position]) {
        block.append(lines[position])
        position += 1
      }
      if isWebVTT, let word = block.first?.split(separator: " ").first,
        ["NOTE", "STYLE", "REGION"].contains(word)
      {
        continue
      }
      // An identifier (SRT's number, WebVTT's optional name) may come before the time line.
      var timeLine = 0
      if !block[0].contains("-->") {
        guard block.count > 1, block[1].contains("-->") else {
          throw failure(
            blockStart + 1,
            "expected a time line such as \(isWebVTT ? "00:00:01.000 --> 00:00:04.000" : "00:00:01,000 --> 00:00:04,000")"
          )
        }
        if !isWebVTT, Int(block[0].trimmedSpaces) == nil {
          throw failure(blockStart + 1, "a SubRip cue starts with its number")
        }
        timeLine = 1
      }
      let lineNumber = blockStart + timeLine + 1
      let (start, end) = try times(block[timeLine], line: lineNumber)
      if start < previousStart {
        throw failure(lineNumber, "this cue starts before the one above it")
      }
      if start < previousEnd {
        throw failure(
          lineNumber,
          "this cue overlaps the one above it, which ends at \(Self.clock(previousEnd))")
      }
      previousStart = start
      previousEnd = end
      let textLines = block[(timeLine + 1)...]
      var speaker: String?
      let cleaned = textLines.map { line -> String in
        let (text, voice) = Self.stripTags(line)
        if speaker == nil { speaker = voice }
        return text
      }
      let text = Self.join(cleaned)
      guard !text.isEmpty else { continue }
      pieces.append(
        ParsedNotes.Piece(
          startMilliseconds: start, endMilliseconds: end, speaker: speaker, role: .talk,
          text: text, line: lineNumber + 1))
    }
    return ParsedNotes(kind: .talk, pieces: pieces)
  }

  func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

  /// "00:01:02.500 --> 00:01:05.000 align:start": start and end in milliseconds.
  func times(_ line: String, line number: Int) throws(NotesFileError) -> (Int, Int) {
    let parts = line.split(separator: "-->", omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw failure(number, "a time line has one -->") }
    let startText = parts[0].trimmedSpaces
    // Cue settings (WebVTT) or coordinates (SubRip) may follow the end time.
    let endText = parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
    guard let start = Self.milliseconds(startText, webVTT: isWebVTT) else {
      throw failure(
        number, "'\(startText)' is not a time such as \(isWebVTT ? "00:01:02.500" : "00:01:02,500")"
      )
    }
    guard let endText, let end = Self.milliseconds(endText, webVTT: isWebVTT) else {
      throw failure(
        number,
        "'\(endText ?? "")' is not a time such as \(isWebVTT ? "00:01:02.500" : "00:01:02,500")")
    }
    guard end >= start else { throw failure(number, "this cue ends before it starts") }
    return (start, end)
  }

  /// "01:02:03.456", "02:03.456" (WebVTT) or "01:02:03,456" (SubRip) in milliseconds.
  static func milliseconds(_ text: String, webVTT: Bool) -> Int? {
    let separator: Character = webVTT ? "." : ","
    // Many SubRip files in the wild use a full stop; WebVTT never a comma.
    let parts = text.split(separator: separator == "," && !text.contains(",") ? "." : separator)
    guard parts.count == 2, parts[1].count == 3, let fraction = Int(parts[1]),
      parts[1].allSatisfy(\.isASCII)
    else { return nil }
    let fields = parts[0].split(separator: ":", omittingEmptySubsequences: false)
    guard (webVTT ? 2...3 : 3...3).contains(fields.count),
      fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    let numbers = fields.compactMap { Int($0) }
    guard numbers.count == fields.count else { return nil }
    let seconds = numbers.last ?? 0
    let minutes = numbers[numbers.count - 2]
    let hours = numbers.count == 3 ? numbers[0] : 0
    guard seconds < 60, minutes < 60, fields.last?.count == 2, hours < 1_000 else { return nil }
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction
  }

  /// A cue line without its tags (`<b>`, `<c.yellow>`, `<00:01.000>`, `{\an8}`, `<font …>`)
  /// and with its entities read; the voice of a `<v Name>` tag.
  static func stripTags(_ line: String) -> (String, String?) {
    var result = ""
    var voice: String?
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      if character == "<", let close = line[index...].firstIndex(of: ">") {
        let tag = line[line.index(after: index)..<close]
        if tag.hasPrefix("v ") || tag.hasPrefix("v.") {
          let name = tag.drop { $0 != " " }.trimmedSpaces
          if !name.isEmpty { voice = name }
        }
        index = line.index(after: close)
        continue
      }
      if character == "{", line[index...].hasPrefix("{\\"),
        let close = line[index...].firstIndex(of: "}")
      {
        index = line.index(after: close)
        continue
      }
      result.append(character)
      index = line.index(after: index)
    }
    return (entities(result).trimmedSpaces, voice)
  }

  static func entities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var text = text
    for (entity, value) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&lrm;", ""), ("&rlm;", ""),
      ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacingOccurrences(of: entity, with: value)
    }
    return text
  }

  /// Lines of one cue as one text: a space between words, none between Chinese characters.
  static func join(_ lines: [String]) -> String {
    var result = ""
    for line in lines where !line.isEmpty {
      if let last = result.unicodeScalars.last, let first = line.unicodeScalars.first,
        !(last.properties.isIdeographic && first.properties.isIdeographic)
      {
        result += " "
      }
      result += line
    }
    return result
  }

  /// "1:02:03" for messages.
  static func clock(_ milliseconds: Int) -> String {
    let seconds = milliseconds / 1000
    return String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
  }
}

/// Plain text or Markdown: one piece per paragraph, headings and emphasis marks taken off; a
/// paragraph that starts "Name:" is that speaker's.
enum PlainTextReader {
  static func read(_ lines: [String]) -> ParsedNotes {
    var pieces: [ParsedNotes.Piece] = []
    var paragraph: [String] = []
    var startLine = 0
    func flush() {
      defer { paragraph = [] }
      var text = SubtitleReader.join(paragraph)
      guard !text.isEmpty else { return }
      var speaker: String?
      if let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }),
        text.distance(from: text.startIndex, to: colon) <= 40
      {
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        if !name.isEmpty, name.split(separator: " ").count <= 4,
          name.first.map({ $0.isUppercase || !$0.isASCII }) == true
        {
          speaker = name
          text = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
      }
      pieces.append(
        ParsedNotes.Piece(
          startMilliseconds: nil, endMilliseconds: nil, speaker: speaker, role: .talk, text: text,
          line: startLine))
    }
    for (number, raw) in lines.enumerated() {
      let line = markdown(raw)
      if line.isEmpty {
        flush()
      } else {
        if paragraph.isEmpty { startLine = number + 1 }
        paragraph.append(line)
      }
    }
    flush()
    return ParsedNotes(kind: .talk, pieces: pieces)
  }

  /// A Markdown line as plain text: no heading, list or quote marks, no emphasis.
  static func markdown(_ line: String) -> String {
    var text = line.trimmingCharacters(in: .whitespaces)
    while let first = text.first, "#>".contains(first) { text.removeFirst() }
    if text.hasPrefix("- ") || text.hasPrefix("* ") { text.removeFirst(2) }
    for mark in ["**", "__", "`"] { text = text.replacingOccurrences(of: mark, with: "") }
    if text == "---" || text == "***" { return "" }
    return text.trimmingCharacters(in: .whitespaces)
  }
}
