import Foundation

/// A programme item with a fixed time and room: a ceremony, plenary, forum or evening event.
public struct Session: Codable, Hashable, Sendable {
  public var id: String
  public var title: LocalizedText
  public var kind: SessionKind
  public var start: Date
  public var end: Date
  public var room: String
  public var organisers: [LocalizedText]
  public var speakers: [String]
  public var topics: [String]
  public var description: LocalizedText?
  public var provenance: Provenance

  public init(
    id: String, title: LocalizedText, kind: SessionKind, start: Date, end: Date, room: String,
    organisers: [LocalizedText], speakers: [String], topics: [String],
    description: LocalizedText? = nil, provenance: Provenance
  ) {
    self.id = id
    self.title = title
    self.kind = kind
    self.start = start
    self.end = end
    self.room = room
    self.organisers = organisers
    self.speakers = speakers
    self.topics = topics
    self.description = description
    self.provenance = provenance
  }

  /// Whether the session is running at `date` (start inclusive, end exclusive).
  public func isOn(at date: Date) -> Bool { start <= date && date < end }
}

/// What kind of programme item a session is.
public enum SessionKind: String, PackEnum {
  case ceremony, plenary, forum, roundtable, launch, exchange, evening, gala
  /// What published schedules of other conferences have most: talks, workshops, meet-ups, and
  /// sessions of a kind of their own.
  case talk, workshop, meetup, other
}

/// A person who speaks at sessions.
public struct Speaker: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var affiliation: LocalizedText?
  public var provenance: Provenance

  public init(id: String, name: LocalizedText, affiliation: LocalizedText?, provenance: Provenance)
  {
    self.id = id
    self.name = name
    self.affiliation = affiliation
    self.provenance = provenance
  }
}

extension Session {
  /// Whether the title shown in `language` is modelled: the title itself, or its translation
  /// into that language where no source gives one.
  public func isTitleModelled(in language: Language) -> Bool {
    provenance.isModelled("title")
      || (language != .en && title[language] != nil
        && provenance.isModelled("title.\(language.rawValue)"))
  }
}
