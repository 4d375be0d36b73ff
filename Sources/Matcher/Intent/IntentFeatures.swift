import EventModel

/// The features the intent model reads from one understood question: words and Han characters
/// with named things replaced by their type (so "where is {exhibitor}" learns once for every
/// exhibitor), their bigrams, and what the rules recognised (cues, times, facilities, how much
/// of the question is known). The same function runs in training and when answering.
enum IntentFeatures {
  /// The order in which a span naming several kinds of record is written as one token.
  static let typeOrder: [EntityType] = [
    .exhibitor, .speaker, .session, .route, .topic, .room, .hall, .pavilion, .zone, .booth,
    .venue, .place, .organiser, .facility, .info,
  ]

  /// Each type's token, in `typeOrder`'s order.
  static let typeTokens = typeOrder.map { "<" + $0.rawValue + ">" }
  /// Each type's `e:` feature, and its position in `typeOrder`, in the order of the types' names
  /// (the order the features are written in).
  static let typeFeatures: [(bit: Int, name: String)] = typeOrder.indices.map {
    ($0, typeOrder[$0].rawValue)
  }.sorted { $0.name < $1.name }

  /// A type's bit in a mask of types: its position in `typeOrder`.
  static func bit(_ type: EntityType) -> Int { typeOrder.firstIndex(of: type) ?? 0 }

  /// The units read for words and n-grams.
  static let maximumUnits = 64

  static func extract(_ u: Understanding, index: MatcherIndex) -> [String] {
    var texts = FeatureTexts()
    extract(u, index: index, into: &texts)
    return texts.features
  }

  /// The features as hashes of their text, for answering.
  static func hashes(_ u: Understanding, index: MatcherIndex) -> [UInt64] {
    var hashes = FeatureHashes()
    extract(u, index: index, into: &hashes)
    return hashes.hashes
  }

