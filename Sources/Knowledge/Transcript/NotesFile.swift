import Foundation

/// What an imported notes file holds, before it is stored: cues of a talk or rounds of Q&A.
public struct ParsedNotes: Hashable, Sendable {
  /// Talk (subtitles, plain text) or questions and answers.
  public enum Kind: String, Codable, Hashable, Sendable { case talk, qa }

  /// One piece of text: a cue, a paragraph, a question or an answer.
  public struct Piece: Hashable, Sendable {
    /// Milliseconds from the start of the talk, when the file gives them.
    public var startMilliseconds: Int?
    public var endMilliseconds: Int?
    /// Who speaks, when the file says (a `<v>` voice, a "Speaker:" line, "By:").
    public var speaker: String?
    public var role: PieceRole
    /// The asker's role for a question ("student"), when given.
    public var asker: String?
    public var text: String
    /// The line of the file it starts on.
    public var line: Int
  }

  public var kind: Kind
  public var pieces: [Piece]
}

/// Whether a piece is talk, a question or an answer.
public enum PieceRole: String, Codable, Hashable, Sendable { case talk, question, answer }

/// The formats `hiwaic notes import` reads.
public enum NotesFormat: String, CaseIterable, Sendable {
  case vtt, srt, text, qa

  /// The format a file's name and first line say; `text` when nothing does.
  public static func detect(fileName: String, contents: String) -> NotesFormat {
    let lower = fileName.lowercased()
    if lower.hasSuffix(".vtt") || contents.hasPrefix("WEBVTT") { return .vtt }
    if lower.hasSuffix(".srt") { return .srt }
    if lower.hasSuffix(".qa") || lower.hasSuffix(".qa.txt") || lower.hasSuffix(".qa.md") {
      return .qa
    }
    // An SRT without its suffix: a number alone, then a time line.
    let lines = contents.split(
      maxSplits: 3, omittingEmptySubsequences: true, whereSeparator: isLineEnd)
    if lines.count >= 2, Int(lines[0].trimmedSpaces) != nil,
      lines[1].contains("-->")
    {
      return .srt
    }
    return .text
  }
}

/// Why a notes file cannot be imported: the file, the line and what is wrong.
public struct NotesFileError: Error, CustomStringConvertible, Equatable, Sendable {
  public var file: String
  public var line: Int?
  public var message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
  }
}

/// Reads notes files: WebVTT and SubRip subtitles, plain text or Markdown, and Q&A rounds.
/// Pure: the same bytes give the same notes or the same located error.
public enum NotesFileReader {
  /// The largest file read: ten hours of subtitles are a few megabytes.
  public static let maximumBytes = 32 << 20

  public static func read(
    _ data: Data, fileName: String, format: NotesFormat? = nil
  ) throws(NotesFileError) -> ParsedNotes {
    guard data.count <= maximumBytes else {
      throw NotesFileError(
        file: fileName,
        message:
          "is \(data.count >> 20) MB; notes files are read up to \(maximumBytes >> 20) MB (split it)"
      )
    }
    guard var text = String(validating: data, as: UTF8.self) else {
      throw NotesFileError(
        file: fileName, line: firstBadLine(data),
        message: "is not UTF-8 text (save it as UTF-8 and import again)")
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let chosen = format ?? NotesFormat.detect(fileName: fileName, contents: text)
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: isLineEnd).map(
      String.init)
    let notes: ParsedNotes
    switch chosen {
    case .vtt: notes = try SubtitleReader(file: fileName, lines: lines, isWebVTT: true).read()
    case .srt: notes = try SubtitleReader(file: fileName, lines: lines, isWebVTT: false).read()
    case .text: notes = PlainTextReader.read(lines)
    case .qa: notes = try QAReader(file: fileName, lines: lines).read()
    }
    guard !notes.pieces.isEmpty else {
      throw NotesFileError(file: fileName, message: "holds no text to import")
    }
    return notes
  }

  /// The line of the first byte that is not UTF-8.
  static func firstBadLine(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    while start < data.endIndex {
      let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
      if String(validating: data[start..<end], as: UTF8.self) == nil { return line }
      line += 1
      start = end < data.endIndex ? data.index(after: end) : end
    }
    return line
  }
}

/// A line ends with LF, CRLF (one `Character` in Swift) or a lone CR, whatever wrote the file.
func isLineEnd(_ character: Character) -> Bool {
  character == "\n" || character == "\r\n" || character == "\r"
}

extension StringProtocol {
  /// Without the white space at either end but line ends (Foundation's trimming is many times
  /// slower).
  var trimmedSpaces: String {
    let isSpace = { (character: Character) in character.isWhitespace && !character.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}

/// A time in a talk as people read it: "12:34", or "1:02:03" past the first hour.
public enum TalkTime {
  public static func text(_ milliseconds: Int) -> String {
    let seconds = max(0, milliseconds / 1000)
    return seconds >= 3600
      ? String(format: "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
      : String(format: "%d:%02d", seconds / 60, seconds % 60)
  }
}
