import EventModel
import Foundation
import Planner

/// What a visitor who scanned a zone's or room's code wants at once: what is here, what is on
/// nearby in the next two hours, the nearest facilities, and the way there from the kiosk.
public struct HereAndNow: Sendable {
  /// A booth of the zone and who exhibits there.
  public struct BoothEntry: Sendable, Hashable {
    public var booth: String
    public var exhibitors: [String]
  }

  /// A session in a room near the place, with the walk to its door.
  public struct SessionEntry: Sendable, Hashable {
    public var session: String
    public var room: String
    public var walkMinutes: Double
    /// Already running at the time asked.
    public var onNow: Bool
  }

  /// The nearest facility of one kind.
  public struct FacilityEntry: Sendable, Hashable {
    public var node: String
    public var kind: FacilityKind
    public var walkMinutes: Double
    public var walkMetres: Double
  }

  public var code: PlaceCode
  /// The zone's centre or the room's door; nil for a room of a pack without a floor plan.
  public var node: String?
  public var now: Date
  /// The end of the window sessions are listed for.
  public var until: Date
  public var booths: [BoothEntry]
  /// Sessions running or starting before `until` in rooms within `HereAndNow.nearbyMinutes`.
  public var sessions: [SessionEntry]
  /// When nothing is on in the window: the next session nearby after it, if any.
  public var nextLater: SessionEntry?
  /// The nearest of each kind of facility, nearest first.
  public var facilities: [FacilityEntry]
  /// The way from the kiosk (`--at`), when it stands somewhere else.
  public var way: WalkingDirections?

  /// Rooms this many walking minutes away or less count as nearby: the halls and the conference
  /// centre of the Expo site are 13–15 minutes apart, the other venues a metro ride away.
  public static let nearbyMinutes = 20.0
  /// How far ahead sessions are listed.
  public static let window: TimeInterval = 2 * 3600
}

/// Works out and words Here & now from the pack alone (no matcher needed).
public struct HereAndNowGuide: Sendable {
  public let catalog: EventCatalog

  public init(catalog: EventCatalog) { self.catalog = catalog }

  /// Here & now for a zone or room code at a time, with the way from `kiosk` when given.
  public func make(_ code: PlaceCode, now: Date, from kiosk: String?) -> HereAndNow? {
    let node = catalog.node(of: code)
    // A room that is named but not placed (a pack without a floor plan): what is on in it,
    // without walks.
    guard node != nil || (code.kind == .room && catalog.room(code.id) != nil) else { return nil }
    let router = WalkingRouter(catalog: catalog)
    let travel = node.flatMap { router.travel(from: $0, stepFree: false) }
    let positions = catalog.walkways.nodePosition
    func minutes(to target: String) -> Double? {
      positions[target].flatMap { travel?.minutes(to: $0) }
    }

    let booths: [HereAndNow.BoothEntry] =
      code.kind == .zone
      ? catalog.pack.booths.filter { $0.zone == code.id }.map { booth in
        HereAndNow.BoothEntry(
          booth: booth.id,
          exhibitors: (catalog.exhibitorsByBooth[booth.id] ?? []).map {
            catalog.pack.exhibitors[$0].id
          })
      } : []

    var nearbyRooms: [String: Double] = [:]
    for room in catalog.pack.venues.rooms {
      if let node = room.node, let walk = minutes(to: node), walk <= HereAndNow.nearbyMinutes {
        nearbyRooms[room.id] = walk
      }
    }
    if code.kind == .room { nearbyRooms[code.id] = 0 }
    let until = now.addingTimeInterval(HereAndNow.window)
    let nearbySessions = catalog.pack.sessions.filter {
      nearbyRooms[$0.room] != nil && $0.end > now
    }
    .sorted { ($0.start, nearbyRooms[$0.room]!, $0.id) < ($1.start, nearbyRooms[$1.room]!, $1.id) }
    func entry(_ session: Session) -> HereAndNow.SessionEntry {
      HereAndNow.SessionEntry(
        session: session.id, room: session.room, walkMinutes: nearbyRooms[session.room] ?? 0,
        onNow: session.start <= now)
    }
    let sessions = nearbySessions.filter { $0.start < until }.map(entry)

    var nearest: [FacilityKind: HereAndNow.FacilityEntry] = [:]
    let walkwayNodes = catalog.pack.walkways.nodes
    for index in catalog.placeNodes {
      let walkNode = walkwayNodes[index]
      guard let kind = walkNode.facility, let walk = travel?.minutes(to: index) else { continue }
      if walk < nearest[kind]?.walkMinutes ?? .infinity {
        nearest[kind] = HereAndNow.FacilityEntry(
          node: walkNode.id, kind: kind, walkMinutes: walk,
          walkMetres: travel?.metres(to: index) ?? 0)
      }
    }
    let facilities = nearest.values.sorted {
      ($0.walkMinutes, $0.kind.rawValue) < ($1.walkMinutes, $1.kind.rawValue)
    }

    var way: WalkingDirections?
    if let kiosk, let node, kiosk != node,
      let route = router.route(from: kiosk, to: node, stepFree: false)
    {
      way = WalkingDirections(from: kiosk, to: node, stepFree: false, route: route)
    }
    return HereAndNow(
      code: code, node: node, now: now, until: until, booths: booths, sessions: sessions,
      nextLater: sessions.isEmpty ? nearbySessions.first.map(entry) : nil,
      facilities: facilities, way: way)
  }

