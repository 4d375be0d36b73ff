import Assistant
import EventModel
import Recommender
import TerminalUI
import TextLayout

extension ScreenContext {
  /// For you: the profile (role, wants, interests) on the left, what it recommends on the right,
  /// each with why.
  mutating func drawForYou(_ frame: inout Frame) {
    let rows = ForYouRows(env: env, state: state)
    hints =
      state.forYouOnList
      ? t(
        "↑↓ choose · Enter show · f keep in my plan · m map · ← profile",
        "↑↓ 选择 · 回车 查看 · f 加入行程 · m 地图 · ← 资料")
      : t(
        "↑↓ choose · Space tick · ←→ role · → recommendations · Esc back",
        "↑↓ 选择 · 空格 勾选 · ←→ 身份 · → 推荐 · Esc 返回")
    let (profileRect, listRect) = listAndDetail(area.inset(1).splitRows(0).1, listShare: 0.34)
    frame.canvas.frame(profileRect, title: t("About you", "关于您"))
    let profileRows = rows.profileRows
    let profile = state.profile
    drawList(
      &frame, in: profileRect.inset(1), count: profileRows.count,
      selection: min(state.profileSelection, profileRows.count - 1),
      focused: !state.forYouOnList, target: { .profileRow($0) }
    ) { index in
      switch profileRows[index] {
      case .role:
        let name =
          profile.role.flatMap { env.roles.role($0)?.name.text(language) }
          ?? t("(choose)", "（请选择）")
        return (t("I am: ‹ \(name) ›", "我是：‹ \(name) ›"), Style(.title, bold: true))
      case .want(let id):
        let box = profile.wants.contains(id) ? "[x]" : "[ ]"
        let name = env.roles.want(id)?.name.text(language) ?? id
        return (t("\(box) I want to \(name)", "\(box) 我想\(name)"), .normal)
      case .interest(let id):
        let box = profile.interests.contains(id) ? "[x]" : "[ ]"
        return ("\(box) " + (catalog.topic(id)?.name.text(language) ?? id), .normal)
      }
    }
    frame.canvas.frame(listRect, title: t("For you", "为您推荐"))
    let box = listRect.inset(1).splitColumns(1).1
    let picks = rows.recommendations
    guard !picks.isEmpty else {
      paragraph(
        t(
          "Tell me who you are and what interests you (on the left): I will suggest exhibitors, sessions and a City Walk, each with why.",
          "请在左侧选择您的身份和兴趣：我会推荐展商、活动和城市漫步路线，并说明理由。"),
        &frame.canvas, in: box, from: box.y, style: Style(.dim))
      if env.roles.roles.isEmpty {
        paragraph(
          t("(This pack has no roles: interests alone work.)", "（此数据包没有身份数据：只按兴趣推荐。）"),
          &frame.canvas, in: box, from: box.y + 3, style: Style(.dim))
      }
      return
    }
    let selection = min(state.forYouSelection, picks.count - 1)
    var pickRows: [Int: Range<Int>] = [:]
    let wording = RecommendationWording(
      catalog: env.catalog, roles: env.roles, language: state.language, now: state.now)
    drawScrolling(
      &frame, pane: .forYou, in: box,
      focus: { state.forYouOnList ? pickRows[selection] : nil }
    ) { canvas, inner in
      var y = inner.y
      var kind: Recommendation.Kind?
      for (index, pick) in picks.enumerated() {
        if pick.kind != kind {
          kind = pick.kind
          if index > 0 { y += 1 }
          let heading =
            switch pick.kind {
            case .exhibitor: t("Exhibitors", "展商")
            case .session: t("Sessions", "活动")
            case .speaker: t("Speakers", "嘉宾")
            case .citywalk: t("City Walk", "城市漫步")
            }
          y = paragraph(heading, &canvas, in: inner, from: y, style: Style(.accent, bold: true))
        }
        let first = y
        let chosen = state.forYouOnList && index == selection
        let kept =
          pick.kind == .exhibitor && state.favouriteExhibitors.contains(pick.id)
          || pick.kind == .session && state.favouriteSessions.contains(pick.id)
          || pick.kind == .citywalk && state.plannedWalk?.route == pick.id
        y = paragraph(
          (chosen ? "▶ " : "  ") + (kept ? "★ " : "") + pick.name, &canvas, in: inner, from: y,
          style: chosen ? Style(.selected, bold: true) : Style(.normal, bold: true))
        y = paragraph(
          wording.line(pick), &canvas, in: inner, from: y,
          style: Style(.dim), indent: 4)
        pickRows[index] = first..<y
      }
      return y
    }
    for (index, rows) in pickRows {
      // Clicks on the rows as drawn (before scrolling, so only when it all fits).
      if frame.scrollLimits[.forYou] == 0 {
        frame.hotspot(
          Rect(x: box.x, y: box.y + rows.lowerBound, width: box.width, height: rows.count),
          .recommendation(index))
      }
    }
  }
}
