import App
import Assistant
import EventModel
import Foundation
import Kiosk
import TerminalUI

/// Issue 6's figures: 30 minutes of generated kiosk use (memory at start and end), QR hand-off
/// encoding, and a restart's start-up to the attract screen on the real binary.
enum KioskBench {
  static func run(waic: URL) throws {
    print("== Issue 6: kiosk mode")
    let assistant = try Assistant.load(packDirectory: waic)
    let env = AppEnvironment(assistant: assistant)
    let start = EventTime.parse("2025-07-26T10:00", zone: assistant.catalog.timeZone)!
    let settings = KioskSettings(adminPin: try AdminPin(pin: "bench-\(getpid())"), idleSeconds: 60)
    var state = AppState(width: 120, height: 40, now: start, here: "eh-1f-north")
    state.kiosk = KioskState(settings: settings, now: start)
    var now = start
    var events = 0
    var renders = 0
    func send(_ message: Message) {
      _ = AppUpdate.update(&state, message, env)
      _ = AppView.render(state, env)
      events += 1
      renders += 1
    }
    func tick(_ seconds: Double) {
      // The loop ticks four times a second.
      for _ in 0..<Int(seconds * 4) {
        now = now.addingTimeInterval(0.25)
        send(.tick(now))
      }
    }
    func type(_ text: String) {
      for key in KeyDecoder.keys(typing: text) { send(.input(.key(key))) }
    }
    let questions = [
      "where is Unitree?", "宇树科技在哪里？", "which forums on AI governance are tomorrow afternoon?",
      "plan me two hours of robotics", "Wo ist Huawei?", "where is the nearest restroom",
    ]
    let codes = ["WAIC:ZONE:H1-A\n", "WAIC:ZONE:H3-A\n", "WAIC:ROOM:RED-HALL\n"]
    // A visitor: wakes the kiosk, asks, hands an answer off, scans, browses, walks away.
    func visitor(_ index: Int) {
      send(.input(.key(.enter)))
      type(questions[index % questions.count] + "\n")
      tick(5)
      send(.input(.key(.down)))
      send(.input(.key(.enter)))
      tick(3)
      send(.input(.key(.escape)))
      type(codes[index % codes.count])
      tick(5)
      for key: Key in [
        .function(3), .down, .character("f"), .function(4), .right, .character("f"), .function(5),
        .character("+"), .function(8), .character("e"),
      ] {
        send(.input(.key(key)))
        tick(1)
      }
      send(.input(.key(.escape)))
      send(.input(.key(.function(9))))
      tick(10)
      if index % 3 == 0 { tick(61) }  // walks away: countdown and reset
    }
    for index in 0..<5 { visitor(index) }  // warm-up: caches, first allocations
    let startResident = currentResidentBytes()
    let begin = DispatchTime.now().uptimeNanoseconds
    let warmEnd = now
    var visitors = 0
    while now.timeIntervalSince(warmEnd) < 30 * 60 {
      visitor(visitors)
      visitors += 1
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000_000
    let endResident = currentResidentBytes()
    print(
      String(
        format:
          "30 min of kiosk use (simulated clock, %d visitors, %d resets, %d events, each rendered at 120x40) in %.1f s: resident memory %@ at start, %@ at end (%+.1f MB)",
        visitors, state.kiosk?.resets ?? 0, events, seconds, megabytes(startResident),
        megabytes(endResident), Double(endResident - startResident) / 1_048_576))

    var handOffs: [Double] = []
    var planned = AppState(width: 200, height: 110, now: start, here: "eh-1f-north")
    AppUpdate.ask("plan me two hours of robotics", &planned, env)
    _ = AppUpdate.update(&planned, .input(.key(.function(8))), env)
    for _ in 0..<20 {
      var probe = planned
      let began = DispatchTime.now().uptimeNanoseconds
      _ = AppUpdate.update(&probe, .input(.key(.character("p"))), env)
      handOffs.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1_000_000)
      precondition(probe.handOff?.shown != nil)
    }
    handOffs.sort()
    print(
      String(
        format: "QR hand-off of the plan (choose content, encode, 200x110): median %.2f ms",
        handOffs[10]))
    startUpToAttract()
  }

  /// The real binary under tmux: from starting it to the attract screen on the terminal, which
  /// is what a restart after a crash costs on top of systemd's RestartSec.
  static func startUpToAttract() {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("hiwaic").path
    guard system("tmux -V >/dev/null 2>&1") == 0,
      FileManager.default.isExecutableFile(atPath: binary)
    else {
      print("start-up to the attract screen: skipped (needs tmux and \(binary))")
      return
    }
    var times: [Double] = []
    for run in 0..<7 {
      let socket = "/tmp/hiwaic-bench-\(getpid())-\(run)"
      let capture = socket + ".txt"
      let began = DispatchTime.now().uptimeNanoseconds
      _ = system(
        "tmux -S \(socket) -f /dev/null new-session -d -x 100 -y 30 'HIWAIC_ADMIN_PIN=bench-pin LANG=C.UTF-8 TERM=screen-256color \(binary) --kiosk --config /dev/null; sleep 5'"
      )
      var seen = false
      while !seen && DispatchTime.now().uptimeNanoseconds - began < 10_000_000_000 {
        _ = system("tmux -S \(socket) capture-pane -p > \(capture) 2>/dev/null")
        seen =
          (try? String(contentsOfFile: capture, encoding: .utf8))?.contains("press any key")
          ?? false
        if !seen { usleep(2_000) }
      }
      if seen { times.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1_000_000) }
      _ = system("tmux -S \(socket) kill-server >/dev/null 2>&1; rm -f \(socket) \(capture)")
    }
    guard !times.isEmpty else {
      print("start-up to the attract screen: the kiosk did not show it")
      return
    }
    times.sort()
    print(
      String(
        format:
          "start-up to the attract screen (real binary in tmux, PIN hashing included): median %.0f ms, max %.0f ms over %d starts; with RestartSec=100ms a crash is back on screen in about %.0f ms (target < 1 s)",
        times[times.count / 2], times.last!, times.count, times[times.count / 2] + 100))
  }

  /// Resident memory now (not the peak), from /proc.
  static func currentResidentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
      return 0
    }
    let fields = text.split(separator: " ")
    return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
  }
}
