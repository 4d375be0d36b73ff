import Foundation
import Testing

/// Another conference end to end: its schedule imported by the real binary, then the screens,
/// the kiosk and the scripted commands on the pack made from it.
@Suite("An imported conference in a real terminal (tmux) and on the command line", .serialized)
struct ImportedPackSessionTests {
  static let schedule = CLI.repository.appendingPathComponent(
    "Tests/ScheduleImportTests/Fixtures/congress.xml")

  /// A pack imported from the test congress into a directory of its own.
  static func importedPack() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-imported-\(UUID().uuidString.prefix(8))")
    let result = try CLI.run(["import", schedule.path, "--output", directory.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("6 sessions in 2 rooms on 2 days"), "\(result.output)")
    // Each problem of the file is said with its line.
    #expect(result.error.contains("congress.xml:80:"), "\(result.error)")
    return directory
  }

  /// The test's kiosk state folders, removed when it is done.
  let scratch = ScratchFolders()

  init() throws {
    try #require(
      TmuxSession.available, "tmux is needed for the end-to-end tests: make deps installs it")
  }

  @Test("the screens: the pack's own questions, an answer, the schedule, no map, no exhibitors")
  func screens() throws {
    let pack = try Self.importedPack()
    defer { try? FileManager.default.removeItem(at: pack) }
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color \(CLI.binary.path) ui --pack '\(pack.path)'"
        + " --now 2025-12-27T10:30 --no-state", width: 110, height: 32)
    let welcome = tmux.waitFor("Which talks on")
    #expect(!welcome.contains("Unitree") && !welcome.contains("City Walk"))
    try tmux.type("when is the talk on Rust in the Linux kernel?")
    try tmux.keys("Enter")
    tmux.waitFor("11:00–11:40 Rust in the Linux kernel")
    try tmux.keys("Escape", "F4")
    tmux.waitFor("Containers without the hype")
    try tmux.keys("F5")
    tmux.waitFor("no floor plans")
    try tmux.keys("F3")
    tmux.waitFor("0 exhibitors")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("the kiosk answers on it: a room is named, with no way to show")
  func kiosk() throws {
    let pack = try Self.importedPack()
    defer { try? FileManager.default.removeItem(at: pack) }
    let state = scratch.make("hiwaic-kiosk")
    let command =
      "HIWAIC_ADMIN_PIN=\(KioskSessionTests.pin) STATE_DIRECTORY='\(state.path)'"
      + " XDG_STATE_HOME='\(state.path)' HIWAIC_KNOWLEDGE='\(state.path)/knowledge.sqlite'"
      + " LANG=C.UTF-8 TERM=screen-256color \(CLI.binary.path) --kiosk --pack '\(pack.path)'"
      + " --now 2025-12-27T10:30"
    let tmux = try TmuxSession(command: command, width: 110, height: 32)
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    tmux.waitFor("Ask ›")
    try tmux.type("where is Hall Two?")
    try tmux.keys("Enter")
    tmux.waitFor("no floor plan")
  }

  @Test(
    "a newer version imported into the same directory keeps the pack and its ids, and says what changed"
  )
  func update() throws {
    let pack = try Self.importedPack()
    defer { try? FileManager.default.removeItem(at: pack) }
    let before = try String(
      contentsOf: pack.appendingPathComponent("sessions.json"), encoding: .utf8)
    let newer = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-newer-\(UUID().uuidString.prefix(8)).xml")
    defer { try? FileManager.default.removeItem(at: newer) }
    var text = try String(contentsOf: Self.schedule, encoding: .utf8)
    for (old, new) in [
      ("<date>2025-12-27T11:30:00+01:00</date>", "<date>2025-12-27T13:00:00+01:00</date>"),
      ("id=\"101\">\n        <room>Hall One", "id=\"901\">\n        <room>Hall One"),
    ] {
      try #require(text.contains(old))
      text = text.replacingOccurrences(of: old, with: new)
    }
    try text.write(to: newer, atomically: true, encoding: .utf8)
    // The operator chose the posters' prefix by hand: an update keeps it.
    let manifestFile = pack.appendingPathComponent("pack.json")
    let manifest = try String(contentsOf: manifestFile, encoding: .utf8)
    try #require(manifest.contains("\"codePrefix\":\"TC25\""))
    try manifest.replacingOccurrences(
      of: "\"codePrefix\":\"TC25\"", with: "\"codePrefix\":\"MYCONF\""
    )
    .write(to: manifestFile, atomically: true, encoding: .utf8)
    let result = try CLI.run(["import", newer.path, "--output", pack.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("updated Test Congress & Friends 2025"), "\(result.output)")
    #expect(result.output.contains("since the last import: 1 moved"), "\(result.output)")
    #expect(
      result.output.contains(
        "moved: 'Containers without the hype' 2025-12-27 11:30–12:15, Hall One → 2025-12-27 13:00–13:45, Hall One"
      ), "\(result.output)")
    let after = try String(
      contentsOf: pack.appendingPathComponent("sessions.json"), encoding: .utf8)
    // The renumbered talk keeps its id (by its guid): favourites and plans still find it.
    #expect(before.contains("\"s-101\"") && after.contains("\"s-101\"") && !after.contains("s-901"))
    let ask = try CLI.run(
      [
        "ask", "when is Containers without the hype?", "--pack", pack.path, "--now",
        "2025-12-27T10:30",
      ])
    #expect(ask.output.contains("13:00"), "\(ask.output)")
    let posters = try CLI.run(["qr-posters", "--pack", pack.path])
    #expect(posters.output.contains("MYCONF:ROOM:HALL-ONE"), "\(posters.output)")

    // Another conference's schedule does not replace the pack unless asked to.
    let other = CLI.repository.appendingPathComponent(
      "Tests/ScheduleImportTests/Fixtures/camp.json")
    let refused = try CLI.run(["import", other.path, "--output", pack.path])
    #expect(refused.status != 0)
    #expect(refused.error.contains("holds the pack of another schedule"), "\(refused.error)")
    let replaced = try CLI.run(["import", other.path, "--output", pack.path, "--force"])
    #expect(replaced.status == 0, "\(replaced.error)")
    #expect(replaced.output.contains("imported Test Camp 2026"), "\(replaced.output)")
  }

  @Test("schedule, route, here and ask on the command line")
  func commands() throws {
    let pack = try Self.importedPack()
    defer { try? FileManager.default.removeItem(at: pack) }
    let common = ["--pack", pack.path, "--now", "2025-12-27T10:30"]
    let schedule = try CLI.run(["schedule", "--day", "1"] + common)
    #expect(schedule.status == 0)
    #expect(schedule.output.contains("Rust in the Linux kernel"))
    // 01:30 the next morning is the end of the first day, as the schedule's day change says.
    #expect(schedule.output.contains("01:30–03:00  Night owls"), "\(schedule.output)")
    #expect(!schedule.output.contains("Day 2"), "\(schedule.output)")
    let route = try CLI.run(["route", "--interests", "security"] + common)
    #expect(route.status == 0, "\(route.error)")
    #expect(
      route.output.contains("11:00–11:40  Rust in the Linux kernel — Hall One"), "\(route.output)")
    #expect(!route.output.contains("walk"))
    let here = try CLI.run(["here", "hall-one"] + common)
    #expect(here.status == 0, "\(here.error)")
    #expect(here.output.contains("Containers without the hype"))
    #expect(!here.output.contains("min walk"))
    let ask = try CLI.run(
      ["ask", "--format", "json", "what does Bob Beispiel talk about?"] + common)
    #expect(ask.status == 0)
    #expect(ask.output.contains("Security for everyone"))
  }
}
