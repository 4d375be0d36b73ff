import Foundation
import Testing

@testable import Kiosk

@Suite("Kiosk: PIN from the environment, lockout kept on disk")
final class KioskHardeningUnitTests {
  /// The test's own folder for the lockout file, removed when it is done.
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "hiwaic-guard-\(UUID().uuidString.prefix(8))")

  deinit { try? FileManager.default.removeItem(at: folder) }

  @Test("the PIN is taken from the environment, hashed, and its value wiped from the block")
  func environmentScrubbed() throws {
    let name = "HIWAIC_TEST_PIN_\(UUID().uuidString.prefix(6))"
    setenv(name, "24681357", 1)
    let value = try #require(getenv(name))
    let pin = try #require(try AdminPin.takeFromEnvironment(name))
    #expect(pin.matches("24681357"))
    #expect(getenv(name) == nil)
    // setenv copied "NAME=24681357" into memory of its own; that memory now holds zeros.
    #expect(value.pointee == 0)
    #expect(try AdminPin.takeFromEnvironment(name) == nil)
    setenv(name, "12", 1)
    #expect(throws: KioskSetupError.weakPin) { try AdminPin.takeFromEnvironment(name) }
    #expect(getenv(name) == nil, "scrubbed even when refused")
    setenv(name, "1234\u{1B}[2J", 1)
    #expect(throws: KioskSetupError.weakPin) { try AdminPin.takeFromEnvironment(name) }
  }

  func store() -> PinGuardStore {
    PinGuardStore(path: folder.appendingPathComponent("state/kiosk-pin-guard.json").path)
  }

  @Test("a lockout saved to disk is the lockout after a restart")
  func roundTrip() throws {
    let store = store()
    let now = Date(timeIntervalSince1970: 1_753_495_200)
    #expect(store.load(now: now) == PinGuard())
    var guardState = PinGuard()
    for _ in 0..<4 { guardState.recordFailure(at: now) }
    try store.save(guardState)
    let restored = store.load(now: now)
    #expect(restored.consecutiveFailures == 4)
    #expect(restored.lockRemaining(at: now.addingTimeInterval(59)) != nil)
    #expect(restored.lockRemaining(at: now.addingTimeInterval(61)) == nil)
    let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions]
    #expect(mode as? Int == 0o600)
  }

  @Test("a spoiled state file locks rather than giving fresh tries")
  func corruptLocks() throws {
    let store = store()
    let now = Date()
    try store.save(PinGuard())
    for contents in ["{", "{\"consecutiveFailures\": -5}", String(repeating: "x", count: 10_000)] {
      try Data(contents.utf8).write(to: URL(fileURLWithPath: store.path))
      #expect(store.load(now: now).lockRemaining(at: now) != nil, "\(contents.prefix(20))")
    }
  }

  @Test("the default place: systemd's state directory, then XDG, then home")
  func defaultPath() {
    #expect(
      PinGuardStore.defaultPath(environment: ["STATE_DIRECTORY": "/var/lib/hiwaic", "HOME": "/h"])
        == "/var/lib/hiwaic/kiosk-pin-guard.json")
    #expect(
      PinGuardStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
        == "/s/hiwaic/kiosk-pin-guard.json")
    #expect(
      PinGuardStore.defaultPath(environment: ["HOME": "/h"])
        == "/h/.local/state/hiwaic/kiosk-pin-guard.json")
    #expect(PinGuardStore.defaultPath(environment: [:]) == nil)
  }

  @Test("configuration: pin_state must be absolute; files over 64 KB are refused")
  func configuration() throws {
    let parsed = try KioskConfiguration.parse("pin_state = /var/lib/x.json\n", path: "k.conf")
    #expect(parsed.pinState == "/var/lib/x.json")
    #expect(throws: KioskSetupError.self) {
      try KioskConfiguration.parse("pin_state = relative.json\n", path: "k.conf")
    }
    #expect(throws: KioskSetupError.self) {
      try KioskConfiguration.load(path: "/dev/zero", required: true)
    }
  }

  @Test("configuration: the question log is on or off, kept 1 to 3650 days")
  func questionLog() throws {
    let parsed = try KioskConfiguration.parse(
      "log = off\nlog_retention_days = 30\n", path: "k.conf")
    #expect(parsed.logQuestions == false && parsed.logRetentionDays == 30)
    #expect(try KioskConfiguration.parse("", path: "k.conf").logQuestions == nil)
    for bad in ["log = maybe", "log_retention_days = 0", "log_retention_days = 9999999999999"] {
      #expect(throws: KioskSetupError.self) {
        try KioskConfiguration.parse(bad + "\n", path: "k.conf")
      }
    }
  }
}