  static func extract<Sink: FeatureSink>(
    _ u: Understanding, index: MatcherIndex, into features: inout Sink
  ) {
    features.add("bias")
    features.add("lang:", u.language.rawValue)
    // One token per position; a name's span becomes one `<type>` token. Spans by their first
    // position, types as bit masks: this runs for every question.
    var spanEnd = [Int](repeating: -1, count: u.units.count)
    var spanTypes = [UInt32](repeating: 0, count: u.units.count)
    var allTypes: UInt32 = 0
    for entity in u.entities where !entity.nested {
      let start = entity.match.start
      guard start >= 0 && start < spanEnd.count else { continue }
      spanEnd[start] = max(spanEnd[start], entity.match.end)
      let mask: UInt32 = 1 << UInt32(bit(entity.reference.type))
      spanTypes[start] |= mask
      allTypes |= mask
    }
    // A word of no name, cue or lexicon, and no ordinary word of a language.
    func isUnknownWord(_ position: Int) -> Bool {
      let unit = u.units[position]
      return unit.kind == .word && index.unitIDs[unit.text] == nil
        && !index.ordinaryWords.contains(unit.text)
    }
    var tokens: [String] = ["^"]
    tokens.reserveCapacity(min(u.units.count, maximumUnits) + 2)
    var unknownWords = 0
    var position = 0
    // A question is a few dozen units; what comes after that in a paste is noise, and reading
    // it would let one long line outweigh what it starts with.
    let end = min(u.units.count, maximumUnits)
    while position < end {
      if spanEnd[position] > position {
        // The first type in `typeOrder` the span names.
        let mask = spanTypes[position]
        tokens.append(typeTokens[mask == 0 ? 0 : mask.trailingZeroBitCount])
        position = spanEnd[position]
        continue
      }
      let unit = u.units[position]
      switch unit.kind {
      case .number: tokens.append("<num>")
      case .han, .word:
        tokens.append(unit.text)
        // German inflects what English does not ("Vortrag", "Vorträge", "Vorträgen"): its
        // words also count by their stem, so that a form training never saw still says what
        // the others taught.
        if unit.kind == .word && u.language == .de, let stem = GermanStem.stem(unit.text) {
          features.add("s:", stem)
        }
        // A clock time written as a word ("4pm") is read, not unknown.
        if isUnknownWord(position) && !(position < u.explained.count && u.explained[position]) {
          unknownWords += 1
        }
      }
      position += 1
    }
    tokens.append("$")
    // A word nothing knows right after "in" or "bei" is a place elsewhere ("the weather in
    // Munich", "Wetter in Hamburg"): the pack's practical information is about its own venues.
    if end >= 2 {
      for position in 1..<end
      where isUnknownWord(position) && !(position < u.explained.count && u.explained[position]) {
        if index.locativeUnits.contains(u.units[position - 1].text) {
          features.add("elsewhere")
          break
        }
      }
    }
    for token in tokens.dropFirst().dropLast() { features.add("w:", token) }
    for pair in zip(tokens, tokens.dropFirst()) { features.add("b:", pair.0, " ", pair.1) }
    // Han words are two or three characters long: trigrams catch the three-character ones.
    if tokens.count >= 3 {
      let han = tokens.map(isHan)
      for start in 0..<(tokens.count - 2) where han[start] || han[start + 1] || han[start + 2] {
        features.add("t:", tokens[start], tokens[start + 1], tokens[start + 2])
      }
    }

    for (bit, name) in typeFeatures where allTypes & (1 << UInt32(bit)) != 0 {
      features.add("e:", name)
    }
    if u.entities.contains(where: { $0.nested }) { features.add("e:nested") }
    if u.quality < .exact && allTypes != 0 { features.add("e:corrected") }
    for intent in u.strongCues.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      features.add("cue:", intent.rawValue)
    }
    for intent in u.weakCues.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
      features.add("weak:", intent.rawValue)
    }
    if u.time.day != nil { features.add("time:day") }
    if u.time.part != nil { features.add("time:part") }
    if u.time.clock != nil { features.add("time:clock") }
    if u.time.isNow { features.add("time:now") }
    if u.time.isNext { features.add("time:next") }
    if u.duration != nil { features.add("time:duration") }
    if u.stepFree { features.add("step-free") }
    if !u.facilities.isEmpty { features.add("facility") }
    // An information keyword counts when it says more than a name the question gives: "the
    // metro to West Bund" asks for information, "how do I get to West Bund" for the way.
    let names = u.entities.filter { !$0.nested }.map { $0.match.start..<$0.match.end }
    if u.infoSpans.contains(where: { span in
      !names.contains { $0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound }
    }) {
      features.add("info")
    }
    // Which information entry the keywords name: a keyword added to an entry ("fee" to the
    // ticket prices) counts as the entry's other keywords taught, without training of its own.
    for (id, hits) in u.infoHits.sorted(by: { $0.key < $1.key }) where hits >= 2 {
      features.add("i:", id)
    }
    for kind in u.facilities.sorted() { features.add("f:", kind) }
    if u.outOfScope { features.add("out-of-scope") }
    let parts = u.sessionParts.values.max() ?? 0
    if parts >= 1 { features.add("session-part") }
    if parts >= 2 { features.add("session-part:2") }
    features.add("coverage:", String(min(4, Int((u.coverage * 5).rounded(.down)))))
    features.add("unknown:", String(min(3, unknownWords)))
    // Chinese has no spaces to mark a word nothing knows: two or more Han characters in a row
    // that nothing explains are one ("伦敦天气怎么样": a city the pack does not have).
    var hanRuns = 0
    var hanRun = 0
    for position in 0...end {
      if position < end && u.units[position].kind == .han
        && !(position < u.explained.count && u.explained[position])
      {
        hanRun += 1
      } else {
        if hanRun >= 2 { hanRuns += 1 }
        hanRun = 0
      }
    }
    if hanRuns > 0 { features.add("unknown-han:", String(min(2, hanRuns))) }
    let length = u.units.count
    features.add("length:", length <= 2 ? String(length) : length <= 5 ? "3-5" : "6+")
  }

  /// Whether a token is one Han character (three or four bytes: its length is known without
  /// counting its scalars).
  private static func isHan(_ token: String) -> Bool {
    let length = token.utf8.count
    guard length == 3 || length == 4, let scalar = token.unicodeScalars.first,
      scalar.utf8.count == length
    else { return false }
    return Unitizer.isHan(scalar.value)
  }
}

/// A light German stemmer after CISTEM (Weissweiler and Fraser, "Developing a Stemmer for German
/// Based on a Comparative Analysis of Publicly Available Stemmers", GSCL 2017): umlauts and ß
/// folded, then the endings -em, -er, -nd and -t, -e, -s, -n taken off while the word stays
/// longer than three letters. Only for the intent model's features: names are matched whole.
enum GermanStem {
  /// The stem of a lower-case word of four letters or more; nil for a shorter one.
  static func stem(_ word: String) -> String? {
    var letters: [Character] = []
    letters.reserveCapacity(word.count + 1)
    for character in word {
      switch character {
      case "ä": letters.append("a")
      case "ö": letters.append("o")
      case "ü": letters.append("u")
      case "ß": letters += ["s", "s"]
      default: letters.append(character)
      }
    }
    guard letters.count >= 4 else { return nil }
    func ends(with suffix: String) -> Bool {
      let tail = Array(suffix)
      return letters.count >= tail.count && Array(letters.suffix(tail.count)) == tail
    }
    while letters.count > 3 {
      if letters.count > 5 && (ends(with: "em") || ends(with: "er") || ends(with: "nd")) {
        letters.removeLast(2)
      } else if let last = letters.last, "tesn".contains(last) {
        letters.removeLast()
      } else {
        break
      }
    }
    return String(letters)
  }
}
