import Assistant
import EventModel
import Foundation
import Planner
import Recommender
import TerminalUI

extension AppUpdate {
  static func planKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    let fields = PlanField.allCases
    switch key {
    case .up, .backTab:
      state.planFocus = fields[max(0, state.planFocus.rawValue - 1)]
    case .down:
      state.planFocus = fields[min(fields.count - 1, state.planFocus.rawValue + 1)]
    case .control("r"):
      replanFromNow(&state, env)
    case .escape:
      // Esc leaves a text field for the [ Plan ] button; from there it goes back.
      if state.planFocus.rawValue < PlanField.stepFree.rawValue {
        state.planFocus = .submit
      } else {
        back(&state)
      }
    case .enter:
      // Enter moves on, as everywhere in the form; only on [ Plan ] does it plan. The box is
      // ticked with Space (or a click), so that moving through the form never changes it.
      if state.planFocus == .submit {
        runPlan(&state, env)
      } else {
        state.planFocus = fields[state.planFocus.rawValue + 1]
      }
    case .character(" ") where state.planFocus == .stepFree:
      state.planStepFree.toggle()
    case .character("m") where state.planFocus == .submit:
      if let planned = state.planned {
        let nodes = planRouteNodes(planned, env)
        showOnMap(node: nodes.last ?? planned.request.start, route: nodes, &state, env)
      }
    default:
      if state.planFocus.rawValue < PlanField.stepFree.rawValue {
        _ = state.planFields[state.planFocus.rawValue].handle(key)
      }
    }
    return []
  }

  /// The items of a list field: sessions (whose titles may hold commas) by semicolons when
  /// there are any, everything else by commas.
  static func items(_ text: String, field: PlanField) -> [String] {
    let semicolons = field == .sessions && (text.contains(";") || text.contains("；"))
    return text.split(whereSeparator: { character in
      semicolons
        ? character == ";" || character == "；"
        : character == "," || character == "，" || character == "、" || character == ";"
          || character == "；"
    }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Reads the form and plans. Every field is checked before planning, and every unknown name is
  /// reported at once, with close matches, rather than one per try.
  static func runPlan(_ state: inout AppState, _ env: AppEnvironment, done: Set<String> = []) {
    let catalog = env.catalog
    func field(_ field: PlanField) -> String {
      state.planFields[field.rawValue].text.trimmingCharacters(in: .whitespaces)
    }
    var problems: [String] = []
    func unknown(_ what: String, _ text: String, _ suggestions: [String]) {
      let hint =
        suggestions.isEmpty
        ? ""
        : state.t(" (did you mean ", "（您是否要找") + suggestions.joined(separator: ", ")
          + state.t("?)", "？）")
      problems.append(state.t("unknown \(what) “\(text)”", "未知的\(what)“\(text)”") + hint)
    }
    func resolve<Value>(
      _ resolution: Resolution<Value>, _ what: String, _ text: String, label: (Value) -> String
    ) -> Value? {
      switch resolution {
      case .found(let value): return value
      case .ambiguous(let values):
        if values.count == 1 { return values[0] }
        problems.append(
          state.t("“\(text)” could be ", "“\(text)”可能是")
            + values.prefix(4).map(label).joined(separator: state.t(" or ", "或")))
        return nil
      case .notFound(let suggestions):
        unknown(what, text, suggestions)
        return nil
      }
    }
    let language = state.language
    var interests: [String: Double] = [:]
    for text in items(field(.interests), field: .interests) {
      if let id = resolve(
        catalog.topicNames.resolve(text, { catalog.pack.topics[$0] }), state.t("interest", "兴趣"),
        text, label: { $0.name.text(language) })?.id
      {
        interests[id] = 1
      }
    }
    // No interests typed: the visitor's profile (For you) gives them.
    if field(.interests).isEmpty {
      for topic in state.profile.interests where catalog.topic(topic) != nil {
        interests[topic] = 1
      }
    }
    var must: [String] = []
    for text in items(field(.mustSee), field: .mustSee) {
      if let id = resolve(
        catalog.exhibitorNames.resolve(text, { catalog.pack.exhibitors[$0] }),
        state.t("exhibitor", "展商"), text, label: { $0.name.text(language) })?.id
      {
        must.append(id)
      }
    }
    var sessions: [String] = []
    for text in items(field(.sessions), field: .sessions) {
      if let id = resolve(
        catalog.sessionNames.resolve(text, { catalog.pack.sessions[$0] }),
        state.t("session", "活动"), text, label: { $0.title.text(language) })?.id
      {
        sessions.append(id)
      }
    }
    func place(_ which: PlanField) -> String? {
      let text = field(which)
      guard !text.isEmpty else { return nil }
      return resolve(
        catalog.resolvePlace(text), state.t("place", "地点"), text,
        label: { catalog.node($0)?.name?.text(language) ?? $0 })
    }
    let start = place(.from) ?? state.here ?? catalog.mainEntrance
    let end = place(.end)
    var startTime = state.now
    let timeText = field(.start)
    if !timeText.isEmpty {
      if let full = EventTime.parse(timeText, zone: catalog.timeZone) {
        startTime = full
      } else if let clock = EventTime.clockMinutes(timeText) {
        let day = EventTime.localDate(state.now, zone: catalog.timeZone)
        startTime = EventTime.startOfDay(day, zone: catalog.timeZone).addingTimeInterval(
          Double(clock) * 60)
      } else {
        problems.append(
          state.t(
            "“\(timeText)” is not a time: write 14:00 or 2025-07-27T14:00",
            "“\(timeText)”不是时间：请写14:00或2025-07-27T14:00"))
      }
    }
    let budget = DurationText.minutes(field(.budget).isEmpty ? "2h" : field(.budget))
    if budget.map({ !VisitLimits.budgetMinutes.contains($0) }) ?? true {
      problems.append(
        state.t(
          "“\(field(.budget))” is not a time budget: write 2h, 90m or 1h30m (up to 12h)",
          "“\(field(.budget))”不是有效时长：请写2h、90m或1h30m（最多12小时）"))
    }
    guard problems.isEmpty, let budget else {
      // The plan on screen, if any, no longer answers the form: it is marked stale.
      state.planProblem = problems.joined(separator: state.t("; ", "；"))
      return
    }
    var request = VisitRequest(
      interests: interests, mustSee: must, attend: sessions, start: start, startTime: startTime,
      budgetMinutes: budget, end: end, stepFree: state.planStepFree, done: done)
    // Who the visitor is (For you) weighs too: what the profile recommends is worth more.
    if !state.profile.isEmpty {
      request.profileValue = env.recommender.planValues(
        VisitorProfile(
          role: state.profile.role,
          interests: Dictionary(
            state.profile.interests.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }),
          wants: state.profile.wants, now: startTime, stepFree: state.planStepFree))
    }
    state.planned = PlannedVisit(
      request: request, plan: VisitPlanner(catalog: catalog).plan(request), startReason: .asked)
    state.planMadeFrom = state.planForm
    state.planProblem = nil
  }

  /// Plans the rest from now, keeping the plan's end: stops already left are done, the visit
  /// goes on from the last one. A plan that has not started yet is simply made again.
  static func replanFromNow(_ state: inout AppState, _ env: AppEnvironment) {
    guard let planned = state.planned else { return }
    let request = planned.request
    guard state.now > request.startTime else {
      runPlan(&state, env, done: request.done)
      return
    }
    let endTime = request.startTime.addingTimeInterval(request.budgetMinutes * 60)
    // Whole minutes: the form shows the clock as a visitor reads it, never seconds.
    let minute = (state.now.timeIntervalSince1970 / 60).rounded(.down) * 60
    let from = Date(timeIntervalSince1970: minute)
    let remaining = (endTime.timeIntervalSince(from) / 60).rounded(.down)
    guard remaining > 5 else {
      state.planProblem = state.t("The plan's time is up.", "行程时间已到。")
      return
    }
    let done = planned.plan.stops.filter { $0.leave <= state.now }
    state.planFields[PlanField.start.rawValue] = LineEditor(formTime(from, state, env))
    state.planFields[PlanField.budget.rawValue] = LineEditor(DurationText.compact(remaining))
    if let last = done.last {
      state.planFields[PlanField.from.rawValue] = LineEditor(placeName(last.node, state, env))
      // The visit still ends where it was meant to: the old start when no end was given.
      if state.planFields[PlanField.end.rawValue].isEmpty {
        state.planFields[PlanField.end.rawValue] = LineEditor(
          placeName(request.end ?? request.start, state, env))
      }
    }
    runPlan(&state, env, done: request.done.union(done.map(\.id)))
  }

  /// A time as the form reads it: the clock alone on today's date (the form takes a clock time
  /// as today's), else the date and the clock, in the event's time zone; never seconds.
  static func formTime(_ date: Date, _ state: AppState, _ env: AppEnvironment) -> String {
    let zone = env.catalog.timeZone
    let clock = EventTime.clockTime(date, zone: zone)
    let day = EventTime.localDate(date, zone: zone)
    guard day != EventTime.localDate(state.now, zone: zone) else { return clock }
    return "\(day)T\(clock)"
  }

  /// A place's name when the form reads it back as the same place, else its id.
  static func placeName(_ node: String, _ state: AppState, _ env: AppEnvironment) -> String {
    let catalog = env.catalog
    for language in [state.language, .en] {
      if let name = catalog.node(node)?.name?[language],
        case .found(let found) = catalog.resolvePlace(name), found == node
      {
        return name
      }
    }
    return node
  }

  /// The form shows what a plan from the Ask screen was made of, by name.
  static func fillForm(from planned: PlannedVisit, _ state: inout AppState, _ env: AppEnvironment) {
    let catalog = env.catalog
    let language = state.language
    let request = planned.request
    func named<Value>(
      _ id: String, _ index: NameIndex, _ value: (Int) -> Value, _ name: String?,
      same: (Value) -> Bool
    ) -> String {
      guard let name, case .found(let found) = index.resolve(name, value), same(found) else {
        return id
      }
      return name
    }
    state.planFields[PlanField.interests.rawValue] = LineEditor(
      request.interests.keys.sorted().map { id in
        named(
          id, catalog.topicNames, { catalog.pack.topics[$0].id }, catalog.topic(id)?.name[language],
          same: { $0 == id })
      }.joined(separator: ", "))
    state.planFields[PlanField.mustSee.rawValue] = LineEditor(
      request.mustSee.map { id in
        named(
          id, catalog.exhibitorNames, { catalog.pack.exhibitors[$0].id },
          catalog.exhibitor(id)?.name[language], same: { $0 == id })
      }.joined(separator: ", "))
    state.planFields[PlanField.sessions.rawValue] = LineEditor(
      request.attend.map { id in
        named(
          id, catalog.sessionNames, { catalog.pack.sessions[$0].id },
          catalog.session(id)?.title[language], same: { $0 == id })
      }.joined(separator: "; "))
    state.planFields[PlanField.from.rawValue] = LineEditor(placeName(request.start, state, env))
    state.planFields[PlanField.end.rawValue] = LineEditor(
      request.end.map { placeName($0, state, env) } ?? "")
    state.planFields[PlanField.start.rawValue] = LineEditor(
      formTime(request.startTime, state, env))
    state.planFields[PlanField.budget.rawValue] = LineEditor(
      DurationText.compact(request.budgetMinutes))
    state.planStepFree = request.stepFree
    state.planFocus = .submit
    state.planMadeFrom = state.planForm
    state.planProblem = nil
  }

  /// The walkway nodes of a whole plan, for the map.
  static func planRouteNodes(_ planned: PlannedVisit, _ env: AppEnvironment) -> [String] {
    let router = WalkingRouter(catalog: env.catalog)
    var nodes = [planned.request.start]
    var stops = planned.plan.stops.map(\.node)
    stops.append(planned.plan.end)
    for stop in stops {
      guard let from = nodes.last, from != stop else { continue }
      let way =
        router.route(from: from, to: stop, stepFree: planned.request.stepFree)?.nodes ?? [
          from, stop,
        ]
      nodes += way.dropFirst()
    }
    return nodes
  }
}

