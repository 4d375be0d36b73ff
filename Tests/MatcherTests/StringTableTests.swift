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
