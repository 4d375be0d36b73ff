import ArgumentParser
import Assistant
import EventModel
import Foundation
import Planner

/// `hiwaic directions FROM TO`: the way on foot, leg by leg.
struct DirectionsCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "directions",
    abstract:
      "Walking directions between two places (nodes, booths, rooms, exhibitors, named places).",
    discussion: """
      Places are walkway ids, booths, zones, rooms, exhibitors or named places: 'hiwaic places' \
      lists them. --step-free avoids stairs and escalators.

      Examples:
        hiwaic directions eh-1f-north Unitree
        hiwaic directions "Red Hall" H1-A01 --step-free --lang zh
      """)

  @Argument(help: "Where you start.")
  var from: String

  @Argument(help: "Where you want to go.")
  var to: String

  @Flag(name: .long, help: "Avoid stairs and escalators (lifts and ramps only), at a slower pace.")
  var stepFree = false

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let start = try CommandContext.place(from, catalog: catalog, flag: "FROM")
    let end = try CommandContext.place(to, catalog: catalog, flag: "TO")
    guard
      let route = WalkingRouter(catalog: catalog).route(from: start, to: end, stepFree: stepFree)
    else {
      throw CommandError(
        stepFree
          ? "there is no step-free way from \(from) to \(to) in this pack"
          : "there is no way on foot from \(from) to \(to) in this pack")
    }
    if output.format == .json {
      return try OutputFormatting.json([
        DirectionsRecord(route: route, from: start, to: end, stepFree: stepFree)
      ])
    }
    let writer = DirectionsWriter(catalog: catalog, language: output.lang)
    let heading =
      output.lang == .zh
      ? "从\(writer.place(start))到\(writer.place(end))\(stepFree ? "（无障碍路线）" : "")："
      : "From \(writer.place(start)) to \(writer.place(end))\(stepFree ? " (step-free)" : ""):"
    let note =
      output.lang == .zh
      ? "路线依据模拟的场馆平面图，距离为约数。" : "The walkway plan is modelled: distances are approximate."
    return ([heading] + writer.lines(route) + [note]).joined(separator: "\n")
  }
}

/// `hiwaic directions --format json`: one object with the legs.
struct DirectionsRecord: Encodable {
  var id: String
  var name: String
  var from: String
  var to: String
  var stepFree: Bool
  var metres: Double
  var minutes: Double
  var legs: [WalkingLeg]
  var nodes: [String]
  var provenance: Provenance

  init(route: WalkingRoute, from: String, to: String, stepFree: Bool) {
    id = "\(from)→\(to)"
    name = "\(from) to \(to)"
    self.from = from
    self.to = to
    self.stepFree = stepFree
    metres = (route.metres * 10).rounded() / 10
    minutes = (route.minutes * 10).rounded() / 10
    legs = route.legs
    nodes = route.nodes
    provenance = Provenance(modelled: ["*"], note: "Computed over the modelled walkway graph.")
  }
}
