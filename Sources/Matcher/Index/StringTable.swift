/// Strings to values for the lookups the matcher makes per word of a question (is it a known
/// unit, an ordinary word, an ordinal): open addressing on FNV-1a of the UTF-8 bytes, each hit
/// checked against the stored string. A dictionary's seeded hash of every word, five or six
/// times per question, cost more than the rest of recognising the words.
struct StringTable<Value: Sendable>: Sendable {
  private var hashes: [UInt64] = []
  private var keys: [String] = []
  private var values: [Value?] = []
  private var shift: UInt64 = 63
  /// How many strings the table holds.
  private(set) var count = 0

  init() {}

  init(_ entries: [String: Value]) {
    guard !entries.isEmpty else { return }
    let (size, shift) = OpenAddressing.layout(for: entries.count)
    self.shift = shift
    hashes = [UInt64](repeating: 0, count: size)
    keys = [String](repeating: "", count: size)
    values = [Value?](repeating: nil, count: size)
    for (key, value) in entries {
      let hash = Self.hash(key)
      var slot = OpenAddressing.slot(hash, shift: shift)
      while hashes[slot] != 0 { slot = (slot + 1) & (size - 1) }
      hashes[slot] = hash
      keys[slot] = key
      values[slot] = value
    }
    count = entries.count
  }

  @inline(__always)
  private static func hash(_ text: String) -> UInt64 { OpenAddressing.key(FeatureHash.of(text)) }

  subscript(key: String) -> Value? {
    guard !hashes.isEmpty else { return nil }
    let hash = Self.hash(key)
    let mask = hashes.count - 1
    var slot = OpenAddressing.slot(hash, shift: shift)
    while true {
      let found = hashes[slot]
      if found == 0 { return nil }
      if found == hash && keys[slot] == key { return values[slot] }
      slot = (slot + 1) & mask
    }
  }

  func contains(_ key: String) -> Bool { self[key] != nil }
}

extension StringTable where Value == Bool {
  /// A set of strings.
  init(set: some Sequence<String>) {
    var entries: [String: Bool] = [:]
    for key in set { entries[key] = true }
    self.init(entries)
  }
}

/// The sizing and slot rule of the matcher's open-addressed tables (strings, feature hashes,
/// deletion hashes): a power of two at least twice the entries, a multiplicative hash's top
/// bits for the first slot, then the next slots in turn.
enum OpenAddressing {
  /// The table's size and the shift that takes a hash's top bits to a slot.
  static func layout(for count: Int) -> (size: Int, shift: UInt64) {
    var bits: UInt64 = 4
    while (1 << bits) < 2 * max(1, count) { bits += 1 }
    return (1 << Int(bits), 64 - bits)
  }

  /// A hash as a key: zero marks an empty slot, so a hash of zero is filed under one.
  @inline(__always)
  static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

  @inline(__always)
  static func slot(_ hash: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }
}
