import Fleet
import Foundation
import Knowledge
import Logging
import PostgresNIO

#if canImport(Glibc)
  import Glibc
#endif

/// A throw-away PostgreSQL cluster for the tests: Debian's `postgresql` binaries, a data folder
/// in a temporary directory, a free port on 127.0.0.1, run as a user that is not root (the
/// server refuses root). Its superuser makes the roles a database administrator would: the
/// fleet's owner and the kiosks' role.
final class TestPostgres: @unchecked Sendable {
  let folder: URL
  let port: Int
  let binaries: String
  /// The user the server runs as when the tests run as root.
  let runAs: String?
  static let adminPassword = "admin-\(UUID().uuidString)"
  static let ownerPassword = "owner-\(UUID().uuidString)"
  static let kioskPassword = "kiosk-\(UUID().uuidString)"

  /// The server most tests share; each test gets a database of its own.
  static func shared() async throws -> TestPostgres { try await SharedServer.one.get() }

  init() throws {
    binaries = try Self.findBinaries()
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-pg-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    runAs = getuid() == 0 ? Self.serverUser() : nil
    port = try Self.freePort()
    let passwordFile = folder.appendingPathComponent("admin-password")
    try Self.adminPassword.write(to: passwordFile, atomically: true, encoding: .utf8)
    if let runAs {
      try run("/bin/chown", ["-R", runAs, folder.path], asServer: false)
    }
    try run(
      binaries + "/initdb",
      [
        "-D", dataFolder, "-U", "admin", "--pwfile", passwordFile.path, "--auth=scram-sha-256",
        "-E", "UTF8", "--locale=C", "--no-sync",
      ])
  }

  var dataFolder: String { folder.appendingPathComponent("data").path }

  func start() throws {
    try run(
      binaries + "/pg_ctl",
      [
        "-D", dataFolder, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t",
        "60", "-o",
        "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
        "start",
      ])
  }

  /// Stops the server at once, as a power cut or a killed process would.
  func stop() throws {
    try run(binaries + "/pg_ctl", ["-D", dataFolder, "-m", "immediate", "-w", "stop"])
  }

  func remove() {
    _ = try? stop()
    try? FileManager.default.removeItem(at: folder)
  }

  /// The roles a database administrator makes before `fleet init`.
  func makeRoles() async throws {
    try await withAdmin(database: "postgres") { connection in
      // Passwords are the test's own random values: no bind parameters in CREATE ROLE.
      try await connection.query(
        PostgresQuery(unsafeSQL: "CREATE ROLE hiwaic_owner LOGIN PASSWORD '\(Self.ownerPassword)'"),
        logger: Self.logger)
      try await connection.query(
        PostgresQuery(unsafeSQL: "CREATE ROLE hiwaic_kiosk LOGIN PASSWORD '\(Self.kioskPassword)'"),
        logger: Self.logger)
    }
  }

