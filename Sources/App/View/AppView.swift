import Assistant
import EventModel
import Foundation
import TerminalUI
import TextLayout

/// A drawn screen: the cells and where the clickable things are.
public struct Frame: Sendable {
  public struct Hotspot: Sendable {
    public var rect: Rect
    public var target: Target
  }

  public var canvas: Canvas
  public var hotspots: [Hotspot] = []
  /// How far each scrolling pane on screen can scroll (its rows beyond what shows).
  public var scrollLimits: [Pane: Int] = [:]

  /// What a click at (x, y) hits; the last drawn wins.
  public func target(x: Int, y: Int) -> Target? {
    hotspots.last { $0.rect.contains(x: x, y: y) }?.target
  }

  mutating func hotspot(_ rect: Rect, _ target: Target) {
    hotspots.append(Hotspot(rect: rect, target: target))
  }
}

/// How much of each tab's title the tab bar has room for.
enum TabWidth { case long, short, keys }

/// Draws the state: pure, the same state gives the same frame.
public enum AppView {
  /// Below this the screen shows "please enlarge" instead of a garbled layout.
  public static let minimumWidth = 60
  public static let minimumHeight = 16

  public static func render(_ state: AppState, _ env: AppEnvironment) -> Frame {
    var frame = Frame(canvas: Canvas(width: state.width, height: state.height))
    guard state.width >= minimumWidth, state.height >= minimumHeight else {
      drawTooSmall(&frame.canvas, state)
      return frame
    }
    if let console = state.kiosk?.console {
      drawOperatorConsole(&frame, state, console)
      return frame
    }
    if let kiosk = state.kiosk, kiosk.attract {
      drawAttract(&frame, state, env)
      if let entry = kiosk.pinEntry { drawPinPrompt(&frame, state, entry: entry) }
      return frame
    }
    drawTabs(&frame, state, env)
    let content = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
    var view = ScreenContext(state: state, env: env, area: content)
    switch state.screen {
    case .ask: view.drawAsk(&frame)
    case .exhibitors: view.drawExhibitors(&frame)
    case .schedule: view.drawSchedule(&frame)
    case .map: view.drawMap(&frame)
    case .plan: view.drawPlan(&frame)
    case .cityWalk: view.drawCityWalk(&frame)
    case .myPlan: view.drawMyPlan(&frame)
    case .help: view.drawHelp(&frame)
    case .hereNow: view.drawHereNow(&frame)
    case .forYou: view.drawForYou(&frame)
    case .talks: view.drawTalks(&frame)
    }
    drawStatus(&frame, state, env, hints: view.hints)
    if let handOff = state.handOff { drawHandOff(&frame, state, handOff) }
    if let kiosk = state.kiosk {
      if let entry = kiosk.pinEntry {
        drawPinPrompt(&frame, state, entry: entry)
      } else if let seconds = kiosk.countdown(at: state.now) {
        drawCountdown(&frame, state, seconds: seconds)
      }
    }
    return frame
  }

  static func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
    let lines = [
      "Please enlarge the window",
      "请放大窗口",
      "(\(minimumWidth)×\(minimumHeight), now \(state.width)×\(state.height))",
    ]
    let top = max(0, (state.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
      let shown = line.truncated(toWidth: state.width)
      let x = max(0, (state.width - shown.displayWidth) / 2)
      canvas.write(shown, x: x, y: top + index, style: Style(.warning, bold: true))
    }
  }

  /// Tab titles, long and short, in the state's language.
  static func tabTitle(_ screen: Screen, _ state: AppState, short: Bool) -> String {
    let zh = state.language == .zh
    switch screen {
    case .ask: return zh ? "问答" : "Ask"
    case .exhibitors: return zh ? "展商" : (short ? "Exhib." : "Exhibitors")
    case .schedule: return zh ? "日程" : (short ? "Sched." : "Schedule")
    case .map: return zh ? "地图" : "Map"
    case .plan: return zh ? "规划" : "Plan"
    case .cityWalk: return zh ? (short ? "漫步" : "城市漫步") : (short ? "Walk" : "City Walk")
    case .myPlan: return zh ? (short ? "行程" : "我的行程") : (short ? "Mine" : "My plan")
    case .help: return zh ? "帮助" : "Help"
    case .hereNow: return zh ? "此处此刻" : "Here & now"
    case .forYou: return zh ? (short ? "推荐" : "为您推荐") : (short ? "You" : "For you")
    case .talks: return zh ? (short ? "演讲" : "演讲与问答") : (short ? "Talks" : "Talks & Q&A")
    }
  }

