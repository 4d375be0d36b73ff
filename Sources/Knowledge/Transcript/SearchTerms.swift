import EventModel
import Foundation

/// The words a chunk is found by, and the words of a query, made the same way: folded Latin
/// words (case and accents off), and for Chinese every character and every pair of characters.
/// SQLite's trigram tokenizer finds Han words of three characters or more only; pairs find
/// the two-character words (具身, 智能) and single characters the rest, in one FTS5 column.
public enum SearchTerms {
  /// The terms of stored text, as one space-separated string for the full-text index.
  public static func indexed(_ text: String) -> String {
    var terms: [String] = []
    forEachRun(text) { run, isHan in
      if isHan {
        let characters = Array(run)
        for (position, character) in characters.enumerated() {
          terms.append(String(character))
          if position + 1 < characters.count {
            terms.append(String(characters[position]) + String(characters[position + 1]))
          }
        }
      } else {
        terms.append(run)
      }
    }
    return terms.joined(separator: " ")
  }

  /// The terms a query needs: each Latin word, and for Chinese its pairs (or the character when
  /// alone).
  public static func query(_ text: String) -> [String] {
    var terms: [String] = []
    forEachRun(text) { run, isHan in
      if isHan {
        let characters = Array(run)
        if characters.count == 1 {
          terms.append(run)
        } else {
          for position in 0..<(characters.count - 1) {
            terms.append(String(characters[position]) + String(characters[position + 1]))
          }
        }
      } else {
        terms.append(run)
      }
    }
    var seen = Set<String>()
    return terms.filter { seen.insert($0).inserted }
  }

  /// Folded words and Han runs of a text, in order.
  static func forEachRun(_ text: String, _ body: (String, Bool) -> Void) {
    for word in TextFolding.fold(text).split(separator: " ") {
      var run = ""
      var runIsHan = false
      for character in word {
        let isHan = character.unicodeScalars.first.map { $0.properties.isIdeographic } ?? false
        if !run.isEmpty && isHan != runIsHan {
          body(run, runIsHan)
          run = ""
        }
        runIsHan = isHan
        run.append(character)
      }
      if !run.isEmpty { body(run, runIsHan) }
    }
  }
}

/// Talk cues merged into chunks a reader can take in: consecutive cues of one speaker, up to
/// about 400 characters or 90 seconds; questions and answers stay one chunk each.
public enum Chunker {
  public static let maximumCharacters = 400
  public static let maximumMilliseconds = 90_000

  public static func chunks(_ notes: ParsedNotes) -> [ParsedNotes.Piece] {
    guard notes.kind == .talk else { return notes.pieces }
    var result: [ParsedNotes.Piece] = []
    for piece in notes.pieces {
      if var last = result.last, last.speaker == piece.speaker || piece.speaker == nil,
        last.text.count + piece.text.count < maximumCharacters,
        (piece.endMilliseconds ?? 0) - (last.startMilliseconds ?? 0) <= maximumMilliseconds,
        (last.startMilliseconds == nil) == (piece.startMilliseconds == nil),
        last.startMilliseconds != nil
      {
        last.text = SubtitleReader.join([last.text, piece.text])
        last.endMilliseconds = piece.endMilliseconds
        result[result.count - 1] = last
      } else {
        result.append(piece)
      }
    }
    return result
  }
}
