import ArgumentParser
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
      Interests are topics, optionally weighted (robotics:2,ai-chips). Must-sees are exhibitors
      (ids or names). Sessions to attend are session ids. The plan maximises interest with
      diminishing returns per topic, arrives before every chosen session starts, and ends within
      the budget; what it leaves out is listed with the reason. Re-plan from where you are with
      --from, --start and --done.
      """)

  @Option(name: .long, help: "Topics, comma-separated, each optionally with a weight (robotics:2).")
  var interests: String?

  @Option(name: .long, help: "Exhibitors to include if at all possible, comma-separated.")
  var must: String?

  @Option(name: .long, help: "Sessions to attend (ids), comma-separated or repeated.")
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
    let request = try makeRequest(context: context)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    switch format {
    case .json:
      return try OutputFormatting.json([PlanRecord(plan: plan, request: request, catalog: catalog)])
    case .ics:
      return CalendarWriter(catalog: catalog).calendar(
        for: plan, language: lang, stamp: context.now)
    case .text: return RouteText(catalog: catalog, language: lang).render(plan, request: request)
    }
  }

  func makeRequest(context: CommandContext) throws -> VisitRequest {
    let catalog = context.catalog
    var weights: [String: Double] = [:]
    for item in list(interests) {
      let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
      let topic = try context.resolveTopic(parts[0])
      guard parts.count == 1 || Double(parts[1]) != nil else {
        throw CommandError("--interests: weight '\(parts[1])' of \(parts[0]) is not a number")
      }
      weights[topic.id] = parts.count == 2 ? Double(parts[1])! : 1
    }
    let mustSee = try list(must).map { name in
      try context.resolve(
        name, in: catalog.exhibitorNames, what: "exhibitor", flag: "--must",
        { catalog.pack.exhibitors[$0] },
        label: { $0.name.text(.en) }
      ).id
    }
    let sessions = try attend.flatMap { list($0) }.map { id -> String in
      guard catalog.session(id) != nil else {
        let close = NameSuggestions.closest(
          to: id, among: catalog.pack.sessions.map { (key: $0.id, label: $0.id) })
        throw CommandError(
          "--attend: unknown session '\(id)'\(close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")"
        )
      }
      return id
    }
    let startNode =
      try from.map { try CommandContext.place($0, catalog: catalog, flag: "--from") }
      ?? catalog.pack.walkways.nodes.first { $0.kind == .entrance }?.id ?? catalog.pack.walkways
      .nodes.first?.id ?? ""
    let endNode = try to.map { try CommandContext.place($0, catalog: catalog, flag: "--to") }
    let startTime = try context.time(start, flag: "--start")
    guard let minutes = Self.minutes(budget), minutes > 0 else {
      throw CommandError("--budget '\(budget)' is not a duration: use 2h, 90m, 1h30m or minutes")
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
  static func minutes(_ text: String) -> Double? {
    var compact = text.lowercased().replacingOccurrences(of: " ", with: "")
    for (word, unit) in [
      ("hours", "h"), ("hour", "h"), ("hrs", "h"), ("hr", "h"), ("minutes", "m"), ("minute", "m"),
      ("mins", "m"), ("min", "m"),
    ] {
      compact = compact.replacingOccurrences(of: word, with: unit)
    }
    if let plain = Double(compact) { return plain }
    var total = 0.0
    var number = ""
    for character in compact {
      if character.isNumber || character == "." {
        number.append(character)
      } else if character == "h" || character == "m", let value = Double(number) {
        total += character == "h" ? value * 60 : value
        number = ""
      } else {
        return nil
      }
    }
    return number.isEmpty && total > 0 ? total : nil
  }
}

/// How `hiwaic route` prints its plan.
enum RouteFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, ics
}

/// The timeline of a plan, for people.
struct RouteText {
  let catalog: EventCatalog
  let language: Language

  func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

  func render(_ plan: VisitPlan, request: VisitRequest) -> String {
    let zone = catalog.timeZone
    let writer = DirectionsWriter(catalog: catalog, language: language)
    let clock = { (date: Date) in EventTime.clockTime(date, zone: zone) }
    let labels = Labels(language: language)
    let day = labels.date(EventTime.localDate(request.startTime, zone: zone))
    var lines = [
      t(
        "Plan for \(Int(request.budgetMinutes)) min from \(writer.place(request.start)), \(day) \(clock(request.startTime))\(request.stepFree ? " (step-free)" : "")",
        "\(day) \(clock(request.startTime)) 从\(writer.place(request.start))出发，共\(Int(request.budgetMinutes))分钟\(request.stepFree ? "（无障碍）" : "")"
      )
    ]
    for stop in plan.stops {
      let minutes = stop.walkMinutes < 0.5 ? t("<1", "不到1") : "\(Int(stop.walkMinutes.rounded()))"
      let walk =
        stop.walkMetres < 1
        ? t("next door", "就在旁边")
        : t(
          "walk \(minutes) min, \(Int(stop.walkMetres.rounded())) m",
          "步行\(minutes)分钟，\(Int(stop.walkMetres.rounded()))米")
      let wait =
        stop.waitMinutes >= 1
        ? t(
          ", wait \(Int(stop.waitMinutes.rounded())) min", "，等候\(Int(stop.waitMinutes.rounded()))分钟"
        ) : ""
      switch stop.kind {
      case .exhibitor:
        let exhibitor = catalog.exhibitor(stop.id)
        let booth = exhibitor?.booth ?? ""
        lines.append(
          "\(clock(stop.start))–\(clock(stop.leave))  ~\(booth) \(exhibitor?.name.text(language) ?? stop.id)  (\(walk)\(wait))"
        )
      case .session:
        let session = catalog.session(stop.id)
        let room = session.flatMap { catalog.room($0.room) }?.name.text(language) ?? ""
        lines.append(
          "\(clock(stop.start))–\(clock(stop.leave))  \(session?.title.text(language) ?? stop.id) — \(room)  (\(walk)\(wait))"
        )
      }
    }
    lines.append(
      t(
        "\(clock(plan.finish))  end at \(writer.place(plan.end)) (walk \(Int(plan.endWalkMinutes.rounded())) min)",
        "\(clock(plan.finish))  到达终点\(writer.place(plan.end))（步行\(Int(plan.endWalkMinutes.rounded()))分钟）"
      ))
    lines.append(
      t(
        "\(plan.stops.count) stops · interest score \(String(format: "%.1f", plan.score)) · walking \(OutputFormatting.distance(plan.walkingMetres)) (\(Int(plan.walkingMinutes.rounded())) min)\(plan.optimal ? " · best possible plan" : "")",
        "共\(plan.stops.count)站 · 兴趣分\(String(format: "%.1f", plan.score)) · 步行\(OutputFormatting.distance(plan.walkingMetres))（\(Int(plan.walkingMinutes.rounded()))分钟）\(plan.optimal ? " · 最优方案" : "")"
      ))
    for item in plan.leftOut {
      let name =
        catalog.exhibitor(item.id)?.name.text(language) ?? catalog.session(item.id)?.title.text(
          language) ?? item.id
      let reason: String =
        switch item.reason {
        case .notFound: t("not in this pack", "数据中没有")
        case .alreadyOver: t("already started or over at the start time", "开始时已开始或结束")
        case .unreachable: t("cannot be reached on this profile", "当前路线模式下无法到达")
        case .noTime: t("does not fit in the time budget", "时间预算内放不下")
        case .clash:
          t("clashes with \(item.with ?? "another session")", "与\(item.with ?? "其他活动")时间冲突")
        }
      lines.append(t("Left out: \(name) — \(reason)", "未安排：\(name)——\(reason)"))
    }
    lines.append(labels.approximateNote)
    return lines.joined(separator: "\n")
  }
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
    id = "plan-\(Int(request.startTime.timeIntervalSince1970))"
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
