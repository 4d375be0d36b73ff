import EventModel

/// How exactly a phrase matched.
enum MatchQuality: Int, Comparable, Sendable {
  case homophone = 0, corrected = 1, exact = 2

  static func < (lhs: MatchQuality, rhs: MatchQuality) -> Bool { lhs.rawValue < rhs.rawValue }

  var weight: Double {
    switch self {
    case .exact: 1
    case .corrected: 0.8
    case .homophone: 0.8
    }
  }
}

/// A phrase found in the question, over units `start..<end`.
struct PhraseMatch: Sendable {
  var phrase: Int
  var start: Int
  var end: Int
  var quality: MatchQuality

  var length: Int { end - start }
}

/// Finds every phrase of the index in a question: names (with typo and homophone tolerance),
/// cue words, time words, stop words. Pure: the same question gives the same matches.
struct Recognizer {
  let index: MatcherIndex

  func matches(in units: [Unit]) -> [PhraseMatch] {
    var found: [PhraseMatch] = []
    let ids = units.map { index.unitIDs[$0.text] ?? -1 }
    // Corrections for misspelt Latin words that the index does not know at all.
    var corrections = [[Int32]](repeating: [], count: units.count)
    let unknown = units.indices.filter {
      units[$0].kind == .word && ids[$0] < 0 && !index.ordinaryWords.contains(units[$0].text)
    }
    if !unknown.isEmpty {
      let language = guessLanguage(ids)
      for position in unknown {
        let unit = units[position]
        corrections[position] = index.vocabulary.corrections(for: unit.text, language: language)
          .compactMap { index.unitIDs[$0] }
      }
    }
    // The phrases that may start at a position: those of its one unit, and the longer ones
    // going on with the next unit as written or corrected, in the index's order.
    // Both buffers are kept across positions: a question is answered in microseconds, and an
    // array made per position was a good part of that.
    var candidates: [Int32] = []
    var firsts: [(Int32, MatchQuality)] = []
    for start in units.indices {
      firsts.removeAll(keepingCapacity: true)
      if ids[start] >= 0 { firsts.append((ids[start], .exact)) }
      for correction in corrections[start] { firsts.append((correction, .corrected)) }
      for (first, firstQuality) in firsts {
        candidates.removeAll(keepingCapacity: true)
        candidates += index.phrases(of: first)
        var lists = candidates.isEmpty ? 0 : 1
        func goOn(with second: Int32) {
          let longer = index.phrases(startingWith: first, then: second)
          if !longer.isEmpty {
            candidates += longer
            lists += 1
          }
        }
        if start + 1 < units.count {
          if ids[start + 1] >= 0 { goOn(with: ids[start + 1]) }
          for second in corrections[start + 1] { goOn(with: second) }
        }
        if lists > 1 { candidates.sort() }
        for candidate in candidates {
          let phraseUnits = index.units(ofPhrase: Int(candidate))
          let length = phraseUnits.count
          guard start + length <= units.count else { continue }
          var quality = firstQuality
          var matched = true
          var offset = 1
          var unitIndex = phraseUnits.startIndex + 1
          while matched && offset < length {
            let expected = phraseUnits[unitIndex]
            if ids[start + offset] != expected {
              if corrections[start + offset].contains(expected) {
                quality = min(quality, .corrected)
              } else {
                matched = false
              }
            }
            offset += 1
            unitIndex += 1
          }
          if matched {
            found.append(
              PhraseMatch(
                phrase: Int(candidate), start: start, end: start + length, quality: quality))
          }
        }
      }
    }
    found += homophones(in: units, exact: found)
    return found
  }

  /// The Latin language most of the known words belong to, before any correction.
  private func guessLanguage(_ ids: [Int32]) -> Language {
    var english = 0
    var german = 0
    for id in ids where id >= 0 {
      let languages = index.unitLanguages[Int(id)]
      if languages & 1 != 0 { english += 1 }
      if languages & 2 != 0 { german += 1 }
    }
    return german > english ? .de : .en
  }

  /// Han names heard right but written wrong (宇数 for 宇树): same toneless pinyin, at least one
  /// character the same, and no exact match already there.
  private func homophones(in units: [Unit], exact: [PhraseMatch]) -> [PhraseMatch] {
    guard !index.byPinyin.isEmpty else { return [] }
    var found: [PhraseMatch] = []
    var start = 0
    while start < units.count {
      guard units[start].kind == .han else {
        start += 1
        continue
      }
      var end = start
      while end < units.count && units[end].kind == .han { end += 1 }
      let texts = units[start..<end].map(\.text)
      // Each character's syllable once; the keys of longer runs grow from the shorter ones.
      let syllables = texts.map { $0.unicodeScalars.first.flatMap(index.lexicon.hanzi.pinyin(of:)) }
      for from in 0..<texts.count {
        let longest = min(index.longestHanPhrase, texts.count - from)
        guard longest >= 2 else { continue }
        var key = FeatureHash.start
        for length in 1...longest {
          // A character without a syllable ends every run through it.
          guard let syllable = syllables[from + length - 1] else { break }
          if length > 1 { FeatureHash.mix(&key, " ") }
          FeatureHash.mix(&key, syllable)
          guard length >= 2, let candidates = index.byPinyin[key] else { continue }
          let slice = texts[from..<(from + length)]
          for candidate in candidates {
            let phrase = index.phrases[Int(candidate)]
            // The hash found it; the syllables, compared, confirm it.
            guard phrase.units.count == length,
              zip(phrase.units, syllables[from..<(from + length)]).allSatisfy({ unit, syllable in
                unit.unicodeScalars.first.flatMap(index.lexicon.hanzi.pinyin(of:)) == syllable
              })
            else { continue }
            let same = zip(phrase.units, slice).filter { $0 == $1 }.count
            guard same >= 1, same < length else { continue }
            let at = start + from
            let alreadyExact = exact.contains {
              $0.start == at && $0.end == at + length && $0.quality == .exact
            }
            if !alreadyExact {
              found.append(
                PhraseMatch(
                  phrase: Int(candidate), start: at, end: at + length, quality: .homophone))
            }
          }
        }
      }
      start = end
    }
    return found
  }
}