  static func drawTabs(_ frame: inout Frame, _ state: AppState, _ env: AppEnvironment) {
    frame.canvas.fill(Rect(x: 0, y: 0, width: state.width, height: 1), style: Style(.bar))
    let language = " EN | 中文 "
    let languageX = state.width - language.displayWidth
    // Long titles, short ones, then (on a narrow screen) the current tab's title and the
    // others by their keys alone: every tab stays on screen and clickable.
    for width in [TabWidth.long, .short, .keys] {
      let brand = width == .long ? "Hi! WAIC " : ""
      var parts: [(Screen, String)] = []
      for screen in Screen.tabs {
        // The number is the function key too (F2 for 2): help is F1 or ?.
        let key = screen == .help ? "?" : screen.key.map(String.init) ?? ""
        let title = tabTitle(screen, state, short: width != .long)
        parts.append((screen, width == .keys && screen != state.screen ? key : "\(key) \(title)"))
      }
      let total = parts.reduce(brand.displayWidth) { $0 + $1.1.displayWidth + 2 }
      if total > languageX - 1 && width != .keys { continue }
      var x = frame.canvas.write(brand, x: 0, y: 0, style: Style(.bar, bold: true))
      for (screen, title) in parts {
        let current = screen == state.screen
        // The current tab is bracketed and reversed: visible without colour.
        let shown = current ? "[\(title)]" : " \(title) "
        let end = min(
          frame.canvas.write(
            shown, x: x, y: 0, style: current ? Style(.selected, bold: true) : Style(.bar),
            clip: Rect(x: 0, y: 0, width: languageX - 1, height: 1)), languageX - 1)
        frame.hotspot(Rect(x: x, y: 0, width: end - x, height: 1), .tab(screen))
        x = end
      }
      break
    }
    let english = state.language != .zh
    var x = frame.canvas.write(" ", x: languageX, y: 0, style: Style(.bar))
    x = frame.canvas.write(
      english ? "[EN]" : " EN ", x: x, y: 0, style: Style(english ? .selected : .bar, bold: english)
    )
    x = frame.canvas.write(
      english ? " 中文 " : "[中文]", x: x, y: 0,
      style: Style(english ? .bar : .selected, bold: !english))
    frame.hotspot(Rect(x: languageX, y: 0, width: state.width - languageX, height: 1), .language)
  }

  /// Key hints that fit `width`: whole hints dropped from the end, never one cut in half.
  static func fitted(_ hints: String, width: Int) -> String {
    var parts = hints.components(separatedBy: " · ")
    while parts.count > 1 && parts.joined(separator: " · ").displayWidth > width {
      parts.removeLast()
    }
    return parts.joined(separator: " · ")
  }

  static func drawStatus(
    _ frame: inout Frame, _ state: AppState, _ env: AppEnvironment, hints: String
  ) {
    let y = state.height - 1
    frame.canvas.fill(Rect(x: 0, y: y, width: state.width, height: 1), style: Style(.bar))
    let zone = env.catalog.timeZone
    let labels = Labels(language: state.language)
    let clock =
      " " + labels.date(EventTime.localDate(state.now, zone: zone)) + " "
      + EventTime.clockTime(state.now, zone: zone) + " "
    let clockX = state.width - clock.displayWidth
    let room = max(0, clockX - 2)
    let left =
      state.scan.readingCode
      ? state.t("Reading code ", "正在读取代码 ") + String(state.scan.held) + "…"
      : state.notice ?? fitted(hints, width: room)
    frame.canvas.write(
      " " + left.truncated(toWidth: room), x: 0, y: y,
      style: Style(state.notice == nil ? .bar : .warning, bold: state.notice != nil))
    frame.canvas.write(clock, x: clockX, y: y, style: Style(.bar, bold: true))
  }
}

/// What every screen's drawing needs: the state, the pack, the area, and the key hints it sets.
struct ScreenContext {
  let state: AppState
  let env: AppEnvironment
  let area: Rect
  var hints = ""

