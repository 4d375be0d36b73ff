import EventModel
import Foundation
internal import GRDB
import Synchronization

/// An answer the organisers wrote for a question visitors keep asking.
public struct OrganiserAnswer: Hashable, Sendable, Encodable {
  public var id: Int64
  public var question: String
  public var answer: String
  public var language: Language
  public var writtenAt: Date
}

extension KnowledgeStore {
  /// Keeps an organisers' answer; writing one again for the same question and language
  /// replaces it. Returns its id.
  @discardableResult
  public func saveOrganiserAnswer(
    question: String, answer: String, language: Language, now: Date
  ) throws(KnowledgeStoreError) -> Int64 {
    let question = question.trimmingCharacters(in: .whitespacesAndNewlines)
    let answer = answer.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !question.isEmpty, !answer.isEmpty else {
      throw KnowledgeStoreError(path: path, message: "an answer needs a question and its answer")
    }
    defer { forgetOrganiserAnswers() }
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO organiser_answer (question, answer, language, writtenAt)
          VALUES (?, ?, ?, ?)
          ON CONFLICT (question, language) DO UPDATE SET answer = excluded.answer,
            writtenAt = excluded.writtenAt
          """,
        arguments: [question, answer, language.rawValue, Int64(now.timeIntervalSince1970)])
      return try Int64.fetchOne(
        db, sql: "SELECT id FROM organiser_answer WHERE question = ? AND language = ?",
        arguments: [question, language.rawValue]) ?? db.lastInsertedRowID
    }
  }

  /// Every organisers' answer, oldest first. Every reply compares the visitor's question with
  /// them, so they are kept in memory: read again after this store writes one, and at least
  /// once a second for those another process (an organiser's command, a fleet sync) writes.
  public func organiserAnswers() throws(KnowledgeStoreError) -> [OrganiserAnswer] {
    let now = ContinuousClock.now
    if let kept = answerCache.withLock({ $0.answers(at: now) }) { return kept }
    let generation = answerCache.withLock { $0.generation }
    let answers = try readOrganiserAnswers()
    answerCache.withLock { $0.keep(answers, readAt: now, generation: generation) }
    return answers
  }

  private func readOrganiserAnswers() throws(KnowledgeStoreError) -> [OrganiserAnswer] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM organiser_answer ORDER BY id").compactMap {
        row -> OrganiserAnswer? in
        guard let language = Language(rawValue: row["language"]) else { return nil }
        let seconds: Int64 = row["writtenAt"]
        return OrganiserAnswer(
          id: row["id"], question: row["question"], answer: row["answer"], language: language,
          writtenAt: Date(timeIntervalSince1970: Double(seconds)))
      }
    }
  }

  /// Takes an organisers' answer back; false when there is none with that id.
  public func removeOrganiserAnswer(_ id: Int64) throws(KnowledgeStoreError) -> Bool {
    defer { forgetOrganiserAnswers() }
    return try write { db in
      try db.execute(sql: "DELETE FROM organiser_answer WHERE id = ?", arguments: [id])
      return db.changesCount > 0
    }
  }
}

extension KnowledgeStore {
  /// Makes the next `organiserAnswers()` read the store: after a write to them.
  func forgetOrganiserAnswers() {
    answerCache.withLock { $0.forget() }
  }
}

/// The organisers' answers as last read, and when.
struct OrganiserAnswerCache: Sendable {
  /// How long answers read from the store are trusted when this store did not write them.
  static let lifetime = Duration.seconds(1)

  private var kept: (answers: [OrganiserAnswer], readAt: ContinuousClock.Instant)?
  /// Counts this store's writes, so that a read that overlapped a write is not kept.
  private(set) var generation = 0

  func answers(at now: ContinuousClock.Instant) -> [OrganiserAnswer]? {
    guard let kept, now - kept.readAt < Self.lifetime else { return nil }
    return kept.answers
  }

  mutating func keep(
    _ answers: [OrganiserAnswer], readAt: ContinuousClock.Instant, generation: Int
  ) {
    guard generation == self.generation else { return }
    kept = (answers, readAt)
  }

  mutating func forget() {
    kept = nil
    generation &+= 1
  }
}
