import EventModel
import Foundation
internal import GRDB

/// One question a visitor asked, as the log keeps it: nothing that tells who asked.
public struct AskedQuestion: Hashable, Sendable, Codable {
  /// The question with e-mail addresses and long numbers (telephone, ticket, passport) taken
  /// out.
  public var text: String
  public var language: Language
  public var intent: String
  public var confidence: Double
  /// False when the assistant said it did not know, or that it has no record of what was asked.
  public var answered: Bool
  /// Where the kiosk (or the visitor, when they said so) stands: a place id of the pack.
  public var place: String?
  /// Which front end: `kiosk`, `tui` or `cli`.
  public var channel: String
  /// To the minute, no finer.
  public var askedAt: Date

  public init(
    text: String, language: Language, intent: String, confidence: Double, answered: Bool,
    place: String?, channel: String, askedAt: Date
  ) {
    self.text = QuestionRedaction.redact(text)
    self.language = language
    self.intent = intent
    self.confidence = confidence.isFinite ? min(1, max(0, confidence)) : 0
    self.answered = answered
    self.place = place
    self.channel = channel
    let minutes = (askedAt.timeIntervalSince1970 / 60).rounded(.down)
    self.askedAt = Date(timeIntervalSince1970: minutes.isFinite ? minutes * 60 : 0)
  }
}

/// What must not reach the log: e-mail addresses and runs of six digits or more.
public enum QuestionRedaction {
  /// The longest question kept; a pasted page is cut.
  public static let maximumCharacters = 500

  public static func redact(_ text: String) -> String {
    var words: [String] = []
    for word in text.prefix(maximumCharacters).split(
      separator: " ", omittingEmptySubsequences: false)
    {
      if word.contains("@"), word.contains(where: { $0 == "." }) {
        words.append("[e-mail]")
        continue
      }
      words.append(String(word))
    }
    // Digits are counted across separators people put in numbers ("138 0013 8000", "+49-30-…").
    var result = ""
    var run = ""
    var digits = 0
    func flush() {
      // Separators after the last digit belong to the text ("… 8000 call me").
      var tail = ""
      while let last = run.last, !last.isNumber {
        tail = String(last) + tail
        run.removeLast()
      }
      if digits >= 6 && !isDate(run) {
        if result.last == "+" { result.removeLast() }
        result += "[number]" + tail
      } else {
        result += run + tail
      }
      run = ""
      digits = 0
    }
    for character in words.joined(separator: " ") {
      if character.isNumber {
        run.append(character)
        digits += 1
      } else if !run.isEmpty, " -+/.()".contains(character) {
        run.append(character)
      } else {
        flush()
        result.append(character)
      }
    }
    flush()
    return result
  }
}

extension QuestionRedaction {
  /// "2025-07-26", "2025/7/26": a day, which identifies nobody.
  static func isDate(_ text: String) -> Bool {
    let parts = text.split(omittingEmptySubsequences: false) { "-/.".contains($0) }
    return parts.count == 3 && parts[0].count == 4 && (1...2).contains(parts[1].count)
      && (1...2).contains(parts[2].count) && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
  }
}

/// How long the log keeps questions.
public struct LogRetention: Hashable, Sendable {
  public var days: Int

  /// Ninety days: the event and its follow-up.
  public static let standard = LogRetention(days: 90)

  public init(days: Int) { self.days = max(1, min(days, 3_650)) }
}

/// A logged question with its row id, for reports.
public struct LoggedQuestion: Hashable, Sendable, Encodable {
  public var id: Int64
  public var question: AskedQuestion
}

extension KnowledgeStore {
  /// Adds questions to the log in one transaction, and forgets those older than the retention.
  public func log(_ questions: [AskedQuestion], retention: LogRetention = .standard)
    throws(KnowledgeStoreError)
  {
    guard !questions.isEmpty else { return }
    let cutoff = (questions.map(\.askedAt).max() ?? Date()).addingTimeInterval(
      -Double(retention.days) * 86_400)
    try write { db in
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO question (askedAt, text, language, intent, confidence, answered, place,
            channel, uid)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for question in questions {
        try insert.execute(arguments: [
          Int64(question.askedAt.timeIntervalSince1970), question.text,
          question.language.rawValue,
          question.intent, question.confidence, question.answered, question.place,
          question.channel, RowIdentifier.make(at: Date()).uuidString.lowercased(),
        ])
      }
      try db.execute(
        sql: "DELETE FROM question WHERE askedAt < ?",
        arguments: [Int64(cutoff.timeIntervalSince1970)])
    }
  }

  /// The logged questions, oldest first; those asked at or after `since` when given.
  public func loggedQuestions(since: Date? = nil) throws(KnowledgeStoreError) -> [LoggedQuestion] {
    let from = since.map { Int64($0.timeIntervalSince1970.rounded(.down)) } ?? Int64.min
    return try read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM question WHERE askedAt >= ? ORDER BY askedAt, id",
        arguments: [from]
      ).compactMap { row -> LoggedQuestion? in
        guard let language = Language(rawValue: row["language"]) else { return nil }
        let seconds: Int64 = row["askedAt"]
        return LoggedQuestion(
          id: row["id"],
          question: AskedQuestion(
            text: row["text"], language: language, intent: row["intent"],
            confidence: row["confidence"], answered: row["answered"], place: row["place"],
            channel: row["channel"], askedAt: Date(timeIntervalSince1970: Double(seconds))))
      }
    }
  }
}
