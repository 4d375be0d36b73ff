import EventModel
import Foundation
internal import GRDB
import Synchronization

/// Why the knowledge store cannot be used: where it is and what is wrong.
public struct KnowledgeStoreError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var message: String

  public var description: String { "knowledge store \(path): \(message)" }
}

/// A stored notes file: a talk's transcript or a round of Q&A, for one session.
public struct StoredDocument: Hashable, Sendable, Encodable {
  public var id: Int64
  public var source: String
  public var kind: ParsedNotes.Kind
  public var session: String?
  public var speaker: String?
  public var language: Language
  public var importedAt: String
  public var chunks: Int
  public var origin: NotesOrigin
  /// Where reported notes come from (seed files, URLs), one per line.
  public var sources: [String]
}

/// Whether notes were recorded at the event or are what the press reported.
public enum NotesOrigin: String, Codable, Hashable, Sendable { case recorded, reported }

/// A record of the pack a passage mentions: a topic, an exhibitor, a speaker or a session.
public struct Mention: Hashable, Sendable, Codable, Comparable {
  /// `topic`, `exhibitor`, `speaker`, `session` (the matcher's entity types).
  public var type: String
  public var id: String

  public init(type: String, id: String) {
    self.type = type
    self.id = id
  }

  public static func < (left: Mention, right: Mention) -> Bool {
    (left.type, left.id) < (right.type, right.id)
  }
}

/// What a passage mentions, as the assistant's matcher recognises it; given to the import.
public typealias MentionFinder = @Sendable (String) -> [Mention]

/// A stored piece of a talk, a question or an answer.
public struct StoredChunk: Hashable, Sendable, Encodable {
  public var id: Int64
  public var document: Int64
  public var position: Int
  public var role: PieceRole
  public var startMilliseconds: Int?
  public var speaker: String?
  public var asker: String?
  public var language: Language
  public var text: String
  public var line: Int
  /// What it mentions (topics, exhibitors, speakers, sessions), found when it was imported.
  public var mentions: [Mention] = []
}

/// A passage found by a search, best first, with where it comes from.
public struct SearchHit: Hashable, Sendable, Encodable {
  public var chunk: StoredChunk
  public var source: String
  public var session: String?
  /// The document's speaker when the chunk names none.
  public var speaker: String?
  /// The pack id of the document's speaker, when it has one.
  public var speakerID: String?
  /// The passage with what matched between « and ».
  public var snippet: String
  public var origin: NotesOrigin
  /// bm25 over the query's words: higher is better.
  public var score: Double
}

/// What a question asks the store for: passages holding any of the phrases, by a speaker, in a
/// session, of one role.
public struct NotesQuery: Hashable, Sendable {
  /// Each phrase matches when all its words do ("AI safety", "人工智能安全"); any phrase will do.
  public var phrases: [String]
  /// The speaker's pack id, and the names a transcript may give them.
  public var speaker: String?
  public var speakerNames: [String]
  public var session: String?
  public var role: PieceRole?
  public var limit: Int

  public init(
    phrases: [String] = [], speaker: String? = nil, speakerNames: [String] = [],
    session: String? = nil, role: PieceRole? = nil, limit: Int = 3
  ) {
    self.phrases = phrases
    self.speaker = speaker
    self.speakerNames = speakerNames
    self.session = session
    self.role = role
    self.limit = limit
  }
}

/// What importing a file did.
public enum ImportOutcome: Hashable, Sendable {
  case imported(document: Int64, chunks: Int)
  /// The same file for the same session is already in the store: nothing changed.
  case unchanged(document: Int64)
}

/// The assistant's own database of recorded talks and Q&A (SQLite through GRDB, WAL, foreign
/// keys on, migrated on open). The pack stays read-only; the store refers to its ids.
public final class KnowledgeStore: Sendable {
  public let path: String
  let pool: DatabasePool
  let answerCache = Mutex(OrganiserAnswerCache())

