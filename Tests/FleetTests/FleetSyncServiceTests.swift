import Foundation
import Knowledge
import PostgresSupport
import Testing

@testable import Fleet

/// The kiosk's background sync: its schedule, its trigger, its backing off.
@Suite("Fleet: the background sync keeps to its schedule and backs off")
struct FleetSyncServiceTests {
  /// Waits up to `seconds` for `condition`.
  func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if try await condition() { return true }
      try await Task.sleep(for: .milliseconds(100))
    }
    return try await condition()
  }

  @Test("it syncs at once, then when 50 questions wait, well before the interval")
  func trigger() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("kiosk-bg")
    try kiosk.ask(5)
    let service = FleetSyncService(
      store: kiosk.store, server: try fleet.kiosk(kiosk.name), interval: .seconds(600),
      trigger: 50)
    service.start()
    defer { service.stop() }
    #expect(
      try await eventually(10) {
        try await fleet.postgres.logCount(database: fleet.database).rows == 5
      })
    // The server has the rows a moment before the service has noted its success.
    #expect(try await eventually(10) { service.status.lastSuccess != nil })
    try kiosk.ask(10, from: 5)
    try await Task.sleep(for: .seconds(2))
    // Ten waiting: not yet (the interval is ten minutes).
    #expect(try await fleet.postgres.logCount(database: fleet.database).rows == 5)
    try kiosk.ask(40, from: 15)
    #expect(
      try await eventually(10) {
        try await fleet.postgres.logCount(database: fleet.database).rows == 55
      })
  }

  @Test("the server away: the error is kept for the operator, the waits double, and it resumes")
  func backsOff() async throws {
    let postgres = try await ThrowawayPostgres.started()
    defer { postgres.remove() }
    let fleet = try await FleetFixture.make(on: postgres)
    let kiosk = try KioskStore("kiosk-away")
    try postgres.stop()
    try kiosk.ask(3)
    let service = FleetSyncService(
      store: kiosk.store, server: try fleet.kiosk(kiosk.name), interval: .seconds(1))
    service.start()
    defer { service.stop() }
    #expect(try await eventually(10) { service.status.failures >= 1 })
    #expect(service.status.lastError?.contains("cannot be reached") == true)
    #expect(service.status.unsent == 3)
    try postgres.start()
    #expect(
      try await eventually(20) {
        guard service.status.lastError == nil else { return false }
        return (try? await postgres.logCount(database: fleet.database).rows) == 3
      })
    #expect(service.status.failures == 0)
  }

  @Test(
    "the waits: the interval, doubled per failure up to five minutes; a person's fix waits longest")
  func waits() {
    let interval = Duration.seconds(30)
    #expect(FleetSyncService.wait(after: 0, transient: true, interval: interval) == .seconds(30))
    #expect(FleetSyncService.wait(after: 1, transient: true, interval: interval) == .seconds(60))
    #expect(FleetSyncService.wait(after: 3, transient: true, interval: interval) == .seconds(240))
    #expect(FleetSyncService.wait(after: 9, transient: true, interval: interval) == .seconds(300))
    #expect(FleetSyncService.wait(after: 1, transient: false, interval: interval) == .seconds(300))
  }
}
