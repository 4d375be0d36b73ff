import EventModel
import Foundation
import Testing

@Suite("Writing and finding packs")
struct PackIOTests {
  @Test("a written pack reads back equal")
  func roundTrip() throws {
    let original = try PackLoader.load(from: Fixtures.mini).pack
    let directory = try Fixtures.temporaryDirectory().appendingPathComponent("pack")
    defer { Fixtures.remove(directory) }
    try PackWriter.write(original, to: directory, pretty: false)
    let reread = try PackLoader.load(from: directory).pack
    #expect(reread == original)
  }

  @Test("an explicit pack wins over HIWAIC_PACK, which wins over the default")
  func locator() throws {
    let explicit = try PackLocator.locate(
      explicit: "/tmp/a", environment: ["HIWAIC_PACK": "/tmp/b"])
    #expect(explicit.path == "/tmp/a")
    let fromEnvironment = try PackLocator.locate(
      explicit: nil, environment: ["HIWAIC_PACK": "/tmp/b"])
    #expect(fromEnvironment.path == "/tmp/b")
    let fallback = try PackLocator.locate(
      explicit: nil, environment: [:], executablePath: "/nowhere/bin/hiwaic")
    #expect(fallback.standardizedFileURL.path == Fixtures.waic.standardizedFileURL.path)
  }

  @Test("an installed pack beside the binary is found first")
  func installedLayout() throws {
    let prefix = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    let packs = prefix.appendingPathComponent("share/hiwaic/packs")
    try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Fixtures.mini, to: packs.appendingPathComponent("waic2025"))
    let found = try PackLocator.locate(
      explicit: nil, environment: [:],
      executablePath: prefix.appendingPathComponent("bin/hiwaic").path)
    #expect(found.path == packs.appendingPathComponent("waic2025").path)
  }
}
