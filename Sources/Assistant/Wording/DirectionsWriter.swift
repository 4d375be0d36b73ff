import EventModel
import Planner

/// Turns a walking route into sentences a visitor can follow, in English, Chinese or German.
public struct DirectionsWriter: Sendable {
  public let catalog: EventCatalog
  public let language: Language

  public init(catalog: EventCatalog, language: Language) {
    self.catalog = catalog
    self.language = language
  }

  func t(
    _ en: @autoclosure () -> String, _ zh: @autoclosure () -> String,
    _ de: @autoclosure () -> String
  ) -> String { language.choose(en(), zh(), de()) }

  /// What a node is called: its name, the booths in front of it, its room, or its floor.
  public func place(_ nodeID: String) -> String {
    guard let node = catalog.node(nodeID) else { return nodeID }
    if let name = node.name { return name.text(language) }
    let booths = catalog.pack.booths.filter { $0.node == nodeID }.map(\.id)
    if !booths.isEmpty {
      let names = booths.flatMap { booth in
        (catalog.exhibitorsByBooth[booth] ?? []).map {
          catalog.pack.exhibitors[$0].name.text(language)
        }
      }
      let what = t("booth", "展位", "Stand") + " " + booths.joined(separator: "/")
      return names.isEmpty ? what : what + " (" + names.joined(separator: ", ") + ")"
    }
    if let room = catalog.pack.venues.rooms.first(where: { $0.node == nodeID }) {
      return room.name.text(language)
    }
    if let zone = catalog.pack.venues.zones.first(where: { $0.node == nodeID }) {
      return t("the middle of zone ", "区域", "die Mitte von Bereich ") + zone.id
    }
    let floor = catalog.floor(node.floor)?.name.text(language) ?? node.floor
    return t("the aisle on \(floor)", "\(floor)通道", "den Gang auf \(floor)")
  }

  func floorName(_ id: String) -> String { catalog.floor(id)?.name.text(language) ?? id }

  /// One sentence per leg, numbered, then the total.
  public func lines(_ route: WalkingRoute) -> [String] {
    var lines: [String] = []
    for (index, leg) in route.legs.enumerated() {
      let metres = leg.metres.roundedInt
      let sentence: String
      switch leg.mode {
      case .walk, .outdoor:
        let landmarks = leg.via.suffix(2).map(place)
        let past =
          landmarks.isEmpty
          ? ""
          : t(
            ", past \(landmarks.joined(separator: " and ")),",
            "，经过\(landmarks.joined(separator: "和"))",
            ", vorbei an \(landmarks.joined(separator: " und ")),")
        sentence =
          leg.mode == .outdoor
          ? t(
            "Walk outside \(metres) m\(past) to \(place(leg.to))",
            "室外步行\(metres)米\(past)，到\(place(leg.to))",
            "Draußen \(metres) m gehen\(past) bis \(place(leg.to))")
          : t(
            "Walk \(metres) m\(past) to \(place(leg.to))", "步行\(metres)米\(past)，到\(place(leg.to))",
            "\(metres) m gehen\(past) bis \(place(leg.to))")
      case .stairs, .escalator, .lift:
        let how =
          leg.mode == .lift
          ? t("the lift", "电梯", "den Aufzug")
          : leg.mode == .escalator
            ? t("the escalator", "扶梯", "die Rolltreppe") : t("the stairs", "楼梯", "die Treppe")
        sentence = t(
          "Take \(how) to \(floorName(leg.floor))", "乘\(how)到\(floorName(leg.floor))",
          "Mit \(how == "den Aufzug" ? "dem Aufzug" : how == "die Rolltreppe" ? "der Rolltreppe" : "der Treppe") nach \(floorName(leg.floor))"
        )
      case .metro, .shuttle:
        let ride =
          leg.mode == .metro
          ? t("the metro", "地铁", "der U-Bahn") : t("the shuttle", "接驳车", "dem Shuttle")
        sentence = t(
          "Take \(ride) to \(place(leg.to)) (about \(leg.minutes.roundedInt) min)",
          "乘\(ride)到\(place(leg.to))（约\(leg.minutes.roundedInt)分钟）",
          "Mit \(ride) bis \(place(leg.to)) (etwa \(leg.minutes.roundedInt) Min.)")
      }
      lines.append("\(index + 1). \(sentence)")
    }
    lines.append(
      t(
        "Total: \(route.metres.roundedInt) m, about \(max(1, route.minutes.roundedInt)) min.",
        "全程\(route.metres.roundedInt)米，约\(max(1, route.minutes.roundedInt))分钟。",
        "Insgesamt \(route.metres.roundedInt) m, etwa \(max(1, route.minutes.roundedInt)) Min."))
    return lines
  }
}
