import ArgumentParser
import Assistant
import EventModel
import Foundation
import Planner

/// `hiwaic here ZONE`: Here & now for a zone or room, as the kiosk shows it after a scan.
struct HereCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "here",
    abstract:
      "Here & now for a zone or room: its booths, sessions nearby in the next two hours, the nearest facilities, the way from --at.",
    discussion: """
      ZONE is a scanned code (WAIC:ZONE:H1-A, WAIC:ROOM:RED-HALL; an imported conference's \
      codes start with its own prefix, which qr-posters lists) or a bare zone or room id (H1-A).

      Examples:
        hiwaic here WAIC:ZONE:H3-A --now 2025-07-26T10:00
        hiwaic here RED-HALL --at eh-1f-north --lang zh
      """)

  @Argument(help: "A zone or room code, or its id.")
  var zone: String

  @Option(name: .long, help: "Where the kiosk stands, for the way there.")
  var at: String?

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let code: PlaceCode
    switch catalog.resolvePlaceCode(zone) {
    case .found(let found): code = found
    case .ambiguous(let codes):
      throw CommandError(
        "'\(zone)' is both \(codes.map(\.text).joined(separator: " and ")); give the whole code")
    case .notFound(let suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
      throw CommandError(
        "unknown zone or room '\(zone)'\(hint) (hiwaic qr-posters lists every code)")
    }
    let kiosk = try at.map { try CommandContext.place($0, catalog: catalog, flag: "--at") }
    let guide = HereAndNowGuide(catalog: catalog)
    guard let here = guide.make(code, now: context.now, from: kiosk) else {
      throw CommandError("\(code.text) leads to no place in this pack")
    }
    if output.format == .json {
      // An array of one object, like every command's JSON.
      return try OutputFormatting.json([HereRecord(here, catalog: catalog)])
    }
    return guide.describe(here, language: output.lang).joined(separator: "\n")
  }
}

/// `hiwaic here --format json`.
struct HereRecord: Encodable {
  struct Booth: Encodable {
    var booth: String
    var exhibitors: [String]
  }
  struct SessionEntry: Encodable {
    var session: String
    var title: String
    var start: String
    var end: String
    var room: String
    var walkMinutes: Double
    var onNow: Bool
  }
  struct Facility: Encodable {
    var node: String
    var kind: String
    var walkMinutes: Double
    var walkMetres: Double
  }

  var code: String
  var kind: String
  var zone: String
  /// Left out for a room of a pack without a floor plan.
  var node: String?
  var now: String
  var until: String
  var booths: [Booth]
  var sessions: [SessionEntry]
  var nextLater: SessionEntry?
  var facilities: [Facility]
  var way: DirectionsRecord?
  var provenance: Provenance

  init(_ here: HereAndNow, catalog: EventCatalog) {
    let zone = catalog.timeZone
    func round(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    func entry(_ entry: HereAndNow.SessionEntry) -> SessionEntry {
      let session = catalog.session(entry.session)
      return SessionEntry(
        session: entry.session, title: session?.title.text(.en) ?? entry.session,
        start: session.map { EventTime.format($0.start, zone: zone) } ?? "",
        end: session.map { EventTime.format($0.end, zone: zone) } ?? "", room: entry.room,
        walkMinutes: round(entry.walkMinutes), onNow: entry.onNow)
    }
    code = here.code.text
    kind = here.code.kind == .zone ? "zone" : "room"
    self.zone = here.code.id
    node = here.node
    now = EventTime.format(here.now, zone: zone)
    until = EventTime.format(here.until, zone: zone)
    booths = here.booths.map { Booth(booth: $0.booth, exhibitors: $0.exhibitors) }
    sessions = here.sessions.map(entry)
    nextLater = here.nextLater.map(entry)
    facilities = here.facilities.map {
      Facility(
        node: $0.node, kind: $0.kind.rawValue, walkMinutes: round($0.walkMinutes),
        walkMetres: round($0.walkMetres))
    }
    way = here.way.map {
      DirectionsRecord(route: $0.route, from: $0.from, to: $0.to, stepFree: $0.stepFree)
    }
    provenance = Provenance(
      modelled: ["*"],
      note: "Zones, rooms' places and walking times come from the modelled venue plan.")
  }
}
