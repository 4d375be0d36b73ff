import EventModel
import Foundation

/// An entity found in the question; `nested` when it lies inside a longer name of something else
/// (机器人 inside 智元机器人), reported but not taken as what the question is about.
struct EntityMatch: Sendable {
  var reference: EntityReference
  var match: PhraseMatch
  var nested: Bool
}

/// Times the question names, resolved against the clock and the event's days.
struct TimeUnderstanding: Sendable {
  /// A calendar day ("tomorrow", "July 27", "day 2", "Sunday").
  var day: LocalDate?
  /// How the day was given, for answers: "tomorrow".
  var relativeDay: TimeWord?
  /// A part of the day ("afternoon").
  var part: String?
  /// A clock time in minutes after midnight ("3pm", "15:00", "下午三点").
  var clock: Int?
  /// Where a clock range ends ("14 bis 16 Uhr"), after `clock`.
  var clockEnd: Int?
  var isNow = false
  var isNext = false

  var isEmpty: Bool { day == nil && part == nil && clock == nil && !isNow && !isNext }
}

/// Everything the matcher understood of one question, before it decides the intent.
struct Understanding: Sendable {
  var units: [Unit]
  var language: Language
  var entities: [EntityMatch] = []
  /// Sessions named by part of their title, with how many telling words matched.
  var sessionParts: [String: Int] = [:]
  var strongCues: [Intent: Int] = [:]
  var weakCues: [Intent: Int] = [:]
  var outOfScope = false
  var facilities: [String] = []
  /// The kind of amenity the pack does not map that the question asks for ("cloakroom").
  var unlistedFacility: String?
  /// Where each facility kind's first words start, to tell from the words before them whether
  /// a walk starts or ends there ("from the entrance").
  var facilityStarts: [String: Int] = [:]
  /// The question asks for a way without stairs.
  var stepFree = false
  /// Information entries named by their keywords: 2 per telling word, 1 per question word.
  var infoHits: [String: Int] = [:]
  /// Where each information entry's first keyword starts and its last ends, to break ties by
  /// position.
  var infoStarts: [String: Int] = [:]
  var infoEnds: [String: Int] = [:]
  /// Where each telling information keyword stands, to tell a keyword of its own from one that
  /// is only a place's name ("West Bund" names the venue and keys its metro entry).
  var infoSpans: [Range<Int>] = []
  var time = TimeUnderstanding()
  /// Minutes ("two hours" → 120).
  var duration: Double?
  /// Share of the question's units that something explains (names, cues, times, stop words).
  var coverage: Double = 0
  /// Per unit: whether a name, cue, time or stop word explains it.
  var explained: [Bool] = []
  /// Lowest quality among the entities taken: exact, corrected, homophone.
  var quality: MatchQuality = .exact
  /// A follow-up asked to add a forum to the plan before it ("add a forum").
  var addsSession = false

  func primary(_ type: EntityType) -> [EntityReference] {
    var seen = Set<String>()
    return entities.filter {
      !$0.nested && $0.reference.type == type && seen.insert($0.reference.id).inserted
    }
    .map(\.reference)
  }

  func has(_ types: EntityType...) -> Bool {
    entities.contains { !$0.nested && types.contains($0.reference.type) }
  }

  func cue(_ intent: Intent) -> Bool { (strongCues[intent] ?? 0) > 0 }

  /// Whether one of these unit sequences occurs in the question.
  func containsAny(of markers: [[String]]) -> Bool {
    markers.contains { marker in
      guard marker.count <= units.count else { return false }
      return (0...(units.count - marker.count)).contains { matches(marker, at: $0) }
    }
  }

  /// Whether the units from `start` on are `marker` (never an empty one). Compares in place:
  /// this runs for every marker list on every question.
  func matches(_ marker: [String], at start: Int) -> Bool {
    guard !marker.isEmpty, start >= 0, marker.count <= units.count - start else { return false }
    var offset = 0
    while offset < marker.count && units[start + offset].text == marker[offset] { offset += 1 }
    return offset == marker.count
  }

  /// Where a unit sequence occurs in the question.
  func starts(of marker: [String]) -> [Int] {
    guard !marker.isEmpty, marker.count <= units.count else { return [] }
    return (0...(units.count - marker.count)).filter { matches(marker, at: $0) }
  }

  /// How many units nothing explains, numbers and the given marker words left out.
  func unexplainedCount(besides markers: [[String]]) -> Int {
    var covered = explained
    for marker in markers {
      for start in starts(of: marker) {
        for position in start..<(start + marker.count) where position < covered.count {
          covered[position] = true
        }
      }
    }
    return units.indices.filter { position in
      units[position].kind != .number && !(position < covered.count && covered[position])
    }.count
  }

