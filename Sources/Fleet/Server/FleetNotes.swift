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

  /// The published notes after `position`, oldest first, at most `limit` files.
  static func noteChanges(after position: Int64, limit: Int, on connection: PostgresConnection)
    async throws -> [FleetNoteChange]
  {
    var changes: [FleetNoteChange] = []
    let rows = try await connection.query(
      """
      SELECT position, id, source, coalesce(format, ''), session, coalesce(speaker, ''),
        language, content
      FROM hiwaic.note_change WHERE position > \(position) AND NOT removed
      ORDER BY position LIMIT \(limit)
      """, logger: logger)
    for try await (position, id, source, format, session, speaker, language, content)
      in rows.decode((Int64, UUID, String, String, String, String, String, Data).self)
    {
      changes.append(
        FleetNoteChange(
          position: position, uid: id, source: source, format: NotesFormat(rawValue: format),
          session: session, speaker: speaker.isEmpty ? nil : speaker,
          language: Language(rawValue: language) ?? .en, content: content))
    }
    return changes
  }
}
