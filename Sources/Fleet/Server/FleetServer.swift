import EventModel
import Foundation
import Knowledge
import Logging
import PostgresNIO

/// The fleet's PostgreSQL server, reached with one configuration. Every query binds its values;
/// the only text put into SQL is a role name `fleet init` has checked letter by letter, because
/// PostgreSQL cannot bind an identifier.
public struct FleetServer: Sendable {
  public var configuration: FleetConfiguration
  /// How long one connection may take for all its work before it is given up as lost: a
  /// server that stops answering (a cable pulled, a server killed mid-query) must not hold a
  /// kiosk's sync forever. Work is cut into pieces far shorter than this.
  public var deadline: Duration = .seconds(60)

  public init(configuration: FleetConfiguration) { self.configuration = configuration }

  /// `host:port/database`, as messages name the server.
  public var name: String {
    "\(configuration.host):\(configuration.port)/\(configuration.database)"
  }

  /// PostgresNIO logs nothing of ours: no query text, no values, no password.
  static let logger = Logger(label: "hiwaic.fleet", factory: { _ in SwiftLogNoOpLogHandler() })

  /// Connects, runs `body` and closes, mapping every failure to one `FleetError`. When the
  /// deadline passes first, the connection is closed under the work and the sync reports the
  /// connection lost.
  public func withConnection<Result: Sendable>(
    _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
  ) async throws(FleetError) -> Result {
    let password = try configuration.password()
    let settings = try connectionSettings(password: password)
    let server = name
    do {
      let connection = try await PostgresConnection.connect(
        configuration: settings, id: 1, logger: Self.logger)
      do {
        let result = try await Self.race(deadline: deadline, server: server, connection) {
          try await body(connection)
        }
        try? await connection.close()
        return result
      } catch {
        try? await connection.close()
        throw error
      }
    } catch {
      throw FleetError.from(
        error, server: name, user: configuration.user, database: configuration.database)
    }
  }

  /// Runs `work` until it ends or the deadline passes, whichever is first. A query on a
  /// connection the server dropped mid-statement may never end (seen with PostgresNIO 1.33.2
  /// when the server is stopped during a large bind), so the work is not awaited past the
  /// deadline: its connection is closed and it is left to finish on its own.
  static func race<Result: Sendable>(
    deadline: Duration, server: String, _ connection: PostgresConnection,
    _ work: @escaping @Sendable () async throws -> Result
  ) async throws -> Result {
    let finish = Finish<Result>()
    return try await withCheckedThrowingContinuation { continuation in
      finish.start(continuation)
      let task = Task {
        do { finish.resolve(.success(try await work())) } catch { finish.resolve(.failure(error)) }
      }
      let timer = Task {
        try await Task.sleep(for: deadline)
        if finish.resolve(.failure(FleetError.lost(server: server))) {
          task.cancel()
          connection.close().whenComplete { _ in }
        }
      }
      finish.onResolve { timer.cancel() }
    }
  }

  /// The first of the work and the timer to finish resumes the caller; the other is ignored.
  final class Finish<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result, any Error>?
    private var resolved = false
    private var cleanup: (@Sendable () -> Void)?

    func start(_ continuation: CheckedContinuation<Result, any Error>) {
      lock.lock()
      self.continuation = continuation
      lock.unlock()
    }

    func onResolve(_ action: @escaping @Sendable () -> Void) {
      lock.lock()
      let already = resolved
      if !already { cleanup = action }
      lock.unlock()
      if already { action() }
    }

    /// True when this outcome was the first.
    @discardableResult
    func resolve(_ result: Swift.Result<Result, any Error>) -> Bool {
      lock.lock()
      guard !resolved, let continuation else {
        lock.unlock()
        return false
      }
      resolved = true
      self.continuation = nil
      let action = cleanup
      cleanup = nil
      lock.unlock()
      continuation.resume(with: result)
      action?()
      return true
    }
  }

  func connectionSettings(password: String) throws(FleetError) -> PostgresConnection.Configuration {
    let tls: PostgresConnection.Configuration.TLS
    if configuration.tls == .disable {
      tls = .disable
    } else {
      var settings = TLSConfiguration.makeClientConfiguration()
      // libpq's prefer and require encrypt without checking whom they talk to; verify-full does.
      if configuration.tls != .verifyFull { settings.certificateVerification = .none }
      if let root = configuration.rootCertificate { settings.trustRoots = .file(root) }
      let context: NIOSSLContext
      do {
        context = try NIOSSLContext(configuration: settings)
      } catch {
        throw .tls(server: name, reason: FleetError.short(error))
      }
      tls = configuration.tls == .prefer ? .prefer(context) : .require(context)
    }
    var settings = PostgresConnection.Configuration(
      host: configuration.host, port: configuration.port, username: configuration.user,
      password: password, database: configuration.database, tls: tls)
    settings.options.connectTimeout = .seconds(5)
    return settings
  }
}

