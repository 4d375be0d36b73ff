import Dispatch
import Foundation
import TerminalUI

/// The app loop on a real terminal: read an event, update, draw what changed. The only place
/// that owns the state and performs effects.
public enum TerminalApp {
  /// Runs until the visitor quits; throws when the terminal cannot be used.
  public static func run(
    _ initial: AppState, _ env: AppEnvironment, options: TerminalOptions
  ) throws(TerminalError) {
    let terminal = try NcursesTerminal(options: options)
    defer { terminal.stop() }
    var state = initial
    (state.width, state.height) = terminal.size
    let clockStart = state.now
    let started = DispatchTime.now().uptimeNanoseconds
    func clock() -> Date {
      clockStart.addingTimeInterval(
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
    }
    var frame = AppView.render(state, env)
    terminal.draw(frame.canvas)
    var lastMinute = Int(clock().timeIntervalSince1970 / 60)
    loop: while true {
      guard var event = terminal.read(timeout: 1000) else {
        let minute = Int(clock().timeIntervalSince1970 / 60)
        if minute != lastMinute {
          lastMinute = minute
          _ = AppUpdate.update(&state, .tick(clock()), env)
          frame = AppView.render(state, env)
          terminal.draw(frame.canvas)
        }
        continue
      }
      // Handle everything already waiting (a paste, a burst of resizes) before drawing once.
      var handled = 0
      while true {
        let message: Message?
        if case .mouse(let mouse) = event, mouse.kind == .press {
          message = frame.target(x: mouse.x, y: mouse.y).map { .target($0) }
        } else {
          message = .input(event)
        }
        if let message {
          _ = AppUpdate.update(&state, .tick(clock()), env)
          for effect in AppUpdate.update(&state, message, env) {
            switch effect {
            case .quit: break loop
            case .writeFile(let path, let contents):
              var failure: String?
              do {
                try contents.write(toFile: path, atomically: true, encoding: .utf8)
              } catch {
                failure = "\(error.localizedDescription)"
              }
              _ = AppUpdate.update(&state, .fileWritten(path: path, error: failure), env)
            }
          }
          if case .input(.resize) = message { frame = AppView.render(state, env) }
        }
        handled += 1
        guard handled < 256, let next = terminal.read(timeout: 0) else { break }
        event = next
      }
      frame = AppView.render(state, env)
      terminal.draw(frame.canvas)
    }
  }
}
