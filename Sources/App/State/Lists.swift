import Assistant
import EventModel
import Foundation
import Matcher

/// What the screens list, derived from the pack and the state: the same answer for the view that
/// draws a list and for the update that handles a click on it.
struct Lists {
  let catalog: EventCatalog
  let state: AppState

  /// Exhibitors matching the search (either language, topics, booth) and the pavilion filter.
  var exhibitors: [Exhibitor] {
    var filter = ExhibitorFilter()
    let query = state.exhibitorSearch.text.trimmingCharacters(in: .whitespaces)
    if !query.isEmpty { filter.text = query }
    if let index = state.pavilionFilter, catalog.pack.pavilions.indices.contains(index) {
      filter.pavilion = catalog.pack.pavilions[index].id
    }
    return catalog.exhibitors(matching: filter)
  }

  /// The event's days (the days with sessions when the event lists none).
  var days: [LocalDate] {
    catalog.days.isEmpty ? Array(Set(catalog.sessionDays)).sorted() : catalog.days
  }

  /// The event's day that is today, if the event is on.
  var todayIndex: Int? {
    days.firstIndex(of: catalog.programmeDate(state.now))
  }

  /// The day shown: the one chosen, else today, else the first.
  var dayIndex: Int {
    guard !days.isEmpty else { return 0 }
    return min(max(0, state.dayIndex ?? todayIndex ?? 0), days.count - 1)
  }

  var day: LocalDate? { days.isEmpty ? nil : days[dayIndex] }

  /// The text the schedule is filtered by, folded; empty when there is none.
  var sessionQuery: String {
    TextFolding.fold(state.sessionFilter.text.trimmingCharacters(in: .whitespaces))
  }

  /// The sessions shown: with a filter, the matches of every day (so that a speaker found on
  /// another day is not a blank screen); else the chosen day's. By start time.
  var sessions: [Session] {
    let query = sessionQuery
    guard query.isEmpty else { return matchingSessions(query) }
    guard let day else { return [] }
    return catalog.sessionsByStart.filter { catalog.sessionDays[$0] == day }.map {
      catalog.pack.sessions[$0]
    }.filter { !state.onlyFavourites || state.favouriteSessions.contains($0.id) }
  }

  /// Sessions of any day whose title, topics, speakers or room contain `query` (folded).
  func matchingSessions(_ query: String) -> [Session] {
    catalog.sessionsByStart.map { catalog.pack.sessions[$0] }.filter { session in
      if state.onlyFavourites && !state.favouriteSessions.contains(session.id) { return false }
      var names = [session.title]
      names += session.topics.compactMap { catalog.topic($0)?.name }
      names += session.speakers.compactMap { catalog.speaker($0)?.name }
      if let room = catalog.room(session.room) { names.append(room.name) }
      return names.contains { name in
        name.allTexts.contains { TextFolding.fold($0).contains(query) }
      }
    }
  }

  /// How many of `sessions` fall on each day.
  func countsByDay(_ sessions: [Session]) -> [LocalDate: Int] {
    var counts: [LocalDate: Int] = [:]
    for session in sessions {
      counts[catalog.programmeDate(session.start), default: 0] += 1
    }
    return counts
  }

  /// For each favourite session that overlaps other favourites, those others, by start.
  var clashes: [String: [Session]] {
    let favourites = state.favouriteSessions.compactMap { catalog.session($0) }.sorted {
      ($0.start, $0.id) < ($1.start, $1.id)
    }
    var result: [String: [Session]] = [:]
    for a in favourites {
      for b in favourites where a.id != b.id && a.start < b.end && b.start < a.end {
        result[a.id, default: []].append(b)
      }
    }
    return result
  }

  /// The sessions on now and the next to start, among `sessions`: only on today's date (a
  /// session tomorrow is not "next" in a day's list).
  func nowAndNext(_ sessions: [Session]) -> (now: Set<String>, next: String?) {
    let today = catalog.programmeDate(state.now)
    let todays = sessions.filter { catalog.programmeDate($0.start) == today }
    let current = Set(todays.filter { $0.start <= state.now && state.now < $0.end }.map(\.id))
    let next = todays.filter { $0.start > state.now }.min { $0.start < $1.start }?.id
    return (current, next)
  }

  var floors: [Floor] { catalog.pack.venues.floors }

  func floorIndex(ofNode id: String) -> Int? {
    guard let floor = catalog.node(id)?.floor else { return nil }
    return floors.firstIndex { $0.id == floor }
  }

  /// The walkway node of a thing an answer names; a session is at its room.
  func node(for reference: EntityReference) -> String? {
    if reference.type == .session {
      return catalog.session(reference.id).flatMap { catalog.room($0.room)?.node }
    }
    return catalog.node(for: reference)
  }

  /// What can be done with a reply, most useful first.
  func actions(for reply: AssistantReply) -> [AskAction] {
    var actions: [AskAction] = []
    if let way = reply.directions {
      actions.append(.showOnMap(node: way.to, route: way.route.nodes))
    } else if let to = reply.destination, catalog.node(to) != nil {
      actions.append(.showOnMap(node: to, route: []))
    } else if let node = reply.answer.entities.lazy.compactMap({ self.node(for: $0) }).first {
      actions.append(.showOnMap(node: node, route: []))
    }
    if reply.plan != nil { actions.append(.openPlan) }
    if let exhibitor = reply.answer.entities.first(where: { $0.type == .exhibitor }) {
      actions.append(.favouriteExhibitor(exhibitor.id))
    }
    if let first = reply.sessions.first, reply.answer.intent == .findSession {
      actions.append(.favouriteSession(first))
    } else if let session = reply.answer.entities.first(where: { $0.type == .session }) {
      actions.append(.favouriteSession(session.id))
    }
    if ![.unknown, .greeting, .help].contains(reply.answer.intent) { actions.append(.handOff) }
    actions += reply.answer.suggestions.map { .ask($0) }
    return actions
  }

  /// The label of an action, in the state's language.
  func label(_ action: AskAction) -> String {
    let language = state.language
    switch action {
    case .showOnMap(_, let route):
      return route.isEmpty
        ? state.t("Show on map", "在地图上显示") : state.t("Show the way on the map", "在地图上显示路线")
    case .favouriteExhibitor(let id):
      let name = catalog.exhibitor(id)?.name.text(language) ?? id
      return state.favouriteExhibitors.contains(id)
        ? state.t("★ \(name) is in my plan: show", "★ \(name)已在我的行程：查看")
        : state.t("Add \(name) to my plan", "把\(name)加入我的行程")
    case .favouriteSession(let id):
      let title = catalog.session(id)?.title.text(language) ?? id
      return state.favouriteSessions.contains(id)
        ? state.t("★ \(title) is in my plan: show", "★ \(title)已在我的行程：查看")
        : state.t("Add \(title) to my plan", "把\(title)加入我的行程")
    case .openPlan: return state.t("Open this plan in the planner", "在规划页打开此行程")
    case .ask(let question): return "“\(question)”"
    case .handOff: return state.t("Take this to my phone (QR code)", "扫码把回答带到手机上")
    }
  }
}
