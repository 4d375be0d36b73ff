import App
import Assistant
import EventModel
import Foundation
import Matcher
import TerminalUI

/// Issue 5's figures: launch to first frame, and a key handled and redrawn at 200x60.
enum InterfaceBench {
  static func run(waic: URL) throws {
    print("== Issue 5: the terminal front end")
    var firstFrames: [Double] = []
    var readyTimes: [Double] = []
    var assistant: Assistant?
    for _ in 0..<10 {
      // As `hiwaic` starts: the pack and lexicon read, the matcher built on another thread
      // while the first frame is drawn from the pack; then the time until a question can be
      // answered.
      let begin = DispatchTime.now().uptimeNanoseconds
      enum Part: Sendable {
        case catalog(EventCatalog?)
        case lexicon(Lexicon?)
      }
      // The pack and the lexicon read in parallel, as `hiwaic` does.
      let parts = ParallelWork.map([true, false]) { (isPack: Bool) -> Part in
        isPack
          ? .catalog(try? PackLoader.load(from: waic))
          : .lexicon(try? Lexicon.load(packDirectory: waic))
      }
      var catalog: EventCatalog?
      var lexicon: Lexicon?
      for part in parts {
        switch part {
        case .catalog(let value): catalog = value
        case .lexicon(let value): lexicon = value
        }
      }
      guard let catalog, let lexicon else {
        print("skipped (the WAIC pack did not load)")
        return
      }
      let pending = PendingAssistant(catalog: catalog, lexicon: lexicon)
      let state = AppState(width: 200, height: 60, now: Date(), here: nil)
      let frame = AppView.render(state, AppEnvironment(pending: pending))
      precondition(frame.canvas.width == 200)
      firstFrames.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
      assistant = pending.assistant
      readyTimes.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
    }
    firstFrames.sort()
    readyTimes.sort()
    print(
      String(
        format:
          "launch to first frame (pack and lexicon read in parallel, first render at 200x60; the matcher builds meanwhile): median %.1f ms, min %.1f ms (target < 50 ms; ncurses start-up not included)",
        firstFrames[5], firstFrames[0]))
    print(
      String(
        format: "launch to ready to answer (matcher built): median %.1f ms, min %.1f ms",
        readyTimes[5], readyTimes[0]))
    let env = AppEnvironment(assistant: assistant!)
    var state = AppState(
      width: 200, height: 60,
      now: EventTime.parse("2025-07-26T10:00", zone: env.catalog.timeZone)!, here: "eh-1f-north")
    _ = AppUpdate.update(&state, .input(.key(.function(2))), env)
    AppUpdate.ask("where is Unitree?", &state, env)
    // A mix of what visitors press: typing, moving in lists, switching screens, panning the map.
    let script: [Key] =
      KeyDecoder.keys(typing: "robotics") + [
        .function(3), .down, .down, .function(4), .right, .down, .function(5), .left,
        .character("+"), .function(2),
      ]
      + KeyDecoder.keys(typing: "where")
    var times: [Double] = []
    for _ in 0..<20 {
      for key in script {
        let begin = DispatchTime.now().uptimeNanoseconds
        _ = AppUpdate.update(&state, .input(.key(key)), env)
        let frame = AppView.render(state, env)
        precondition(frame.canvas.height == 60)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
      }
    }
    times.sort()
    print(
      String(
        format:
          "key handled and redrawn at 200x60: median %.2f ms, p99 %.2f ms, max %.2f ms over %d keys (target < 5 ms)",
        times[times.count / 2], times[times.count * 99 / 100], times.last!, times.count))
  }
}
