import EventModel
import Foundation
import Matcher
import Recommender

extension AnswerComposer {
  /// "What should I see?", "I'm an investor interested in embodied AI": the visitor's profile
  /// (what they said before, with what this question adds) turned into recommendations with
  /// reasons; without a profile, what to tell.
  mutating func recommend() -> String {
    let profile = requestedProfile()
    slots["role"] = profile.role.map { .text($0) }
    if !profile.interests.isEmpty { slots["interests"] = .list(profile.interests) }
    if !profile.wants.isEmpty { slots["wants"] = .list(profile.wants) }
    guard !profile.isEmpty else { return askForProfile() }
    let visitor = VisitorProfile(
      role: profile.role,
      interests: Dictionary(profile.interests.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }),
      wants: profile.wants, now: context.now, here: context.here, stepFree: u.stepFree,
      // "I have two hours": sessions starting after that are not for this visit.
      until: u.duration.map { context.now.addingTimeInterval($0 * 60) })
    let picks = recommender.recommend(visitor, language: language, limit: 3)
    let shown: [Recommendation.Kind: Int] = [.exhibitor: 3, .session: 2, .speaker: 1, .citywalk: 1]
    let wording = RecommendationWording(
      catalog: catalog, roles: recommender.roles, language: language, now: context.now)
    var lines = [headline(profile)]
    for kind in [Recommendation.Kind.exhibitor, .session, .speaker, .citywalk] {
      let ofKind = picks.filter { $0.kind == kind }.prefix(shown[kind] ?? 1)
      guard !ofKind.isEmpty else { continue }
      lines.append(heading(kind))
      for pick in ofKind {
        let why = wording.line(pick)
        lines.append(
          "• " + pick.name + booth(pick) + (why.isEmpty ? "" : t(" — ", "——", " — ") + why))
      }
      let ids = ofKind.map(\.id)
      switch kind {
      case .exhibitor: slots["exhibitors"] = .list(ids)
      case .session: slots["sessions"] = .list(ids)
      case .speaker: slots["speakers"] = .list(ids)
      case .citywalk: slots["route"] = ids.first.map { .text($0) }
      }
    }
    guard lines.count > 1 else {
      // Examples from this event's own topics.
      let examples = catalog.pack.topics.prefix(2).map { $0.name.text(language) }
      let listed = examples.joined(separator: t(" or ", "或", " oder "))
      return examples.isEmpty
        ? t(
          "Nothing in this event's programme matches that yet.", "本次活动中暂时没有与之相符的内容。",
          "Im Programm passt dazu noch nichts.")
        : t(
          "Nothing in this event's programme matches that yet. Tell me other interests, for example \(listed).",
          "本次活动中暂时没有与之相符的内容。可以说说别的兴趣，比如\(listed)。",
          "Im Programm passt dazu noch nichts. Nennen Sie andere Interessen, zum Beispiel \(listed)."
        )
    }
    if profile.interests.isEmpty, let topic = catalog.pack.topics.first.map({ name($0.name) }) {
      lines.append(
        t(
          "Tell me what interests you for closer picks, for example: I'm interested in \(topic).",
          "说说您的兴趣，推荐会更准，比如：我对\(topic)感兴趣。",
          "Nennen Sie Ihre Interessen für genauere Tipps, zum Beispiel: Ich interessiere mich für „\(topic)“."
        ))
    }
    suggestions = followUps(picks, profile: profile)
    return lines.joined(separator: "\n")
  }

  /// The profile the answer is for: the visitor's, with the role, wants and topics this
  /// question names taking precedence.
  func requestedProfile() -> AskProfile {
    var profile = context.profile
    let said = recommender.roles.mentioned(in: u.question)
    if let role = said.role { profile.role = role }
    for want in said.wants where !profile.wants.contains(want) { profile.wants.append(want) }
    // "Investor" also names the topic of investment: what the role or a want the question
    // names looks for already counts, and is not an interest of the visitor's own.
    let sought = Set(
      ([said.role.flatMap(recommender.roles.role)] + said.wants.map(recommender.roles.want))
        .compactMap { $0 }.flatMap { $0.topics.keys })
    for entity in u.entities where entity.reference.type == .topic && !entity.nested {
      let id = entity.reference.id
      if !sought.contains(id) && !profile.interests.contains(id) { profile.interests.append(id) }
    }
    return profile
  }

  /// " (~H3-A01)": where an exhibitor's stand is, `~` when the booth is modelled.
  func booth(_ pick: Recommendation) -> String {
    guard pick.kind == .exhibitor, let exhibitor = catalog.exhibitor(pick.id),
      let booth = exhibitor.booth
    else { return "" }
    let mark = exhibitor.provenance.isModelled("booth") ? "~" : ""
    return t(" (\(mark)\(booth))", "（\(mark)\(booth)）", " (\(mark)\(booth))")
  }

  /// "For you as an investor, interested in Embodied AI:"
  func headline(_ profile: AskProfile) -> String {
    let role = profile.role.flatMap(recommender.roles.role).map { $0.name.text(language) }
    let topics = profile.interests.compactMap { catalog.topic($0)?.name.text(language) }
    let wants = profile.wants.compactMap(recommender.roles.want).map { $0.name.text(language) }
    var about: [String] = []
    if let role { about.append(t("as \(role)", role, "als \(role)")) }
    if !topics.isEmpty {
      about.append(
        t(
          "interested in \(topics.joined(separator: ", "))", "关注\(topics.joined(separator: "、"))",
          "interessiert an \(topics.joined(separator: ", "))"))
    }
    if !wants.isEmpty {
      about.append(
        t(
          "to \(wants.joined(separator: ", "))", "想\(wants.joined(separator: "、"))",
          "um \(wants.joined(separator: ", "))"))
    }
    return t(
      "For you (\(about.joined(separator: "; "))):", "为您推荐（\(about.joined(separator: "；"))）：",
      "Für Sie (\(about.joined(separator: "; "))):")
  }

  func heading(_ kind: Recommendation.Kind) -> String {
    switch kind {
    case .exhibitor: t("Exhibitors:", "展商：", "Aussteller:")
    case .session: t("Sessions:", "活动：", "Veranstaltungen:")
    case .speaker: t("Speaker:", "嘉宾：", "Sprecher:")
    case .citywalk: t("City Walk:", "城市漫步：", "City Walk:")
    }
  }

  /// No role, interest or want known yet: what to say, with roles to pick as suggestions.
  mutating func askForProfile() -> String {
    suggestions = ["investor", "student", "engineer"].compactMap(recommender.roles.role).map {
      let name = $0.name.text(language)
      let article = name.first.map { "aeiou".contains($0) } == true ? "an" : "a"
      return t("I'm \(article) \(name)", "我是\(name)", "Ich bin \(name)")
    }
    let intro = t(
      "I can recommend exhibitors, forums, speakers and a City Walk for you. Tell me who you are and what interests you",
      "我可以为您推荐展商、论坛、嘉宾和城市漫步路线。请告诉我您的身份和兴趣",
      "Ich kann Ihnen Aussteller, Foren, Sprecher und einen City Walk empfehlen. Sagen Sie mir, wer Sie sind und was Sie interessiert"
    )
    // An example from this pack: its first role and topic.
    guard let role = recommender.roles.roles.first.map({ name($0.name) }),
      let topic = catalog.pack.topics.first.map({ name($0.name) })
    else { return intro + t(".", "。", ".") }
    let article = role.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    return intro
      + t(
        ", for example: I'm \(article) \(role) interested in \(topic).",
        "，比如：我是\(role)，关注\(topic)。",
        ", zum Beispiel: Ich bin \(role) und interessiere mich für „\(topic)“.")
  }

  /// Where the first exhibitor is, and a plan around the interests.
  func followUps(_ picks: [Recommendation], profile: AskProfile) -> [String] {
    var result: [String] = []
    if let exhibitor = picks.first(where: { $0.kind == .exhibitor }) {
      result.append(
        t("Where is \(exhibitor.name)?", "\(exhibitor.name)在哪里？", "Wo ist \(exhibitor.name)?"))
    }
    if let topic = profile.interests.first.flatMap(catalog.topic).map({ $0.name.text(language) }) {
      result.append(
        t(
          "Plan me two hours of \(topic)", "帮我规划两小时的\(topic)参观",
          "Plane mir zwei Stunden zum Thema „\(topic)“"))
    }
    return result
  }
}
