import Assistant
import EventModel
import Foundation
import Knowledge
import Planner
import TerminalUI
import TextLayout

extension ScreenContext {
  /// Where a list and its detail go: side by side when wide, stacked when narrow.
  func listAndDetail(_ rect: Rect, listShare: Double = 0.42) -> (list: Rect, detail: Rect) {
    if rect.width >= 70 {
      let listWidth = max(28, Int(Double(rect.width) * listShare))
      return rect.splitColumns(listWidth, gap: 1)
    }
    let listHeight = max(3, rect.height / 2)
    return rect.splitRows(listHeight, gap: 1)
  }

  /// Exhibitors: search as you type, pavilion filter, list and detail.
  mutating func drawExhibitors(_ frame: inout Frame) {
    hints =
      state.searchingExhibitors
      ? t("Type to search · Enter/↓ to the list · Esc clear", "输入即搜索 · 回车/↓ 到列表 · Esc 清除")
      : t(
        "/ search · ↑↓ choose · Enter map · f ★ my plan · p pavilion · Esc clear · 2–8 screens",
        "/ 搜索 · ↑↓ 选择 · 回车 地图 · f ★ 加入行程 · p 展馆 · Esc 清除 · 2–8 切换")
    var y = area.y
    let label = t("Search: ", "搜索：")
    var x = frame.canvas.write(label, x: area.x + 1, y: y, style: Style(.title, bold: true))
    let fieldWidth = max(10, area.width / 2 - x)
    let cursor = state.exhibitorSearch.draw(
      into: &frame.canvas, x: x, y: y, width: fieldWidth,
      style: Style(.normal, underline: true))
    if state.searchingExhibitors { frame.canvas.cursor = cursor }
    x += fieldWidth + 1
    let pavilion =
      state.pavilionFilter.flatMap { catalog.pack.pavilions[safe: $0]?.name.text(language) }
      ?? t("all pavilions", "全部展馆")
    frame.canvas.write(
      t("Pavilion (p): ", "展馆（p）：") + pavilion, x: x, y: y, style: Style(.accent), clip: area)
    y += 1
    let exhibitors = lists.exhibitors
    let body = Rect(x: area.x, y: y + 1, width: area.width, height: area.maxY - y - 1)
    let total = catalog.pack.exhibitors.count
    let found =
      exhibitors.count == total
      ? coverage(count: total, figure: "exhibitors")
      : t("\(exhibitors.count) found", "找到\(exhibitors.count)家") + " · "
        + coverage(count: total, figure: "exhibitors")
    frame.canvas.write(
      found.truncated(toWidth: area.width - 2), x: area.x + 1, y: y, style: Style(.dim))
    let (listRect, detailRect) = listAndDetail(body)
    if exhibitors.isEmpty {
      paragraph(
        t(
          "Nothing found. Try a name in English or Chinese, a topic (robotics, 芯片) or a booth (H3).",
          "没有找到。试试中英文名称、主题（机器人、chips）或展位号（H3）。"),
        &frame.canvas, in: listRect.inset(1), from: listRect.y)
      return
    }
    let selection = min(state.exhibitorSelection, exhibitors.count - 1)
    drawList(
      &frame, in: listRect, count: exhibitors.count, selection: selection,
      focused: !state.searchingExhibitors, target: { .exhibitor($0) }
    ) { index in
      let exhibitor = exhibitors[index]
      let star = state.favouriteExhibitors.contains(exhibitor.id) ? "★" : " "
      let booth = exhibitor.booth.map { "~" + $0 } ?? ""
      let nameWidth = max(4, listRect.width - 4 - booth.displayWidth)
      let name = exhibitor.name.text(language).truncated(toWidth: nameWidth)
      return (star + " " + name.padded(toWidth: nameWidth) + " " + booth, .normal)
    }
    drawExhibitorDetail(exhibitors[selection], &frame, in: detailRect)
  }

