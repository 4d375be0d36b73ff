import Foundation

/// Folds text for matching: case, accents, full-width forms and punctuation do not matter.
public enum TextFolding {
  /// Lower-cased, accents removed, full-width folded to ASCII, runs of punctuation and
  /// whitespace turned into one space, trimmed. "Unitree-Robotics" and "ＵＮＩＴＲＥＥ robotics"
  /// fold alike; Han characters are kept as they are.
  public static func fold(_ text: some StringProtocol) -> String {
    var isPlainASCII = true
    for byte in text.utf8 where byte >= 0x80 {
      isPlainASCII = false
      break
    }
    if isPlainASCII { return foldASCII(text.utf8) }
    if let simple = foldASCIIAndHan(text) { return simple }
    let folded = String(text).folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
    ).lowercased()
    var result = ""
    result.reserveCapacity(folded.utf8.count)
    var pendingSpace = false
    for scalar in folded.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
        pendingSpace = false
        result.unicodeScalars.append(scalar)
      } else {
        pendingSpace = true
      }
    }
    return result
  }

  /// ASCII mixed with Han characters and CJK punctuation, the usual Chinese name: Han kept,
  /// punctuation a separator, without Foundation. Nil when other scalars need real folding.
  private static func foldASCIIAndHan(_ text: some StringProtocol) -> String? {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      var kept: Unicode.Scalar?
      if value < 0x80 {
        let byte = UInt8(value)
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
          kept = Unicode.Scalar(lower)
        }
      } else if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
        kept = scalar
      } else if !(0x3000...0x303F).contains(value) && value != 0xFF0C && value != 0xFF1F
        && value != 0xFF01 && value != 0xFF1A && value != 0xFF08 && value != 0xFF09
      {
        return nil
      }
      if let kept {
        if pendingSpace && !result.isEmpty { result.append(" ") }
        pendingSpace = false
        result.append(kept)
      } else {
        pendingSpace = true
      }
    }
    return String(result)
  }

  /// The common case, plain ASCII, without Foundation: several times faster.
  private static func foldASCII(_ bytes: some Collection<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
      var count = 0
      var pendingSpace = false
      for byte in bytes {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
          if pendingSpace && count > 0 {
            buffer[count] = 0x20
            count += 1
          }
          pendingSpace = false
          buffer[count] = lower
          count += 1
        } else {
          pendingSpace = true
        }
      }
      return count
    }
  }
}

/// Close matches for a name that matched nothing, for "did you mean …?" messages.
public enum NameSuggestions {
  /// Optimal string alignment distance (edits, with adjacent swaps), stopping early past `limit`.
  public static func editDistance(_ lhs: [Character], _ rhs: [Character], limit: Int = .max) -> Int
  {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    if abs(lhs.count - rhs.count) > limit { return limit + 1 }
    var previousPrevious = [Int](repeating: 0, count: rhs.count + 1)
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...rhs.count {
        let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && lhs[i - 1] == rhs[j - 2] && lhs[i - 2] == rhs[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[rhs.count]
  }

  /// Up to `limit` labels whose keys are close to `query`: containing it, contained in it, or
  /// within an edit distance that grows with the length of the query. Closest first.
  public static func closest(
    to query: String, among candidates: [(key: String, label: String)], limit: Int = 3
  ) -> [String] {
    let folded = TextFolding.fold(query)
    guard !folded.isEmpty else { return [] }
    let queryCharacters = Array(folded)
    let allowed = max(1, queryCharacters.count / 3)
    var scored: [(score: Int, label: String)] = []
    for candidate in candidates {
      let key = TextFolding.fold(candidate.key)
      guard !key.isEmpty else { continue }
      var score: Int?
      if key == folded {
        score = 0
      } else if key.hasPrefix(folded) || (folded.count >= 3 && key.contains(folded)) {
        score = 1
      } else if key.count >= 3 && folded.contains(key) {
        score = 2
      } else {
        // Compare with the whole name and with each of its words, so that "Hintonn" finds
        // "Geoffrey Hinton".
        var best: Int?
        let whole = editDistance(queryCharacters, Array(key), limit: allowed)
        if whole <= allowed { best = whole }
        for word in key.split(separator: " ") where word.count >= 3 && word.count < key.count {
          let distance = editDistance(queryCharacters, Array(word), limit: allowed)
          if distance <= allowed { best = min(best ?? .max, distance + 1) }
        }
        if let best { score = 2 + best }
      }
      if let score { scored.append((score, candidate.label)) }
    }
    scored.sort { ($0.score, $0.label) < ($1.score, $1.label) }
    var seen = Set<String>()
    var result: [String] = []
    for item in scored where seen.insert(item.label).inserted {
      result.append(item.label)
      if result.count == limit { break }
    }
    return result
  }
}
