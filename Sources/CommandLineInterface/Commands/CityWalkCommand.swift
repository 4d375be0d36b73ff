import ArgumentParser
import EventModel
import Foundation
import TextLayout

/// `hiwaic citywalk [ROUTE]`: the City Walk routes, or one route stop by stop.
struct CityWalkCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "citywalk", abstract: "Show the City Walk routes, or one route with its stops.")

  @Argument(help: "A route: its id, number (1, 2, 3) or name.")
  var route: String?

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let language = output.lang
    var routes = catalog.pack.cityWalks
    if let route {
      routes = [
        try context.resolve(
          route, in: catalog.routeNames, what: "City Walk route", flag: "citywalk",
          { catalog.pack.cityWalks[$0] }, label: { $0.id })
      ]
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
          labels.count(walk.stops.count, "stop", "站"),
          OutputFormatting.distance(walk.legDistances.reduce(0, +)),
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
      if index > 0 { lines.append("   ↓ " + OutputFormatting.distance(legs[index - 1])) }
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
        ? "全程 \(OutputFormatting.distance(total))（直线距离），站点停留共 \(walk.dwellMinutes) 分钟。"
        : "\(OutputFormatting.distance(total)) between the stops (straight line), \(walk.dwellMinutes) min at the stops."
    )
    lines.append(labels.approximateNote)
    return lines.joined(separator: "\n")
  }
}