  func drawExhibitorDetail(_ exhibitor: Exhibitor, _ frame: inout Frame, in rect: Rect) {
    let name = exhibitor.name.text(language)
    frame.canvas.frame(rect, title: name)
    let box = rect.inset(1).splitColumns(1).1
    drawScrolling(&frame, pane: .exhibitorDetail, in: box) { canvas, inner in
      var y = inner.y
      // The whole name when the frame's title had to cut it.
      if name.displayWidth > rect.width - 4 {
        y = paragraph(name, &canvas, in: inner, from: y, style: Style(.title, bold: true))
      }
      let other = language == .zh ? exhibitor.name.en : exhibitor.name.zh
      if let other, other != exhibitor.name.text(language) {
        y = paragraph(other, &canvas, in: inner, from: y, style: Style(.accent))
      }
      var place: [String] = []
      if let boothID = exhibitor.booth, let booth = catalog.place(ofBooth: boothID) {
        place.append(t("Booth ~", "展位 ~") + booth.booth.id)
        if let hall = booth.hall { place.append(hall.name.text(language)) }
        if let floor = booth.floor { place.append(floor.name.text(language)) }
        if let venue = booth.venue { place.append(venue.name.text(language)) }
      }
      if let pavilion = catalog.pavilion(exhibitor.pavilion) {
        y = paragraph(
          t("Pavilion: ", "展馆：") + pavilion.name.text(language), &canvas, in: inner, from: y)
      }
      if !place.isEmpty {
        y = paragraph(place.joined(separator: t(", ", "，")), &canvas, in: inner, from: y)
      }
      if let here = state.here, let node = exhibitor.booth.flatMap({ catalog.booth($0)?.node }),
        let way = WalkingRouter(catalog: catalog).route(from: here, to: node, stepFree: false)
      {
        y = paragraph(
          t(
            "About \(max(1, way.minutes.roundedInt)) min on foot (\(Labels.distance(way.metres))) from here",
            "从这里步行约\(max(1, way.minutes.roundedInt))分钟（\(Labels.distance(way.metres))）"),
          &canvas, in: inner, from: y, style: Style(.highlight))
      }
      let topics = exhibitor.topics.compactMap { catalog.topic($0)?.name.text(language) }
      if !topics.isEmpty {
        y = paragraph(
          t("Topics: ", "主题：") + topics.joined(separator: t(", ", "、")), &canvas, in: inner, from: y
        )
      }
      y += 1
      y = paragraph(exhibitor.description.text(language), &canvas, in: inner, from: y)
      for exhibit in exhibitor.exhibits {
        y = paragraph("• " + exhibit.name.text(language), &canvas, in: inner, from: y)
      }
      y += 1
      return paragraph(
        sourceLine(exhibitor.provenance), &canvas, in: inner, from: y, style: Style(.dim))
    }
  }

  /// Where a record comes from, and what of it is modelled, in words a visitor reads: news
  /// reports and web sites rather than file names, "time" rather than field names.
  func sourceLine(_ provenance: Provenance) -> String {
    var parts: [String] = []
    var seeds = 0
    var named: [String] = []
    for source in provenance.sources {
      if source.hasPrefix("seed:") {
        seeds += 1
      } else if source.hasPrefix("research:") {
        named.append(t("published reports", "公开资料"))
      } else if source.hasPrefix("synthetic:") {
        named.append(t("generated test data", "生成的测试数据"))
      } else if let host = URL(string: source)?.host {
        named.append(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host)
      }
    }
    if seeds > 0 {
      named.insert(
        seeds == 1 ? t("a news report", "新闻报道") : t("\(seeds) news reports", "\(seeds)篇新闻报道"), at: 0
      )
    }
    var seen = Set<String>()
    named = named.filter { seen.insert($0).inserted }
    if !named.isEmpty {
      parts.append(t("From ", "来源：") + named.joined(separator: t(", ", "、")))
    }
    if provenance.isWhollyModelled {
      parts.append(t("~ approximate: no source gives it", "~ 示意：无来源"))
    } else if !provenance.modelled.isEmpty {
      var fields: [String] = []
      for field in provenance.modelled {
        let word = fieldWord(field)
        if !fields.contains(word) { fields.append(word) }
      }
      parts.append(
        t("~ approximate: ", "~ 示意：") + fields.joined(separator: t(", ", "、")))
    }
    return parts.joined(separator: " · ")
  }

  /// A record's field as a visitor would name it.
  func fieldWord(_ field: String) -> String {
    switch field.split(separator: ".").first.map(String.init) ?? field {
    case "booth": t("booth", "展位")
    case "pavilion": t("pavilion", "展馆")
    case "start", "end", "date", "time": t("time", "时间")
    case "room", "venue": t("room", "会场")
    case "hall": t("hall", "展厅")
    case "title", "name":
      field.hasSuffix(".zh")
        ? t("Chinese name", "中文名称")
        : field.hasSuffix(".de") ? t("German name", "德文名称") : t("name", "名称")
    case "speakers": t("speakers", "嘉宾")
    case "topics": t("topics", "主题")
    case "description": t("description", "介绍")
    case "exhibits": t("exhibits", "展品")
    case "kind": t("kind of session", "活动类型")
    case "x", "y", "position", "node", "outline", "location", "rect", "bounds": t("position", "位置")
    case "floor": t("floor", "楼层")
    case "halls": t("halls", "展厅")
    case "minutes": t("duration", "时长")
    case "affiliation": t("affiliation", "所属机构")
    case "stops": t("stops", "站点")
    case "answer": t("answer", "回答")
    case "prominence": t("prominence", "知名度")
    case "offers": t("what it offers", "提供内容")
    default: t("some details", "部分信息")
    }
  }

