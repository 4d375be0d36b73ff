import Foundation
import TerminalUI
import TextLayout

extension AppView {
  /// The operator's console, over the whole screen.
  static func drawOperatorConsole(
    _ frame: inout Frame, _ state: AppState, _ console: OperatorConsole
  ) {
    let area = Rect(x: 0, y: 0, width: state.width, height: state.height)
    frame.canvas.fill(area, style: .normal)
    let t = state.t
    var y = 0
    func line(_ text: String, style: Style = .normal) {
      guard y < area.height else { return }
      frame.canvas.write(text.truncated(toWidth: area.width - 2), x: 1, y: y, style: style)
      y += 1
    }
    line(t("Operator", "管理员"), style: Style(.title, bold: true))
    y += 1
    switch console.step {
    case .menu:
      line(
        t("a  Answer the questions visitors asked that I could not answer", "a  回答访客提过而我答不上来的问题"))
      line(t("q  Leave kiosk mode", "q  退出自助模式"))
      line(t("Esc  Back to visitors", "Esc  返回访客界面"))
      if let fleet = console.fleet {
        y += 1
        for text in fleetLines(fleet, t: t) {
          for piece in TextWrapping.wrap(text, width: max(10, area.width - 2)) {
            line(piece, style: Style(.dim))
          }
        }
      }
    case .questions:
      line(
        t(
          "Unanswered in the last 7 days, most asked first (no visitor is named):",
          "最近7天未能回答的问题，按次数排列（不含访客信息）："), style: Style(.accent))
      if console.unanswered.isEmpty {
        line(t("None: every question was answered.", "没有：所有问题都已回答。"), style: Style(.dim))
      }
      let rows = max(1, area.height - y - 3)
      let first = ScreenContext.scrollOffset(
        selection: console.selection, count: console.unanswered.count, height: rows)
      for (index, item) in console.unanswered.enumerated().dropFirst(first).prefix(rows) {
        let selected = index == console.selection
        line(
          (selected ? "▶ " : "  ") + String(format: "%3d× ", item.count) + item.text,
          style: selected ? Style(.selected, bold: true) : .normal)
      }
    case .answering:
      line(t("Question (as visitors ask it):", "问题（访客的问法）："), style: Style(.accent))
      let questionCursor = console.question.draw(
        into: &frame.canvas, x: 1, y: y, width: area.width - 2,
        style: Style(.normal, underline: !console.typingAnswer))
      y += 2
      line(t("The organisers' answer:", "主办方的答案："), style: Style(.accent))
      let answerCursor = console.answer.draw(
        into: &frame.canvas, x: 1, y: y, width: area.width - 2,
        style: Style(.normal, underline: console.typingAnswer))
      frame.canvas.cursor = console.typingAnswer ? answerCursor : questionCursor
      y += 2
      line(
        t(
          "Shown to visitors as the organisers' answer, with today's date, for this question and its paraphrases.",
          "将作为主办方答复（附今天的日期）回答这个问题及其各种问法。"), style: Style(.dim))
    }
    if let message = console.message {
      frame.canvas.write(
        message.truncated(toWidth: area.width - 2), x: 1, y: area.height - 2,
        style: Style(.highlight, bold: true))
    }
    let keys: String =
      switch console.step {
      case .menu:
        t(
          "a answer questions · q leave kiosk mode · Esc back to visitors",
          "a 回答问题 · q 退出自助模式 · Esc 返回")
      case .questions:
        t(
          "↑↓ choose · Enter answer it · n a new question · Esc menu",
          "↑↓ 选择 · 回车 回答 · n 新问题 · Esc 菜单")
      case .answering:
        t("Tab question/answer · Enter save · Esc cancel", "Tab 切换问题/答案 · 回车 保存 · Esc 取消")
      }
    frame.canvas.fill(
      Rect(x: 0, y: area.height - 1, width: area.width, height: 1), style: Style(.bar))
    frame.canvas.write(
      keys.truncated(toWidth: area.width - 2), x: 1, y: area.height - 1, style: Style(.bar))
  }

  /// The fleet sync's state in a line or two: when it last reached the server, what waits,
  /// and why it failed.
  static func fleetLines(_ fleet: FleetSyncState, t: (String, String) -> String) -> [String] {
    let clock = DateFormatter()
    clock.dateFormat = "HH:mm:ss"
    var lines: [String] = []
    let waiting = t("\(fleet.unsent) questions waiting to be sent", "\(fleet.unsent) 个问题待发送")
    if let last = fleet.lastSuccess {
      lines.append(
        t("Fleet: last sync \(clock.string(from: last)); ", "联网：上次同步 \(clock.string(from: last))；")
          + waiting)
    } else {
      lines.append(t("Fleet: not synced yet; ", "联网：尚未同步；") + waiting)
    }
    if let error = fleet.lastError {
      let next = fleet.nextAttempt.map { clock.string(from: $0) } ?? "—"
      lines.append(t("Last attempt failed (next at \(next)):", "上次同步失败（下次 \(next)）："))
      lines.append(error)
    }
    return lines
  }
}
