import Foundation

/// The event itself: names, theme, days, time zone, key figures and notes.
public struct EventInfo: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  public var shortName: LocalizedText
  public var theme: LocalizedText
  /// IANA time zone of every time in the pack, e.g. `Asia/Shanghai`.
  public var timeZone: String
  public var days: [EventDay]
  /// When a new programme day starts ("04:00"), for events that run past midnight: a session
  /// before it belongs to the day before, as in the schedules conferences publish. Midnight
  /// when absent.
  public var dayChange: String?
  public var figures: [EventFigure]
  public var notes: [EventNote]
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, shortName: LocalizedText, theme: LocalizedText,
    timeZone: String, days: [EventDay], dayChange: String? = nil, figures: [EventFigure] = [],
    notes: [EventNote] = [], provenance: Provenance
  ) {
    self.id = id
    self.name = name
    self.shortName = shortName
    self.theme = theme
    self.timeZone = timeZone
    self.days = days
    self.dayChange = dayChange
    self.figures = figures
    self.notes = notes
    self.provenance = provenance
  }

  /// Minutes after midnight when a programme day starts (0 when the pack gives none, or one
  /// that cannot be read: the loader reports that).
  public var dayChangeMinutes: Int { dayChange.flatMap(EventTime.clockMinutes) ?? 0 }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(LocalizedText.self, forKey: .name)
    shortName = try container.decodeIfPresent(LocalizedText.self, forKey: .shortName) ?? name
    theme = try container.decode(LocalizedText.self, forKey: .theme)
    timeZone = try container.decode(String.self, forKey: .timeZone)
    days = try container.decode([EventDay].self, forKey: .days)
    dayChange = try container.decodeIfPresent(String.self, forKey: .dayChange)
    figures = try container.decodeIfPresent([EventFigure].self, forKey: .figures) ?? []
    notes = try container.decodeIfPresent([EventNote].self, forKey: .notes) ?? []
    provenance = try container.decode(Provenance.self, forKey: .provenance)
  }
}

/// One calendar day of the event and what happens on it.
public struct EventDay: Codable, Hashable, Sendable {
  /// The local date, `YYYY-MM-DD`.
  public var date: String
  public var label: LocalizedText
  public var activities: [DayActivity]

  public init(date: String, label: LocalizedText, activities: [DayActivity]) {
    self.date = date
    self.label = label
    self.activities = activities
  }
}

/// What kind of programme runs on a day.
public enum DayActivity: String, PackEnum {
  case conference, exhibition
}

/// A key figure ("800+ exhibitors"), with its own source.
public struct EventFigure: Codable, Hashable, Sendable {
  public var id: String
  public var label: LocalizedText
  public var value: LocalizedText
  public var provenance: Provenance

  public init(id: String, label: LocalizedText, value: LocalizedText, provenance: Provenance) {
    self.id = id
    self.label = label
    self.value = value
    self.provenance = provenance
  }
}

/// A dated fact about the event: history, an announcement, a launch.
public struct EventNote: Codable, Hashable, Sendable {
  public var id: String
  public var kind: EventNoteKind
  /// `YYYY` or `YYYY-MM-DD`.
  public var date: String?
  public var text: LocalizedText
  public var topics: [String]
  public var provenance: Provenance

  public init(
    id: String, kind: EventNoteKind, date: String?, text: LocalizedText, topics: [String] = [],
    provenance: Provenance
  ) {
    self.id = id
    self.kind = kind
    self.date = date
    self.text = text
    self.topics = topics
    self.provenance = provenance
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    kind = try container.decode(EventNoteKind.self, forKey: .kind)
    date = try container.decodeIfPresent(String.self, forKey: .date)
    text = try container.decode(LocalizedText.self, forKey: .text)
    topics = try container.decodeIfPresent([String].self, forKey: .topics) ?? []
    provenance = try container.decode(Provenance.self, forKey: .provenance)
  }
}

/// What an event note is about.
public enum EventNoteKind: String, PackEnum {
  case history, announcement, launch, programme
  /// Who hosts and runs the event.
  case organisers
}
