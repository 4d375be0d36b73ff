import EventModel
import Foundation
import Recommender

/// The one-line reasons of recommendations, in the visitor's language.
public struct RecommendationWording: Sendable {
  public let language: Language
  let catalog: EventCatalog
  let roles: RoleTable
  /// The clock: a session on now says so instead of its day.
  let now: Date

  public init(catalog: EventCatalog, roles: RoleTable, language: Language, now: Date) {
    self.catalog = catalog
    self.roles = roles
    self.language = language
    self.now = now
  }

  func t(
    _ en: @autoclosure () -> String, _ zh: @autoclosure () -> String,
    _ de: @autoclosure () -> String
  ) -> String { language.choose(en(), zh(), de()) }

  /// The reasons of a recommendation, strongest first.
  public func reasons(_ pick: Recommendation) -> [String] { pick.reasons.compactMap(text) }

  /// The reasons as one line.
  public func line(_ pick: Recommendation) -> String {
    reasons(pick).joined(separator: language == .zh ? "；" : "; ")
  }

  func text(_ reason: RecommendationReason) -> String? {
    switch reason {
    case .sharesInterests(let topics): shares(topics)
    case .sought(let topic, let role): sought(topic, role: role)
    case .companyToMeet:
      t("a company to meet", "可洽谈的企业", "ein Unternehmen zum Kennenlernen")
    case .offers(let offer): offers(offer)
    case .handsOn(let exhibit):
      t(
        "hands-on: \(exhibit.text(.en))", "现场体验：\(exhibit.text(.zh))",
        "zum Anschauen: \(exhibit.text(.de))")
    case .wellKnown: t("one of the best-known stands", "知名展台", "einer der bekanntesten Stände")
    case .cityDemos: t("AI to see at work in the city", "在城市中看AI落地", "KI im Einsatz in der Stadt")
    case .sessionKind(let kind, let role): self.kind(kind, role: role)
    case .speaksAt(let id): catalog.session(id).map(speaksAt)
    case .when(let id): catalog.session(id).map(when)
    case .walk(let minutes): away(minutes)
    }
  }

  func topic(_ id: String) -> String { catalog.topic(id)?.name.text(language) ?? id }

  func roleName(_ id: String?) -> String? {
    id.flatMap(roles.role).map { $0.name.text(language) }
  }

  /// "shares embodied AI and humanoid robots with your interests"
  func shares(_ topics: [String]) -> String {
    let names = topics.map(topic)
    return t(
      "shares \(names.joined(separator: " and ")) with your interests",
      "与您的兴趣相同：\(names.joined(separator: "、"))",
      "passt zu Ihren Interessen: \(names.joined(separator: " und "))")
  }

  /// "for you as investor: start-ups and investment"
  func sought(_ id: String, role: String?) -> String {
    guard let who = roleName(role) else {
      return t("what you want: \(topic(id))", "符合您的目的：\(topic(id))", "was Sie suchen: \(topic(id))")
    }
    return t(
      "for you as \(who): \(topic(id))", "适合\(who)：\(topic(id))", "für Sie als \(who): \(topic(id))"
    )
  }

  /// What the stand offers the visitor, said from the visitor's side.
  func offers(_ offer: ExhibitorOffer) -> String {
    switch offer {
    case .startups:
      t("start-ups looking for investors", "寻求投资的初创企业", "Start-ups auf Investorensuche")
    case .investors:
      t("investors looking for start-ups", "寻找项目的投资机构", "Investoren auf der Suche nach Start-ups")
    case .buyers: t("buyers looking for suppliers", "寻找供应商的采购团", "Einkäufer auf Lieferantensuche")
    case .products:
      t("products and solutions to buy", "可采购的产品和方案", "Produkte und Lösungen zum Einkaufen")
    case .jobs: t("hiring", "正在招聘", "stellt ein")
    }
  }

  func away(_ minutes: Double) -> String {
    let whole = minutes.isFinite ? max(1, Int(minutes.rounded())) : 1
    return t("\(whole) min away", "步行\(whole)分钟", "\(whole) Min. entfernt")
  }

  func kind(_ kind: SessionKind, role: String?) -> String {
    let name = Labels(language: language).sessionKind(kind)
    let article = name.first.map { "aeiouAEIOU".contains($0) } == true ? "an" : "a"
    guard let who = roleName(role) else { return t("\(article) \(name)", "\(name)", name) }
    return t(
      "\(article) \(name), for you as \(who)", "\(name)，适合\(who)", "\(name), für Sie als \(who)")
  }

  /// "speaks at Main Forum, Sat 26 July ~11:15"
  func speaksAt(_ session: Session) -> String {
    let title = session.title.text(language)
    let time = when(session)
    return t("speaks at \(title), \(time)", "在\(title)演讲，\(time)", "spricht bei \(title), \(time)")
  }

  /// "Sun 27 July 14:00" or "on now until 13:00".
  func when(_ session: Session) -> String {
    let zone = catalog.timeZone
    let clock = EventTime.clockTime(session.start, zone: zone)
    if session.start <= now {
      let end = EventTime.clockTime(session.end, zone: zone)
      return t("on now until \(end)", "进行中，至\(end)", "läuft bis \(end)")
    }
    let day = Labels(language: language).date(EventTime.localDate(session.start, zone: zone))
    let modelled = session.provenance.isModelled("start") ? "~" : ""
    return "\(day) \(modelled)\(clock)"
  }
}
