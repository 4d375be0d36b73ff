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
