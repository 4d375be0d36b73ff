import Foundation
import Testing

/// The kiosk against crashes, signals and restarts, on the real binary in tmux. The command runs
/// in a loop, as systemd's Restart=always would run it; after each run the loop prints how it
/// ended and the terminal's line settings, so the test sees what a restart would inherit.
@Suite("hiwaic --kiosk: crashes, signals and restarts (tmux)", .serialized)
struct KioskHardeningTests {
  static let pin = "97531864"

  /// The test's kiosk state folder, removed when it is done.
  let scratch = ScratchFolders()
  let state: URL

  init() throws {
    try #require(
      TmuxSession.available, "tmux is needed for the end-to-end tests: make deps installs it")
    state = scratch.make("hiwaic-kiosk-state")
  }

  /// Up to `runs` kiosks one after another in one pane, each followed by its exit status and
  /// whether the terminal is back in canonical mode with echo.
  func kioskLoop(runs: Int = 2) throws -> TmuxSession {
    let kiosk =
      "HIWAIC_ADMIN_PIN=\(Self.pin) STATE_DIRECTORY='\(state.path)' LANG=C.UTF-8"
      + " TERM=screen-256color \(CLI.binary.path) --kiosk --now 2025-07-26T10:00"
      + " --at eh-1f-north"
    let report =
      "echo \"RUN $i ENDED:$? $(stty -a | tr ' ;' '\\n\\n' | grep -x -E -e '-?icanon' -e '-?echo' | tr '\\n' ' ')\""
    return try TmuxSession(
      command:
        "for i in \((1...runs).map(String.init).joined(separator: " ")); do \(kiosk); \(report); done"
    )
  }

  /// The kiosk process in the pane (the child of the loop's shell).
  func kioskPID(_ tmux: TmuxSession) throws -> pid_t {
    let shell = try TmuxSession.tmux([
      "-S", tmux.socket, "display-message", "-p", "-t", tmux.name, "#{pane_pid}",
    ]).trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try String(
      contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    return try #require(children.split(separator: " ").compactMap { pid_t($0) }.last)
  }

  /// What tmux knows of the pane's modes: alternate screen and mouse reporting.
  func paneModes(_ tmux: TmuxSession) throws -> String {
    try TmuxSession.tmux([
      "-S", tmux.socket, "display-message", "-p", "-t", tmux.name,
      "alternate=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}",
    ]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test("the PIN from the environment is in neither /proc/PID/environ nor the kiosk's memory")
  func pinNotInMemory() throws {
    let tmux = try kioskLoop(runs: 1)
    tmux.waitFor("Touch or press any key to start")
    let pid = try kioskPID(tmux)
    let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
    #expect(environ.range(of: Data("HIWAIC_ADMIN_PIN".utf8)) != nil, "the variable was there")
    #expect(environ.range(of: Data(Self.pin.utf8)) == nil)
    // Every readable mapping, as a debugger's memory dump would see it.
    let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
    let memory = try #require(
      FileHandle(forReadingAtPath: "/proc/\(pid)/mem"), "reading another process's memory")
    defer { try? memory.close() }
    var found = 0
    var scanned = 0
    for line in maps.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count >= 2, fields[1].hasPrefix("r") else { continue }
      let range = fields[0].split(separator: "-").compactMap { UInt64($0, radix: 16) }
      guard range.count == 2, range[1] - range[0] < 1 << 30 else { continue }
      guard (try? memory.seek(toOffset: range[0])) != nil,
        let bytes = try? memory.read(upToCount: Int(range[1] - range[0]))
      else { continue }
      scanned += bytes.count
      var start = bytes.startIndex
      while let hit = bytes.range(of: Data(Self.pin.utf8), in: start..<bytes.endIndex) {
        found += 1
        start = hit.upperBound
      }
    }
    #expect(scanned > 1 << 20, "memory was read")
    #expect(found == 0, "the PIN is in the kiosk's memory \(found) times")
  }

  @Test("the question that once crashed a kiosk is answered, and the kiosk goes on")
  func oldCrashingQuestion() throws {
    let tmux = try kioskLoop(runs: 1)
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("Enter")
    for question in ["plan 9999999999999999999 hours", "day 9223372036854775808"] {
      try tmux.type(question)
      try tmux.keys("Enter")
    }
    try tmux.type("在第99999999999999999999天有什么论坛")
    try tmux.keys("Enter")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    let screen = tmux.waitFor("H3-A01")
    #expect(!screen.contains("ENDED"))
  }

  @Test(
    "SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGINT and SIGQUIT are ignored; SIGHUP, SIGTERM and SIGXCPU end with the terminal sane"
  )
  func signals() throws {
    let tmux = try kioskLoop(runs: 3)
    tmux.waitFor("Touch or press any key to start")
    let pid = try kioskPID(tmux)
    for signal in [SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM] {
      #expect(kill(pid, signal) == 0)
    }
    try tmux.keys("Enter")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    tmux.waitFor("H3-A01")
    #expect(kill(pid, SIGHUP) == 0)
    let screen = tmux.waitFor("RUN 1 ENDED")
    #expect(screen.contains("RUN 1 ENDED:129 icanon echo"), "line settings restored")
    #expect(try paneModes(tmux) == "alternate=0 mouse=000")
    // The other signals that end a process do the same; SIGINT and SIGQUIT stay ignored.
    for (run, signal, status) in [(2, SIGTERM, 143), (3, SIGXCPU, 152)] {
      tmux.waitFor("Touch or press any key to start")
      let next = try kioskPID(tmux)
      #expect(kill(next, SIGINT) == 0 && kill(next, SIGQUIT) == 0)
      try tmux.keys("Enter")
      tmux.waitFor("Ask ›")
      #expect(kill(next, signal) == 0)
      let after = tmux.waitFor("RUN \(run) ENDED")
      #expect(after.contains("RUN \(run) ENDED:\(status) icanon echo"))
      #expect(try paneModes(tmux) == "alternate=0 mouse=000")
    }
  }

  @Test("a crash ends the kiosk with the terminal sane and no debugger; the next run starts")
  func crashRestarts() throws {
    let tmux = try kioskLoop(runs: 3)
    for (run, signal, status) in [(1, SIGSEGV, 139), (2, SIGILL, 132)] {
      tmux.waitFor("Touch or press any key to start")
      try tmux.keys("Enter")
      tmux.waitFor("Ask ›")
      #expect(kill(try kioskPID(tmux), signal) == 0)
      let screen = tmux.waitFor("RUN \(run) ENDED")
      #expect(screen.contains("RUN \(run) ENDED:\(status) icanon echo"))
      #expect(!screen.contains("Press space") && !screen.contains("debug"))
    }
    // The third run: back on the attract screen, as after a restart.
    let screen = tmux.waitFor("Touch or press any key to start")
    #expect(!screen.contains("RUN 3 ENDED"))
  }

  @Test("the PIN lockout survives a crash and a restart")
  func lockoutSurvivesRestart() throws {
    let tmux = try kioskLoop(runs: 2)
    tmux.waitFor("Touch or press any key to start")
    try tmux.keys("C-\\", "C-\\", "C-\\")
    tmux.waitFor("Operator · enter the PIN")
    for wrong in ["0000", "1111", "2222"] {
      try tmux.type(wrong)
      try tmux.keys("Enter")
    }
    tmux.waitFor("Too many wrong PINs")
    #expect(kill(try kioskPID(tmux), SIGSEGV) == 0)
    tmux.waitFor("RUN 1 ENDED")
    tmux.waitFor("Touch or press any key to start")
    // The right PIN, right after the restart: still locked.
    try tmux.keys("C-\\", "C-\\", "C-\\")
    tmux.waitFor("Operator · enter the PIN")
    try tmux.type(Self.pin)
    try tmux.keys("Enter")
    let screen = tmux.waitFor("Too many wrong PINs")
    #expect(!screen.contains("RUN 2 ENDED"))
    let saved = try String(
      contentsOf: state.appendingPathComponent("kiosk-pin-guard.json"), encoding: .utf8)
    #expect(saved.contains("\"consecutiveFailures\":3"))
  }
}
