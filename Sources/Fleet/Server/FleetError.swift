import Foundation
import PostgresNIO

/// Why the fleet's server could not be used, in one line for the person at the terminal. None
/// of them loses anything: the kiosk's own store keeps what was not sent.
public enum FleetError: Error, Equatable, CustomStringConvertible {
  case configuration(path: String, line: Int?, reason: String)
  case password(path: String, reason: String)
  case unreachable(server: String, reason: String)
  case loginRefused(server: String, user: String)
  case noDatabase(server: String, database: String)
  case tlsUnavailable(server: String)
  case tls(server: String, reason: String)
  case notInitialised(server: String)
  case olderSchema(server: String, version: Int, needed: Int)
  case newerSchema(server: String, version: Int, known: Int)
  case notAllowed(server: String, user: String, reason: String)
  case noRole(server: String, role: String)
  case invalidRole(String)
  case lost(server: String)
  case server(server: String, message: String)
  case store(String)

  public var description: String {
    switch self {
    case .configuration(let path, let line, let reason):
      line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)"
    case .password(let path, let reason):
      "the fleet password file \(path) cannot be used: \(reason)"
    case .unreachable(let server, let reason):
      "the fleet's server \(server) cannot be reached (\(reason)); working offline, nothing is lost"
    case .loginRefused(let server, let user):
      "the fleet's server \(server) refused the login of '\(user)' (wrong password, or no such role); working offline"
    case .noDatabase(let server, let database):
      "the fleet's server \(server) has no database '\(database)'; working offline"
    case .tlsUnavailable(let server):
      "the fleet's server \(server) does not offer TLS, and sslmode asks for it; working offline"
    case .tls(let server, let reason):
      "TLS with the fleet's server \(server) failed (\(reason)); working offline"
    case .notInitialised(let server):
      "the fleet's server \(server) has no hiwaic schema yet: the organisers run 'hiwaic fleet init' with the database owner's role; working offline"
    case .olderSchema(let server, let version, let needed):
      "the fleet's server \(server) has schema version \(version), this hiwaic needs \(needed): the organisers run 'hiwaic fleet init' to migrate it; working offline"
    case .newerSchema(let server, let version, let known):
      "the fleet's server \(server) has schema version \(version), newer than this hiwaic knows (\(known)): update hiwaic; working offline"
    case .notAllowed(let server, let user, let reason):
      "the fleet's server \(server) does not allow '\(user)' this (\(reason))"
    case .noRole(let server, let role):
      "the fleet's server \(server) has no role '\(role)': the database administrator creates it first (CREATE ROLE \(role) LOGIN PASSWORD '…')"
    case .invalidRole(let role):
      "'\(role)' is not a role name hiwaic grants to: 1 to 63 lower-case letters, digits and '_', starting with a letter or '_'"
    case .lost(let server):
      "the connection to the fleet's server \(server) was lost; what was not acknowledged is sent again next time"
    case .server(let server, let message):
      "the fleet's server \(server) answered: \(message)"
    case .store(let message):
      message
    }
  }

  /// True when trying again later may work (the server is away), false when a person must
  /// change something first.
  public var isTransient: Bool {
    switch self {
    case .unreachable, .lost: true
    default: false
    }
  }

  /// What a PostgresNIO error means for the fleet.
  static func from(_ error: any Error, server: String, user: String, database: String)
    -> FleetError
  {
    if let fleet = error as? FleetError { return fleet }
    if let transaction = error as? PostgresTransactionError {
      if let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError {
        return from(inner, server: server, user: user, database: database)
      }
    }
    guard let psql = error as? PSQLError else {
      return .unreachable(server: server, reason: short(error))
    }
    switch psql.code {
    case .server:
      let state = psql.serverInfo?[.sqlState] ?? ""
      let message = psql.serverInfo?[.message] ?? "an error"
      switch state {
      case "28P01", "28000": return .loginRefused(server: server, user: user)
      case "3D000": return .noDatabase(server: server, database: database)
      case "42501": return .notAllowed(server: server, user: user, reason: message)
      case "3F000", "42P01": return .notInitialised(server: server)
      case "57P01", "57P02", "57P03": return .lost(server: server)
      default: return .server(server: server, message: message)
      }
    case .sslUnsupported: return .tlsUnavailable(server: server)
    case .failedToAddSSLHandler: return .tls(server: server, reason: short(psql.underlying))
    case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
      return .lost(server: server)
    case .connectionError:
      let reason = short(psql.underlying)
      if reason.lowercased().contains("ssl") || reason.lowercased().contains("certificate") {
        return .tls(server: server, reason: reason)
      }
      return .unreachable(server: server, reason: reason)
    default:
      return .server(server: server, message: psql.code.description)
    }
  }

  /// An underlying error in a few words ("connection refused"), not NIO's type dump.
  static func short(_ error: (any Error)?) -> String {
    guard let error else { return "no answer" }
    if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
    let text = String(describing: error)
    if text.contains("connectTimeout") || text.contains("timeout") { return "timed out" }
    if text.contains("connectionRefused") || text.contains("Connection refused") {
      return "connection refused"
    }
    return text.count > 120 ? String(text.prefix(117)) + "…" : text
  }
}