  /// Schedule: a day's sessions by time (or a filter's matches on every day), now and next
  /// marked on today only, favourites and what they clash with; or the day as rooms × time.
  mutating func drawSchedule(_ frame: inout Frame) {
    let lists = self.lists
    let filtered = !lists.sessionQuery.isEmpty
    hints =
      state.filteringSessions
      ? t("Type to filter all days · Enter/↓/Esc to the list", "输入即筛选全部日期 · 回车/↓/Esc 到列表")
      : filtered
        ? t(
          "←→ day · ↑↓ choose · f ★ · / filter · Esc clear filter · Enter map",
          "←→ 日期 · ↑↓ 选择 · f ★ · / 筛选 · Esc 清除筛选 · 回车 地图")
        : t(
          "←→ day · ↑↓ choose · f ★ · o only ★ · n now · v \(state.timetable ? "list" : "by room") · / filter",
          "←→ 日期 · ↑↓ 选择 · f ★ · o 只看★ · n 现在 · v \(state.timetable ? "列表" : "按会场") · / 筛选")
    let labels = Labels(language: language)
    let sessions = lists.sessions
    let zone = catalog.timeZone
    let selection = min(state.sessionSelection, max(0, sessions.count - 1))
    // The day marked: the chosen one, or while filtering the selected match's.
    let markedDay =
      filtered
      ? sessions[safe: selection].map { catalog.programmeDate($0.start) }
      : lists.day
    let counts = filtered ? lists.countsByDay(sessions) : [:]
    let today = lists.todayIndex
    var x = area.x + 1
    // Each day's tab: the date in full, or short when the days would not fit the line.
    func dayTab(_ index: Int, _ day: LocalDate, short: Bool) -> String {
      var text =
        short
        ? (language == .zh
          ? "\(day.day)日\(day.weekdayName(.zh, short: true))"
          : "\(day.weekdayName(.en, short: true)) \(day.day)")
        : labels.date(day)
      if index == today { text = "• " + text }
      if filtered { text += " (\(counts[day] ?? 0))" }
      return day == markedDay ? "[\(text)]" : " \(text) "
    }
    let fullWidth = lists.days.enumerated().reduce(0) {
      $0 + dayTab($1.offset, $1.element, short: false).displayWidth + 1
    }
    let short = fullWidth > area.width - 2
    for (index, day) in lists.days.enumerated() {
      let current = day == markedDay
      let text = dayTab(index, day, short: short)
      let style =
        current
        ? Style(.selected, bold: true)
        : filtered && counts[day] == nil ? Style(.dim) : Style(.accent)
      let end = frame.canvas.write(text, x: x, y: area.y, style: style, clip: area)
      frame.hotspot(Rect(x: x, y: area.y, width: end - x, height: 1), .day(index))
      x = end + 1
    }
    let filterY = area.y + 1
    var fx = frame.canvas.write(
      t("Filter (/): ", "筛选（/）："), x: area.x + 1, y: filterY, style: Style(.title))
    let fieldWidth = max(10, area.width / 3)
    let cursor = state.sessionFilter.draw(
      into: &frame.canvas, x: fx, y: filterY, width: fieldWidth,
      style: Style(.normal, underline: true))
    if state.filteringSessions { frame.canvas.cursor = cursor }
    fx += fieldWidth + 2
    let status =
      state.onlyFavourites
      ? t("showing ★ only (o)", "只看★（o）")
      : filtered
        ? t("\(sessions.count) on all days", "全部日期共\(sessions.count)场")
        : coverage(count: catalog.pack.sessions.count, figure: "forums")
    // Beside the filter when it fits, else on the row below it.
    let statusRoom = area.maxX - fx - 1
    let (statusX, statusY) =
      status.displayWidth <= statusRoom ? (fx, filterY) : (area.x + 1, filterY + 1)
    frame.canvas.write(
      status.truncated(toWidth: max(0, area.maxX - statusX - 1)), x: statusX, y: statusY,
      style: state.onlyFavourites ? Style(.warning) : Style(.dim), clip: area)
    let body = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
    guard !sessions.isEmpty else {
      let empty =
        filtered
        ? t(
          "No session on any day matches “\(state.sessionFilter.text)”. Try a speaker, a topic or a room; Esc clears the filter.",
          "没有任何一天的活动符合“\(state.sessionFilter.text)”。试试嘉宾、主题或会场；Esc 清除筛选。")
        : state.onlyFavourites
          ? t("No ★ sessions on this day: f on a session adds it.", "这天没有★活动：在活动上按 f 收藏。")
          : t("No sessions on this day in this pack.", "数据包中这天没有活动。")
      paragraph(empty, &frame.canvas, in: body.inset(1), from: body.y)
      return
    }
    let clashes = lists.clashes
    if state.timetable && !filtered {
      let (gridRect, detailRect) = body.splitRows(max(3, body.height / 2), gap: 1)
      drawTimetable(&frame, sessions: sessions, selection: selection, in: gridRect)
      drawSessionDetail(
        sessions[selection], clashes: clashes[sessions[selection].id] ?? [], &frame,
        in: detailRect)
      return
    }
    let (now, next) = lists.nowAndNext(sessions)
    let (listRect, detailRect) = listAndDetail(body, listShare: 0.55)
    drawList(
      &frame, in: listRect, count: sessions.count, selection: selection,
      focused: !state.filteringSessions, target: { .session($0) }
    ) { index in
      let session = sessions[index]
      let day =
        filtered
        ? catalog.programmeDate(session.start).weekdayName(language, short: true) + " "
        : ""
      let time =
        day + EventTime.clockTime(session.start, zone: zone) + "–"
        + EventTime.clockTime(session.end, zone: zone)
      let mark =
        now.contains(session.id) ? t("NOW ", "进行中") : session.id == next ? t("NEXT", "下一场") : "    "
      let star = state.favouriteSessions.contains(session.id) ? "★" : " "
      let clash = clashes[session.id] != nil ? "!" : " "
      let modelled = session.provenance.isModelled("start") ? "~" : " "
      return (
        "\(modelled)\(time) \(mark.padded(toWidth: 6))\(star)\(clash) \(session.title.text(language))",
        now.contains(session.id) ? Style(.highlight) : .normal
      )
    }
    drawSessionDetail(
      sessions[selection], clashes: clashes[sessions[selection].id] ?? [], &frame,
      in: detailRect)
  }

