import EventModel
import Testing

@testable import Matcher

/// The matcher's per-word tables: every key found with its value, nothing else found.
@Suite("String tables")
struct StringTableTests {
  @Test("the same answers as a dictionary, for present and absent keys", arguments: [0, 1, 7, 500])
  func likeADictionary(size: Int) {
    var random = EventModel.SplitMix64(seed: UInt64(size))
    var entries: [String: Int] = [:]
    for index in 0..<size {
      let length = Int(random.next() % 9)
      let word = String(
        (0..<length).map { _ in Character(Unicode.Scalar(97 + UInt8(random.next() % 4))) })
      entries[word + (index % 3 == 0 ? "ü" : "")] = index
    }
    let table = StringTable(entries)
    #expect(table.count == entries.count)
    for (key, value) in entries { #expect(table[key] == value, "\(key)") }
    for probe in ["", "a", "zz", "abcd", "宇树", "x\u{0}y"] where entries[probe] == nil {
      #expect(table[probe] == nil, "\(probe)")
      #expect(!table.contains(probe))
    }
    let words = StringTable(set: entries.keys)
    #expect(entries.keys.allSatisfy(words.contains))
  }
}

/// The deletion hashes are carried on from the bytes before each deletion; they must be the
/// hashes of the byte strings themselves, in the same order.
@Suite("Typo corrections: deletion hashes")
struct DeletionHashTests {
  static func fnv(_ bytes: [UInt8]) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  @Test(
    "every deletion of up to two bytes, as hashing each shortened word gives it",
    arguments: ["", "a", "ab", "unitree", "ausstellung", "世界人工智能"])
  func sameAsHashingEachDeletion(word: String) {
    let bytes = Array(word.utf8)
    for depth in 0...2 {
      var expected = [Self.fnv(bytes)]
      if depth >= 1 {
        for first in bytes.indices {
          expected.append(Self.fnv(bytes.enumerated().filter { $0.offset != first }.map(\.element)))
          guard depth >= 2 else { continue }
          for second in (first + 1)..<bytes.count {
            expected.append(
              Self.fnv(
                bytes.enumerated().filter { $0.offset != first && $0.offset != second }.map(
                  \.element)))
          }
        }
      }
      var found: [UInt64] = []
      Vocabulary.forEachDeletion(of: bytes, depth: depth) { found.append($0) }
      #expect(found == expected, "\(word) depth \(depth)")
    }
  }
}

@Suite("Typo corrections: the deletion table")
struct DeletionTableTests {
  @Test(
    "each key's words in the order given, a word repeated under its key kept once",
    arguments: [1, 2, 50, 3_000])
  func sameAsListsByKey(pairs: Int) {
    var random = EventModel.SplitMix64(seed: UInt64(pairs))
    var keys: [UInt64] = []
    var words: [Int32] = []
    var expected: [UInt64: [Int32]] = [:]
    // Words in increasing order, as the vocabulary files them, each under a few keys drawn
    // from a small set (so keys share words and a word meets a key twice).
    var word: Int32 = 0
    while keys.count < pairs {
      for _ in 0..<(1 + Int(random.next() % 4)) where keys.count < pairs {
        let key = OpenAddressing.key(random.next() % UInt64(max(2, pairs / 3)))
        keys.append(key)
        words.append(word)
        if expected[key]?.last != word { expected[key, default: []].append(word) }
      }
      word += 1
    }
    let table = DeletionTable(keys: keys, words: words)
    for (key, list) in expected {
      var found: [Int32] = []
      table.forEachWord(key) { found.append($0) }
      #expect(found == list, "key \(key)")
    }
    var absent: [Int32] = []
    table.forEachWord(UInt64.max - 12_345) { absent.append($0) }
    #expect(absent.isEmpty)
    var empty: [Int32] = []
    DeletionTable(keys: [], words: []).forEachWord(1) { empty.append($0) }
    #expect(empty.isEmpty)
  }
}