  /// The longest run of units nothing explains, as the visitor typed it: the name of something
  /// the pack does not have ("nvidia" in "is nvidia here", 英伟达 in 英伟达在哪); whether it
  /// names nothing (all its words are ordinary words of the language, "charge", or it follows a
  /// modal word, "where can I recharge…", 哪里可以买水); and whether it is what something is
  /// about ("talks on blockchain").
  func unexplainedName(index: MatcherIndex) -> (name: String, ordinary: Bool, subject: Bool)? {
    // The longest run of unexplained words, but first a run the words before mark as where a
    // walk starts or ends: in "the quickest way to the Bund" the place is "Bund", not
    // "quickest". Only a question asking a way is searched for one: off-topic questions have
    // many runs, and every question comes here.
    let asksWay = cue(.directions) || (weakCues[.directions] ?? 0) > 0
    var best: Range<Int>?
    var bestIsPlace = false
    var bestLetters = 0
    var start: Int?
    var latinRuns = 0
    for position in 0...units.count {
      let open = position < units.count && !explained[position] && units[position].kind != .number
      if open, start == nil { start = position }
      if !open, let first = start {
        if units[first].kind == .word { latinRuns += 1 }
        let isPlace = asksWay && role(at: first, index: index) != nil
        // Of runs as long, the one with more letters: "iflytek", not "u", in "can u tell me
        // where iflytek is".
        let letters = units[first..<position].reduce(0) { $0 + $1.text.utf8.count }
        if (isPlace && !bestIsPlace)
          || (isPlace == bestIsPlace
            && (position - first, letters) > (best?.count ?? 0, bestLetters))
        {
          bestLetters = letters
          best = first..<position
          bestIsPlace = isPlace
        }
        start = nil
      }
    }
    guard var best else { return nil }
    // A subject word nothing else knows (关于, "regarding") starts the run: what follows is the
    // subject, and the word is not part of its name.
    var opensWithSubject = false
    for marker in index.subjectMarkers
    where index.subjectFirstUnits.contains(units[best.lowerBound].text)
      && best.count > marker.count && matches(marker, at: best.lowerBound)
    {
      best = (best.lowerBound + marker.count)..<best.upperBound
      opensWithSubject = true
      break
    }
    let run = units[best]
    let afterModal = index.modalMarkers.contains { marker in
      matches(marker, at: best.lowerBound - marker.count)
    }
    // Three runs of words nothing knows make a sentence, not a name looked for: in "my
    // colleague told me there's a company making robot hands" no "Colleague Told" is missing.
    let ordinary =
      afterModal || latinRuns >= 3
      || run.allSatisfy { $0.kind == .word && index.ordinaryWords.contains($0.text) }
    // Right after a subject word, or after one stop word more ("on the metaverse").
    let subject =
      opensWithSubject
      || (0...1).contains { skip in
        let end = best.lowerBound - skip
        guard
          skip == 0 || (end >= 0 && end < units.count && index.stopUnits.contains(units[end].text))
        else { return false }
        guard end >= 1, end <= units.count, index.subjectLastUnits.contains(units[end - 1].text)
        else { return false }
        return index.subjectMarkers.contains { matches($0, at: end - $0.count) }
      }
    if run.allSatisfy({ $0.kind == .han }) {
      return run.count >= 2 ? (run.map(\.text).joined(), afterModal, subject) : nil
    }
    return (
      run.map { $0.text.prefix(1).uppercased() + $0.text.dropFirst() }.joined(separator: " "),
      ordinary, subject
    )
  }

  /// Where a walk starts or ends, as the words before a place say: "from the Red Hall" is the
  /// start, "to Unitree", "zur Roten Halle", "到红厅" the end; nil when nothing says.
  func role(of entity: EntityMatch, index: MatcherIndex) -> PlaceRole? {
    role(at: entity.match.start, index: index)
  }

  /// Where a walk starts or ends, for a place or facility whose words start at `start`.
  func role(at start: Int, index: MatcherIndex) -> PlaceRole? {
    func marked(_ markers: [[String]]) -> Bool {
      // The marker right before the place, or before one stop word ("from the …").
      for skip in 0...1 {
        let end = start - skip
        if skip == 1
          && (end < 0 || end >= units.count || !index.stopUnits.contains(units[end].text))
        {
          continue
        }
        for marker in markers where end <= units.count && matches(marker, at: end - marker.count) {
          return true
        }
      }
      return false
    }
    if marked(index.originMarkers) { return .origin }
    if marked(index.destinationMarkers) { return .destination }
    return nil
  }
}

