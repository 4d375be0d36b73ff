import EventModel
import Foundation

/// What a phrase in the index stands for.
enum PhrasePayload: Hashable, Sendable {
  case entity(EntityReference)
  /// Part of a session's title ("opening ceremony" in "Opening Ceremony and High-Level …").
  case sessionPart(String)
  case facility(String)
  /// An amenity no pack maps ("cloakroom", 取款机): asked for, it is said to be missing.
  case unlistedFacility(String)
  /// "step-free", "wheelchair", "无障碍": the visitor needs a way without stairs.
  case stepFree
  case info(String)
  case cue(Intent, strong: Bool)
  case outOfScope
  case stop
  case time(TimeWord)
}

/// A word of time: relative days, parts of the day, months, numbers, duration units.
enum TimeWord: Hashable, Sendable {
  case today, tomorrow, dayAfterTomorrow, yesterday, now, next
  case part(String)
  /// "am", "pm": a part of the day only right after an hour ("10 am"); alone, "am" is as likely
  /// the German "am" (on the) as the English abbreviation.
  case meridiem(pm: Bool)
  case month(Int)
  case weekday(Int)
  case day
  case number(Double)
  case durationUnit(Double)
  /// A length said without a number ("half a day"), in minutes.
  case span(Double)
  /// "Uhr", "o'clock": the hour before it is a clock time.
  case oclock
}

/// A name, cue or word as a sequence of units, with what it stands for and in which language.
final class Phrase: Sendable {
  let units: [String]
  let payload: PhrasePayload
  /// Nil for names, which count in every language.
  let language: Language?

  // A class: the matcher reads phrases by index on every question, and a struct of an array
  // and an enum of strings costs a handful of reference counts per read.
  init(units: [String], payload: PhrasePayload, language: Language?) {
    self.units = units
    self.payload = payload
    self.language = language
  }
}

/// Everything the matcher looks things up in, built once from a catalog and a lexicon. Immutable
/// and shared by reference; the hot path works on interned unit ids in flat arrays, so answering a
/// question touches few reference counts.
public final class MatcherIndex: Sendable {
  let catalog: EventCatalog
  let lexicon: Lexicon
  let unitizer: Unitizer
  let phrases: [Phrase]
  /// Interned unit texts: every unit of every phrase has an id.
  let unitIDs: StringTable<Int32>
  /// The units of phrase `p` are `phraseUnits[phraseStart[p]..<phraseStart[p + 1]]`.
  let phraseUnits: [Int32]
  let phraseStart: [Int32]
  /// The phrases of one unit `u` are `singlePhrases[singleStart[u]..<singleStart[u + 1]]`.
  let singlePhrases: [Int32]
  let singleStart: [Int32]
  /// Longer phrases by their first two units: pair `pairOf[first, second]` has the phrases
  /// `pairPhrases[pairStart[pair]..<pairStart[pair + 1]]`. A large programme has a thousand
  /// titles with "forum" in them; a question's "forum 2" looks only at those going on with "2".
  let pairOf: [UInt64: Int32]
  let pairPhrases: [Int32]
  let pairStart: [Int32]
  /// How many of each phrase's units are not function units (stop words, one-word cues).
  let contentUnits: [Int32]
  /// For a part of a session's title, the session's id (`sessionPartIDs`); -1 for other
  /// phrases. A question naming part of a title common in a large programme matches it in
  /// dozens of titles, and reading each phrase's payload cost more than the rest of the match.
  let sessionPartOf: [Int32]
  let sessionPartIDs: [String]
  /// Each phrase's language, side by side, for the same reason.
  let phraseLanguages: [Language?]
  /// The type of the record each phrase names; nil for phrases that name none.
  let phraseEntityTypes: [EntityType?]
  /// Units of stop words and one-word cues: they say little about which session is meant.
  let isFunctionUnit: [Bool]
  /// Bit 0: the unit is a word of the English lexicon; bit 1: of the German one.
  let unitLanguages: [UInt8]
  /// Ordinary words of the lexicons that no phrase has ("both", "share"): never corrected.
  let ordinaryWords: StringTable<Bool>
  /// Han names of two or more characters by the FNV-1a hash of their syllables joined by
  /// spaces ("yu shu"): a question's runs are looked up by hashes grown a syllable at a time,
  /// with no key text built per run.
  let byPinyin: [UInt64: [Int32]]
  let longestHanPhrase: Int
  let vocabulary: Vocabulary
  /// Unit sequences that mark a place as where a walk starts or ends, and single-unit stop
  /// words that may stand between the marker and the place ("from the Red Hall").
  let originMarkers: [[String]]
  let destinationMarkers: [[String]]
  /// "in", "bei": an unknown word right after one is a place the pack does not have. One
  /// unit each: a locative of several words would be matched as a phrase, and none has one.
  let locativeUnits: Set<String>
  /// Range words of one unit ("to", "bis", "到"), and the words that move an hour by minutes
  /// ("half past", "viertel vor") as unit sequences with their minutes.
  let rangeUnits: Set<String>
  let clockFractions: [(units: [String], minutes: Int)]
  let stopUnits: Set<String>
  /// Small talk: thanks and goodbyes, as unit sequences.
  let thanksMarkers: [[String]]
  let goodbyeMarkers: [[String]]
  /// Words that ask where the nearest of something is, as unit sequences.
  let nearestMarkers: [[String]]
  /// Words after which comes an action, never a name, as unit sequences.
  let modalMarkers: [[String]]
  /// Words after which comes what a talk is about, as unit sequences, and their first and
  /// last units (most questions have none of them: looked up before any sequence is matched).
  let subjectMarkers: [[String]]
  let subjectFirstUnits: Set<String>
  let subjectLastUnits: Set<String>
  /// Follow-ups: words that change the answer before, and words that point back at its subject.
  let followUpMarkers: [[String]]
  let referenceMarkers: [[String]]
  /// Event facts a question can ask for, each with its marker words as unit sequences.
  let eventFacets: [String: [[String]]]
  /// Ordinal words of every language as units ("first", "zweite") and Chinese numbers, which
  /// make an ordinal after 第.
  let ordinalWords: StringTable<Int>
  let hanNumbers: StringTable<Int>

