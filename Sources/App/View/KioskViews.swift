import Assistant
import EventModel
import Foundation
import Kiosk
import Planner
import TerminalUI
import TextLayout

extension AppView {
  /// Examples the attract screen rotates through, in both languages.
  static let attractExamples = [
    "Ask me: Where is Unitree?",
    "问我：宇树科技在哪里？",
    "扫码查看本区活动 · Scan a zone's QR code to see what's on here",
    "Ask me: Which forums on AI governance are tomorrow afternoon?",
    "帮我规划两小时机器人参观 · Plan me two hours of robotics",
    "Frag mich: Wo ist Huawei?",
    "Take your answer or plan to your phone with a QR code · 扫码带走行程",
  ]

  /// The attract screen: the title large, the theme, a rotating example, and what to do.
  static func drawAttract(_ frame: inout Frame, _ state: AppState, _ env: AppEnvironment) {
    let width = state.width
    let height = state.height
    let event = env.catalog.event
    frame.canvas.fill(Rect(x: 0, y: 0, width: width, height: height), style: .normal)
    func centre(_ text: String, _ y: Int, _ style: Style) {
      guard y >= 0, y < height else { return }
      let shown = text.truncated(toWidth: width)
      frame.canvas.write(shown, x: max(0, (width - shown.displayWidth) / 2), y: y, style: style)
    }
    let titles = ["HI! " + event.shortName.text(.en), "HI! WAIC", "WAIC"]
    let big = titles.lazy.compactMap { BigText.rows($0) }.first {
      ($0.first?.displayWidth ?? .max) <= width - 2
    }
    // Spread what there is over the height: title, names, theme, example, prompt, place.
    let blockHeight = (big?.count ?? 1) + 10
    var y = max(0, (height - blockHeight) / 2)
    if let big, height >= blockHeight {
      for row in big {
        centre(row, y, Style(.title, bold: true))
        y += 1
      }
    } else {
      centre("Hi! " + event.shortName.text(.en), y, Style(.title, bold: true))
      y += 1
    }
    y += 1
    centre(event.name.text(.zh), y, Style(.accent, bold: true))
    centre(event.name.text(.en), y + 1, Style(.accent))
    centre(
      event.theme.text(.en) + " · " + event.theme.text(.zh), y + 3, Style(.highlight, bold: true))
    let elapsed = max(0, state.now.timeIntervalSince(state.kiosk?.attractSince ?? state.now))
    // Another conference's pack: its own questions in English and Chinese, and the QR hand-off.
    let examples =
      env.examples.isComplete
      ? attractExamples
      : zip(env.examples.questions(in: .en), env.examples.questions(in: .zh)).flatMap {
        ["Ask me: " + $0.0, "问我：" + $0.1]
      } + ["Take your answer or plan to your phone with a QR code · 扫码带走行程"]
    let example = examples[
      (elapsed / KioskSettings.exampleSeconds).truncatedInt % max(1, examples.count)]
    let boxWidth = min(width - 2, max(example.displayWidth + 6, 40))
    let box = Rect(x: (width - boxWidth) / 2, y: y + 5, width: boxWidth, height: 3)
    frame.canvas.frame(box, style: Style(.accent))
    centre(example, y + 6, Style(.normal, bold: true))
    centre(
      " Touch or press any key to start · 触摸屏幕或按任意键开始 ", y + 9, Style(.selected, bold: true))
    if let here = state.here, height > y + 11 {
      let place = DirectionsWriter(catalog: env.catalog, language: .en).place(here)
      let placeZh = DirectionsWriter(catalog: env.catalog, language: .zh).place(here)
      centre("@ You are here: \(place) · 您在这里：\(placeZh)", height - 1, Style(.dim))
    }
    frame.hotspot(Rect(x: 0, y: 0, width: width, height: height), .wake)
    // "I'm a…": a role chip opens For you with that role (one tap), then an interest (two) and
    // a recommendation (three). Drawn after the wake spot, so a chip's tap wins over it.
    let roles = env.roles.roles
    let chipsY = y + 11
    guard !roles.isEmpty, chipsY < height - 3 else { return }
    let chips: [(String, String)] = roles.map {
      ($0.id, " \($0.name.text(.en)) \($0.name.text(.zh)) ")
    }
    // Rows of chips, centred, as many rows as there is room for; every role when it fits.
    var rows: [[(String, String)]] = [[]]
    let label = "I'm a… 我是…"
    for chip in chips {
      let used = rows[rows.count - 1].reduce(0) { $0 + $1.1.displayWidth + 1 }
      if used + chip.1.displayWidth > width - 2, !rows[rows.count - 1].isEmpty { rows.append([]) }
      rows[rows.count - 1].append(chip)
    }
    centre(label, chipsY, Style(.title, bold: true))
    for (index, row) in rows.enumerated() where chipsY + 1 + index < height - 1 {
      let total = row.reduce(0) { $0 + $1.1.displayWidth + 1 } - 1
      var x = max(0, (width - total) / 2)
      for (id, text) in row {
        let end = frame.canvas.write(
          text.truncated(toWidth: max(0, width - x)), x: x, y: chipsY + 1 + index,
          style: Style(.selected, bold: true))
        frame.hotspot(
          Rect(x: x, y: chipsY + 1 + index, width: end - x, height: 1), .attractRole(id))
        x = end + 1
      }
    }
  }

