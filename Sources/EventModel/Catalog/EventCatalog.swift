import Foundation

/// A loaded pack with its indexes: built once, immutable afterwards, cheap to share (a class:
/// the assistant hands it to every answer, and copying forty indexes cost a tenth of a reply).
public final class EventCatalog: Sendable {
  public let pack: EventPack
  /// The zone every time of the event is shown in.
  public let timeZone: TimeZone
  /// The event's days in order (`days[0]` is day 1).
  public let days: [LocalDate]

  let topicPosition: [String: Int]
  let venuePosition: [String: Int]
  let floorPosition: [String: Int]
  let hallPosition: [String: Int]
  let zonePosition: [String: Int]
  let roomPosition: [String: Int]
  let pavilionPosition: [String: Int]
  let boothPosition: [String: Int]
  let exhibitorPosition: [String: Int]
  let speakerPosition: [String: Int]
  let sessionPosition: [String: Int]
  let routePosition: [String: Int]
  let infoPosition: [String: Int]

  /// The walkway graph's adjacency lists.
  public let walkways: WalkwayIndex
  /// Exhibitor positions per topic id, including exhibitors of narrower topics.
  public let exhibitorsByTopic: [String: [Int]]
  /// Exhibitor positions per booth id.
  public let exhibitorsByBooth: [String: [Int]]
  /// Session positions per topic id, including sessions of narrower topics.
  public let sessionsByTopic: [String: [Int]]
  /// Walkway node positions of facilities and named places (entrances, metro exits), in the
  /// graph's order: answers about them need not read thousands of aisle points.
  public let placeNodes: [Int]
  /// Session positions ordered by start, then end, then id.
  public let sessionsByStart: [Int]
  /// Per exhibitor (same positions as `pack.exhibitors`): the walkway node of its booth, and its
  /// prominence, so that a planner scanning thousands of exhibitors copies none of them.
  public let exhibitorNodes: [String?]
  /// Where each exhibitor's booth is in `pack.booths` (nil without a booth in the pack).
  public let exhibitorBoothPositions: [Int?]
  public let exhibitorProminence: [Double]
  /// Each exhibitor's pavilion as a number: `exhibitorPavilions[exhibitorPavilionNumber[p]]` is
  /// the pavilion id exhibitor `p` names, so that counting thousands of them by pavilion reads
  /// numbers.
  public let exhibitorPavilionNumber: [Int32]
  public let exhibitorPavilions: [String]
  /// Exhibitor positions in alphabetical order of their folded English names.
  public let exhibitorsByName: [Int]
  /// The same, the best known first (`prominence(of:)`), then by name.
  public let exhibitorsByProminence: [Int]
  /// Each exhibitor's place in the order of ids, so that ranking thousands of them by a score
  /// and then by id compares numbers, not strings.
  public let exhibitorIDRank: [Int32]
  /// Exhibitors with a stand, the best known first, then in id order: a plan that names no
  /// interest takes its stands from the front of this list instead of ranking thousands.
  public let standsByProminence: [Int]
  /// Per session (same positions as `pack.sessions`): its programme day (`programmeDate`) and
  /// its start and end as minutes after local midnight, computed once because calendar
  /// arithmetic is slow.
  public let sessionDays: [LocalDate]
  public let sessionStartMinutes: [Int]
  public let sessionEndMinutes: [Int]

  public let topicNames: NameIndex
  public let pavilionNames: NameIndex
  public let roomNames: NameIndex
  public let speakerNames: NameIndex
  public let routeNames: NameIndex
  public let exhibitorNames: NameIndex
  /// Sessions by id or title in any language.
  public let sessionNames: NameIndex

