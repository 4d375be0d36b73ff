import Fleet
import Foundation
import Logging
import PostgresNIO

#if canImport(Glibc)
  import Glibc
#endif

/// A throw-away PostgreSQL cluster for the tests and the benchmark: Debian's `postgresql` binaries, a data folder
/// in a temporary directory, a free port on 127.0.0.1, run as a user that is not root (the
/// server refuses root). Its superuser makes the roles a database administrator would: the
/// fleet's owner and the kiosks' role.
public final class ThrowawayPostgres: @unchecked Sendable {
  public let folder: URL
  public let port: Int
  public let binaries: String
  /// The user the server runs as when the tests run as root.
  public let runAs: String?
  public static let adminPassword = "admin-\(UUID().uuidString)"
  public static let ownerPassword = "owner-\(UUID().uuidString)"
  public static let kioskPassword = "kiosk-\(UUID().uuidString)"

  /// Whether the server offers TLS, with a certificate of its own for 127.0.0.1 (`certificate`).
  public let tls: Bool

  /// The server's self-signed certificate when it offers TLS: the authority a `verify-full`
  /// client is given.
  public var certificate: String { folder.appendingPathComponent("server.crt").path }

  public init(tls: Bool = false) throws {
    self.tls = tls
    binaries = try Self.findBinaries()
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-pg-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    runAs = getuid() == 0 ? Self.serverUser() : nil
    port = try Self.freePort()
    let passwordFile = folder.appendingPathComponent("admin-password")
    try Self.adminPassword.write(to: passwordFile, atomically: true, encoding: .utf8)
    if tls {
      try run(
        "/usr/bin/openssl",
        [
          "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
          "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
          folder.appendingPathComponent("server.key").path, "-out", certificate,
        ], asServer: false)
      chmod(folder.appendingPathComponent("server.key").path, 0o600)
    }
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

  public var dataFolder: String { folder.appendingPathComponent("data").path }

  public func start() throws {
    try run(
      binaries + "/pg_ctl",
      [
        "-D", dataFolder, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t",
        "60", "-o",
        "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
          + (tls
            ? " -c ssl=on -c ssl_cert_file=\(certificate) -c ssl_key_file=\(folder.appendingPathComponent("server.key").path)"
            : ""),
        "start",
      ])
  }

  /// A new server, started, with the roles a database administrator makes.
  public static func started(tls: Bool = false) async throws -> ThrowawayPostgres {
    let server = try ThrowawayPostgres(tls: tls)
    do {
      try server.start()
      try await server.makeRoles()
    } catch {
      server.remove()
      throw error
    }
    return server
  }

  /// Stops the server at once, as a power cut or a killed process would.
  public func stop() throws {
    try run(binaries + "/pg_ctl", ["-D", dataFolder, "-m", "immediate", "-w", "stop"])
  }

  public func remove() {
    _ = try? stop()
    try? FileManager.default.removeItem(at: folder)
  }

  /// The roles a database administrator makes before `fleet init`.
  public func makeRoles() async throws {
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
  public func makeDatabase() async throws -> String {
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
  public func configuration(
    database: String, user: String = "hiwaic_kiosk", password: String? = nil,
    kiosk: String = "kiosk-1", port: Int? = nil, tls: FleetConfiguration.TLSMode = .disable,
    rootCertificate: String? = nil
  ) throws -> FleetConfiguration {
    let passwordFile = folder.appendingPathComponent("password-\(UUID().uuidString)")
    let secret = password ?? (user == "hiwaic_owner" ? Self.ownerPassword : Self.kioskPassword)
    try secret.write(to: passwordFile, atomically: true, encoding: .utf8)
    chmod(passwordFile.path, 0o600)
    return FleetConfiguration(
      host: "127.0.0.1", port: port ?? self.port, database: database, user: user,
      passwordFile: passwordFile.path, kioskID: kiosk, tls: tls, rootCertificate: rootCertificate)
  }

  public static let logger = Logger(
    label: "test-postgres", factory: { _ in SwiftLogNoOpLogHandler() })

  /// Runs a program to its end (as the server's user when the tests run as root).
  @discardableResult
  public func run(_ executable: String, _ arguments: [String], asServer: Bool = true) throws
    -> String
  {
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

  public static func findBinaries() throws -> String {
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
  public static func serverUser() -> String {
    getpwnam("postgres") != nil ? "postgres" : "nobody"
  }

  /// A port nobody listens on now.
  public static func freePort() throws -> Int {
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
public struct TestPostgresError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
  public init(message: String) { self.message = message }
}

extension ThrowawayPostgres {
  /// Runs SQL as the cluster's superuser from async code.
  @discardableResult
  public func withAdmin<Result: Sendable>(
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
  public func logCount(database: String) async throws -> (rows: Int, ids: Int) {
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

/// A child process started with posix_spawn and waited for with waitpid (Foundation's Process
/// can miss a child's exit when several run at once), its standard output and error in one
/// file.
public struct ChildProcess {
  public let pid: pid_t
  public let outputFile: String

  public init(_ arguments: [String]) throws {
    outputFile =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "hiwaic-child-\(UUID().uuidString).out"
      ).path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    var pointers = arguments.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, arguments[0], &actions, nil, &pointers, environ)
    guard spawned == 0 else {
      throw TestPostgresError(message: "cannot start \(arguments[0]): \(spawned)")
    }
    pid = child
  }

  /// Waits for the end: the exit status, or the signal that ended it, and what it printed.
  public func wait() -> (status: Int32, signal: Int32, output: String) {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: outputFile)
    let signal = status & 0x7f
    return (signal == 0 ? (status >> 8) & 0xff : -1, signal, output)
  }
}
