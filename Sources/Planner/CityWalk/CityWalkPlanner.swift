import EventModel
import Foundation

/// One leg between two City Walk stops: on foot when short, by metro or taxi when not.
public struct CityWalkLeg: Codable, Hashable, Sendable {
  public enum Mode: String, Codable, Sendable { case walk, transit }

  public var from: String
  public var to: String
  /// Great-circle metres between the stops.
  public var metres: Double
  public var minutes: Double
  public var mode: Mode
}

/// A timed City Walk: when to be at each stop, the legs between them, and whether the budget cut
/// the walk short.
public struct CityWalkPlan: Codable, Hashable, Sendable {
  public struct Visit: Codable, Hashable, Sendable {
    public var stop: String
    public var arrival: Date
    public var leave: Date
  }

  public var route: String
  public var visits: [Visit]
  public var legs: [CityWalkLeg]
  public var minutes: Double
  /// Stops left for lack of time.
  public var dropped: [String]
}

/// Times City Walk routes and picks the one that suits interests and time.
public struct CityWalkPlanner: Sendable {
  public let catalog: EventCatalog

  /// Up to this distance a leg is walked (at 1.2 m/s); beyond, the metro or a taxi is assumed
  /// (10 minutes to get going, then 30 km/h) — an estimate, said so in the answers.
  public static let walkingLimit = 2_000.0

  public init(catalog: EventCatalog) { self.catalog = catalog }

  public static func leg(from: CityWalkStop, to: CityWalkStop) -> CityWalkLeg {
    let metres = from.location.distance(to: to.location)
    if metres <= walkingLimit {
      return CityWalkLeg(
        from: from.id, to: to.id, metres: metres, minutes: metres / WalkwayIndex.walkingSpeed / 60,
        mode: .walk)
    }
    return CityWalkLeg(
      from: from.id, to: to.id, metres: metres, minutes: 10 + metres / (30_000.0 / 60),
      mode: .transit)
  }

  /// The route from a stop (the first by default), in order, within an optional budget.
  public func plan(
    _ route: CityWalkRoute, from stopID: String? = nil, start: Date, budgetMinutes: Double? = nil
  ) -> CityWalkPlan {
    let first = stopID.flatMap { id in route.stops.firstIndex { $0.id == id } } ?? 0
    let stops = Array(route.stops[first...])
    var visits: [CityWalkPlan.Visit] = []
    var legs: [CityWalkLeg] = []
    var clock = start
    var dropped: [String] = []
    let limit = budgetMinutes.map { start.addingTimeInterval($0 * 60) }
    for (index, stop) in stops.enumerated() {
      let leg = index > 0 ? Self.leg(from: stops[index - 1], to: stop) : nil
      let arrival = clock.addingTimeInterval((leg?.minutes ?? 0) * 60)
      let leave = arrival.addingTimeInterval(Double(stop.minutes) * 60)
      if let limit, leave > limit || !dropped.isEmpty {
        dropped.append(stop.id)
        continue
      }
      if let leg { legs.append(leg) }
      visits.append(CityWalkPlan.Visit(stop: stop.id, arrival: arrival, leave: leave))
      clock = leave
    }
    return CityWalkPlan(
      route: route.id, visits: visits, legs: legs, minutes: clock.timeIntervalSince(start) / 60,
      dropped: dropped)
  }

  /// Routes ranked for interests (topic ids) and time: topic overlap first, then whether the
  /// whole walk fits, then shorter first.
  public func recommend(interests: [String], budgetMinutes: Double?) -> [(
    route: CityWalkRoute, matches: Int, minutes: Double
  )] {
    let wanted = interests.reduce(into: Set<String>()) {
      $0.formUnion(catalog.topicAndNarrower($1))
    }
    let ranked = catalog.pack.cityWalks.map { route -> (CityWalkRoute, Int, Double) in
      let matches = route.topics.filter(wanted.contains).count
      let minutes = plan(route, start: Date(timeIntervalSince1970: 0)).minutes
      return (route, matches, minutes)
    }
    return ranked.sorted { lhs, rhs in
      let lhsFits = budgetMinutes.map { lhs.2 <= $0 } ?? true
      let rhsFits = budgetMinutes.map { rhs.2 <= $0 } ?? true
      return (lhs.1, lhsFits ? 1 : 0, -lhs.2, rhs.0.id) > (rhs.1, rhsFits ? 1 : 0, -rhs.2, lhs.0.id)
    }.map { (route: $0.0, matches: $0.1, minutes: $0.2) }
  }
}
