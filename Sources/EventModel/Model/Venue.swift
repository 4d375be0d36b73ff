/// A building or site of the event: a convention centre, an exhibition hall, a side venue.
public struct Venue: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var kind: VenueKind
  public var address: LocalizedText?
  /// Where it is; a pack made from a published schedule may not know.
  public var location: GeoPoint?
  public var description: LocalizedText?
  /// Short names a visitor may use ("Expo Center", "世博中心").
  public var aliases: [String]?
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, kind: VenueKind, address: LocalizedText? = nil,
    location: GeoPoint?, description: LocalizedText? = nil, aliases: [String]? = nil,
    provenance: Provenance
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.address = address
    self.location = location
    self.description = description
    self.aliases = aliases
    self.provenance = provenance
  }
}

/// What a venue is used for.
public enum VenueKind: String, PackEnum {
  case convention, exhibition, side, outdoor
}

/// One level of a venue, with its own plan grid in metres.
public struct Floor: Codable, Hashable, Sendable {
  public var id: String
  public var venue: String
  /// 0 is the ground or site level, 1 the first floor, -1 the basement.
  public var level: Int
  public var name: LocalizedText
  /// The plan's extent; everything on the floor lies inside it.
  public var bounds: PlaneRect
  public var provenance: Provenance

  public init(
    id: String, venue: String, level: Int, name: LocalizedText, bounds: PlaneRect,
    provenance: Provenance
  ) {
    self.id = id
    self.venue = venue
    self.level = level
    self.name = name
    self.bounds = bounds
    self.provenance = provenance
  }
}

/// An exhibition hall on a floor (H1, H2, …).
public struct Hall: Codable, Hashable, Sendable {
  public var id: String
  public var floor: String
  public var name: LocalizedText
  public var rect: PlaneRect
  public var provenance: Provenance

  public init(
    id: String, floor: String, name: LocalizedText, rect: PlaneRect, provenance: Provenance
  ) {
    self.id = id
    self.floor = floor
    self.name = name
    self.rect = rect
    self.provenance = provenance
  }
}

/// An area inside a hall with a theme; QR posters and "here & now" work per zone.
public struct Zone: Codable, Hashable, Sendable {
  public var id: String
  public var hall: String
  public var name: LocalizedText
  public var rect: PlaneRect
  /// The walkway node at the zone's centre.
  public var node: String
  public var topics: [String]
  public var provenance: Provenance

  public init(
    id: String, hall: String, name: LocalizedText, rect: PlaneRect, node: String,
    topics: [String], provenance: Provenance
  ) {
    self.id = id
    self.hall = hall
    self.name = name
    self.rect = rect
    self.node = node
    self.topics = topics
    self.provenance = provenance
  }
}

/// A room where sessions take place: a conference hall, a forum room, a stage.
public struct Room: Codable, Hashable, Sendable {
  public var id: String
  /// The floor, footprint and door of the room: all three, or none in a pack without a floor
  /// plan (one made from a published schedule), where a room is a name and nothing is placed.
  public var floor: String?
  public var name: LocalizedText
  public var rect: PlaneRect?
  public var capacity: Int?
  /// The walkway node at the room's door.
  public var node: String?
  /// Other names visitors use, e.g. inflected forms ("Roten Halle" for "Rote Halle").
  public var aliases: [String]?
  public var provenance: Provenance

  public init(
    id: String, floor: String?, name: LocalizedText, rect: PlaneRect?, capacity: Int? = nil,
    node: String?, aliases: [String]? = nil, provenance: Provenance
  ) {
    self.id = id
    self.floor = floor
    self.name = name
    self.rect = rect
    self.capacity = capacity
    self.node = node
    self.aliases = aliases
    self.provenance = provenance
  }
}

/// The contents of `venues.json`: venues and everything on their floors.
public struct VenueFile: Codable, Hashable, Sendable {
  public var venues: [Venue]
  public var floors: [Floor]
  public var halls: [Hall]
  public var zones: [Zone]
  public var rooms: [Room]

  enum CodingKeys: String, CodingKey {
    case venues, floors, halls, zones, rooms
  }

  public init(venues: [Venue], floors: [Floor], halls: [Hall], zones: [Zone], rooms: [Room]) {
    self.venues = venues
    self.floors = floors
    self.halls = halls
    self.zones = zones
    self.rooms = rooms
  }
}
