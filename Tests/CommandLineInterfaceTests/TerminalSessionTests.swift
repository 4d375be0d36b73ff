import Foundation
import Testing

/// A real terminal for end-to-end tests: hiwaic runs in a tmux pane of its own server; tests
/// type keys and poll the pane until the expected screen shows, never sleeping fixed times.
final class TmuxSession {
  let socket: String
  let name = "hiwaic"

  init(command: String, width: Int = 100, height: Int = 30) throws {
    socket =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "hiwaic-tmux-\(UUID().uuidString.prefix(8))"
      ).path
    // The exit status stays on screen after the program ends, for the test to read. A
    // knowledge store of its own (unless the command names one), never the user's.
    let script =
      "HIWAIC_KNOWLEDGE=\"${HIWAIC_KNOWLEDGE:-\(socket)-knowledge/k.sqlite}\"; export HIWAIC_KNOWLEDGE; "
      + "\(command); echo \"EXITED:$?\"; sleep 600"
    try Self.tmux([
      "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y",
      "\(height)", "sh", "-c", script,
    ])
  }

  deinit {
    _ = try? Self.tmux(["-S", socket, "kill-server"])
    try? FileManager.default.removeItem(atPath: socket)
    try? FileManager.default.removeItem(atPath: socket + "-knowledge")
  }

  /// Runs tmux through the shell (fork, exec, wait: nothing of the test process is inherited
  /// by the tmux server but the files named here) and returns what it printed.
  @discardableResult
  static func tmux(_ arguments: [String]) throws -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-tmux-out-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: output) }
    let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let status = system(
      "tmux " + quoted.joined(separator: " ") + " >'\(output.path)' 2>/dev/null </dev/null")
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    if status != 0 && arguments.first != "-V" && !arguments.contains("kill-server") {
      throw TmuxError(description: "tmux \(arguments.joined(separator: " ")) failed (\(status))")
    }
    return text
  }

  struct TmuxError: Error, CustomStringConvertible { var description: String }

  static var available: Bool {
    (try? tmux(["-V"]))?.hasPrefix("tmux") == true
  }

  func keys(_ keys: String...) throws {
    try Self.tmux(["-S", socket, "send-keys", "-t", name] + keys)
  }
  func type(_ text: String) throws {
    try Self.tmux(["-S", socket, "send-keys", "-t", name, "-l", text])
  }
  func resize(_ width: Int, _ height: Int) throws {
    try Self.tmux(["-S", socket, "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }
  var screen: String { (try? Self.tmux(["-S", socket, "capture-pane", "-p", "-t", name])) ?? "" }

  /// Polls the pane until `condition` holds (or 20 s pass); returns the last screen seen.
  @discardableResult
  func waitFor(
    _ description: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) -> String {
    let deadline = Date().addingTimeInterval(20)
    var last = ""
    while Date() < deadline {
      last = screen
      if condition(last) { return last }
      // The program has ended: what it did not show, it will not show.
      if last.contains("EXITED:") { break }
      usleep(30_000)
    }
    Issue.record(
      "timed out waiting for \(description); screen:\n\(last)", sourceLocation: sourceLocation)
    return last
  }

  @discardableResult
  func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    waitFor("“\(text)”", sourceLocation: sourceLocation) { $0.contains(text) }
  }
}

@Suite("hiwaic in a real terminal (tmux)", .serialized)
struct TerminalSessionTests {
  static let binary = CLI.binary.path
  /// Keeps nothing between runs, so that no test sees another's favourites.
  static let base = "\(binary) --now 2025-07-26T10:00 --at eh-1f-north --no-state"
  static let stateful = "\(binary) --now 2025-07-26T10:00 --at eh-1f-north"

  init() throws {
    try #require(
      TmuxSession.available, "tmux is needed for the end-to-end tests: make deps installs it")
  }

  @Test("start, ask, see the answer, open the map with the way, switch language, resize, quit")
  func session() throws {
    let tmux = try TmuxSession(command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base)
    tmux.waitFor("Ask ›")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    tmux.waitFor("H3-A01")
    tmux.waitFor("▶ Show on map")
    try tmux.keys("Enter")
    let map = tmux.waitFor("the map with the way") { $0.contains("[5 Map]") && $0.contains("•") }
    #expect(map.contains("X"))
    #expect(map.contains("2F"))
    try tmux.keys("F9")
    tmux.waitFor("[5 地图]")
    tmux.waitFor("您在这里")
    try tmux.resize(40, 10)
    tmux.waitFor("Please enlarge")
    try tmux.resize(120, 40)
    tmux.waitFor("the map again, wide") { $0.contains("图例") && !$0.contains("Please enlarge") }
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("a storm of resizes and keys leaves a working screen")
  func resizeStorm() throws {
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base + " --lang zh")
    tmux.waitFor("提问 ›")
    for step in 0..<40 {
      try tmux.resize(20 + (step * 37) % 180, 5 + (step * 17) % 60)
      if step % 5 == 0 { try tmux.keys("Tab") }
    }
    try tmux.resize(100, 30)
    try tmux.keys("F2")
    tmux.waitFor("[2 问答]")
    try tmux.type("宇树科技在哪里？")
    try tmux.keys("Enter")
    tmux.waitFor("H3-A01")
    try tmux.keys("C-q")
    tmux.waitFor("EXITED:0")
  }

  @Test("no TERM, TERM=dumb and an unknown TERM: a clear message and exit status 2")
  func hostileTerminals() throws {
    let cases = [
      ("env -u TERM " + Self.base, "TERM is not set"),
      ("TERM=dumb " + Self.base, "cannot move the cursor"),
      ("TERM=no-such-terminal-xyz " + Self.base, "is unknown here"),
    ]
    for (command, message) in cases {
      let tmux = try TmuxSession(command: command)
      let screen = tmux.waitFor("exit of \(command)") { $0.contains("EXITED:") }
      #expect(screen.contains(message), "\(command)")
      #expect(screen.contains("EXITED:2"), "\(command)")
    }
  }

  @Test("a non-UTF-8 locale still draws Chinese (falls back to C.UTF-8)")
  func nonUTF8Locale() throws {
    let tmux = try TmuxSession(
      command: "LANG=C LC_ALL=C TERM=screen-256color " + Self.base + " --lang zh")
    tmux.waitFor("问答")
    tmux.waitFor("城市漫步")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("NO_COLOR and a 1x1 terminal: no crash, and quitting still works")
  func tiny() throws {
    let tmux = try TmuxSession(
      command: "NO_COLOR=1 LANG=C.UTF-8 TERM=screen-256color " + Self.base, width: 1, height: 1)
    usleep(300_000)
    try tmux.resize(80, 24)
    tmux.waitFor("Ask ›")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("favourites, the plan and recent questions survive a restart; a corrupt file is set aside")
  func stateSurvivesRestart() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-xdg-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: home) }
    let command =
      "XDG_STATE_HOME='\(home.path)' LANG=C.UTF-8 TERM=screen-256color " + Self.stateful
    let file = home.appendingPathComponent("hiwaic/waic2025.json")

    let first = try TmuxSession(command: command)
    first.waitFor("Ask ›")
    try first.type("where is Unitree?")
    try first.keys("Enter")
    first.waitFor("Add Unitree Robotics to my plan")
    try first.keys("Down", "Down", "Enter")
    first.waitFor("★ Unitree Robotics is in my plan")
    try first.keys("F6")
    try first.type("robotics")
    try first.keys("Down", "Down", "Down", "Down", "Down", "Down", "Down", "Enter")
    first.waitFor("a plan") { $0.contains("Unitree") && $0.contains("[6 Plan]") }
    // Quitting at once loses nothing: the file was written as things changed.
    try first.keys("F10")
    first.waitFor("EXITED:0")
    #expect(FileManager.default.fileExists(atPath: file.path))

    let second = try TmuxSession(command: command)
    second.waitFor("Ask ›")
    try second.keys("Up")
    second.waitFor("Ask › where is Unitree?")
    try second.keys("F8")
    second.waitFor("Unitree Robotics")
    try second.keys("F6")
    second.waitFor("the plan again") { $0.contains("robotics") && $0.contains("Unitree") }
    try second.keys("F10")
    second.waitFor("EXITED:0")

    try Data("{ this is not json".utf8).write(to: file)
    let third = try TmuxSession(command: command)
    third.waitFor("could not be read")
    try third.keys("F8")
    let mine = third.waitFor("an empty plan") { $0.contains("[8 Mine]") }
    #expect(!mine.contains("Unitree Robotics"))
    try third.keys("F10")
    third.waitFor("EXITED:0")
    let kept = try FileManager.default.contentsOfDirectory(
      atPath: file.deletingLastPathComponent().path)
    #expect(kept.contains { $0.hasPrefix("waic2025.json.corrupt-") })
  }

  @Test("--no-state keeps nothing")
  func noState() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-xdg-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: home) }
    let tmux = try TmuxSession(
      command: "XDG_STATE_HOME='\(home.path)' LANG=C.UTF-8 TERM=screen-256color " + Self.base)
    tmux.waitFor("Ask ›")
    try tmux.type("where is Unitree?")
    try tmux.keys("Enter")
    tmux.waitFor("Add Unitree Robotics to my plan")
    try tmux.keys("Down", "Down", "Enter")
    tmux.waitFor("★ Unitree Robotics is in my plan")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
    #expect(!FileManager.default.fileExists(atPath: home.path))
  }

  @Test("a long plan at 80×24 scrolls to its end with PgDn")
  func longPlanScrolls() throws {
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base, width: 80, height: 24)
    tmux.waitFor("Ask ›")
    try tmux.keys("F6")
    tmux.waitFor("Time budget")
    // Down to the budget (interests, must-see, sessions, start place, end place, start time).
    try tmux.keys("Down", "Down", "Down", "Down", "Down", "Down", "C-u")
    try tmux.type("4h")
    try tmux.keys("Down", "Down", "Enter")
    tmux.waitFor("↓ PgDn")
    var screen = tmux.screen
    #expect(!screen.contains("interest score"))
    for _ in 0..<10 where !screen.contains("interest score") {
      try tmux.keys("NPage")
      usleep(100_000)
      screen = tmux.screen
    }
    #expect(screen.contains("interest score"))
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("the map zoomed in and panned draws nothing outside its frame; / finds and centres")
  func mapZoomAndFind() throws {
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base, width: 80, height: 24)
    tmux.waitFor("Ask ›")
    try tmux.keys("F5")
    tmux.waitFor("the map") { $0.contains("[5 Map]") && $0.contains("┌") }
    // Page to the Expo Center's first floor, zoom in twice and pan: the tab bar, the title
    // row, the legend and the status line stay exactly as they were.
    let outside = { (screen: String) -> [String] in
      let lines = screen.components(separatedBy: "\n")
      return Array(lines.prefix(1)) + Array(lines.suffix(3))
    }
    for _ in 0..<4 {
      try tmux.keys("]")
      usleep(50_000)
    }
    let floor = tmux.screen
    try tmux.keys("+", "+", "Left", "Left", "Up")
    usleep(200_000)
    let zoomed = tmux.screen
    #expect(outside(zoomed) == outside(floor))
    #expect(zoomed.components(separatedBy: "\n")[1] == floor.components(separatedBy: "\n")[1])
    try tmux.keys("/")
    try tmux.type("Unitree")
    try tmux.keys("Enter")
    tmux.waitFor("Booth ~H3-A01 · Unitree Robotics")
    let found = tmux.screen
    #expect(found.contains("X"))
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("the schedule filter finds a speaker on another day, with the count per day")
  func scheduleSearchAcrossDays() throws {
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color \(Self.binary) --now 2025-07-27T10:00 --no-state",
      width: 100, height: 30)
    tmux.waitFor("Ask ›")
    try tmux.keys("F4")
    tmux.waitFor("[• Sun 27 July]")
    try tmux.keys("/")
    try tmux.type("hinton")
    let screen = tmux.waitFor("[Sat 26 July (1)]")
    #expect(screen.contains("Main Forum"))
    #expect(screen.contains("Sun 27 July (0)"))
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("a City Walk goes into my plan with its timing")
  func cityWalkToPlan() throws {
    let tmux = try TmuxSession(command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base)
    tmux.waitFor("Ask ›")
    try tmux.keys("F7")
    tmux.waitFor("From Sat 26 July 10:00")
    try tmux.keys("Down", "]", "a")
    tmux.waitFor("from 10:30 is in my plan")
    try tmux.keys("F8")
    tmux.waitFor("10:30 City Walk 2")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("Talks & Q&A: the pack's starter notes, searched as you type, and back to the session")
  func talks() throws {
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base, width: 120, height: 40)
    tmux.waitFor("Ask ›")
    try tmux.keys("F4")
    tmux.waitFor("Filter (/)")
    try tmux.keys("0")
    tmux.waitFor("recorded talks and Q&A rounds")
    try tmux.type("multilateral")
    tmux.waitFor("1 passage found")
    try tmux.keys("Enter", "Enter")
    tmux.waitFor("What the press reported was said (0 for all):")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }

  @Test("For you: a role and an interest give explained recommendations")
  func forYou() throws {
    let tmux = try TmuxSession(
      command: "LANG=C.UTF-8 TERM=screen-256color " + Self.base, width: 120, height: 40)
    tmux.waitFor("Ask ›")
    try tmux.keys("BTab", "BTab", "BTab")
    tmux.waitFor("Tell me who you are")
    try tmux.keys("Right")
    tmux.waitFor("I am: ‹ investor ›")
    tmux.waitFor("for you as investor: Start-ups and investment")
    try tmux.keys("F10")
    tmux.waitFor("EXITED:0")
  }
}
