import EventModel
import Foundation

/// Generates a synthetic pack `scale` times the size of WAIC 2025 (800 exhibitors, 100 sessions
/// per unit of scale), valid under `PackLoader`, clearly marked synthetic, for benchmarks.
public struct SyntheticPackGenerator {
  /// Exhibitors per unit of scale: WAIC 2025 had 800+.
  public static let exhibitorsPerScale = 800
  /// Sessions per unit of scale: WAIC 2025 had 100+ forums.
  public static let sessionsPerScale = 100

  public var scale: Int
  public var seed: UInt64

  public init(scale: Int, seed: UInt64 = 2025) {
    self.scale = max(1, scale)
    self.seed = seed
  }

  private static let provenance = Provenance(
    sources: ["synthetic:hiwaic-gen-pack"], modelled: ["*"],
    note: "Generated test data, not a real event.")

  // Hall geometry: 4 aisle rows of 7 junctions; two booths per side of each 20 m segment.
  private static let hallWidth = 130.0
  private static let hallDepth = 110.0
  private static let boothsPerHall = 96
  private static let sessionsPerRoom = 24  // 8 one-hour slots on each of 3 conference days

  public func generate() -> EventPack {
    var random = SplitMix64(seed: seed)
    var builder = Builder(provenance: Self.provenance)
    let topics = Self.topics()
    let exhibitorCount = Self.exhibitorsPerScale * scale
    let sessionCount = Self.sessionsPerScale * scale

    // Venues and the outdoor link between them.
    builder.venues.append(
      Venue(
        id: "synthetic-expo", name: LocalizedText(en: "Synthetic Exhibition Centre", zh: "合成展览中心"),
        kind: .exhibition, location: GeoPoint(lat: 31.19, lon: 121.49), provenance: Self.provenance)
    )
    builder.venues.append(
      Venue(
        id: "synthetic-forum", name: LocalizedText(en: "Synthetic Forum Centre", zh: "合成论坛中心"),
        kind: .convention, location: GeoPoint(lat: 31.19, lon: 121.48), provenance: Self.provenance)
    )
    builder.venues.append(
      Venue(
        id: "synthetic-site", name: LocalizedText(en: "Synthetic site", zh: "合成园区"), kind: .outdoor,
        location: GeoPoint(lat: 31.19, lon: 121.485), provenance: Self.provenance))
    builder.floors.append(
      Floor(
        id: "site", venue: "synthetic-site", level: 0,
        name: LocalizedText(en: "Street level", zh: "地面"),
        bounds: PlaneRect(x: 0, y: 0, w: 2000, d: 500), provenance: Self.provenance))
    builder.node("site-forum", .junction, floor: "site", 200, 250)
    builder.node("site-expo", .junction, floor: "site", 1200, 250)
    builder.node(
      "site-metro", .metro, floor: "site", 700, 450,
      name: LocalizedText(en: "Metro station", zh: "地铁站"))
    builder.edge("site-forum", "site-expo", outdoor: true)
    builder.edge("site-metro", "site-forum", outdoor: true)
    builder.edge("site-metro", "site-expo", outdoor: true)

    let hallCount = (exhibitorCount + Self.boothsPerHall - 1) / Self.boothsPerHall
    let pavilionIDs = ["core", "industry", "terminals", "connections"]
    var pavilionHalls = [[String]](repeating: [], count: pavilionIDs.count)
    var boothSlots = buildExhibitionHalls(hallCount: hallCount, builder: &builder)
    for hallIndex in 0..<hallCount {
      pavilionHalls[hallIndex % pavilionIDs.count].append("S\(hallIndex + 1)")
    }
    let roomCount = (sessionCount + Self.sessionsPerRoom - 1) / Self.sessionsPerRoom
    buildForumCentre(roomCount: roomCount, builder: &builder)

    let pavilionNames = [
      ("Core Technologies", "核心技术馆"), ("Industrial Applications", "产业应用馆"),
      ("Intelligent Terminals", "智能终端馆"), ("Universal Connections", "全域链接馆"),
    ]
    let pavilions = pavilionIDs.enumerated().map { index, id in
      Pavilion(
        id: id, name: LocalizedText(en: pavilionNames[index].0, zh: pavilionNames[index].1),
        description: LocalizedText(en: "Synthetic pavilion \(index + 1).", zh: "合成展馆\(index + 1)。"),
        topics: [topics[index * 3].id], halls: pavilionHalls[index], aliases: [],
        provenance: Self.provenance)
    }

    // Exhibitors, one booth each, in hall order.
    var usedNames = Set<String>()
    var exhibitors: [Exhibitor] = []
    exhibitors.reserveCapacity(exhibitorCount)
    var booths: [Booth] = []
    booths.reserveCapacity(exhibitorCount)
    boothSlots = Array(boothSlots.prefix(exhibitorCount))
    for (index, slot) in boothSlots.enumerated() {
      let (english, chinese) = uniqueName(index: index, random: &random, used: &usedNames)
      let boothID = "\(slot.hall)-\(String(format: "%03d", slot.number))"
      booths.append(
        Booth(
          id: boothID, hall: slot.hall, zone: slot.zone, rect: slot.rect, node: slot.node,
          provenance: Self.provenance))
      let topicCount = Int.random(in: 1...3, using: &random)
      var chosen: [String] = []
      while chosen.count < topicCount {
        let topic = topics[Int.random(in: 0..<topics.count, using: &random)].id
        if !chosen.contains(topic) { chosen.append(topic) }
      }
      let hallNumber = Int(slot.hall.dropFirst()) ?? 1
      exhibitors.append(
        Exhibitor(
          id: "ex-\(String(format: "%05d", index + 1))",
          name: LocalizedText(en: english, zh: chinese),
          aliases: [String(english.split(separator: " ")[0])],
          pavilion: pavilionIDs[(hallNumber - 1) % pavilionIDs.count], booth: boothID,
          topics: chosen,
          exhibits: [
            Exhibit(
              name: LocalizedText(en: "\(english) demo", zh: "\(chinese)演示"),
              description: LocalizedText(en: "A synthetic exhibit.", zh: "合成展品。"))
          ],
          description: LocalizedText(
            en: "Synthetic exhibitor working on \(chosen.joined(separator: ", ")).",
            zh: "合成展商，方向：\(chosen.joined(separator: "、"))。"),
          provenance: Self.provenance))
    }

    // Speakers and sessions: one-hour slots, 09:00–17:00, over three days, rooms filled in turn.
    let speakerCount = 150 * scale
    let speakers = (0..<speakerCount).map { index -> Speaker in
      let given = SyntheticNames.givenNames
      let family = SyntheticNames.familyNames
      let first = index % given.count
      let last = (index / given.count) % family.count
      return Speaker(
        id: "sp-\(String(format: "%05d", index + 1))",
        name: LocalizedText(
          en: "\(given[first]) \(family[last]) \(index / (given.count * family.count) + 1)",
          zh:
            "\(SyntheticNames.chineseFamilyNames[last])\(SyntheticNames.chineseGivenNames[first])\(index / (given.count * family.count) + 1)"
        ),
        affiliation: nil, provenance: Self.provenance)
    }
    let zone = TimeZone(secondsFromGMT: 8 * 3600)!
    let days = ["2025-07-26", "2025-07-27", "2025-07-28"].compactMap { LocalDate($0) }
    var sessions: [Session] = []
    sessions.reserveCapacity(sessionCount)
    for index in 0..<sessionCount {
      let room = index / Self.sessionsPerRoom
      let withinRoom = index % Self.sessionsPerRoom
      let day = days[withinRoom / 8]
      let start = EventTime.startOfDay(day, zone: zone).addingTimeInterval(
        Double(9 + withinRoom % 8) * 3600)
      let topic = topics[Int.random(in: 0..<topics.count, using: &random)]
      let speakerIDs = (0..<Int.random(in: 0...3, using: &random)).map { _ in
        speakers[Int.random(in: 0..<speakers.count, using: &random)].id
      }
      sessions.append(
        Session(
          id: "s-\(String(format: "%05d", index + 1))",
          title: LocalizedText(
            en: "\(topic.name.text(.en)) forum \(index + 1)",
            zh: "\(topic.name.text(.zh))论坛\(index + 1)"),
          kind: index % 10 == 0 ? .plenary : .forum, start: start,
          end: start.addingTimeInterval(50 * 60),
          room: "room-\(room + 1)", organisers: [], speakers: Array(Set(speakerIDs)).sorted(),
          topics: [topic.id], provenance: Self.provenance))
    }

    let manifest = PackManifest(
      id: "synthetic-x\(scale)", synthetic: true,
      event: EventInfo(
        id: "synthetic-x\(scale)",
        name: LocalizedText(en: "Synthetic conference (scale \(scale))", zh: "合成大会（规模\(scale)倍）"),
        shortName: LocalizedText(en: "SYNTH x\(scale)", zh: "合成 x\(scale)"),
        theme: LocalizedText(en: "Benchmark data, not a real event", zh: "基准测试数据，并非真实活动"),
        timeZone: "Asia/Shanghai",
        days: days.map {
          EventDay(
            date: $0.description, label: LocalizedText(en: $0.description, zh: $0.description),
            activities: [.conference, .exhibition])
        },
        provenance: Self.provenance))

    return EventPack(
      manifest: manifest, topics: topics,
      venues: VenueFile(
        venues: builder.venues, floors: builder.floors, halls: builder.halls, zones: builder.zones,
        rooms: builder.rooms),
      pavilions: pavilions, booths: booths,
      walkways: WalkwayGraph(
        provenance: Self.provenance, nodes: builder.nodes, edges: builder.edges),
      exhibitors: exhibitors, speakers: speakers, sessions: sessions,
      cityWalks: cityWalks(), info: info())
  }

