import EventModel
import Foundation
import Knowledge
import PostgresNIO
import PostgresSupport
import Testing

@testable import Fleet

/// Kiosks logging and syncing against a real PostgreSQL server at the same time.
@Suite("Fleet: every logged question reaches the server exactly once")
struct FleetSyncTests {
  @Test("two and then ten kiosks log and sync at once: every row arrives exactly once")
  func manyKiosks() async throws {
    for size in [2, 10] {
      let fleet = try await FleetFixture.make()
      let kiosks = try (0..<size).map { try KioskStore("kiosk-\($0)") }
      let servers = try kiosks.map { try fleet.kiosk($0.name) }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (kiosk, server) in zip(kiosks, servers) {
          group.addTask {
            // Visitors keep asking while the kiosk syncs.
            for round in 0..<5 {
              try kiosk.ask(60, from: round * 60)
              _ = try await FleetSync.once(store: kiosk.store, server: server)
            }
          }
        }
        try await group.waitForAll()
      }
      for (kiosk, server) in zip(kiosks, servers) {
        let report = try await FleetSync.once(store: kiosk.store, server: server)
        #expect(report.unsent == 0)
        #expect(try kiosk.store.fleetProgress().unsent == 0)
      }
      let count = try await fleet.postgres.logCount(database: fleet.database)
      #expect(count.rows == size * 300, "\(size) kiosks")
      #expect(count.ids == count.rows)
      let perKiosk = try await fleet.organisers.loggedQuestions(since: nil)
      for kiosk in kiosks {
        #expect(perKiosk.filter { $0.kiosk == kiosk.name }.count == 300)
      }
    }
  }

  @Test(
    "a sync whose acknowledgement was lost sends the rows again, and the server keeps one of each")
  func resentRowsAreNotDoubled() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("kiosk-a")
    let server = try fleet.kiosk(kiosk.name)
    try kiosk.ask(2_500)
    let first = try await FleetSync.once(store: kiosk.store, server: server)
    #expect(first.sent == 2_500)
    // As if the process died after the server committed and before the store noted it.
    try kiosk.store.restartFleetSync()
    #expect(try kiosk.store.fleetProgress().unsent == 2_500)
    let again = try await FleetSync.once(store: kiosk.store, server: server)
    #expect(again.sent == 2_500)
    let count = try await fleet.postgres.logCount(database: fleet.database)
    #expect(count.rows == 2_500)
    #expect(count.ids == 2_500)
  }

  @Test("the server stopped in the middle of a sync: the kiosk goes on, nothing is lost or doubled")
  func serverStoppedMidSync() async throws {
    let postgres = try await ThrowawayPostgres.started()
    defer { postgres.remove() }
    let fleet = try await FleetFixture.make(on: postgres)
    let kiosk = try KioskStore("kiosk-b")
    var configured = try fleet.kiosk(kiosk.name)
    configured.deadline = .seconds(3)
    let server = configured
    try kiosk.ask(40_000)
    let sync = Task { try await FleetSync.once(store: kiosk.store, server: server) }
    // Stopped once part of the log has arrived.
    var arrived = 0
    for _ in 0..<400 where arrived == 0 {
      arrived = (try? await postgres.logCount(database: fleet.database).rows) ?? 0
      if arrived == 0 { try await Task.sleep(for: .milliseconds(5)) }
    }
    try postgres.stop()
    let interrupted = await sync.result
    // The kiosk keeps logging and answering from its own store meanwhile.
    try kiosk.ask(100, from: 40_000)
    let offline = await Result { () async throws(FleetError) in
      try await FleetSync.once(store: kiosk.store, server: server)
    }
    guard case .failure(let error) = offline else {
      Issue.record("a sync with the server down succeeded")
      return
    }
    #expect(error.isTransient)
    #expect(
      error.description.contains("nothing is lost") || error.description.contains("sent again"))
    #expect(try kiosk.store.loggedQuestions().count == 40_100)
    try postgres.start()
    // A server just started may drop the first connection while it finishes starting; the kiosk
    // syncs again on its next round, as here (once seen in a full test run on a loaded machine).
    var report = try? await FleetSync.once(store: kiosk.store, server: server)
    for _ in 0..<3 where report == nil {
      try await Task.sleep(for: .milliseconds(500))
      report = try? await FleetSync.once(store: kiosk.store, server: server)
    }
    #expect(report?.unsent == 0)
    let count = try await postgres.logCount(database: fleet.database)
    #expect(count.rows == 40_100)
    #expect(count.ids == 40_100)
    if case .success = interrupted {
      Issue.record("the sync finished before the server stopped: nothing was interrupted")
    }
  }
}

extension Result where Failure == FleetError {
  init(catching body: () async throws(FleetError) -> Success) async {
    do { self = .success(try await body()) } catch { self = .failure(error) }
  }
}
