import Foundation

/// Q&A rounds in a simple line format (documented in the README):
///
///     Q: What does open source mean for safety?
///     Asker: student
///     A: More eyes on the weights …
///     By: Geoffrey Hinton
///     At: 00:42:10
///
/// `Q`/`Question`/`问`/`Frage` start a question, `A`/`Answer`/`答`/`Antwort` its answer;
/// `Asker`/`提问者`/`Fragesteller` name the asker's role, `By`/`答者`/`Von` the answerer, `At`/
/// `时间`/`Zeit` the time in the talk. Other lines continue the field above; `#` starts a comment.
struct QAReader {
  let file: String
  let lines: [String]

  enum Field { case question, answer, asker, answerer, time }

  static let keys: [String: Field] = [
    "q": .question, "question": .question, "问": .question, "frage": .question,
    "a": .answer, "answer": .answer, "答": .answer, "antwort": .answer,
    "asker": .asker, "提问者": .asker, "fragesteller": .asker, "role": .asker,
    "by": .answerer, "answerer": .answerer, "答者": .answerer, "回答者": .answerer, "von": .answerer,
    "at": .time, "时间": .time, "zeit": .time,
  ]

  func failure(_ line: Int, _ message: String) -> NotesFileError {
    NotesFileError(file: file, line: line, message: message)
  }

  /// The field a line starts, with the rest of the line.
  static func field(_ line: String) -> (Field, String)? {
    guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
    let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    guard let field = keys[key] else { return nil }
    return (field, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
  }

  func read() throws(NotesFileError) -> ParsedNotes {
    var pieces: [ParsedNotes.Piece] = []
    // The round being read: its question (index into pieces) and the field lines go to.
    var question: Int?
    var answer: Int?
    var current: Field?
    for (offset, raw) in lines.enumerated() {
      let number = offset + 1
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") {
        current = nil
        continue
      }
      guard let (field, rest) = Self.field(line) else {
        // A continuation of the question or answer above.
        guard let target = current == .answer ? answer : current == .question ? question : nil
        else {
          throw failure(number, "expected Q:, A:, Asker:, By: or At: here")
        }
        pieces[target].text = SubtitleReader.join([pieces[target].text, line])
        continue
      }
      switch field {
      case .question:
        guard !rest.isEmpty else { throw failure(number, "this question is empty") }
        pieces.append(
          ParsedNotes.Piece(
            startMilliseconds: nil, endMilliseconds: nil, speaker: nil, role: .question,
            text: rest, line: number))
        question = pieces.count - 1
        answer = nil
      case .answer:
        guard let question else {
          throw failure(number, "an answer needs a question (Q:) above it")
        }
        guard !rest.isEmpty else { throw failure(number, "this answer is empty") }
        pieces.append(
          ParsedNotes.Piece(
            startMilliseconds: pieces[question].startMilliseconds, endMilliseconds: nil,
            speaker: nil, role: .answer, asker: nil, text: rest, line: number))
        answer = pieces.count - 1
      case .asker:
        guard let question else { throw failure(number, "Asker: belongs after a question") }
        pieces[question].asker = rest.isEmpty ? nil : rest
      case .answerer:
        guard let answer else { throw failure(number, "By: belongs after an answer") }
        pieces[answer].speaker = rest.isEmpty ? nil : rest
      case .time:
        guard let question else { throw failure(number, "At: belongs after a question") }
        guard let milliseconds = Self.clock(rest) else {
          throw failure(number, "'\(rest)' is not a time in the talk such as 00:42:10")
        }
        pieces[question].startMilliseconds = milliseconds
        if let answer { pieces[answer].startMilliseconds = milliseconds }
      }
      current = field == .question || field == .answer ? field : current
    }
    return ParsedNotes(kind: .qa, pieces: pieces)
  }

  /// "42:10" or "1:02:03" in milliseconds.
  static func clock(_ text: String) -> Int? {
    let fields = text.split(separator: ":", omittingEmptySubsequences: false)
    let values = fields.compactMap { field in
      (1...2).contains(field.count) && field.allSatisfy({ $0.isASCII && $0.isNumber })
        ? Int(field) : nil
    }
    guard (2...3).contains(fields.count), values.count == fields.count,
      values.dropFirst().allSatisfy({ $0 < 60 })
    else { return nil }
    // At most 99:59:59: no overflow.
    return values.reduce(0) { $0 * 60 + $1 } * 1000
  }
}
