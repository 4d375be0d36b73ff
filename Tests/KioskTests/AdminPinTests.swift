import Foundation
import Testing

@testable import Kiosk

@Suite("Operator PIN")
struct AdminPinTests {
  @Test("a PIN is kept as a salted yescrypt hash that matches only that PIN")
  func hashAndMatch() throws {
    let pin = try AdminPin(pin: "24681357")
    #expect(pin.hash.hasPrefix("$y$"))
    #expect(!pin.hash.contains("24681357"))
    #expect(pin.matches("24681357"))
    for wrong in ["2468135", "24681358", "", " 24681357", String(repeating: "9", count: 200)] {
      #expect(!pin.matches(wrong), "\(wrong)")
    }
    // A fresh salt each time: the same PIN never gives the same hash.
    #expect(try AdminPin(pin: "24681357").hash != pin.hash)
    // The stored hash alone is enough to check, as from a configuration file.
    let fromFile = try AdminPin(hash: pin.hash)
    #expect(fromFile.matches("24681357") && !fromFile.matches("1234"))
  }

  @Test("short PINs, spaces and broken hashes are refused at start-up")
  func refusals() {
    #expect(throws: KioskSetupError.weakPin) { try AdminPin(pin: "123") }
    #expect(throws: KioskSetupError.weakPin) { try AdminPin(pin: "12 34") }
    #expect(throws: KioskSetupError.invalidPinHash("$y$nonsense")) {
      try AdminPin(hash: "$y$nonsense")
    }
    #expect(throws: KioskSetupError.invalidPinHash("2468")) { try AdminPin(hash: "2468") }
  }

  @Test("three wrong PINs lock the prompt for 30 s, doubling after each further one")
  func rateLimit() {
    var guardian = PinGuard()
    let start = Date(timeIntervalSince1970: 1_000_000)
    guardian.recordFailure(at: start)
    guardian.recordFailure(at: start)
    #expect(guardian.lockRemaining(at: start) == nil)
    guardian.recordFailure(at: start)
    #expect(guardian.lockRemaining(at: start) == 30)
    #expect(guardian.lockRemaining(at: start.addingTimeInterval(30)) == nil)
    guardian.recordFailure(at: start.addingTimeInterval(30))
    #expect(guardian.lockRemaining(at: start.addingTimeInterval(30)) == 60)
    for _ in 0..<20 { guardian.recordFailure(at: start) }
    #expect(guardian.lockRemaining(at: start) == PinGuard.longestLockout)
    guardian.recordSuccess()
    #expect(guardian.lockRemaining(at: start) == nil && guardian.consecutiveFailures == 0)
  }
}

@Suite("Kiosk configuration")
struct KioskConfigurationTests {
  @Test("keys, comments and blank lines")
  func parses() throws {
    let text = """
      # kiosk at the north entrance
      admin_pin_hash = $y$j9T$abc$def
      at = eh-1f-north

      idle = 90
      lang = zh
      """
    let configuration = try KioskConfiguration.parse(text, path: "k.conf")
    #expect(
      configuration
        == KioskConfiguration(
          adminPinHash: "$y$j9T$abc$def", at: "eh-1f-north", idleSeconds: 90, language: "zh"))
  }

  @Test("each mistake names the file and line")
  func mistakes() {
    let cases: [(String, String)] = [
      (
        "idle = 90\npin = 1234",
        "k.conf:2: unknown key 'pin' (known: admin_pin_hash, at, idle, lang, pin_state, log, log_retention_days, fleet)"
      ),
      ("at = a\nat = b", "k.conf:2: 'at' is set twice"),
      ("idle = soon", "k.conf:1: idle must be seconds from 2 to 86400, not 'soon'"),
      ("lang = fr", "k.conf:1: lang must be en or zh"),
      ("\n\njust words", "k.conf:3: expected key = value"),
      ("at =", "k.conf:1: 'at' has no value"),
    ]
    for (text, message) in cases {
      #expect {
        try KioskConfiguration.parse(text, path: "k.conf")
      } throws: { ($0 as? KioskSetupError)?.description == message }
    }
  }

  @Test("a configuration written on Windows (CRLF) reads line by line")
  func windowsLineEnds() throws {
    let configuration = try KioskConfiguration.parse(
      "at = eh-1f-north\r\nidle = 45\r\nlang = zh\r\n", path: "k.conf")
    #expect(configuration.at == "eh-1f-north")
    #expect(configuration.idleSeconds == 45)
    #expect(configuration.language == "zh")
  }

  @Test("the fleet file is found beside the kiosk's configuration when named relatively")
  func fleetFile() throws {
    #expect(
      try KioskConfiguration.parse("fleet = fleet.conf", path: "/etc/hiwaic/kiosk.conf").fleet
        == "/etc/hiwaic/fleet.conf")
    #expect(
      try KioskConfiguration.parse("fleet = /srv/f.conf", path: "/etc/hiwaic/kiosk.conf").fleet
        == "/srv/f.conf")
  }

  @Test("a missing default file is empty, a missing named file is an error")
  func missingFiles() throws {
    let path = "/nonexistent/hiwaic/kiosk.conf"
    #expect(try KioskConfiguration.load(path: path, required: false) == KioskConfiguration())
    #expect(throws: KioskSetupError.unreadableConfig(path: path, reason: "no such file")) {
      try KioskConfiguration.load(path: path, required: true)
    }
  }
}