  public init(catalog: EventCatalog, lexicon: Lexicon) {
    self.catalog = catalog
    self.lexicon = lexicon
    let unitizer = Unitizer(hanzi: lexicon.hanzi)
    self.unitizer = unitizer
    // Marker words of every language, as the unit sequences questions are matched in.
    func markers(_ words: [String]) -> [[String]] {
      words.map { unitizer.units($0).map(\.text) }.filter { !$0.isEmpty }
    }
    originMarkers = markers(lexicon.languages.flatMap(\.originWords))
    destinationMarkers = markers(lexicon.languages.flatMap(\.destinationWords))
    locativeUnits = Set(
      markers(lexicon.languages.flatMap(\.locativeWords)).compactMap {
        $0.count == 1 ? $0[0] : nil
      })
    rangeUnits = Set(
      markers(lexicon.languages.flatMap(\.rangeWords)).compactMap { $0.count == 1 ? $0[0] : nil })
    clockFractions = lexicon.languages.flatMap { language in
      language.clockFractions.sorted { $0.key < $1.key }.map {
        (unitizer.units($0.key).map(\.text), $0.value)
      }
    }.filter { !$0.0.isEmpty }
    thanksMarkers = markers(lexicon.languages.flatMap(\.thanksWords))
    goodbyeMarkers = markers(lexicon.languages.flatMap(\.goodbyeWords))
    nearestMarkers = markers(lexicon.languages.flatMap(\.nearestWords))
    modalMarkers = markers(lexicon.languages.flatMap(\.modalWords))
    subjectMarkers = markers(lexicon.languages.flatMap(\.subjectWords))
    subjectFirstUnits = Set(subjectMarkers.compactMap(\.first))
    subjectLastUnits = Set(subjectMarkers.compactMap(\.last))
    followUpMarkers = markers(lexicon.languages.flatMap(\.followUpWords))
    referenceMarkers = markers(lexicon.languages.flatMap(\.referenceWords))
    var facets: [String: [[String]]] = [:]
    for language in lexicon.languages {
      for (facet, words) in language.eventFacets { facets[facet, default: []] += markers(words) }
    }
    eventFacets = facets
    var ordinals: [String: Int] = [:]
    var han: [String: Int] = [:]
    for language in lexicon.languages {
      for (word, position) in language.ordinals {
        if let unit = unitizer.units(word).first?.text { ordinals[unit] = position }
      }
      // Bounded before the conversion: a lexicon is data, and a huge number must not trap.
      for (word, value) in language.numbers
      where (1...1_000).contains(value) && value == value.rounded()
        && word.unicodeScalars.allSatisfy({ $0.value >= 0x4E00 })
      {
        han[word] = Int(value)
      }
    }
    ordinalWords = StringTable(ordinals)
    hanNumbers = StringTable(han)
    stopUnits = Set(
      lexicon.languages.flatMap(\.stopwords).map { unitizer.units($0) }.filter { $0.count == 1 }
        .map { $0[0].text })
    var builder = Builder(unitizer: unitizer, stopUnits: stopUnits)
    // German words for kinds of session, folded, that end a compound title word
    // ("Eröffnungs|zeremonie"): what comes before them names the session too.
    builder.titleTails = lexicon.languages.filter { $0.language == .de }
      .flatMap { $0.cues["find_session"]?.strong ?? [] }
      .map { TextFolding.fold($0) }.filter { $0.count >= 4 && !$0.contains(" ") }.sorted()
    // About what a pack needs (names, title parts, the lexicons' words): growing the table of
    // seen phrases step by step rehashes every phrase several times.
    let pack = catalog.pack
    builder.reserveCapacity(
      4_096 + 4 * pack.exhibitors.count + 40 * pack.sessions.count + pack.booths.count)
    builder.addNames(catalog: catalog, lexicon: lexicon)
    for language in lexicon.languages { builder.addLexicon(language) }
    builder.addDemoWords(catalog: catalog, lexicon: lexicon)
    let phrases = builder.phrases
    self.phrases = phrases
    let demoWordLanguages = builder.demoWordLanguages

    var ids: [String: Int32] = [:]
    var flat: [Int32] = []
    var starts: [Int32] = [0]
    for phrase in phrases {
      for unit in phrase.units {
        let id = ids[unit] ?? Int32(ids.count)
        ids[unit] = id
        flat.append(id)
      }
      starts.append(Int32(flat.count))
    }
    unitIDs = StringTable(ids)
    phraseUnits = flat
    phraseStart = starts

    var singles = [[Int32]](repeating: [], count: ids.count)
    var pairs: [UInt64: Int32] = [:]
    var pairLists: [[Int32]] = []
    for position in phrases.indices {
      let first = Int(starts[position])
      let length = Int(starts[position + 1]) - first
      if length == 1 {
        singles[Int(flat[first])].append(Int32(position))
      } else if length >= 2 {
        let key = Self.pairKey(flat[first], flat[first + 1])
        let pair = pairs[key] ?? Int32(pairLists.count)
        if Int(pair) == pairLists.count {
          pairs[key] = pair
          pairLists.append([])
        }
        pairLists[Int(pair)].append(Int32(position))
      }
    }
    var singleStart: [Int32] = [0]
    var singlePhrases: [Int32] = []
    for list in singles {
      singlePhrases += list
      singleStart.append(Int32(singlePhrases.count))
    }
    var pairStart: [Int32] = [0]
    var pairPhrases: [Int32] = []
    for list in pairLists {
      pairPhrases += list
      pairStart.append(Int32(pairPhrases.count))
    }
    self.singleStart = singleStart
    self.singlePhrases = singlePhrases
    pairOf = pairs
    self.pairStart = pairStart
    self.pairPhrases = pairPhrases

    var isFunction = [Bool](repeating: false, count: ids.count)
    var languagesOfUnit = [UInt8](repeating: 0, count: ids.count)
    var names = Set<String>()
    var lexiconWords: [String: Set<Language>] = [:]
    for (position, phrase) in phrases.enumerated() {
      let units = flat[Int(starts[position])..<Int(starts[position + 1])]
      switch phrase.payload {
      case .stop: for unit in units { isFunction[Int(unit)] = true }
      // A one-word cue says what kind of question it is ("where", "talk"), not what about;
      // practical words that also cue information ("weather", "parking") name the thing.
      case .cue(let intent, _) where units.count == 1 && intent != .venueInfo:
        if let unit = units.first { isFunction[Int(unit)] = true }
      default: break
      }
      if let language = phrase.language {
        let bit: UInt8 = language == .en ? 1 : language == .de ? 2 : 0
        for unit in units { languagesOfUnit[Int(unit)] |= bit }
      }
      // Information keywords are ordinary words, not names: a target only as a lexicon word
      // of their language is ("adrdess" is "address" in an English question), never when the
      // pack gives them no language.
      if case .info = phrase.payload, phrase.language == nil { continue }
      for unit in phrase.units where unit.utf8.first.map({ $0 < 0x80 }) ?? false {
        if let language = phrase.language {
          lexiconWords[unit, default: []].insert(language)
        } else if let languages = demoWordLanguages[unit] {
          lexiconWords[unit, default: []].formUnion(languages)
        } else {
          names.insert(unit)
        }
      }
    }
    isFunctionUnit = isFunction
    var partNumbers = StringNumbering()
    sessionPartOf = phrases.map { phrase in
      guard case .sessionPart(let id) = phrase.payload else { return -1 }
      return partNumbers.number(id)
    }
    sessionPartIDs = partNumbers.strings
    phraseLanguages = phrases.map(\.language)
    phraseEntityTypes = phrases.map { phrase in
      guard case .entity(let reference) = phrase.payload else { return nil }
      return reference.type
    }
    contentUnits = phrases.indices.map { position in
      Int32(
        flat[Int(starts[position])..<Int(starts[position + 1])].count { !isFunction[Int($0)] })
    }
    ordinaryWords = StringTable(
      set: lexicon.languages.flatMap { $0.commonWords }.flatMap { unitizer.units($0).map(\.text) })
    unitLanguages = languagesOfUnit
    // Misspelt words are corrected towards the words of names and of the lexicons; a question
    // word that is already a known word is never changed.
    vocabulary = Vocabulary(words: names, lexiconWords: lexiconWords)

    // Pinyin keys for Han names of two or more characters, for homophone typos.
    var pinyin: [UInt64: [Int32]] = [:]
    var longest = 1
    for (position, phrase) in phrases.enumerated() {
      guard case .entity = phrase.payload, phrase.units.count >= 2,
        phrase.units.allSatisfy({
          $0.unicodeScalars.count == 1 && Unitizer.isHan($0.unicodeScalars.first!.value)
        })
      else { continue }
      longest = max(longest, phrase.units.count)
      if let key = Self.pinyinKey(phrase.units[...], hanzi: lexicon.hanzi) {
        pinyin[FeatureHash.of(key), default: []].append(Int32(position))
      }
    }
    byPinyin = pinyin
    longestHanPhrase = longest
  }