  /// "31 sessions in this offline pack (100+ forums in all)": how much of the event the pack
  /// holds, by the pack's own figure when it has one.
  func coverage(count: Int, figure: String) -> String {
    let total = catalog.event.figures.first { $0.id == figure }?.value
    switch figure {
    case "exhibitors":
      guard let total else {
        return t("\(count) exhibitors in this offline pack", "离线数据包收录\(count)家展商")
      }
      return t(
        "\(count) of \(total.text(.en)) exhibitors in this offline pack",
        "离线数据包收录\(count)家展商（共\(total.text(.zh))）")
    default:
      guard let total else {
        return t("\(count) sessions in this offline pack", "离线数据包收录\(count)场活动")
      }
      return t(
        "\(count) sessions in this offline pack (\(total.text(.en)) forums in all)",
        "离线数据包收录\(count)场活动（论坛共\(total.text(.zh))）")
    }
  }

  /// The day as a timetable: a row per room, time across in half hours, each session a block
  /// with as much of its title as fits; the selected one highlighted.
  func drawTimetable(_ frame: inout Frame, sessions: [Session], selection: Int, in rect: Rect) {
    let zone = catalog.timeZone
    var rooms: [String] = []
    for session in sessions where !rooms.contains(session.room) { rooms.append(session.room) }
    guard let first = sessions.map(\.start).min(), let last = sessions.map(\.end).max() else {
      return
    }
    // Whole half hours around the day's sessions.
    let slot = 1800.0
    let origin = (first.timeIntervalSince1970 / slot).rounded(.down) * slot
    let span = max(slot, last.timeIntervalSince1970 - origin)
    let slots = max(1, min(96, Int((span / slot).rounded(.up))))
    let labelWidth = min(18, max(8, rect.width / 5))
    let gridWidth = rect.width - labelWidth - 2
    guard gridWidth >= slots, rect.height >= 2 else {
      paragraph(
        t("Too narrow for the timetable: v shows the list.", "太窄，无法显示时间表：按 v 显示列表。"),
        &frame.canvas, in: rect.inset(1), from: rect.y)
      return
    }
    let cellWidth = Double(gridWidth) / Double(slots)
    func column(_ date: Date) -> Int {
      let offset = (date.timeIntervalSince1970 - origin) / slot * cellWidth
      let clamped = min(Double(gridWidth), max(0, offset.rounded()))
      return rect.x + labelWidth + 1 + Int(clamped)
    }
    // The hour marks across the top, as many as fit without touching.
    var hour = (origin / 3600).rounded(.up) * 3600
    var free = rect.x + labelWidth + 1
    while hour < last.timeIntervalSince1970 {
      let date = Date(timeIntervalSince1970: hour)
      let label = EventTime.clockTime(date, zone: zone)
      let x = column(date)
      if x >= free && x + label.displayWidth <= rect.maxX {
        frame.canvas.write(label, x: x, y: rect.y, style: Style(.dim), clip: rect)
        free = x + label.displayWidth + 1
      }
      hour += 3600
    }
    let visibleRooms = rect.height - 1
    let selectedRoom = sessions[safe: selection].flatMap { rooms.firstIndex(of: $0.room) } ?? 0
    let firstRoom = ScreenContext.scrollOffset(
      selection: selectedRoom, count: rooms.count, height: visibleRooms)
    for (row, room) in rooms.enumerated().dropFirst(firstRoom).prefix(visibleRooms) {
      let y = rect.y + 1 + row - firstRoom
      let name = catalog.room(room)?.name.text(language) ?? room
      frame.canvas.write(
        name.truncated(toWidth: labelWidth), x: rect.x + 1, y: y, style: Style(.title), clip: rect)
      for (index, session) in sessions.enumerated() where session.room == room {
        let x = column(session.start)
        let width = max(1, column(session.end) - x - 1)
        let star = state.favouriteSessions.contains(session.id) ? "★" : ""
        let text = (star + session.title.text(language)).truncated(toWidth: width)
        let cell = Rect(x: x, y: y, width: width, height: 1)
        let style = index == selection ? Style(.selected, bold: true) : Style(.bar)
        frame.canvas.fill(cell, style: style)
        frame.canvas.write(text, x: x, y: y, style: style, clip: cell)
        frame.hotspot(cell, .session(index))
      }
    }
    if rooms.count > visibleRooms {
      frame.canvas.write(
        t("\(rooms.count) rooms, ↑↓", "共\(rooms.count)个会场，↑↓"), x: rect.x + 1, y: rect.y,
        style: Style(.dim), clip: Rect(x: rect.x, y: rect.y, width: labelWidth, height: 1))
    }
  }

