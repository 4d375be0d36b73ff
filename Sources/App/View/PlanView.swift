import Assistant
import EventModel
import TerminalUI
import TextLayout

extension ScreenContext {
  /// Plan: the planner as a form, and the plan as a timeline beside it.
  mutating func drawPlan(_ frame: inout Frame) {
    hints =
      state.planFocus == .stepFree
      ? t(
        "Space tick or untick · ↑↓ or Enter move on · Esc back",
        "空格 勾选或取消 · ↑↓ 或回车 下一项 · Esc 返回")
      : t(
        "↑↓ field · Enter next · PgDn route · m map · Ctrl-R re-plan · Esc back",
        "↑↓ 字段 · 回车 下一项 · PgDn 路线 · m 地图 · Ctrl-R 重新规划 · Esc 返回")
    let (formRect, resultRect) = listAndDetail(area.inset(1).splitRows(0).1, listShare: 0.42)
    frame.canvas.frame(formRect, title: t("Plan my visit", "规划我的参观"))
    let inner = formRect.inset(1).splitColumns(1).1
    let labels: [PlanField: String] = [
      .interests: t("Interests (topics)", "兴趣（主题）"),
      .mustSee: t("Must-see exhibitors", "必看展商"),
      .sessions: t("Sessions to attend", "要参加的活动"),
      .from: t("Start place", "出发地点"),
      .end: t("End place", "结束地点"),
      .start: t("Start time", "出发时间"),
      .budget: t("Time budget", "时长"),
    ]
    let textFields = PlanField.textFields.count
    // A blank row between fields when the form has the room for it.
    let gap = inner.height >= textFields * 3 + 4 ? 1 : 0
    func rows(_ field: PlanField) -> Int { (field.rawValue < textFields ? 2 : 1) + gap }
    // A form taller than its frame scrolls so that the field with the keyboard shows.
    var skipped = 0
    var rowsToFocus = PlanField.allCases.prefix(state.planFocus.rawValue + 1).reduce(0) {
      $0 + rows($1)
    }
    let problemRows = state.planProblem == nil ? 0 : 2
    while rowsToFocus > inner.height - problemRows, skipped < state.planFocus.rawValue {
      rowsToFocus -= rows(PlanField.allCases[skipped])
      skipped += 1
    }
    if skipped > 0 {
      frame.canvas.write("↑", x: inner.maxX - 1, y: inner.y, style: Style(.dim))
    }
    var y = inner.y
    for field in PlanField.allCases.dropFirst(skipped) {
      guard y + rows(field) - gap <= inner.maxY else {
        frame.canvas.write("↓", x: inner.maxX - 1, y: inner.maxY - 1, style: Style(.dim))
        break
      }
      let focused = state.planFocus == field
      let marker = focused ? "▶ " : "  "
      switch field {
      case .stepFree:
        let box = state.planStepFree ? "[x]" : "[ ]"
        let rect = Rect(x: inner.x, y: y, width: inner.width, height: 1)
        frame.canvas.write(
          marker + box + " " + t("Step-free route", "无障碍路线"), x: rect.x,
          y: y, style: focused ? Style(.selected, bold: true) : .normal, clip: rect)
        frame.hotspot(rect, .planField(field))
        y += 1 + gap
      case .submit:
        let rect = Rect(x: inner.x, y: y, width: inner.width, height: 1)
        frame.canvas.write(
          marker + t("[ Plan ]", "[ 规划 ]"), x: rect.x, y: y,
          style: focused ? Style(.selected, bold: true) : Style(.accent, bold: true), clip: rect)
        frame.hotspot(rect, .planField(field))
        y += 1 + gap
      default:
        let rect = Rect(x: inner.x, y: y, width: inner.width, height: 2)
        frame.canvas.write(
          marker + (labels[field] ?? ""), x: inner.x, y: y,
          style: focused ? Style(.title, bold: true) : Style(.dim), clip: inner)
        let cursor = state.planFields[field.rawValue].draw(
          into: &frame.canvas, x: inner.x + 2, y: y + 1, width: inner.width - 2,
          style: Style(.normal, underline: true))
        if focused { frame.canvas.cursor = cursor }
        if state.planFields[field.rawValue].isEmpty && !focused {
          let placeholder: String =
            switch field {
            case .interests:
              state.profile.interests.isEmpty
                ? t("e.g. robotics, chips", "如：机器人、芯片")
                : t("your profile's interests", "您资料中的兴趣")
            case .mustSee: t("e.g. Unitree, Huawei", "如：宇树科技, 华为")
            case .sessions: t("titles, separated by ;", "活动名称，用；分隔")
            case .from: t("here", "当前位置")
            case .end: t("where you start", "出发地点")
            case .start: t("now, or 14:00", "现在，或14:00")
            case .budget: t("2h, 90m or 1h30m", "2h、90m或1h30m")
            default: ""
            }
          frame.canvas.write(placeholder, x: inner.x + 2, y: y + 1, style: Style(.dim), clip: inner)
        }
        frame.hotspot(rect, .planField(field))
        y += 2 + gap
      }
    }
    if let problem = state.planProblem {
      paragraph(
        "! " + problem, &frame.canvas, in: inner, from: min(y, inner.maxY - problemRows),
        style: Style(.warning))
    }
    let stale = state.planIsStale || (state.planned != nil && state.planProblem != nil)
    frame.canvas.frame(
      resultRect,
      title: stale
        ? t("Your route: out of date, Enter on [ Plan ] to renew", "您的路线：已过时，在[ 规划 ]上回车更新")
        : t("Your route", "您的路线"))
    let result = resultRect.inset(1).splitColumns(1).1
    if let planned = state.planned {
      var text = ""
      if let note = env.assistant.startNote(planned, language: language) { text = note + "\n" }
      text += PlanTimeline(catalog: catalog, language: language).render(
        planned.plan, request: planned.request)
      drawScrolling(&frame, pane: .planRoute, in: result) { canvas, inner in
        paragraph(text, &canvas, in: inner, from: inner.y)
      }
    } else {
      paragraph(
        t(
          "Fill in what interests you and press Enter on [ Plan ]. The planner picks and orders booths and sessions for the most interest in your time, on time for every session.",
          "填写您的兴趣，在[ 规划 ]上按回车。规划器会在您的时间内挑选并排列展位和活动，准时赶上每场活动。"),
        &frame.canvas, in: result, from: result.y, style: Style(.dim))
    }
  }
}
