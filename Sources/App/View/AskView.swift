import EventModel
import TerminalUI
import TextLayout

extension ScreenContext {
  /// Ask: the conversation, the last answer's actions and follow-ups, and the question line.
  mutating func drawAsk(_ frame: inout Frame) {
    // A kiosk has no quit key, so it names none.
    let kiosk = state.kiosk != nil
    let actions = state.conversation.last?.actions ?? []
    let onActions = state.askFocus == .actions && !actions.isEmpty
    let quit = kiosk ? "" : t(" · F10 quit", " · F10 退出")
    hints =
      onActions
      ? t(
        "↑↓ choose · Enter do it · type to ask again · Esc back · F1 help",
        "↑↓ 选择 · 回车执行 · 输入文字重新提问 · Esc 返回 · F1 帮助") + quit
      : t(
        "Enter ask · ↑↓ earlier questions · Esc to the actions · PgUp/PgDn scroll · F1 help",
        "回车提问 · ↑↓ 之前的问题 · Esc 选择操作 · PgUp/PgDn 翻页 · F1 帮助") + quit
    let inputY = area.maxY - 1
    let actionRows = min(actions.count, max(0, (area.height - 4) / 3))
    let actionTop = inputY - 1 - actionRows
    // The question line.
    let prompt = t("Ask › ", "提问 › ")
    let x = frame.canvas.write(prompt, x: area.x + 1, y: inputY, style: Style(.accent, bold: true))
    if state.question.isEmpty {
      let example =
        env.examples.isComplete
        ? t(
          "e.g. Where is Unitree? · 宇树科技在哪里？ · plan me two hours of robotics",
          "例如：宇树科技在哪里？ · 明天下午有哪些论坛？ · 帮我规划两小时机器人参观")
        : t("e.g. ", "例如：")
          + env.examples.questions(in: language).prefix(2).joined(separator: " · ")
      frame.canvas.write(
        AppView.fitted(example, width: area.maxX - x - 2), x: x + 1, y: inputY,
        style: Style(.dim), clip: area)
    }
    let cursor = state.question.draw(
      into: &frame.canvas, x: x, y: inputY, width: area.maxX - x - 1)
    // The cursor shows where the keys go: on the line, or hidden while an action is chosen.
    frame.canvas.cursor = onActions ? nil : cursor
    // Actions and follow-ups of the last answer.
    if actionRows > 0 {
      frame.canvas.write(
        onActions
          ? t("What next (↑↓, Enter or click):", "接下来（↑↓ 选择，回车或点击）：")
          : t("What next (Esc or ↓ to choose, or click):", "接下来（Esc 或 ↓ 选择，或点击）："),
        x: area.x + 1, y: actionTop,
        style: Style(.title))
      let lists = self.lists
      drawList(
        &frame,
        in: Rect(x: area.x + 2, y: actionTop + 1, width: area.width - 3, height: actionRows),
        count: actions.count, selection: state.selectedAction, focused: onActions,
        target: { .action($0) },
        row: { (" " + lists.label(actions[$0]), .normal) })
    }
    // The conversation, newest at the bottom.
    let talk = Rect(
      x: area.x + 1, y: area.y, width: area.width - 2,
      height: (actionRows > 0 ? actionTop : inputY) - area.y - 1)
    guard talk.height > 0 else { return }
    if state.conversation.isEmpty {
      drawWelcome(&frame.canvas, in: talk)
      return
    }
    var lines: [(String, Style)] = []
    for exchange in state.conversation {
      if !lines.isEmpty { lines.append(("", .normal)) }
      for line in TextWrapping.wrap("› " + exchange.question, width: talk.width) {
        lines.append((line, Style(.accent, bold: true)))
      }
      for paragraph in exchange.reply.text.split(separator: "\n", omittingEmptySubsequences: false)
      {
        for line in TextWrapping.wrap(String(paragraph), width: talk.width - 2) {
          lines.append(("  " + line, .normal))
        }
      }
    }
    // More than fits: the top row says so (it is never drawn over the answer).
    let overflow = lines.count > talk.height
    let rows = overflow ? talk.height - 1 : talk.height
    let scroll = min(state.askScroll, max(0, lines.count - rows))
    let end = lines.count - scroll
    let start = max(0, end - rows)
    let top = overflow ? talk.y + 1 : talk.y
    for (row, line) in lines[start..<end].enumerated() {
      frame.canvas.write(line.0, x: talk.x, y: top + row, style: line.1, clip: talk)
    }
    if overflow {
      let above = t("↑ \(start) more lines (PgUp)", "↑ 上方还有\(start)行（PgUp）")
      let below = scroll > 0 ? t(" · ↓ \(scroll) (PgDn)", " · ↓ \(scroll)行（PgDn）") : ""
      let note = (start > 0 ? above : t("(top)", "（顶部）")) + below
      frame.canvas.write(
        note.truncated(toWidth: talk.width), x: max(talk.x, talk.maxX - note.displayWidth),
        y: talk.y, style: Style(.dim), clip: talk)
    }
  }

  func drawWelcome(_ canvas: inout Canvas, in rect: Rect) {
    let event = catalog.event
    var y = rect.y
    y = paragraph(
      t(
        "Hi! I'm hiwaic, the \(event.shortName.text(.en)) assistant.",
        "您好！我是\(event.shortName.text(.zh))导览助手 hiwaic。"),
      &canvas, in: rect, from: y, style: Style(.title, bold: true))
    y = paragraph(event.theme.text(language), &canvas, in: rect, from: y, style: Style(.accent))
    y += 1
    y = paragraph(t("Ask me about:", "您可以问我："), &canvas, in: rect, from: y)
    guard env.examples.isComplete else {
      // Another conference's pack: its own questions, and no word of WAIC's floor plan.
      for example in env.examples.questions(in: language) {
        y = paragraph("• " + example, &canvas, in: rect, from: y, indent: 2)
      }
      y += 1
      paragraph(
        env.examples.hasModelledValues
          ? t(
            "Answers come from an offline event pack. ~ marks modelled values, which no source gives.",
            "答案来自离线活动数据包。~ 表示来源中没有、由模拟得出的数值。")
          : t("Answers come from an offline event pack.", "答案来自离线活动数据包。"),
        &canvas, in: rect, from: y, style: Style(.dim))
      return
    }
    let examples =
      language == .zh
      ? [
        "宇树科技在哪里？", "明天下午有哪些人工智能治理论坛？", "帮我规划两小时机器人参观", "最近的洗手间在哪？",
        "城市漫步有哪些路线？",
      ]
      : [
        "Where is Unitree?", "Which forums on AI governance are tomorrow afternoon?",
        "Plan me two hours of robotics", "Where is the nearest restroom?",
        "What are the City Walk routes?",
      ]
    for example in examples { y = paragraph("• " + example, &canvas, in: rect, from: y, indent: 2) }
    y += 1
    paragraph(
      t(
        "Answers come from an offline event pack. ~ marks modelled positions and times: no official 2025 floor plan was published.",
        "答案来自离线活动数据包。~ 表示模拟的位置或时间：2025年官方平面图未公开。"),
      &canvas, in: rect, from: y, style: Style(.dim))
  }
}
