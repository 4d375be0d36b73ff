import Assistant
import EventModel
import Foundation
import Planner
import TerminalUI

extension AppUpdate {
  static func planKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    let fields = PlanField.allCases
    switch key {
    case .up:
      state.planFocus = fields[max(0, state.planFocus.rawValue - 1)]
    case .down:
      state.planFocus = fields[min(fields.count - 1, state.planFocus.rawValue + 1)]
    case .control("r"):
      replanFromNow(&state, env)
    case .escape:
      back(&state)
    case .enter:
      switch state.planFocus {
      case .stepFree: state.planStepFree.toggle()
      case .submit: runPlan(&state, env)
      default: state.planFocus = fields[state.planFocus.rawValue + 1]
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

  /// Reads the form, resolving names with close matches on failure, and plans.
  static func runPlan(_ state: inout AppState, _ env: AppEnvironment, done: Set<String> = []) {
    let catalog = env.catalog
    func field(_ field: PlanField) -> String {
      state.planFields[field.rawValue].text.trimmingCharacters(in: .whitespaces)
    }
    func items(_ text: String) -> [String] {
      text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
    }
    func problem(_ what: String, _ text: String, _ suggestions: [String]) {
      let hint =
        suggestions.isEmpty
        ? "" : state.t("; did you mean ", "；您是否要找") + suggestions.joined(separator: ", ")
      state.planProblem = state.t("Unknown \(what) “\(text)”", "未知的\(what)“\(text)”") + hint
    }
    var interests: [String: Double] = [:]
    for text in items(field(.interests)) {
      switch catalog.topicNames.resolve(text, { catalog.pack.topics[$0].id }) {
      case .found(let id): interests[id] = 1
      case .ambiguous(let ids): interests[ids[0]] = 1
      case .notFound(let suggestions): return problem(state.t("interest", "兴趣"), text, suggestions)
      }
    }
    var must: [String] = []
    for text in items(field(.mustSee)) {
      switch catalog.exhibitorNames.resolve(text, { catalog.pack.exhibitors[$0].id }) {
      case .found(let id): must.append(id)
      case .ambiguous(let ids): must.append(ids[0])
      case .notFound(let suggestions): return problem(state.t("exhibitor", "展商"), text, suggestions)
      }
    }
    var sessions: [String] = []
    for text in items(field(.sessions)) {
      if catalog.session(text) != nil {
        sessions.append(text)
        continue
      }
      let folded = TextFolding.fold(text)
      guard
        let session = catalog.pack.sessions.first(where: {
          TextFolding.fold($0.title.en ?? "").contains(folded)
            || TextFolding.fold($0.title.zh ?? "").contains(folded)
        })
      else {
        return problem(state.t("session", "活动"), text, [])
      }
      sessions.append(session.id)
    }
    var start = state.here ?? catalog.mainEntrance
    if !field(.from).isEmpty {
      switch catalog.resolvePlace(field(.from)) {
      case .found(let node): start = node
      case .ambiguous(let nodes): start = nodes[0]
      case .notFound(let suggestions):
        return problem(state.t("place", "地点"), field(.from), suggestions)
      }
    }
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
        state.planProblem = state.t(
          "“\(timeText)” is not a time: write 14:00 or 2025-07-27T14:00",
          "“\(timeText)”不是时间：请写14:00或2025-07-27T14:00")
        return
      }
    }
    guard let budget = DurationText.minutes(field(.budget).isEmpty ? "2h" : field(.budget)),
      VisitLimits.budgetMinutes.contains(budget)
    else {
      state.planProblem = state.t(
        "“\(field(.budget))” is not a time budget: write 2h, 90m or 1h30m (up to 12h)",
        "“\(field(.budget))”不是有效时长：请写2h、90m或1h30m（最多12小时）")
      return
    }
    let request = VisitRequest(
      interests: interests, mustSee: must, attend: sessions, start: start, startTime: startTime,
      budgetMinutes: budget, stepFree: state.planStepFree, done: done)
    state.planned = PlannedVisit(
      request: request, plan: VisitPlanner(catalog: catalog).plan(request), startReason: .asked)
    state.planProblem = nil
  }

  /// Plans the rest from now: stops already left are done, the visit goes on from the last one.
  static func replanFromNow(_ state: inout AppState, _ env: AppEnvironment) {
    guard let planned = state.planned else { return }
    let done = planned.plan.stops.filter { $0.leave <= state.now }
    let remaining =
      planned.request.budgetMinutes
      - state.now.timeIntervalSince(planned.request.startTime) / 60
    guard remaining > 5 else {
      state.planProblem = state.t("The plan's time is up.", "行程时间已到。")
      return
    }
    let zone = env.catalog.timeZone
    state.planFields[PlanField.start.rawValue] = LineEditor(EventTime.format(state.now, zone: zone))
    state.planFields[PlanField.budget.rawValue] = LineEditor("\(remaining.truncatedInt)m")
    if let last = done.last { state.planFields[PlanField.from.rawValue] = LineEditor(last.node) }
    runPlan(&state, env, done: planned.request.done.union(done.map(\.id)))
  }

  /// The form shows what a plan from the Ask screen was made of.
  static func fillForm(from planned: PlannedVisit, _ state: inout AppState, _ env: AppEnvironment) {
    let request = planned.request
    state.planFields[PlanField.interests.rawValue] = LineEditor(
      request.interests.keys.sorted().joined(separator: ", "))
    state.planFields[PlanField.mustSee.rawValue] = LineEditor(
      request.mustSee.joined(separator: ", "))
    state.planFields[PlanField.sessions.rawValue] = LineEditor(
      request.attend.joined(separator: ", "))
    state.planFields[PlanField.from.rawValue] = LineEditor(request.start)
    state.planFields[PlanField.start.rawValue] = LineEditor(
      EventTime.format(request.startTime, zone: env.catalog.timeZone))
    state.planFields[PlanField.budget.rawValue] = LineEditor(
      "\(request.budgetMinutes.truncatedInt)m")
    state.planStepFree = request.stepFree
    state.planFocus = .submit
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
    var id: String
    var isSession: Bool
  }

  let catalog: EventCatalog
  let state: AppState

  var items: [Item] {
    let sessions = state.favouriteSessions.compactMap { catalog.session($0) }.sorted {
      ($0.start, $0.id) < ($1.start, $1.id)
    }
    return sessions.map { Item(id: $0.id, isSession: true) }
      + state.favouriteExhibitors.map { Item(id: $0, isSession: false) }
  }

  /// An iCalendar file of the planned route, or of the favourite sessions when nothing is planned.
  static func calendar(_ state: AppState, _ env: AppEnvironment, compact: Bool = false) -> String {
    let writer = CalendarWriter(catalog: env.catalog)
    if let planned = state.planned {
      return writer.calendar(
        for: planned.plan, language: state.language, stamp: state.now, compact: compact)
    }
    let sessions = state.favouriteSessions.compactMap { env.catalog.session($0) }
    return writer.calendar(
      sessions: sessions, language: state.language, stamp: state.now, compact: compact)
  }
}