  /// A new database owned by the fleet's owner role, with its own name.
  func makeDatabase() async throws -> String {
    let name =
      "fleet_"
      + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(
        of: "-", with: "")
    try await withAdmin(database: "postgres") { connection in
      try await connection.query(
        PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) OWNER hiwaic_owner"),
        logger: Self.logger)
    }
    return name
  }

  /// A fleet configuration for `user` on `database`, its password in a file of its own.
  func configuration(
    database: String, user: String = "hiwaic_kiosk", password: String? = nil,
    kiosk: String = "kiosk-1", port: Int? = nil
  ) throws -> FleetConfiguration {
    let passwordFile = folder.appendingPathComponent("password-\(UUID().uuidString)")
    let secret = password ?? (user == "hiwaic_owner" ? Self.ownerPassword : Self.kioskPassword)
    try secret.write(to: passwordFile, atomically: true, encoding: .utf8)
    chmod(passwordFile.path, 0o600)
    return FleetConfiguration(
      host: "127.0.0.1", port: port ?? self.port, database: database, user: user,
      passwordFile: passwordFile.path, kioskID: kiosk, tls: .disable)
  }

  static let logger = Logger(label: "test-postgres", factory: { _ in SwiftLogNoOpLogHandler() })

  /// Runs a program to its end (as the server's user when the tests run as root).
  @discardableResult
  func run(_ executable: String, _ arguments: [String], asServer: Bool = true) throws -> String {
    let argv =
      asServer && runAs != nil
      ? ["/usr/sbin/runuser", "-u", runAs ?? "", "--", executable] + arguments
      : [executable] + arguments
    let result = try ChildProcess(argv).wait()
    guard result.status == 0 else {
      let log =
        (try? String(contentsOf: folder.appendingPathComponent("server.log"), encoding: .utf8))
        ?? ""
      throw TestPostgresError(
        message: "\(argv.joined(separator: " ")) failed: \(result.output)\n\(log.suffix(2000))")
    }
    return result.output
  }

  static func findBinaries() throws -> String {
    let versions =
      (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    if let newest = versions.compactMap(Int.init).max() {
      let folder = "/usr/lib/postgresql/\(newest)/bin"
      if FileManager.default.isExecutableFile(atPath: folder + "/pg_ctl") { return folder }
    }
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      if FileManager.default.isExecutableFile(atPath: "\(folder)/pg_ctl")
        && FileManager.default.isExecutableFile(atPath: "\(folder)/initdb")
      {
        return String(folder)
      }
    }
    throw TestPostgresError(
      message:
        "no PostgreSQL server binaries (initdb, pg_ctl): `make test` installs Debian's postgresql")
  }

  /// Debian's `postgres` user when the package made it, else `nobody`.
  static func serverUser() -> String {
    getpwnam("postgres") != nil ? "postgres" : "nobody"
  }

  /// A port nobody listens on now.
  static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestPostgresError(message: "no socket") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
      }
    }
    guard bound else { throw TestPostgresError(message: "no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

/// Why the test server did not start.
struct TestPostgresError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

extension TestPostgres {
  /// Runs SQL as the cluster's superuser from async code.
  func withAdmin<Result: Sendable>(
    database: String, _ body: (PostgresConnection) async throws -> Result
  ) async throws -> Result {
    let connection = try await PostgresConnection.connect(
      configuration: PostgresConnection.Configuration(
        host: "127.0.0.1", port: port, username: "admin", password: Self.adminPassword,
        database: database, tls: .disable),
      id: 8, logger: Self.logger)
    do {
      let result = try await body(connection)
      try await connection.close()
      return result
    } catch {
      try? await connection.close()
      throw error
    }
  }

  /// How many log rows the server holds, and how many different ids among them.
  func logCount(database: String) async throws -> (rows: Int, ids: Int) {
    try await withAdmin(database: database) { connection in
      var result = (rows: 0, ids: 0)
      for try await (rows, ids) in try await connection.query(
        "SELECT count(*)::int8, count(DISTINCT id)::int8 FROM hiwaic.question_log",
        logger: Self.logger
      ).decode((Int, Int).self) {
        result = (rows, ids)
      }
      return result
    }
  }
}

/// One test's fleet: a database of its own on a server, initialised by the owner's role.
struct FleetFixture {
  let postgres: TestPostgres
  let database: String
  let owner: FleetConfiguration

  static func make(on given: TestPostgres? = nil) async throws -> FleetFixture {
    let postgres: TestPostgres
    if let given { postgres = given } else { postgres = try await TestPostgres.shared() }
    let database = try await postgres.makeDatabase()
    let owner = try postgres.configuration(
      database: database, user: "hiwaic_owner", kiosk: "organisers")
    _ = try await FleetServer(configuration: owner).initialise()
    return FleetFixture(postgres: postgres, database: database, owner: owner)
  }

  func kiosk(_ id: String) throws -> FleetServer {
    FleetServer(configuration: try postgres.configuration(database: database, kiosk: id))
  }

  var organisers: FleetServer { FleetServer(configuration: owner) }
}

/// A kiosk's own knowledge store in a temporary folder.
final class KioskStore: @unchecked Sendable {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "hiwaic-fleet-kiosk-\(UUID().uuidString.prefix(8))")
  let store: KnowledgeStore
  let name: String

  init(_ name: String) throws {
    self.name = name
    store = try KnowledgeStore(path: folder.appendingPathComponent("k.sqlite").path)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Logs `count` questions, as visitors at this kiosk would ask them.
  func ask(_ count: Int, from start: Int = 0) throws {
    let questions = (start..<(start + count)).map { index in
      AskedQuestion(
        text: "where is booth \(index) for \(name)?", language: .en, intent: "find_exhibitor",
        confidence: 0.7, answered: index % 5 != 0, place: "hall-\(index % 3)", channel: "kiosk",
        askedAt: Date(timeIntervalSince1970: 1_753_491_600 + Double(index)))
    }
    try store.log(questions, retention: LogRetention(days: 3_650))
  }
}

/// Starts the shared server once, whichever test asks first; stops it when the tests end.
actor SharedServer {
  static let one = SharedServer()
  /// One start, however many tests ask while it runs (an actor's method may be re-entered at
  /// each await).
  private var starting: Task<TestPostgres, any Error>?

  func get() async throws -> TestPostgres {
    if let starting { return try await starting.value }
    let task = Task<TestPostgres, any Error> {
      let started = try TestPostgres()
      SharedServer.running = started
      atexit { SharedServer.running?.remove() }
      try started.start()
      try await started.makeRoles()
      return started
    }
    starting = task
    return try await task.value
  }

  nonisolated(unsafe) static var running: TestPostgres?
}
