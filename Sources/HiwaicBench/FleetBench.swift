import App
import Assistant
import EventModel
import Fleet
import Foundation
import Knowledge
import PostgresSupport
import TerminalUI

/// Issue 16's figures, on a throw-away PostgreSQL server of the bench's own: sync throughput
/// from 50 kiosks, an organisers' answer reaching every kiosk on the 30-second schedule, and
/// what a running sync costs a key press.
enum FleetBench {
  static func run(waic: URL) async throws {
    print("== Issue 16: a fleet of kiosks through PostgreSQL")
    let postgres: ThrowawayPostgres
    do {
      postgres = try await ThrowawayPostgres.started()
    } catch {
      print("skipped: no PostgreSQL server could be started (\(error))")
      return
    }
    defer { postgres.remove() }
    let database = try await postgres.makeDatabase()
    let owner = try postgres.configuration(
      database: database, user: "hiwaic_owner", kiosk: "organisers")
    _ = try await FleetServer(configuration: owner).initialise()
    let folder = postgres.folder.appendingPathComponent("kiosks")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

    // 100,000 log rows from 50 kiosks, all syncing at once.
    var kiosks: [(store: KnowledgeStore, server: FleetServer)] = []
    for index in 0..<50 {
      let store = try KnowledgeStore(path: folder.appendingPathComponent("k\(index).sqlite").path)
      let questions = (0..<2_000).map { row in
        AskedQuestion(
          text: "where is booth \(row) of hall \(index % 4)?", language: .en,
          intent: "find_exhibitor", confidence: 0.7, answered: row % 6 != 0,
          place: "eh-1f-north", channel: "kiosk",
          askedAt: Date(timeIntervalSince1970: 1_753_491_600 + Double(row)))
      }
      try store.log(questions, retention: LogRetention(days: 3_650))
      kiosks.append(
        (
          store,
          FleetServer(
            configuration: try postgres.configuration(database: database, kiosk: "kiosk-\(index)"))
        ))
    }
    let begin = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      for kiosk in kiosks {
        group.addTask { _ = try await FleetSync.once(store: kiosk.store, server: kiosk.server) }
      }
      try await group.waitForAll()
    }
    let seconds = FleetSyncService.seconds(ContinuousClock.now - begin)
    let arrived = try await postgres.logCount(database: database)
    print(
      String(
        format:
          "sync of 100,000 log rows from 50 kiosks at once: %.2f s, %.0f rows per second (%d rows on the server, %d ids)",
        seconds, 100_000 / seconds, arrived.rows, arrived.ids))

    // An organisers' answer on the 30-second schedule: from publishing to the last kiosk.
    let services = kiosks.map {
      FleetSyncService(store: $0.store, server: $0.server, interval: .seconds(30))
    }
    for service in services { service.start() }
    // Past the first syncs, so that the kiosks are spread over the schedule as in a venue.
    try await Task.sleep(for: .seconds(8))
    let published = try await FleetServer(configuration: owner).publish(
      question: "Where can I charge my phone?", answer: "At every information desk.",
      language: .en, now: Date())
    let start = ContinuousClock.now
    var waiting = Set(kiosks.indices)
    while !waiting.isEmpty && ContinuousClock.now - start < .seconds(120) {
      for index in waiting
      where (try? kiosks[index].store.organiserAnswers().contains { $0.answer == published.answer })
        == true
      {
        waiting.remove(index)
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    let spread = FleetSyncService.seconds(ContinuousClock.now - start)
    print(
      String(
        format:
          "an organisers' answer to the last of 50 kiosks, syncing every 30 s: %.1f s (%d kiosks still without it)",
        spread, waiting.count))

    // A key press while the sync runs: the same keys with 50 kiosks' syncs going on beside.
    let assistant = try Assistant.load(packDirectory: waic)
    let env = AppEnvironment(assistant: assistant)
    let quiet = keyTimes(env)
    for service in services { service.stop() }
    let busy = await withThrowingTaskGroup(of: Void.self) {
      group -> (median: Double, p99: Double) in
      // The kiosk's own sync back to back (far more often than every 30 s), each round with
      // 200 new rows to send.
      for (index, kiosk) in kiosks.prefix(1).enumerated() {
        group.addTask {
          for round in 0..<40 {
            try kiosk.store.log(
              (0..<200).map { row in
                AskedQuestion(
                  text: "question \(round)-\(row) at kiosk \(index)", language: .en,
                  intent: "unknown", confidence: 0.1, answered: false, place: nil,
                  channel: "kiosk", askedAt: Date())
              })
            _ = try await FleetSync.once(store: kiosk.store, server: kiosk.server)
            if Task.isCancelled { return }
          }
        }
      }
      let times = keyTimes(env)
      group.cancelAll()
      return times
    }
    print(
      String(
        format:
          "key handled and redrawn at 200x60: median %.2f ms, p99 %.2f ms without a sync; median %.2f ms, p99 %.2f ms with the kiosk's sync running back to back (the server on the same 2 cores)",
        quiet.median, quiet.p99, busy.median, busy.p99))
  }

  /// Keys a visitor presses, each handled and drawn, in milliseconds.
  static func keyTimes(_ env: AppEnvironment) -> (median: Double, p99: Double) {
    var state = AppState(
      width: 200, height: 60,
      now: EventTime.parse("2025-07-26T10:00", zone: env.catalog.timeZone) ?? Date(),
      here: "eh-1f-north")
    let script: [Key] =
      KeyDecoder.keys(typing: "robotics") + [
        .function(3), .down, .down, .function(4), .right, .down, .function(2),
      ]
    var times: [Double] = []
    for _ in 0..<60 {
      for key in script {
        times.append(
          milliseconds {
            _ = AppUpdate.update(&state, .input(.key(key)), env)
            _ = AppView.render(state, env)
          })
      }
    }
    times.sort()
    return (times[times.count / 2], times[times.count * 99 / 100])
  }
}
