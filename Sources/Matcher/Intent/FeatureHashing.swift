/// Where `IntentFeatures` writes a question's features: as text (training, `--explain`) or as
/// 64-bit hashes of that text (answering), so that answering builds no strings and hashes each
/// feature once with a cheap hash instead of a dictionary's seeded one. A feature is given in
/// parts, and both forms are of the parts joined: the hash of a feature is the hash of its text.
protocol FeatureSink {
  mutating func add(_ a: String)
  mutating func add(_ a: String, _ b: String)
  mutating func add(_ a: String, _ b: String, _ c: String)
  mutating func add(_ a: String, _ b: String, _ c: String, _ d: String)
}

/// Features as text.
struct FeatureTexts: FeatureSink {
  var features: [String] = []

  mutating func add(_ a: String) { features.append(a) }
  mutating func add(_ a: String, _ b: String) { features.append(a + b) }
  mutating func add(_ a: String, _ b: String, _ c: String) { features.append(a + b + c) }
  mutating func add(_ a: String, _ b: String, _ c: String, _ d: String) {
    features.append(a + b + c + d)
  }
}

/// Features as hashes of their text.
struct FeatureHashes: FeatureSink {
  var hashes: [UInt64] = []

  init() { hashes.reserveCapacity(96) }

  mutating func add(_ a: String) { hashes.append(FeatureHash.of(a)) }
  mutating func add(_ a: String, _ b: String) {
    var hash = FeatureHash.start
    FeatureHash.mix(&hash, a)
    FeatureHash.mix(&hash, b)
    hashes.append(hash)
  }
  mutating func add(_ a: String, _ b: String, _ c: String) {
    var hash = FeatureHash.start
    FeatureHash.mix(&hash, a)
    FeatureHash.mix(&hash, b)
    FeatureHash.mix(&hash, c)
    hashes.append(hash)
  }
  mutating func add(_ a: String, _ b: String, _ c: String, _ d: String) {
    var hash = FeatureHash.start
    FeatureHash.mix(&hash, a)
    FeatureHash.mix(&hash, b)
    FeatureHash.mix(&hash, c)
    FeatureHash.mix(&hash, d)
    hashes.append(hash)
  }
}

/// FNV-1a over UTF-8 bytes, 64 bits: the same for a text hashed whole or in consecutive parts.
/// Not seeded, so a model's table is the same in every run.
enum FeatureHash {
  static let start: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  static func of(_ text: String) -> UInt64 {
    var hash = start
    mix(&hash, text)
    return hash
  }

  @inline(__always)
  static func mix(_ hash: inout UInt64, _ text: String) {
    var text = text
    text.withUTF8 { bytes in
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* prime
      }
    }
  }
}

/// Feature hashes to rows of the model's weights: open addressing over a power-of-two table.
struct HashedFeatureTable: Sendable {
  private let keys: [UInt64]
  private let rows: [Int32]
  private let shift: UInt64

  /// Nil when two features have the same hash (then the model cannot be read this way), or the
  /// rows are not those of the features in order.
  init?(_ index: [String: Int32]) {
    let (size, shift) = OpenAddressing.layout(for: index.count)
    var keys = [UInt64](repeating: 0, count: size)
    var rows = [Int32](repeating: -1, count: size)
    self.shift = shift
    // In the order of the rows, so that a model's table is laid out the same in every run.
    var byRow = [String?](repeating: nil, count: index.count)
    for (feature, row) in index where row >= 0 && Int(row) < byRow.count {
      byRow[Int(row)] = feature
    }
    for (row, feature) in byRow.enumerated() {
      guard let feature else { return nil }
      let row = Int32(row)
      let key = OpenAddressing.key(FeatureHash.of(feature))
      var slot = OpenAddressing.slot(key, shift: shift)
      while keys[slot] != 0 {
        if keys[slot] == key { return nil }
        slot = (slot + 1) & (size - 1)
      }
      keys[slot] = key
      rows[slot] = row
    }
    self.keys = keys
    self.rows = rows
  }

  /// The row of a feature's weights, or nil for a feature the model does not know.
  func row(_ hash: UInt64) -> Int? {
    let key = OpenAddressing.key(hash)
    let mask = keys.count - 1
    var slot = OpenAddressing.slot(key, shift: shift)
    while true {
      let found = keys[slot]
      if found == key { return Int(rows[slot]) }
      if found == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }
}
