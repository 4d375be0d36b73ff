import EventModel
import Foundation

/// Each session's title in every language, folded, with its words: what a question's topic
/// and title words are looked for in. A title is folded the first time an answer needs it and
/// kept, instead of for every session of every answer; the index of every title's words is
/// made on a thread of its own after start-up (`prepareIndex`), else by the first question that
/// looks for a title word. Shared by copies of the assistant; safe from several threads.
final class SessionTitleCache: @unchecked Sendable {
  /// A title folded, and its words.
  struct FoldedTitle: Sendable {
    let text: String
    let words: [Substring]

    init(_ title: String) {
      text = TextFolding.fold(title)
      words = Self.words(of: text)
    }

    /// The words of folded text: folding leaves letters, digits and Han characters with one
    /// space between runs, so the words are what lies between spaces (found on the bytes).
    static func words(of folded: String) -> [Substring] {
      var words: [Substring] = []
      let utf8 = folded.utf8
      var start = utf8.startIndex
      var index = start
      while index != utf8.endIndex {
        if utf8[index] == 0x20 {
          if start != index { words.append(folded[start..<index]) }
          start = utf8.index(after: index)
        }
        index = utf8.index(after: index)
      }
      if start != utf8.endIndex { words.append(folded[start..<utf8.endIndex]) }
      return words
    }
  }

  /// Where each title word is: Latin words whole, Han text by its pairs of characters.
  private struct WordIndex {
    /// By a hash of the word's bytes: each entry keeps its word, so that two words of one
    /// hash stay apart.
    var words: [UInt64: [(word: Substring, positions: [Int])]] = [:]
    var pairs: [UInt64: [Int]] = [:]

    /// FNV-1a of the bytes: hashing thousands of title words through `Hashable` (which
    /// normalises each slice) cost more than folding the titles.
    static func key(_ word: Substring) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
      return hash
    }

    mutating func add(_ word: Substring, at position: Int) {
      let key = Self.key(word)
      // Changed in place (a copy per word made the index quadratic in a common word's titles).
      if let found = words[key]?.firstIndex(where: { $0.word == word }) {
        // Positions come in order: a word twice in one title is filed once.
        if words[key, default: []][found].positions.last != position {
          words[key, default: []][found].positions.append(position)
        }
      } else {
        words[key, default: []].append((word, [position]))
      }
    }

    func positions(of word: Substring) -> [Int] {
      words[Self.key(word)]?.first { $0.word == word }?.positions ?? []
    }
  }

  /// Where the CJK blocks begin: pairs are filed by a first character from here on.
  private static let firstHan: UInt32 = 0x2E80

  /// Two Han characters as one key (each scalar fits in 21 bits).
  private static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
    UInt64(first.value) << 32 | UInt64(second.value)
  }

  private let catalog: EventCatalog
  private let lock = NSLock()
  // Guarded by `lock`; one entry per position in `pack.sessions`.
  private var titles: [[FoldedTitle]?]
  // Guarded by `lock`; made the first time a question's words are looked for in every title.
  private var index: WordIndex?
  // Guarded by `lock`; by topic id, the sessions whose titles name the topic: one entry per
  // topic of the pack at the most.
  private var topicNaming: [String: [Int: Int]] = [:]

  init(catalog: EventCatalog) {
    self.catalog = catalog
    titles = Array(repeating: nil, count: catalog.pack.sessions.count)
  }

  /// The folded title texts of the session at `position` in `pack.sessions`.
  func title(at position: Int) -> [FoldedTitle] {
    lock.lock()
    defer { lock.unlock() }
    return unlockedTitle(at: position)
  }

  private func unlockedTitle(at position: Int) -> [FoldedTitle] {
    if let known = titles[position] { return known }
    let made = catalog.pack.sessions[position].title.allTexts.map(FoldedTitle.init)
    titles[position] = made
    return made
  }

  /// The positions, in order, of the sessions whose titles have `word`: a whole Latin word, or
  /// Han text anywhere in a title. Looked up in an index of every title's words, not by reading
  /// a thousand titles per question.
  func sessions(having word: Assistant.TitleWord) -> [Int] {
    lock.lock()
    defer { lock.unlock() }
    let index = self.index ?? makeIndex()
    guard word.isHan else { return index.positions(of: Substring(word.text)) }
    // Han text: the titles that have each of its pairs of characters, then the whole of it.
    let scalars = Array(word.text.unicodeScalars)
    guard scalars.count >= 2 else { return [] }
    var candidates: [Int]?
    // Pairs are filed by a Han first character; the rest of the word is checked below.
    for start in 0..<(scalars.count - 1) where scalars[start].value >= Self.firstHan {
      let found = index.pairs[Self.pair(scalars[start], scalars[start + 1])] ?? []
      if let known = candidates {
        let wanted = Set(found)
        candidates = known.filter(wanted.contains)
      } else {
        candidates = found
      }
      if candidates?.isEmpty == true { return [] }
    }
    return (candidates ?? Array(titles.indices)).filter { position in
      unlockedTitle(at: position).contains { $0.text.containsBytes(of: word.text) }
    }
  }

  /// The sessions whose titles name a topic, by any of its names and aliases in any language
  /// ("AI Safety and Governance Forum" for AI safety), each with the length of the longest name
  /// found there: the longer, the more the title is about it. Kept per topic once found, so no
  /// question folds the topic's names again.
  func sessions(namingTopic topic: Topic) -> [Int: Int] {
    lock.lock()
    let known = topicNaming[topic.id]
    lock.unlock()
    if let known { return known }
    var found: [Int: Int] = [:]
    let words = (topic.name.allTexts + topic.aliases).map {
      Assistant.TitleWord(TextFolding.fold($0))
    }
    for word in words where word.counts {
      for position in findNaming(word) {
        found[position] = max(found[position] ?? 0, word.text.count)
      }
    }
    lock.lock()
    topicNaming[topic.id] = found
    lock.unlock()
    return found
  }

  /// The positions of the sessions whose titles name `word`: a whole Latin word, Han text
  /// anywhere, and a name of several Latin words looked up by each word, then found whole. The
  /// calls it makes take the lock.
  private func findNaming(_ word: Assistant.TitleWord) -> [Int] {
    guard !word.isHan && word.hasSpace else { return sessions(having: word) }
    var candidates: Set<Int>?
    for part in word.text.split(separator: " ") {
      let found = Set(sessions(having: Assistant.TitleWord(String(part))))
      candidates = candidates.map { $0.intersection(found) } ?? found
      if candidates?.isEmpty == true { return [] }
    }
    return (candidates ?? []).sorted().filter { position in
      title(at: position).contains { $0.text.containsBytes(of: word.text) }
    }
  }

  /// Makes the index of every title's words now, if no question has yet: on a thread of its
  /// own, so that the first question about a title word does not wait for a thousand titles.
  func prepareIndex() {
    lock.lock()
    defer { lock.unlock() }
    if index == nil { _ = makeIndex() }
  }

  private func makeIndex() -> WordIndex {
    var made = WordIndex()
    for position in titles.indices {
      var pairs = Set<UInt64>()
      for title in unlockedTitle(at: position) {
        for word in title.words { made.add(word, at: position) }
        var previous: Unicode.Scalar?
        for scalar in title.text.unicodeScalars {
          // Only text with Han characters is looked for by pairs; an ASCII title has none.
          if let first = previous, first.value >= Self.firstHan {
            pairs.insert(Self.pair(first, scalar))
          }
          previous = scalar
        }
      }
      for pair in pairs { made.pairs[pair, default: []].append(position) }
    }
    index = made
    return made
  }
}