  /// The units of a phrase, as ids.
  func units(ofPhrase phrase: Int) -> ArraySlice<Int32> {
    phraseUnits[Int(phraseStart[phrase])..<Int(phraseStart[phrase + 1])]
  }

  /// The phrases that are the one unit `unit`.
  func phrases(of unit: Int32) -> ArraySlice<Int32> {
    guard unit >= 0 && Int(unit) + 1 < singleStart.count else { return [] }
    return singlePhrases[Int(singleStart[Int(unit)])..<Int(singleStart[Int(unit) + 1])]
  }

  /// The phrases of two or more units that start with `first` and go on with `second`.
  func phrases(startingWith first: Int32, then second: Int32) -> ArraySlice<Int32> {
    guard let pair = pairOf[Self.pairKey(first, second)] else { return [] }
    return pairPhrases[Int(pairStart[Int(pair)])..<Int(pairStart[Int(pair) + 1])]
  }

  static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
  }

  static func pinyinKey(_ units: ArraySlice<String>, hanzi: HanziTable) -> String? {
    var key = ""
    for unit in units {
      guard let scalar = unit.unicodeScalars.first, let pinyin = hanzi.pinyin(of: scalar) else {
        return nil
      }
      if !key.isEmpty { key += " " }
      key += pinyin
    }
    return key
  }

  /// Collects phrases from the pack's names and the lexicons.
  private struct Builder {
    let unitizer: Unitizer
    /// Units that are stop words of a lexicon: a part of a title made of them alone ("KI und")
    /// names no session.
    let stopUnits: Set<String>
    var phrases: [Phrase] = []
    var seen: Set<PhraseKey> = []
    /// Words of exhibit and City Walk stop names, by the languages of the texts they come from:
    /// like lexicon words, they are common words of those languages ("lane", "folding"), and a
    /// question in another language must not be corrected towards them (German "lange" is no
    /// misspelt "lane").
    var demoWordLanguages: [String: Set<Language>] = [:]
    /// Words for kinds of session that end German compound title words ("zeremonie").
    var titleTails: [String] = []

    /// The same words for the same thing in the same language are kept once.
    struct PhraseKey: Hashable {
      var units: [String]
      var payload: PhrasePayload
      var language: Language?

      /// The units' bytes only: a String's own hash normalises Unicode first, which for tens of
      /// thousands of Chinese names was a tenth of the index's build time. Keys that differ only
      /// in payload or language share a hash and are told apart by `==`.
      func hash(into hasher: inout Hasher) {
        for unit in units {
          var unit = unit
          unit.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
          hasher.combine(UInt8(0xFF))  // no UTF-8 byte: ["ab", "c"] is not ["a", "bc"]
        }
      }
    }

    mutating func add(
      _ text: String, _ payload: PhrasePayload, language: Language? = nil
    ) {
      add(
        units: unitizer.units(text).map(\.text), payload, language: language)
    }

    mutating func reserveCapacity(_ count: Int) {
      seen.reserveCapacity(count)
      phrases.reserveCapacity(count)
    }

    /// Adds a phrase already cut into units (parts of a title, cut once for all its parts).
    mutating func add(
      units: [String], _ payload: PhrasePayload, language: Language? = nil
    ) {
      guard !units.isEmpty else { return }
      guard seen.insert(PhraseKey(units: units, payload: payload, language: language)).inserted
      else { return }
      phrases.append(
        Phrase(units: units, payload: payload, language: language))
    }

    /// How a visitor may write a route's number: in digits (no language), or as a number word
    /// of a lexicon ("two", "zwei", 二). Words that are also ordinals or articles ("first", "a")
    /// are left out: "walk first" and "walk a little" name no route.
    static func routeNumbers(_ number: Int, lexicon: Lexicon) -> [(String, Language?)] {
      var numbers: [(String, Language?)] = [(String(number), nil)]
      for language in lexicon.languages {
        let ordinals = Set(language.ordinals.keys)
        for (word, value) in language.numbers.sorted(by: { $0.key < $1.key })
        where value == Double(number) && !ordinals.contains(word)
          && (word.count >= 2 || word.unicodeScalars.allSatisfy(\.properties.isIdeographic))
        {
          numbers.append((word, language.language))
        }
      }
      return numbers
    }

    mutating func addNames(catalog: EventCatalog, lexicon: Lexicon) {
      let pack = catalog.pack
      func reference(_ type: EntityType, _ id: String, _ name: LocalizedText) -> PhrasePayload {
        .entity(EntityReference(type: type, id: id, name: name.text(.en)))
      }
      for exhibitor in pack.exhibitors {
        let payload = reference(.exhibitor, exhibitor.id, exhibitor.name)
        for text in exhibitor.name.allTexts + exhibitor.aliases + [exhibitor.id] {
          add(text, payload)
        }
      }
      for pavilion in pack.pavilions {
        let payload = reference(.pavilion, pavilion.id, pavilion.name)
        for text in pavilion.name.allTexts + pavilion.aliases { add(text, payload) }
      }
      for hall in pack.venues.halls {
        let payload = reference(.hall, hall.id, hall.name)
        for text in hall.name.allTexts + [hall.id] { add(text, payload) }
      }
      for zone in pack.venues.zones { add(zone.id, reference(.zone, zone.id, zone.name)) }
      for booth in pack.booths {
        add(booth.id, .entity(EntityReference(type: .booth, id: booth.id, name: booth.id)))
      }
      for room in pack.venues.rooms {
        let payload = reference(.room, room.id, room.name)
        for text in room.name.allTexts + (room.aliases ?? []) { add(text, payload) }
      }
      for venue in pack.venues.venues where venue.kind != .outdoor {
        let payload = reference(.venue, venue.id, venue.name)
        for text in venue.name.allTexts + (venue.aliases ?? []) { add(text, payload) }
      }
      for speaker in pack.speakers {
        let payload = reference(.speaker, speaker.id, speaker.name)
        for text in speaker.name.allTexts { add(text, payload) }
        // "Hinton" and "辛顿" alone, when the family name is distinctive.
        if let english = speaker.name[.en], let family = english.split(separator: " ").last,
          family.count >= 5
        {
          add(String(family), payload)
        }
        if let chinese = speaker.name[.zh], let family = chinese.split(separator: "·").last,
          chinese.contains("·"), family.count >= 2
        {
          add(String(family), payload)
        }
      }
      var organisers: [String: [String]] = [:]
      for session in pack.sessions {
        let payload = reference(.session, session.id, session.title)
        for text in session.title.allTexts { add(text, payload) }
        addTitleParts(session)
        for organiser in session.organisers {
          organisers[organiser.text(.en), default: []].append(session.id)
          for text in organiser.allTexts {
            add(
              text,
              .entity(
                EntityReference(
                  type: .organiser, id: organiser.text(.en), name: organiser.text(.en))))
          }
        }
      }
      for topic in pack.topics {
        let payload = reference(.topic, topic.id, topic.name)
        for text in topic.name.allTexts + topic.aliases + [topic.id] { add(text, payload) }
        // A German adjective takes the ending its sentence gives it ("zu verkörperter KI",
        // "über autonomes Fahren"), and a written form that is itself a name's word is never
        // corrected to another: every ending of a German name is a name.
        let germanWords = Set(
          (topic.name[.de] ?? "").lowercased().split(separator: " ").map(String.init))
        for text in [topic.name[.de]].compactMap({ $0 }) + topic.aliases
        where text == topic.name[.de]
          || text.lowercased().split(separator: " ").contains(where: {
            germanWords.contains(String($0))
          }) || text.contains(where: { "äöüßÄÖÜ".contains($0) })
        {
          for form in MatcherIndex.germanAdjectiveForms(text) { add(form, payload, language: .de) }
        }
      }
      for (index, route) in pack.cityWalks.enumerated() {
        let payload = reference(.route, route.id, route.name)
        for text in route.name.allTexts + [route.id] { add(text, payload) }
        // "City Walk 2" is the brand visitors of every language use; "walk two" is English
        // and "Stadtspaziergang zwei" German, which says the visitor's language.
        let templates: [(Language, [String])] = [
          (.en, ["route #", "walk #", "city walk #", "walk number #"]),
          (.de, ["stadtspaziergang #", "spaziergang #", "stadtspaziergang nummer #"]),
          (.zh, ["路线#", "城市漫步#", "漫步#", "#号路线", "城市漫步#号线", "漫步#号线", "城市漫步路线#"]),
        ]
        for (number, numberLanguage) in Self.routeNumbers(index + 1, lexicon: lexicon) {
          for (language, texts) in templates
          where numberLanguage == nil || numberLanguage == language {
            let marked: Language? =
              language == .de || (language == .en && numberLanguage != nil) ? language : nil
            for text in texts {
              add(text.replacingOccurrences(of: "#", with: number), payload, language: marked)
            }
          }
        }
      }
      for node in pack.walkways.nodes {
        guard let name = node.name, node.kind == .entrance || node.kind == .metro else { continue }
        let payload = EntityReference(type: .place, id: node.id, name: name.text(.en))
        for text in name.allTexts + (node.aliases ?? []) { add(text, .entity(payload)) }
      }
      for entry in pack.info {
        for keyword in entry.keywords {
          add(keyword, .info(entry.id), language: entry.keywordLanguages[keyword])
        }
      }
    }

    /// The demos people come for, searchable like names: the telling words of exhibits ("mahjong
    /// robot", "clothes-folding arm") point to their exhibitor, those of City Walk stops ("cola
    /// hand-out", "drone delivery point") to their route. A word counts when it is not a topic,
    /// a cue or an ordinary word and belongs to one record only; Chinese names count whole and
    /// with the topic and exhibitor names in them taken out (麻将机器人 → 麻将).
    mutating func addDemoWords(catalog: EventCatalog, lexicon: Lexicon) {
      let pack = catalog.pack
      var known = Set<String>()
      var knownHan: [String] = []
      func learn(_ text: String) {
        let units = unitizer.units(text)
        for unit in units where unit.kind == .word { known.insert(unit.text) }
        guard units.contains(where: { $0.kind == .han }) else { return }
        let han = units.filter { $0.kind == .han }.map(\.text).joined()
        if han.count >= 2 { knownHan.append(han) }
      }
      for topic in pack.topics { (topic.name.allTexts + topic.aliases).forEach(learn) }
      // Exhibitor names are many (8,000 in a large pack): they are taken out of City Walk
      // stops only ("智元机器人递可乐"), where they occur; exhibits are stripped of the rest.
      var exhibitorHan = Set<String>()
      for exhibitor in pack.exhibitors {
        for text in exhibitor.name.allTexts {
          let units = unitizer.units(text)
          for unit in units where unit.kind == .word { known.insert(unit.text) }
          let han = units.filter { $0.kind == .han }.map(\.text).joined()
          if han.count >= 2 { exhibitorHan.insert(han) }
        }
      }
      for venue in pack.venues.venues {
        (venue.name.allTexts + (venue.aliases ?? [])).forEach(learn)
      }
      for hall in pack.venues.halls { hall.name.allTexts.forEach(learn) }
      for room in pack.venues.rooms { room.name.allTexts.forEach(learn) }
      for pavilion in pack.pavilions { (pavilion.name.allTexts + pavilion.aliases).forEach(learn) }
      for language in lexicon.languages {
        let cueWords = language.cues.values.flatMap { $0.strong + $0.weak }
        let facilityWords =
          language.facilities.values.flatMap { $0 }
          + language.unlistedFacilities.values.flatMap { $0 }
        // Time and quantity words too: "Minuten" in a description is no name for its exhibitor.
        let timeWords =
          Array(language.durationUnits.keys) + Array(language.months.keys)
          + Array(language.weekdays.keys) + language.dayWords
        (language.stopwords + language.commonWords + cueWords + facilityWords
          + language.placeWords + Array(language.numbers.keys) + timeWords).forEach(learn)
      }
      let knownHanSet = Set(knownHan)
      let stopHanSet = knownHanSet.union(exhibitorHan)
      // With the lengths the names come in, longest first: a substring of another length is
      // never looked up (most lengths up to the longest name have no name at all).
      typealias HanNames = (names: Set<String>, lengths: [Int])
      let knownNames: HanNames = (knownHanSet, Set(knownHanSet.map(\.count)).sorted(by: >))
      let stopNames: HanNames = (stopHanSet, Set(stopHanSet.map(\.count)).sorted(by: >))
      // The pieces of a Chinese name left when the known names in it are taken out, longest
      // first (智元机器人 before 机器人). Looks up the name's own substrings, so the cost does not
      // grow with the number of names in the pack.
      func unknownPieces(_ han: String, known: HanNames) -> [String] {
        let characters = Array(han)
        var taken = [Bool](repeating: false, count: characters.count)
        for length in known.lengths where length >= 2 && length <= characters.count {
          for start in 0...(characters.count - length)
          where !taken[start..<(start + length)].contains(true)
            && known.names.contains(String(characters[start..<(start + length)]))
          {
            for position in start..<(start + length) { taken[position] = true }
          }
        }
        var pieces: [String] = []
        var current = ""
        for (position, character) in characters.enumerated() {
          if taken[position] {
            if !current.isEmpty { pieces.append(current) }
            current = ""
          } else {
            current.append(character)
          }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
      }
      // A piece without the stop characters at its ends: "中的" left of "公共服务中的AI" once
      // the known words are out is no name, and heard wrong ("钟的" in "分钟的") it named a walk.
      func trimmingStops(_ piece: String) -> String {
        var characters = Substring(piece)
        while let first = characters.first, stopUnits.contains(String(first)) {
          characters = characters.dropFirst()
        }
        while let last = characters.last, stopUnits.contains(String(last)) {
          characters = characters.dropLast()
        }
        return String(characters)
      }
      // Who a word belongs to: one record (its position in `references`) or several (-1).
      var references: [EntityReference] = []
      var owners: [String: Int] = [:]
      var hanOwners: [String: Int] = [:]
      func claim(_ word: String, _ owner: Int, in table: inout [String: Int]) {
        if let current = table[word] {
          if current != owner { table[word] = -1 }
        } else {
          table[word] = owner
        }
      }
      // The words and Han pieces of a text, once per distinct text: packs repeat descriptions
      // ("A synthetic exhibit." thousands of times).
      var splitTexts: [String: (words: [String], han: [String])] = [:]
      func split(_ text: String, hanKnown: HanNames) -> (words: [String], han: [String]) {
        if let known = splitTexts[text] { return known }
        let units = unitizer.units(text)
        let words = units.filter { $0.kind == .word && $0.text.count >= 4 }.map(\.text)
        let han = units.filter { $0.kind == .han }.map(\.text).joined()
        var pieces: [String] = []
        if han.count >= 2 {
          // A demo named exactly as a topic ("人形机器人") leaves the word to the topic: asked
          // for, it lists every exhibitor of it, not the one demo.
          pieces =
            (hanKnown.names.contains(han) ? [] : [han])
            + unknownPieces(han, known: hanKnown).map(trimmingStops)
            .filter { $0.count >= 2 && $0 != han }
        }
        splitTexts[text] = (words, pieces)
        return (words, pieces)
      }
      func collect(
        _ texts: [String], _ owner: Int, claimed: Set<String>, hanKnown: HanNames,
        words countWords: Bool = true
      ) {
        for text in texts {
          let (words, han) = split(text, hanKnown: hanKnown)
          for word in words where countWords && !known.contains(word) && !claimed.contains(word) {
            claim(word, owner, in: &owners)
          }
          for piece in han where !claimed.contains(piece) { claim(piece, owner, in: &hanOwners) }
        }
      }
      // Words of exhibit names and City Walk stops may be reached by a misspelling. A
      // description gives only its Chinese pieces: its Latin words are mostly the language's
      // own ("such", "behind", "unter", "gezeigt"), and no word list of every language says
      // which ones are not.
      for exhibitor in pack.exhibitors where !exhibitor.exhibits.isEmpty {
        references.append(
          EntityReference(type: .exhibitor, id: exhibitor.id, name: exhibitor.name.text(.en)))
        for exhibit in exhibitor.exhibits {
          collect(exhibit.name.allTexts, references.count - 1, claimed: [], hanKnown: knownNames)
          collect(
            exhibit.description?.allTexts ?? [], references.count - 1, claimed: [],
            hanKnown: knownNames, words: false)
          for language in Language.allCases {
            guard let text = exhibit.name[language] else { continue }
            for word in split(text, hanKnown: knownNames).words {
              demoWordLanguages[word, default: []].insert(language)
            }
          }
        }
      }
      // A stop that shows an exhibit ("千寻智能叠衣服") leaves the exhibit's words to it: they
      // name the exhibitor, not the walk.
      let exhibitWords = Set(owners.keys).union(hanOwners.keys)
      // Stops are stripped of exhibitor names too: split their texts afresh.
      splitTexts = [:]
      for route in pack.cityWalks {
        references.append(
          EntityReference(type: .route, id: route.id, name: route.name.text(.en)))
        for stop in route.stops {
          collect(
            stop.name.allTexts, references.count - 1, claimed: exhibitWords, hanKnown: stopNames)
          for language in Language.allCases {
            guard let text = stop.name[language] else { continue }
            for word in split(text, hanKnown: stopNames).words {
              demoWordLanguages[word, default: []].insert(language)
            }
          }
        }
      }
      for (word, owner) in owners.sorted(by: { $0.key < $1.key }) where owner >= 0 {
        add(word, .entity(references[owner]))
      }
      for (word, owner) in hanOwners.sorted(by: { $0.key < $1.key }) where owner >= 0 {
        add(word, .entity(references[owner]))
      }
    }

    /// Runs of two to four title words (Latin) or three to six characters (Han), so that a
    /// visitor can name a session by part of its title.
    mutating func addTitleParts(_ session: Session) {
      for title in session.title.allTexts {
        let units = unitizer.units(title)
        var start = 0
        while start < units.count {
          let isHan = units[start].kind == .han
          var end = start
          while end < units.count && (units[end].kind == .han) == isHan { end += 1 }
          let run = units[start..<end].map(\.text)
          let (shortest, longest) = isHan ? (3, 6) : (2, 4)
          if !isHan {
            // Long single words name a session too ("Eröffnungszeremonie", "infrastructure").
            for word in run where word.count >= 8 { add(units: [word], .sessionPart(session.id)) }
          }
          if run.count > shortest {
            for length in shortest...min(longest, run.count - 1) {
              for offset in 0...(run.count - length)
              where !run[offset..<(offset + length)].allSatisfy(stopUnits.contains) {
                add(units: Array(run[offset..<(offset + length)]), .sessionPart(session.id))
              }
            }
          }
          start = end
        }
      }
      // "Eröffnungszeremonie": its head "Eröffnung" names the session as well, so that
      // "Eröffnungsfeier" (split into "eröffnung" and "feier") and "die Eröffnung" find it.
      guard let german = session.title[.de] else { return }
      for unit in unitizer.units(german) where unit.kind == .word && unit.text.count >= 8 {
        for tail in titleTails where unit.text.hasSuffix(tail) && unit.text.count - tail.count >= 5
        {
          let head = String(unit.text.dropLast(tail.count))
          add(units: [head], .sessionPart(session.id))
          // A linking "s" after -ung, -heit, -keit, -schaft, -tion ("Eröffnungs-").
          if head.hasSuffix("s"),
            ["ungs", "heits", "keits", "schafts", "tions"].contains(where: head.hasSuffix)
          {
            add(units: [String(head.dropLast())], .sessionPart(session.id))
          }
        }
      }
    }

    mutating func addLexicon(_ lexicon: LanguageLexicon) {
      let language = lexicon.language
      for (name, cues) in lexicon.cues {
        guard let intent = Intent(rawValue: name) else { continue }
        for cue in cues.strong { add(cue, .cue(intent, strong: true), language: language) }
        for cue in cues.weak { add(cue, .cue(intent, strong: false), language: language) }
      }
      for phrase in lexicon.outOfScope { add(phrase, .outOfScope, language: language) }
      for word in lexicon.stopwords { add(word, .stop, language: language) }
      let time = lexicon.time
      for word in time.today { add(word, .time(.today), language: language) }
      for word in time.tomorrow { add(word, .time(.tomorrow), language: language) }
      for word in time.dayAfterTomorrow { add(word, .time(.dayAfterTomorrow), language: language) }
      for word in time.yesterday { add(word, .time(.yesterday), language: language) }
      for word in time.now { add(word, .time(.now), language: language) }
      for word in time.next { add(word, .time(.next), language: language) }
      for word in time.clock ?? [] { add(word, .time(.oclock), language: language) }
      for (part, words) in time.parts {
        for word in words {
          switch word {
          case "am", "a.m.": add(word, .time(.meridiem(pm: false)), language: language)
          case "pm", "p.m.": add(word, .time(.meridiem(pm: true)), language: language)
          default: add(word, .time(.part(part)), language: language)
          }
        }
      }
      for (word, month) in lexicon.months { add(word, .time(.month(month)), language: language) }
      for (word, weekday) in lexicon.weekdays {
        add(word, .time(.weekday(weekday)), language: language)
      }
      for word in lexicon.dayWords { add(word, .time(.day), language: language) }
      for (word, number) in lexicon.numbers {
        add(word, .time(.number(number)), language: language)
      }
      for (word, minutes) in lexicon.durationUnits {
        add(word, .time(.durationUnit(minutes)), language: language)
      }
      for (phrase, minutes) in lexicon.durationPhrases {
        add(phrase, .time(.span(minutes)), language: language)
      }
      for (suffix, minutes) in lexicon.durationCompounds {
        for (word, number) in lexicon.numbers where number > 0 && number <= 12 {
          for ending in ["", "e", "en", "er", "es", "em"] {
            add(word + suffix + ending, .time(.span(number * minutes)), language: language)
          }
        }
      }
      for (kind, words) in lexicon.facilities {
        for word in words { add(word, .facility(kind), language: language) }
      }
      for (kind, words) in lexicon.unlistedFacilities {
        for word in words { add(word, .unlistedFacility(kind), language: language) }
      }
      for word in lexicon.stepFreeWords { add(word, .stepFree, language: language) }
    }
  }
}

extension MatcherIndex {
  /// A German name of an adjective and a noun ("Verkörperte KI") with each ending an
  /// adjective takes before its noun (verkörperten, verkörperter, verkörpertes, verkörpertem):
  /// empty when no word before the last ends as an adjective does.
  static func germanAdjectiveForms(_ text: String) -> [String] {
    let words = text.lowercased().split(separator: " ").map(String.init)
    guard words.count >= 2 else { return [] }
    var stems: [Int: String] = [:]
    for (position, word) in words.dropLast().enumerated() where word.count >= 5 {
      // The longest ending first: "verkörperten" is "verkörpert" + "en", not "verkörperte" + "n".
      for ending in ["en", "er", "es", "em", "e"] where word.hasSuffix(ending) {
        stems[position] = String(word.dropLast(ending.count))
        break
      }
    }
    guard !stems.isEmpty else { return [] }
    return ["e", "en", "er", "es", "em"].map { ending in
      words.enumerated().map { position, word in
        stems[position].map { $0 + ending } ?? word
      }.joined(separator: " ")
    }.filter { $0 != text.lowercased() }
  }
}
