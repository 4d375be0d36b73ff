import EventModel
import Foundation

/// A conference programme as a published schedule gives it, read from any of the formats
/// hiwaic imports, before it becomes a pack: what the file says, and what was wrong with it.
public struct ImportedSchedule: Sendable, Equatable {
  /// The file name or URL it was read from: every record of the pack names it.
  public var source: String
  public var format: ScheduleFormat
  public var conference: ImportedConference
  public var days: [ImportedDay]
  /// Rooms in the order the schedule lists them.
  public var rooms: [String]
  /// Tracks, which become the pack's topics, in the order first seen.
  public var tracks: [String]
  public var sessions: [ImportedSession]
  /// What could not be imported, or was imported with a change, each with its place in the
  /// file.
  public var problems: [ImportProblem]
}

/// The conference a schedule is for.
public struct ImportedConference: Sendable, Equatable {
  public var title: String
  public var acronym: String?
  public var start: LocalDate?
  public var end: LocalDate?
  /// An IANA zone name (Europe/Berlin), when the schedule gives one.
  public var timeZone: String?
  public var venue: String?
  public var city: String?
  /// Where the schedule's relative links point from.
  public var baseURL: String?
  /// Minutes after midnight when a new day starts: a session before it belongs to the day
  /// before (a talk at 01:00 on the night of day 2 is part of day 2).
  public var dayChangeMinutes: Int
}

/// One day of the programme.
public struct ImportedDay: Sendable, Equatable {
  /// 1 for the first day.
  public var index: Int
  public var date: LocalDate
}

/// One talk, workshop or other session.
public struct ImportedSession: Sendable, Equatable {
  /// The schedule's globally unique id when it has one, which survives a re-numbered export.
  public var guid: String?
  /// The schedule's own id (a number in frab and pretalx), as text.
  public var id: String
  public var title: String
  public var subtitle: String?
  /// lecture, workshop, …, as the schedule writes it.
  public var type: String?
  /// Language codes (en, de), as the schedule writes them.
  public var languages: [String]
  public var start: Date
  public var durationMinutes: Int
  public var room: String
  public var track: String?
  /// Plain text for a terminal: HTML and Markdown taken out.
  public var abstract: String?
  public var description: String?
  public var persons: [ImportedPerson]
  public var links: [ImportedLink]
  /// The session's own page, made absolute.
  public var url: String?
  /// Which day of the programme it belongs to (`ImportedDay.index`).
  public var day: Int?

  public var end: Date { start.addingTimeInterval(Double(durationMinutes) * 60) }
}

/// A speaker or other person named with a session.
public struct ImportedPerson: Sendable, Equatable, Hashable {
  /// The schedule's id for the person, which joins the same person across sessions.
  public var id: String?
  public var name: String
}

/// A link given with a session (slides, recordings, the project's page).
public struct ImportedLink: Sendable, Equatable {
  public var title: String
  public var url: String
}

/// Something in a schedule file that was not imported as it stands, and where it is.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
  /// `schedule.xml:120` or `schedule.json $.schedule.conference.days[1]…`.
  public var place: String
  public var message: String

  public var description: String { "\(place): \(message)" }
}

/// Why a file could not be imported at all.
public struct ScheduleImportError: Error, Sendable, Equatable, CustomStringConvertible {
  public var source: String
  public var message: String

  public var description: String { "\(source): \(message)" }
}