/// The server's tables, versioned: `fleet init` creates and migrates them.
public enum FleetSchema {
  /// The schema version this hiwaic writes and reads.
  public static let version = 2
  /// The role kiosks log in with unless `fleet init` is told another.
  public static let defaultKioskRole = "hiwaic_kiosk"

  /// Each version's statements, applied in order in one transaction.
  static let migrations: [[PostgresQuery]] = [
    [
      """
      CREATE TABLE hiwaic.question_log (
        id uuid PRIMARY KEY,
        kiosk text NOT NULL CHECK (length(kiosk) BETWEEN 1 AND 64),
        asked_at timestamptz NOT NULL,
        question text NOT NULL CHECK (length(question) <= 2000),
        language text NOT NULL CHECK (length(language) <= 8),
        intent text NOT NULL CHECK (length(intent) <= 64),
        confidence double precision NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        answered boolean NOT NULL,
        place text CHECK (length(place) <= 128),
        channel text NOT NULL CHECK (length(channel) <= 16),
        received_at timestamptz NOT NULL DEFAULT now())
      """,
      "CREATE INDEX question_log_asked_at ON hiwaic.question_log (asked_at)",
      """
      CREATE TABLE hiwaic.answer_change (
        position bigserial PRIMARY KEY,
        id uuid NOT NULL,
        question text NOT NULL,
        answer text NOT NULL,
        language text NOT NULL,
        written_at timestamptz NOT NULL,
        removed boolean NOT NULL DEFAULT false)
      """,
      "CREATE INDEX answer_change_id ON hiwaic.answer_change (id)",
    ],
    // Version 2: recorded talks and Q&A, published by the organisers to every kiosk.
    [
      """
      CREATE TABLE hiwaic.note_change (
        position bigserial PRIMARY KEY,
        id uuid NOT NULL,
        source text NOT NULL CHECK (length(source) <= 255),
        format text CHECK (format IN ('vtt', 'srt', 'text', 'qa')),
        session text NOT NULL,
        speaker text,
        language text NOT NULL,
        content bytea NOT NULL CHECK (octet_length(content) <= 33554432),
        published_at timestamptz NOT NULL,
        removed boolean NOT NULL DEFAULT false)
      """
    ],
  ]

  /// A role name hiwaic will put into a GRANT: PostgreSQL's plain identifiers only.
  static func isRoleName(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, (1...63).contains(text.unicodeScalars.count)
    else { return false }
    let lower = "a"..."z" as ClosedRange<Unicode.Scalar>
    let digits = "0"..."9" as ClosedRange<Unicode.Scalar>
    return (lower.contains(first) || first == "_")
      && text.unicodeScalars.allSatisfy { lower.contains($0) || digits.contains($0) || $0 == "_" }
  }
}

/// What `fleet init` did.
public struct FleetInitialisation: Sendable, Equatable {
  public var fromVersion: Int
  public var toVersion: Int
  public var kioskRole: String
}