  // MARK: - Halls

  /// A place for a booth, before an exhibitor is put in it.
  struct BoothSlot {
    var hall: String
    var zone: String
    var number: Int
    var rect: PlaneRect
    var node: String
  }

  /// Floors of four halls each, around a cross of corridors, with escalators, lifts and stairs.
  private func buildExhibitionHalls(hallCount: Int, builder: inout Builder) -> [BoothSlot] {
    var slots: [BoothSlot] = []
    let floorCount = (hallCount + 3) / 4
    let origins = [(10.0, 10.0), (160.0, 10.0), (10.0, 150.0), (160.0, 150.0)]
    for floorIndex in 0..<floorCount {
      let floorID = "expo-\(floorIndex + 1)f"
      builder.floors.append(
        Floor(
          id: floorID, venue: "synthetic-expo", level: floorIndex + 1,
          name: LocalizedText(en: "\(floorIndex + 1)F", zh: "\(floorIndex + 1)层"),
          bounds: PlaneRect(x: 0, y: 0, w: 300, d: 275), provenance: Self.provenance))
      // The central corridor at x = 145 touches every aisle row of the four halls.
      var corridor: [String] = []
      let rowYs = origins.flatMap { origin in (0..<4).map { origin.1 + 15 + 27 * Double($0) } }
      for y in Set(rowYs + [2, 130, 262]).sorted() {
        let id = "\(floorID)-c\(Int(y))"
        builder.node(id, .junction, floor: floorID, 145, y)
        corridor.append(id)
      }
      for (a, b) in zip(corridor, corridor.dropFirst()) { builder.edge(a, b) }
      builder.node("\(floorID)-esc", .escalator, floor: floorID, 150, 268)
      builder.node("\(floorID)-lift", .lift, floor: floorID, 140, 268)
      builder.node(
        "\(floorID)-wc", .facility, floor: floorID, 150, 132, facility: .restroom,
        name: LocalizedText(en: "Restrooms \(floorIndex + 1)F", zh: "\(floorIndex + 1)层洗手间"))
      builder.edge("\(floorID)-c262", "\(floorID)-esc")
      builder.edge("\(floorID)-c262", "\(floorID)-lift")
      builder.edge("\(floorID)-c130", "\(floorID)-wc")
      if floorIndex == 0 {
        builder.node(
          "expo-entrance", .entrance, floor: floorID, 145, 1,
          name: LocalizedText(en: "Exhibition entrance", zh: "展馆入口"))
        builder.edge("expo-entrance", "\(floorID)-c2")
        builder.edge("expo-entrance", "site-expo", length: 30, outdoor: true)
      } else {
        let below = "expo-\(floorIndex)f"
        builder.edge("\(below)-esc", "\(floorID)-esc", kind: .escalator, length: 22)
        builder.edge("\(below)-lift", "\(floorID)-lift", kind: .lift, length: 15)
      }
      for position in 0..<4 {
        let hallIndex = floorIndex * 4 + position
        guard hallIndex < hallCount else { break }
        let (hx, hy) = origins[position]
        slots += buildHall(
          number: hallIndex + 1, floor: floorID, x: hx, y: hy, corridorLeft: position % 2 == 1,
          builder: &builder)
      }
    }
    return slots
  }

