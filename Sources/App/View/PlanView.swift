import Assistant
import EventModel
import TerminalUI
import TextLayout

extension ScreenContext {
  /// Plan: the planner as a form, and the plan as a timeline beside it.
  mutating func drawPlan(_ frame: inout Frame) {
    hints = t(
      "↑↓ field · type to fill · Enter next / plan · m show on map · Ctrl-R re-plan from now · Esc back",
      "↑↓ 选择字段 · 输入 · 回车 下一项/规划 · m 地图 · Ctrl-R 从现在重新规划 · Esc 返回")
    let (formRect, resultRect) = listAndDetail(area.inset(1).splitRows(0).1, listShare: 0.42)
    frame.canvas.frame(formRect, title: t("Plan my visit", "规划我的参观"))
    let inner = formRect.inset(1).splitColumns(1).1
    let labels: [PlanField: String] = [
      .interests: t("Interests (topics)", "兴趣（主题）"),
      .mustSee: t("Must-see exhibitors", "必看展商"),
      .sessions: t("Sessions to attend", "要参加的活动"),
      .from: t("Start at (place)", "出发地点"),
      .start: t("Start time (14:00)", "出发时间（14:00）"),
      .budget: t("Time budget (2h, 90m)", "时长（2h、90m）"),
    ]
    var y = inner.y
    // A blank row between fields when the form has the room for it.
    let gap = inner.height >= 6 * 3 + 4 ? 1 : 0
    for field in PlanField.allCases {
      guard y < inner.maxY else { break }
      let focused = state.planFocus == field
      let marker = focused ? "▶ " : "  "
      switch field {
      case .stepFree:
        let box = state.planStepFree ? "[x]" : "[ ]"
        let rect = Rect(x: inner.x, y: y, width: inner.width, height: 1)
        frame.canvas.write(
          marker + box + " " + t("Step-free (no stairs or escalators)", "无障碍（不走楼梯和扶梯）"), x: rect.x,
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
            case .interests: t("e.g. robotics, chips", "如：机器人, 芯片")
            case .mustSee: t("e.g. Unitree, Huawei", "如：宇树科技, 华为")
            case .from: t("here / main entrance", "当前位置 / 主入口")
            case .start: t("now", "现在")
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
        "! " + problem, &frame.canvas, in: inner, from: min(y, inner.maxY - 2),
        style: Style(.warning))
    }
    frame.canvas.frame(resultRect, title: t("Your route", "您的路线"))
    let result = resultRect.inset(1).splitColumns(1).1
    if let planned = state.planned {
      var text = ""
      if let note = env.assistant.startNote(planned, language: language) { text = note + "\n" }
      text += PlanTimeline(catalog: catalog, language: language).render(
        planned.plan, request: planned.request)
      paragraph(text, &frame.canvas, in: result, from: result.y)
    } else {
      paragraph(
        t(
          "Fill in what interests you and press Enter on [ Plan ]. The planner picks and orders booths and sessions for the most interest in your time, on time for every session.",
          "填写您的兴趣，在[ 规划 ]上按回车。规划器会在您的时间内挑选并排列展位和活动，准时赶上每场活动。"),
        &frame.canvas, in: result, from: result.y, style: Style(.dim))
    }
  }
}
