import EventModel
import Foundation
import Knowledge
import PostgresNIO

/// A question as the fleet's server holds it: the kiosk that logged it, and the question.
public struct FleetQuestion: Hashable, Sendable {
  public var kiosk: String
  public var question: AskedQuestion
}

/// An organisers' answer as every kiosk will have it.
public struct PublishedAnswer: Hashable, Sendable {
  public var uid: UUID
  public var question: String
  public var answer: String
  public var language: Language
  public var writtenAt: Date
}

extension FleetServer {
  /// Publishes an answer to every kiosk (the owner's role). Writing the same question in the
  /// same language again replaces the answer everywhere.
  public func publish(question: String, answer: String, language: Language, now: Date)
    async throws(FleetError) -> PublishedAnswer
  {
    let question = question.trimmingCharacters(in: .whitespacesAndNewlines)
    let answer = answer.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !question.isEmpty, !answer.isEmpty else {
      throw .store("an answer needs a question and its answer")
    }
    return try await changing("hiwaic.answer_change") { connection in
      let current = try await Self.currentAnswers(on: connection)
      let uid =
        current.first { $0.question == question && $0.language == language }?.uid
        ?? RowIdentifier.make(at: now)
      try await connection.query(
        """
        INSERT INTO hiwaic.answer_change (id, question, answer, language, written_at)
        VALUES (\(uid), \(question), \(answer), \(language.rawValue), \(now))
        """, logger: Self.logger)
      return PublishedAnswer(
        uid: uid, question: question, answer: answer, language: language, writtenAt: now)
    }
  }

  /// Takes a published answer back from every kiosk; false when there is none with that id.
  public func retract(_ uid: UUID, now: Date) async throws(FleetError) -> Bool {
    try await changing("hiwaic.answer_change") { connection in
      guard
        let answer = try await Self.currentAnswers(on: connection).first(where: { $0.uid == uid })
      else { return false }
      try await connection.query(
        """
        INSERT INTO hiwaic.answer_change (id, question, answer, language, written_at, removed)
        VALUES (\(uid), \(answer.question), \(answer.answer), \(answer.language.rawValue),
          \(now), true)
        """, logger: Self.logger)
      return true
    }
  }

  /// Runs `change` in a transaction that holds `table` (one of the fleet's change tables, a
  /// constant of this code) for writing: publishers one at a time, so positions are committed
  /// in order, and a kiosk that has read up to one position never misses an earlier one
  /// committed later.
  @discardableResult
  func changing<Result: Sendable>(
    _ table: StaticString,
    _ change: @escaping @Sendable (PostgresConnection) async throws -> Result
  ) async throws(FleetError) -> Result {
    let server = name
    let lock = "LOCK TABLE \(table) IN EXCLUSIVE MODE"
    return try await withConnection { connection in
      try await Self.checkSchema(connection, server: server)
      return try await connection.withTransaction(logger: Self.logger) { connection in
        try await connection.query(PostgresQuery(unsafeSQL: lock), logger: Self.logger)
        return try await change(connection)
      }
    }
  }

  /// The answers every kiosk has once it is in sync, oldest first.
  public func publishedAnswers() async throws(FleetError) -> [PublishedAnswer] {
    let server = name
    return try await withConnection { connection in
      try await Self.checkSchema(connection, server: server)
      return try await Self.currentAnswers(on: connection)
    }
  }

  static func currentAnswers(on connection: PostgresConnection) async throws -> [PublishedAnswer] {
    var answers: [PublishedAnswer] = []
    let rows = try await connection.query(
      """
      SELECT id, question, answer, language, written_at FROM (
        SELECT DISTINCT ON (id) id, question, answer, language, written_at, removed, position
        FROM hiwaic.answer_change ORDER BY id, position DESC) AS latest
      WHERE NOT removed ORDER BY position
      """, logger: logger)
    for try await (id, question, answer, language, writtenAt) in rows.decode(
      (UUID, String, String, String, Date).self)
    {
      answers.append(
        PublishedAnswer(
          uid: id, question: question, answer: answer,
          language: Language(rawValue: language) ?? .en,
          writtenAt: writtenAt))
    }
    return answers
  }

  /// Every kiosk's logged questions asked at or after `since`, oldest first (the owner's role).
  public func loggedQuestions(since: Date?) async throws(FleetError) -> [FleetQuestion] {
    let server = name
    let from = since ?? Date(timeIntervalSince1970: 0)
    return try await withConnection { connection in
      try await Self.checkSchema(connection, server: server)
      var questions: [FleetQuestion] = []
      let rows = try await connection.query(
        """
        SELECT kiosk, asked_at, question, language, intent, confidence, answered,
          coalesce(place, ''), channel
        FROM hiwaic.question_log WHERE asked_at >= \(from) ORDER BY asked_at, id
        """, logger: Self.logger)
      for try await (kiosk, asked, text, language, intent, confidence, answered, place, channel)
        in rows.decode((String, Date, String, String, String, Double, Bool, String, String).self)
      {
        guard let language = Language(rawValue: language) else { continue }
        questions.append(
          FleetQuestion(
            kiosk: kiosk,
            question: AskedQuestion(
              text: text, language: language, intent: intent, confidence: confidence,
              answered: answered, place: place.isEmpty ? nil : place, channel: channel,
              askedAt: asked)))
      }
      return questions
    }
  }
}