extension FleetServer {
  /// Creates or migrates the schema and grants the kiosk role exactly what a kiosk needs:
  /// insert into the log, read the answers, the notes and the schema version. Run with the database
  /// owner's role; concurrent runs wait for each other.
  public func initialise(kioskRole: String = FleetSchema.defaultKioskRole)
    async throws(FleetError) -> FleetInitialisation
  {
    guard FleetSchema.isRoleName(kioskRole) else { throw .invalidRole(kioskRole) }
    let server = name
    return try await withConnection { connection in
      let exists = try await connection.query(
        "SELECT 1 FROM pg_roles WHERE rolname = \(kioskRole)", logger: Self.logger
      ).collect()
      guard !exists.isEmpty else { throw FleetError.noRole(server: server, role: kioskRole) }
      return try await connection.withTransaction(logger: Self.logger) { connection in
        try await connection.query(
          "SELECT pg_advisory_xact_lock(\(Int64(0x6869_7761_6963)))", logger: Self.logger)
        try await connection.query("CREATE SCHEMA IF NOT EXISTS hiwaic", logger: Self.logger)
        try await connection.query(
          "CREATE TABLE IF NOT EXISTS hiwaic.schema_version (version integer NOT NULL)",
          logger: Self.logger)
        var from = 0
        for try await version in try await connection.query(
          "SELECT version FROM hiwaic.schema_version", logger: Self.logger
        ).decode(Int.self) {
          from = max(from, version)
        }
        if from > FleetSchema.version {
          throw FleetError.newerSchema(server: server, version: from, known: FleetSchema.version)
        }
        for migration in FleetSchema.migrations.dropFirst(from) {
          for statement in migration { try await connection.query(statement, logger: Self.logger) }
        }
        try await connection.query("DELETE FROM hiwaic.schema_version", logger: Self.logger)
        try await connection.query(
          "INSERT INTO hiwaic.schema_version (version) VALUES (\(FleetSchema.version))",
          logger: Self.logger)
        // Exactly these, whatever was granted before.
        let role = "\"\(kioskRole)\""
        for statement in [
          "REVOKE ALL ON ALL TABLES IN SCHEMA hiwaic FROM \(role)",
          "REVOKE ALL ON ALL SEQUENCES IN SCHEMA hiwaic FROM \(role)",
          "REVOKE ALL ON SCHEMA hiwaic FROM \(role)",
          "GRANT USAGE ON SCHEMA hiwaic TO \(role)",
          "GRANT SELECT ON hiwaic.schema_version TO \(role)",
          "GRANT INSERT ON hiwaic.question_log TO \(role)",
          "GRANT SELECT ON hiwaic.answer_change TO \(role)",
          "GRANT SELECT ON hiwaic.note_change TO \(role)",
        ] {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger)
        }
        return FleetInitialisation(
          fromVersion: from, toVersion: FleetSchema.version, kioskRole: kioskRole)
      }
    }
  }

  /// The server's schema version, checked against this hiwaic's.
  static func checkSchema(_ connection: PostgresConnection, server: String) async throws {
    var versions: [Int] = []
    for try await found in try await connection.query(
      "SELECT version FROM hiwaic.schema_version", logger: logger
    ).decode(Int.self) {
      versions.append(found)
    }
    guard let version = versions.max() else { throw FleetError.notInitialised(server: server) }
    if version < FleetSchema.version {
      throw FleetError.olderSchema(server: server, version: version, needed: FleetSchema.version)
    }
    if version > FleetSchema.version {
      throw FleetError.newerSchema(server: server, version: version, known: FleetSchema.version)
    }
  }

  /// Sends logged questions in one statement; rows the server already has are left as they
  /// are, so sending again after a lost acknowledgement changes nothing. The id is the table's
  /// only unique key, so `ON CONFLICT DO NOTHING` is `ON CONFLICT (id) DO NOTHING`; naming the
  /// column would need SELECT on it, which the kiosk role does not have.
  static func push(
    _ questions: [OutgoingQuestion], kiosk: String, on connection: PostgresConnection
  )
    async throws
  {
    guard !questions.isEmpty else { return }
    let ids = questions.map(\.uid)
    let asked = questions.map(\.question.askedAt)
    let texts = questions.map(\.question.text)
    let languages = questions.map(\.question.language.rawValue)
    let intents = questions.map { String($0.question.intent.prefix(64)) }
    let confidences = questions.map(\.question.confidence)
    let answered = questions.map(\.question.answered)
    let places = questions.map { String(($0.question.place ?? "").prefix(128)) }
    let channels = questions.map { String($0.question.channel.prefix(16)) }
    try await connection.query(
      """
      INSERT INTO hiwaic.question_log (id, kiosk, asked_at, question, language, intent,
        confidence, answered, place, channel)
      SELECT id, \(kiosk), asked_at, question, language, intent, confidence, answered,
        NULLIF(place, ''), channel
      FROM unnest(\(ids)::uuid[], \(asked)::timestamptz[], \(texts)::text[], \(languages)::text[],
        \(intents)::text[], \(confidences)::float8[], \(answered)::bool[], \(places)::text[],
        \(channels)::text[])
        AS row (id, asked_at, question, language, intent, confidence, answered, place, channel)
      ON CONFLICT DO NOTHING
      """, logger: logger)
  }

  /// The organisers' answer changes after `position`, oldest first, at most `limit`.
  static func answerChanges(after position: Int64, limit: Int, on connection: PostgresConnection)
    async throws -> [FleetAnswerChange]
  {
    var changes: [FleetAnswerChange] = []
    let rows = try await connection.query(
      """
      SELECT position, id, question, answer, language, written_at, removed
      FROM hiwaic.answer_change WHERE position > \(position) ORDER BY position LIMIT \(limit)
      """, logger: logger)
    for try await (position, id, question, answer, language, writtenAt, removed) in rows.decode(
      (Int64, UUID, String, String, String, Date, Bool).self)
    {
      changes.append(
        FleetAnswerChange(
          position: position, uid: id, question: question, answer: answer,
          language: Language(rawValue: language) ?? .en, writtenAt: writtenAt, removed: removed))
    }
    return changes
  }
}
