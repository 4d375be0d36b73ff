import EventModel
import Foundation
import Knowledge
import QRTestSupport
import Testing

/// Kiosk mode on the real binary in a real terminal (tmux).
@Suite("hiwaic --kiosk in a real terminal (tmux)", .serialized)
struct KioskSessionTests {
  static let pin = "97531864"
  /// The test's kiosk state folders, removed when it is done.
  let scratch = ScratchFolders()

  /// The kiosk command with a state folder of the test's own.
  func command(_ extra: String = "") -> String {
    Self.command(extra, state: scratch.make("hiwaic-kiosk"))
  }

  /// The kiosk command keeping its state in `state`. Each run keeps its PIN lockout in a
  /// folder of its own, so that one test's wrong PINs do not lock the next test out.
  static func command(_ extra: String, state: URL) -> String {
    // XDG_STATE_HOME too: a kiosk must never write a visitor's state there (checked below).
    return "HIWAIC_ADMIN_PIN=\(pin) STATE_DIRECTORY='\(state.path)' XDG_STATE_HOME='\(state.path)'"
      + " HIWAIC_KNOWLEDGE='\(state.path)/knowledge.sqlite'"
      + " LANG=C.UTF-8"
      + " TERM=screen-256color \(CLI.binary.path) --kiosk"
      + " --now 2025-07-26T10:00 --at eh-1f-north \(extra)"
  }

