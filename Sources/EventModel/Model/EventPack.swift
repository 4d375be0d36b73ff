/// The manifest of a pack (`pack.json`): format version, identity and the event.
public struct PackManifest: Codable, Hashable, Sendable {
  /// The pack format this reader understands.
  public static let currentFormat = 1

  public var format: Int
  public var id: String
  /// Generated packs say so, so that nobody mistakes them for real data.
  public var synthetic: Bool
  public var event: EventInfo

  public init(
    format: Int = PackManifest.currentFormat, id: String, synthetic: Bool, event: EventInfo
  ) {
    self.format = format
    self.id = id
    self.synthetic = synthetic
    self.event = event
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
