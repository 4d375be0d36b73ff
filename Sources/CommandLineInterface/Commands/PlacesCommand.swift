import ArgumentParser
import Assistant
import EventModel
import Foundation
import TextLayout

/// `hiwaic places`: every place that `--at`, `--from` and `--to` accept, by id and name.
struct PlacesCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "places",
    abstract: "List the places --at, --from and --to accept: ids and names.",
    discussion: """
      Entrances, facilities, metro stations, lifts and stairs by their walkway ids; booths, \
      zones and rooms by their ids; exhibitors by name. Any id or name listed works as a place.

      Examples:
        hiwaic places
        hiwaic places --kind facility
        hiwaic places --kind room --lang zh
        hiwaic places --kind booth --format json
      """)

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only places of one kind: \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "KIND"))
  var kind: PlaceKind?

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  /// A kind of place in the list.
  enum PlaceKind: String, ExpressibleByArgument, CaseIterable, Encodable {
    case entrance, facility, metro, lift, stairs, booth, zone, room, exhibitor
  }

  /// One place: what to type (`id`), what it is and where.
  struct PlaceRecord: Encodable {
    var id: String
    var kind: PlaceKind
    var name: String
    var floor: String?
  }

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let records = Self.places(context.catalog, language: output.lang).filter {
      kind == nil || $0.kind == kind
    }
    if output.format == .json { return try OutputFormatting.json(records) }
    guard !records.isEmpty else {
      return output.lang == .zh ? "没有这类地点。" : "No places of that kind in this pack."
    }
    let table = TextTable(
      columns: [
        .init(output.lang == .zh ? "输入" : "Type"), .init(output.lang == .zh ? "类型" : "Kind"),
        .init(output.lang == .zh ? "名称" : "Name"), .init(output.lang == .zh ? "楼层" : "Floor"),
      ],
      rows: records.map { [$0.id, $0.kind.rawValue, $0.name, $0.floor ?? ""] })
    return table.render(totalWidth: OutputFormatting.terminalColumns())
  }

  /// Every place by kind, in pack order.
  static func places(_ catalog: EventCatalog, language: Language) -> [PlaceRecord] {
    let floors = Dictionary(
      catalog.pack.venues.floors.map { ($0.id, $0.name.text(language)) },
      uniquingKeysWith: { a, _ in a })
    func floor(ofNode id: String) -> String? { catalog.node(id).flatMap { floors[$0.floor] } }
    var records: [PlaceRecord] = []
    for node in catalog.pack.walkways.nodes {
      let kind: PlaceKind? =
        switch node.kind {
        case .entrance: .entrance
        case .facility: .facility
        case .metro: .metro
        case .lift: .lift
        case .stairs, .escalator: .stairs
        default: nil
        }
      guard let kind else { continue }
      let name = node.name?.text(language) ?? node.facility.map(\.rawValue) ?? ""
      records.append(PlaceRecord(id: node.id, kind: kind, name: name, floor: floors[node.floor]))
    }
    for booth in catalog.pack.booths {
      let names = (catalog.exhibitorsByBooth[booth.id] ?? []).map {
        catalog.pack.exhibitors[$0].name.text(language)
      }
      records.append(
        PlaceRecord(
          id: booth.id, kind: .booth, name: names.joined(separator: ", "),
          floor: floor(ofNode: booth.node)))
    }
    for zone in catalog.pack.venues.zones {
      records.append(
        PlaceRecord(
          id: zone.id, kind: .zone, name: zone.name.text(language), floor: floor(ofNode: zone.node))
      )
    }
    for room in catalog.pack.venues.rooms {
      records.append(
        PlaceRecord(
          id: room.id, kind: .room, name: room.name.text(language),
          floor: room.node.flatMap(floor(ofNode:)))
      )
    }
    for exhibitor in catalog.pack.exhibitors {
      guard let booth = exhibitor.booth.flatMap({ catalog.booth($0) }) else { continue }
      records.append(
        PlaceRecord(
          id: exhibitor.name.text(language), kind: .exhibitor, name: "~" + booth.id,
          floor: floor(ofNode: booth.node)))
    }
    return records
  }
}