  /// Here & now as lines for people: a heading, then booths, sessions, facilities and the way.
  public func describe(_ here: HereAndNow, language: Language) -> [String] {
    let zh = language == .zh
    func t(_ en: String, _ zhText: String) -> String { zh ? zhText : en }
    let labels = Labels(language: language)
    let zone = catalog.timeZone
    let clock = { (date: Date) in EventTime.clockTime(date, zone: zone) }
    let name = catalog.name(of: here.code)?.text(language) ?? here.code.id
    var lines: [String] = []
    var place = ""
    switch here.code.kind {
    case .zone:
      if let zoneRecord = catalog.zone(here.code.id) {
        let hall = catalog.hall(zoneRecord.hall)
        place = t("Zone \(zoneRecord.id) \(name)", "\(zoneRecord.id)区 \(name)")
        if let hall {
          let floor = catalog.floor(hall.floor)?.name.text(language) ?? hall.floor
          place += " · \(hall.name.text(language)) · \(floor)"
        }
      }
    case .room:
      let floor = catalog.room(here.code.id)?.floor.flatMap { catalog.floor($0) }
      place = name + (floor.map { " · " + $0.name.text(language) } ?? "")
    }
    lines.append(t("Here & now: ", "此处此刻：") + place)
    if here.code.kind == .zone {
      lines.append("")
      lines.append(
        t("Booths here (\(here.booths.count)):", "本区展位（\(here.booths.count)个）："))
      if here.booths.isEmpty { lines.append(t("  none listed", "  暂无")) }
      for booth in here.booths {
        let names = booth.exhibitors.compactMap { catalog.exhibitor($0)?.name.text(language) }
        lines.append(
          "  ~\(booth.booth)  "
            + (names.isEmpty ? t("(no exhibitor listed)", "（暂无展商）") : names.joined(separator: ", "))
        )
      }
    }
    lines.append("")
    // A room that is not placed (no floor plan): what is on in it, and no walk or facility.
    let placed = here.node != nil
    lines.append(
      placed
        ? t(
          "On nearby until \(clock(here.until)) (rooms within \(Int(HereAndNow.nearbyMinutes)) min):",
          "附近\(clock(here.until))前的活动（步行\(Int(HereAndNow.nearbyMinutes))分钟内）：")
        : t("On in this room until \(clock(here.until)):", "本会场\(clock(here.until))前的活动："))
    func sessionLine(_ entry: HereAndNow.SessionEntry, day: Bool) -> String {
      guard let session = catalog.session(entry.session) else { return entry.session }
      let room = catalog.room(entry.room)?.name.text(language) ?? entry.room
      let when =
        (day ? labels.date(EventTime.localDate(session.start, zone: zone)) + " " : "")
        + "\(clock(session.start))–\(clock(session.end))"
      let walk =
        entry.walkMinutes < 0.5
        ? t("here", "就在这里")
        : t(
          "\(entry.walkMinutes.roundedInt) min walk", "步行\(entry.walkMinutes.roundedInt)分钟")
      return "  " + (entry.onNow ? t("NOW ", "进行中 ") : "") + when + "  "
        + session.title.text(language) + " — " + room + t(" (", "（") + walk + t(")", "）")
    }
    if here.sessions.isEmpty {
      lines.append(t("  nothing in the next two hours", "  未来两小时内没有活动"))
      if let next = here.nextLater {
        lines.append(t("  Next nearby:", "  附近下一场："))
        lines.append(sessionLine(next, day: true))
      }
    }
    for entry in here.sessions { lines.append(sessionLine(entry, day: false)) }
    guard placed else { return lines }
    lines.append("")
    lines.append(t("Nearest facilities:", "最近的设施："))
    if here.facilities.isEmpty { lines.append(t("  none reachable", "  无可到达的设施")) }
    for facility in here.facilities {
      let walk = facility.walkMinutes.roundedInt
      lines.append(
        "  " + labels.facility(facility.kind) + " · "
          + t(
            "~\(walk) min, \(Labels.distance(facility.walkMetres))",
            "约\(walk)分钟，\(Labels.distance(facility.walkMetres))"))
    }
    if let way = here.way {
      lines.append("")
      lines.append(
        t(
          "The way from this kiosk: ~\(way.route.minutes.roundedInt) min, \(Labels.distance(way.route.metres))",
          "从本机前往：约\(way.route.minutes.roundedInt)分钟，\(Labels.distance(way.route.metres))"))
      lines += DirectionsWriter(catalog: catalog, language: language).lines(way.route).map {
        "  " + $0
      }
    }
    lines.append("")
    lines.append(labels.approximateNote)
    return lines
  }
}
