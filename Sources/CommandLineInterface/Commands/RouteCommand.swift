import ArgumentParser
import Assistant
import EventModel
import Foundation
import Planner

/// `hiwaic route`: a personal plan through booths and sessions within a time budget.
struct RouteCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "route",
    abstract:
      "Plan a personal route: interests, must-sees, sessions at fixed times, a time budget.",
    discussion: """
      Interests are topics, optionally weighted (robotics:2,ai-chips). Must-sees are \
      exhibitors (ids or names). Sessions to attend are session ids or titles. The plan \
      maximises interest with diminishing returns per topic, arrives before every chosen session \
      starts, and ends within the budget; what it leaves out is listed with the reason. Re-plan \
      from where you are with --from, --start and --done. A start must be on an event day \
      between 09:00 and 18:00 (assumed hours: no source gives them); without one, the plan \
      starts now while the exhibition is open, else on its next (or first) day at 10:00, and \
      says so. Places are listed by 'hiwaic places'.

      Examples:
        hiwaic route --interests robotics --budget 2h --now 2025-07-26T10:00
        hiwaic route --interests robotics:2,ai-chips --must Unitree,Huawei
        hiwaic route --attend "Main Forum" --start 2025-07-26T10:00 --step-free
        hiwaic route --interests robotics --format ics > my-visit.ics
      """)

  @Option(name: .long, help: "Topics, comma-separated, each optionally with a weight (robotics:2).")
  var interests: String?

  @Option(name: .long, help: "Exhibitors to include if at all possible, comma-separated.")
  var must: String?

  @Option(name: .long, help: "Sessions to attend (ids or titles), comma-separated or repeated.")
  var attend: [String] = []

  @Option(
    name: .long, help: "Where to start: a walkway node, booth, room, exhibitor or named place.")
  var from: String?

  @Option(name: .long, help: "Where to end (default: where you start).")
  var to: String?

  @Option(name: .long, help: "When to start, ISO 8601 (default: --now, or now).")
  var start: String?

  @Option(name: .long, help: "Time budget: 2h, 90m, 1h30m or minutes.")
  var budget: String = "2h"

  @Option(name: .long, help: "Minutes at each booth (longer for strong interests).")
  var dwell: Double = 10

  @Option(name: .long, help: "Exhibitors and sessions already done, comma-separated (re-planning).")
  var done: String?

  @Flag(name: .long, help: "Avoid stairs and escalators, at a slower pace.")
  var stepFree = false

  @Option(name: .long, help: "Output: text, json or ics (iCalendar).")
  var format: RouteFormat = .text

  @Option(name: .long, help: "Language of names and labels: en or zh.")
  var lang: Language = .en

  @OptionGroup var packOptions: PackOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    var request = try makeRequest(context: context)
    let (startTime, note) = try Self.visitStart(
      start.map { _ in request.startTime }, now: context.now, catalog: catalog, language: lang)
    request.startTime = startTime
    let plan = VisitPlanner(catalog: catalog).plan(request)
    if let note, format != .text { printError("hiwaic: route: \(note)") }
    switch format {
    case .json:
      return try OutputFormatting.json([PlanRecord(plan: plan, request: request, catalog: catalog)])
    case .ics:
      return CalendarWriter(catalog: catalog).calendar(
        for: plan, language: lang, stamp: context.now)
    case .text:
      let timeline = PlanTimeline(catalog: catalog, language: lang).render(plan, request: request)
      return note.map { $0 + "\n" + timeline } ?? timeline
    }
  }

  /// The exhibition's hours as assumed here: no source gives the 2025 opening hours.
  static let assumedHours = (9 * 60)...(18 * 60)

  /// When the visit starts, and why when it is not when asked: a start given (`asked`) must be
  /// on an event day in the assumed hours, or it is refused with the reason; without one, now
  /// if the event is open, else the next event day (the first, once it is over) at 10:00.
  static func visitStart(
    _ asked: Date?, now: Date, catalog: EventCatalog, language: Language
  ) throws -> (Date, String?) {
    let zone = catalog.timeZone
    let labels = Labels(language: language)
    let days = catalog.days
    func clock(_ date: Date) -> Int {
      EventTime.clockMinutes(EventTime.clockTime(date, zone: zone)) ?? 0
    }
    let span =
      days.first.map { first in
        labels.date(first) + (days.count > 1 ? "–" + labels.date(days[days.count - 1]) : "")
      } ?? ""
    if let asked {
      let day = EventTime.localDate(asked, zone: zone)
      if !days.isEmpty && !days.contains(day) {
        throw CommandError(
          "--start \(EventTime.format(asked, zone: zone)) is not a day of the event (\(span)): choose one of them"
        )
      }
      if !assumedHours.contains(clock(asked)) {
        throw CommandError(
          "--start \(EventTime.clockTime(asked, zone: zone)) is outside the exhibition's hours, assumed 09:00–18:00 (no source gives them): booths are likely closed then; start between 09:00 and 18:00"
        )
      }
      return (asked, nil)
    }
    let today = EventTime.localDate(now, zone: zone)
    if days.isEmpty || (days.contains(today) && assumedHours.contains(clock(now))) {
      return (now, nil)
    }
    let later = days.first { $0 > today || ($0 == today && clock(now) < assumedHours.lowerBound) }
    let day = later ?? days[0]
    let time = EventTime.startOfDay(day, zone: zone).addingTimeInterval(10 * 3600)
    let when = labels.date(day) + " 10:00"
    let why: String
    switch (later, language) {
    case (nil, .zh): why = "活动已结束（\(span)）：按首日\(when)规划，供参考（假定时间）。"
    case (nil, _):
      why = "The event is over (\(span)): this is how \(when) would have looked (time assumed)."
    case (_, .zh) where days.contains(today): why = "现在不在展览时间内：按\(when)规划（假定时间，来源未给出开放时间）。"
    case (_, _) where days.contains(today):
      why =
        "The exhibition is closed now: planned for \(when) (assumed; the sources give no opening hours)."
    case (_, .zh): why = "活动尚未开始（\(span)）：按\(when)规划（假定时间）。"
    default:
      why =
        "The event has not started (\(span)): planned for \(when) (assumed; the sources give no opening hours)."
    }
    return (time, why)
  }

  func makeRequest(context: CommandContext) throws -> VisitRequest {
    let catalog = context.catalog
    let weights = try context.weightedTopics(interests)
    let mustSee = try list(must).map { name in
      try context.resolve(
        name, in: catalog.exhibitorNames, what: "exhibitor", flag: "--must",
        { catalog.pack.exhibitors[$0] },
        label: { $0.name.text(.en) }
      ).id
    }
    let sessions = try attend.flatMap { list($0) }.map { name in
      try context.resolve(
        name, in: catalog.sessionNames, what: "session", flag: "--attend",
        { catalog.pack.sessions[$0] }, label: { $0.title.text(.en) }
      ).id
    }
    let startNode =
      try from.map { try CommandContext.place($0, catalog: catalog, flag: "--from") }
      ?? catalog.mainEntrance
    let endNode = try to.map { try CommandContext.place($0, catalog: catalog, flag: "--to") }
    let startTime = try context.time(start, flag: "--start")
    guard let minutes = Self.minutes(budget) else {
      throw CommandError("--budget '\(budget)' is not a duration: use 2h, 90m, 1h30m or minutes")
    }
    try Self.checkBudget(minutes, flag: "--budget")
    guard VisitLimits.dwellMinutes.contains(dwell) else {
      throw CommandError(
        "--dwell must be from \(VisitLimits.dwellMinutes.lowerBound.truncatedInt) to \(VisitLimits.dwellMinutes.upperBound.truncatedInt) minutes"
      )
    }
    return VisitRequest(
      interests: weights, mustSee: mustSee, attend: sessions, start: startNode,
      startTime: startTime,
      budgetMinutes: minutes, end: endNode, dwellMinutes: dwell, strongDwellMinutes: dwell * 1.5,
      stepFree: stepFree, done: Set(list(done)))
  }

  func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }

  /// "2h", "90m", "1h30m", "1.5h", "2 hours", "90 min", "90" → minutes.

  static func minutes(_ text: String) -> Double? { DurationText.minutes(text) }

  /// Topic weights people may give: enough to rank, never enough to swamp the planner's sums.
  static let weightRange: ClosedRange<Double> = 0.1...100

  /// A budget the planner covers (1 minute to 12 hours), or a clear refusal.
  static func checkBudget(_ minutes: Double, flag: String) throws {
    let limits = VisitLimits.budgetMinutes
    guard limits.contains(minutes) else {
      throw CommandError(
        minutes < limits.lowerBound
          ? "\(flag) must be at least \(limits.lowerBound.truncatedInt) minute"
          : "\(flag): I can plan up to \((limits.upperBound / 60).truncatedInt) hours (\(limits.upperBound.truncatedInt)m)"
      )
    }
  }
}