  func drawSessionDetail(
    _ session: Session, clashes: [Session], _ frame: inout Frame, in rect: Rect
  ) {
    let title = session.title.text(language)
    frame.canvas.frame(rect, title: title)
    let box = rect.inset(1).splitColumns(1).1
    let zone = catalog.timeZone
    let labels = Labels(language: language)
    drawScrolling(&frame, pane: .sessionDetail, in: box) { canvas, inner in
      var y = inner.y
      // The whole title when the frame's title had to cut it.
      if title.displayWidth > rect.width - 4 {
        y = paragraph(title, &canvas, in: inner, from: y, style: Style(.title, bold: true))
      }
      let day = labels.date(EventTime.localDate(session.start, zone: zone))
      let modelled = session.provenance.isModelled("start") ? "~" : ""
      y = paragraph(
        "\(day) \(modelled)\(EventTime.clockTime(session.start, zone: zone))–\(EventTime.clockTime(session.end, zone: zone)) · \(labels.sessionKind(session.kind))",
        &canvas, in: inner, from: y, style: Style(.accent))
      if let place = catalog.place(ofRoom: session.room) {
        let venue = place.venue.map { t(", ", "，") + $0.name.text(language) } ?? ""
        y = paragraph(place.room.name.text(language) + venue, &canvas, in: inner, from: y)
      }
      let speakers = session.speakers.compactMap { catalog.speaker($0)?.name.text(language) }
      if !speakers.isEmpty {
        y = paragraph(
          labels.speakers + t(": ", "：") + speakers.joined(separator: t(", ", "、")), &canvas,
          in: inner, from: y)
      }
      for other in clashes {
        let when =
          EventTime.clockTime(other.start, zone: zone) + "–"
          + EventTime.clockTime(other.end, zone: zone)
        y = paragraph(
          t(
            "! Clashes with ★ \(other.title.text(language)) (\(when))",
            "! 与★\(other.title.text(language))（\(when)）时间冲突"), &canvas, in: inner, from: y,
          style: Style(.warning))
      }
      if let description = session.description?.text(language), !description.isEmpty {
        y = paragraph(description, &canvas, in: inner, from: y + 1)
      }
      y = paragraph(
        sourceLine(session.provenance), &canvas, in: inner, from: y + 1, style: Style(.dim))
      // What was recorded of it (the Talks & Q&A screen has all of it).
      if let notes = state.sessionNotes, notes.session == session.id, !notes.chunks.isEmpty {
        y = paragraph(
          notes.reported
            ? t("What the press reported was said (0 for all):", "媒体报道的发言（按 0 查看全部）：")
            : t("Recorded talks and Q&A (0 for all):", "演讲与问答记录（按 0 查看全部）："), &canvas, in: inner,
          from: y + 1, style: Style(.title, bold: true))
        for chunk in notes.chunks {
          y = paragraph(chunkLine(chunk), &canvas, in: inner, from: y)
        }
      }
      return y
    }
  }

