import Foundation
import Testing

@Suite("The hiwaic binary")
struct BinaryTests {
  @Test("with no command and no terminal it says the screen needs one and names the commands")
  func noTerminal() throws {
    let result = try CLI.run([])
    #expect(result.status == 2)
    #expect(result.error.contains("needs a terminal"))
    #expect(result.error.contains("hiwaic ask"))
    let info = try CLI.run(["info"])
    #expect(info.status == 0)
    #expect(info.output.contains("WAIC 2025"))
  }

  @Test("validate exits 0 on a clean pack and 1 on a broken one, naming file and path")
  func validateExitStatus() throws {
    #expect(try CLI.run(["validate"]).status == 0)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-cli-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(at: CLI.mini, to: directory)
    let sessions = directory.appendingPathComponent("sessions.json")
    var text = try String(contentsOf: sessions, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"room-b\"", with: "\"room-q\"")
    try text.write(to: sessions, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", directory.path])
    #expect(result.status == 1)
    #expect(result.output.contains("sessions.json $[2].room: error: refers to room 'room-q'"))
    let json = try CLI.run(["validate", directory.path, "--format", "json"])
    #expect(json.status == 1)
    let issues = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
    #expect(issues?.first?["kind"] as? String == "dangling-reference")
  }

  @Test("a query on a broken pack fails with a clear message, not a crash")
  func brokenPack() throws {
    let result = try CLI.run(["exhibitors", "--pack", "/nonexistent/pack"])
    #expect(result.status == 1)
    #expect(result.error.contains("no pack directory"))
  }

  @Test("HIWAIC_PACK chooses the pack")
  func environment() throws {
    let result = try CLI.run(
      ["exhibitors", "--format", "json"], environment: ["HIWAIC_PACK": CLI.mini.path])
    #expect(result.status == 0)
    #expect(result.output.contains("robo-one"))
  }

  @Test("gen-pack writes a valid synthetic pack and will not overwrite without --force")
  func genPack() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-gen-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try CLI.run(["gen-pack", "--scale", "1", directory.path])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.contains("800 exhibitors"))
    let check = try CLI.run(["validate", directory.path])
    #expect(check.status == 0, "\(check.output)")
    let info = try CLI.run(["info", "--pack", directory.path])
    #expect(info.output.contains("SYNTHETIC"))
    let again = try CLI.run(["gen-pack", "--scale", "1", directory.path])
    #expect(again.status != 0)
    #expect(again.error.contains("--force"))
    #expect(try CLI.run(["gen-pack", "--scale", "0", directory.path]).status != 0)
  }
}
