import EventModel

/// Corrects misspelt Latin words against the words of the pack's names (symmetric-delete index):
/// one edit for words of five to seven letters, two from eight (keeping the first and last
/// letters); never for shorter words, numbers or ordinary words the lexicon knows.
struct Vocabulary: Sendable {
  private var words: [String] = []
  private var wordSet = StringTable<Bool>()
  /// Hashes of every byte string made by deleting up to one character (two from eight letters)
  /// from a word, to the words. A hash collision only adds a candidate that the edit distance
  /// check then rejects, so hashes serve as keys without building a string per deletion.
  private var deletes = DeletionTable()

  /// Lexicon words (cues, times) that are not also names: their languages. They are targets only
  /// for longer misspellings in the same language, so that "drain" never becomes "train" and
  /// English "better" never becomes German "wetter".
  private var lexiconLanguages: [Int32: Set<Language>] = [:]

  init(words input: Set<String>, lexiconWords: [String: Set<Language>] = [:]) {
    // Every (deletion, word) pair in one flat list, filed in the table at the end: a list per
    // deletion would be tens of thousands of small arrays, most of the index's build time.
    var deletionKeys: [UInt64] = []
    var deletionWords: [Int32] = []
    defer {
      self.deletes = DeletionTable(keys: deletionKeys, words: deletionWords)
      wordSet = StringTable(set: words)
    }
    let all = input.union(lexiconWords.keys)
    for word in all.sorted() where word.count >= 4 && !word.contains(where: \.isNumber) {
      if !input.contains(word), let languages = lexiconWords[word] {
        lexiconLanguages[Int32(words.count)] = languages
      }
      let id = Int32(words.count)
      words.append(word)
      Self.forEachDeletion(of: Array(word.utf8), depth: word.count >= 8 ? 2 : 1) { hash in
        // Filed under the table's key, so that a hash of zero and one of one share a list.
        deletionKeys.append(OpenAddressing.key(hash))
        deletionWords.append(id)
      }
    }
  }

  func contains(_ word: String) -> Bool { wordSet.contains(word) }

  /// The closest pack words, all at the smallest distance found; empty when none is close enough.
  func corrections(for word: String, language: Language? = nil) -> [String] {
    let length = word.count
    // Names are short: a 40-letter "word" is noise, and correcting it would cost O(n³).
    guard length >= 5, length <= 32, !wordSet.contains(word), !word.contains(where: \.isNumber)
    else {
      return []
    }
    let allowed = length >= 8 ? 2 : 1
    // Every deletion's hash first, then every lookup: the table is large, most lookups miss
    // the cache, and lookups one after another let the processor wait for several at once.
    var hashes: [UInt64] = []
    Self.forEachDeletion(of: Array(word.utf8), depth: allowed) { hashes.append($0) }
    var candidates: [Int32] = []
    for hash in hashes { deletes.forEachWord(hash) { candidates.append($0) } }
    candidates.sort()
    let characters = Array(word)
    var best = allowed + 1
    var found: [String] = []
    var previous: Int32 = -1
    for id in candidates where id != previous {
      previous = id
      let candidate = words[Int(id)]
      if let languages = lexiconLanguages[id] {
        guard length >= 6, let language, languages.contains(language) else { continue }
      }
      let candidateCharacters = Array(candidate)
      let distance = NameSuggestions.editDistance(characters, candidateCharacters, limit: allowed)
      // Two edits apart, a word that also changes its first or last letter is more often
      // another word than a slip of the fingers: "Hongqiao" (a station) is not "Hongxia" (a
      // speaker), while "robtoics" and "huaewi" keep both ends.
      if distance == 2
        && (characters.first != candidateCharacters.first
          || characters.last != candidateCharacters.last)
        && !Self.isInflection(characters, of: candidateCharacters)
      {
        continue
      }
      if distance < best {
        best = distance
        found = [candidate]
      } else if distance == best {
        found.append(candidate)
      }
    }
    return best <= allowed ? found : []
  }

  /// Endings German adds to a word ("selbstfahrend" → "selbstfahrenden", "rot" → "roter").
  static let inflectionEndings: Set<String> = ["e", "n", "s", "en", "er", "es", "em"]

  /// Whether `word` is `stem` with an inflection ending: a change at the end of a word that is
  /// grammar, not a slip, and keeps the word.
  static func isInflection(_ word: [Character], of stem: [Character]) -> Bool {
    word.count > stem.count && word.starts(with: stem)
      && inflectionEndings.contains(String(word[stem.count...]))
  }