  public init(pack: EventPack) {
    self.pack = pack
    timeZone =
      EventTime.timeZone(named: pack.event.timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)!
    days = pack.event.days.compactMap { LocalDate($0.date) }.sorted()

    topicPosition = Self.positions(pack.topics.map(\.id))
    venuePosition = Self.positions(pack.venues.venues.map(\.id))
    floorPosition = Self.positions(pack.venues.floors.map(\.id))
    hallPosition = Self.positions(pack.venues.halls.map(\.id))
    zonePosition = Self.positions(pack.venues.zones.map(\.id))
    roomPosition = Self.positions(pack.venues.rooms.map(\.id))
    pavilionPosition = Self.positions(pack.pavilions.map(\.id))
    boothPosition = Self.positions(pack.booths.map(\.id))
    exhibitorPosition = Self.positions(pack.exhibitors.map(\.id))
    speakerPosition = Self.positions(pack.speakers.map(\.id))
    sessionPosition = Self.positions(pack.sessions.map(\.id))
    routePosition = Self.positions(pack.cityWalks.map(\.id))
    infoPosition = Self.positions(pack.info.map(\.id))
    walkways = WalkwayIndex(graph: pack.walkways)

    var parents: [String: String] = [:]
    for topic in pack.topics { parents[topic.id] = topic.parent }
    var byTopic: [String: [Int]] = [:]
    var byBooth: [String: [Int]] = [:]
    // Fields are read in place and the few topics already covered kept in a list: copying
    // each of thousands of exhibitors, and a set per exhibitor, cost more than the index.
    func coveringTopics(_ topics: [String], _ body: (String) -> Void) {
      var covered: [String] = []
      for topic in topics {
        // Walk up the taxonomy so that "robotics" also finds humanoid-robot exhibitors.
        var current: String? = topic
        while let id = current, !covered.contains(id) {
          covered.append(id)
          body(id)
          current = parents[id]
        }
      }
    }
    let exhibitorList = pack.exhibitors
    for position in exhibitorList.indices {
      coveringTopics(exhibitorList[position].topics) { byTopic[$0, default: []].append(position) }
      if let booth = exhibitorList[position].booth {
        byBooth[booth, default: []].append(position)
      }
    }
    exhibitorsByTopic = byTopic
    exhibitorsByBooth = byBooth
    var sessionsOfTopic: [String: [Int]] = [:]
    let sessionList = pack.sessions
    for position in sessionList.indices {
      coveringTopics(sessionList[position].topics) {
        sessionsOfTopic[$0, default: []].append(position)
      }
    }
    sessionsByTopic = sessionsOfTopic
    let walkwayNodes = pack.walkways.nodes
    placeNodes = walkwayNodes.indices.filter {
      walkwayNodes[$0].facility != nil || walkwayNodes[$0].name != nil
    }
    let booths = boothPosition
    let exhibitorBooths = pack.exhibitors.map { $0.booth.flatMap { booths[$0] } }
    exhibitorBoothPositions = exhibitorBooths
    exhibitorNodes = exhibitorBooths.map { $0.map { pack.booths[$0].node } }
    let prominence = pack.exhibitors.map(Self.prominence(of:))
    exhibitorProminence = prominence
    var pavilionNumbers = StringNumbering()
    exhibitorPavilionNumber = exhibitorList.indices.map {
      pavilionNumbers.number(exhibitorList[$0].pavilion)
    }
    exhibitorPavilions = pavilionNumbers.strings
    sessionsByStart = pack.sessions.indices.sorted {
      let a = pack.sessions[$0]
      let b = pack.sessions[$1]
      return (a.start, a.end, a.id) < (b.start, b.end, b.id)
    }

    let zone = timeZone
    let dayChange = Double(pack.event.dayChangeMinutes) * 60
    sessionDays = pack.sessions.map {
      EventTime.localDate($0.start.addingTimeInterval(-dayChange), zone: zone)
    }
    sessionStartMinutes = pack.sessions.map { EventTime.minutesAfterMidnight($0.start, zone: zone) }
    sessionEndMinutes = pack.sessions.map { EventTime.minutesAfterMidnight($0.end, zone: zone) }

    let sortKeys = pack.exhibitors.map { TextFolding.fold($0.name.text(.en)) }
    exhibitorsByName = pack.exhibitors.indices.sorted { (sortKeys[$0], $0) < (sortKeys[$1], $1) }
    var rank = [Int](repeating: 0, count: pack.exhibitors.count)
    for (order, position) in exhibitorsByName.enumerated() { rank[position] = order }
    exhibitorsByProminence = exhibitorsByName.sorted {
      (prominence[$0], rank[$1]) > (prominence[$1], rank[$0])
    }
    // Packs list their exhibitors mostly in id order, which the sort passes through in one go.
    let ids = pack.exhibitors.map(\.id)
    var idRank = [Int32](repeating: 0, count: ids.count)
    let byID = ids.indices.sorted(by: { ids[$0] < ids[$1] })
    for (order, position) in byID.enumerated() { idRank[position] = Int32(order) }
    exhibitorIDRank = idRank
    // Prominence takes a handful of values, so buckets in id order give the order at once.
    var byStanding: [Double: [Int]] = [:]
    for position in byID where exhibitorBooths[position] != nil {
      byStanding[prominence[position], default: []].append(position)
    }
    standsByProminence = byStanding.keys.sorted(by: >).flatMap { byStanding[$0] ?? [] }

    // The name indexes fold every name of the pack: built on all cores, the exhibitors' (the
    // most names by far) beside the others.
    let topics = pack.topics
    let pavilions = pack.pavilions
    let rooms = pack.venues.rooms
    let speakers = pack.speakers
    let routes = pack.cityWalks
    let exhibitors = pack.exhibitors
    let sessions = pack.sessions
    let names = ParallelWork.map([0, 1]) { part -> [NameIndex] in
      guard part == 1 else {
        return [
          NameIndex(
            count: exhibitors.count,
            keys: { [exhibitors[$0].id] + exhibitors[$0].name.allTexts + exhibitors[$0].aliases },
            label: { exhibitors[$0].name.text(.en) })
        ]
      }
      return [
        NameIndex(
          count: topics.count,
          keys: { [topics[$0].id] + topics[$0].name.allTexts + topics[$0].aliases },
          label: { topics[$0].id }),
        NameIndex(
          count: pavilions.count,
          keys: { [pavilions[$0].id] + pavilions[$0].name.allTexts + pavilions[$0].aliases },
          label: { pavilions[$0].name.text(.en) }),
        NameIndex(
          count: rooms.count, keys: { [rooms[$0].id] + rooms[$0].name.allTexts },
          label: { rooms[$0].name.text(.en) }),
        NameIndex(
          count: speakers.count, keys: { [speakers[$0].id] + speakers[$0].name.allTexts },
          label: { speakers[$0].name.text(.en) }),
        NameIndex(
          count: routes.count,
          keys: { [routes[$0].id, String($0 + 1)] + routes[$0].name.allTexts },
          label: { routes[$0].id }),
        NameIndex(
          count: sessions.count, keys: { [sessions[$0].id] + sessions[$0].title.allTexts },
          label: { sessions[$0].title.text(.en) }),
      ]
    }
    // In the order built above; an index of nothing stands in where none came back (none is
    // missing: each job fills its slot).
    var built = names.joined().makeIterator()
    func next() -> NameIndex {
      built.next() ?? NameIndex(count: 0, keys: { _ in [] }, label: { _ in "" })
    }
    exhibitorNames = next()
    topicNames = next()
    pavilionNames = next()
    roomNames = next()
    speakerNames = next()
    routeNames = next()
    sessionNames = next()
  }

