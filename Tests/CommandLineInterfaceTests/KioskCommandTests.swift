import Foundation
import Kiosk
import Testing

@testable import CommandLineInterface

@Suite("Kiosk commands: here, qr-posters, kiosk-pin, --kiosk set-up")
struct KioskCommandTests {
  static let base = ["--now", "2025-07-26T10:00"]

  @Test("hiwaic here: the zone's booths, sessions soon, facilities and the way from --at")
  func hereText() throws {
    let text = try CLI.render(["here", "WAIC:ZONE:H3-A", "--at", "eh-1f-north"] + Self.base)
    #expect(text.hasPrefix("Here & now: Zone H3-A Humanoid robots · Hall H3 · 2F"))
    #expect(text.contains("~H3-A01  Unitree Robotics"))
    #expect(text.contains("NOW 09:00–11:00  Opening Ceremony"))
    #expect(text.contains("Nearest facilities:"))
    #expect(text.contains("The way from this kiosk:"))
    let zh = try CLI.render(["here", "h3-a", "--lang", "zh"] + Self.base)
    #expect(zh.hasPrefix("此处此刻：H3-A区 人形机器人"))
  }

  @Test("hiwaic here --format json, and unknown zones with close matches")
  func hereJSONAndErrors() throws {
    let objects = try CLI.json(["here", "red-hall"] + Self.base)
    #expect(objects.count == 1)
    let object = try #require(objects.first)
    #expect(object["code"] as? String == "WAIC:ROOM:RED-HALL")
    #expect(object["zone"] as? String == "red-hall")
    #expect((object["sessions"] as? [[String: Any]])?.first?["room"] as? String == "red-hall")
    #expect(object["provenance"] != nil)
    let failure = try #require(CLI.failure(["here", "WAIC:ZONE:H3-C"]))
    #expect(failure.contains("unknown zone or room 'WAIC:ZONE:H3-C'; did you mean WAIC:ZONE:H3-A"))
  }

  @Test("hiwaic qr-posters: every zone and room, as text, JSON and printable SVG files")
  func posters() throws {
    let objects = try CLI.json(["qr-posters"])
    #expect(objects.count == 18)
    #expect(objects.allSatisfy { ($0["code"] as? String)?.hasPrefix("WAIC:") == true })
    #expect(objects.first?["code"] as? String == "WAIC:ZONE:H1-A")
    #expect(objects.first?["zone"] as? String == "H1-A")
    let text = try CLI.render(["qr-posters"])
    #expect(text.split(separator: "\n").count == 18)
    #expect(text.contains("WAIC:ROOM:SHANGHAI-TOWER-HALL  Shanghai Tower conference hall"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-posters-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try CLI.render(["qr-posters", "--format", "svg", "--output", directory.path])
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(files.count == 18 && written.split(separator: "\n").count == 18)
    let svg = try String(
      contentsOf: directory.appendingPathComponent("WAIC-ZONE-H1-A.svg"), encoding: .utf8)
    #expect(svg.hasPrefix("<svg") && svg.contains("WAIC:ZONE:H1-A · Large models 大模型专区"))
    #expect(CLI.failure(["qr-posters", "--format", "svg"])?.contains("give --output DIR") == true)
  }

  @Test("hiwaic kiosk-pin prints a hash line that checks the PIN, and refuses weak PINs")
  func kioskPin() throws {
    let result = try CLI.run(["kiosk-pin"], input: Data("73519246\n".utf8))
    #expect(result.status == 0)
    let line = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(line.hasPrefix("admin_pin_hash = $y$"))
    let configuration = try KioskConfiguration.parse(line, path: "kiosk.conf")
    let pin = try AdminPin(hash: try #require(configuration.adminPinHash))
    #expect(pin.matches("73519246") && !pin.matches("73519245"))
    let weak = try CLI.run(["kiosk-pin"], input: Data("12\n".utf8))
    #expect(weak.status != 0 && weak.error.contains("4 to 32 characters"))
  }

  @Test("--kiosk without a PIN, with a broken file or a bad --idle: a clear message, exit 2")
  func kioskSetUpErrors() throws {
    let noPin = try CLI.run(
      ["--kiosk", "--config", "/nonexistent/kiosk.conf"], environment: ["HIWAIC_ADMIN_PIN": ""])
    #expect(noPin.status == 2)
    #expect(noPin.error.contains("cannot read the kiosk configuration /nonexistent/kiosk.conf"))
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-kiosk-\(UUID().uuidString.prefix(8)).conf")
    defer { try? FileManager.default.removeItem(at: file) }
    try "at = eh-1f-north\n".write(to: file, atomically: true, encoding: .utf8)
    let missing = try CLI.run(
      ["--kiosk", "--config", file.path], environment: ["HIWAIC_ADMIN_PIN": ""])
    #expect(missing.status == 2 && missing.error.contains("kiosk mode needs an operator PIN"))
    try "idle = 10\nadmin_pin_hash = 1234\n".write(to: file, atomically: true, encoding: .utf8)
    let broken = try CLI.run(
      ["--kiosk", "--config", file.path], environment: ["HIWAIC_ADMIN_PIN": ""])
    #expect(broken.status == 2 && broken.error.contains("is not a crypt(3) hash"))
    let weak = try CLI.run(["--kiosk"], environment: ["HIWAIC_ADMIN_PIN": "12"])
    #expect(weak.status == 2 && weak.error.contains("4 to 32 characters"))
    let idle = try CLI.run(["--kiosk", "--idle", "1"], environment: ["HIWAIC_ADMIN_PIN": "2468"])
    #expect(idle.status != 0 && idle.error.contains("--idle must be seconds from 2 to 86400"))
    // A fleet file that cannot be used stops the kiosk before its screen opens, saying why.
    try "fleet = fleet.conf\n".write(to: file, atomically: true, encoding: .utf8)
    let noFleet = try CLI.run(
      ["--kiosk", "--config", file.path], environment: ["HIWAIC_ADMIN_PIN": "24682468"])
    #expect(noFleet.status == 2, "\(noFleet.error)")
    #expect(noFleet.error.contains("hiwaic: fleet: "), "\(noFleet.error)")
    #expect(noFleet.error.contains("fleet.conf: the file is missing"), "\(noFleet.error)")
  }
}
