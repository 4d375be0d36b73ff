import EventModel
import Foundation
import GRDB
import Testing

@testable import Knowledge

@Suite("Ranking by the store's own term counts")
struct PassageRankingTests {
  /// A talk where "robot" is in every passage and "mahjong" in one.
  static let talk = (0..<12).map { index in
    "Speaker \(index): the robot \(index == 7 ? "plays mahjong with visitors" : "walks on stage") today."
  }.joined(separator: "\n\n")

  static func imported(_ scratch: ScratchStore, text: String = talk, name: String = "talk.md")
    throws -> KnowledgeStore
  {
    let store = try scratch.open()
    let data = Data(text.utf8)
    _ = try store.importNotes(
      try NotesFileReader.read(data, fileName: name), source: name,
      digest: NotesDigest.of(data), session: name, speaker: nil, language: .en, now: Date())
    return store
  }

  @Test("the passage holding the rarer word comes first")
  func rareWordFirst() throws {
    let scratch = ScratchStore()
    let store = try Self.imported(scratch)
    let hits = try store.search("robot mahjong", limit: 3)
    #expect(hits.count == 1)
    #expect(hits.first?.chunk.text.contains("mahjong") == true)
    // When no passage holds both words, the ones holding either come, the rarer word's first.
    let either = try store.search("mahjong dinosaur robot", limit: 3)
    #expect(either.first?.chunk.text.contains("mahjong") == true)
    #expect(either.count == 3)
  }

  @Test("the counts follow imports and removals, and a migrated store counts what it had")
  func countsBalance() throws {
    let scratch = ScratchStore()
    let store = try Self.imported(scratch)
    let other = "A second talk about robot dogs.\n\nAnd about chips."
    _ = try Self.imported(scratch, text: other, name: "second.md")
    let counted = try store.pool.read { db in
      (try PassageRanking.totals(db), try PassageRanking.passagesHolding(db, ["robot", "chips"]))
    }
    #expect(counted.0.passages == 14)
    #expect(counted.1["robot"] == 13 && counted.1["chips"] == 1)
    // Counting again from the index (as the migration does) gives the same figures.
    let recounted = try store.pool.write { db -> (PassageRanking.Totals, [String: Int]) in
      try db.execute(
        sql: "DELETE FROM term_stats; UPDATE search_totals SET passages = 0, terms = 0")
      let passages = try String.fetchAll(db, sql: "SELECT terms FROM chunk_search")
      try PassageRanking.count(db, passages: passages, sign: 1)
      return (
        try PassageRanking.totals(db), try PassageRanking.passagesHolding(db, ["robot", "chips"])
      )
    }
    #expect(recounted.0.passages == counted.0.passages && recounted.0.terms == counted.0.terms)
    #expect(recounted.1 == counted.1)
    for document in try store.documents() { #expect(try store.remove(document.id)) }
    let emptied = try store.pool.read { db in
      (try PassageRanking.totals(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM term_stats"))
    }
    #expect(emptied.0.passages == 0 && emptied.0.terms == 0 && emptied.1 == 0)
  }

  @Test("bm25: more of a rare term and a shorter passage score higher")
  func scores() {
    let totals = PassageRanking.Totals(passages: 100, terms: 1_000)
    let frequencies = ["rare": 2, "common": 90]
    let rare = PassageRanking.score(
      ["rare"], in: "rare a b c", frequencies: frequencies, totals: totals)
    let common = PassageRanking.score(
      ["common"], in: "common a b c", frequencies: frequencies, totals: totals)
    let twice = PassageRanking.score(
      ["rare"], in: "rare rare a b", frequencies: frequencies, totals: totals)
    let longer = PassageRanking.score(
      ["rare"], in: "rare " + Array(repeating: "x", count: 40).joined(separator: " "),
      frequencies: frequencies, totals: totals)
    #expect(rare > common && twice > rare && rare > longer)
    // A term found in another form counts once; a term not there counts nothing.
    #expect(
      PassageRanking.score(["rare"], in: "rarely a b c", frequencies: frequencies, totals: totals)
        == rare)
    #expect(
      PassageRanking.score(["rare"], in: "ra b c d", frequencies: frequencies, totals: totals) == 0)
  }
}

@Suite("What passages mention")
struct MentionTests {
  @Test("mentions are stored with their passage, found by record, and go with it")
  func mentions() throws {
    let scratch = ScratchStore()
    let store = try scratch.open()
    let data = Data("Unitree robots dance.\n\nChips by Huawei.\n\nNothing here.".utf8)
    // A finder standing in for the matcher: names by their first letters.
    let finder: MentionFinder = { text in
      (text.contains("Unitree") ? [Mention(type: "exhibitor", id: "unitree")] : [])
        + (text.contains("Huawei") ? [Mention(type: "exhibitor", id: "huawei")] : [])
        + (text.contains("robots") ? [Mention(type: "topic", id: "robotics")] : [])
    }
    guard
      case .imported(let id, _) = try store.importNotes(
        try NotesFileReader.read(data, fileName: "n.md"), source: "n.md",
        digest: NotesDigest.of(data), session: "s", speaker: nil, language: .en, now: Date(),
        mentions: finder)
    else {
      Issue.record("not imported")
      return
    }
    let chunks = try #require(try store.document(id)).1
    #expect(
      chunks.map(\.mentions) == [
        [Mention(type: "exhibitor", id: "unitree"), Mention(type: "topic", id: "robotics")],
        [Mention(type: "exhibitor", id: "huawei")], [],
      ])
    #expect(try store.documents(mentioning: Mention(type: "topic", id: "robotics")).count == 1)
    #expect(try store.documents(mentioning: Mention(type: "topic", id: "governance")).isEmpty)
    #expect(try store.mentioned(type: "exhibitor").map(\.id) == ["huawei", "unitree"])
    #expect(try store.remove(id))
    #expect(try store.mentioned(type: "exhibitor").isEmpty)
  }
}

@Suite("Each passage's language")
struct PassageLanguageTests {
  @Test("a bilingual talk keeps each passage's own language; short cues keep the file's")
  func bilingual() throws {
    let scratch = ScratchStore()
    let store = try scratch.open()
    let text = """
      WEBVTT

      00:00:01.000 --> 00:00:05.000
      We think that the safety of models is not a detail.

      00:10:00.000 --> 00:10:06.000
      具身智能会改变制造业。

      00:20:00.000 --> 00:20:06.000
      Wir glauben, dass die Sicherheit der Modelle nicht nebensächlich ist.

      00:30:00.000 --> 00:30:02.000
      Okay.
      """
    let data = Data(text.utf8)
    guard
      case .imported(let id, _) = try store.importNotes(
        try NotesFileReader.read(data, fileName: "talk.vtt"), source: "talk.vtt",
        digest: NotesDigest.of(data), session: "s", speaker: nil, language: .en, now: Date())
    else {
      Issue.record("not imported")
      return
    }
    let chunks = try #require(try store.document(id)).1
    #expect(chunks.map(\.language) == [.en, .zh, .de, .en])
    #expect(TextLanguage.passage(terms: SearchTerms.indexed("Okay."), fallback: .de) == .de)
    let english = SearchTerms.indexed("The model and the data are open to all of us.")
    #expect(TextLanguage.passage(terms: english, fallback: .zh) == .en)
    let german = SearchTerms.indexed("Für uns ist das nicht wichtig.")
    #expect(TextLanguage.passage(terms: german, fallback: .en) == .de)
  }
}
