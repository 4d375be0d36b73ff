import Assistant
import EventModel
import Foundation
import Kiosk
import TerminalUI

/// Kiosk mode, scanned codes, Here & now and the QR hand-off: the parts of `update` that sit in
/// front of the screens.
extension AppUpdate {
  /// A key, after the kiosk's operator chord, its wake-up rules and the scanner had their say.
  static func keyInput(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    if state.kiosk?.console != nil { return OperatorConsoleUpdate.key(key, &state, env) }
    if let effects = operatorKey(key, &state, env) { return effects }
    let waking = wake(&state)
    switch state.scan.feed(key, at: state.now) {
    case .held:
      return []
    case .code(let text):
      state.handOff = nil
      openCode(text, &state, env)
      return []
    case .release(let keys):
      // The touch that wakes the kiosk does nothing else, except that letters typed on the
      // attract screen start the question.
      if let waking {
        if waking == .attract {
          for case .character(let character) in keys {
            _ = state.question.handle(.character(character))
          }
        }
        return []
      }
      return keys.flatMap { releasedKey($0, &state, env) }
    }
  }

  /// A key the scanner let through: closes the hand-off code, or goes to the screen.
  static func releasedKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    if state.handOff != nil {
      state.handOff = nil
      return []
    }
    return handle(key, &state, env)
  }

  /// What a key or touch woke from, if anything; it marks the visitor as active either way.
  enum Waking { case attract, countdown }

  @discardableResult
  static func wake(_ state: inout AppState) -> Waking? {
    guard var kiosk = state.kiosk else { return nil }
    defer { state.kiosk = kiosk }
    let counting = kiosk.countdown(at: state.now) != nil
    kiosk.lastActivity = state.now
    if kiosk.attract {
      kiosk.attract = false
      state.screen = .ask
      return .attract
    }
    return counting ? .countdown : nil
  }

  /// The operator chord and the PIN prompt; nil when the key is not theirs.
  static func operatorKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect]? {
    guard var kiosk = state.kiosk else { return nil }
    defer { state.kiosk = kiosk }
    let now = state.now
    if var entry = kiosk.pinEntry {
      kiosk.pinPromptActivity = now
      switch key {
      case .escape:
        kiosk.pinEntry = nil
        kiosk.pinMessage = nil
      case .backspace, .delete:
        if !entry.isEmpty { entry.removeLast() }
        kiosk.pinEntry = entry
      case .enter:
        if let wait = kiosk.pinGuard.lockRemaining(at: now) {
          kiosk.pinMessage = lockedMessage(wait, state)
          kiosk.pinEntry = ""
        } else if kiosk.settings.adminPin.matches(entry) {
          kiosk.pinGuard.recordSuccess()
          kiosk.pinEntry = nil
          kiosk.pinMessage = nil
          kiosk.console = OperatorConsoleUpdate.opened(env, now: now)
          kiosk.lastActivity = now
        } else {
          kiosk.pinGuard.recordFailure(at: now)
          kiosk.pinEntry = ""
          kiosk.pinMessage =
            kiosk.pinGuard.lockRemaining(at: now).map { lockedMessage($0, state) }
            ?? state.t("Wrong PIN.", "PIN 错误。")
        }
      case .character(let character) where !character.isWhitespace:
        if entry.count < AdminPin.maximumLength { entry.append(character) }
        kiosk.pinEntry = entry
      default: break
      }
      return []
    }
    guard key == .control("\\") || key == .function(12) else { return nil }
    kiosk.chordPresses =
      kiosk.chordPresses.filter {
        now.timeIntervalSince($0) < KioskSettings.chordWindow
      } + [now]
    if kiosk.chordPresses.count >= KioskSettings.chordPresses {
      kiosk.chordPresses = []
      kiosk.pinEntry = ""
      kiosk.pinPromptActivity = now
      kiosk.pinMessage = kiosk.pinGuard.lockRemaining(at: now).map { lockedMessage($0, state) }
    }
    // A chord key does nothing else in a kiosk, whether or not the chord completes.
    return []
  }

  static func lockedMessage(_ seconds: TimeInterval, _ state: AppState) -> String {
    let wait = seconds.rounded(.up).roundedInt
    return state.t("Too many wrong PINs: try again in \(wait) s.", "PIN 错误次数过多：请 \(wait) 秒后再试。")
  }

  /// The clock moved: keys a person typed slowly go to the screen, a forgotten PIN prompt closes,
  /// and an idle kiosk counts down and resets for the next visitor.
  static func tick(_ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    var effects = state.scan.releaseStale(at: state.now).flatMap { releasedKey($0, &state, env) }
    guard var kiosk = state.kiosk else { return effects }
    // The sync runs on its own task; the console shows its state as of this tick.
    if kiosk.console != nil, let fleetSync = env.fleetSync { kiosk.console?.fleet = fleetSync() }
    if kiosk.pinEntry != nil,
      state.now.timeIntervalSince(kiosk.pinPromptActivity ?? state.now)
        >= KioskSettings.pinPromptTimeout
    {
      kiosk.pinEntry = nil
      kiosk.pinMessage = nil
    }
    state.kiosk = kiosk
    if !kiosk.attract, kiosk.pinEntry == nil,
      state.now.timeIntervalSince(kiosk.lastActivity) >= kiosk.settings.idleSeconds
    {
      effects.append(resetForNextVisitor(&state))
    }
    return effects
  }

  /// Everything of the visitor goes: a new state with only the kiosk's own settings, its PIN
  /// guard and the screen size kept, on the attract screen, and a full repaint so that no cell of
  /// the old screen survives.
  static func resetForNextVisitor(_ state: inout AppState) -> Effect {
    guard var kiosk = state.kiosk else { return .clearScreen }
    kiosk.attract = true
    kiosk.attractSince = state.now
    kiosk.lastActivity = state.now
    kiosk.chordPresses = []
    kiosk.pinEntry = nil
    kiosk.pinMessage = nil
    kiosk.console = nil
    kiosk.resets += 1
    var fresh = AppState(
      width: state.width, height: state.height, now: state.now, here: state.here,
      language: kiosk.settings.language)
    fresh.kiosk = kiosk
    // The pack's code prefix is the kiosk's, not the visitor's.
    fresh.scan = ScanBuffer(prefix: String(state.scan.prefix))
    state = fresh
    return .clearScreen
  }

  // MARK: - Scanned codes and Here & now

  /// Opens Here & now for a scanned or typed code, or says the code is not one of this pack's.
  static func openCode(_ text: String, _ state: inout AppState, _ env: AppEnvironment) {
    switch env.catalog.resolvePlaceCode(text) {
    case .found(let code):
      state.hereNow = HereAndNowGuide(catalog: env.catalog).make(
        code, now: state.now, from: state.here)
      state.hereNowScroll = 0
      go(.hereNow, &state)
    case .ambiguous(let codes):
      state.notice = state.t(
        "The code \(text) fits several places: \(codes.map(\.text).joined(separator: ", "))",
        "代码 \(text) 对应多个地点：\(codes.map(\.text).joined(separator: "、"))")
    case .notFound(let suggestions):
      let hint =
        suggestions.isEmpty ? "" : state.t(" Close: ", " 相近：") + suggestions.joined(separator: ", ")
      state.notice =
        state.t(
          "The code \(text) is not a zone or room of this event.", "代码 \(text) 不是本次活动的区域或会场。")
        + hint
    }
  }

  static func hereNowKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) {
    switch key {
    case .up: state.hereNowScroll = max(0, state.hereNowScroll - 1)
    case .down: state.hereNowScroll += 1
    case .pageUp: state.hereNowScroll = max(0, state.hereNowScroll - max(1, state.height / 2))
    case .pageDown: state.hereNowScroll += max(1, state.height / 2)
    case .home: state.hereNowScroll = 0
    case .enter, .character("m"):
      // A room of a pack without a floor plan has no place on a map to show.
      if let here = state.hereNow, let node = here.node {
        showOnMap(node: node, route: here.way?.route.nodes ?? [], &state, env)
      }
    case .escape: back(&state)
    default: break
    }
  }

  // MARK: - QR hand-off

  /// Shows a code that takes `candidates` (best first) to a phone.
  static func openHandOff(title: String, candidates: [String], _ state: inout AppState) {
    var handOff = HandOff(title: title, candidates: candidates)
    fitHandOff(&handOff, state)
    state.handOff = handOff
  }

  /// The code gets the whole screen but a title row and a caption row.
  static func fitHandOff(_ handOff: inout HandOff, _ state: AppState) {
    handOff.fit(width: state.width - 2, height: state.height - 2)
  }

  /// The plan to take away: the calendar file when its code fits, else the plan as text.
  static func handOffPlan(_ state: inout AppState, _ env: AppEnvironment) {
    let content = HandOffContent(catalog: env.catalog, state: state)
    openHandOff(
      title: state.t("My plan — scan with your phone's camera", "我的行程——用手机相机扫码"),
      candidates: content.planCandidates(calendar: MyPlanItems.calendar(state, env, compact: true)),
      &state)
  }
}