  /// City Walk: the routes; the chosen one timed from a start (within a time, if given), its
  /// stops with how far and how long between them, said to be straight-line or estimates.
  mutating func drawCityWalk(_ frame: inout Frame) {
    hints =
      state.walkStops
      ? t(
        "↑↓ stop · Enter on the map · [ ] start · +/- time · a add to my plan · Esc routes",
        "↑↓ 站点 · 回车 地图 · [ ] 出发时间 · +/- 时长 · a 加入行程 · Esc 路线")
      : t(
        "↑↓ route · Enter its stops · [ ] start · +/- time · a add to my plan · Esc back",
        "↑↓ 路线 · 回车 站点 · [ ] 出发时间 · +/- 时长 · a 加入行程 · Esc 返回")
    let routes = catalog.pack.cityWalks
    guard !routes.isEmpty else {
      paragraph(
        t("This pack has no City Walk routes.", "此数据包没有城市漫步路线。"), &frame.canvas, in: area.inset(1),
        from: area.y)
      return
    }
    let (listRect, detailRect) = listAndDetail(area.inset(1).splitRows(0).1, listShare: 0.35)
    let selection = min(state.walkSelection, routes.count - 1)
    let planner = CityWalkPlanner(catalog: catalog)
    let start = CityWalkTiming.start(state, catalog)
    let zone = catalog.timeZone
    let minutes = t("min", "分钟")
    for (index, route) in routes.enumerated() where index * 2 + 1 < listRect.height {
      let selected = index == selection
      let rect = Rect(x: listRect.x, y: listRect.y + index * 2, width: listRect.width, height: 2)
      let whole = planner.plan(route, start: start).minutes
      let km = String(format: "%.1f km", route.legDistances.reduce(0, +) / 1000)
      let kept = state.plannedWalk?.route == route.id ? "★ " : ""
      frame.canvas.write(
        ((selected ? "▶ " : "  ") + kept + route.name.text(language)).truncated(
          toWidth: rect.width),
        x: rect.x, y: rect.y,
        style: selected && !state.walkStops ? Style(.selected, bold: true) : Style(.title),
        clip: rect)
      // Whole parts only: "185 min" never becomes "185 m".
      let facts = AppView.fitted(
        "\(route.stops.count) \(t("stops", "站")) · ~\(km) · ~\(whole.roundedInt) \(minutes)",
        width: rect.width - 3)
      frame.canvas.write("   " + facts, x: rect.x, y: rect.y + 1, style: Style(.dim), clip: rect)
      frame.hotspot(rect, .walk(index))
    }
    let route = routes[selection]
    let timed = planner.plan(route, start: start, budgetMinutes: state.walkBudgetMinutes)
    frame.canvas.frame(detailRect, title: route.name.text(language))
    let box = detailRect.inset(1).splitColumns(1).1
    let clock = { (date: Date) in EventTime.clockTime(date, zone: zone) }
    let labels = Labels(language: language)
    var stopRows: [Int: Range<Int>] = [:]
    drawScrolling(
      &frame, pane: .cityWalkRoute, in: box,
      focus: { state.walkStops ? stopRows[state.walkStopSelection] : nil }
    ) { canvas, inner in
      var y = paragraph(
        route.theme.text(language), &canvas, in: inner, from: inner.y, style: Style(.accent))
      let day = labels.date(EventTime.localDate(start, zone: zone))
      let limit =
        state.walkBudgetMinutes.map { t(" within \(Int($0)) min", "，限\(Int($0))分钟") }
        ?? t(", the whole route", "，全程")
      y = paragraph(
        t("From \(day) \(clock(start))", "\(day) \(clock(start))出发") + limit
          + (state.plannedWalk
            == PlannedWalk(
              route: route.id, start: start, budgetMinutes: state.walkBudgetMinutes)
            ? t(" · ★ in my plan", " · ★ 已在我的行程") : ""),
        &canvas, in: inner, from: y + 1, style: Style(.title, bold: true))
      let visits = Dictionary(timed.visits.map { ($0.stop, $0) }, uniquingKeysWith: { a, _ in a })
      let legs = Dictionary(timed.legs.map { ($0.to, $0) }, uniquingKeysWith: { a, _ in a })
      for (index, stop) in route.stops.enumerated() {
        if index > 0, let previous = route.stops[safe: index - 1] {
          let leg = legs[stop.id] ?? CityWalkPlanner.leg(from: previous, to: stop)
          let walk =
            leg.minutes < 1
            ? t("under a minute", "不到1分钟")
            : t(
              "about \(leg.minutes.roundedInt) min", "约\(leg.minutes.roundedInt)分钟")
          let how =
            leg.mode == .walk
            ? t("\(walk) on foot (straight-line distance)", "步行\(walk)（直线距离）")
            : t(
              "about \(leg.minutes.roundedInt) min by metro or taxi (estimate)",
              "乘地铁或出租车约\(leg.minutes.roundedInt)分钟（估计）")
          y = paragraph(
            "   ↓ \(Labels.distance(leg.metres))" + t(", ", "，") + how, &canvas, in: inner, from: y,
            style: Style(.dim))
        }
        let first = y
        let when =
          visits[stop.id].map { "\(clock($0.arrival))–\(clock($0.leave)) " }
          ?? t("(no time left) ", "（时间不够）")
        let marker = state.walkStops && index == state.walkStopSelection ? "▶ " : ""
        y = paragraph(
          marker + when + "\(index + 1). \(stop.name.text(language)) · \(stop.minutes) \(minutes)",
          &canvas, in: inner, from: y,
          style: state.walkStops && index == state.walkStopSelection
            ? Style(.selected, bold: true)
            : visits[stop.id] == nil ? Style(.dim) : Style(.normal, bold: true))
        y = paragraph(stop.shows.text(language), &canvas, in: inner, from: y, indent: 3)
        stopRows[index] = first..<y
      }
      if !timed.dropped.isEmpty {
        y = paragraph(
          t(
            "\(timed.dropped.count) stop(s) do not fit the time: + gives more.",
            "\(timed.dropped.count)个站点超出时长：按 + 增加时间。"), &canvas, in: inner, from: y + 1,
          style: Style(.warning))
      }
      return paragraph(
        t(
          "~ Stops, distances and times are estimates: no source gives the 2025 stops.",
          "~ 站点、距离和时间均为估计：来源未给出2025年的站点。"),
        &canvas, in: inner, from: y + 1, style: Style(.dim))
    }
  }

