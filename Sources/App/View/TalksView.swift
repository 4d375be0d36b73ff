import Assistant
import EventModel
import Foundation
import Knowledge
import TerminalUI
import TextLayout

extension ScreenContext {
  /// Talks & Q&A: what was recorded at the event, by session (schedule order), narrowed to a
  /// topic, or the passages found as you type (English, German, Chinese from one character).
  mutating func drawTalks(_ frame: inout Frame) {
    let talks = state.talks
    hints =
      talks.searching
      ? t(
        "Type to search what was said · Enter/↓ to the list · Esc clear",
        "输入即搜索发言内容 · 回车/↓ 到列表 · Esc 清除")
      : t(
        "/ search · ↑↓ choose · t topic · Enter the session · PgUp/PgDn scroll · Esc clear",
        "/ 搜索 · ↑↓ 选择 · t 主题 · 回车 查看场次 · PgUp/PgDn 滚动 · Esc 清除")
    var y = area.y
    var x = frame.canvas.write(
      t("Search: ", "搜索："), x: area.x + 1, y: y, style: Style(.title, bold: true))
    let fieldWidth = max(10, area.width / 2 - x)
    let cursor = talks.search.draw(
      into: &frame.canvas, x: x, y: y, width: fieldWidth, style: Style(.normal, underline: true))
    if talks.searching { frame.canvas.cursor = cursor }
    x += fieldWidth + 1
    let topic =
      talks.topicFilter.flatMap { talks.topics[safe: $0] }.flatMap { catalog.topic($0) }?.name
      .text(language) ?? t("all topics", "全部主题")
    frame.canvas.write(
      t("Topic (t): ", "主题（t）：") + topic, x: x, y: y, style: Style(.accent), clip: area)
    y += 1
    let body = Rect(x: area.x, y: y + 1, width: area.width, height: area.maxY - y - 1)
    if let problem = talks.problem {
      paragraph(
        problem == .noStore
          ? t(
            "Nothing recorded here: this assistant has no store of talks.",
            "这里没有记录：本助手没有演讲记录库。")
          : t(
            "The recorded talks cannot be read just now; everything else still works.",
            "暂时无法读取演讲记录；其他功能照常可用。"),
        &frame.canvas, in: body.inset(1), from: body.y)
      return
    }
    let searching = !talks.search.text.trimmingCharacters(in: .whitespaces).isEmpty
    let count = talks.rows.count
    let summary =
      searching
      ? t(count == 1 ? "1 passage found" : "\(count) passages found", "找到\(count)段")
      : t("\(count) recorded talks and Q&A rounds", "\(count)份演讲与问答记录")
    frame.canvas.write(
      summary.truncated(toWidth: area.width - 2), x: area.x + 1, y: y, style: Style(.dim))
    let (listRect, detailRect) = listAndDetail(body)
    guard count > 0 else {
      paragraph(
        searching
          ? t(
            "Nothing recorded on that yet. Try another word, in English or Chinese (具身, safety).",
            "暂时还没有相关的记录。换个词试试，中英文均可（具身、safety）。")
          : t("Nothing recorded yet.", "暂时还没有记录。"),
        &frame.canvas, in: listRect.inset(1), from: listRect.y)
      return
    }
    let selection = min(talks.selection, count - 1)
    drawList(
      &frame, in: listRect, count: count, selection: selection, focused: !talks.searching,
      target: { .talksRow($0) }
    ) { index in
      switch talks.rows[index] {
      case .document(let document):
        return (" " + documentTitle(document), .normal)
      case .passage(let hit):
        let time = hit.chunk.startMilliseconds.map { TalkTime.text($0) + " " } ?? ""
        // A row starts with the words, not with the ellipsis of a passage begun mid-sentence.
        var snippet = Substring(hit.snippet.replacingOccurrences(of: "\n", with: " "))
        while snippet.first == "…" || snippet.first == " " { snippet = snippet.dropFirst() }
        return (" " + time + snippet, .normal)
      }
    }
    if let detail = talks.detail { drawTalkDetail(detail, &frame, in: detailRect) }
  }

  /// "Main Forum · Geoffrey Hinton · Q&A": the session, speaker and kind, never a file name.
  func documentTitle(_ document: StoredDocument) -> String {
    var parts: [String] = []
    parts.append(
      document.session.flatMap { catalog.session($0)?.title.text(language) }
        ?? t("Other talks", "其他发言"))
    if let speaker = document.speaker.flatMap({ catalog.speaker($0)?.name.text(language) }) {
      parts.append(speaker)
    }
    parts.append(document.kind == .qa ? t("Q&A", "问答") : t("talk", "演讲"))
    // Another language than the visitor's is said: the passages are quoted as recorded.
    if document.language != language {
      let named: String =
        switch document.language {
        case .en: t("in English", "英文")
        case .zh: t("in Chinese", "中文")
        case .de: t("in German", "德文")
        }
      parts.append(named)
    }
    if document.origin == .reported { parts.append(t("press report", "媒体报道")) }
    return parts.joined(separator: " · ")
  }

  func drawTalkDetail(_ detail: TalksDetail, _ frame: inout Frame, in rect: Rect) {
    let title = documentTitle(detail.document)
    frame.canvas.frame(rect, title: title)
    let box = rect.inset(1).splitColumns(1).1
    var markedRows: Range<Int>?
    drawScrolling(&frame, pane: .talksDetail, in: box, focus: { markedRows }) { canvas, inner in
      var y = inner.y
      if title.displayWidth > rect.width - 4 {
        y = paragraph(title, &canvas, in: inner, from: y, style: Style(.title, bold: true))
      }
      y = paragraph(
        detail.document.origin == .reported
          ? t(
            "What the press reported was said; not a recording.", "媒体报道的发言内容，并非现场记录。")
          : t("Recorded at the event.", "活动现场记录。"),
        &canvas, in: inner, from: y, style: Style(.dim))
      for chunk in detail.chunks {
        let start = y + 1
        let marked = chunk.id == detail.marked
        y = paragraph(
          (marked ? "» " : "") + chunkLine(chunk), &canvas, in: inner,
          from: start, style: marked ? Style(.highlight, bold: true) : .normal)
        let topics = chunk.mentions.filter { $0.type == "topic" }.compactMap {
          catalog.topic($0.id)?.name.text(language)
        }
        if !topics.isEmpty {
          y = paragraph(
            t("About: ", "涉及：") + topics.joined(separator: t(", ", "、")), &canvas, in: inner,
            from: y, style: Style(.dim), indent: 2)
        }
        if marked { markedRows = start..<y }
      }
      return y
    }
  }

  /// A passage as a line: its time in the talk, Q or A, who, and what was said.
  func chunkLine(_ chunk: StoredChunk) -> String {
    let time = chunk.startMilliseconds.map { TalkTime.text($0) + "  " } ?? ""
    let who = (chunk.role == .question ? chunk.asker : chunk.speaker).map { $0 + t(": ", "：") }
    let mark =
      switch chunk.role {
      case .question: t("Q  ", "问  ")
      case .answer: t("A  ", "答  ")
      case .talk: ""
      }
    return time + mark + (who ?? "") + chunk.text
  }
}
