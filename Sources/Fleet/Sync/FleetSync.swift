import Foundation
import Knowledge
import PostgresNIO

/// What one sync did.
public struct FleetSyncReport: Sendable, Equatable {
  /// Logged questions the server acknowledged in this sync.
  public var sent: Int
  /// Organisers' answer changes applied to the store in this sync.
  public var received: Int
  /// Published notes files imported in this sync.
  public var notes = 0
  /// Logged questions still waiting (logged while the sync ran).
  public var unsent: Int
}

/// One exchange with the fleet's server: the log's outbox up, the organisers' answers and
/// published notes down.
public enum FleetSync {
  /// Rows per statement and per SQLite transaction.
  public static let batchSize = 1_000

  /// Batches per connection: a connection's work stays far inside `FleetServer.deadline`.
  static let batchesPerConnection = 10

  /// Sends every unsent question in batches (each acknowledged before the store's cursor
  /// moves), applies every new answer change (one SQLite transaction per batch) and imports
  /// every newly published notes file (`mentions` categorises it as the kiosk's own import
  /// does). Stopped at any point, it loses nothing and the next sync doubles nothing.
  public static func once(
    store: KnowledgeStore, server: FleetServer, mentions: MentionFinder? = nil
  ) async throws(FleetError) -> FleetSyncReport {
    var total = FleetSyncReport(sent: 0, received: 0, unsent: 0)
    while true {
      let piece = try await exchange(store: store, server: server, mentions: mentions)
      total.sent += piece.sent
      total.received += piece.received
      total.notes += piece.notes
      total.unsent = piece.unsent
      if !piece.more { return total }
    }
  }

  /// One connection's share of a sync; `more` when batches were left for the next.
  static func exchange(store: KnowledgeStore, server: FleetServer, mentions: MentionFinder?)
    async throws(FleetError) -> (sent: Int, received: Int, notes: Int, unsent: Int, more: Bool)
  {
    let kiosk = server.configuration.kioskID
    let name = server.name
    return try await server.withConnection { connection in
      try await FleetServer.checkSchema(connection, server: name)
      var sent = 0
      var more = false
      for round in 0..<batchesPerConnection {
        let batch = try storeCall { () throws(KnowledgeStoreError) in
          try store.unsentQuestions(limit: batchSize)
        }
        guard let last = batch.last else { break }
        try await FleetServer.push(batch, kiosk: kiosk, on: connection)
        try storeCall { () throws(KnowledgeStoreError) in try store.markSent(through: last.row) }
        sent += batch.count
        if batch.count < batchSize { break }
        if round == batchesPerConnection - 1 { more = true }
      }
      var received = 0
      for round in 0..<batchesPerConnection {
        let after = try storeCall { () throws(KnowledgeStoreError) in
          try store.fleetProgress().answersThrough
        }
        let changes = try await FleetServer.answerChanges(
          after: after, limit: batchSize, on: connection)
        guard !changes.isEmpty else { break }
        try storeCall { () throws(KnowledgeStoreError) in try store.applyFleetAnswers(changes) }
        received += changes.count
        if changes.count < batchSize { break }
        if round == batchesPerConnection - 1 { more = true }
      }
      var notes = 0
      for round in 0..<batchesPerConnection {
        let after = try storeCall { () throws(KnowledgeStoreError) in
          try store.fleetProgress().notesThrough
        }
        let files = try await FleetServer.noteChanges(
          after: after, limit: notesPerBatch, on: connection)
        for file in files {
          try importNotes(file, into: store, mentions: mentions)
          notes += 1
        }
        if files.count < notesPerBatch { break }
        if round == batchesPerConnection - 1 { more = true }
      }
      let unsent = try storeCall { () throws(KnowledgeStoreError) in
        try store.fleetProgress().unsent
      }
      return (sent, received, notes, unsent, more)
    }
  }

  /// Notes files per batch: each may be megabytes.
  static let notesPerBatch = 20

  /// Imports one published file as the kiosk's own `notes import` would, then moves the
  /// cursor past it. A file this hiwaic cannot read is skipped, not retried forever: the
  /// organisers' copy was read when it was published.
  static func importNotes(
    _ file: FleetNoteChange, into store: KnowledgeStore, mentions: MentionFinder?
  ) throws(FleetError) {
    if file.removed {
      try storeCall { () throws(KnowledgeStoreError) in
        _ = try store.removeNotes(digest: NotesDigest.of(file.content), session: file.session)
      }
    } else if let notes = try? NotesFileReader.read(
      file.content, fileName: file.source, format: file.format)
    {
      try storeCall { () throws(KnowledgeStoreError) in
        _ = try store.importNotes(
          notes, source: file.source, digest: NotesDigest.of(file.content),
          session: file.session, speaker: file.speaker, language: file.language, now: Date(),
          mentions: mentions)
      }
    }
    try storeCall { () throws(KnowledgeStoreError) in
      try store.markNotesReceived(through: file.position)
    }
  }

  static func storeCall<T>(_ body: () throws(KnowledgeStoreError) -> T) throws(FleetError) -> T {
    do { return try body() } catch { throw .store(error.description) }
  }
}
