/// A themed part of the exhibition (Core Technologies, …), spread over halls and zones.
public struct Pavilion: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var description: LocalizedText
  public var topics: [String]
  public var halls: [String]
  /// Words a visitor may use for it ("robot hall", "核心技术馆"), besides its names.
  public var aliases: [String]
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, description: LocalizedText, topics: [String],
    halls: [String], aliases: [String], provenance: Provenance
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.topics = topics
    self.halls = halls
    self.aliases = aliases
    self.provenance = provenance
  }
}

/// A stand in a hall, with its footprint on the floor plan.
public struct Booth: Codable, Hashable, Sendable {
  public var id: String
  public var hall: String
  public var zone: String?
  public var rect: PlaneRect
  /// The walkway node at the booth's front.
  public var node: String
  public var provenance: Provenance

  public init(
    id: String, hall: String, zone: String?, rect: PlaneRect, node: String,
    provenance: Provenance
  ) {
    self.id = id
    self.hall = hall
    self.zone = zone
    self.rect = rect
    self.node = node
    self.provenance = provenance
  }
}
