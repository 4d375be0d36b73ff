import Fleet
import Foundation
import PostgresSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A kiosk in a fleet on the real binary in a real terminal: the sync runs beside the screen.
@Suite("hiwaic --kiosk --fleet in a real terminal (tmux)")
struct KioskFleetSessionTests {
  /// The test's kiosk state folders, removed when it is done.
  let scratch = ScratchFolders()

  init() throws {
    try #require(
      TmuxSession.available, "tmux is needed for the end-to-end tests: make deps installs it")
  }

  @Test(
    "a visitor's question reaches the server in the background; only the operator sees the sync")
  func questionsReachTheServer() async throws {
    let postgres = try await ThrowawayPostgres.started()
    defer { postgres.remove() }
    let database = try await postgres.makeDatabase()
    _ = try await FleetServer(
      configuration: try postgres.configuration(
        database: database, user: "hiwaic_owner", kiosk: "organisers")
    ).initialise()
    let state = scratch.make("hiwaic-kiosk")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: state) }
    let kiosk = try postgres.configuration(database: database, kiosk: "hall-1-north")
    let file = state.appendingPathComponent("fleet.conf")
    try kiosk.fileText.write(to: file, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      command: KioskSessionTests.command("--fleet '\(file.path)'", state: state))
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    let answered = tmux.waitFor("H3-A01") { $0.contains("H3-A01") }
    #expect(!answered.contains("Fleet") && !answered.contains("sync"))
    try tmux.keys("C-\\", "C-\\", "C-\\")
    tmux.waitFor("Operator · enter the PIN")
    try tmux.type(KioskSessionTests.pin)
    try tmux.keys("Enter")
    // The first sync ran at start; the visitor's question waits for the next (every 30 s).
    let console = tmux.waitFor("Fleet: last sync")
    #expect(console.contains("Fleet: last sync"), "\(console)")
    var arrived = 0
    let deadline = Date().addingTimeInterval(45)
    while arrived == 0 && Date() < deadline {
      arrived = (try? await postgres.logCount(database: database).rows) ?? 0
      if arrived == 0 { try await Task.sleep(for: .milliseconds(500)) }
    }
    #expect(arrived == 1)
    try tmux.keys("q")
    tmux.waitFor("EXITED:0")
  }
}
