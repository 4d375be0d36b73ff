import Fleet
import Foundation
import Knowledge
import Logging
import PostgresNIO
import PostgresSupport

#if canImport(Glibc)
  import Glibc
#endif

/// One test's fleet: a database of its own on a server, initialised by the owner's role.
struct FleetFixture {
  let postgres: ThrowawayPostgres
  let database: String
  let owner: FleetConfiguration

  static func make(on given: ThrowawayPostgres? = nil) async throws -> FleetFixture {
    let postgres: ThrowawayPostgres
    if let given { postgres = given } else { postgres = try await ThrowawayPostgres.shared() }
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

extension ThrowawayPostgres {
  /// The server most tests share; each test gets a database of its own.
  static func shared() async throws -> ThrowawayPostgres { try await SharedServer.one.get() }
}

/// Starts the shared server once, whichever test asks first; stops it when the tests end.
actor SharedServer {
  static let one = SharedServer()
  /// One start, however many tests ask while it runs (an actor's method may be re-entered at
  /// each await).
  private var starting: Task<ThrowawayPostgres, any Error>?

  func get() async throws -> ThrowawayPostgres {
    if let starting { return try await starting.value }
    let task = Task<ThrowawayPostgres, any Error> {
      let started = try ThrowawayPostgres()
      SharedServer.running = started
      atexit { SharedServer.running?.remove() }
      try started.start()
      try await started.makeRoles()
      return started
    }
    starting = task
    return try await task.value
  }

  nonisolated(unsafe) static var running: ThrowawayPostgres?
}