  /// Opens (creating when missing) the store at `path`.
  public init(path: String) throws(KnowledgeStoreError) {
    self.path = path
    do {
      try AtomicFile.createParentDirectory(of: path)
    } catch {
      throw KnowledgeStoreError(path: path, message: error.description)
    }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(5)
    // In WAL mode NORMAL never corrupts the store; a power cut may lose the last commits, which
    // for a question log is a fair price for writes under a millisecond.
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
      try Self.migrator.migrate(pool)
    } catch {
      throw KnowledgeStoreError(path: path, message: Self.explain(error))
    }
  }

  /// `$XDG_DATA_HOME/hiwaic/knowledge.sqlite` (`~/.local/share/…` without it).
  public static func defaultPath(environment: [String: String]) -> String? {
    if let chosen = environment["HIWAIC_KNOWLEDGE"], !chosen.isEmpty { return chosen }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
      return data + "/hiwaic/knowledge.sqlite"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/share/hiwaic/knowledge.sqlite"
  }

  static func explain(_ error: any Error) -> String {
    if let database = error as? DatabaseError {
      switch database.resultCode {
      case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return "is not a hiwaic knowledge database, or is damaged"
      case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
        return "cannot be opened for writing (check its permissions)"
      case .SQLITE_FULL: return "the disk is full"
      default: return database.message ?? "\(database.resultCode)"
      }
    }
    return "\(error)"
  }

  /// The schema, one migration per version; a store from an older hiwaic is brought up to date.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: documents, chunks, full-text search") { db in
      try db.execute(
        sql: """
          CREATE TABLE document (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            digest TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('talk', 'qa')),
            session TEXT,
            speaker TEXT,
            language TEXT NOT NULL,
            importedAt TEXT NOT NULL,
            UNIQUE (digest, session)
          );
          CREATE TABLE chunk (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('talk', 'question', 'answer')),
            startMs INTEGER,
            endMs INTEGER,
            speaker TEXT,
            asker TEXT,
            language TEXT NOT NULL,
            text TEXT NOT NULL,
            line INTEGER NOT NULL,
            UNIQUE (document, position)
          );
          CREATE VIRTUAL TABLE chunk_search USING fts5(
            terms, tokenize = 'porter unicode61 remove_diacritics 2');
          CREATE TRIGGER chunk_removed AFTER DELETE ON chunk BEGIN
            DELETE FROM chunk_search WHERE rowid = old.id;
          END;
          """)
    }
    // Notes the pack ships (what the press reported speakers said) are told apart from what
    // was recorded at the event.
    migrator.registerMigration("v2: where a document comes from") { db in
      try db.execute(
        sql: """
          ALTER TABLE document ADD COLUMN origin TEXT NOT NULL DEFAULT 'recorded'
            CHECK (origin IN ('recorded', 'reported'));
          ALTER TABLE document ADD COLUMN sources TEXT NOT NULL DEFAULT '';
          """)
    }
    // Ranking needs how many passages hold each term; FTS5 counts that on every query.
    migrator.registerMigration("v3: search statistics") { db in
      try db.execute(
        sql: """
          CREATE TABLE term_stats (term TEXT PRIMARY KEY, passages INTEGER NOT NULL)
            WITHOUT ROWID;
          CREATE TABLE search_totals (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            passages INTEGER NOT NULL,
            terms INTEGER NOT NULL);
          INSERT INTO search_totals VALUES (1, 0, 0);
          CREATE INDEX chunk_speaker ON chunk (lower(speaker));
          CREATE INDEX document_session ON document (session);
          """)
      let passages = try String.fetchAll(db, sql: "SELECT terms FROM chunk_search")
      try PassageRanking.count(db, passages: passages, sign: 1)
    }
    // What visitors asked (anonymous: no visitor, minutes only) and what organisers answered.
    migrator.registerMigration("v4: question log, organisers' answers") { db in
      try db.execute(
        sql: """
          CREATE TABLE question (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            askedAt INTEGER NOT NULL,
            text TEXT NOT NULL,
            language TEXT NOT NULL,
            intent TEXT NOT NULL,
            confidence REAL NOT NULL,
            answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
            place TEXT,
            channel TEXT NOT NULL);
          CREATE INDEX question_askedAt ON question (askedAt);
          CREATE TABLE organiser_answer (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            language TEXT NOT NULL,
            writtenAt INTEGER NOT NULL,
            UNIQUE (question, language));
          """)
    }
    // Every passage is categorised on the way in: the records of the pack it mentions.
    migrator.registerMigration("v5: what passages mention") { db in
      try db.execute(
        sql: """
          CREATE TABLE chunk_mention (
            chunk INTEGER NOT NULL REFERENCES chunk(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            id TEXT NOT NULL,
            PRIMARY KEY (chunk, type, id)) WITHOUT ROWID;
          CREATE INDEX chunk_mention_record ON chunk_mention (type, id);
          """)
    }
    // A fleet shares the log and the organisers' answers: each row gets an id unique across
    // kiosks, and the store remembers how far it has sent and received.
    migrator.registerMigration("v6: fleet ids and cursors") { db in
      try db.execute(
        sql: """
          ALTER TABLE question ADD COLUMN uid TEXT;
          ALTER TABLE organiser_answer ADD COLUMN uid TEXT;
          CREATE TABLE fleet_cursor (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
          """)
      let logged = try Row.fetchAll(db, sql: "SELECT id, askedAt FROM question")
      for row in logged {
        let seconds: Int64 = row["askedAt"]
        try db.execute(
          sql: "UPDATE question SET uid = ? WHERE id = ?",
          arguments: [
            RowIdentifier.make(at: Date(timeIntervalSince1970: Double(seconds))).uuidString
              .lowercased(), row["id"],
          ])
      }
      try db.execute(
        sql: """
          CREATE UNIQUE INDEX question_uid ON question (uid);
          CREATE UNIQUE INDEX organiser_answer_uid ON organiser_answer (uid);
          """)
    }
    return migrator
  }

  /// Stores a parsed file in one transaction: all of it or, on any failure, nothing. The same
  /// file (by its digest) for the same session again changes nothing.
  public func importNotes(
    _ notes: ParsedNotes, source: String, digest: String, session: String?, speaker: String?,
    language: Language, now: Date, origin: NotesOrigin = .recorded, sources: [String] = [],
    mentions: MentionFinder? = nil
  ) throws(KnowledgeStoreError) -> ImportOutcome {
    let chunks = Chunker.chunks(notes)
    // Indexed, language-read and recognised before the transaction, on every core: the writer
    // is held only to write.
    let prepared = ChunkPreparation.prepare(chunks, language: language, mentions: mentions)
    let stamp = ISO8601DateFormatter().string(from: now)
    return try write { db -> ImportOutcome in
      if let existing = try Int64.fetchOne(
        db, sql: "SELECT id FROM document WHERE digest = ? AND session IS ?",
        arguments: [digest, session])
      {
        return .unchanged(document: existing)
      }
      try db.execute(
        sql: """
          INSERT INTO document (source, digest, kind, session, speaker, language, importedAt,
            origin, sources)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          source, digest, notes.kind.rawValue, session, speaker, language.rawValue, stamp,
          origin.rawValue, sources.joined(separator: "\n"),
        ])
      let document = db.lastInsertedRowID
      let insertChunk = try db.makeStatement(
        sql: """
          INSERT INTO chunk (document, position, role, startMs, endMs, speaker, asker, language,
            text, line)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let insertTerms = try db.makeStatement(
        sql: "INSERT INTO chunk_search (rowid, terms) VALUES (?, ?)")
      let insertMention = try db.makeStatement(
        sql: "INSERT INTO chunk_mention (chunk, type, id) VALUES (?, ?, ?)")
      var indexed: [String] = []
      indexed.reserveCapacity(chunks.count)
      for (position, piece) in chunks.enumerated() {
        let ready = prepared[position]
        try insertChunk.execute(arguments: [
          document, position, piece.role.rawValue, piece.startMilliseconds,
          piece.endMilliseconds, piece.speaker, piece.asker, ready.language.rawValue, piece.text,
          piece.line,
        ])
        let chunk = db.lastInsertedRowID
        try insertTerms.execute(arguments: [chunk, ready.terms])
        indexed.append(ready.terms)
        for mention in ready.mentions {
          try insertMention.execute(arguments: [chunk, mention.type, mention.id])
        }
      }
      try PassageRanking.count(db, passages: indexed, sign: 1)
      return .imported(document: document, chunks: chunks.count)
    }
  }

  /// The stored documents, newest first; those of one session, and those with a passage
  /// mentioning a record (`Mention(type: "topic", id: "robotics")`), when given.
  public func documents(session: String? = nil, mentioning: Mention? = nil)
    throws(KnowledgeStoreError) -> [StoredDocument]
  {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT document.*, (SELECT count(*) FROM chunk WHERE chunk.document = document.id) AS chunks
          FROM document WHERE (?1 IS NULL OR session = ?1)
            AND (?2 IS NULL OR id IN (SELECT chunk.document FROM chunk_mention
              JOIN chunk ON chunk.id = chunk_mention.chunk
              WHERE chunk_mention.type = ?2 AND chunk_mention.id = ?3))
          ORDER BY id DESC
          """, arguments: [session, mentioning?.type, mentioning?.id]
      ).compactMap(Self.document)
    }
  }

  /// How many documents mention each record of a type ("topic"), most first.
  public func mentioned(type: String) throws(KnowledgeStoreError) -> [(id: String, documents: Int)]
  {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT chunk_mention.id AS id, count(DISTINCT chunk.document) AS documents
          FROM chunk_mention JOIN chunk ON chunk.id = chunk_mention.chunk
          WHERE chunk_mention.type = ? GROUP BY chunk_mention.id ORDER BY documents DESC, id
          """, arguments: [type]
      ).map { (id: $0["id"], documents: $0["documents"]) }
    }
  }

  /// A document and its chunks in order.
  public func document(_ id: Int64) throws(KnowledgeStoreError) -> (
    StoredDocument, [StoredChunk]
  )? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT document.*, (SELECT count(*) FROM chunk WHERE chunk.document = document.id)
              AS chunks FROM document WHERE id = ?
            """, arguments: [id]),
        let document = Self.document(row)
      else { return nil }
      var chunks = try Row.fetchAll(
        db, sql: "SELECT * FROM chunk WHERE document = ? ORDER BY position", arguments: [id]
      ).compactMap(Self.chunk)
      var mentions: [Int64: [Mention]] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT chunk_mention.* FROM chunk_mention JOIN chunk ON chunk.id = chunk_mention.chunk
          WHERE chunk.document = ? ORDER BY type, chunk_mention.id
          """, arguments: [id])
      {
        mentions[row["chunk"], default: []].append(Mention(type: row["type"], id: row["id"]))
      }
      for index in chunks.indices { chunks[index].mentions = mentions[chunks[index].id] ?? [] }
      return (document, chunks)
    }
  }

  /// Removes the document of a file (by its digest) for a session, as a fleet's organisers
  /// take a published file back; false when this store has none.
  public func removeNotes(digest: String, session: String?) throws(KnowledgeStoreError) -> Bool {
    let found = try read { db in
      try Int64.fetchOne(
        db, sql: "SELECT id FROM document WHERE digest = ? AND session IS ?",
        arguments: [digest, session])
    }
    guard let found else { return false }
    return try remove(found)
  }

  /// Removes a document and its chunks; false when there is none with that id.
  public func remove(_ id: Int64) throws(KnowledgeStoreError) -> Bool {
    try write { db in
      let passages = try String.fetchAll(
        db,
        sql: """
          SELECT chunk_search.terms FROM chunk_search JOIN chunk ON chunk.id = chunk_search.rowid
          WHERE chunk.document = ?
          """, arguments: [id])
      try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
      guard db.changesCount > 0 else { return false }
      try PassageRanking.count(db, passages: passages, sign: -1)
      return true
    }
  }

  /// The passages that hold every term of the query, best first (bm25); when none holds them
  /// all, those that hold most of them.
  public func search(_ query: String, limit: Int = 10) throws(KnowledgeStoreError) -> [SearchHit] {
    let terms = SearchTerms.query(query)
    guard !terms.isEmpty, limit > 0 else { return [] }
    let quoted = terms.map(Self.quoted)
    return try read { db in
      var ranked = try PassageRanking.ranked(
        db, match: quoted.joined(separator: " "), terms: terms, limit: limit)
      if ranked.isEmpty && terms.count > 1 {
        ranked = try PassageRanking.ranked(
          db, match: quoted.joined(separator: " OR "), terms: terms, limit: limit)
      }
      return try Self.hits(db, ranked) { _ in terms }
    }
  }

  /// The passages a question asks for: holding any of the phrases (all the words of one; none
  /// given: every passage), by the speaker (their id on the file, or a name on the passage)
  /// and in the session when given, best first.
  public func passages(_ query: NotesQuery) throws(KnowledgeStoreError) -> [SearchHit] {
    let groups = query.phrases.map(SearchTerms.query).filter { !$0.isEmpty }
    if !query.phrases.isEmpty && groups.isEmpty { return [] }
    let match = groups.map { "(" + $0.map(Self.quoted).joined(separator: " ") + ")" }
      .joined(separator: " OR ")
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []
    if let speaker = query.speaker {
      let names = query.speakerNames.map { $0.lowercased() }
      conditions.append(
        "(document.speaker = ? OR lower(chunk.speaker) IN (\(names.map { _ in "?" }.joined(separator: ", "))))"
      )
      arguments.append(speaker)
      arguments += names
    }
    if let session = query.session {
      conditions.append("document.session = ?")
      arguments.append(session)
    }
    if let role = query.role {
      conditions.append("chunk.role = ?")
      arguments.append(role.rawValue)
    }
    let limit = max(1, query.limit)
    // Only the words of a phrase the passage holds whole are marked ("der" of one name of a
    // topic is not a match in a German sentence).
    let marked = { (text: String) -> [String] in
      let folded = TextFolding.fold(text)
      return groups.filter { group in group.allSatisfy { folded.contains($0) } }.flatMap { $0 }
    }
    return try read { db in
      if match.isEmpty {
        let ids = try Int64.fetchAll(
          db,
          sql: """
            SELECT chunk.id FROM chunk JOIN document ON document.id = chunk.document
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY document.id, chunk.position LIMIT ?
            """, arguments: StatementArguments(arguments + [limit]))
        return try Self.hits(db, ids.map { (id: $0, score: 0) }, marked: marked)
      }
      let terms = Array(Set(groups.flatMap { $0 })).sorted()
      guard !conditions.isEmpty else {
        return try Self.hits(
          db, PassageRanking.ranked(db, match: match, terms: terms, limit: limit), marked: marked)
      }
      // A session or a speaker is a few documents: their passages are read, not every match.
      var documentConditions: [String] = []
      var documentArguments: [(any DatabaseValueConvertible)?] = []
      if let session = query.session {
        documentConditions.append("document.session = ?")
        documentArguments.append(session)
      }
      if let speaker = query.speaker {
        let names = query.speakerNames.map { $0.lowercased() }
        documentConditions.append(
          """
          (document.speaker = ? OR document.id IN (SELECT document FROM chunk
            WHERE lower(speaker) IN (\(names.map { _ in "?" }.joined(separator: ", ")))))
          """)
        documentArguments.append(speaker)
        documentArguments += names
      }
      let documentFilter = documentConditions.joined(separator: " AND ")
      let ranges = try Row.fetchAll(
        db,
        sql: """
          SELECT min(chunk.id) AS low, max(chunk.id) AS high FROM document
          JOIN chunk ON chunk.document = document.id
          WHERE \(documentFilter) GROUP BY document.id
          """, arguments: StatementArguments(documentArguments)
      ).compactMap { row -> ClosedRange<Int64>? in
        guard let low: Int64 = row["low"], let high: Int64 = row["high"], low <= high else {
          return nil
        }
        return low...high
      }
      let ranked = try PassageRanking.ranked(
        db, match: match, terms: terms,
        joins:
          "JOIN chunk ON chunk.id = chunk_search.rowid JOIN document ON document.id = chunk.document",
        conditions: conditions, arguments: arguments, within: ranges, limit: limit)
      return try Self.hits(db, ranked, marked: marked)
    }
  }

  static func quoted(_ term: String) -> String {
    "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The ranked passages with their documents, in the ranking's order.
  static func hits(
    _ db: Database, _ ranked: [(id: Int64, score: Double)], marked: (String) -> [String]
  ) throws -> [SearchHit] {
    guard !ranked.isEmpty else { return [] }
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT chunk.*, document.source AS source, document.session AS documentSession,
          document.speaker AS documentSpeaker, document.origin AS origin
        FROM chunk JOIN document ON document.id = chunk.document
        WHERE chunk.id IN (\(ranked.map { _ in "?" }.joined(separator: ", ")))
        """, arguments: StatementArguments(ranked.map(\.id)))
    var byID: [Int64: Row] = [:]
    for row in rows { byID[row["id"]] = row }
    return ranked.compactMap { entry -> SearchHit? in
      guard let row = byID[entry.id], let chunk = chunk(row) else { return nil }
      return SearchHit(
        chunk: chunk, source: row["source"], session: row["documentSession"],
        speaker: chunk.speaker ?? row["documentSpeaker"], speakerID: row["documentSpeaker"],
        snippet: Snippet.marked(chunk.text, terms: marked(chunk.text)),
        origin: NotesOrigin(rawValue: row["origin"] ?? "") ?? .recorded, score: entry.score)
    }
  }

  func read<T>(_ body: (Database) throws -> T) throws(KnowledgeStoreError) -> T {
    do {
      return try pool.read(body)
    } catch {
      throw KnowledgeStoreError(path: path, message: Self.explain(error))
    }
  }

  /// One write transaction: all of `body` or, on any failure, nothing; the failure explained.
  func write<T>(_ body: (Database) throws -> T) throws(KnowledgeStoreError) -> T {
    do {
      return try pool.write(body)
    } catch {
      throw KnowledgeStoreError(path: path, message: Self.explain(error))
    }
  }

  static func document(_ row: Row) -> StoredDocument? {
    guard let kind = ParsedNotes.Kind(rawValue: row["kind"]),
      let language = Language(rawValue: row["language"])
    else { return nil }
    let sources: String = row["sources"] ?? ""
    return StoredDocument(
      id: row["id"], source: row["source"], kind: kind, session: row["session"],
      speaker: row["speaker"], language: language, importedAt: row["importedAt"],
      chunks: row["chunks"], origin: NotesOrigin(rawValue: row["origin"] ?? "") ?? .recorded,
      sources: sources.split(separator: "\n").map(String.init))
  }

  static func chunk(_ row: Row) -> StoredChunk? {
    guard let role = PieceRole(rawValue: row["role"]),
      let language = Language(rawValue: row["language"])
    else { return nil }
    return StoredChunk(
      id: row["id"], document: row["document"], position: row["position"], role: role,
      startMilliseconds: row["startMs"], speaker: row["speaker"], asker: row["asker"],
      language: language, text: row["text"], line: row["line"])
  }
}

/// A passage with the query's words marked.
enum Snippet {
  static let width = 200

  /// The text around the first match (or its start), with every match between « and ».
  static func marked(_ text: String, terms: [String]) -> String {
    var ranges: [Range<String.Index>] = []
    for term in terms where !term.isEmpty {
      let isHan = term.unicodeScalars.contains { $0.properties.isIdeographic }
      var from = text.startIndex
      while let found = text.range(
        of: term, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex)
      {
        from = found.upperBound
        // A Latin term is a whole word ("ai" is not in "said"), or its start ("talk" in "talks").
        if !isHan {
          let before =
            found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
          if before.isLetter || before.isNumber { continue }
        }
        ranges.append(found)
      }
    }
    ranges.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<String.Index>] = []
    for range in ranges {
      // Overlapping, or words next to each other ("«open source»"), are one mark.
      if let last = merged.last,
        range.lowerBound <= last.upperBound
          || text[last.upperBound..<range.lowerBound].allSatisfy({ $0 == " " })
      {
        merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    var start = text.startIndex
    if let first = merged.first,
      text.distance(from: text.startIndex, to: first.lowerBound) > width / 3
    {
      start = text.index(first.lowerBound, offsetBy: -(width / 3))
      // From the start of a word: the next space's after, when one comes before the match.
      if let space = text[start..<first.lowerBound].firstIndex(of: " ") {
        start = text.index(after: space)
      }
    }
    let end = text.index(start, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
    var result = start > text.startIndex ? "…" : ""
    var position = start
    for range in merged where range.lowerBound >= start && range.upperBound <= end {
      result += text[position..<range.lowerBound] + "«" + text[range] + "»"
      position = range.upperBound
    }
    result += text[position..<end]
    if end < text.endIndex { result += "…" }
    return result
  }
}

/// What a passage is stored with, worked out before the write transaction.
struct PreparedChunk: Sendable {
  /// Its search terms: the speaker's and asker's names, then its own words.
  var terms = ""
  /// The language of its own words (a bilingual talk's Chinese cues are Chinese).
  var language = Language.en
  /// What it mentions, sorted and without repeats.
  var mentions: [Mention] = []
}

/// Indexes, reads the language of and recognises many passages on all cores.
enum ChunkPreparation {
  /// Each passage prepared, in the passages' order.
  static func prepare(
    _ chunks: [ParsedNotes.Piece], language: Language, mentions finder: MentionFinder?
  )
    -> [PreparedChunk]
  {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, chunks.count))
    let results = Results(count: chunks.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var local: [(Int, PreparedChunk)] = []
      var index = worker
      while index < chunks.count {
        local.append((index, prepare(chunks[index], language: language, mentions: finder)))
        index += workers
      }
      results.store(local)
    }
    return results.values
  }

  static func prepare(
    _ piece: ParsedNotes.Piece, language: Language, mentions finder: MentionFinder?
  )
    -> PreparedChunk
  {
    // Indexed apart (terms never span a space, so this is the whole's index): the passage's own
    // words say its language, the names before it do not.
    let textTerms = SearchTerms.indexed(piece.text)
    let nameTerms = SearchTerms.indexed(
      [piece.speaker, piece.asker].compactMap { $0 }.joined(separator: " "))
    let found =
      finder.map { find in
        Array(Set(find([piece.speaker, piece.text].compactMap { $0 }.joined(separator: ": "))))
          .sorted()
      } ?? []
    return PreparedChunk(
      terms: [nameTerms, textTerms].filter { !$0.isEmpty }.joined(separator: " "),
      language: TextLanguage.passage(terms: textTerms, fallback: language), mentions: found)
  }

  /// The workers' results, written under a lock.
  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [PreparedChunk]

    init(count: Int) { stored = Array(repeating: PreparedChunk(), count: count) }

    func store(_ found: [(Int, PreparedChunk)]) {
      lock.lock()
      for (index, prepared) in found where stored.indices.contains(index) {
        stored[index] = prepared
      }
      lock.unlock()
    }

    var values: [PreparedChunk] {
      lock.lock()
      defer { lock.unlock() }
      return stored
    }
  }
}
