/// A themed walk through the city's AI scenes, with ordered stops.
public struct CityWalkRoute: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var theme: LocalizedText
  public var description: LocalizedText
  public var topics: [String]
  public var stops: [CityWalkStop]
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, theme: LocalizedText, description: LocalizedText,
    topics: [String], stops: [CityWalkStop], provenance: Provenance
  ) {
    self.id = id
    self.name = name
    self.theme = theme
    self.description = description
    self.topics = topics
    self.stops = stops
    self.provenance = provenance
  }

  /// Great-circle metres from each stop to the next, in order (one fewer than the stops).
  public var legDistances: [Double] {
    zip(stops, stops.dropFirst()).map { $0.location.distance(to: $1.location) }
  }

  /// Minutes spent at the stops, without walking.
  public var dwellMinutes: Int { stops.reduce(0) { $0 + $1.minutes } }
}

/// One stop of a City Walk route: a place and what is shown there.
public struct CityWalkStop: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var district: LocalizedText?
  public var location: GeoPoint
  public var shows: LocalizedText
  /// Minutes a visitor typically spends here.
  public var minutes: Int
  /// The walkway node, for stops inside a venue of the pack.
  public var node: String?
  public var provenance: Provenance?

  public init(
    id: String, name: LocalizedText, district: LocalizedText?, location: GeoPoint,
    shows: LocalizedText, minutes: Int, node: String? = nil, provenance: Provenance?
  ) {
    self.id = id
    self.name = name
    self.district = district
    self.location = location
    self.shows = shows
    self.minutes = minutes
    self.node = node
    self.provenance = provenance
  }
}