extension Understanding {
  /// Builds the understanding from the units and phrase matches of a question.
  init(
    units: [Unit], matches: [PhraseMatch], index: MatcherIndex, now: Date, hasGermanLetters: Bool
  ) {
    self.units = units
    language = Self.language(
      units: units, matches: matches, index: index, hasGermanLetters: hasGermanLetters)
    var explained = [Bool](repeating: false, count: units.count)
    func explain(_ match: PhraseMatch) {
      for position in match.start..<match.end { explained[position] = true }
    }

    // Names: keep the best match per span; drop shorter matches of the same entity; mark nested.
    var named: [(PhraseMatch, EntityReference)] = []
    var infoMatches: [(PhraseMatch, String)] = []
    var cueSpans: [Range<Int>] = []
    var timeMatches: [(PhraseMatch, TimeWord)] = []
    var greetingSpans: [Range<Int>] = []
    // Information keywords of several words: a cue word inside one is part of it ("waic" in
    // "what is Hi WAIC" asks about the assistant, not the event). A greeting inside one still
    // greets ("Hi WAIC!").
    var keywordSpans: [Range<Int>] = []
    // Spans of strong cues of an intent other than practical information.
    var otherCueSpans: [Range<Int>] = []
    // Cues of several words, with their intents: a one-word cue of another intent inside one
    // is part of it ("nächste" asks for the nearest, "als Nächstes" for what comes next).
    var longCues: [(span: Range<Int>, intent: Intent)] = []
    // Whether the question asks for exhibitors or sessions ("companies", "forums").
    var asksForRecords = false
    // Parts of the day said in several words ("after lunch", 午饭后): the meal in them is a
    // time, not somewhere to eat.
    var partSpans: [Range<Int>] = []
    // One pass reads each match's payload once: these lists are made for every question.
    for match in matches {
      switch index.phrases[match.phrase].payload {
      case .info where match.length >= 2: keywordSpans.append(match.start..<match.end)
      case .time(.part) where match.length >= 2: partSpans.append(match.start..<match.end)
      case .cue(let intent, let strong):
        if strong && intent != .venueInfo { otherCueSpans.append(match.start..<match.end) }
        if match.length >= 2 { longCues.append((match.start..<match.end, intent)) }
        // A word for them ("公司", "forum"), not a question word ("在哪里", "where").
        if strong && (intent == .findExhibitor || intent == .findSession)
          && index.contentUnits[match.phrase] > 0
        {
          asksForRecords = true
        }
      default: break
      }
    }
    var nameSpans: [Range<Int>] = []
    for match in matches where match.length >= 2 && index.phraseEntityTypes[match.phrase] != nil {
      nameSpans.append(match.start..<match.end)
    }
    func insideLongerName(_ match: PhraseMatch) -> Bool {
      nameSpans.contains {
        $0.lowerBound <= match.start && match.end <= $0.upperBound && $0.count > match.length
      }
    }
    func insideLongerKeyword(_ match: PhraseMatch) -> Bool {
      keywordSpans.contains {
        $0.lowerBound <= match.start && match.end <= $0.upperBound && $0.count > match.length
      }
    }
    func insidePartOfDay(_ match: PhraseMatch) -> Bool {
      partSpans.contains {
        $0.lowerBound <= match.start && match.end <= $0.upperBound && $0.count > match.length
      }
    }
    func insideLongerCue(_ match: PhraseMatch, of intent: Intent) -> Bool {
      longCues.contains {
        $0.intent != intent && $0.span.lowerBound <= match.start
          && match.end <= $0.span.upperBound
      }
    }
    // Words of a title that are all a topic's name ("大模型", "large models") say no more than
    // the topic: they pick every session on it, not the one whose title has them.
    var topicSpans: [Range<Int>] = []
    for match in matches where index.phraseEntityTypes[match.phrase] == .topic {
      topicSpans.append(match.start..<match.end)
    }
    // A word that is a topic's name and a facility's or an information entry's ("医疗":
    // healthcare and first aid) is the topic when the question asks for companies or talks:
    // "有做医疗AI的公司吗" wants healthcare exhibitors, not the first-aid point.
    func isTopicOfRecords(_ match: PhraseMatch) -> Bool {
      asksForRecords && topicSpans.contains(match.start..<match.end)
    }
    for match in matches {
      let part = index.sessionPartOf[match.phrase]
      if part >= 0 {
        if topicSpans.contains(where: { $0.lowerBound <= match.start && match.end <= $0.upperBound }
        ) {
          explain(match)
          continue
        }
        // Count only the words that say something ("opening" in "opening ceremony").
        let id = index.sessionPartIDs[Int(part)]
        sessionParts[id] = max(sessionParts[id] ?? 0, Int(index.contentUnits[match.phrase]))
        explain(match)
        continue
      }
      let phrase = index.phrases[match.phrase]
      switch phrase.payload {
      case .entity(let reference):
        named.append((match, reference))
      case .sessionPart:
        break  // counted above, from the index's table
      case .facility(let kind):
        // Inside a longer information keyword or name the facility word is part of it:
        // "entrance" in "entrance fee" asks for no entrance, in "the north entrance" for that
        // one.
        if insideLongerKeyword(match) || insideLongerName(match) || isTopicOfRecords(match)
          || insidePartOfDay(match)
        {
          explain(match)
          continue
        }
        if !facilities.contains(kind) { facilities.append(kind) }
        facilityStarts[kind] = min(facilityStarts[kind] ?? match.start, match.start)
        explain(match)
      case .unlistedFacility(let kind):
        // Asked for companies or talks ("firms making charging stations"), it is a topic.
        if unlistedFacility == nil && !asksForRecords { unlistedFacility = kind }
        explain(match)
      case .stepFree:
        stepFree = true
        explain(match)
      case .info(let id):
        // Counted once the times are read: a keyword inside a duration is none.
        if !isTopicOfRecords(match) && !insidePartOfDay(match) { infoMatches.append((match, id)) }
        explain(match)
      case .cue(let intent, let strong):
        if (intent != .greeting && match.length == 1
          && (insideLongerKeyword(match) || insideLongerCue(match, of: intent)))
          || (intent == .venueInfo && isTopicOfRecords(match))
        {
          explain(match)
          continue
        }
        if strong && match.length >= 2 { cueSpans.append(match.start..<match.end) }
        if intent == .greeting && match.length >= 2 {
          greetingSpans.append(match.start..<match.end)
        }
        if strong {
          strongCues[intent, default: 0] += match.length
        } else {
          weakCues[intent, default: 0] += 1
        }
        explain(match)
      case .outOfScope:
        outOfScope = true
        explain(match)
      case .stop:
        explain(match)
      case .time(let word):
        timeMatches.append((match, word))
        explain(match)
      }
    }
    named.sort { lhs, rhs in
      (lhs.0.quality, lhs.0.length, -lhs.0.start) > (rhs.0.quality, rhs.0.length, -rhs.0.start)
    }
    // What is kept so far, per span: many records can share one name (a merged exhibitor list
    // has hundreds of "Acme"), so the checks below look at the few distinct spans, not at every
    // record kept, and stay linear in the number of matches.
    struct Span {
      let start: Int
      let end: Int
      var references: Set<EntityReference> = []
      var hasExact = false
      var hasPrimary = false
      var length: Int { end - start }
      func overlaps(_ match: PhraseMatch) -> Bool { start < match.end && match.start < end }
    }
    var spans: [Span] = []
    var spanOf: [SIMD2<Int>: Int] = [:]
    var kept: [EntityMatch] = []
    for (match, reference) in named {
      // The spans covering this match, read in place: a large pack gives hundreds of matches.
      var coveredBySame = false
      var coveredByLonger = false
      for span in spans where span.start <= match.start && match.end <= span.end {
        if span.references.contains(reference) {
          coveredBySame = true
          break
        }
        if span.length > match.length { coveredByLonger = true }
      }
      if coveredBySame { continue }
      // A corrected or homophone match never stands where an exact one already does.
      if match.quality < .exact, spans.contains(where: { $0.hasExact && $0.overlaps(match) }) {
        continue
      }
      // Inside a longer name, or inside a cue phrase of several words ("city" in "city walk").
      let nested =
        coveredByLonger
        || spans.contains { $0.hasPrimary && $0.length > match.length && $0.overlaps(match) }
        || cueSpans.contains {
          $0.lowerBound <= match.start && match.end <= $0.upperBound
            && $0.count > match.length && match.quality == .exact
        }
      kept.append(EntityMatch(reference: reference, match: match, nested: nested))
      let key = SIMD2(match.start, match.end)
      let position: Int
      if let known = spanOf[key] {
        position = known
      } else {
        position = spans.count
        spanOf[key] = position
        spans.append(Span(start: match.start, end: match.end))
      }
      spans[position].references.insert(reference)
      spans[position].hasExact = spans[position].hasExact || match.quality == .exact
      spans[position].hasPrimary = spans[position].hasPrimary || !nested
      explain(match)
    }
    entities = kept.sorted { ($0.match.start, $0.match.end) < ($1.match.start, $1.match.end) }
    quality = entities.filter { !$0.nested }.map(\.match.quality).min() ?? .exact

    // A time word inside a name of several words is part of the name: "Night owls: a late
    // session" is a session, not a question about the evening. Inside a greeting it is part of
    // the greeting: "good afternoon", "bis morgen" and 明天见 ask about no time.
    var inName = [Bool](repeating: false, count: units.count)
    for span in kept.filter({ !$0.nested && $0.match.length >= 2 }).map({
      $0.match.start..<$0.match.end
    }) + greetingSpans {
      for position in span where position < inName.count { inName[position] = true }
    }
    let parsed = TimeParser(
      units: units, matches: timeMatches, index: index, now: now, skipping: inName)
    time = parsed.time
    duration = parsed.duration
    for (match, id) in infoMatches {
      // "hour" in "in one hour" is how long, not the opening hours.
      if let span = parsed.durationSpan,
        span.lowerBound <= match.start && match.end <= span.upperBound
      {
        continue
      }
      // A keyword that is only a question or cue word ("when", "几点"), or exactly another
      // intent's cue ("多远", how far: to anywhere), points weakly.
      let telling =
        (index.contentUnits[match.phrase] > 0 || match.length > 1)
        && !otherCueSpans.contains(match.start..<match.end)
      infoHits[id, default: 0] += telling ? 2 * match.length : 1
      infoStarts[id] = min(infoStarts[id] ?? match.start, match.start)
      infoEnds[id] = max(infoEnds[id] ?? 0, match.end)
      if telling { infoSpans.append(match.start..<match.end) }
    }
    for position in parsed.explained { explained[position] = true }

    let total = units.count
    coverage = total == 0 ? 0 : Double(explained.filter { $0 }.count) / Double(total)
    self.explained = explained
  }

