import EventModel

/// The records the suggested questions are made of, chosen once per pack so that each
/// suggestion works when chosen, on an imported or generated pack as on WAIC's: the best-known
/// exhibitor, the topic with the most sessions, the topic with the most exhibitors, and the
/// room with the most sessions (ties to the lower id).
struct ExampleRecords: Sendable {
  var exhibitor: LocalizedText?
  var sessionTopic: LocalizedText?
  var hasSessions: Bool
  var exhibitorTopic: LocalizedText?
  var room: LocalizedText?

  init(catalog: EventCatalog) {
    func mostCommon(_ ids: [String]) -> String? {
      let counts = Dictionary(ids.map { ($0, 1) }, uniquingKeysWith: +)
      return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
    let pack = catalog.pack
    exhibitor = catalog.exhibitorsByProminence.first.map { pack.exhibitors[$0].name }
    hasSessions = !pack.sessions.isEmpty
    sessionTopic = mostCommon(pack.sessions.flatMap(\.topics)).flatMap(catalog.topic)?.name
    exhibitorTopic = mostCommon(pack.exhibitors.flatMap(\.topics)).flatMap(catalog.topic)?.name
    room = mostCommon(pack.sessions.map(\.room)).flatMap(catalog.room)?.name
    capabilities = PackCapabilities(catalog: catalog)
    questionsByLanguage = Language.allCases.map(questionsWorded(in:))
  }

  /// What the pack has (forums or talks, a floor plan, …), worked out once with the records.
  var capabilities: PackCapabilities

  /// The suggested questions in each language, in `Language.allCases` order.
  private var questionsByLanguage: [[String]] = []

  /// Questions to try, in `language`, about these records.
  func questions(in language: Language) -> [String] {
    Language.allCases.firstIndex(of: language).map { questionsByLanguage[$0] } ?? []
  }

  /// German quotes the names, which then need no declension ("zu „Goldene Halle“").
  private func questionsWorded(in language: Language) -> [String] {
    func name(_ text: LocalizedText) -> String { text.text(language) }
    func t(_ en: String, _ zh: String, _ de: String) -> String { language.choose(en, zh, de) }
    var examples: [String] = []
    if let exhibitor = exhibitor.map(name) {
      examples.append(t("Where is \(exhibitor)?", "\(exhibitor)在哪里？", "Wo ist \(exhibitor)?"))
    }
    if let topic = sessionTopic.map(name), !capabilities.hasForums {
      examples.append(
        t(
          "Which talks on \(topic) are tomorrow?", "明天有哪些关于\(topic)的演讲？",
          "Welche Vorträge gibt es morgen zum Thema „\(topic)“?"))
    } else if let topic = sessionTopic.map(name) {
      examples.append(
        t(
          "Which forums on \(topic) are tomorrow afternoon?", "明天下午有哪些\(topic)论坛？",
          "Welche Foren gibt es morgen Nachmittag zum Thema „\(topic)“?"))
    } else if hasSessions {
      examples.append(
        t(
          "Which forums are tomorrow afternoon?", "明天下午有哪些论坛？",
          "Welche Foren gibt es morgen Nachmittag?"))
    }
    if let topic = (exhibitorTopic ?? sessionTopic).map(name) {
      examples.append(
        t(
          "Plan me two hours of \(topic)", "帮我规划两小时的\(topic)参观",
          "Plane mir zwei Stunden zum Thema „\(topic)“"))
    }
    // Without a floor plan, a room is asked about for what is on there, not for the way.
    if let room = room.map(name), capabilities.hasFloorPlan {
      examples.append(
        t("How do I get to \(room)?", "怎么去\(room)？", "Wie komme ich zu „\(room)“?"))
    } else if let room = room.map(name) {
      examples.append(
        t("What is on in \(room) today?", "\(room)今天有什么活动？", "Was läuft heute in „\(room)“?"))
    }
    return examples
  }
}