  /// "Still there?": over the screen, with the seconds left; a touch anywhere keeps it.
  static func drawCountdown(_ frame: inout Frame, _ state: AppState, seconds: Int) {
    let lines = [
      state.t("Still there? Touch any key", "还在吗？请触摸屏幕或按任意键"),
      state.t("还在吗？请触摸屏幕或按任意键", "Still there? Touch any key"),
      state.t("Starting over for the next visitor in \(seconds) s", "\(seconds) 秒后为下一位访客重新开始"),
    ]
    drawBox(&frame, state, lines: lines, style: Style(.warning, bold: true))
    frame.hotspot(Rect(x: 0, y: 0, width: state.width, height: state.height), .wake)
  }

  /// The operator's PIN prompt: the PIN shown as dots.
  static func drawPinPrompt(_ frame: inout Frame, _ state: AppState, entry: String) {
    var lines = [
      state.t("Operator · enter the PIN", "管理员 · 输入 PIN"),
      "PIN: " + String(repeating: "•", count: entry.count) + "_",
      state.t("Enter confirms · Esc cancels", "回车确认 · Esc 取消"),
    ]
    if let message = state.kiosk?.pinMessage { lines.insert(message, at: 2) }
    drawBox(&frame, state, lines: lines, style: Style(.title, bold: true))
  }

  /// A framed box of centred lines in the middle of the screen, over what is there.
  static func drawBox(_ frame: inout Frame, _ state: AppState, lines: [String], style: Style) {
    let inner = min(state.width - 4, (lines.map(\.displayWidth).max() ?? 0) + 4)
    let box = Rect(
      x: (state.width - inner - 2) / 2, y: max(0, (state.height - lines.count - 4) / 2),
      width: inner + 2, height: lines.count + 4)
    frame.canvas.fill(box, style: .normal)
    frame.canvas.frame(box, style: style)
    for (index, line) in lines.enumerated() {
      let shown = line.truncated(toWidth: inner)
      frame.canvas.write(
        shown, x: box.x + 1 + (inner - shown.displayWidth) / 2, y: box.y + 2 + index,
        style: index == 0 ? style : .normal)
    }
  }

  /// The hand-off code over the content area, with what it holds; any key or touch closes it.
  static func drawHandOff(_ frame: inout Frame, _ state: AppState, _ handOff: HandOff) {
    // The whole screen: a phone needs every row it can get.
    let area = Rect(x: 0, y: 0, width: state.width, height: state.height)
    frame.canvas.fill(area, style: .normal)
    let title = handOff.title.truncated(toWidth: area.width - 2)
    frame.canvas.write(
      title, x: (area.width - title.displayWidth) / 2, y: area.y, style: Style(.title, bold: true))
    guard let shown = handOff.shown else {
      let message = state.t(
        "The window is too small for the code: enlarge it. Any key closes.",
        "窗口太小，放不下二维码：请放大窗口。按任意键关闭。")
      frame.canvas.write(
        message, x: 1, y: area.y + 2, style: Style(.warning, bold: true), clip: area)
      frame.hotspot(area, .wake)
      return
    }
    let codeWidth = handOff.lines.first?.count ?? 0
    let top = area.y + 1 + max(0, (area.height - 2 - handOff.lines.count) / 2)
    let left = max(0, (area.width - codeWidth) / 2)
    for (index, line) in handOff.lines.enumerated() {
      frame.canvas.write(line, x: left, y: top + index, style: Style(.code), clip: area)
    }
    let text = handOff.candidates[shown]
    let what =
      text.hasPrefix("BEGIN:VCALENDAR")
      ? state.t("Holds a calendar file: your phone offers to add it.", "内含日历文件：手机会提示添加到日历。")
      : state.t(
        "Holds the text itself: no network needed (\(text.utf8.count) bytes).",
        "内含文字本身，无需网络（\(text.utf8.count) 字节）。")
    let caption = (what + state.t(" Any key closes.", " 按任意键关闭。")).truncated(
      toWidth: area.width - 2)
    frame.canvas.write(
      caption, x: (area.width - caption.displayWidth) / 2, y: area.maxY - 1, style: Style(.dim))
    // Touching the code closes it too (the touch lands on a target below otherwise).
    frame.hotspot(area, .wake)
  }
}

extension ScreenContext {
  /// Here & now for the last scanned code: booths, sessions nearby soon, facilities, the way.
  mutating func drawHereNow(_ frame: inout Frame) {
    hints = t(
      "↑↓ scroll · Enter or m the way on the map · Esc back", "↑↓ 滚动 · 回车或 m 在地图上看路线 · Esc 返回")
    guard let here = state.hereNow else {
      paragraph(
        t(
          "Scan the QR code on a zone's or room's poster to see what is here and on now.",
          "扫描区域或会场海报上的二维码，查看此处此刻的活动。"), &frame.canvas, in: area.inset(1),
        from: area.y + 1)
      return
    }
    let lines = HereAndNowGuide(catalog: catalog).describe(here, language: language)
    var wrapped: [(String, Style)] = []
    for (index, line) in lines.enumerated() {
      let style: Style =
        index == 0
        ? Style(.title, bold: true)
        : line.hasSuffix(":") || line.hasSuffix("：")
          ? Style(.accent, bold: true)
          : line.contains("NOW ") || line.contains("进行中") ? Style(.highlight, bold: true) : .normal
      // Keep the list's indent on every wrapped row.
      let indent = String(line.prefix(while: { $0 == " " }))
      let parts = TextWrapping.wrap(
        String(line.dropFirst(indent.count)), width: max(1, area.width - 2 - indent.count))
      for part in parts.isEmpty ? [""] : parts { wrapped.append((indent + part, style)) }
    }
    let rect = area.inset(1)
    let first = min(state.hereNowScroll, max(0, wrapped.count - rect.height))
    for (offset, (line, style)) in wrapped.dropFirst(first).prefix(rect.height).enumerated() {
      frame.canvas.write(line, x: rect.x, y: rect.y + offset, style: style, clip: rect)
    }
  }
}