  /// My plan: favourite sessions (with clashes) and exhibitors, and the planned route.
  mutating func drawMyPlan(_ frame: inout Frame) {
    hints = t(
      "Enter show · d remove · u undo · e export .ics · PgDn route · Esc back",
      "回车 查看 · d 删除 · u 撤销 · e 导出 .ics · PgDn 路线 · Esc 返回")
    let items = MyPlanItems(catalog: catalog, state: state).items
    let clashes = lists.clashes
    let zone = catalog.timeZone
    let labels = Labels(language: language)
    let (listRect, detailRect) = listAndDetail(area.inset(1).splitRows(0).1, listShare: 0.45)
    frame.canvas.frame(listRect, title: t("★ Favourites", "★ 收藏"))
    let inner = listRect.inset(1)
    if items.isEmpty {
      paragraph(
        t(
          "Nothing yet: press f on an exhibitor or a session, or “Add … to my plan” after an answer.",
          "暂无：在展商或活动上按 f，或在回答后选择“加入我的行程”。"), &frame.canvas, in: inner, from: inner.y,
        style: Style(.dim))
    }
    let selection = min(state.myPlanSelection, max(0, items.count - 1))
    drawList(
      &frame, in: inner, count: items.count, selection: selection, target: { .myPlanItem($0) }
    ) { index in
      let item = items[index]
      let clash = clashes[item.id] != nil
      if item.kind == .walk, let kept = state.plannedWalk {
        let day = labels.date(EventTime.localDate(kept.start, zone: zone))
        // "City Walk 2: …" says what it is; a route named otherwise gets the word in front.
        let name = MyPlanItems(catalog: catalog, state: state).name(of: item)
        let word = t("City Walk", "城市漫步")
        return (
          " \(day) \(EventTime.clockTime(kept.start, zone: zone)) "
            + (name.hasPrefix(word) ? name : word + t(": ", "：") + name),
          .normal
        )
      }
      if item.isSession, let session = catalog.session(item.id) {
        let day = labels.date(EventTime.localDate(session.start, zone: zone))
        let time = EventTime.clockTime(session.start, zone: zone)
        return (
          " \(clash ? "! " : "")\(day) \(time) \(session.title.text(language))",
          clash ? Style(.warning) : .normal
        )
      }
      let exhibitor = catalog.exhibitor(item.id)
      let booth = exhibitor?.booth.map { "  ~" + $0 } ?? ""
      return (" " + (exhibitor?.name.text(language) ?? item.id) + booth, .normal)
    }
    frame.canvas.frame(detailRect, title: t("Planned route", "规划路线"))
    let detail = detailRect.inset(1).splitColumns(1).1
    if let planned = state.planned {
      let text = PlanTimeline(catalog: catalog, language: language).render(
        planned.plan, request: planned.request)
      drawScrolling(&frame, pane: .myPlanRoute, in: detail) { canvas, inner in
        paragraph(text, &canvas, in: inner, from: inner.y)
      }
    } else {
      paragraph(
        t(
          "No route planned yet: use the planner (6) or ask “plan me two hours of robotics”.",
          "尚未规划路线：使用规划页（6）或问“帮我规划两小时机器人参观”。"), &frame.canvas, in: detail, from: detail.y,
        style: Style(.dim))
    }
  }

