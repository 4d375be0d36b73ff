import Assistant
import EventModel
import Foundation

/// What a hand-off code holds: text a phone shows as it is, without a network. Shorter
/// versions follow longer ones, so that a small screen still gets a code.
struct HandOffContent {
  let catalog: EventCatalog
  let state: AppState

  /// The most an answer's code holds; longer answers are cut at a line.
  static let answerLimit = 600

  /// An answer: the question, then the answer's text, cut at a line when long.
  func answerCandidates(_ exchange: Exchange) -> [String] {
    let heading = "\(catalog.event.shortName.text(state.language)) · \(exchange.question)"
    let full = heading + "\n" + exchange.reply.text
    var candidates = [full]
    for limit in [HandOffContent.answerLimit, 300, 150] where full.utf8.count > limit {
      candidates.append(cut(full, toBytes: limit))
    }
    return candidates
  }

  /// The plan: the iCalendar file (a phone offers to add it to the calendar), the plan as text,
  /// then the text of its first stops.
  func planCandidates(calendar: String) -> [String] {
    let lines = planLines()
    guard lines.count > 1 else { return [] }
    let hasTimes = state.planned != nil || !state.favouriteSessions.isEmpty
    var candidates = hasTimes ? [calendar] : []
    candidates.append(lines.joined(separator: "\n"))
    for keep in [8, 4, 2, 1] where lines.count > keep + 1 {
      let more = lines.count - 1 - keep
      candidates.append(
        (lines.prefix(keep + 1) + [state.t("+\(more) more", "另有\(more)项")]).joined(separator: "\n"))
    }
    return candidates
  }

  /// A heading, the planned stops in order, then the saved sessions and exhibitors.
  func planLines() -> [String] {
    let language = state.language
    let zone = catalog.timeZone
    let clock = { (date: Date) in EventTime.clockTime(date, zone: zone) }
    var lines = ["\(catalog.event.shortName.text(language)) · " + state.t("My plan", "我的行程")]
    if let planned = state.planned {
      lines[0] +=
        " · "
        + Labels(language: language).date(
          EventTime.localDate(planned.request.startTime, zone: zone))
      for stop in planned.plan.stops {
        switch stop.kind {
        case .exhibitor:
          let exhibitor = catalog.exhibitor(stop.id)
          lines.append(
            "\(clock(stop.start)) \(exhibitor?.name.text(language) ?? stop.id) · ~\(exhibitor?.booth ?? "")"
          )
        case .session:
          let session = catalog.session(stop.id)
          let room = session.flatMap { catalog.room($0.room) }?.name.text(language) ?? ""
          lines.append("\(clock(stop.start)) \(session?.title.text(language) ?? stop.id) · \(room)")
        }
      }
    }
    let planned = Set(state.planned?.plan.stops.map(\.id) ?? [])
    for id in state.favouriteSessions where !planned.contains(id) {
      guard let session = catalog.session(id) else { continue }
      let room = catalog.room(session.room)?.name.text(language) ?? session.room
      let day = Labels(language: language).date(EventTime.localDate(session.start, zone: zone))
      lines.append(
        "★ \(day) \(clock(session.start))–\(clock(session.end)) \(session.title.text(language)) · \(room)"
      )
    }
    for id in state.favouriteExhibitors where !planned.contains(id) {
      guard let exhibitor = catalog.exhibitor(id) else { continue }
      lines.append("★ \(exhibitor.name.text(language)) · ~\(exhibitor.booth ?? "")")
    }
    return lines
  }

  /// The text up to the last whole line within `bytes` UTF-8 bytes, marked as cut.
  func cut(_ text: String, toBytes bytes: Int) -> String {
    var kept: [Substring] = []
    var used = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let size = line.utf8.count + 1
      if used + size > bytes { break }
      kept.append(line)
      used += size
    }
    if kept.isEmpty {
      // One long line: cut at a character.
      var prefix = ""
      for character in text {
        if prefix.utf8.count + String(character).utf8.count > bytes - 1 { break }
        prefix.append(character)
      }
      return prefix + "…"
    }
    return kept.joined(separator: "\n") + "\n…"
  }
}
