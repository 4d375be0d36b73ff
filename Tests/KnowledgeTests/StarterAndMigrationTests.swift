import EventModel
import Foundation
import GRDB
import Testing

@testable import Knowledge

@Suite("The pack's starter notes, and a store from an older hiwaic")
struct StarterAndMigrationTests {
  static let waic = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Data/waic2025")

  @Test("the WAIC pack's starter notes go in once, as reported, with their sources")
  func starter() throws {
    let scratch = ScratchStore()
    let store = try scratch.open()
    let now = Date(timeIntervalSince1970: 1_753_500_000)
    let first = try StarterNotes.importAll(packDirectory: Self.waic, into: store, now: now)
    #expect(first >= 3)
    #expect(try StarterNotes.importAll(packDirectory: Self.waic, into: store, now: now) == 0)
    let documents = try store.documents()
    #expect(documents.count == first)
    #expect(documents.allSatisfy { $0.origin == .reported && !$0.sources.isEmpty })
    // Every source is a seed, the fact sheet or a web address.
    for source in documents.flatMap(\.sources) {
      #expect(Provenance.isWellFormedSource(source), "\(source)")
    }
    let quote = try #require(try store.search("multilateral cooperation").first)
    #expect(quote.speakerID == "li-qiang" && quote.session == "opening-ceremony")
    #expect(quote.origin == .reported)
    // A pack without starter notes imports nothing.
    let bare = scratch.directory.appendingPathComponent("bare-pack")
    try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
    #expect(try StarterNotes.importAll(packDirectory: bare, into: store, now: now) == 0)
  }

  @Test("a store made by the first schema is brought up to date and keeps its notes")
  func olderSchema() throws {
    let scratch = ScratchStore()
    try FileManager.default.createDirectory(
      at: scratch.directory, withIntermediateDirectories: true)
    // The first version's schema, as a store written then has it.
    let old = try DatabaseQueue(path: scratch.path)
    try old.write { db in
      try db.execute(
        sql: """
          CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
          INSERT INTO grdb_migrations VALUES ('v1: documents, chunks, full-text search');
          CREATE TABLE document (id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL,
            digest TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('talk', 'qa')), session TEXT,
            speaker TEXT, language TEXT NOT NULL, importedAt TEXT NOT NULL,
            UNIQUE (digest, session));
          CREATE TABLE chunk (id INTEGER PRIMARY KEY AUTOINCREMENT,
            document INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('talk', 'question', 'answer')), startMs INTEGER,
            endMs INTEGER, speaker TEXT, asker TEXT, language TEXT NOT NULL, text TEXT NOT NULL,
            line INTEGER NOT NULL, UNIQUE (document, position));
          CREATE VIRTUAL TABLE chunk_search USING fts5(
            terms, tokenize = 'porter unicode61 remove_diacritics 2');
          CREATE TRIGGER chunk_removed AFTER DELETE ON chunk BEGIN
            DELETE FROM chunk_search WHERE rowid = old.id; END;
          INSERT INTO document VALUES (1, 'old.vtt', '1-a', 'talk', 'main-forum', NULL, 'en',
            '2025-07-26T06:00:00Z');
          INSERT INTO chunk VALUES (1, 1, 0, 'talk', 1000, 2000, NULL, NULL, 'en',
            'An old passage about robots.', 3);
          INSERT INTO chunk_search (rowid, terms) VALUES (1, 'an old passage about robots');
          """)
    }
    try old.close()
    let store = try scratch.open()
    let document = try #require(try store.documents().first)
    #expect(document.source == "old.vtt" && document.origin == .recorded)
    #expect(try store.search("robots").first?.chunk.text == "An old passage about robots.")
  }
}