  private static func positions(_ ids: [String]) -> [String: Int] {
    var result: [String: Int] = [:]
    result.reserveCapacity(ids.count)
    for (index, id) in ids.enumerated() where result[id] == nil { result[id] = index }
    return result
  }

  // MARK: - Lookups by id

  public var event: EventInfo { pack.event }
  public func topic(_ id: String) -> Topic? { topicPosition[id].map { pack.topics[$0] } }
  public func venue(_ id: String) -> Venue? { venuePosition[id].map { pack.venues.venues[$0] } }
  public func floor(_ id: String) -> Floor? { floorPosition[id].map { pack.venues.floors[$0] } }
  public func hall(_ id: String) -> Hall? { hallPosition[id].map { pack.venues.halls[$0] } }
  public func zone(_ id: String) -> Zone? { zonePosition[id].map { pack.venues.zones[$0] } }
  /// The programme day `date` is part of: its local date, or the day before when it is after
  /// midnight but before the pack's day change (a 01:30 session ends the evening before).
  public func programmeDate(_ date: Date) -> LocalDate {
    EventTime.localDate(
      date.addingTimeInterval(-Double(pack.event.dayChangeMinutes) * 60), zone: timeZone)
  }

  public func room(_ id: String) -> Room? { roomPosition[id].map { pack.venues.rooms[$0] } }
  public func pavilion(_ id: String) -> Pavilion? {
    pavilionPosition[id].map { pack.pavilions[$0] }
  }
  public func booth(_ id: String) -> Booth? { boothPosition[id].map { pack.booths[$0] } }
  /// Where an exhibitor is in the pack's list, for the indexes that hold positions.
  public func position(ofExhibitor id: String) -> Int? { exhibitorPosition[id] }