  /// Help: the keys, and what the assistant can answer.
  mutating func drawHelp(_ frame: inout Frame) {
    hints = t("↑↓ PgUp/PgDn scroll · Esc back · 2 Ask", "↑↓ PgUp/PgDn 滚动 · Esc 返回 · 2 问答")
    let kiosk = state.kiosk != nil
    let quitZh = kiosk ? "" : " · F10、Ctrl-Q 或 q（不在输入时）退出"
    let quitEn = kiosk ? "" : " · F10, Ctrl-Q, or q when not typing: quit"
    let text =
      language == .zh
      ? """
      按键
        F2–F8 或页签上的数字 2–9、0（不在输入时）切换页面 · Tab / Shift-Tab 下一页 / 上一页 · F1 或 ? 帮助
        F9 或 l 切换 English/中文 · Esc 返回\(quitZh)
        ↑↓ 选择 · 回车 执行 · / 搜索或筛选 · 鼠标：点击页签、列表、建议；滚轮滚动
        地图：方向键平移 · + / - 缩放 · [ ] 或 PgUp/PgDn 换楼层 · h 回到“您在这里” · c 清除路线
        日程：←→ 换日期 · f 收藏 · o 只看收藏 · n 跳到现在/下一场
        规划：↑↓ 选择字段 · 回车 下一项 · 在“规划”上回车 · m 在地图上显示 · Ctrl-R 从现在重新规划
        我的行程：d 删除 · \(kiosk ? "e 或 p" : "e 导出 iCalendar（.ics）文件 · p") 扫码带到手机
        演讲与问答（0）：输入即搜索发言内容（中英文，一个字也可）· t 按主题 · 回车 查看场次
        扫描区域或会场海报上的二维码（WAIC:ZONE:…）：此处此刻

      我能回答
        展商和展位（“宇树科技在哪里？”）、论坛和嘉宾（“明天下午有哪些论坛？”）、
        路线（“怎么去华为展台？”）、参观规划（“帮我规划两小时机器人参观”）、
        城市漫步、交通、洗手间、餐饮等实用信息，以及嘉宾的发言（“辛顿关于AI安全说了什么？”）。
        不知道的我会直说。
        接着可以追问：“改成无障碍路线”“明天呢？”“怎么去那里？”

      ~ 表示模拟的位置或时间：2025年官方平面图未公开。
      """
      : """
      Keys
        F2–F8, or the tab's number 2–9 and 0 when not typing: screens · Tab / Shift-Tab next / previous · F1 or ?: help
        F9 or l: English/中文 · Esc: back\(quitEn)
        ↑↓ choose · Enter do · / search or filter · Mouse: click tabs, lists, suggestions; wheel scrolls
        Map: arrows pan · + / - zoom · [ ] or PgUp/PgDn floor · h back to “you are here” · c clear route
        Schedule: ←→ day · f favourite · o only favourites · n jump to now/next
        Plan: ↑↓ field · Enter next · Enter on “Plan” · m show on map · Ctrl-R re-plan from now
        My plan: d remove · \(kiosk ? "e or p" : "e export an iCalendar (.ics) file · p") to your phone as a QR code
        Talks & Q&A (0): search what was said as you type (English or Chinese) · t by topic · Enter its session
        Scan the QR code on a zone's or room's poster (WAIC:ZONE:…): Here & now

      What you can ask
        Exhibitors and booths (“Where is Unitree?”), forums and speakers (“Which forums on AI
        governance are tomorrow afternoon?”), the way (“How do I get to Huawei?”), a plan
        (“plan me two hours of robotics”), the City Walk, transport, restrooms, food and other
        practical information, what speakers said (“What did Hinton say about AI safety?”),
        in English, Chinese or German. When I don't know, I say so.
        Then go on from the answer: “make it step-free”, “and tomorrow?”, “how do I get there?”

      ~ marks modelled positions and times: no official 2025 floor plan was published.
      """
    drawScrolling(&frame, pane: .help, in: area.inset(1)) { canvas, inner in
      paragraph(packHelp(text), &canvas, in: inner, from: inner.y)
    }
  }

  /// The help with "What you can ask" about this pack: WAIC's examples on a pack like WAIC's,
  /// else what this pack has, with its own questions and no word of WAIC's floor plan.
  func packHelp(_ text: String) -> String {
    guard !env.examples.isComplete else { return text }
    let header = language == .zh ? "我能回答" : "What you can ask"
    let keys = text.components(separatedBy: "\n" + header)[0]
    let offers = env.examples.offers(in: language)
    let questions = env.examples.questions(in: language)
    var lines: [String]
    if language == .zh {
      lines = [
        header,
        "  \(offers)，例如" + questions.map { "“\($0)”" }.joined() + "。不知道的我会直说。",
      ]
    } else {
      lines = [
        header,
        "  \(offers.prefix(1).uppercased() + offers.dropFirst()), for example "
          + questions.map { "“\($0)”" }.joined(separator: ", ")
          + ", in English, Chinese or German. When I don't know, I say so.",
      ]
    }
    if env.examples.hasModelledValues {
      lines += [
        "",
        t("~ marks modelled values, which no source gives.", "~ 表示来源中没有、由模拟得出的数值。"),
      ]
    }
    return keys + "\n" + lines.joined(separator: "\n")
  }
}
