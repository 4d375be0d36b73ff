import EventModel
import Foundation

/// What an import keeps beside the pack (`import.json`) so that importing a newer version of
/// the same schedule gives every session the id it had: a visitor's favourites and plan name
/// sessions by these ids.
public struct ScheduleImportRecord: Codable, Sendable, Equatable {
  /// The file name in a pack directory.
  public static let fileName = "import.json"
  /// The largest record read: a few hundred bytes per session.
  public static let maximumBytes = 16 << 20

  /// The layout of this file.
  public var version: Int = 1
  public var format: String
  public var conference: String
  public var acronym: String?
  public var sessions: [SessionKey]

  /// A pack session and what the schedule called it.
  public struct SessionKey: Codable, Sendable, Equatable {
    /// The pack's session id.
    public var id: String
    public var guid: String?
    /// The schedule's own id.
    public var scheduleID: String

    enum CodingKeys: String, CodingKey {
      case id, guid
      case scheduleID = "schedule_id"
    }
  }

  /// Reads the record of the pack in `directory`; nil when there is none, a message when there
  /// is one that cannot be read.
  public static func read(in directory: URL) -> Result<ScheduleImportRecord, ScheduleImportError>? {
    let path = directory.appendingPathComponent(fileName).path
    let data: Data
    do {
      data = try BoundedFile.read(path, limit: maximumBytes)
    } catch .missing {
      return nil
    } catch {
      return .failure(ScheduleImportError(source: path, message: error.description))
    }
    do {
      return .success(try JSONDecoder().decode(ScheduleImportRecord.self, from: data))
    } catch {
      let issue = PackLoader.decodingIssue(for: error, data: data, file: fileName)
      return .failure(ScheduleImportError(source: path, message: issue.description))
    }
  }

  /// The record as written: keys sorted, one session per line's worth of JSON.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }

  /// Whether `schedule` is a version of the schedule this record was made from: the same
  /// acronym when both have one, else the same title.
  public func isSameConference(as schedule: ImportedSchedule) -> Bool {
    if let acronym, let other = schedule.conference.acronym, !acronym.isEmpty, !other.isEmpty {
      return acronym.lowercased() == other.lowercased()
    }
    return conference == schedule.conference.title
  }
}

extension ScheduleImportRecord {
  /// The record of `pack`, made from `schedule` (whose sessions it holds, in that order).
  public init(schedule: ImportedSchedule, pack: EventPack) {
    self.init(
      format: schedule.format.rawValue, conference: schedule.conference.title,
      acronym: schedule.conference.acronym,
      sessions: zip(schedule.sessions, pack.sessions).map {
        SessionKey(id: $1.id, guid: $0.guid, scheduleID: $0.id)
      })
  }
}

/// The pack ids for a schedule's sessions: those of the previous import where a session is
/// found again (by guid, then by the schedule's id), new ones for the rest, and never the id of
/// a session that is gone, so that a favourite of a cancelled talk cannot point at another.
enum SessionIdentities {
  static func assign(
    _ sessions: [ImportedSession], previous: ScheduleImportRecord?,
    fresh: (ImportedSession) -> String
  ) -> [String] {
    var result = [String?](repeating: nil, count: sessions.count)
    var used = Set<String>()
    if let previous {
      var byGUID: [String: String] = [:]
      var byScheduleID: [String: String] = [:]
      for key in previous.sessions {
        used.insert(key.id)
        if let guid = key.guid, byGUID[guid] == nil { byGUID[guid] = key.id }
        if byScheduleID[key.scheduleID] == nil { byScheduleID[key.scheduleID] = key.id }
      }
      var taken = Set<String>()
      for (index, session) in sessions.enumerated() {
        if let guid = session.guid, let id = byGUID[guid], taken.insert(id).inserted {
          result[index] = id
        }
      }
      for (index, session) in sessions.enumerated() where result[index] == nil {
        if let id = byScheduleID[session.id], taken.insert(id).inserted { result[index] = id }
      }
    }
    for (index, session) in sessions.enumerated() where result[index] == nil {
      let base = fresh(session)
      var candidate = base
      var number = 2
      while used.contains(candidate) {
        candidate = "\(base)-\(number)"
        number += 1
      }
      result[index] = candidate
      used.insert(candidate)
    }
    return result.map { $0 ?? "" }
  }
}

/// What a newer version of a schedule changed, session by session: what moved (another time or
/// room), what was renamed, cancelled or added.
public struct ScheduleChanges: Sendable, Equatable {
  /// A session found in both versions, and how it changed.
  public struct Change: Sendable, Equatable {
    public var id: String
    public var title: String
    public var before: Session
    public var after: Session
  }

  public var moved: [Change] = []
  public var renamed: [Change] = []
  public var cancelled: [Session] = []
  public var added: [Session] = []

  public var isEmpty: Bool {
    moved.isEmpty && renamed.isEmpty && cancelled.isEmpty && added.isEmpty
  }

  /// The changes from `old` to `new`, sessions matched by their pack ids.
  public static func between(_ old: EventPack, _ new: EventPack) -> ScheduleChanges {
    var changes = ScheduleChanges()
    let newByID = Dictionary(
      new.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let oldIDs = Set(old.sessions.map(\.id))
    for before in old.sessions {
      guard let after = newByID[before.id] else {
        changes.cancelled.append(before)
        continue
      }
      let change = Change(id: before.id, title: after.title.text(.en), before: before, after: after)
      if before.start != after.start || before.end != after.end || before.room != after.room {
        changes.moved.append(change)
      }
      if before.title.text(.en) != after.title.text(.en) { changes.renamed.append(change) }
    }
    changes.added = new.sessions.filter { !oldIDs.contains($0.id) }
    return changes
  }

  /// The changes as lines for the person importing: counts first, then each session with its
  /// old and new day, time and room.
  public func lines(old: EventPack, new: EventPack) -> [String] {
    guard !isEmpty else { return ["no session moved, was renamed, cancelled or added"] }
    let utc = TimeZone(identifier: "UTC") ?? .current
    let oldZone = EventTime.timeZone(named: old.manifest.event.timeZone) ?? utc
    let newZone = EventTime.timeZone(named: new.manifest.event.timeZone) ?? utc
    func place(_ session: Session, in pack: EventPack, zone: TimeZone) -> String {
      let room = pack.venues.rooms.first { $0.id == session.room }?.name.text(.en) ?? session.room
      return
        "\(EventTime.localDate(session.start, zone: zone)) \(EventTime.clockTime(session.start, zone: zone))–\(EventTime.clockTime(session.end, zone: zone)), \(room)"
    }
    var counts: [String] = []
    if !moved.isEmpty { counts.append("\(moved.count) moved") }
    if !renamed.isEmpty { counts.append("\(renamed.count) renamed") }
    if !cancelled.isEmpty { counts.append("\(cancelled.count) cancelled") }
    if !added.isEmpty { counts.append("\(added.count) new") }
    var lines = ["since the last import: " + counts.joined(separator: ", ")]
    for change in moved {
      lines.append(
        "  moved: '\(change.title)' \(place(change.before, in: old, zone: oldZone)) → \(place(change.after, in: new, zone: newZone))"
      )
    }
    for change in renamed {
      lines.append(
        "  renamed: '\(change.before.title.text(.en))' → '\(change.after.title.text(.en))'")
    }
    for session in cancelled {
      lines.append(
        "  cancelled: '\(session.title.text(.en))' (was \(place(session, in: old, zone: oldZone)))")
    }
    for session in added {
      lines.append("  new: '\(session.title.text(.en))' \(place(session, in: new, zone: newZone))")
    }
    return lines
  }
}
