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
  }
}
