/// The manifest of a pack (`pack.json`): format version, identity and the event.
public struct PackManifest: Codable, Hashable, Sendable {
  /// The pack format this reader understands.
  public static let currentFormat = 1

  public var format: Int
  public var id: String
  /// Generated packs say so, so that nobody mistakes them for real data.
  public var synthetic: Bool
  public var event: EventInfo
  /// The languages every name and text of the pack is written in (English and Chinese when the
  /// manifest does not say: WAIC's packs); a pack imported from a schedule has the one its
  /// texts are in.
  public var languages: [Language]
  /// What the codes on the pack's QR posters start with (`WAIC` in `WAIC:ROOM:RED-HALL`):
  /// capital letters and digits, so that a code fits QR's compact mode. WAIC's when absent.
  public var codePrefix: String?

  public init(
    format: Int = PackManifest.currentFormat, id: String, synthetic: Bool, event: EventInfo,
    languages: [Language] = [.en, .zh], codePrefix: String? = nil
  ) {
    self.format = format
    self.id = id
    self.synthetic = synthetic
    self.event = event
    self.languages = languages
    self.codePrefix = codePrefix
  }

  enum CodingKeys: String, CodingKey {
    case format, id, synthetic, event, languages, codePrefix
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.decode(Int.self, forKey: .format)
    id = try container.decode(String.self, forKey: .id)
    synthetic = try container.decode(Bool.self, forKey: .synthetic)
    event = try container.decode(EventInfo.self, forKey: .event)
    languages = try container.decodeIfPresent([Language].self, forKey: .languages) ?? [.en, .zh]
    codePrefix = try container.decodeIfPresent(String.self, forKey: .codePrefix)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(id, forKey: .id)
    try container.encode(synthetic, forKey: .synthetic)
    try container.encode(event, forKey: .event)
    // Left out when it is the default, so that WAIC's packs write as before.
    if languages != [.en, .zh] { try container.encode(languages, forKey: .languages) }
    try container.encodeIfPresent(codePrefix, forKey: .codePrefix)
  }
}

/// Every record of an event pack, as read from its files.
public struct EventPack: Hashable, Sendable {
  public var manifest: PackManifest
  public var topics: [Topic]
  public var venues: VenueFile
  public var pavilions: [Pavilion]
  public var booths: [Booth]
  public var walkways: WalkwayGraph
  public var exhibitors: [Exhibitor]
  public var speakers: [Speaker]
  public var sessions: [Session]
  public var cityWalks: [CityWalkRoute]
  public var info: [VisitorInfo]

  public init(
    manifest: PackManifest, topics: [Topic], venues: VenueFile, pavilions: [Pavilion],
    booths: [Booth], walkways: WalkwayGraph, exhibitors: [Exhibitor], speakers: [Speaker],
    sessions: [Session], cityWalks: [CityWalkRoute], info: [VisitorInfo]
  ) {
    self.manifest = manifest
    self.topics = topics
    self.venues = venues
    self.pavilions = pavilions
    self.booths = booths
    self.walkways = walkways
    self.exhibitors = exhibitors
    self.speakers = speakers
    self.sessions = sessions
    self.cityWalks = cityWalks
    self.info = info
  }

  public var event: EventInfo { manifest.event }
}

/// The files of a pack directory, one per kind of record.
public enum PackFile: String, CaseIterable, Sendable {
  case manifest = "pack.json"
  case topics = "topics.json"
  case venues = "venues.json"
  case pavilions = "pavilions.json"
  case booths = "booths.json"
  case walkways = "walkways.json"
  case exhibitors = "exhibitors.json"
  case speakers = "speakers.json"
  case sessions = "sessions.json"
  case cityWalks = "citywalk.json"
  case info = "info.json"
}