  private static func language(
    units: [Unit], matches: [PhraseMatch], index: MatcherIndex, hasGermanLetters: Bool
  ) -> Language {
    // A name is written as its owner writes it, not in the visitor's language: "where is
    // 宇树科技" is English. Han and Latin words are counted outside names, unless names are
    // all the question has.
    var inName = [Bool](repeating: false, count: units.count)
    for match in matches where index.phraseEntityTypes[match.phrase] != nil {
      for position in match.start..<match.end where position < inName.count {
        inName[position] = true
      }
    }
    var han = 0
    var words = 0
    var hanOutside = 0
    var wordsOutside = 0
    for (position, unit) in units.enumerated() {
      if unit.kind == .han {
        han += 1
        if !inName[position] { hanOutside += 1 }
      } else if unit.kind == .word {
        words += 1
        if !inName[position] { wordsOutside += 1 }
      }
    }
    if hanOutside + wordsOutside > 0 {
      han = hanOutside
      words = wordsOutside
    }
    if han > 0 && han >= words { return .zh }
    // A span two lexicons have ("waic", "hi waic", "was") says nothing about the language: a
    // word the Chinese lexicon lists in Latin letters is one visitors of every language use.
    // A question has a few dozen matches: a list searched in place costs less than hashing.
    var spans: [(start: Int, end: Int, languages: UInt8)] = []
    // A word inside a longer name or keyword of no language is read as part of it: "walk" in
    // "City Walk" says nothing of the visitor's language.
    var neutralSpans: [Range<Int>] = []
    for match in matches where match.length >= 2 && index.phraseLanguages[match.phrase] == nil {
      neutralSpans.append(match.start..<match.end)
    }
    for match in matches {
      guard let language = index.phraseLanguages[match.phrase] else { continue }
      if neutralSpans.contains(where: {
        $0.lowerBound <= match.start && match.end <= $0.upperBound && $0.count > match.length
      }) {
        continue
      }
      let bit: UInt8 = language == .en ? 1 : language == .de ? 2 : 4
      if let seen = spans.firstIndex(where: { $0.start == match.start && $0.end == match.end }) {
        spans[seen].languages |= bit
      } else {
        spans.append((match.start, match.end, bit))
      }
    }
    var english = 0
    var german = hasGermanLetters ? 2 : 0
    for span in spans {
      if span.languages == 1 { english += span.end - span.start }
      if span.languages == 2 { german += span.end - span.start }
    }
    return german > english ? .de : .en
  }
}
