/// German runs words together ("Gesundheitsforum", "Sonntagabend"): a long word the index does
/// not know is read as two words it does know, with the linking "s" or "n" between them dropped.
extension MatcherIndex {
  /// Shortest part a compound is split into.
  static let shortestCompoundPart = 3

  /// The units, each unknown long Latin word that is two known words replaced by them.
  func splittingCompounds(_ units: [Unit]) -> [Unit] {
    // Only ASCII words are split, so their bytes are their letters: counted without reading
    // characters.
    guard units.contains(where: { $0.kind == .word && $0.text.utf8.count >= 7 }) else {
      return units
    }
    var result: [Unit] = []
    result.reserveCapacity(units.count + 2)
    for unit in units {
      if unit.kind == .word, unit.text.utf8.count >= 7, let (left, right) = compoundParts(unit.text)
      {
        result.append(Unit(text: left, kind: .word))
        result.append(Unit(text: right, kind: .word))
      } else {
        result.append(unit)
      }
    }
    return result
  }

  /// Two known words a compound is made of, the longest last part first; nil for a known word
  /// or one that is not two known words.
  func compoundParts(_ word: String) -> (String, String)? {
    // An ordinal is a word of its own: "zweiten" is not "zwei" and "ten".
    guard unitIDs[word] == nil, !vocabulary.contains(word), !ordinaryWords.contains(word),
      ordinalWords[word] == nil,
      word.utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
    else { return nil }
    // ASCII letters only: a byte is a letter.
    let letters = Array(word.utf8)
    let shortest = Self.shortestCompoundPart
    guard letters.count >= 2 * shortest else { return nil }
    for cut in shortest...(letters.count - shortest) {
      let right = String(decoding: letters[cut...], as: UTF8.self)
      guard let rightID = unitIDs[right] else { continue }
      let head = String(decoding: letters[..<cut], as: UTF8.self)
      // The head as it is, or without a linking "s", "es" or "n" ("Gesundheits-", "Finanzierungs-").
      for link in ["", "s", "es", "n"] where head.hasSuffix(link) {
        let stem = String(head.dropLast(link.count))
        if stem.count >= shortest, let stemID = unitIDs[stem],
          !Self.mixesLanguages(unitLanguages[Int(stemID)], unitLanguages[Int(rightID)])
        {
          return (stem, right)
        }
      }
    }
    return nil
  }

  /// Whether two words' languages (`unitLanguages` bits: 1 English, 2 German) are one word of
  /// English only and one of German only: a compound is made in one language, so "kostenlose"
  /// read as German "kosten" and English "lose" is a misreading. Names belong to no language and
  /// join either.
  static func mixesLanguages(_ first: UInt8, _ second: UInt8) -> Bool {
    (first == 1 && second == 2) || (first == 2 && second == 1)
  }
}
