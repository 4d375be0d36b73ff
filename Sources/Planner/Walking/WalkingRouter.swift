import EventModel

/// One step of a walk a person can follow: walk along a floor, change floors, ride the metro.
public struct WalkingLeg: Codable, Hashable, Sendable {
  /// How the leg is travelled.
  public enum Mode: String, Codable, Sendable {
    case walk, outdoor, stairs, escalator, lift, metro, shuttle
  }

  public var mode: Mode
  public var from: String
  public var to: String
  /// The floor the leg ends on.
  public var floor: String
  public var metres: Double
  public var minutes: Double
  /// Named places passed on the way (landmarks), in order.
  public var via: [String]
}

/// A way from one node to another, as nodes and as legs.
public struct WalkingRoute: Codable, Hashable, Sendable {
  public var nodes: [String]
  public var legs: [WalkingLeg]
  public var metres: Double
  public var minutes: Double
}

/// Shortest walks over the walkway graph, with a step-free profile that never takes stairs or
/// escalators and walks slower.
public struct WalkingRouter: Sendable {
  public let catalog: EventCatalog

  public init(catalog: EventCatalog) { self.catalog = catalog }

  /// Seconds per metre and the edge filter of a profile.
  static func speed(stepFree: Bool) -> Double {
    stepFree ? WalkwayIndex.stepFreeSpeed : WalkwayIndex.walkingSpeed
  }

  /// The fastest ways from one node to every node (minutes, metres; nil where unreachable), or
  /// nil for a node the graph does not have.
  public func travel(from node: String, stepFree: Bool) -> WalkTree? {
    guard let start = catalog.walkways.nodePosition[node] else { return nil }
    return catalog.walkways.travel(from: start, stepFree: stepFree)
  }

  /// The fastest way between two nodes, or nil when there is none (for example step-free).
  public func route(from: String, to: String, stepFree: Bool) -> WalkingRoute? {
    let walkways = catalog.walkways
    guard let start = walkways.nodePosition[from], let target = walkways.nodePosition[to],
      let path = walkways.path(from: start, to: target, stepFree: stepFree)
    else { return nil }
    return makeRoute(nodes: path.nodes, edges: path.edges, speed: Self.speed(stepFree: stepFree))
  }

  /// Legs from a node path: consecutive edges of one mode on one floor become one leg that ends at
  /// a named node or a change of mode.
  private func makeRoute(nodes: [Int], edges: [Int], speed: Double) -> WalkingRoute {
    let graph = catalog.pack.walkways
    let walkways = catalog.walkways
    var legs: [WalkingLeg] = []
    var totalMetres = 0.0
    var totalMinutes = 0.0
    for (index, edgeIndex) in edges.enumerated() {
      let a = nodes[index]
      let b = nodes[index + 1]
      let edge = graph.edges[edgeIndex]
      let metres = walkways.lengths[edgeIndex] ?? 0
      let minutes = edge.minutes ?? metres / speed / 60
      totalMetres += metres
      totalMinutes += minutes
      let outdoorFloor = catalog.venue(ofFloor: graph.nodes[b].floor)?.kind == .outdoor
      let mode: WalkingLeg.Mode =
        switch edge.kind {
        case .stairs: .stairs
        case .escalator: .escalator
        case .lift: .lift
        case .metro: .metro
        case .shuttle: .shuttle
        case .walk, .ramp: edge.outdoor == true || outdoorFloor ? .outdoor : .walk
        }
      let fromID = graph.nodes[a].id
      let toID = graph.nodes[b].id
      let floor = graph.nodes[b].floor
      // Walking on one floor is one leg, whatever it passes; named places passed become landmarks.
      if var last = legs.last, last.mode == mode, last.floor == floor,
        mode == .walk || mode == .outdoor
      {
        if graph.nodes[a].name != nil && graph.nodes[a].kind != .junction {
          last.via.append(fromID)
        }
        last.to = toID
        last.metres += metres
        last.minutes += minutes
        legs[legs.count - 1] = last
      } else {
        legs.append(
          WalkingLeg(
            mode: mode, from: fromID, to: toID, floor: floor, metres: metres, minutes: minutes,
            via: []))
      }
    }
    return WalkingRoute(
      nodes: nodes.map { graph.nodes[$0].id }, legs: legs, metres: totalMetres,
      minutes: totalMinutes)
  }
}
