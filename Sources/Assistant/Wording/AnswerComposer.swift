import EventModel
import Foundation
import Knowledge
import Matcher
import Recommender

/// Words the answer to a visitor's request from the pack: concrete facts (hall, floor, booth,
/// walking minutes, times, rooms), approximate where the pack says modelled, in the visitor's
/// language.
struct AnswerComposer {
  let catalog: EventCatalog
  let request: VisitorRequest
  let context: AskContext
  let language: Language
  let exampleRecords: ExampleRecords
  let recommender: Recommender
  let knowledge: KnowledgeStore?
  /// Session titles folded once per assistant, for the title words a question names.
  let sessionTitles: SessionTitleCache
  var slots: [String: SlotValue] = [:]
  var suggestions: [String] = []

  init(
    catalog: EventCatalog, request: VisitorRequest, context: AskContext, language: Language,
    examples: ExampleRecords, recommender: Recommender, knowledge: KnowledgeStore?,
    sessionTitles: SessionTitleCache
  ) {
    self.sessionTitles = sessionTitles
    self.recommender = recommender
    self.knowledge = knowledge
    self.catalog = catalog
    self.request = request
    self.context = context
    self.language = language
    exampleRecords = examples
  }

  var u: VisitorRequest { request }

  /// A name the question gives that the pack does not have ("Nvidia"), folded, each word with
  /// a capital (`asTyped` gives it as the visitor wrote it). German writes names and nouns with
  /// a capital: a word typed in lower case in a German question that has capitals elsewhere is
  /// a verb or an adjective ("Wo kann ich mein Handy aufladen?"), not a missing exhibitor.
  var missingName: String? {
    guard let missing = u.unexplainedName, !u.unexplainedNameIsOrdinary else { return nil }
    guard u.language == .de else { return missing }
    let words = u.question.split { !$0.isLetter }
    let capitalsElsewhere = words.dropFirst().contains { $0.first?.isUppercase == true }
    guard capitalsElsewhere else { return missing }
    // Any word of the run typed only in lower case: "Handy aufladen" is something to do.
    for part in missing.split(separator: " ") {
      let typed = words.filter { $0.lowercased() == part.lowercased() }
      if !typed.isEmpty, typed.allSatisfy({ $0.first?.isLowercase == true }) { return nil }
    }
    return missing
  }

