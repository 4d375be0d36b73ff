/// The graph people walk on: nodes on floors and edges between them with lengths and flags.
public struct WalkwayGraph: Codable, Hashable, Sendable {
  /// Provenance of every node and edge that does not give its own.
  public var provenance: Provenance
  public var nodes: [WalkwayNode]
  public var edges: [WalkwayEdge]

  enum CodingKeys: String, CodingKey {
    case provenance, nodes, edges
  }

  public init(provenance: Provenance, nodes: [WalkwayNode], edges: [WalkwayEdge]) {
    self.provenance = provenance
    self.nodes = nodes
    self.edges = edges
  }
}

/// A place on the walkway graph: an entrance, a junction, a lift, a booth front, a restroom…
public struct WalkwayNode: Codable, Hashable, Sendable {
  public var id: String
  public var kind: NodeKind
  public var floor: String
  public var x: Double
  public var y: Double
  /// Named nodes (entrances, facilities, metro exits) are places a visitor can ask for.
  public var name: LocalizedText?
  /// Other names visitors use for a named node ("north entrance", 北门, "Nordeingang").
  public var aliases: [String]?
  public var facility: FacilityKind?
  public var stepFree: Bool?
  public var provenance: Provenance?

  public init(
    id: String, kind: NodeKind, floor: String, x: Double, y: Double, name: LocalizedText? = nil,
    aliases: [String]? = nil, facility: FacilityKind? = nil, stepFree: Bool? = nil,
    provenance: Provenance? = nil
  ) {
    self.id = id
    self.kind = kind
    self.floor = floor
    self.x = x
    self.y = y
    self.name = name
    self.aliases = aliases
    self.facility = facility
    self.stepFree = stepFree
    self.provenance = provenance
  }

  public var point: PlanePoint { PlanePoint(x: x, y: y) }
}

/// What a walkway node is.
public enum NodeKind: String, PackEnum {
  case entrance, junction, stairs, escalator, lift, room, booth, zone, facility, metro, stop
}

/// A service a visitor may look for.
public enum FacilityKind: String, PackEnum {
  case restroom, food, water, firstAid = "first-aid", lostAndFound = "lost-and-found"
  case infoDesk = "info-desk", cloakroom, charging, nursing, prayer, shuttle, taxi
  case accessibleRestroom = "accessible-restroom"
}

/// A walkable connection between two nodes; edges are walkable both ways.
public struct WalkwayEdge: Codable, Hashable, Sendable {
  public var from: String
  public var to: String
  public var kind: EdgeKind
  /// Length in metres; when absent, the straight line between the nodes on one floor.
  public var length: Double?
  /// Fixed travel time in minutes (metro, shuttle), used instead of walking speed.
  public var minutes: Double?
  public var outdoor: Bool?

  public init(
    from: String, to: String, kind: EdgeKind, length: Double? = nil, minutes: Double? = nil,
    outdoor: Bool? = nil
  ) {
    self.from = from
    self.to = to
    self.kind = kind
    self.length = length
    self.minutes = minutes
    self.outdoor = outdoor
  }
}

/// How an edge is travelled; stairs and escalators are not step-free.
public enum EdgeKind: String, PackEnum {
  case walk, ramp, stairs, escalator, lift, metro, shuttle

  /// Whether a wheelchair or a pram can take it.
  public var isStepFree: Bool { self != .stairs && self != .escalator }

  /// Whether it changes floors.
  public var changesFloor: Bool { self == .stairs || self == .escalator || self == .lift }
}