  init() throws {
    try #require(
      TmuxSession.available, "tmux is needed for the end-to-end tests: make deps installs it")
  }

  @Test("Ctrl-C, Ctrl-Z, Ctrl-\\, F10 and q do nothing; the kiosk keeps answering")
  func noWayOut() throws {
    let tmux = try TmuxSession(command: command())
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    tmux.waitFor("Ask ›")
    for key in ["C-c", "C-z", "C-\\", "F10", "C-q", "C-d", "q"] {
      try tmux.keys(key)
    }
    try tmux.keys("BSpace")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    let screen = tmux.waitFor("H3-A01")
    #expect(!screen.contains("EXITED") && !screen.contains("Stopped"))
  }

  @Test("the operator chord: a wrong PIN does not exit, the right PIN does")
  func operatorExit() throws {
    let tmux = try TmuxSession(command: command())
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("C-\\", "C-\\", "C-\\")
    tmux.waitFor("Operator · enter the PIN")
    try tmux.type("0000")
    try tmux.keys("Enter")
    tmux.waitFor("Wrong PIN.")
    usleep(200_000)
    #expect(!tmux.screen.contains("EXITED"))
    try tmux.type(Self.pin)
    try tmux.keys("Enter")
    tmux.waitFor("q  Leave kiosk mode")
    try tmux.keys("q")
    tmux.waitFor("EXITED:0")
  }

  @Test("idle: the countdown shows, then the attract screen, and the last visitor is gone")
  func idleReset() throws {
    let state = scratch.make("hiwaic-kiosk")
    let tmux = try TmuxSession(command: Self.command("--idle 3", state: state))
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    tmux.waitFor("H3-A01")
    tmux.waitFor("Still there? Touch any key")
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    let after = tmux.waitFor("Ask ›")
    #expect(!after.contains("H3-A01") && !after.contains("where is Unitree?"))
    // No way back to the old answer.
    try tmux.keys("Escape", "Escape", "PageUp", "PageUp")
    usleep(300_000)
    #expect(!tmux.screen.contains("H3-A01"))
    // The anonymous log kept the question through the reset, with the kiosk's place.
    let store = try KnowledgeStore(path: state.appendingPathComponent("knowledge.sqlite").path)
    let logged = try store.loggedQuestions().map(\.question)
    #expect(logged.map(\.text) == ["where is Unitree?"])
    #expect(logged.first?.channel == "kiosk" && logged.first?.place == "eh-1f-north")
    #expect(logged.first?.answered == true)
  }

  @Test("a scanner's code, typed fast with Enter, opens Here & now from any screen")
  func scannedCode() throws {
    let tmux = try TmuxSession(command: command(), width: 120, height: 40)
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    try tmux.keys("F5")
    tmux.waitFor("[5 Map]")
    try tmux.keys("W", "A", "I", "C", ":", "Z", "O", "N", "E", ":", "H", "3", "-", "A", "Enter")
    tmux.waitFor("Here & now: Zone H3-A Humanoid robots")
    tmux.waitFor("Unitree Robotics")
    tmux.waitFor("The way from this kiosk")
  }

  @Test("the QR hand-off on screen decodes to the answer (zbarimg on the captured cells)")
  func handOffDecodes() throws {
    let tmux = try TmuxSession(command: command(), width: 160, height: 70)
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    tmux.waitFor("Take this to my phone (QR code)")
    // ↓ from the empty question line goes to the first action, two more to the hand-off.
    try tmux.keys("Down", "Down", "Down", "Enter")
    // The title comes before the code is drawn, and the code is drawn in pieces: wait until a
    // code is on screen and the screen has stopped changing.
    var previous = ""
    let screen = tmux.waitFor("a settled QR code under “Scan with your phone's camera”") { now in
      defer { previous = now }
      return now.contains("Scan with your phone's camera") && now == previous
        && QRScreenDecoder.code(inScreen: now.components(separatedBy: "\n")) != nil
    }
    let lines = try #require(QRScreenDecoder.code(inScreen: screen.components(separatedBy: "\n")))
    let decoded = try QRScreenDecoder.decode(halfBlocks: lines)
    let ask = try CLI.run([
      "ask", "where is Unitree?", "--at", "eh-1f-north", "--now", "2025-07-26T10:00", "--format",
      "json",
    ])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(ask.output.utf8)) as? [String: Any])
    let text = try #require(object["text"] as? String)
    #expect(decoded == "WAIC 2025 · where is Unitree?\n" + text)
  }

  @Test("three taps: a role chip on the attract screen, an interest, a recommendation")
  func threeTaps() throws {
    let tmux = try TmuxSession(command: command(), width: 120, height: 40)
    let attract = tmux.waitFor("the role chips") {
      $0.contains("I'm a… 我是…") && $0.contains(" family visitor ")
    }
    /// Taps the first cell of `text` on `screen` with an xterm mouse report (press, release).
    func tap(_ text: String, on screen: String) throws {
      let rows = screen.components(separatedBy: "\n")
      guard let y = rows.firstIndex(where: { $0.contains(text) }),
        let range = rows[y].range(of: text)
      else {
        Issue.record("no “\(text)” on screen:\n\(screen)")
        return
      }
      // The column as displayed (from 0): every character before it, wide ones counting two;
      // an xterm report gives column + 33 and row + 33.
      let x = rows[y][..<range.lowerBound].reduce(0) {
        $0 + ($1.unicodeScalars.first.map { $0.value >= 0x1100 } == true ? 2 : 1)
      }
      for button in [32, 35] {
        try tmux.type(
          String(UnicodeScalar(27)) + "[M" + String(UnicodeScalar(button)!)
            + String(UnicodeScalar(x + 33)!) + String(UnicodeScalar(y + 33)!))
      }
    }
    try tap(" family visitor ", on: attract)
    let forYou = tmux.waitFor("For you with the family role") {
      $0.contains("‹ family visitor ›") && $0.contains("Service robots")
        && !$0.contains("I'm a… 我是…")
    }
    try tap("Service robots", on: forYou)
    let picks = tmux.waitFor("recommendations") {
      $0.contains("[x] Service robots") && $0.contains("hands-on")
    }
    #expect(picks.contains("shares Service robots with your interests"))
  }

  @Test("10,000 random keys, mouse events, pastes and resizes: still running and answering")
  func monkey() throws {
    let state = scratch.make("hiwaic-kiosk")
    let tmux = try TmuxSession(command: Self.command("--idle 5", state: state))
    tmux.waitFor("Touch or press any key to start")
    var random = SplitMix64(seed: 7)
    let keys = [
      "a", "q", "Q", "l", "1", "5", "8", "?", "/", "+", "-", "[", "]", "h", "m", "e", "f", "W",
      "Space", "Enter", "Escape", "Tab", "BTab", "BSpace", "DC", "IC", "Up", "Down", "Left",
      "Right", "Home", "End", "PPage", "NPage", "C-c", "C-z", "C-\\", "C-q", "C-d", "C-r", "C-s",
      "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12",
    ]
    var sent = 0
    while sent < 10_000 {
      let batch = (0..<100).map { _ in keys[Int(random.next() % UInt64(keys.count))] }
      try tmux.keys(batch)
      sent += batch.count
      switch random.next() % 4 {
      case 0:
        // A touch and a wheel turn, as an xterm mouse report.
        let x = 33 + Int(random.next() % 90)
        let y = 33 + Int(random.next() % 28)
        for button in [32, 96] {
          try tmux.type(
            String(UnicodeScalar(27)) + "[M" + String(UnicodeScalar(button)!)
              + String(UnicodeScalar(x)!) + String(UnicodeScalar(y)!))
        }
      case 1:
        try tmux.type("宇树科技在哪里？where is Unitree? WAIC:ZONE:H1-A 😀 \u{202E}evil")
      case 2:
        try tmux.resize(20 + Int(random.next() % 180), 5 + Int(random.next() % 60))
      default: break
      }
    }
    try tmux.resize(100, 30)
    // Whatever state it is in, the idle reset brings the attract screen back.
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    let screen = tmux.waitFor("H3-A01")
    #expect(!screen.contains("EXITED"))
    // Of all those visitors nothing is kept: the only files are the PIN guard's and the
    // knowledge store (its anonymous question log).
    let kept = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
    #expect(
      kept.allSatisfy { $0 == "kiosk-pin-guard.json" || $0.hasPrefix("knowledge.sqlite") },
      "\(kept)")
  }
}

extension TmuxSession {
  func keys(_ keys: [String]) throws {
    try Self.tmux(["-S", socket, "send-keys", "-t", name] + keys)
  }
}
