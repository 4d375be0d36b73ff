import Foundation
import Testing

/// The systemd units of contrib/kiosk, checked as far as a machine without systemd running can.
@Suite("contrib/kiosk systemd units")
struct KioskContribTests {
  static let directory = CLI.repository.appendingPathComponent("contrib/kiosk")

  @Test(
    "each unit verifies with systemd-analyze and restarts at once, forever",
    arguments: ["hiwaic-kiosk", "hiwaic-kiosk-kmscon", "hiwaic-kiosk-cage"])
  func unitVerifies(name: String) throws {
    let original = try String(
      contentsOf: Self.directory.appendingPathComponent(name + ".service"), encoding: .utf8)
    #expect(original.contains("\nRestart=always\n"))
    #expect(original.contains("\nRestartSec=100ms\n"))
    #expect(original.contains("\nStartLimitIntervalSec=0\n"))
    #expect(original.contains("/usr/local/bin/hiwaic --kiosk --config /etc/hiwaic/kiosk.conf"))
    // The installed binary is the one just built; kmscon and cage are not installed in CI.
    let unit = original.replacingOccurrences(of: "/usr/local/bin/hiwaic", with: CLI.binary.path)
      .replacingOccurrences(of: "/usr/bin/kmscon", with: "/bin/true")
      .replacingOccurrences(of: "/usr/bin/cage", with: "/bin/true")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-units-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name + ".service")
    try unit.write(to: file, atomically: true, encoding: .utf8)
    let log = folder.appendingPathComponent("verify.log")
    let status = system(
      "systemd-analyze verify '\(file.path)' >'\(log.path)' 2>&1 </dev/null")
    let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    try #require(status != 127 << 8, "systemd-analyze is missing (Debian's systemd package)")
    #expect(status == 0, "\(output)")
    // Warnings (an unknown key, a bad value) do not change the status: there must be none.
    #expect(output.isEmpty, "\(output)")
  }

  @Test("the example configuration is what hiwaic reads, apart from the placeholder hash")
  func exampleConfiguration() throws {
    let result = try CLI.run(
      ["--kiosk", "--config", Self.directory.appendingPathComponent("kiosk.conf.example").path],
      environment: ["HIWAIC_ADMIN_PIN": ""])
    #expect(result.status == 2)
    #expect(result.error.contains("is not a crypt(3) hash"))
  }
}