  private func buildHall(
    number: Int, floor: String, x hx: Double, y hy: Double, corridorLeft: Bool,
    builder: inout Builder
  ) -> [BoothSlot] {
    let hallID = "S\(number)"
    let lower = hallID.lowercased()
    builder.halls.append(
      Hall(
        id: hallID, floor: floor, name: LocalizedText(en: "Hall \(hallID)", zh: "\(hallID)馆"),
        rect: PlaneRect(x: hx, y: hy, w: Self.hallWidth, d: Self.hallDepth),
        provenance: Self.provenance))
    for (index, letter) in ["A", "B"].enumerated() {
      builder.zones.append(
        Zone(
          id: "\(hallID)-\(letter)", hall: hallID,
          name: LocalizedText(en: "\(hallID) zone \(letter)", zh: "\(hallID) \(letter)区"),
          rect: PlaneRect(x: hx, y: hy + Double(index) * 55, w: Self.hallWidth, d: 55),
          node: "\(lower)-j\(index * 2 + 1)4", topics: [], provenance: Self.provenance))
    }
    var slots: [BoothSlot] = []
    var boothNumber = 0
    for row in 0..<4 {
      let y = hy + 15 + 27 * Double(row)
      var sequence: [String] = []
      for column in 0..<7 {
        let junction = "\(lower)-j\(row + 1)\(column + 1)"
        builder.node(junction, .junction, floor: floor, hx + 5 + 20 * Double(column), y)
        if row > 0 { builder.edge("\(lower)-j\(row)\(column + 1)", junction) }
        sequence.append(junction)
        guard column < 6 else { break }
        for half in 0..<2 {
          let left = hx + 5 + 20 * Double(column) + 0.5 + 10 * Double(half)
          let front = "\(lower)-b\(row + 1)\(column + 1)\(half + 1)"
          builder.node(front, .booth, floor: floor, left + 4.5, y)
          sequence.append(front)
          for north in [true, false] {
            boothNumber += 1
            let rect = PlaneRect(x: left, y: north ? y - 11 : y + 1, w: 9, d: 10)
            let zone = rect.maxY <= hy + 55 ? "\(hallID)-A" : "\(hallID)-B"
            slots.append(
              BoothSlot(hall: hallID, zone: zone, number: boothNumber, rect: rect, node: front))
          }
        }
      }
      for (a, b) in zip(sequence, sequence.dropFirst()) { builder.edge(a, b) }
      let door = corridorLeft ? "\(lower)-j\(row + 1)1" : "\(lower)-j\(row + 1)7"
      builder.edge(door, "\(floor)-c\(Int(y))")
    }
    return slots
  }

