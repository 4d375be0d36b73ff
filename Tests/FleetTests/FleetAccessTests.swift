import EventModel
import Foundation
import Knowledge
import Logging
import PostgresNIO
import PostgresSupport
import Testing

@testable import Fleet

/// What the kiosk role may do on the server, and what a kiosk says when it cannot sync.
@Suite("Fleet: least privilege and clear failures")
struct FleetAccessTests {
  /// Runs one statement as the kiosk role; the SQLSTATE the server refused it with, or nil.
  func asKiosk(_ fleet: FleetFixture, _ sql: String) async throws -> String? {
    let connection = try await PostgresConnection.connect(
      configuration: PostgresConnection.Configuration(
        host: "127.0.0.1", port: fleet.postgres.port, username: "hiwaic_kiosk",
        password: ThrowawayPostgres.kioskPassword, database: fleet.database, tls: .disable),
      id: 7, logger: ThrowawayPostgres.logger)
    defer { Task { try? await connection.close() } }
    do {
      _ = try await connection.query(
        PostgresQuery(unsafeSQL: sql), logger: ThrowawayPostgres.logger
      )
      .collect()
      return nil
    } catch let error as PSQLError {
      return error.serverInfo?[.sqlState] ?? "\(error.code)"
    }
  }

  @Test("the kiosk role inserts into the log and reads answers; the server refuses it the rest")
  func kioskRole() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("kiosk-c")
    try kiosk.ask(3)
    _ = try await FleetSync.once(store: kiosk.store, server: try fleet.kiosk(kiosk.name))
    #expect(try await asKiosk(fleet, "SELECT * FROM hiwaic.answer_change") == nil)
    #expect(try await asKiosk(fleet, "SELECT * FROM hiwaic.note_change") == nil)
    #expect(try await asKiosk(fleet, "SELECT version FROM hiwaic.schema_version") == nil)
    for refused in [
      "SELECT * FROM hiwaic.question_log",
      "DELETE FROM hiwaic.question_log",
      "UPDATE hiwaic.question_log SET answered = true",
      "TRUNCATE hiwaic.question_log",
      "DELETE FROM hiwaic.answer_change",
      "DELETE FROM hiwaic.note_change",
      "UPDATE hiwaic.note_change SET removed = true",
      "INSERT INTO hiwaic.answer_change (id, question, answer, language, written_at) VALUES (gen_random_uuid(), 'q', 'a', 'en', now())",
      "UPDATE hiwaic.schema_version SET version = 9",
      "DROP TABLE hiwaic.question_log",
      "ALTER TABLE hiwaic.question_log ADD COLUMN x int",
      "CREATE TABLE hiwaic.mine (x int)",
      "CREATE TABLE public.mine (x int)",
    ] {
      #expect(try await asKiosk(fleet, refused) == "42501", "\(refused)")
    }
    let count = try await fleet.postgres.logCount(database: fleet.database)
    #expect(count.rows == 3)
  }

  @Test("a wrong password: one clear line, and the kiosk keeps its log to send later")
  func wrongPassword() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("kiosk-d")
    try kiosk.ask(5)
    let server = FleetServer(
      configuration: try fleet.postgres.configuration(
        database: fleet.database, password: "not-the-password", kiosk: kiosk.name))
    let error = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: server)
    }
    #expect(error == .loginRefused(server: server.name, user: "hiwaic_kiosk"))
    #expect(!error.description.contains("not-the-password"))
    #expect(!error.description.contains("\n"))
    #expect(try kiosk.store.fleetProgress().unsent == 5)
  }

  @Test("an unreachable server: a transient failure, retried later, nothing lost")
  func unreachable() async throws {
    let postgres = try await ThrowawayPostgres.shared()
    let kiosk = try KioskStore("kiosk-e")
    try kiosk.ask(5)
    let server = FleetServer(
      configuration: try postgres.configuration(
        database: "nowhere", kiosk: kiosk.name, port: try ThrowawayPostgres.freePort()))
    let error = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: server)
    }
    guard case .unreachable(_, let reason) = error else {
      Issue.record("expected unreachable, got \(error)")
      return
    }
    #expect(reason == "connection refused")
    #expect(error.isTransient)
    #expect(try kiosk.store.fleetProgress().unsent == 5)
  }

  @Test("a server with an older schema, or none: the kiosk says what the organisers run")
  func olderSchema() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("kiosk-f")
    try kiosk.ask(2)
    let server = try fleet.kiosk(kiosk.name)
    try await fleet.postgres.withAdmin(database: fleet.database) { connection in
      try await connection.query(
        "UPDATE hiwaic.schema_version SET version = 0", logger: ThrowawayPostgres.logger)
    }
    let older = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: server)
    }
    #expect(older == .olderSchema(server: server.name, version: 0, needed: FleetSchema.version))
    #expect(older.description.contains("hiwaic fleet init"))
    let bare = try await fleet.postgres.makeDatabase()
    let uninitialised = FleetServer(
      configuration: try fleet.postgres.configuration(database: bare, kiosk: kiosk.name))
    let missing = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: uninitialised)
    }
    #expect(missing == .notInitialised(server: uninitialised.name))
    #expect(try kiosk.store.fleetProgress().unsent == 2)
  }

  @Test("a server at schema version 1: kiosks say so and go on offline; fleet init migrates it")
  func migration() async throws {
    let fleet = try await FleetFixture.make()
    // As `fleet init` of a hiwaic that knew version 1 left it.
    try await fleet.postgres.withAdmin(database: fleet.database) { connection in
      try await connection.query("DROP TABLE hiwaic.note_change", logger: ThrowawayPostgres.logger)
      try await connection.query(
        "UPDATE hiwaic.schema_version SET version = 1", logger: ThrowawayPostgres.logger)
    }
    let kiosk = try KioskStore("kiosk-old")
    try kiosk.ask(3)
    let server = try fleet.kiosk(kiosk.name)
    let older = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: server)
    }
    #expect(older == .olderSchema(server: server.name, version: 1, needed: FleetSchema.version))
    let migrated = try await fleet.organisers.initialise()
    #expect(migrated.fromVersion == 1 && migrated.toVersion == FleetSchema.version)
    let report = try await FleetSync.once(store: kiosk.store, server: server)
    #expect(report.sent == 3 && report.unsent == 0)
  }

  @Test("fleet init: idempotent, and it names a role that does not exist or cannot be one")
  func initialise() async throws {
    let fleet = try await FleetFixture.make()
    let again = try await fleet.organisers.initialise()
    #expect(
      again
        == FleetInitialisation(
          fromVersion: FleetSchema.version, toVersion: FleetSchema.version,
          kioskRole: "hiwaic_kiosk"))
    let noRole = try await #require(throws: FleetError.self) {
      try await fleet.organisers.initialise(kioskRole: "kiosk_nobody_made")
    }
    #expect(noRole == .noRole(server: fleet.organisers.name, role: "kiosk_nobody_made"))
    let hostile = try await #require(throws: FleetError.self) {
      try await fleet.organisers.initialise(kioskRole: "x\"; DROP TABLE hiwaic.question_log; --")
    }
    #expect(hostile == .invalidRole("x\"; DROP TABLE hiwaic.question_log; --"))
    // A kiosk cannot initialise the schema.
    let kiosk = try fleet.kiosk("kiosk-g")
    let refused = try await #require(throws: FleetError.self) { try await kiosk.initialise() }
    if case .notAllowed = refused {} else { Issue.record("expected a refusal, got \(refused)") }
  }
}

