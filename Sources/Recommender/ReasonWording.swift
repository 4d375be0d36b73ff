import Assistant
import EventModel
import Foundation

/// The one-line reasons of recommendations, in the visitor's language.
struct ReasonWording {
  let language: Language
  let catalog: EventCatalog

  func t(_ en: String, _ zh: String, _ de: String) -> String { language.choose(en, zh, de) }

  func topic(_ id: String) -> String { catalog.topic(id)?.name.text(language) ?? id }

  /// "shares embodied AI and humanoid robots with your interests"
  func shares(_ topics: [String]) -> String {
    let names = topics.map(topic)
    return t(
      "shares \(names.joined(separator: " and ")) with your interests",
      "与您的兴趣相同：\(names.joined(separator: "、"))",
      "passt zu Ihren Interessen: \(names.joined(separator: " und "))")
  }

  /// "for an investor: start-ups and investment"
  func sought(_ id: String, role: RoleProfile?) -> String {
    guard let role else {
      return t("what you want: \(topic(id))", "符合您的目的：\(topic(id))", "was Sie suchen: \(topic(id))")
    }
    let who = role.name.text(language)
    return t(
      "for you as \(who): \(topic(id))", "适合\(who)：\(topic(id))", "für Sie als \(who): \(topic(id))"
    )
  }

  /// Companies to meet (buyers, job seekers).
  var companies: String {
    t("a company to meet", "可洽谈的企业", "ein Unternehmen zum Kennenlernen")
  }

  func demo(_ exhibit: String) -> String {
    t("hands-on: \(exhibit)", "现场体验：\(exhibit)", "zum Anschauen: \(exhibit)")
  }

  var prominent: String {
    t("one of the best-known stands", "知名展台", "einer der bekanntesten Stände")
  }

  var walkDemos: String {
    t("AI to see at work in the city", "在城市中看AI落地", "KI im Einsatz in der Stadt")
  }

  func away(_ minutes: Double) -> String {
    let whole = max(1, minutes.rounded().isFinite ? Int(minutes.rounded()) : 1)
    return t("\(whole) min away", "步行\(whole)分钟", "\(whole) Min. entfernt")
  }

  func kind(_ kind: SessionKind, role: RoleProfile?) -> String {
    let name = Labels(language: language).sessionKind(kind)
    let article = name.first.map { "aeiouAEIOU".contains($0) } == true ? "an" : "a"
    guard let role else { return t("\(article) \(name)", "\(name)", name) }
    let who = role.name.text(language)
    return t(
      "\(article) \(name), for you as \(who)", "\(name)，适合\(who)", "\(name), für Sie als \(who)")
  }

  /// "speaks at Main Forum, Sat 26 July ~11:15"
  func speaksAt(_ session: Session, now: Date) -> String {
    let title = session.title.text(language)
    let time = when(session, now: now)
    return t("speaks at \(title), \(time)", "在\(title)演讲，\(time)", "spricht bei \(title), \(time)")
  }

  /// "Sun 27 July 14:00" or "on now until 13:00".
  func when(_ session: Session, now: Date) -> String {
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