  /// A run of folded words as the visitor wrote them, where a written word folds to it
  /// ("Boston Dynamics", not "Boston Dynamic"; "iFlytek"); a word typed all in lower case gets a
  /// capital ("nvidia" → "Nvidia").
  func asTyped(_ run: String) -> String {
    // Latin words only: Han characters run straight on from a name ("iFlytek在哪里"). Read by
    // scalars: every question the pack cannot place comes here.
    let question = u.question
    var typed: [Substring] = []
    var start: String.Index?
    let scalars = question.unicodeScalars
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let isWord =
        scalar.value <= 0x024F
        && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
      if isWord, start == nil { start = index }
      if !isWord, let first = start {
        typed.append(question[first..<index])
        start = nil
      }
      index = scalars.index(after: index)
    }
    if let first = start { typed.append(question[first...]) }
    // Folded as the question was: "Sanitätsstation" is the run "sanitatsstation". Once per
    // word, not once per word of the run.
    let foldedTyped = typed.map { TextFolding.fold($0) }
    return run.split(separator: " ").map { part in
      let folded = part.lowercased()
      guard
        let at = foldedTyped.firstIndex(where: { written in
          written == folded || (written.hasPrefix(folded) && written.count <= folded.count + 2)
        })
      else { return String(part) }
      let word = typed[at]
      // Written with capitals of its own ("iFlytek"), it stays as written.
      if word.contains(where: \.isUppercase) { return String(word) }
      return word.prefix(1).uppercased() + word.dropFirst()
    }.joined(separator: " ")
  }

  /// Words as the visitor typed them when they read as a person's name: two or more Latin
  /// words, each typed with a capital ("Yann LeCun", not "the party"); else nil.
  func typedName(_ words: String) -> String? {
    let parts = words.split(separator: " ")
    guard parts.count >= 2 else { return nil }
    // Latin words only: Han characters run straight on from a name ("Yann LeCun的演讲").
    let typed = u.question.split { character in
      !character.isLetter || character.unicodeScalars.contains { $0.value > 0x024F }
    }
    var name: [Substring] = []
    for part in parts {
      guard !part.unicodeScalars.contains(where: { $0.value > 0x024F }),
        let word = typed.first(where: {
          $0.lowercased() == part.lowercased() && $0.first?.isUppercase == true
        })
      else { return nil }
      name.append(word)
    }
    return name.joined(separator: " ")
  }

  /// English, Chinese or German, whichever the answer is in (only that one is made).
  func t(
    _ en: @autoclosure () -> String, _ zh: @autoclosure () -> String,
    _ de: @autoclosure () -> String
  ) -> String {
    language.choose(en(), zh(), de())
  }

  /// English or Chinese, and the English text where German has the same words.
  func t(_ en: @autoclosure () -> String, _ zh: @autoclosure () -> String) -> String {
    language.choose(en(), zh(), en())
  }

  func name(_ text: LocalizedText) -> String { text.text(language) }

  mutating func compose(_ intent: Intent) -> (
    intent: Intent, text: String, slots: [String: SlotValue], suggestions: [String]
  ) {
    var intent = intent
    var text: String
    // "Where is the Nvidia booth?": a name the pack does not have, where an exhibitor or a
    // place would be. Saying so beats listing every exhibitor.
    // The same when the model, finding no name it knows, leans to "now" or the event while the
    // question asks where something is ("百度在哪里" on a pack without Baidu).
    let asksWhere =
      [.findExhibitor, .directions].contains(intent)
      || (intent == .venueInfo && !u.cue(.venueInfo))
      || ([.nowNearby, .eventInfo].contains(intent) && u.cue(.findExhibitor) && u.time.isEmpty
        && u.eventFacets.isEmpty)
    // Words no list knows that are no name ("where can I pray") are not known either: "I don't
    // know" then, without calling them a missing exhibitor.
    if asksWhere,
      !u.has(.exhibitor, .booth, .room, .hall, .zone, .venue, .pavilion, .topic, .place, .route),
      u.facilities.isEmpty, (u.infoHits.values.max() ?? 0) < 2,
      missingName != nil || u.unexplainedNameIsOrdinary
    {
      intent = .unknown
    }
    // "Was läuft übermorgen?": what is on, asked for another day, is the programme of that
    // day, not what is on now.
    if intent == .nowNearby, let day = u.time.day,
      day != EventTime.localDate(context.now, zone: catalog.timeZone)
    {
      intent = .findSession
    }
    // "I'm at Huawei, where is Baidu?": where something is, asked from a place the visitor
    // names as theirs, is the way from there.
    if intent == .findExhibitor,
      u.entities.contains(where: {
        !$0.nested && $0.role == .origin && Self.placeTypes.contains($0.reference.type)
      }),
      u.entities.contains(where: {
        !$0.nested && $0.role != .origin && Self.placeTypes.contains($0.reference.type)
      })
    {
      intent = .directions
    }
    // "What should I see in an hour?": a suggestion for a length of time is a plan for it.
    if intent == .recommend, u.duration != nil { intent = .planRoute }
    // "Where is the cloakroom?": an amenity no pack maps is missing, said so; not an exhibitor
    // missing from the list, nor every exhibitor.
    if u.unlistedFacility != nil, u.facilities.isEmpty, (u.infoHits.values.max() ?? 0) < 2,
      !u.has(.exhibitor, .booth, .room, .hall, .zone, .venue, .pavilion, .topic, .place, .route),
      [.findExhibitor, .directions, .venueInfo, .nowNearby, .eventInfo].contains(intent)
    {
      intent = .unknown
    }
    // "Wo finde ich Fundsachen?": where to find what an information entry is about, and no
    // name of any kind, asks for that entry, not for every exhibitor.
    if intent == .findExhibitor,
      !u.has(
        .exhibitor, .booth, .room, .hall, .zone, .venue, .pavilion, .topic, .place, .route,
        .speaker, .session, .organiser),
      u.facilities.isEmpty, (u.infoHits.values.max() ?? 0) >= 2
    {
      intent = .venueInfo
    }
    // "Wann ist der Vortrag über Rust?": a word for a talk, and a name no list knows that is in
    // a title. The model, finding no name it knows, leans to "I don't know"; the title decides.
    if intent == .unknown, u.cue(.findSession), !titledSessions(namesOnly: true).isEmpty {
      intent = .findSession
    }
    // "Yann LeCun的演讲是什么时候": a person the pack does not have, asked about a talk. Saying
    // so beats listing every session.
    if intent == .findSession, u.time.isEmpty,
      !u.has(.speaker, .session, .topic, .room, .exhibitor, .organiser),
      missingName.flatMap(typedName) != nil
    {
      intent = .unknown
    }
    if let clarification = ambiguity(for: intent) {
      text = clarification
    } else {
      switch intent {
      case .findExhibitor: text = findExhibitor()
      case .findSession: text = findSession()
      case .directions: text = directions()
      case .planRoute: text = planRoute()
      case .cityWalk: text = cityWalk()
      case .venueInfo: text = venueInfo()
      case .eventInfo: text = eventInfo()
      case .nowNearby: text = nowNearby()
      case .help: text = help()
      case .greeting: text = greeting()
      case .recommend: text = recommend()
      case .talkNotes: text = talkNotes()
      case .unknown: text = unknown()
      }
      // A way with nowhere to go, or a list with nothing in it, may still have named an
      // information entry ("去会场的班车在哪": where the shuttle to the venue goes from).
      if text.isEmpty && intent != .venueInfo && (u.infoHits.values.max() ?? 0) >= 2 {
        intent = .venueInfo
        text = venueInfo()
      }
      if text.isEmpty {
        intent = .unknown
        text = unknown()
      }
    }
    return (intent, text, slots, suggestions)
  }

  // MARK: - Ambiguity

  /// Two or more records of one kind named by the same words: ask which one is meant.
  private mutating func ambiguity(for intent: Intent) -> String? {
    guard [.findExhibitor, .directions, .findSession].contains(intent) else { return nil }
    // Records of one kind on one span, in the order they were named; one pass, so that a
    // name shared by thousands of records costs no more than a few.
    var groups: [[EntityReference]] = []
    var groupOf: [String: Int] = [:]
    var seen = Set<String>()
    for entity in u.entities where !entity.nested {
      let key =
        "\(entity.reference.type.rawValue) \(entity.span.lowerBound) \(entity.span.upperBound)"
      guard seen.insert(key + " " + entity.reference.id).inserted else { continue }
      if let group = groupOf[key] {
        groups[group].append(entity.reference)
      } else {
        groupOf[key] = groups.count
        groups.append([entity.reference])
      }
    }
    // Sessions of one title ("Coffee break" each afternoon) are one thing at several times:
    // the answer lists them all with their times rather than asking which.
    let sameSession = { (group: [EntityReference]) in
      group.allSatisfy { $0.type == .session && $0.name == group[0].name }
    }
    guard let distinct = groups.first(where: { $0.count >= 2 && !sameSession($0) }) else {
      return nil
    }
    // A handful to choose from, beyond that how many there are; records that share the very
    // same name are told apart by their booth, where they have one.
    let names = distinct.prefix(Self.choicesShown).map(\.name)
    let shown = distinct.prefix(Self.choicesShown).map { reference -> String in
      guard names.filter({ $0 == reference.name }).count > 1, reference.type == .exhibitor,
        let exhibitor = catalog.exhibitor(reference.id), let booth = exhibitor.booth
      else { return reference.name }
      let mark = exhibitor.provenance.isModelled("booth") ? "~" : ""
      return reference.name
        + t(" (booth \(mark)\(booth))", "（展位\(mark)\(booth)）", " (Stand \(mark)\(booth))")
    }
    let more = distinct.count - shown.count
    suggestions = shown.map { t("Where is \($0)?", "\($0)在哪里？", "Wo ist \($0)?") }
    if more > 0 {
      return t(
        "\(distinct.count) records share that name, e.g. \(shown.joined(separator: ", ")). Which one do you mean? Add the booth, hall or another word of the name.",
        "有\(distinct.count)条记录同名，例如\(shown.joined(separator: "、"))。您指哪一个？请补充展位、展馆或名称中的其他词。",
        "\(distinct.count) Einträge tragen diesen Namen, z. B. \(shown.joined(separator: ", ")). Welchen meinen Sie? Nennen Sie Stand, Halle oder ein weiteres Wort des Namens."
      )
    }
    return t(
      "Did you mean \(shown.joined(separator: " or "))?",
      "您是指\(shown.joined(separator: "还是"))？",
      "Meinen Sie \(shown.joined(separator: " oder "))?")
  }

  /// How many same-named records a clarifying question lists.
  static let choicesShown = 4

  // MARK: - Places

  /// Hall, floor and venue of a booth, e.g. "booth ~H3-A01, Hall H3, 2F, Shanghai World Expo …".
  func describeBooth(_ boothID: String, modelled: Bool) -> String {
    guard let place = catalog.place(ofBooth: boothID) else { return boothID }
    var parts = [t("booth ", "展位", "Stand ") + (modelled ? "~" : "") + boothID]
    if let hall = place.hall { parts.append(name(hall.name)) }
    if let floor = place.floor { parts.append(name(floor.name)) }
    if let venue = place.venue { parts.append(name(venue.name)) }
    return parts.joined(separator: language == .zh ? "，" : ", ")
  }

  func walkingNote(to node: String) -> String? {
    guard let here = context.here, let (seconds, metres) = travel(from: here, to: node) else {
      return nil
    }
    let minutes = max(1, (seconds / 60).roundedInt)
    return t(
      "about \(minutes) min walk (\(metres.roundedInt) m) from here",
      "从这里步行约\(minutes)分钟（\(metres.roundedInt)米）",
      "etwa \(minutes) Min. zu Fuß (\(metres.roundedInt) m) von hier")
  }

  func travel(from: String, to: String) -> (Double, Double)? {
    let walkways = catalog.walkways
    guard let start = walkways.nodePosition[from], let end = walkways.nodePosition[to] else {
      return nil
    }
    let result = walkways.travel(from: start, stepFree: u.stepFree)
    guard let seconds = result.seconds(to: end), let metres = result.metres(to: end) else {
      return nil
    }
    return (seconds, metres)
  }

  var approximateNote: String {
    t(
      "(Positions marked ~ are approximate: no official 2025 floor plan was published.)",
      "（标~的位置为约略位置：2025年官方平面图未公开。）",
      "(Mit ~ markierte Positionen sind ungefähr: Es gibt keinen offiziellen Hallenplan für 2025.)")
  }

  /// The note under sessions shown when any of them has a modelled start, room, title or
  /// speakers (shown with ~); nil when none has.
  func modelledSessionsNote(_ sessions: [Session]) -> String? {
    let modelled = sessions.contains { session in
      ["start", "room", "title", "speakers"].contains(where: session.provenance.isModelled)
    }
    guard modelled else { return nil }
    return t(
      "(What is marked ~ is approximate: the sources do not give it.)",
      "（标~的内容为约略信息：来源中没有给出。）",
      "(Mit ~ Markiertes ist ungefähr: Die Quellen nennen es nicht.)")
  }

  /// One session shown on its own ("Next:"), with the note on its ~ when it has any.
  func describeAlone(_ session: Session) -> String {
    describe(session) + (modelledSessionsNote([session]).map { "\n" + $0 } ?? "")
  }

  // MARK: - Exhibitors

  private mutating func findExhibitor() -> String {
    let exhibitors = u.primary(.exhibitor).compactMap { catalog.exhibitor($0.id) }
    if !exhibitors.isEmpty {
      slots["exhibitors"] = .list(exhibitors.map(\.id))
      var lines: [String] = []
      for exhibitor in exhibitors.prefix(3) {
        lines.append(describe(exhibitor))
      }
      if let first = exhibitors.first {
        let shown = name(first.name)
        suggestions = [
          t("How do I get to \(shown)?", "怎么去\(shown)？", "Wie komme ich zu \(shown)?"),
          t(
            "Who else shows \(topicName(first.topics.first))?",
            "还有谁展示\(topicName(first.topics.first))？",
            "Wer zeigt noch \(topicName(first.topics.first))?"),
          t(
            "Plan me an hour around \(shown)", "围绕\(shown)帮我规划一小时",
            "Plane mir eine Stunde rund um \(shown)"),
        ]
      }
      if exhibitors.contains(where: { $0.provenance.isModelled("booth") }) {
        lines.append(approximateNote)
      }
      return lines.joined(separator: "\n")
    }
    if let boothID = u.primary(.booth).first?.id {
      let here = (catalog.exhibitorsByBooth[boothID] ?? []).map { catalog.pack.exhibitors[$0] }
      slots["booth"] = .text(boothID)
      guard !here.isEmpty else {
        return t(
          "Booth \(boothID) has no exhibitor in this pack.", "展位\(boothID)在数据中没有展商。",
          "Stand \(boothID) hat in diesem Datenpaket keinen Aussteller.")
      }
      return here.map(describe).joined(separator: "\n")
    }
    // Nothing to choose exhibitors by but a City Walk stop's words ("哪个展商会叠衣服", the stop
    // 千寻智能叠衣服), or those and a topic the walk is about ("the cola robot": robots, and the
    // stop where AgiBot hands out cola): the walk that shows it, not every exhibitor of the pack.
    let walks = u.primary(.route).compactMap { route in
      catalog.pack.cityWalks.first { $0.id == route.id }
    }
    // Checked only when a walk is named: most exhibitor questions name none.
    func topicsOfTheWalk() -> Bool {
      let walkTopics = Set(walks.flatMap(\.topics))
      return u.primary(.topic).allSatisfy { topic in
        !walkTopics.isDisjoint(with: catalog.topicAndNarrower(topic.id))
      }
    }
    if !walks.isEmpty, !u.has(.pavilion, .hall, .zone), topicsOfTheWalk() {
      let walk = cityWalk()
      if !walk.isEmpty {
        return t(
          "That is a stop of the City Walk:", "这是城市漫步的一站：",
          "Das ist eine Station des Stadtspaziergangs:") + "\n" + walk
      }
    }
    // A topic, a pavilion, a hall or a zone: who shows it, and where.
    var filter = ExhibitorFilter()
    var what: [String] = []
    if let topic = u.primary(.topic).first, let record = catalog.topic(topic.id) {
      filter.topic = topic.id
      what.append(name(record.name))
      slots["topics"] = .list(u.primary(.topic).map(\.id))
    }
    if let pavilion = u.primary(.pavilion).first, let record = catalog.pavilion(pavilion.id) {
      filter.pavilion = pavilion.id
      what.append(name(record.name))
    }
    // Positions, not records: a topic can cover thousands of exhibitors in a large pack.
    let all = catalog.pack.exhibitors
    // The best known first (sourced prominence), then by name.
    var found = catalog.exhibitorPositions(matching: filter, bestKnownFirst: true)
    let booths = catalog.pack.booths
    let boothOf = catalog.exhibitorBoothPositions
    if let hall = u.primary(.hall).first?.id {
      found = found.filter { boothOf[$0].map { booths[$0].hall } == hall }
      what.append(hall)
    }
    if let zone = u.primary(.zone).first?.id {
      found = found.filter { boothOf[$0].flatMap { booths[$0].zone } == zone }
      what.append(zone)
    }
    guard !found.isEmpty else {
      var text = t(
        "I found no exhibitor for \(what.joined(separator: ", ")) in my list (\(catalog.pack.exhibitors.count) exhibitors).",
        "我的展商名单（\(catalog.pack.exhibitors.count)家）中没有与\(what.joined(separator: "、"))相关的展商。",
        "In meiner Ausstellerliste (\(catalog.pack.exhibitors.count) Aussteller) gibt es keinen zu \(what.joined(separator: ", "))."
      )
      // The topic may still be on the City Walk or the programme: say where.
      let topics = Set(u.primary(.topic).flatMap { catalog.topicAndNarrower($0.id) })
      let routes = catalog.pack.cityWalks.filter { !topics.isDisjoint(with: $0.topics) }
      if let route = routes.first {
        slots["route"] = .text(route.id)
        text += t(
          " It is on the City Walk: \(name(route.name)).", "城市漫步路线中有：\(name(route.name))。",
          " Es gehört zum Stadtspaziergang: \(name(route.name)).")
        suggestions = [
          t(
            "Tell me about \(name(route.name))", "介绍\(name(route.name))",
            "Erzähl mir von \(name(route.name))")
        ]
      }
      // "Gibt es eine Veranstaltung zu Mathematik?": no stand, but a forum on it.
      let onTopic = Set(topics.flatMap { catalog.sessionsByTopic[$0] ?? [] })
      if !onTopic.isEmpty {
        let sessions = catalog.sessionsByStart.filter(onTopic.contains).prefix(2)
          .map { catalog.pack.sessions[$0] }
        slots["sessions"] = .list(sessions.map(\.id))
        text += t(" On the programme:", "相关活动：", " Im Programm:")
        for session in sessions { text += "\n• " + describe(session) }
        if let modelled = modelledSessionsNote(Array(sessions)) { text += "\n" + modelled }
      }
      return text
    }
    slots["exhibitors"] = .list(found.prefix(50).map { all[$0].id })
    slots["count"] = .number(Double(found.count))
    // Which pavilion holds most of them: answers "which pavilion has humanoid robots". Counted
    // by the pavilions' numbers: a topic of a large pack has thousands of exhibitors.
    let pavilionIDs = catalog.exhibitorPavilions
    let pavilionOf = catalog.exhibitorPavilionNumber
    var pavilionCounts = [Int](repeating: 0, count: pavilionIDs.count)
    for position in found { pavilionCounts[Int(pavilionOf[position])] += 1 }
    let topPavilion = pavilionCounts.indices.filter { pavilionCounts[$0] > 0 }
      .max {
        (pavilionCounts[$0], pavilionIDs[$1]) < (pavilionCounts[$1], pavilionIDs[$0])
      }
      .flatMap { catalog.pavilion(pavilionIDs[$0]) }
    var lines: [String] = []
    // Nothing named to choose by ("which exhibitors are there"): all of them.
    let subject =
      what.isEmpty
      ? t("All exhibitors", "全部展商", "Alle Aussteller")
      : what.joined(separator: language == .zh ? "、" : ", ")
    if let topPavilion, filter.pavilion == nil {
      let halls = topPavilion.halls.joined(separator: "/")
      lines.append(
        t(
          "\(subject): mostly in the \(name(topPavilion.name)) (~\(halls)). \(found.count) exhibitor\(found.count == 1 ? "" : "s"):",
          "\(subject)：主要在\(name(topPavilion.name))（~\(halls)）。共\(found.count)家展商：",
          "\(subject): vor allem im \(name(topPavilion.name)) (~\(halls)). \(found.count) Aussteller:"
        ))
    } else {
      lines.append(
        t(
          "\(subject): \(found.count) exhibitors:", "\(subject)：共\(found.count)家展商：",
          "\(subject): \(found.count) Aussteller:"))
    }
    for exhibitor in found.prefix(6).map({ all[$0] }) {
      let booth = exhibitor.booth.map { " — ~\($0)" } ?? ""
      lines.append("• \(name(exhibitor.name))\(booth)")
    }
    if found.count > 6 {
      lines.append(
        t(
          "… and \(found.count - 6) more.", "……还有\(found.count - 6)家。",
          "… und \(found.count - 6) weitere."))
    }
    lines.append(approximateNote)
    suggestions = found.prefix(3).map { all[$0] }.map {
      t("Where is \(name($0.name))?", "\(name($0.name))在哪里？", "Wo ist \(name($0.name))?")
    }
    return lines.joined(separator: "\n")
  }

  func topicName(_ id: String?) -> String {
    id.flatMap { catalog.topic($0) }.map { name($0.name) } ?? t("this", "这类展品", "das")
  }

  func describe(_ exhibitor: Exhibitor) -> String { describe(exhibitor, withWalk: true) }

  func describe(_ exhibitor: Exhibitor, withWalk: Bool) -> String {
    var text = name(exhibitor.name)
    let other: Language = language == .zh ? .en : .zh
    if let alternative = exhibitor.name[other], alternative != text { text += " (\(alternative))" }
    if let booth = exhibitor.booth {
      text +=
        t(": ", "：", ": ")
        + describeBooth(booth, modelled: exhibitor.provenance.isModelled("booth"))
      if withWalk, let node = catalog.booth(booth)?.node, let walk = walkingNote(to: node) {
        text += t(" — ", "，", " — ") + walk
      }
    } else if let pavilion = catalog.pavilion(exhibitor.pavilion) {
      let mark = exhibitor.provenance.isModelled("pavilion") ? "~" : ""
      text += t(": ", "：", ": ") + mark + name(pavilion.name)
    }
    text += t(".", "。", ".")
    let exhibits = exhibitor.exhibits.prefix(3).map { name($0.name) }
    if !exhibits.isEmpty {
      text +=
        t(" Shows: ", "展出：", " Zeigt: ") + exhibits.joined(separator: t("; ", "；", "; "))
        + t(".", "。", ".")
    } else {
      text += " " + name(exhibitor.description)
    }
    return text
  }

  // MARK: - Sessions

  /// The sessions whose titles have the most of the words nothing else in the question
  /// explains (Latin words of three letters or more, Han runs of two characters or more), when
  /// that picks out a few (at most five) of them; none otherwise.
  ///
  /// With `namesOnly`, only the words typed as names count ("Rust", "SOLID", "tech4comp": a
  /// capital after a question's first word, a capital inside a word, or a digit inside
  /// letters), and a title must have all of them.
  func titledSessions(namesOnly: Bool = false) -> [Int] {
    // Most questions type no capital after their first letter: nothing to look for then.
    if namesOnly && !u.question.utf8.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
      guard u.question.utf8.contains(where: { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) }) else {
        return []
      }
    }
    guard let run = u.unexplainedName else { return [] }
    var words = TextFolding.fold(run).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
      .map { Assistant.TitleWord(String($0)) }
      .filter { $0.isHan ? $0.text.count >= 2 : $0.text.count >= 3 }
    if namesOnly {
      let typed = u.question.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
      let names = Set(
        typed.enumerated().filter { index, word in
          let inner = word.dropFirst()
          return inner.contains(where: \.isUppercase)
            || (index > 0 && word.first?.isUppercase == true)
            || (word.contains(where: \.isNumber) && word.contains(where: \.isLetter))
        }.map { TextFolding.fold(String($0.element)) })
      words = words.filter { !$0.isHan && names.contains($0.text) }
    }
    guard !words.isEmpty else { return [] }
    // How many of the words each title has, from the titles' word index.
    var score: [Int: Int] = [:]
    for word in words {
      for position in sessionTitles.sessions(having: word) { score[position, default: 0] += 1 }
    }
    guard let best = score.values.max(), !namesOnly || best == words.count else { return [] }
    let chosen = score.filter { $0.value == best }.keys.sorted()
    return chosen.count <= 5 ? chosen : []
  }

  private mutating func findSession() -> String {
    // "Any talks on blockchain?": a subject no session, title or topic has. Listing the whole
    // programme would answer as if it were about it; with a time, that time's programme
    // follows the word that nothing is on it.
    guard let subject = unknownSubject else { return sessionListing() }
    slots["unanswered"] = .text("not_listed")
    let line = t(
      "No session on the programme I know is about “\(subject)”.",
      "我所知的日程中没有关于“\(subject)”的活动。",
      "Im Programm, das ich kenne, geht es in keiner Sitzung um „\(subject)“.")
    let time = u.time
    if time.day != nil || time.part != nil || time.clock != nil || time.isNow || time.isNext {
      return line + "\n" + sessionListing()
    }
    // The programme's most covered topics, as what it can be asked about instead.
    let topics = catalog.sessionsByTopic.sorted {
      ($0.value.count, $1.key) > ($1.value.count, $0.key)
    }
    .prefix(4).compactMap { catalog.topic($0.key).map { name($0.name) } }
    guard !topics.isEmpty else { return line }
    suggestions = topics.prefix(2).map { topic in
      t(
        "Which sessions are on \(topic)?", "有哪些关于\(topic)的活动？",
        "Welche Sitzungen gibt es zu „\(topic)“?")
    }
    return line
      + t(
        " Ask me by topic, day or speaker; its topics include \(topics.joined(separator: ", ")).",
        "可以按主题、日期或嘉宾查找，主题包括\(topics.joined(separator: "、"))。",
        " Fragen Sie nach Thema, Tag oder Sprecher; Themen sind etwa \(topics.joined(separator: ", "))."
      )
  }

  /// What a session question asks about when it is a subject the pack has nothing on: the
  /// words right after "about", "on", "关于", that no name, topic or title has; nil otherwise.
  var unknownSubject: String? {
    guard u.unexplainedNameIsSubject, u.sessionParts.isEmpty, u.entities.isEmpty,
      u.facilities.isEmpty, let missing = missingName, titledSessions().isEmpty
    else { return nil }
    return asTyped(missing)
  }

  /// The sessions a question asks for, by name, title words, speaker, topic, room and time.
  private mutating func sessionListing() -> String {
    // Filter positions, not records: the catalog has each session's local day and minutes ready.
    var positions = catalog.sessionPositions(matching: SessionFilter())
    let all = catalog.pack.sessions
    var criteria: [String] = []
    let named = u.primary(.session).map(\.id)
    let bestPart = u.sessionParts.values.max() ?? 0
    // Part of a title picks sessions when it says more than a topic does ("opening ceremony",
    // "Youth Elite Forum"), not when it only repeats one ("AI governance").
    let titleIsSpecific = bestPart >= 2 || (bestPart >= 1 && u.primary(.topic).isEmpty)
    let parts = titleIsSpecific ? u.sessionParts.filter { $0.value == bestPart }.map(\.key) : []
    // Sessions are picked by position (ids and topics looked up once), not by reading each
    // session's fields: a large programme has a thousand.
    func keep(_ chosen: some Sequence<Int>) {
      var wanted = [Bool](repeating: false, count: all.count)
      for position in chosen where position >= 0 && position < all.count { wanted[position] = true }
      positions = positions.filter { wanted[$0] }
    }
    if !named.isEmpty || !parts.isEmpty {
      keep((named.isEmpty ? parts : named).compactMap { catalog.position(ofSession: $0) })
    } else if u.primary(.topic).isEmpty && u.primary(.speaker).isEmpty
      && u.primary(.organiser).isEmpty
    {
      // "When is the talk on Rust?": a short title word is no name in the index, but the
      // sessions whose titles have it are what the question is about.
      let titled = titledSessions()
      if !titled.isEmpty {
        keep(titled)
        criteria.append(u.unexplainedName ?? "")
      }
    }
    let speakers = u.primary(.speaker).map(\.id)
    if !speakers.isEmpty {
      let wanted = Set(speakers)
      positions = positions.filter { all[$0].speakers.contains(where: wanted.contains) }
      criteria += speakers.compactMap { catalog.speaker($0).map { name($0.name) } }
      slots["speakers"] = .list(speakers)
    }
    let organisers = u.primary(.organiser).map(\.id)
    if !organisers.isEmpty {
      positions = positions.filter {
        all[$0].organisers.contains { organisers.contains($0.text(.en)) }
      }
      criteria += organisers
    }
    let topics = u.primary(.topic).map(\.id)
    if !topics.isEmpty && named.isEmpty && parts.isEmpty {
      keep(topics.flatMap { catalog.sessionsByTopic[$0] ?? [] })
      // A session whose title names the topic is the one "the forum on it" means ("AI Safety
      // and Governance Forum" for AI safety): it comes first, the others after it in time. The
      // longest name found decides ("AI safety" says more than its alias "security").
      var titleMatch: [Int: Int] = [:]
      for topic in topics.compactMap({ catalog.topic($0) }) {
        for (position, length) in sessionTitles.sessions(namingTopic: topic) {
          titleMatch[position] = max(titleMatch[position] ?? 0, length)
        }
      }
      let titled = titleMatch.isEmpty ? [] : positions.filter { titleMatch[$0] != nil }
      if !titled.isEmpty && titled.count < positions.count {
        // Longest name first; in time within the same length.
        let ordered = titled.enumerated().sorted {
          (titleMatch[$0.element] ?? 0, -$0.offset) > (titleMatch[$1.element] ?? 0, -$1.offset)
        }.map(\.element)
        positions = ordered + positions.filter { titleMatch[$0] == nil }
      }
      criteria += topics.compactMap { catalog.topic($0).map { name($0.name) } }
      slots["topics"] = .list(topics)
    }
    if let room = u.primary(.room).first?.id {
      positions = positions.filter { all[$0].room == room }
    }
    // What the question asks for at any time, before its day and time narrow it.
    let beforeTime = positions
    var note = ""
    if let day = u.time.day {
      slots["day"] = .text(day.description)
      if catalog.days.contains(day) {
        positions = positions.filter { catalog.sessionDays[$0] == day }
      } else {
        note = notAnEventDay(day)
      }
    }
    let starts = catalog.sessionStartMinutes
    let ends = catalog.sessionEndMinutes
    if let part = u.time.part {
      slots["partOfDay"] = .text(part)
      let window: ClosedRange<Int> =
        switch part {
        case "morning": 0...(12 * 60 - 1)
        case "noon": (11 * 60 + 30)...(14 * 60)
        case "afternoon": (12 * 60)...(18 * 60 - 1)
        default: (18 * 60)...(24 * 60)
        }
      // Starts in the window, or is still running an hour into it: an all-day session is on
      // in the afternoon, a morning forum that runs to 13:00 is not.
      positions = positions.filter {
        window.contains(starts[$0])
          || (starts[$0] < window.lowerBound && ends[$0] > window.lowerBound + 60)
      }
    }
    if let clock = u.time.clock {
      slots["time"] = .text(EventTime.clockText(clock))
      if let end = u.time.clockEnd {
        // "Between 2 and 4pm": what runs at some time in the range.
        positions = positions.filter { starts[$0] < end && ends[$0] > clock }
      } else {
        positions = positions.filter {
          starts[$0] >= clock || (starts[$0] <= clock && clock < ends[$0])
        }
      }
    }
    // What the question asks for at any time: when nothing is on now, the next of it is.
    let anyTime = positions
    // "Now" on another day ("Was läuft am Montag gerade?") is that day: filtered by today's
    // clock it would call the day empty.
    let today = EventTime.localDate(context.now, zone: catalog.timeZone)
    let asksNow = (u.time.isNow || u.time.isNext) && (u.time.day == nil || u.time.day == today)
    if asksNow {
      let now = context.now
      positions = positions.filter { all[$0].end > now }
      if u.time.isNow && !u.time.isNext {
        positions = positions.filter { all[$0].start <= now.addingTimeInterval(7200) }
      }
    }
    // Only the sessions shown are copied whole: a large programme matches hundreds.
    let sessions = positions.prefix(5).map { all[$0] }
    slots["sessions"] = .list(positions.map { all[$0].id })
    // Every answer about a time says which day and part of it it is about.
    let window =
      note.isEmpty
      ? timeWindow(day: u.time.day, part: u.time.part, clock: u.time.clock, until: u.time.clockEnd)
      : nil
    guard !sessions.isEmpty else {
      if let window {
        let dayOnly = u.time.day.map { day in
          catalog.sessionDays.contains(day) && (u.time.part != nil || u.time.clock != nil)
        }
        // A session asked for by name or title has no criteria to list: "nothing on the
        // programme" would say the day is empty.
        if criteria.isEmpty && (!named.isEmpty || !parts.isEmpty) {
          return t(
            "Nothing on that for \(window).", "\(window)没有相关活动。",
            "Dazu gibt es für \(window) nichts.") + anotherTime(beforeTime)
        }
        return t(
          "Nothing on the programme for \(window)\(criteria.isEmpty ? "" : " (\(criteria.joined(separator: ", ")))").",
          "\(window)没有相关活动\(criteria.isEmpty ? "" : "（\(criteria.joined(separator: "、"))）")。",
          "Für \(window) steht nichts auf dem Programm\(criteria.isEmpty ? "" : " (\(criteria.joined(separator: ", ")))")."
        )
          + (dayOnly == true
            ? t(
              " Other times that day have sessions.", "当天其他时段有活动。",
              " Zu anderen Zeiten an dem Tag gibt es Sitzungen.") : "")
          + exhibitionDayNote(u.time.day) + anotherTime(beforeTime)
      }
      if asksNow,
        let next = anyTime.map({ all[$0] }).filter({ $0.start > context.now }).min(by: {
          ($0.start, $0.id) < ($1.start, $1.id)
        })
      {
        slots["sessions"] = .list([next.id])
        let room = u.primary(.room).first.flatMap { catalog.room($0.id) }.map { name($0.name) }
        return t(
          "Nothing on right now\(room.map { " in \($0)" } ?? ""). Next:",
          "\(room.map { "\($0)" } ?? "")现在没有活动。接下来：",
          "Gerade läuft nichts\(room.map { " in „\($0)“" } ?? ""). Als Nächstes:")
          + "\n• " + describeAlone(next)
      }
      if let speaker = speakers.first.flatMap({ catalog.speaker($0) }) {
        return note
          + t(
            "\(name(speaker.name)) is named among the guests of \(name(catalog.event.shortName)), but this pack has no session for them.",
            "\(name(speaker.name))是\(name(catalog.event.shortName))的嘉宾，但数据中没有其参加的活动。",
            "\(name(speaker.name)) wird unter den Gästen genannt, aber dieses Datenpaket enthält keine Sitzung mit ihnen."
          )
      }
      return note
        + t(
          "I found no session for that\(criteria.isEmpty ? "" : " (\(criteria.joined(separator: ", ")))"). Try another day or topic.",
          "没有找到相关活动\(criteria.isEmpty ? "" : "（\(criteria.joined(separator: "、"))）")。可以换一天或换个主题试试。",
          "Dazu habe ich keine Sitzung gefunden. Versuchen Sie einen anderen Tag oder ein anderes Thema."
        )
    }
    var lines: [String] = []
    if !note.isEmpty { lines.append(note) }
    if let window { lines.append(window + t(":", "：", ":")) }
    for session in sessions { lines.append("• " + describe(session)) }
    if positions.count > 5 {
      lines.append(
        t(
          "… and \(positions.count - 5) more.", "……还有\(positions.count - 5)场。",
          "… und \(positions.count - 5) weitere."))
    }
    if let modelled = modelledSessionsNote(sessions) { lines.append(modelled) }
    if let first = sessions.first {
      let room = catalog.room(first.room).map { name($0.name) } ?? first.room
      let day = catalog.programmeDate(first.start)
      let dayName = timeWindow(day: day, part: nil, clock: nil) ?? day.description
      suggestions = [
        // Without a floor plan there is no way to show: what else is on in that room.
        catalog.pack.walkways.nodes.isEmpty
          ? t("What is on in \(room) today?", "\(room)今天有什么活动？", "Was läuft heute in „\(room)“?")
          : t("How do I get to \(room)?", "怎么去\(room)？", "Wie komme ich zu „\(room)“?"),
        // Says the day, so that choosing it works without the answer before it.
        t("What is on \(dayName)?", "\(dayName)有什么活动？", "Was läuft am \(dayName)?"),
      ]
    }
    return lines.joined(separator: "\n")
  }

  /// When a question names what it wants (a session, a title's words, a speaker, a topic) and
  /// a time that has none of it: the next of it at another time, so that "anything on quantum
  /// computing tomorrow" learns when it is. Empty when the question named nothing of the kind.
  func anotherTime(_ positions: [Int]) -> String {
    let asked =
      !u.sessionParts.isEmpty || u.has(.session, .speaker, .topic, .organiser)
      || !titledSessions().isEmpty
    guard asked, positions.count < catalog.pack.sessions.count else { return "" }
    let all = catalog.pack.sessions
    let sessions = positions.map { all[$0] }
    let upcoming = sessions.filter { $0.end > context.now }
    guard
      let next = (upcoming.isEmpty ? sessions : upcoming).min(by: {
        ($0.start, $0.id) < ($1.start, $1.id)
      })
    else { return "" }
    return "\n" + t("At another time:", "其他时间：", "Zu einer anderen Zeit:") + "\n• "
      + describeAlone(next)
  }

  /// For an event day without sessions that the exhibition is open: what the pack says of the
  /// day ("Day 4 · Tuesday 29 July (exhibition only, ends in the afternoon)"), else nothing.
  func exhibitionDayNote(_ day: LocalDate?) -> String {
    guard let day, !catalog.sessionDays.contains(day),
      let eventDay = catalog.event.days.first(where: { $0.date == day.description }),
      eventDay.activities.contains(.exhibition)
    else { return "" }
    return t(" That day: ", "当天：", " An dem Tag: ") + name(eventDay.label)
      + t(".", "。", ".")
  }

  /// "Sunday 27 July, evening", "7月27日（周日）晚上", "Sonntag, 27. Juli, abends": the time an
  /// answer is about, or nil when the question names none.
  func timeWindow(day: LocalDate?, part: String?, clock: Int?, until end: Int? = nil) -> String? {
    guard day != nil || part != nil || clock != nil else { return nil }
    var pieces: [String] = []
    if let day { pieces.append(day.longName(language)) }
    if let part {
      let names: [String: (String, String, String)] = [
        "morning": ("morning", "上午", "vormittags"), "noon": ("midday", "中午", "mittags"),
        "afternoon": ("afternoon", "下午", "nachmittags"), "evening": ("evening", "晚上", "abends"),
      ]
      if let name = names[part] { pieces.append(t(name.0, name.1, name.2)) }
    }
    if let clock, let end {
      let range = EventTime.clockText(clock) + "–" + EventTime.clockText(end)
      pieces.append(range)
    } else if let clock {
      let text = EventTime.clockText(clock)
      pieces.append(t("from \(text)", "\(text)起", "ab \(text)"))
    }
    return pieces.joined(separator: language == .zh ? "" : ", ")
  }

  func notAnEventDay(_ day: LocalDate) -> String {
    let first = catalog.days.first?.description ?? "?"
    let last = catalog.days.last?.description ?? "?"
    return t(
      "\(day) is not a day of \(name(catalog.event.shortName)) (\(first) to \(last)); here is the whole programme that matches:\n",
      "\(day)不是\(name(catalog.event.shortName))的会期（\(first)至\(last)）；以下是所有相关活动：\n",
      "\(day) ist kein Tag von \(name(catalog.event.shortName)) (\(first) bis \(last)); hier das passende Programm:\n"
    )
  }

  func describe(_ session: Session) -> String {
    let zone = catalog.timeZone
    let day = EventTime.localDate(session.start, zone: zone)
    let timeMark = session.provenance.isModelled("start") ? "~" : ""
    // A title no source gives (or no source gives in this language) is marked like a time.
    let titleMark = session.isTitleModelled(in: language) ? "~" : ""
    let roomMark = session.provenance.isModelled("room") ? "~" : ""
    let place = catalog.place(ofRoom: session.room)
    var room = place.map { name($0.room.name) } ?? session.room
    if let venue = place?.venue { room += t(", ", "，", ", ") + name(venue.name) }
    var text =
      "\(day.dayAndMonth(language)) \(timeMark)\(EventTime.clockTime(session.start, zone: zone))–\(EventTime.clockTime(session.end, zone: zone)) \(titleMark)\(name(session.title)) — \(roomMark)\(room)"
    let speakers = session.speakers.prefix(3).compactMap {
      catalog.speaker($0).map { name($0.name) }
    }
    if !speakers.isEmpty {
      let mark = session.provenance.isModelled("speakers") ? "~" : ""
      text +=
        t(" (with ", "（嘉宾：", " (mit ") + mark + speakers.joined(separator: ", ")
        + t(")", "）", ")")
    }
    if session.isOn(at: context.now) { text += t(" — on now", "——正在进行", " — läuft gerade") }
    return text
  }

  // MARK: - Directions

  private mutating func directions() -> String {
    // A room of a pack without a floor plan (one imported from a schedule): named, not placed.
    if catalog.pack.walkways.nodes.isEmpty,
      let entity = u.entities.first(where: { !$0.nested && $0.reference.type == .room }),
      let room = catalog.room(entity.reference.id)
    {
      slots["room"] = .text(room.id)
      return t(
        "\(name(room.name)): this event's data has no floor plan, so I cannot show the way there; the signs on site or an information desk can.",
        "\(name(room.name))：本活动的数据没有场馆平面图，无法为您指路；请参考现场指示牌或咨询服务台。",
        "\(name(room.name)): Zu dieser Veranstaltung gibt es keinen Lageplan, daher kann ich den Weg nicht zeigen; die Schilder vor Ort oder ein Infostand helfen weiter."
      )
    }
    guard let target = directionTarget() else { return "" }
    slots["to"] = .text(target.node)
    if u.stepFree { slots["stepFree"] = .flag(true) }
    var from = context.here
    // "from A to B", "to B from A": the words before the places say which is the start.
    let places = u.entities.filter {
      !$0.nested
        && [.exhibitor, .booth, .room, .venue, .place, .zone, .hall, .pavilion].contains(
          $0.reference.type)
    }
    let originFacility = u.facilities.first { u.facilityRoles[$0] == .origin }
    if case .text(let start)? = slots["from"] {
      // Chosen with the target ("from the entrance to the food court").
      from = start
    } else if places.count >= 2, let origin = u.walkEnds(places).origin,
      let start = catalog.node(for: origin.reference), start != target.node
    {
      from = start
      slots["from"] = .text(start)
    } else if let origin = places.first(where: { $0.role == .origin }),
      let start = catalog.node(for: origin.reference), start != target.node
    {
      from = start
      slots["from"] = .text(start)
    } else if let kind = originFacility, slots["facility"] != .text(kind),
      let start = nearest(facilityNodes(kind), to: target.node)?.id, start != target.node
    {
      // "From the entrance": the one nearest to where the walk goes.
      from = start
      slots["from"] = .text(start)
    } else if let here = context.here {
      slots["from"] = .text(here)
    }
    var text = target.description
    if let from, let (seconds, metres) = travel(from: from, to: target.node) {
      let minutes = max(1, (seconds / 60).roundedInt)
      slots["walkingMinutes"] = .number(Double(minutes))
      slots["walkingMetres"] = .number(metres.rounded())
      text += t(
        "\nAbout \(minutes) min on foot (\(metres.roundedInt) m)",
        "\n步行约\(minutes)分钟（\(metres.roundedInt)米）",
        "\nEtwa \(minutes) Min. zu Fuß (\(metres.roundedInt) m)")
      let fromVenue = catalog.node(from).flatMap { catalog.venue(ofFloor: $0.floor) }
      let toVenue = catalog.node(target.node).flatMap { catalog.venue(ofFloor: $0.floor) }
      if let fromFloor = catalog.node(from)?.floor, let toFloor = catalog.node(target.node)?.floor,
        fromFloor != toFloor, fromVenue?.id == toVenue?.id,
        let floor = catalog.floor(toFloor)
      {
        text += t(
          ", up or down to \(name(floor.name)) by lift or escalator", "，乘电梯或扶梯到\(name(floor.name))",
          ", mit Aufzug oder Rolltreppe nach \(name(floor.name))")
      }
      text += t(".", "。", ".")
      // Another venue across town: the metro, not a 7 km walk.
      if metres > 2_000, let toVenue {
        text += "\n" + transport(to: toVenue)
      }
    } else if from == nil {
      // Without a start, a venue across town still has its way there: the metro.
      if let toVenue = catalog.node(target.node).flatMap({ catalog.venue(ofFloor: $0.floor) }),
        let (_, metres) = travel(from: catalog.mainEntrance, to: target.node), metres > 2_000
      {
        text += "\n" + transport(to: toVenue)
      } else {
        text += t(
          "\nTell me where you are (or use a kiosk) for walking directions.",
          "\n告诉我您所在的位置（或使用导览终端），即可获得步行路线。",
          "\nSagen Sie mir, wo Sie sind, dann zeige ich den Weg.")
      }
    }
    suggestions = [
      t("Show it on the map", "在地图上显示", "Auf der Karte zeigen"),
      t("What is on near there?", "那附近有什么活动？", "Was läuft dort in der Nähe?"),
    ]
    return text + "\n" + approximateNote
  }

  /// How to get to a distant venue: the pack's transport entry whose keywords name the venue
  /// (the one the question named, if several), or a plain word that the metro or a taxi is
  /// quicker.
  private mutating func transport(to venue: Venue) -> String {
    let names = (venue.name.allTexts + (venue.aliases ?? [])).map { $0.lowercased() }
    let aboutVenue = catalog.pack.info.filter { entry in
      entry.category == .transport
        && entry.keywords.contains { keyword in
          names.contains { Self.contains($0, keyword.lowercased()) }
        }
    }
    let named = aboutVenue.first { u.infoHits[$0.id] != nil } ?? aboutVenue.first
    if let entry = named {
      slots["info"] = .text(entry.id)
      return infoText(entry)
    }
    return t(
      "It is a long walk: the metro or a taxi is quicker.", "步行较远，建议乘地铁或打车。",
      "Zu Fuß ist das weit: Mit der U-Bahn oder dem Taxi geht es schneller.")
  }

  /// "Nearest to Red Hall: ~Restrooms 2F (2F, …)": the place of a kind chosen near another.
  private func nearestLine(_ closest: WalkwayNode, to place: String) -> String {
    t("Nearest to \(place): ", "离\(place)最近的：", "Am nächsten zu „\(place)“: ") + "~"
      + (closest.name.map(name) ?? closest.id) + floorSuffix(closest.floor)
  }

  /// The places of a facility kind; "metro", "entrance" and "lift" are node kinds rather than
  /// facilities. Only facilities and named places are read: a large venue has thousands of
  /// nodes.
  private func facilityNodes(_ kind: String) -> [WalkwayNode] {
    let nodes = catalog.pack.walkways.nodes
    let facilityKind = FacilityKind(rawValue: kind)
    let nodeKind = NodeKind(rawValue: kind)
    return catalog.placeNodes.filter { index in
      let facility = nodes[index].facility
      return (facility != nil && facility == facilityKind)
        || (kind == "restroom" && facility == .accessibleRestroom)
        || (nodeKind != nil && nodes[index].kind == nodeKind && nodes[index].name != nil)
    }.map { nodes[$0] }
  }

  /// Of `nodes`, the one with the shortest walk to or from `place` (walks are the same both
  /// ways), by one search from the place; nil when the place is not on the walkways.
  private func nearest(_ nodes: [WalkwayNode], to place: String) -> WalkwayNode? {
    guard let position = catalog.walkways.nodePosition[place] else { return nil }
    let tree = catalog.walkways.travel(from: position)
    func seconds(_ node: WalkwayNode) -> Double {
      catalog.walkways.nodePosition[node.id].flatMap { tree.seconds(to: $0) } ?? .infinity
    }
    return nodes.min { seconds($0) < seconds($1) }
  }

  private mutating func directionTarget() -> (node: String, description: String)? {
    // "from A to B", "to B from A": B is the target.
    let places = u.entities.filter { !$0.nested && catalog.node(for: $0.reference) != nil }
    var ordered = places.count >= 2 ? Array(places.reversed()) : places
    if places.count >= 2, let destination = u.walkEnds(places).destination {
      ordered = [destination] + ordered.filter { $0.span.lowerBound != destination.span.lowerBound }
    }
    // A facility the walk starts at ("from the entrance to Unitree") is not where it goes.
    let facilityTarget =
      u.facilities.first { u.facilityRoles[$0] != .origin }
      ?? (places.isEmpty ? u.facilities.first : nil)
    if let kind = facilityTarget {
      let candidates = facilityNodes(kind)
      guard let first = candidates.first else { return nil }
      slots["facility"] = .text(kind)
      // "The toilet from Unitree": the nearest to where the walk starts. "The toilet near the
      // Gold Hall", 红厅附近的洗手间: the nearest to the place named. Else to the visitor.
      let anchor = places.first { $0.role == .origin } ?? places.first
      if let anchor, let at = catalog.node(for: anchor.reference),
        let closest = nearest(candidates, to: at)
      {
        return (closest.id, nearestLine(closest, to: placeName(anchor.reference)))
      }
      // "From the entrance to the food court": the nearest to the first of the kind the walk
      // starts at (the main one, where a plan starts too).
      if let startKind = u.facilities.first(where: { $0 != kind && u.facilityRoles[$0] == .origin }
      ),
        let start = facilityNodes(startKind).first, let closest = nearest(candidates, to: start.id)
      {
        // The walk starts where the target was chosen near.
        if start.id != closest.id { slots["from"] = .text(start.id) }
        return (closest.id, nearestLine(closest, to: start.name.map(name) ?? start.id))
      }
      if let here = context.here, let closest = nearest(candidates, to: here) {
        return (
          closest.id,
          t("Nearest: ", "最近的：", "Am nächsten: ") + "~" + (closest.name.map(name) ?? closest.id)
            + floorSuffix(closest.floor)
        )
      }
      let list = candidates.prefix(6).map {
        "• ~" + ($0.name.map(name) ?? $0.id) + floorSuffix($0.floor)
      }
      return (first.id, list.joined(separator: "\n"))
    }
    for entity in ordered {
      guard let node = catalog.node(for: entity.reference) else { continue }
      switch entity.reference.type {
      case .exhibitor:
        if let exhibitor = catalog.exhibitor(entity.reference.id) {
          return (node, describe(exhibitor, withWalk: false))
        }
      case .room:
        if let room = catalog.room(entity.reference.id) {
          return (node, "~" + name(room.name) + (room.floor.map(floorSuffix) ?? ""))
        }
      case .session:
        // "How do I get to the main forum?": to its room, with when it is on.
        if let session = catalog.session(entity.reference.id) {
          slots["sessions"] = .list([session.id])
          return (node, describeAlone(session))
        }
      default:
        // The record's name in the answer's language; the recognised name is the question's.
        let title = placeName(entity.reference)
        // Entrances and metro exits stand where the modelled walkway graph puts them.
        let approximate = [.place, .facility].contains(entity.reference.type) ? "~" : ""
        return (node, approximate + title + floorSuffix(catalog.node(node)?.floor ?? ""))
      }
    }
    return nil
  }

  /// A named place in the answer's language, as the pack names it.
  func placeName(_ reference: EntityReference) -> String {
    let id = reference.id
    let localized: LocalizedText? =
      switch reference.type {
      case .exhibitor: catalog.exhibitor(id)?.name
      case .room: catalog.room(id)?.name
      case .hall: catalog.hall(id)?.name
      case .zone: catalog.zone(id)?.name
      case .venue: catalog.venue(id)?.name
      case .pavilion: catalog.pavilion(id)?.name
      case .place, .facility: catalog.node(id)?.name
      default: nil
      }
    return localized.map(name) ?? reference.name
  }

  /// The kinds of name that stand for a place a walk can start or end at.
  static let placeTypes: Set<EntityType> = [
    .exhibitor, .booth, .hall, .room, .venue, .pavilion, .place,
  ]

  /// Whether `part` occurs in `text`, compared by their UTF-8 bytes (callers lower-case both):
  /// Foundation's search behind `String.contains` and `localizedCaseInsensitiveContains`, for
  /// floor names and metro entries, was about 3 % of the time of a mix of questions.
  static func contains(_ text: String, _ part: String) -> Bool {
    let haystack = Array(text.utf8)
    let needle = Array(part.utf8)
    guard let first = needle.first else { return true }
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  func floorSuffix(_ floorID: String) -> String {
    guard let floor = catalog.floor(floorID) else { return "" }
    let venue = catalog.venue(floor.venue).map { name($0.name) } ?? ""
    // An outdoor area's one "floor" is named like the area: say it once.
    if Self.contains(venue.lowercased(), name(floor.name).lowercased()) {
      return t(" (\(venue))", "（\(venue)）", " (\(venue))")
    }
    return t(
      " (\(name(floor.name)), \(venue))", "（\(venue)\(name(floor.name))）",
      " (\(name(floor.name)), \(venue))")
  }

  // MARK: - Plans and walks

  private mutating func planRoute() -> String {
    let topics = u.primary(.topic).map(\.id)
    let must = u.primary(.exhibitor).map(\.id)
    let sessions =
      u.primary(.session).map(\.id)
      + u.primary(.speaker).flatMap { speaker in
        catalog.pack.sessions.filter { $0.speakers.contains(speaker.id) }.map(\.id)
      }
    slots["interests"] = .list(topics)
    slots["mustSee"] = .list(must)
    slots["sessions"] = .list(sessions.uniqued())
    // A budget beyond what a plan can cover ("10^20 hours") is answered, not passed on.
    // "From 2 to 4pm" is as long as the range when no length is said.
    let rangeMinutes = u.time.clock.flatMap { start in u.time.clockEnd.map { Double($0 - start) } }
    var duration = (u.duration ?? rangeMinutes).flatMap {
      $0 >= VisitLimits.budgetMinutes.lowerBound ? $0 : nil
    }
    var limitNote = ""
    if let asked = duration, asked > VisitLimits.budgetMinutes.upperBound {
      duration = VisitLimits.budgetMinutes.upperBound
      let hours = (VisitLimits.budgetMinutes.upperBound / 60).truncatedInt
      limitNote = t(
        "I can plan up to \(hours) hours at a time. ", "我一次最多可以规划\(hours)小时。",
        "Ich kann höchstens \(hours) Stunden am Stück planen. ")
    }
    if let duration { slots["budgetMinutes"] = .number(duration) }
    if let day = u.time.day { slots["day"] = .text(day.description) }
    if let part = u.time.part { slots["partOfDay"] = .text(part) }
    if let clock = u.time.clock {
      slots["time"] = .text(EventTime.clockText(clock))
    }
    if u.stepFree { slots["stepFree"] = .flag(true) }
    if u.addsSession && sessions.isEmpty { slots["addSession"] = .flag(true) }
    let budget = duration.map { minutes -> String in
      minutes.truncatingRemainder(dividingBy: 60) == 0
        ? t(
          "\((minutes / 60).truncatedInt) h", "\((minutes / 60).truncatedInt)小时",
          "\((minutes / 60).truncatedInt) Std.")
        : t(
          "\(minutes.truncatedInt) min", "\(minutes.truncatedInt)分钟", "\(minutes.truncatedInt) Min."
        )
    }
    var understood: [String] = []
    understood += topics.compactMap { catalog.topic($0).map { name($0.name) } }
    understood += must.compactMap { catalog.exhibitor($0).map { name($0.name) } }
    let about =
      understood.isEmpty
      ? t("what interests you", "您感兴趣的内容", "Ihre Interessen")
      : understood.joined(separator: t(", ", "、", ", "))
    let lines = [
      limitNote
        + t(
          "I'll plan \(budget ?? "your visit") around \(about).",
          "我来围绕\(about)规划\(budget ?? "您的参观")。",
          "Ich plane \(budget ?? "Ihren Besuch") rund um \(about).")
    ]
    // Changes the plan can still take; chosen, they act on it as follow-ups.
    suggestions = []
    if !u.addsSession && sessions.isEmpty {
      suggestions.append(
        exampleRecords.capabilities.hasForums
          ? t("Add a forum to my plan", "把一场论坛加入行程", "Ein Forum zum Plan hinzufügen")
          : t("Add a talk to my plan", "把一场演讲加入行程", "Einen Vortrag zum Plan hinzufügen"))
    }
    // Step-free is a way to walk: a pack without a floor plan has none to change.
    if !u.stepFree && !catalog.pack.walkways.nodes.isEmpty {
      suggestions.append(t("Make it step-free", "改为无障碍路线", "Stufenlos planen"))
    }
    return lines.joined(separator: "\n")
  }

  private mutating func cityWalk() -> String {
    let routes = catalog.pack.cityWalks
    guard !routes.isEmpty else { return "" }
    // No route named, but a topic: the route about it ("which city walk has drones").
    let topics = Set(u.primary(.topic).flatMap { catalog.topicAndNarrower($0.id) })
    // The route sharing most of the question's topics; the first of equals.
    let byTopic = routes.map { route in (route, Set(route.topics).intersection(topics).count) }
      .filter { $0.1 > 0 }
    let best = byTopic.max { $0.1 < $1.1 }
    // A route by its position ("the second City Walk", "第三条") when none is named.
    // -1: the last ("the last City Walk").
    let byPosition = u.ordinal.map { $0 == -1 ? routes.count : $0 }.flatMap {
      $0 >= 1 && $0 <= routes.count ? routes[$0 - 1].id : nil
    }
    let chosen =
      u.primary(.route).first?.id ?? byPosition
      ?? byTopic.first(where: { $0.1 == best?.1 }).map(\.0.id)
    if let id = chosen, let route = catalog.cityWalk(id) {
      slots["route"] = .text(route.id)
      let distance = route.legDistances.reduce(0, +)
      let stops = route.stops.map { name($0.name) }.joined(separator: " → ")
      return t(
        "\(name(route.name)) — \(name(route.theme)). \(route.stops.count) stops, about \((distance / 1000).oneDecimal) km between them, \(route.dwellMinutes) min at the stops: \(stops). (Stops are modelled: no source gives the 2025 stops.)",
        "\(name(route.name))——\(name(route.theme))。共\(route.stops.count)站，站间约\((distance / 1000).oneDecimal)公里，停留约\(route.dwellMinutes)分钟：\(stops)。（站点为模拟数据：来源未给出2025年的站点。）",
        "\(name(route.name)) — \(name(route.theme)). \(route.stops.count) Stationen, etwa \(Labels.decimal(distance / 1000, language: .de)) km zwischen ihnen, \(route.dwellMinutes) Min. an den Stationen: \(stops). (Stationen sind modelliert: Keine Quelle nennt die Stationen von 2025.)"
      )
    }
    suggestions = routes.map { name($0.name) }
    // How long each takes, for the visitor choosing one ("how long is the City Walk").
    let list = routes.enumerated().map { index, route in
      let kilometres = Labels.decimal(route.legDistances.reduce(0, +) / 1000, language: language)
      return "\(index + 1). \(name(route.name)) — \(name(route.theme))" + t(" (", "（", " (")
        + t(
          "\(route.stops.count) stops, ~\(kilometres) km, ~\(route.dwellMinutes) min at the stops",
          "\(route.stops.count)站，~\(kilometres)公里，停留~\(route.dwellMinutes)分钟",
          "\(route.stops.count) Stationen, ~\(kilometres) km, ~\(route.dwellMinutes) Min. an den Stationen"
        )
        + t(")", "）", ")")
    }
    // Small counts read as words, as in the sources ("three routes").
    let count = routes.count
    let spelled =
      (1...10).contains(count)
      ? t(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][count - 1],
        ["一", "两", "三", "四", "五", "六", "七", "八", "九", "十"][count - 1],
        ["eine", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"][
          count - 1])
      : String(count)
    return t(
      "The City Walk has \(spelled) \(count == 1 ? "route" : "routes"):",
      "城市漫步共有\(spelled)条路线：",
      "Der Stadtspaziergang hat \(spelled) \(count == 1 ? "Route" : "Routen"):")
      + "\n" + list.joined(separator: "\n") + "\n"
      + t(
        "(What is marked ~ is modelled: no source gives the 2025 stops.)",
        "（标~的内容为模拟数据：来源未给出2025年的站点。）",
        "(Mit ~ Markiertes ist modelliert: Keine Quelle nennt die Stationen von 2025.)")
  }

  // MARK: - Information

  private mutating func venueInfo() -> String {
    let byFacility: [String: String] = [
      "restroom": "restrooms", "accessible-restroom": "accessibility", "food": "food",
      "water": "food",
      "first-aid": "first-aid", "lost-and-found": "lost-and-found", "info-desk": "venue-overview",
      "taxi": "traffic",
      "metro": "metro-expo-hall", "entrance": "venue-overview", "lift": "accessibility",
    ]
    // The entry of a facility the question names weighs one more and wins a tie: a facility
    // word is often a cue word too, which points only weakly ("which metro line goes to the
    // venue" asks about the metro).
    let facilityEntries = Set(u.facilities.compactMap { byFacility[$0] })
    func rank(_ id: String) -> (Int, Int) {
      let named = facilityEntries.contains(id) ? 1 : 0
      return ((u.infoHits[id] ?? 0) + named, named)
    }
    // A facility's own entry is a candidate even when no keyword of it was typed ("I feel
    // dizzy, where can I get help": the first-aid entry, not the help desk).
    let candidates = Set(u.infoHits.keys).union(facilityEntries)
    let top = candidates.map(rank).max { $0 < $1 } ?? (0, 0)
    let tied = candidates.filter { rank($0) == top }.sorted {
      (u.infoStarts[$0] ?? 0, $0) < (u.infoStarts[$1] ?? 0, $1)
    }
    // Of entries named alike, Chinese means the one named last: the head of a phrase comes last
    // (去会场的班车 asks about the shuttle, 三日票 about 票). English and German mean the one
    // named first ("a shuttle between the venues"), unless another follows it directly, a
    // compound whose head comes last ("three day ticket" asks about tickets).
    var best: String?
    if u.language == .zh {
      best = tied.max { (u.infoEnds[$0] ?? 0, $1) < (u.infoEnds[$1] ?? 0, $0) }
    } else if var pick = tied.first {
      // Each step moves right along the question, so the walk ends; an entry named by a
      // facility alone has no position and never follows another.
      var steps = 0
      while steps < tied.count, let end = u.infoEnds[pick],
        let next = tied.first(where: { $0 != pick && u.infoStarts[$0] == end })
      {
        pick = next
        steps += 1
      }
      best = pick
    }
    if best == nil, let facility = u.facilities.first { best = byFacility[facility] }
    guard let id = best, let entry = catalog.info(id) else { return "" }
    slots["info"] = .text(entry.id)
    suggestions = [
      t("Where is the nearest restroom?", "最近的洗手间在哪里？", "Wo ist die nächste Toilette?"),
      t("What is on now?", "现在有什么活动？", "Was läuft gerade?"),
    ]
    return infoText(entry)
  }

  /// An information entry's answer in the answer's language, or in English saying so.
  func infoText(_ entry: VisitorInfo) -> String {
    if language == .en || entry.answer[language] != nil { return name(entry.answer) }
    return t("", "（以下信息仅有英文版本）\n", "(Diese Auskunft gibt es nur auf Englisch.)\n")
      + name(entry.answer)
  }

  private mutating func eventInfo() -> String {
    let event = catalog.event
    let first = catalog.days.first?.description ?? ""
    let last = catalog.days.last?.description ?? ""
    // One day is a date, not a range; an imported schedule's "theme" is only its title again.
    let dates =
      first == last
      ? first : t("\(first) to \(last)", "\(first)至\(last)", "\(first) bis \(last)")
    let hasTheme = !event.theme.text(.en).isEmpty && event.theme != event.name
    let hasPavilions = !catalog.pack.pavilions.isEmpty
    suggestions =
      (hasTheme ? [t("What is the theme?", "大会主题是什么？", "Was ist das Motto?")] : [])
      + (hasPavilions
        ? [t("What are the pavilions?", "有哪些展馆？", "Welche Pavillons gibt es?")]
        : [t("What is on today?", "今天有什么活动？", "Was läuft heute?")])
    // The fact asked for, in the order the more specific ones win ("last day" over "when").
    // "where is it hosted" asks where: the organisers come after the place.
    let order = [
      "next", "last_day", "pavilions", "theme", "history", "news", "figures", "when", "where",
      "organisers",
    ]
    let facet = order.first { u.eventFacets.contains($0) }
    let dayLines = event.days.map { "• " + name($0.label) }
    switch facet {
    case "next":
      let history = event.notes.filter { $0.kind == .history }.compactMap(\.date).sorted()
      return t(
        "The sources say nothing about the next edition.\(history.first.map { " It has been held every year since \($0)." } ?? "")",
        "资料中没有关于下一届大会的信息。\(history.first.map { "大会自\($0)年起每年举办。" } ?? "")",
        "Die Quellen sagen nichts über die nächste Ausgabe.\(history.first.map { " Sie findet seit \($0) jedes Jahr statt." } ?? "")"
      )
    case "last_day":
      guard let lastDay = event.days.last else { break }
      return t("The last day: ", "最后一天：", "Der letzte Tag: ") + name(lastDay.label)
    case "pavilions" where !hasPavilions:
      return t(
        "\(name(event.name)) has no pavilions in my data; its programme is in rooms.",
        "我的资料中\(name(event.name))没有展馆；活动在各个会议室举行。",
        "Für die \(name(event.name)) kenne ich keine Pavillons; das Programm findet in Räumen statt."
      )
    case "pavilions":
      let lines = catalog.pack.pavilions.map { pavilion in
        "• " + name(pavilion.name) + " (~" + pavilion.halls.joined(separator: ", ") + ")"
          + t(": ", "：", ": ") + name(pavilion.description)
      }
      suggestions = catalog.pack.pavilions.prefix(2).map {
        t(
          "What is in the \(name($0.name))?", "\(name($0.name))有什么？",
          "Was gibt es im \(name($0.name))?")
      }
      return t(
        "The exhibition has \(catalog.pack.pavilions.count) pavilions:",
        "展览共有\(catalog.pack.pavilions.count)个展馆：",
        "Die Ausstellung hat \(catalog.pack.pavilions.count) Pavillons:"
      ) + "\n" + lines.joined(separator: "\n")
    case "theme" where !hasTheme:
      return t(
        "My data gives no theme for \(name(event.name)) beyond its name.",
        "我的资料中\(name(event.name))除名称外没有主题。",
        "Meine Daten nennen für die \(name(event.name)) kein Motto außer dem Namen.")
    case "theme":
      return t(
        "The theme of \(name(event.shortName)) is “\(name(event.theme))”.",
        "\(name(event.shortName))的主题是“\(name(event.theme))”。",
        "Das Motto von \(name(event.shortName)) ist „\(name(event.theme))“.")
    case "history":
      return event.notes.filter { $0.kind == .history }.map { "• " + name($0.text) }
        .joined(separator: "\n")
    case "news":
      return event.notes.filter { $0.kind != .history && $0.kind != .organisers }.prefix(5)
        .map { "• " + name($0.text) }.joined(separator: "\n")
    case "organisers":
      let notes = event.notes.filter { $0.kind == .organisers }
      guard !notes.isEmpty else {
        return t(
          "My data does not say who organises \(name(event.shortName)).",
          "我的资料中没有\(name(event.shortName))的主办方信息。",
          "Meine Daten sagen nicht, wer die \(name(event.shortName)) veranstaltet.")
      }
      return notes.map { name($0.text) }.joined(separator: "\n")
    case "figures":
      return event.figures.map { "• \(name($0.label)): \(name($0.value))" }.joined(separator: "\n")
    case "where" where !exampleRecords.capabilities.isComplete:
      // A schedule that names no venue gives the pack one called after the event: that is no
      // place, and the answer says the data does not give one.
      let places = catalog.pack.venues.venues.filter {
        $0.address != nil || $0.name.text(.en) != event.name.text(.en)
      }
      guard !places.isEmpty else {
        let rooms = catalog.pack.venues.rooms.prefix(6).map { name($0.name) }
        return t(
          "My data does not say where \(name(event.name)) takes place; its rooms are \(rooms.joined(separator: ", ")).",
          "我的资料中没有\(name(event.name))的举办地点；会议室有\(rooms.joined(separator: "、"))。",
          "Meine Daten nennen keinen Ort für die \(name(event.name)); ihre Räume sind \(rooms.joined(separator: ", "))."
        )
      }
      let venues = places.map {
        "• " + name($0.name) + ($0.address.map { t(", ", "，", ", ") + name($0) } ?? "")
      }
      return t(
        "Where \(name(event.name)) takes place:", "\(name(event.name))的举办地点：",
        "Hier findet die \(name(event.name)) statt:") + "\n" + venues.joined(separator: "\n")
    case "where":
      let venues = catalog.pack.venues.venues.filter { $0.kind != .outdoor }.map {
        "• " + name($0.name) + ($0.address.map { t(", ", "，", ", ") + name($0) } ?? "")
      }
      return t(
        "\(name(event.shortName)) was held in Shanghai, at these venues:",
        "\(name(event.shortName))在上海举办，场馆如下：",
        "Die \(name(event.shortName)) fand in Shanghai statt, an diesen Orten:"
      ) + "\n" + venues.joined(separator: "\n")
    case "when":
      return t(
        "\(name(event.name)): \(dates).", "\(name(event.name))：\(dates)。",
        "\(name(event.name)): \(dates).") + "\n" + dayLines.joined(separator: "\n")
    default: break
    }
    guard hasTheme, exampleRecords.capabilities.hasExhibitors else {
      return t(
        "\(name(event.name)), \(dates)\(hasTheme ? ", theme “\(name(event.theme))”" : "").",
        "\(name(event.name))，\(dates)\(hasTheme ? "，主题“\(name(event.theme))”" : "")。",
        "\(name(event.name)), \(dates)\(hasTheme ? ", Motto „\(name(event.theme))“" : "").")
    }
    return t(
      "\(name(event.name)), \(dates) (exhibition to the last day), theme “\(name(event.theme))”.",
      "\(name(event.name))，\(dates)（展览至最后一天），主题“\(name(event.theme))”。",
      "\(name(event.name)), \(dates), Motto „\(name(event.theme))“.")
  }

  private mutating func nowNearby() -> String {
    guard let span = catalog.span, span.contains(context.now) else {
      return t(
        "\(name(catalog.event.shortName)) is not on right now (it ran \(catalog.days.first?.description ?? "") to \(catalog.days.last?.description ?? "")). Ask about a day, e.g. “What is on on day 2?”",
        "\(name(catalog.event.shortName))现在不在会期内（\(catalog.days.first?.description ?? "")至\(catalog.days.last?.description ?? "")）。可以问某一天，例如“第二天有什么活动？”",
        "\(name(catalog.event.shortName)) läuft gerade nicht (\(catalog.days.first?.description ?? "") bis \(catalog.days.last?.description ?? ""))."
      )
    }
    let soon = context.now.addingTimeInterval(2 * 3600)
    // Positions, not copies: a large programme has hundreds of sessions on at once.
    let all = catalog.pack.sessions
    let notEnded = catalog.sessionPositions(matching: SessionFilter(notEndedBy: context.now))
    var positions = notEnded.filter { all[$0].start <= soon }
    // The first session later than that in the room or on the topic asked about: "what's next
    // in the Green Hall" at ten is answered by the forum at two.
    var later: [Int] = []
    // "What's on in Hall Two now?" is about that room; "anything on robotics now?" about the
    // topic. A room's name can also be a track's ("Tutorials"): the room decides then.
    var place: (name: String, isRoom: Bool)?
    if let room = u.primary(.room).first, let named = catalog.room(room.id) {
      later = notEnded.filter { all[$0].room == named.id }
      positions = positions.filter { all[$0].room == named.id }
      place = (name(named.name), true)
      slots["room"] = .text(named.id)
    } else if !u.primary(.topic).isEmpty {
      let topics = u.primary(.topic).map(\.id)
      var wanted = Set<Int>()
      for topic in topics { wanted.formUnion(catalog.sessionsByTopic[topic] ?? []) }
      later = notEnded.filter { wanted.contains($0) }
      positions = positions.filter { wanted.contains($0) }
      place = (
        topics.compactMap { catalog.topic($0).map { name($0.name) } }.joined(
          separator: t(", ", "、", ", ")), false
      )
      slots["topics"] = .list(topics)
    }
    if let here = context.here, let start = catalog.walkways.nodePosition[here] {
      let travel = catalog.walkways.travel(from: start)
      // Each session's walk worked out once, not once per comparison.
      let keyed = positions.map { position in
        let seconds =
          catalog.room(all[position].room)?.node.flatMap { catalog.walkways.nodePosition[$0] }
          .flatMap { travel.seconds(to: $0) } ?? .infinity
        return (seconds: seconds, start: all[position].start, position: position)
      }
      positions = keyed.sorted { ($0.seconds, $0.start) < ($1.seconds, $1.start) }.map(\.position)
    }
    let sessions = positions.prefix(5).map { all[$0] }
    slots["sessions"] = .list(positions.map { all[$0].id })
    guard !sessions.isEmpty else {
      if let place, let next = later.min(by: { all[$0].start < all[$1].start }) {
        slots["sessions"] = .list([all[next].id])
        let session = describeAlone(all[next])
        return place.isRoom
          ? t(
            "Nothing in \(place.name) in the next two hours. Next there:\n• \(session)",
            "\(place.name)接下来两小时没有安排活动。之后的活动：\n• \(session)",
            "In „\(place.name)“ ist in den nächsten zwei Stunden nichts geplant. Danach:\n• \(session)"
          )
          : t(
            "Nothing about \(place.name) in the next two hours. Next:\n• \(session)",
            "接下来两小时没有关于\(place.name)的活动。之后的活动：\n• \(session)",
            "Zu „\(place.name)“ ist in den nächsten zwei Stunden nichts geplant. Danach:\n• \(session)"
          )
      }
      if let place {
        return place.isRoom
          ? t(
            "Nothing in \(place.name) now or in the next two hours.",
            "\(place.name)现在及接下来两小时没有安排活动。",
            "In „\(place.name)“ ist jetzt und in den nächsten zwei Stunden nichts geplant.")
          : t(
            "Nothing about \(place.name) now or in the next two hours.",
            "现在及接下来两小时没有关于\(place.name)的活动。",
            "Zu „\(place.name)“ ist jetzt und in den nächsten zwei Stunden nichts geplant.")
      }
      guard exampleRecords.capabilities.hasExhibitors else {
        return t(
          "Nothing is scheduled in the next two hours.", "接下来两小时没有安排活动。",
          "In den nächsten zwei Stunden ist nichts geplant.")
      }
      return t(
        "Nothing is scheduled in the next two hours; the exhibition halls are open during the day.",
        "接下来两小时没有安排活动；白天可以参观展馆。", "In den nächsten zwei Stunden ist nichts geplant.")
    }
    let heading =
      place.map {
        $0.isRoom
          ? t(
            "In \($0.name) now and in the next two hours:", "\($0.name)正在进行及两小时内开始：",
            "In „\($0.name)“ jetzt und in den nächsten zwei Stunden:")
          : t(
            "About \($0.name) now and in the next two hours:", "关于\($0.name)，正在进行及两小时内开始：",
            "Zu „\($0.name)“ jetzt und in den nächsten zwei Stunden:")
      }
      ?? t(
        "On now and in the next two hours:", "正在进行及两小时内开始：",
        "Jetzt und in den nächsten zwei Stunden:")
    return ([heading] + sessions.map { "• " + describe($0) }).joined(separator: "\n")
  }

  private mutating func help() -> String {
    suggestions = examples
    let capabilities = exampleRecords.capabilities
    guard capabilities.isComplete else {
      let list = capabilities.list(language)
      return t("I can find \(list). Try:", "我可以帮您查找\(list)。试试：", "Ich finde \(list). Zum Beispiel:")
        + "\n" + examples.map { "• " + $0 }.joined(separator: "\n")
    }
    return t(
      "I can find exhibitors and booths, forums and speakers, the way to halls, rooms and restrooms, plan a route for your time, show the City Walk, and answer practical questions (metro, tickets, food, first aid). Try:",
      "我可以帮您查找展商和展位、论坛和嘉宾、前往展馆/会议室/洗手间的路线，按时间规划参观路线，介绍城市漫步，并回答交通、门票、餐饮、急救等实用问题。试试：",
      "Ich finde Aussteller und Stände, Foren und Sprecher, den Weg zu Hallen, Räumen und Toiletten, plane eine Route für Ihre Zeit, zeige den Stadtspaziergang und beantworte praktische Fragen. Zum Beispiel:"
    )
      + "\n" + examples.map { "• " + $0 }.joined(separator: "\n")
  }

  /// Questions to try, in the answer's language, about records of this pack (worded once per
  /// pack and language: "I don't know" answers list them).
  var examples: [String] { exampleRecords.questions(in: language) }

  private mutating func greeting() -> String {
    suggestions = examples
    if u.smallTalk == .goodbye {
      return t(
        "Goodbye, and enjoy \(name(catalog.event.shortName))!",
        "再见，祝您在\(name(catalog.event.shortName))玩得开心！",
        "Auf Wiedersehen und viel Freude auf der \(name(catalog.event.shortName))!")
    }
    if u.smallTalk == .thanks {
      return t(
        "You're welcome! Ask me anything else about \(name(catalog.event.shortName)).",
        "不客气！关于\(name(catalog.event.shortName))还有什么可以问我。",
        "Gern geschehen! Fragen Sie mich gern noch mehr zur \(name(catalog.event.shortName)).")
    }
    let capabilities = exampleRecords.capabilities
    guard capabilities.isComplete else {
      let event = name(catalog.event.shortName)
      let list = capabilities.list(language)
      return t(
        "Hello! I'm hiwaic, the \(event) assistant. Ask me about \(list).",
        "您好！我是\(event)助手hiwaic。可以问我\(list)。",
        "Hallo! Ich bin hiwaic, der Assistent der \(event). Fragen Sie nach: \(list).")
    }
    return t(
      "Hello! I'm hiwaic, the \(name(catalog.event.shortName)) assistant. Ask me about exhibitors, forums, directions or the City Walk.",
      "您好！我是\(name(catalog.event.shortName))助手hiwaic。可以问我展商、论坛、路线或城市漫步。",
      "Hallo! Ich bin hiwaic, der Assistent der \(name(catalog.event.shortName)). Fragen Sie nach Ausstellern, Foren, Wegen oder dem Stadtspaziergang."
    )
  }

  private mutating func unknown() -> String {
    suggestions = examples
    if let amenity = u.unlistedFacility {
      slots["unanswered"] = .text("not_listed")
      return t(
        "I have no information on “\(amenity)” at the venue. Please ask at an information desk or a volunteer.",
        "我的资料中没有会场“\(amenity)”的信息，请到咨询台或向志愿者询问。",
        "Zu „\(amenity)“ am Veranstaltungsort habe ich keine Informationen. Bitte fragen Sie an einem Informationsstand oder bei den Helfern."
      )
    }
    let capabilities = exampleRecords.capabilities
    let list = capabilities.list(language)
    var text =
      capabilities.isComplete
      ? t(
        "I don't know that, but I can find exhibitors and booths, forums and speakers, directions, a route for your time, the City Walk and practical information.",
        "这个我不清楚，但我可以帮您查找展商和展位、论坛和嘉宾、路线，规划参观行程，介绍城市漫步和实用信息。",
        "Das weiß ich nicht, aber ich finde Aussteller und Stände, Foren und Sprecher, Wege, eine Route für Ihre Zeit, den Stadtspaziergang und praktische Informationen."
      )
      : t(
        "I don't know that, but I can find \(list).", "这个我不清楚，但我可以帮您查找\(list)。",
        "Das weiß ich nicht, aber ich finde \(list).")
    // "When does Yann LeCun speak?": a person's name the pack does not have, asked about a talk.
    // A practical word ("when does the Oriental Pearl Tower open") asks about a place, not a
    // talk.
    if u.cue(.findSession), !u.has(.speaker, .session, .exhibitor), u.infoHits.isEmpty,
      let missing = missingName.flatMap(typedName), !catalog.pack.speakers.isEmpty
    {
      let listed = catalog.pack.speakers.count
      slots["unanswered"] = .text("not_listed")
      return t(
        "\(missing) is not among the \(listed) speakers I know of: the official programme or an information desk can say more.",
        "我所知的\(listed)位嘉宾中没有“\(missing)”：请查看官方日程或到咨询台询问。",
        "\(missing) ist nicht unter den \(listed) Sprechern, die ich kenne: Das offizielle Programm oder ein Informationsstand weiß mehr."
      )
    }
    // "How far is it to the Bund?": a way asked to a place the pack does not have. Only the
    // venues and the City Walk are mapped; calling the Bund a missing exhibitor would be wrong.
    if u.cue(.directions), !u.cue(.findExhibitor),
      !u.has(.exhibitor, .room, .hall, .venue, .pavilion, .place, .route, .booth, .zone),
      u.facilities.isEmpty, let missing = missingName.map(asTyped)
    {
      slots["unanswered"] = .text("not_listed")
      return t(
        "I don't know the way to \(missing): I know the venues with their halls, rooms and booths, and the City Walk stops. For other places in the city, a metro app or an information desk can help.",
        "我不知道去“\(missing)”的路：我了解的是会场的展馆、会议室和展位，以及城市漫步的站点。去市内其他地方，可查地铁应用或到咨询台询问。",
        "Den Weg nach „\(missing)“ kenne ich nicht: Ich kenne die Veranstaltungsorte mit Hallen, Räumen und Ständen und die Stationen des Stadtspaziergangs. Für andere Ziele in der Stadt helfen eine Metro-App oder ein Informationsstand."
      )
    }
    // "Is Nvidia here?": a name the pack does not have, asked where an exhibitor would be.
    let asksForExhibitor =
      u.cue(.findExhibitor) || u.cue(.directions) || (u.weakCues[.findExhibitor] ?? 0) > 0
    if asksForExhibitor, !u.has(.exhibitor, .room, .hall, .venue, .pavilion), u.facilities.isEmpty,
      let missing = missingName.map(asTyped)
    {
      let listed = catalog.pack.exhibitors.count
      let total = catalog.event.figures.first { $0.id == "exhibitors" }.map { name($0.value) }
      slots["unanswered"] = .text("not_listed")
      guard listed > 0 else {
        // A programme without an exhibition (an imported schedule): no list to be missing from.
        let list = exampleRecords.capabilities.list(language)
        return t(
          "I don't know “\(missing)”. I can find \(list).", "我不知道“\(missing)”。我可以帮您查找\(list)。",
          "„\(missing)“ kenne ich nicht. Ich finde \(list).")
      }
      return t(
        "\(missing) is not in my exhibitor list (\(listed)\(total.map { " of the \($0)" } ?? "") exhibitors are): please ask at an information desk.",
        "我的展商名单中没有“\(missing)”（收录\(listed)家\(total.map { "，共\($0)" } ?? "")）：请到咨询台询问。",
        "\(missing) steht nicht in meiner Ausstellerliste (\(listed)\(total.map { " von \($0)" } ?? "") Ausstellern): Bitte fragen Sie an einem Informationsstand."
      )
    }
    if let known = u.entities.first(where: { !$0.nested && $0.reference.type == .exhibitor }) {
      text += t(
        " For example: where \(known.reference.name) is.", "例如：\(known.reference.name)在哪里。",
        " Zum Beispiel: wo \(known.reference.name) ist.")
      suggestions.insert(
        t(
          "Where is \(known.reference.name)?", "\(known.reference.name)在哪里？",
          "Wo ist \(known.reference.name)?"), at: 0)
    }
    return text
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