  /// Where a session is in `pack.sessions`: for reading one field of many sessions without
  /// copying each whole.
  public func position(ofSession id: String) -> Int? { sessionPosition[id] }

  public func exhibitor(_ id: String) -> Exhibitor? {
    exhibitorPosition[id].map { pack.exhibitors[$0] }
  }
  public func speaker(_ id: String) -> Speaker? { speakerPosition[id].map { pack.speakers[$0] } }
  public func session(_ id: String) -> Session? { sessionPosition[id].map { pack.sessions[$0] } }
  public func cityWalk(_ id: String) -> CityWalkRoute? {
    routePosition[id].map { pack.cityWalks[$0] }
  }
  public func info(_ id: String) -> VisitorInfo? { infoPosition[id].map { pack.info[$0] } }
  public func node(_ id: String) -> WalkwayNode? {
    walkways.nodePosition[id].map { pack.walkways.nodes[$0] }
  }

  // MARK: - Derived places

  /// The venue a floor belongs to.
  public func venue(ofFloor floorID: String) -> Venue? {
    floor(floorID).flatMap { venue($0.venue) }
  }

  /// The pavilion whose halls include a hall.
  public func pavilion(ofHall hallID: String) -> Pavilion? {
    pack.pavilions.first { $0.halls.contains(hallID) }
  }

  /// The day number (1-based) of an instant, if it falls on an event day.
  public func dayNumber(of date: Date) -> Int? {
    let local = EventTime.localDate(date, zone: timeZone)
    return days.firstIndex(of: local).map { $0 + 1 }
  }

  /// Resolves `--day`: a day number ("2"), a date ("2025-07-27") or a month and day ("07-27").
  public func resolveDay(_ text: String) -> LocalDate? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let number =
      trimmed.hasPrefix("day")
      ? String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces) : trimmed
    if let day = Int(number), day >= 1, day <= days.count { return days[day - 1] }
    if let date = LocalDate(trimmed) { return date }
    if let first = days.first,
      let date = LocalDate("\(String(format: "%04d", first.year))-\(trimmed)")
    {
      return date
    }
    return nil
  }

  /// The event's first and last instants: the start of day 1 and the end of the last day.
  public var span: ClosedRange<Date>? {
    guard let first = days.first, let last = days.last else { return nil }
    let end = EventTime.startOfDay(last, zone: timeZone).addingTimeInterval(86_400 - 1)
    return EventTime.startOfDay(first, zone: timeZone)...end
  }
}
