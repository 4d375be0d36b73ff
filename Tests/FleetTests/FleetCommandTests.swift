import Foundation
import Knowledge
import PostgresSupport
import Testing

@testable import Fleet

#if canImport(Glibc)
  import Glibc
#endif

/// The `hiwaic` binary against a real server: `fleet init`, `sync`, `notes answer --fleet`,
/// `insights --fleet`, and a sync killed with SIGKILL.
@Suite("Fleet: the hiwaic commands against a real server")
struct FleetCommandTests {
  static var binary: String {
    URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("hiwaic").path
  }

  /// A fleet file for `configuration`, as an operator writes one.
  func fleetFile(_ configuration: FleetConfiguration, in folder: URL) throws -> String {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("fleet-\(configuration.kioskID).conf")
    try configuration.fileText.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  @Test("a sync killed with SIGKILL half-way: the next one completes it, every row exactly once")
  func killedDuringSync() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("kiosk-killed")
    try kiosk.ask(60_000)
    let file = try fleetFile(
      try fleet.postgres.configuration(database: fleet.database, kiosk: kiosk.name),
      in: kiosk.folder)
    let knowledge = kiosk.folder.appendingPathComponent("k.sqlite").path
    let arguments = [Self.binary, "sync", "--fleet", file, "--once", "--knowledge", knowledge]
    let first = try ChildProcess(arguments)
    var arrived = 0
    for _ in 0..<2_000 where arrived == 0 {
      arrived = (try? await fleet.postgres.logCount(database: fleet.database).rows) ?? 0
      if arrived == 0 { try await Task.sleep(for: .milliseconds(10)) }
    }
    kill(first.pid, SIGKILL)
    let killed = first.wait()
    let before = try await fleet.postgres.logCount(database: fleet.database).rows
    #expect(killed.signal == SIGKILL, "the first sync ended before it was killed")
    #expect(before > 0 && before < 60_000, "\(before) rows had arrived when it was killed")
    let second = try ChildProcess(arguments).wait()
    #expect(second.status == 0, "\(second.output)")
    #expect(second.output.contains("all sent"))
    let count = try await fleet.postgres.logCount(database: fleet.database)
    #expect(count.rows == 60_000)
    #expect(count.ids == 60_000)
  }

  @Test("fleet init, an answer published, a kiosk's sync, and the fleet's insights per kiosk")
  func organisersAndKiosks() async throws {
    let fleet = try await FleetFixture.make()
    let kiosk = try KioskStore("hall-1-north")
    try kiosk.ask(7)
    let owner = try fleetFile(fleet.owner, in: kiosk.folder)
    let kioskFile = try fleetFile(
      try fleet.postgres.configuration(database: fleet.database, kiosk: kiosk.name),
      in: kiosk.folder)
    let knowledge = kiosk.folder.appendingPathComponent("k.sqlite").path

    let initialised = try ChildProcess([Self.binary, "fleet", "init", "--fleet", owner]).wait()
    #expect(initialised.status == 0)
    #expect(initialised.output.contains("schema already at version \(FleetSchema.version)"))
    #expect(initialised.output.contains("role hiwaic_kiosk may insert into the question log"))

    let published = try ChildProcess([
      Self.binary, "notes", "answer", "--fleet", owner, "Where is the cloakroom?",
      "At the west entrance of the Expo Centre.",
    ]).wait()
    #expect(published.status == 0, "\(published.output)")
    #expect(published.output.contains("published answer"))

    let talk = kiosk.folder.appendingPathComponent("main-forum.vtt")
    try "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nGovernance needs every country at the table.\n"
      .write(to: talk, atomically: true, encoding: .utf8)
    let notes = try ChildProcess([
      Self.binary, "notes", "import", talk.path, "--session", "main-forum", "--fleet", owner,
    ]).wait()
    #expect(notes.status == 0, "\(notes.output)")
    #expect(notes.output.contains("published main-forum.vtt (1 cues or paragraphs, en)"))

    let synced = try ChildProcess([
      Self.binary, "sync", "--fleet", kioskFile, "--once", "--knowledge", knowledge,
    ]).wait()
    #expect(synced.status == 0, "\(synced.output)")
    #expect(
      synced.output.contains(
        "sent 7 questions, received 1 answer changes and 1 notes files; all sent"))
    #expect(try kiosk.store.documents(session: "main-forum").map(\.source) == ["main-forum.vtt"])
    #expect(
      try kiosk.store.organiserAnswers().map(\.answer) == [
        "At the west entrance of the Expo Centre."
      ])

    let insights = try ChildProcess([
      Self.binary, "insights", "--fleet", owner, "--format", "csv",
    ]).wait()
    #expect(insights.status == 0, "\(insights.output)")
    #expect(insights.output.contains("kiosk,hall-1-north,7,"))

    let listed = try ChildProcess([Self.binary, "notes", "answers", "--fleet", owner]).wait()
    #expect(listed.output.contains("Q: Where is the cloakroom?"))

    // The published talk, listed and taken back from every kiosk.
    let uid = try #require(
      notes.output.components(separatedBy: " as ").last?.split(separator: " ").first.map(
        String.init))
    let files = try ChildProcess([Self.binary, "notes", "list", "--fleet", owner]).wait()
    #expect(files.output.contains("\(uid)") && files.output.contains("main-forum  main-forum.vtt"))
    let removed = try ChildProcess([
      Self.binary, "notes", "remove", "--fleet", owner, uid,
    ]).wait()
    #expect(removed.status == 0, "\(removed.output)")
    _ = try ChildProcess([
      Self.binary, "sync", "--fleet", kioskFile, "--once", "--knowledge", knowledge,
    ]).wait()
    #expect(try kiosk.store.documents(session: "main-forum").isEmpty)
    let again = try ChildProcess([Self.binary, "notes", "remove", "--fleet", owner, uid]).wait()
    #expect(again.status != 0 && again.output.contains("no published notes \(uid)"))
    let unknown = try ChildProcess([
      Self.binary, "notes", "answers", "--fleet", owner, "--remove", "not-an-id",
    ]).wait()
    #expect(unknown.status != 0 && unknown.output.contains("no published answer not-an-id"))
    let none = try ChildProcess([Self.binary, "notes", "list", "--fleet", owner]).wait()
    #expect(none.output.contains("no notes published to the fleet yet"))
  }

  @Test("sync --once with the server away: one line, a non-zero exit, nothing lost")
  func unreachable() async throws {
    let postgres = try await ThrowawayPostgres.shared()
    let kiosk = try KioskStore("kiosk-away")
    try kiosk.ask(3)
    let file = try fleetFile(
      try postgres.configuration(
        database: "nowhere", kiosk: kiosk.name, port: try ThrowawayPostgres.freePort()),
      in: kiosk.folder)
    let result = try ChildProcess([
      Self.binary, "sync", "--fleet", file, "--once", "--knowledge",
      kiosk.folder.appendingPathComponent("k.sqlite").path,
    ]).wait()
    #expect(result.status != 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 1, "\(result.output)")
    #expect(result.output.contains("cannot be reached (connection refused)"))
    #expect(try kiosk.store.fleetProgress().unsent == 3)
  }
}