/// How `hiwaic route` prints its plan.
enum RouteFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, ics
}

/// `hiwaic route --format json`: one object with the stops, totals and what was left out.
struct PlanRecord: Encodable {
  struct Stop: Encodable {
    var kind: String
    var id: String
    var name: String
    var node: String
    var arrival: String
    var start: String
    var leave: String
    var waitMinutes: Double
    var walkMinutes: Double
    var walkMetres: Double
    var score: Double
  }

  var id: String
  var name: String
  var start: String
  var finish: String
  var budgetMinutes: Double
  var stepFree: Bool
  var stops: [Stop]
  var score: Double
  var walkingMetres: Double
  var walkingMinutes: Double
  var leftOut: [LeftOut]
  var optimal: Bool
  var provenance: Provenance

  init(plan: VisitPlan, request: VisitRequest, catalog: EventCatalog) {
    let zone = catalog.timeZone
    func iso(_ date: Date) -> String { EventTime.format(date, zone: zone) }
    func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    id = "plan-\(request.startTime.timeIntervalSince1970.truncatedInt)"
    name = "Personal route"
    start = iso(request.startTime)
    finish = iso(plan.finish)
    budgetMinutes = request.budgetMinutes
    stepFree = request.stepFree
    stops = plan.stops.map { stop in
      Stop(
        kind: stop.kind.rawValue, id: stop.id,
        name: catalog.exhibitor(stop.id)?.name.text(.en) ?? catalog.session(stop.id)?.title.text(
          .en) ?? stop.id,
        node: stop.node, arrival: iso(stop.arrival), start: iso(stop.start), leave: iso(stop.leave),
        waitMinutes: round(stop.waitMinutes), walkMinutes: round(stop.walkMinutes),
        walkMetres: stop.walkMetres.rounded(),
        score: (stop.score * 1000).rounded() / 1000)
    }
    score = plan.score
    walkingMetres = plan.walkingMetres
    walkingMinutes = plan.walkingMinutes
    leftOut = plan.leftOut
    optimal = plan.optimal
    provenance = Provenance(
      modelled: ["*"], note: "Planned over modelled booth positions and walkways.")
  }
}
