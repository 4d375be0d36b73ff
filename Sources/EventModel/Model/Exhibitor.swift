/// A company or institution at the exhibition, with its stand and what it shows.
public struct Exhibitor: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  /// Other names a visitor may use: short names, brands, former names, pinyin.
  public var aliases: [String]
  public var pavilion: String
  public var booth: String?
  public var topics: [String]
  public var exhibits: [Exhibit]
  public var description: LocalizedText
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, aliases: [String], pavilion: String, booth: String?,
    topics: [String], exhibits: [Exhibit], description: LocalizedText, provenance: Provenance
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.pavilion = pavilion
    self.booth = booth
    self.topics = topics
    self.exhibits = exhibits
    self.description = description
    self.provenance = provenance
  }
}

/// A product or demonstration on a stand.
public struct Exhibit: Codable, Hashable, Sendable {
  public var name: LocalizedText
  public var description: LocalizedText?
  public var provenance: Provenance?

  public init(name: LocalizedText, description: LocalizedText? = nil, provenance: Provenance? = nil)
  {
    self.name = name
    self.description = description
    self.provenance = provenance
  }
}