  init(state: AppState, env: AppEnvironment, area: Rect) {
    self.state = state
    self.env = env
    self.area = area
  }

  var catalog: EventCatalog { env.catalog }
  var language: Language { state.language }
  var lists: Lists { Lists(catalog: catalog, state: state) }
  func t(_ en: String, _ zh: String) -> String { state.t(en, zh) }

  /// Writes wrapped text into a rect from a row; returns the next free row.
  @discardableResult
  func paragraph(
    _ text: String, _ canvas: inout Canvas, in rect: Rect, from y: Int, style: Style = .normal,
    indent: Int = 0
  ) -> Int {
    // A row above the rect would be clipped away: start inside it.
    var row = max(y, rect.y)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let wrapped = TextWrapping.wrap(String(line), width: max(1, rect.width - indent))
      for part in wrapped.isEmpty ? [""] : wrapped {
        guard row < rect.maxY else { return row }
        canvas.write(part, x: rect.x + indent, y: row, style: style, clip: rect)
        row += 1
      }
    }
    return row
  }

  /// Draws a pane's content, which `draw` lays out from the top of a rect as wide as `rect` but
  /// as tall as it needs (returning the row after its last), scrolled by the state's offset for
  /// `pane`; arrows at the right edge show that there is more above or below.
  /// `focus`, read after drawing, names rows that must show (a selected item): the pane then
  /// scrolls as far as needed to show them.
  func drawScrolling(
    _ frame: inout Frame, pane: Pane, in rect: Rect, focus: () -> Range<Int>? = { nil },
    draw: (inout Canvas, Rect) -> Int
  ) {
    guard rect.width > 0, rect.height > 0 else { return }
    var scratch = Canvas(width: frame.canvas.width, height: ScreenContext.paneRows)
    let used = draw(&scratch, Rect(x: rect.x, y: 0, width: rect.width, height: scratch.height))
    let limit = max(0, min(used, scratch.height) - rect.height)
    frame.scrollLimits[pane] = limit
    var offset = min(max(0, state.paneScroll[pane] ?? 0), limit)
    if let rows = focus() {
      if rows.upperBound > offset + rect.height { offset = rows.upperBound - rect.height }
      if rows.lowerBound < offset { offset = rows.lowerBound }
      offset = min(max(0, offset), limit)
    }
    frame.canvas.copyRows(
      from: scratch, sourceY: offset, rows: rect.height, columns: rect.x..<rect.maxX, to: rect.y)
    // The arrows go on the rows just outside the pane (a frame's edges), never over its text.
    if offset > 0 {
      frame.canvas.write("↑", x: rect.maxX - 2, y: rect.y - 1, style: Style(.accent, bold: true))
    }
    if offset < limit {
      frame.canvas.write(
        " ↓ PgDn ", x: max(rect.x, rect.maxX - 8), y: rect.maxY, style: Style(.accent, bold: true))
    }
  }

  /// The most rows a scrolling pane lays out: far more than any screen holds.
  static let paneRows = 400

  /// Draws the rows of a list that fit in `rect`, the selection kept in view and marked with ▶
  /// (highlighted while the list has the keyboard); each row is clickable. `row` gives a row's
  /// text and its style when not selected.
  func drawList(
    _ frame: inout Frame, in rect: Rect, count: Int, selection: Int, focused: Bool = true,
    target: (Int) -> Target, row: (Int) -> (text: String, style: Style)
  ) {
    let first = ScreenContext.scrollOffset(selection: selection, count: count, height: rect.height)
    for offset in 0..<max(0, min(rect.height, count - first)) {
      let index = first + offset
      let (text, style) = row(index)
      let line = Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: 1)
      // A row too long for the list ends in an ellipsis; the detail shows it in full.
      frame.canvas.write(
        ((index == selection ? "▶" : " ") + text).truncated(toWidth: line.width), x: line.x,
        y: line.y, style: index == selection && focused ? Style(.selected, bold: true) : style,
        clip: line)
      frame.hotspot(line, target(index))
    }
  }

  /// The first visible row of a list so that `selection` shows, kept near the middle.
  static func scrollOffset(selection: Int, count: Int, height: Int) -> Int {
    guard count > height, height > 0 else { return 0 }
    return min(max(0, selection - height / 2), count - height)
  }
}
