import Foundation
internal import GRDB

/// bm25 computed by the store rather than by FTS5, over the newest matching passages.
///
/// FTS5's own `bm25()` counts, on every query, the passages holding each term by walking the
/// term's whole list: 8 ms for a word in all of 100,000 passages, however few rows are ranked.
/// The store keeps those counts itself (`term_stats`, updated by every import and removal), so
/// a query costs the matching passages it reads, and at most `candidates` of them: below that
/// many matches the ranking is exact; above, the best of the newest are returned, which during
/// an event are the ones a visitor asks about.
enum PassageRanking {
  static let candidates = 250
  static let k1 = 1.2
  static let b = 0.75

  /// What the store knows of all its passages: how many, and how long on average.
  struct Totals {
    var passages: Int
    var terms: Int
    var averageLength: Double { passages > 0 ? Double(terms) / Double(passages) : 1 }
  }

  /// The newest `candidates` passages matching an FTS5 expression and the other conditions,
  /// best first by bm25 over the query's terms, at most `limit` of them: (chunk id, score).
  /// With `within`, only passages in those ranges of chunk ids (one per document: a document's
  /// chunks are written together) are read, each range on its own.
  static func ranked(
    _ db: Database, match: String, terms: [String], joins: String = "",
    conditions: [String] = [], arguments: [(any DatabaseValueConvertible)?] = [],
    within ranges: [ClosedRange<Int64>]? = nil, limit: Int
  ) throws -> [(id: Int64, score: Double)] {
    var rows: [Row] = []
    let filter = (["chunk_search MATCH ?"] + conditions).joined(separator: " AND ")
    let sql = """
      SELECT chunk_search.rowid AS id, chunk_search.terms AS terms FROM chunk_search \(joins)
      WHERE \(filter)\(ranges == nil ? "" : " AND chunk_search.rowid BETWEEN ? AND ?")
      ORDER BY chunk_search.rowid DESC LIMIT \(candidates)
      """
    if let ranges {
      for range in ranges {
        rows += try Row.fetchAll(
          db, sql: sql,
          arguments: StatementArguments([match] + arguments + [range.lowerBound, range.upperBound]))
      }
    } else {
      rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments([match] + arguments))
    }
    guard !rows.isEmpty else { return [] }
    let totals = try self.totals(db)
    let frequencies = try passagesHolding(db, terms)
    let scored = rows.map { row -> (id: Int64, score: Double) in
      let passageTerms: String = row["terms"] ?? ""
      return (row["id"], score(terms, in: passageTerms, frequencies: frequencies, totals: totals))
    }
    return Array(
      scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }.prefix(limit))
  }

  /// bm25 of one passage (its indexed terms, space-separated) for the query's terms. A term the
  /// passage holds only in another form ("talks" for "talk", as FTS5's stemmer matched it)
  /// counts once.
  static func score(
    _ terms: [String], in passage: String, frequencies: [String: Int], totals: Totals
  ) -> Double {
    var passage = passage
    return passage.withUTF8 { bytes in
      // Terms are separated by single spaces: counting bytes is enough, and fast.
      let length = bytes.reduce(into: 1) { count, byte in if byte == 0x20 { count += 1 } }
      let passages = Double(max(totals.passages, 1))
      let lengthFactor = 1 - b + b * Double(length) / max(totals.averageLength, 1)
      var score = 0.0
      for term in terms {
        let holding = Double(min(frequencies[term] ?? 1, max(totals.passages, 1)))
        let inverse = log(1 + (passages - holding + 0.5) / (holding + 0.5))
        var found = occurrences(of: term, in: bytes)
        if found == 0 && sharesStem(term, bytes) { found = 1 }
        guard found > 0 else { continue }
        let frequency = Double(found)
        score += inverse * frequency * (k1 + 1) / (frequency + k1 * lengthFactor)
      }
      return score
    }
  }

  /// Whether a word of the passage looks like another form of `term`: they share a beginning
  /// of three letters or more that leaves at most three letters of the shorter one.
  static func sharesStem(_ term: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var term = term
    return term.withUTF8 { wanted in
      guard wanted.count >= 3, wanted.allSatisfy({ $0 < 0x80 }) else { return false }
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x20 { end += 1 }
        var common = 0
        while common < wanted.count && start + common < end
          && bytes[start + common] == wanted[common]
        {
          common += 1
        }
        if common >= 3 && common >= min(wanted.count, end - start) - 3 { return true }
        start = end + 1
      }
      return false
    }
  }

  /// How often `term` is one of the space-separated terms in `bytes`.
  static func occurrences(of term: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var term = term
    return term.withUTF8 { wanted in
      guard !wanted.isEmpty, wanted.count <= bytes.count else { return 0 }
      var count = 0
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x20 { end += 1 }
        if end - start == wanted.count {
          var same = true
          for offset in 0..<wanted.count where bytes[start + offset] != wanted[offset] {
            same = false
            break
          }
          if same { count += 1 }
        }
        start = end + 1
      }
      return count
    }
  }

  static func totals(_ db: Database) throws -> Totals {
    let row = try Row.fetchOne(db, sql: "SELECT passages, terms FROM search_totals WHERE id = 1")
    return Totals(passages: row?["passages"] ?? 0, terms: row?["terms"] ?? 0)
  }

  static func passagesHolding(_ db: Database, _ terms: [String]) throws -> [String: Int] {
    guard !terms.isEmpty else { return [:] }
    let rows = try Row.fetchAll(
      db,
      sql:
        "SELECT term, passages FROM term_stats WHERE term IN (\(terms.map { _ in "?" }.joined(separator: ", ")))",
      arguments: StatementArguments(terms))
    return Dictionary(rows.map { ($0["term"], $0["passages"]) }, uniquingKeysWith: max)
  }

  /// Counts passages in (`sign` 1) or out (-1) of the statistics: each term once per passage.
  static func count(_ db: Database, passages: [String], sign: Int) throws {
    guard !passages.isEmpty else { return }
    var holding: [String: Int] = [:]
    var length = 0
    var seen = Set<String>()
    for passage in passages {
      seen.removeAll(keepingCapacity: true)
      for term in passage.utf8.split(separator: 0x20) {
        length += 1
        if let term = String(term), seen.insert(term).inserted { holding[term, default: 0] += 1 }
      }
    }
    let update = try db.cachedStatement(
      sql: """
        INSERT INTO term_stats (term, passages) VALUES (?, ?)
        ON CONFLICT (term) DO UPDATE SET passages = passages + excluded.passages
        """)
    for (term, count) in holding {
      try update.execute(arguments: [term, sign * count])
    }
    if sign < 0 { try db.execute(sql: "DELETE FROM term_stats WHERE passages <= 0") }
    try db.execute(
      sql: """
        INSERT INTO search_totals (id, passages, terms) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET passages = passages + excluded.passages,
          terms = terms + excluded.terms
        """, arguments: [sign * passages.count, sign * length])
  }
}