  // MARK: - Forum centre

  private func buildForumCentre(roomCount: Int, builder: inout Builder) {
    let width = Double(roomCount) * 30 + 40
    builder.floors.append(
      Floor(
        id: "forum-1f", venue: "synthetic-forum", level: 1, name: LocalizedText(en: "1F", zh: "一层"),
        bounds: PlaneRect(x: 0, y: 0, w: width, d: 100), provenance: Self.provenance))
    builder.node(
      "forum-entrance", .entrance, floor: "forum-1f", 10, 70,
      name: LocalizedText(en: "Forum entrance", zh: "论坛入口"))
    builder.edge("forum-entrance", "site-forum", length: 30, outdoor: true)
    var previous = "forum-entrance"
    for index in 0..<roomCount {
      let door = "room-\(index + 1)-door"
      let x = 20 + 30 * Double(index)
      builder.node(door, .room, floor: "forum-1f", x + 12.5, 70)
      builder.edge(previous, door)
      previous = door
      builder.rooms.append(
        Room(
          id: "room-\(index + 1)", floor: "forum-1f",
          name: LocalizedText(en: "Room \(index + 1)", zh: "\(index + 1)号会议室"),
          rect: PlaneRect(x: x, y: 10, w: 25, d: 50), capacity: 300, node: door,
          provenance: Self.provenance))
    }
  }

  // MARK: - Names, topics, routes, information

  private func uniqueName(index: Int, random: inout SplitMix64, used: inout Set<String>) -> (
    String, String
  ) {
    let p = SyntheticNames.prefixes
    let m = SyntheticNames.middles
    let s = SyntheticNames.sectors
    let cp = SyntheticNames.chinesePrefixes
    let cm = SyntheticNames.chineseMiddles
    let cs = SyntheticNames.chineseSectors
    for _ in 0..<8 {
      let a = Int.random(in: 0..<p.count, using: &random)
      let b = Int.random(in: 0..<m.count, using: &random)
      let c = Int.random(in: 0..<s.count, using: &random)
      let english = "\(p[a])\(m[b]) \(s[c])"
      if used.insert(english).inserted { return (english, "\(cp[a])\(cm[b])\(cs[c])") }
    }
    let english =
      "\(p[index % p.count])\(m[(index / p.count) % m.count]) \(s[index % s.count]) \(index + 1)"
    used.insert(english)
    return (
      english,
      "\(cp[index % cp.count])\(cm[(index / cp.count) % cm.count])\(cs[index % cs.count])\(index + 1)"
    )
  }

