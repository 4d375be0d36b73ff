import Dispatch
import EventModel
import Foundation
import Kiosk
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// The app loop on a real terminal: read an event, update, draw what changed. The only place
/// that owns the state and performs effects.
public enum TerminalApp {
  /// Runs until the visitor quits (in kiosk mode: until the operator's PIN); throws when the
  /// terminal cannot be used.
  /// `store` keeps the visitor's favourites, plan and questions (not in kiosk mode): written
  /// whenever they change, so that quitting at any moment loses nothing.
  public static func run(
    _ initial: AppState, _ env: AppEnvironment, options: TerminalOptions,
    store: VisitorStateStore? = nil
  ) throws(TerminalError) {
    let kiosk = initial.kiosk != nil
    if kiosk {
      // Raw mode already makes Ctrl-C, Ctrl-Z and Ctrl-\ plain keys; ignoring the signals too
      // keeps the kiosk up if something else sends them (a stray `kill -INT`, a getty quirk).
      signal(SIGINT, SIG_IGN)
      signal(SIGQUIT, SIG_IGN)
      signal(SIGTSTP, SIG_IGN)
    }
    let terminal = try NcursesTerminal(options: options)
    defer { terminal.stop() }
    var state = initial
    (state.width, state.height) = terminal.size
    // The PIN guard outlives the process: a restart must not give three fresh tries.
    let guardStore = state.kiosk?.settings.pinGuardStore
    if let guardStore { state.kiosk?.pinGuard = guardStore.load(now: state.now) }
    var savedGuard = state.kiosk?.pinGuard
    func persistPinGuard() {
      guard let guardStore, let current = state.kiosk?.pinGuard, current != savedGuard else {
        return
      }
      // A kiosk that cannot write its state keeps running; the guard still holds in memory.
      try? guardStore.save(current)
      savedGuard = current
    }
    let visitorStore = kiosk ? nil : store
    let packID = env.catalog.pack.manifest.id
    var savedVisitor = SavedVisitorState(state, packID: packID)
    var saveFailed = false
    func persistVisitor() {
      guard let visitorStore else { return }
      let current = SavedVisitorState(state, packID: packID)
      guard current != savedVisitor else { return }
      do {
        try visitorStore.save(current)
        saveFailed = false
      } catch {
        // Said once, not on every key; the next change tries again.
        if !saveFailed {
          state.notice = state.t(
            "Could not save your favourites and plan: \(error.description)",
            "无法保存收藏和行程：\(error.description)")
        }
        saveFailed = true
      }
      savedVisitor = current
    }
    let clockStart = state.now
    let started = DispatchTime.now().uptimeNanoseconds
    func clock() -> Date {
      clockStart.addingTimeInterval(
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
    }
    var frame = AppView.render(state, env)
    terminal.draw(frame.canvas)

    /// Performs effects; true when the app should end.
    func perform(_ effects: [Effect]) -> Bool {
      for effect in effects {
        switch effect {
        case .quit: return true
        case .clearScreen: terminal.invalidate()
        case .writeFile(let path, let contents):
          var failure: String?
          do {
            // Foundation's atomic write leaves a scratch folder in /tmp for every export.
            try AtomicFile.write(Data(contents.utf8), to: path, permissions: 0o644)
          } catch {
            failure = error.description
          }
          _ = AppUpdate.update(&state, .fileWritten(path: path, error: failure), env)
        }
      }
      return false
    }

    let logWriter = QuestionLogWriter()
    defer { logWriter.finish() }
    /// Hands the questions answered since the last call to the log writer.
    func writeQuestionLog() {
      guard !state.unloggedQuestions.isEmpty else { return }
      let questions = state.unloggedQuestions
      state.unloggedQuestions = []
      // The assistant is built by now: it has just answered these.
      if let logging = env.questionLogging, let store = env.assistant.knowledge {
        logWriter.write(questions, to: store, retention: logging.retention)
      }
    }

    var lastMinute = Int(clock().timeIntervalSince1970 / 60)
    loop: while true {
      // A kiosk ticks four times a second (countdown, attract screen, a slow typist's held keys);
      // otherwise the clock on screen needs a tick a minute, or sooner while keys are held.
      let busy = kiosk || !state.scan.held.isEmpty
      guard var event = terminal.read(timeout: busy ? 250 : 1000) else {
        let minute = Int(clock().timeIntervalSince1970 / 60)
        if busy || minute != lastMinute {
          lastMinute = minute
          if perform(AppUpdate.update(&state, .tick(clock()), env)) { break loop }
          frame = AppView.render(state, env)
          terminal.draw(frame.canvas)
        }
        continue
      }
      // Handle everything already waiting (a paste, a scanner's burst, resizes) before drawing.
      var handled = 0
      while true {
        let message: Message?
        if case .mouse(let mouse) = event, mouse.kind == .press {
          message = frame.target(x: mouse.x, y: mouse.y).map { .target($0) }
        } else {
          message = .input(event)
        }
        if let message {
          if perform(AppUpdate.update(&state, .tick(clock()), env)) { break loop }
          let quit = perform(AppUpdate.update(&state, message, env))
          writeQuestionLog()
          persistPinGuard()
          persistVisitor()
          if quit { break loop }
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