/// The visitor's own plan: favourite sessions by time, favourite exhibitors, and the planned
/// route's stops.
struct MyPlanItems {
  struct Item {
    enum Kind { case session, exhibitor, walk }
    var id: String
    var kind: Kind

    init(id: String, kind: Kind) {
      self.id = id
      self.kind = kind
    }

    init(id: String, isSession: Bool) { self.init(id: id, kind: isSession ? .session : .exhibitor) }

    var isSession: Bool { kind == .session }
  }

  let catalog: EventCatalog
  let state: AppState

  /// An item's name in the state's language.
  func name(of item: Item) -> String {
    let language = state.language
    switch item.kind {
    case .session: return catalog.session(item.id)?.title.text(language) ?? item.id
    case .exhibitor: return catalog.exhibitor(item.id)?.name.text(language) ?? item.id
    case .walk:
      return catalog.pack.cityWalks.first { $0.id == item.id }?.name.text(language) ?? item.id
    }
  }

  /// Favourite sessions by time, the City Walk, then favourite exhibitors in the order kept.
  var items: [Item] {
    let sessions = state.favouriteSessions.compactMap { catalog.session($0) }.sorted {
      ($0.start, $0.id) < ($1.start, $1.id)
    }
    let walk = state.plannedWalk.map { [Item(id: $0.route, kind: .walk)] } ?? []
    return sessions.map { Item(id: $0.id, kind: .session) } + walk
      + state.favouriteExhibitors.map { Item(id: $0, kind: .exhibitor) }
  }

  /// The kept City Walk with its timing, if any.
  static func walk(_ state: AppState, _ catalog: EventCatalog) -> (
    route: CityWalkRoute, plan: CityWalkPlan
  )? {
    guard let kept = state.plannedWalk,
      let route = catalog.pack.cityWalks.first(where: { $0.id == kept.route })
    else { return nil }
    return (
      route,
      CityWalkPlanner(catalog: catalog).plan(
        route, start: kept.start, budgetMinutes: kept.budgetMinutes)
    )
  }

  /// An iCalendar file of everything kept: the planned route, favourite sessions and the City
  /// Walk, by time.
  static func calendar(_ state: AppState, _ env: AppEnvironment, compact: Bool = false) -> String {
    let sessions = state.favouriteSessions.compactMap { env.catalog.session($0) }
    return CalendarWriter(catalog: env.catalog).calendar(
      plan: state.planned?.plan, sessions: sessions, walk: walk(state, env.catalog),
      language: state.language, stamp: state.now, compact: compact)
  }
}
