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
  /// What the stand offers a visitor who seeks it (start-ups to invest in, products to buy):
  /// the other side of matching. Sourced, or `offers` in the modelled fields.
  public var offers: [ExhibitorOffer]
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, aliases: [String], pavilion: String, booth: String?,
    topics: [String], exhibits: [Exhibit], description: LocalizedText, provenance: Provenance,
    offers: [ExhibitorOffer] = []
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.pavilion = pavilion
    self.booth = booth
    self.topics = topics
    self.exhibits = exhibits
    self.description = description
    self.offers = offers
    self.provenance = provenance
  }

  enum CodingKeys: String, CodingKey {
    case id, name, aliases, pavilion, booth, topics, exhibits, description, offers, provenance
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(LocalizedText.self, forKey: .name)
    aliases = try container.decode([String].self, forKey: .aliases)
    pavilion = try container.decode(String.self, forKey: .pavilion)
    booth = try container.decodeIfPresent(String.self, forKey: .booth)
    topics = try container.decode([String].self, forKey: .topics)
    exhibits = try container.decode([Exhibit].self, forKey: .exhibits)
    description = try container.decode(LocalizedText.self, forKey: .description)
    offers = try container.decodeIfPresent([ExhibitorOffer].self, forKey: .offers) ?? []
    provenance = try container.decode(Provenance.self, forKey: .provenance)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(name, forKey: .name)
    try container.encode(aliases, forKey: .aliases)
    try container.encode(pavilion, forKey: .pavilion)
    try container.encodeIfPresent(booth, forKey: .booth)
    try container.encode(topics, forKey: .topics)
    try container.encode(exhibits, forKey: .exhibits)
    try container.encode(description, forKey: .description)
    // Left out when empty: packs without matching data read and write as before.
    if !offers.isEmpty { try container.encode(offers, forKey: .offers) }
    try container.encode(provenance, forKey: .provenance)
  }
}

/// What a stand offers to the visitors who seek it, for two-sided matching.
public enum ExhibitorOffer: String, PackEnum {
  /// Start-ups looking for investment (for investors).
  case startups
  /// Investors looking for start-ups (for founders).
  case investors
  /// Buyers and procurement groups (for companies that sell).
  case buyers
  /// Products and solutions for sale (for buyers).
  case products
  /// Jobs (for job seekers).
  case jobs
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
