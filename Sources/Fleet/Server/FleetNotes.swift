import EventModel
import Foundation
import Knowledge
import PostgresNIO

/// A recorded talk or Q&A round as the fleet's server publishes it: the file itself, so that
/// each kiosk reads and categorises it as its own `notes import` would.
public struct FleetNoteChange: Hashable, Sendable {
  /// The server's position of the change; the store keeps the last one it applied.
  public var position: Int64
  public var uid: UUID
  /// The file's name, as the organisers imported it.
  public var source: String
  public var format: NotesFormat?
  public var session: String
  public var speaker: String?
  public var language: Language
  public var content: Data
  /// True when the organisers took the file back.
  public var removed = false
}

/// A notes file as the fleet has it published.
public struct PublishedNotes: Hashable, Sendable {
  public var uid: UUID
  public var source: String
  public var session: String
  public var speaker: String?
  public var language: Language
  public var bytes: Int
  public var publishedAt: Date
}

extension FleetServer {
  /// Publishes a notes file to every kiosk (the owner's role); each imports it at its next
  /// sync, and the same file for the same session again changes nothing there.
  public func publishNotes(
    _ content: Data, source: String, format: NotesFormat?, session: String, speaker: String?,
    language: Language, now: Date
  ) async throws(FleetError) -> UUID {
    let uid = RowIdentifier.make(at: now)
    let source = String(source.prefix(255))
    try await changing("hiwaic.note_change") { connection in
      try await connection.query(
        """
        INSERT INTO hiwaic.note_change (id, source, format, session, speaker, language, content,
          published_at)
        VALUES (\(uid), \(source), \(format?.rawValue), \(session), \(speaker),
          \(language.rawValue), \(content), \(now))
        """, logger: Self.logger)
    }
    return uid
  }

  /// Takes a published file back from every kiosk (each removes it at its next sync); false
  /// when there is none with that id.
  public func retractNotes(_ uid: UUID, now: Date) async throws(FleetError) -> Bool {
    try await changing("hiwaic.note_change") { connection in
      guard try await Self.currentNotes(on: connection).contains(where: { $0.uid == uid }) else {
        return false
      }
      // The content travels again: a kiosk finds its copy by the file's digest.
      try await connection.query(
        """
        INSERT INTO hiwaic.note_change (id, source, format, session, speaker, language, content,
          published_at, removed)
        SELECT id, source, format, session, speaker, language, content, \(now), true
        FROM hiwaic.note_change WHERE id = \(uid) ORDER BY position DESC LIMIT 1
        """, logger: Self.logger)
      return true
    }
  }

  /// The files every kiosk has once it is in sync, oldest first.
  public func publishedNotes() async throws(FleetError) -> [PublishedNotes] {
    let server = name
    return try await withConnection { connection in
      try await Self.checkSchema(connection, server: server)
      return try await Self.currentNotes(on: connection)
    }
  }

  static func currentNotes(on connection: PostgresConnection) async throws -> [PublishedNotes] {
    var notes: [PublishedNotes] = []
    let rows = try await connection.query(
      """
      SELECT id, source, session, coalesce(speaker, ''), language, size, published_at FROM (
        SELECT DISTINCT ON (id) id, source, session, speaker, language,
          octet_length(content) AS size, published_at, removed, position
        FROM hiwaic.note_change ORDER BY id, position DESC) AS latest
      WHERE NOT removed ORDER BY position
      """, logger: logger)
    for try await (id, source, session, speaker, language, size, publishedAt) in rows.decode(
      (UUID, String, String, String, String, Int, Date).self)
    {
      notes.append(
        PublishedNotes(
          uid: id, source: source, session: session, speaker: speaker.isEmpty ? nil : speaker,
          language: Language(rawValue: language) ?? .en, bytes: size, publishedAt: publishedAt))
    }
    return notes
  }

  /// The published notes after `position`, oldest first, at most `limit` files.
  static func noteChanges(after position: Int64, limit: Int, on connection: PostgresConnection)
    async throws -> [FleetNoteChange]
  {
    var changes: [FleetNoteChange] = []
    let rows = try await connection.query(
      """
      SELECT position, id, source, coalesce(format, ''), session, coalesce(speaker, ''),
        language, content, removed
      FROM hiwaic.note_change WHERE position > \(position)
      ORDER BY position LIMIT \(limit)
      """, logger: logger)
    for try await (position, id, source, format, session, speaker, language, content, removed)
      in rows.decode((Int64, UUID, String, String, String, String, String, Data, Bool).self)
    {
      changes.append(
        FleetNoteChange(
          position: position, uid: id, source: source, format: NotesFormat(rawValue: format),
          session: session, speaker: speaker.isEmpty ? nil : speaker,
          language: Language(rawValue: language) ?? .en, content: content, removed: removed))
    }
    return changes
  }
}