  /// Calls `body` with the FNV-1a hash of the bytes and of every byte string made by deleting up
  /// to `depth` bytes (repeats possible).
  static func forEachDeletion(of bytes: [UInt8], depth: Int, _ body: (UInt64) -> Void) {
    // FNV-1a runs through the bytes in order, so the hash of the bytes before a deletion is
    // carried on, not computed again for each deletion: the same hashes, a third of the work.
    let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    body(hash(bytes, from: 0, continuing: offset))
    guard depth >= 1 else { return }
    var beforeFirst = offset
    for first in bytes.indices {
      body(hash(bytes, from: first + 1, continuing: beforeFirst))
      if depth >= 2 {
        var beforeSecond = beforeFirst
        for second in (first + 1)..<bytes.count {
          body(hash(bytes, from: second + 1, continuing: beforeSecond))
          beforeSecond = step(beforeSecond, bytes[second])
        }
      }
      beforeFirst = step(beforeFirst, bytes[first])
    }
  }

  @inline(__always)
  private static func step(_ value: UInt64, _ byte: UInt8) -> UInt64 {
    (value ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// The hash `value` carried on over `bytes[start...]`.
  private static func hash(_ bytes: [UInt8], from start: Int, continuing value: UInt64) -> UInt64 {
    var value = value
    var index = start
    while index < bytes.count {
      value = step(value, bytes[index])
      index += 1
    }
    return value
  }
}

/// Deletion hashes to the words they come from: open addressing over a power-of-two table, each
/// slot naming a run of `ids`. Looked up dozens of times per misspelt word, where a dictionary's
/// seeded hash of each key cost more than the rest of the lookup.
struct DeletionTable: Sendable {
  private var keys: [UInt64] = []
  private var starts: [Int32] = []
  private var counts: [Int32] = []
  private var ids: [Int32] = []
  private var shift: UInt64 = 63

  init() {}

  /// The table of `(keys[i], words[i])` pairs (keys are `OpenAddressing.key` of a hash): each
  /// key's words in the order given, a word given twice in a row under one key kept once.
  init(keys pairKeys: [UInt64], words pairWords: [Int32]) {
    guard !pairKeys.isEmpty, pairKeys.count == pairWords.count else { return }
    // The distinct keys first, in a scratch table with room for every pair, so that the table
    // kept is sized for the keys, not the pairs.
    let (scratchSize, scratchShift) = OpenAddressing.layout(for: pairKeys.count)
    var scratch = [UInt64](repeating: 0, count: scratchSize)
    var scratchSlotOf = [Int32](repeating: 0, count: pairKeys.count)
    var distinct = 0
    for (pair, key) in pairKeys.enumerated() {
      var slot = OpenAddressing.slot(key, shift: scratchShift)
      while scratch[slot] != 0 && scratch[slot] != key { slot = (slot + 1) & (scratchSize - 1) }
      if scratch[slot] == 0 {
        scratch[slot] = key
        distinct += 1
      }
      scratchSlotOf[pair] = Int32(slot)
    }
    let (size, shift) = OpenAddressing.layout(for: distinct)
    self.shift = shift
    keys = [UInt64](repeating: 0, count: size)
    starts = [Int32](repeating: 0, count: size)
    counts = [Int32](repeating: 0, count: size)
    var slotOf = [Int32](repeating: 0, count: scratchSize)
    for (scratchSlot, key) in scratch.enumerated() where key != 0 {
      var slot = OpenAddressing.slot(key, shift: shift)
      while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
      keys[slot] = key
      slotOf[scratchSlot] = Int32(slot)
    }
    // Room for every pair under its key, then the words in order; a repeat of the word just
    // filed under the same key (a word with two deletions of the same hash) takes none.
    for scratchSlot in scratchSlotOf { counts[Int(slotOf[Int(scratchSlot)])] += 1 }
    var total: Int32 = 0
    for slot in 0..<size {
      starts[slot] = total
      total += counts[slot]
      counts[slot] = 0
    }
    ids = [Int32](repeating: 0, count: Int(total))
    for (pair, scratchSlot) in scratchSlotOf.enumerated() {
      let slot = Int(slotOf[Int(scratchSlot)])
      let start = Int(starts[slot])
      let filed = Int(counts[slot])
      let word = pairWords[pair]
      if filed > 0 && ids[start + filed - 1] == word { continue }
      ids[start + filed] = word
      counts[slot] += 1
    }
  }

  /// Calls `body` with each word id filed under the hash.
  func forEachWord(_ hash: UInt64, _ body: (Int32) -> Void) {
    guard !keys.isEmpty else { return }
    let key = OpenAddressing.key(hash)
    let mask = keys.count - 1
    var slot = OpenAddressing.slot(key, shift: shift)
    while true {
      let found = keys[slot]
      if found == 0 { return }
      if found == key {
        let start = Int(starts[slot])
        for index in start..<(start + Int(counts[slot])) { body(ids[index]) }
        return
      }
      slot = (slot + 1) & mask
    }
  }
}