  static func topics() -> [Topic] {
    let names: [(String, String, String)] = [
      ("foundation-models", "Large models", "大模型"), ("ai-chips", "AI chips", "AI芯片"),
      ("computing", "Computing infrastructure", "算力"), ("robotics", "Robotics", "机器人"),
      ("humanoid-robots", "Humanoid robots", "人形机器人"), ("embodied-ai", "Embodied AI", "具身智能"),
      ("autonomous-driving", "Autonomous driving", "自动驾驶"), ("smart-city", "Smart cities", "智慧城市"),
      ("fintech", "Financial technology", "金融科技"), ("healthcare", "Healthcare", "医疗健康"),
      ("industrial-ai", "AI in manufacturing", "智能制造"),
      ("ai-governance", "AI governance", "人工智能治理"),
      ("ai-safety", "AI safety", "人工智能安全"), ("open-source", "Open source", "开源"),
      ("smart-glasses", "AI glasses", "AI眼镜"), ("drones", "Drones", "无人机"),
      ("ai-for-science", "AI for Science", "科学智能"), ("startups", "Start-ups", "创业"),
      ("education", "Education", "教育"), ("culture-art", "Art and creativity", "艺术创意"),
    ]
    return names.map { id, en, zh in
      Topic(
        id: id, name: LocalizedText(en: en, zh: zh),
        parent: ["humanoid-robots", "embodied-ai"].contains(id) ? "robotics" : nil,
        aliases: [en.lowercased()], provenance: provenance)
    }
  }

  private func cityWalks() -> [CityWalkRoute] {
    (1...3).map { route in
      CityWalkRoute(
        id: "walk-\(route)", name: LocalizedText(en: "Synthetic walk \(route)", zh: "合成漫步\(route)"),
        theme: LocalizedText(en: "Synthetic theme \(route)", zh: "合成主题\(route)"),
        description: LocalizedText(en: "A generated route.", zh: "生成的路线。"), topics: ["robotics"],
        stops: (1...5).map { stop in
          CityWalkStop(
            id: "w\(route)-s\(stop)", name: LocalizedText(en: "Stop \(stop)", zh: "第\(stop)站"),
            district: nil,
            location: GeoPoint(
              lat: 31.18 + 0.002 * Double(stop), lon: 121.48 + 0.01 * Double(route)),
            shows: LocalizedText(en: "Something to see.", zh: "可看的内容。"), minutes: 15,
            provenance: nil)
        }, provenance: Self.provenance)
    }
  }

  private func info() -> [VisitorInfo] {
    let categories = InfoCategory.allCases
    return (1...20).map { index in
      VisitorInfo(
        id: "info-\(index)", category: categories[index % categories.count],
        question: LocalizedText(en: "Synthetic question \(index)?", zh: "合成问题\(index)？"),
        answer: LocalizedText(en: "Synthetic answer \(index).", zh: "合成回答\(index)。"), keywords: [],
        provenance: Self.provenance)
    }
  }
}

/// Collects the venue and walkway records while the generator lays them out.
private struct Builder {
  let provenance: Provenance
  var venues: [Venue] = []
  var floors: [Floor] = []
  var halls: [Hall] = []
  var zones: [Zone] = []
  var rooms: [Room] = []
  var nodes: [WalkwayNode] = []
  var edges: [WalkwayEdge] = []

  init(provenance: Provenance) { self.provenance = provenance }

  mutating func node(
    _ id: String, _ kind: NodeKind, floor: String, _ x: Double, _ y: Double,
    facility: FacilityKind? = nil,
    name: LocalizedText? = nil
  ) {
    nodes.append(
      WalkwayNode(id: id, kind: kind, floor: floor, x: x, y: y, name: name, facility: facility))
  }

  mutating func edge(
    _ from: String, _ to: String, kind: EdgeKind = .walk, length: Double? = nil,
    outdoor: Bool = false
  ) {
    edges.append(
      WalkwayEdge(from: from, to: to, kind: kind, length: length, outdoor: outdoor ? true : nil))
  }
}