/// sslmode as libpq means it, against servers with and without TLS.
@Suite("Fleet: TLS when the server offers it")
struct FleetTLSTests {
  @Test("prefer and require encrypt; verify-full checks the certificate; a server without TLS")
  func modes() async throws {
    let postgres = try await ThrowawayPostgres.started(tls: true)
    defer { postgres.remove() }
    let fleet = try await FleetFixture.make(on: postgres)
    let kiosk = try KioskStore("kiosk-tls")
    try kiosk.ask(4)
    for mode in [FleetConfiguration.TLSMode.prefer, .require] {
      let server = FleetServer(
        configuration: try postgres.configuration(
          database: fleet.database, kiosk: kiosk.name, tls: mode))
      _ = try await FleetSync.once(store: kiosk.store, server: server)
      #expect(try await Self.encrypted(server), "\(mode)")
    }
    // A certificate nobody vouches for is refused; given its authority, it is accepted.
    let unverified = FleetServer(
      configuration: try postgres.configuration(
        database: fleet.database, kiosk: kiosk.name, tls: .verifyFull))
    let refused = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: unverified)
    }
    if case .tls = refused {} else { Issue.record("expected a TLS failure, got \(refused)") }
    let verified = FleetServer(
      configuration: try postgres.configuration(
        database: fleet.database, kiosk: kiosk.name, tls: .verifyFull,
        rootCertificate: postgres.certificate))
    _ = try await FleetSync.once(store: kiosk.store, server: verified)
    #expect(try await postgres.logCount(database: fleet.database).rows == 4)

    // A server without TLS: prefer goes on in the clear, require says why it will not.
    let plain = try await FleetFixture.make()
    let clear = FleetServer(
      configuration: try plain.postgres.configuration(
        database: plain.database, kiosk: kiosk.name, tls: .prefer))
    _ = try await FleetSync.once(store: kiosk.store, server: clear)
    #expect(try await !Self.encrypted(clear))
    let insisting = FleetServer(
      configuration: try plain.postgres.configuration(
        database: plain.database, kiosk: kiosk.name, tls: .require))
    let error = try await #require(throws: FleetError.self) {
      try await FleetSync.once(store: kiosk.store, server: insisting)
    }
    #expect(error == .tlsUnavailable(server: insisting.name))
  }

  /// Whether the server says this connection is encrypted.
  static func encrypted(_ server: FleetServer) async throws -> Bool {
    try await server.withConnection { connection in
      var ssl = false
      for try await value in try await connection.query(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: ThrowawayPostgres.logger
      ).decode(Bool.self) {
        ssl = value
      }
      return ssl
    }
  }
}
