import EventModel

/// What the assistant can do on a pack, worded for visitors: a pack imported from a schedule has
/// sessions but no exhibitors, floor plan, City Walk or practical entries, and the assistant
/// says only what it can do.
struct PackCapabilities: Sendable {
  let hasExhibitors: Bool
  let hasSessions: Bool
  let hasForums: Bool
  let hasFloorPlan: Bool
  let hasCityWalk: Bool
  let hasInfo: Bool

  init(catalog: EventCatalog) {
    let pack = catalog.pack
    hasExhibitors = !pack.exhibitors.isEmpty
    hasSessions = !pack.sessions.isEmpty
    hasForums = pack.sessions.contains { $0.kind == .forum }
    hasFloorPlan = !pack.walkways.nodes.isEmpty
    hasCityWalk = !pack.cityWalks.isEmpty
    hasInfo = !pack.info.isEmpty
    // Worded once: every answer that says what the assistant can do reads it.
    worded = (en: "", zh: "", de: "")
    worded = (en: wording(.en), zh: wording(.zh), de: wording(.de))
  }

  private var worded: (en: String, zh: String, de: String)

  /// Whether the pack has everything WAIC's has (the answers then read as they always have).
  var isComplete: Bool {
    hasExhibitors && hasSessions && hasForums && hasFloorPlan && hasCityWalk && hasInfo
  }

  /// "exhibitors and booths, talks and speakers and a plan for your time", in `language`.
  func list(_ language: Language) -> String { language.choose(worded.en, worded.zh, worded.de) }

  private func wording(_ language: Language) -> String {
    var parts: [String] = []
    func add(_ en: String, _ zh: String, _ de: String) { parts.append(language.choose(en, zh, de)) }
    if hasExhibitors { add("exhibitors and booths", "展商和展位", "Aussteller und Stände") }
    if hasSessions {
      if hasForums {
        add("forums and speakers", "论坛和嘉宾", "Foren und Sprecher")
      } else {
        add("talks and speakers", "演讲和讲者", "Vorträge und Sprecher")
      }
    }
    if hasFloorPlan { add("directions", "路线", "Wege") }
    if hasSessions || hasExhibitors {
      if hasFloorPlan {
        add("a route for your time", "参观路线规划", "eine Route für Ihre Zeit")
      } else {
        add("a plan for your time", "按时间安排行程", "einen Plan für Ihre Zeit")
      }
    }
    if hasCityWalk { add("the City Walk", "城市漫步", "den Stadtspaziergang") }
    if hasInfo { add("practical information", "实用信息", "praktische Informationen") }
    guard let last = parts.popLast() else { return "" }
    guard !parts.isEmpty else { return last }
    // "talks and speakers, and a plan": a part that has an "and" of its own needs the comma.
    let nested = parts.contains { $0.contains(" and ") || $0.contains(" und ") || $0.contains("和") }
    return language.choose(
      parts.joined(separator: ", ") + (nested ? ", and " : " and ") + last,
      parts.joined(separator: "、") + (nested ? "，以及" : "和") + last,
      parts.joined(separator: ", ") + (nested ? " sowie " : " und ") + last)
  }
}

/// What a front end shows before the first question on a pack: questions to try, made of the
/// pack's own records, and whether the pack has everything WAIC's has (the screens then keep
/// their WAIC examples) and anything modelled (the screens then explain the `~`).
public struct PackExamples: Sendable {
  private let records: ExampleRecords
  /// Whether any record, position or time of the pack is modelled rather than sourced.
  public let hasModelledValues: Bool

  public init(catalog: EventCatalog) {
    records = ExampleRecords(catalog: catalog)
    let pack = catalog.pack
    hasModelledValues =
      !pack.booths.isEmpty || !pack.walkways.nodes.isEmpty
      || pack.sessions.contains { !$0.provenance.modelled.isEmpty }
      || pack.exhibitors.contains { !$0.provenance.modelled.isEmpty }
  }

  /// Whether the pack has exhibitors, forums, a floor plan, a City Walk and practical entries.
  public var isComplete: Bool { records.capabilities.isComplete }

  /// Questions to try, in `language`, each one the assistant answers on this pack.
  public func questions(in language: Language) -> [String] { records.questions(in: language) }

  /// "talks and speakers, and a plan for your time": what the assistant can do here.
  public func offers(in language: Language) -> String { records.capabilities.list(language) }
}
