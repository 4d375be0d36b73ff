import EventModel
import Foundation
internal import GRDB

/// A logged question on its way to the fleet's server, with the id it has on every kiosk.
public struct OutgoingQuestion: Hashable, Sendable {
  /// The row in this store; the outbox is sent in this order.
  public var row: Int64
  public var uid: UUID
  public var question: AskedQuestion
}

/// An organisers' answer as the fleet's server publishes it: written, rewritten or taken back.
public struct FleetAnswerChange: Hashable, Sendable {
  /// The server's position of the change; the store keeps the last one it applied.
  public var position: Int64
  public var uid: UUID
  public var question: String
  public var answer: String
  public var language: Language
  public var writtenAt: Date
  /// True when the organisers took the answer back.
  public var removed: Bool

  public init(
    position: Int64, uid: UUID, question: String, answer: String, language: Language,
    writtenAt: Date, removed: Bool
  ) {
    self.position = position
    self.uid = uid
    self.question = question
    self.answer = answer
    self.language = language
    self.writtenAt = writtenAt
    self.removed = removed
  }
}

/// How far this store has sent its log to the fleet and received the fleet's answers.
public struct FleetProgress: Hashable, Sendable {
  /// Logged questions not yet acknowledged by the server.
  public var unsent: Int
  /// The server position of the last organisers' answer applied here.
  public var answersThrough: Int64
  /// The server position of the last published notes file imported here.
  public var notesThrough: Int64 = 0
}

extension KnowledgeStore {
  static let sentCursor = "question sent"
  static let answerCursor = "answer received"
  static let notesCursor = "notes received"

  /// The oldest logged questions the server has not acknowledged, at most `limit`.
  public func unsentQuestions(limit: Int) throws(KnowledgeStoreError) -> [OutgoingQuestion] {
    try read { db in
      let sent = try Self.cursor(db, Self.sentCursor)
      return try Row.fetchAll(
        db, sql: "SELECT * FROM question WHERE id > ? ORDER BY id LIMIT ?",
        arguments: [sent, max(1, limit)]
      ).compactMap { row -> OutgoingQuestion? in
        guard let language = Language(rawValue: row["language"]),
          let text: String = row["uid"], let uid = UUID(uuidString: text)
        else { return nil }
        let seconds: Int64 = row["askedAt"]
        return OutgoingQuestion(
          row: row["id"], uid: uid,
          question: AskedQuestion(
            text: row["text"], language: language, intent: row["intent"],
            confidence: row["confidence"], answered: row["answered"], place: row["place"],
            channel: row["channel"], askedAt: Date(timeIntervalSince1970: Double(seconds))))
      }
    }
  }

  /// Records that the server holds every logged question up to `row`. A crash before this
  /// sends them again, which the server's `ON CONFLICT DO NOTHING` makes harmless.
  public func markSent(through row: Int64) throws(KnowledgeStoreError) {
    try write { db in
      try Self.advance(db, Self.sentCursor, to: row)
    }
  }

  /// What is still to send, and how far answers have been received.
  public func fleetProgress() throws(KnowledgeStoreError) -> FleetProgress {
    try read { db in
      let sent = try Self.cursor(db, Self.sentCursor)
      let unsent =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM question WHERE id > ?", arguments: [sent])
        ?? 0
      return FleetProgress(
        unsent: unsent, answersThrough: try Self.cursor(db, Self.answerCursor),
        notesThrough: try Self.cursor(db, Self.notesCursor))
    }
  }

  /// Applies one batch of the server's answer changes and moves the cursor past them, in one
  /// transaction: a batch is all here or not at all. An answer from the fleet replaces a local
  /// one to the same question in the same language.
  public func applyFleetAnswers(_ changes: [FleetAnswerChange]) throws(KnowledgeStoreError) {
    guard let last = changes.map(\.position).max() else { return }
    defer { forgetOrganiserAnswers() }
    try write { db in
      for change in changes.sorted(by: { $0.position < $1.position }) {
        let uid = change.uid.uuidString.lowercased()
        if change.removed {
          try db.execute(sql: "DELETE FROM organiser_answer WHERE uid = ?", arguments: [uid])
          continue
        }
        try db.execute(
          sql: """
            DELETE FROM organiser_answer WHERE question = ? AND language = ? AND uid IS NOT ?
            """, arguments: [change.question, change.language.rawValue, uid])
        try db.execute(
          sql: """
            INSERT INTO organiser_answer (question, answer, language, writtenAt, uid)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (uid) DO UPDATE SET question = excluded.question,
              answer = excluded.answer, language = excluded.language,
              writtenAt = excluded.writtenAt
            """,
          arguments: [
            change.question, change.answer, change.language.rawValue,
            Int64(change.writtenAt.timeIntervalSince1970), uid,
          ])
      }
      try Self.advance(db, Self.answerCursor, to: last)
    }
  }

  /// Records that the published notes up to `position` are imported here (each import is
  /// its own transaction; one done twice changes nothing, by the file's digest).
  public func markNotesReceived(through position: Int64) throws(KnowledgeStoreError) {
    try write { db in
      try Self.advance(db, Self.notesCursor, to: position)
    }
  }

  /// Starts the fleet exchange over: everything logged is sent again and every answer change
  /// read again, for a fleet whose server was replaced. The server keeps one of each row.
  public func restartFleetSync() throws(KnowledgeStoreError) {
    try write { db in try db.execute(sql: "DELETE FROM fleet_cursor") }
  }

  /// Moves a cursor forward, never back.
  static func advance(_ db: Database, _ name: String, to position: Int64) throws {
    try db.execute(
      sql: """
        INSERT INTO fleet_cursor (name, position) VALUES (?, ?)
        ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position)
        """, arguments: [name, position])
  }

  static func cursor(_ db: Database, _ name: String) throws -> Int64 {
    try Int64.fetchOne(
      db, sql: "SELECT position FROM fleet_cursor WHERE name = ?", arguments: [name])
      ?? 0
  }
}
