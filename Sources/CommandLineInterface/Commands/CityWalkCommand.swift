import ArgumentParser
import Assistant
import EventModel
import Foundation
import Planner
import TextLayout

/// `hiwaic citywalk [ROUTE]`: the City Walk routes, or one route stop by stop.
struct CityWalkCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "citywalk", abstract: "Show the City Walk routes, or one route with its stops.",
    discussion: """
      ROUTE is a number (1–3 on the WAIC pack), an id or a name. --plan times a route from \
      --start within --budget; distances between stops are straight lines, and long legs are \
      estimates by metro or taxi.

      Examples:
        hiwaic citywalk
        hiwaic citywalk 2 --lang zh
        hiwaic citywalk 1 --plan --start 2025-07-27T14:00 --budget 2h
      """)

  @Argument(help: "A route: its id, number (1, 2, 3) or name.")
  var route: String?

  @Flag(name: .long, help: "Time the route: when to be at each stop, legs and their minutes.")
  var plan = false

  @Option(name: .long, help: "Start the route at this stop (its id or name).")
  var from: String?

  @Option(
    name: .long, help: "Time available: 2h, 90m…; the walk is cut at the last stop that fits.")
  var budget: String?

  @Option(name: .long, help: "When to start, ISO 8601 (default: --now, or now).")
  var start: String?

  @Option(name: .long, help: "Recommend a route for these topics, comma-separated.")
  var interests: String?

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let language = output.lang
    var routes = catalog.pack.cityWalks
    if let route {
      // "citywalk 4" with three routes: say which numbers there are.
      if routes.isEmpty { throw CommandError("citywalk: this pack has no City Walk routes") }
      if let number = Int(route), !routes.indices.contains(number - 1) {
        let names = routes.enumerated().map { "\($0.offset + 1) \($0.element.id)" }
        throw CommandError(
          "citywalk: there is no route \(number); choose 1–\(routes.count) (\(names.joined(separator: ", ")))"
        )
      }
      routes = [
        try context.resolve(
          route, in: catalog.routeNames, what: "City Walk route", flag: "citywalk",
          { catalog.pack.cityWalks[$0] }, label: { $0.id })
      ]
    }
    let budgetMinutes = try budget.map { text -> Double in
      guard let minutes = RouteCommand.minutes(text) else {
        throw CommandError("--budget '\(text)' is not a duration: use 2h, 90m or minutes")
      }
      try RouteCommand.checkBudget(minutes, flag: "--budget")
      return minutes
    }
    if let interests, route == nil {
      let topics = try interests.split(separator: ",").map {
        try context.resolveTopic(String($0)).id
      }
      let ranked = CityWalkPlanner(catalog: catalog).recommend(
        interests: topics, budgetMinutes: budgetMinutes)
      if output.format == .json {
        return try OutputFormatting.json(ranked.map { RouteRecord($0.route, language: language) })
      }
      return ranked.enumerated().map { index, item in
        let fits = budgetMinutes.map { item.minutes <= $0 } ?? true
        return
          "\(index + 1). \(item.route.name.text(language)) — \(item.matches) \(language == .zh ? "个匹配主题" : "matching topics"), ~\(item.minutes.roundedInt) min\(fits ? "" : language == .zh ? "（超出时间）" : " (longer than your time)")"
      }.joined(separator: "\n")
    }
    if plan {
      guard let walk = routes.first, route != nil else {
        throw CommandError("--plan needs a route: hiwaic citywalk 1 --plan")
      }
      var startStop: String?
      if let from {
        let folded = TextFolding.fold(from)
        guard
          let stop = walk.stops.first(where: {
            $0.id == from || $0.name.allTexts.contains { TextFolding.fold($0) == folded }
          })
        else {
          let close = NameSuggestions.closest(
            to: from,
            among: walk.stops.map { (key: $0.name.text(.en), label: $0.id) }
              + walk.stops.map { (key: $0.id, label: $0.id) })
          throw CommandError(
            "--from: no stop '\(from)' on \(walk.id)\(close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")"
          )
        }
        startStop = stop.id
      }
      let startTime = try context.time(start, flag: "--start")
      let timed = CityWalkPlanner(catalog: catalog).plan(
        walk, from: startStop, start: startTime, budgetMinutes: budgetMinutes)
      if output.format == .json { return try OutputFormatting.json([timed]) }
      return renderPlan(timed, walk: walk, catalog: catalog)
    }
    if output.format == .json {
      return try OutputFormatting.json(routes.map { RouteRecord($0, language: language) })
    }
    let labels = Labels(language: language)
    guard !routes.isEmpty else { return labels.nothingFound }
    if route == nil {
      let rows = catalog.pack.cityWalks.enumerated().map { index, walk in
        [
          "\(index + 1)", walk.id, walk.name.text(language), walk.theme.text(language),
          labels.count(walk.stops.count, "stop", "站", ("Station", "Stationen")),
          Labels.distance(walk.legDistances.reduce(0, +)),
        ]
      }
      let table = TextTable(
        columns: [
          .init("#"), .init("ID"), .init(labels.route), .init(labels.theme), .init(labels.stops),
          .init(labels.distance, alignment: .right),
        ], rows: rows)
      let hint =
        language == .zh
        ? "查看路线详情：hiwaic citywalk 1（或路线ID）。站点为模拟数据：来源未给出2025年的站点。"
        : "Details: hiwaic citywalk 1 (or the route id). Stops are modelled: no source gives the 2025 stops."
      return table.render(totalWidth: OutputFormatting.terminalColumns()) + "\n" + hint
    }
    let walk = routes[0]
    var lines = [walk.name.text(language), walk.theme.text(language)]
    lines += TextWrapping.wrap(
      walk.description.text(language), width: min(OutputFormatting.terminalColumns() ?? 88, 88))
    lines.append("")
    let legs = walk.legDistances
    for (index, stop) in walk.stops.enumerated() {
      if index > 0 { lines.append("   ↓ " + Labels.distance(legs[index - 1])) }
      let modelled = (stop.provenance ?? walk.provenance).isModelled("location")
      let district = stop.district.map { " · " + $0.text(language) } ?? ""
      lines.append(
        "\(index + 1). " + OutputFormatting.mark(stop.name.text(language), modelled: modelled)
          + district + " (\(stop.minutes) \(labels.minutes))")
      lines.append("   " + stop.shows.text(language))
    }
    lines.append("")
    let total = legs.reduce(0, +)
    lines.append(
      language == .zh
        ? "全程 \(Labels.distance(total))（直线距离），站点停留共 \(walk.dwellMinutes) 分钟。"
        : "\(Labels.distance(total)) between the stops (straight line), \(walk.dwellMinutes) min at the stops."
    )
    lines.append(labels.approximateNote)
    return lines.joined(separator: "\n")
  }

  private func renderPlan(_ plan: CityWalkPlan, walk: CityWalkRoute, catalog: EventCatalog)
    -> String
  {
    let language = output.lang
    let zone = catalog.timeZone
    let byID = Dictionary(uniqueKeysWithValues: walk.stops.map { ($0.id, $0) })
    var lines = [walk.name.text(language)]
    for (index, visit) in plan.visits.enumerated() {
      if index > 0 {
        let leg = plan.legs[index - 1]
        let how =
          leg.mode == .walk
          ? (language == .zh ? "步行" : "walk")
          : (language == .zh ? "乘地铁或出租车（估计）" : "metro or taxi (estimate)")
        lines.append(
          "   ↓ \(how) \(Labels.distance(leg.metres)), ~\(leg.minutes.roundedInt) min"
        )
      }
      let stop = byID[visit.stop]
      lines.append(
        "\(EventTime.clockTime(visit.arrival, zone: zone))–\(EventTime.clockTime(visit.leave, zone: zone))  ~\(stop?.name.text(language) ?? visit.stop)"
      )
    }
    if !plan.dropped.isEmpty {
      let names = plan.dropped.compactMap { byID[$0]?.name.text(language) }.joined(separator: ", ")
      lines.append(language == .zh ? "时间不够，未安排：\(names)" : "Not enough time for: \(names)")
    }
    lines.append(
      language == .zh
        ? "共约\(plan.minutes.roundedInt)分钟。站点为模拟数据。"
        : "About \(plan.minutes.roundedInt) min in all. Stops are modelled.")
    return lines.joined(separator: "\n")
  }
}
