import EventModel
import Foundation
import Knowledge
import Matcher
import Planner
import Recommender

/// The assistant every front end talks to: what the matcher understood of a question, answered
/// in the visitor's words and, for route plans and directions, worked out by the planner. Pure:
/// the same question, pack and context give the same reply.
public struct Assistant: Sendable {
  public let catalog: EventCatalog
  public let matcher: Matcher
  /// What the suggested questions are about, chosen once per pack.
  let examples: ExampleRecords
  /// What the visitor's profile recommends ("what should I see?").
  public let recommender: Recommender
  /// Recorded talks and Q&A, when the installation has a knowledge store: "what did Hinton
  /// say?" is answered from it (and the reply then depends on what it holds).
  public var knowledge: KnowledgeStore?
  /// What the organisers' questions are about, worked out once each.
  let organiserKeys = OrganiserKeyCache()
  /// Session titles folded and split into words, each the first time an answer needs it.
  let sessionTitles: SessionTitleCache

  /// An assistant for a pack; `roles` are the pack's roles and wants (none: recommendations
  /// go by interests alone).
  public init(
    catalog: EventCatalog, lexicon: Lexicon, roles: RoleTable = RoleTable(roles: [], wants: [])
  ) {
    self.catalog = catalog
    matcher = Matcher(catalog: catalog, lexicon: lexicon)
    examples = ExampleRecords(catalog: catalog)
    recommender = Recommender(catalog: catalog, roles: roles)
    sessionTitles = SessionTitleCache(catalog: catalog)
  }

  /// Loads a pack, its lexicon and its roles.
  public static func load(packDirectory: URL) throws -> Assistant {
    let catalog = try PackLoader.load(from: packDirectory)
    return Assistant(
      catalog: catalog, lexicon: try Lexicon.load(packDirectory: packDirectory),
      roles: try RoleTable.load(packDirectory: packDirectory))
  }

  /// The answer to a question as the matcher understood it, worded from the pack.
  public func answer(_ question: String, context: AskContext) -> MatcherAnswer {
    answer(matcher.request(for: question, context: context), context: context)
  }

  /// The answer to an understood request.
  public func answer(_ request: VisitorRequest, context: AskContext) -> MatcherAnswer {
    let language = context.language ?? request.language
    var composer = AnswerComposer(
      catalog: catalog, request: request, context: context, language: language,
      examples: examples, recommender: recommender, knowledge: knowledge,
      sessionTitles: sessionTitles)
    let composed = composer.compose(request.intent)
    return MatcherAnswer(
      question: request.question, language: request.language, intent: composed.intent,
      confidence: request.confidence, answer: composed.text,
      entities: (request.entities.map(\.reference) + answered(composed.slots, request)).uniqued(),
      slots: composed.slots, suggestions: composed.suggestions)
  }

  /// Records the question names in words rather than by their name, that the answer is about:
  /// a session named by part of its title ("the healthcare forum"), an information entry named
  /// by its keywords ("wifi password").
  private func answered(_ slots: [String: SlotValue], _ request: VisitorRequest)
    -> [EntityReference]
  {
    var result: [EntityReference] = []
    if case .list(let sessions)? = slots["sessions"] {
      // Named by part of the title, the one session the question's words lead to ("the fintech
      // forum"), or one whose title names a topic the question asks about ("a forum on smart
      // cities": the International AI City Forum, not every session touching cities).
      // The titles that name a topic come from the titles' word index: an answer can list
      // hundreds of sessions.
      var namingTopic = Set<Int>()
      for topic in request.primary(.topic).compactMap({ catalog.topic($0.id) }) {
        namingTopic.formUnion(sessionTitles.sessions(namingTopic: topic).keys)
      }
      let all = catalog.pack.sessions
      for id in sessions {
        let byTitlePart = request.sessionParts[id] != nil || sessions.count == 1
        guard byTitlePart || !namingTopic.isEmpty, let position = catalog.position(ofSession: id)
        else { continue }
        if byTitlePart || namingTopic.contains(position) {
          result.append(
            EntityReference(type: .session, id: id, name: all[position].title.text(.en)))
        }
      }
    }
    if case .text(let id)? = slots["route"], let route = catalog.cityWalk(id) {
      result.append(EntityReference(type: .route, id: id, name: route.name.text(.en)))
    }
    if case .text(let id)? = slots["info"], let info = catalog.info(id) {
      result.append(EntityReference(type: .info, id: id, name: info.question.text(.en)))
    }
    return result
  }

  /// A folded topic word with what looking it up in titles asks of it worked out once: a whole
  /// Latin word of four letters or more, or Han text of two characters or more ("City" in
  /// "International AI City Forum", 城市 in 国际人工智能城市论坛).
  struct TitleWord {
    let text: String
    let isHan: Bool
    let hasSpace: Bool
    /// Han text of two characters or more, or a Latin word of four letters or more.
    let counts: Bool

    init(_ text: String) {
      self.text = text
      isHan = text.unicodeScalars.contains { $0.properties.isIdeographic }
      hasSpace = text.utf8.contains(0x20)
      counts = text.count >= (isHan ? 2 : 4)
    }
  }

  /// Makes what the first question of a kind would otherwise make while the visitor waits: the
  /// index of every session title's words, and the walking tables plans read (a few
  /// milliseconds each on a large pack). Call it on a thread of its own.
  public func prepare() {
    sessionTitles.prepareIndex()
    catalog.walkways.prepareTables()
  }

  /// Answers a question; plans and directions come worked out, not just described.
  public func reply(to question: String, context: AskContext) -> AssistantReply {
    let request = matcher.request(for: question, context: context)
    var answer = answer(request, context: context)
    // A question visitors kept asking that the organisers have answered: their answer.
    if let organisers = organiserAnswer(
      for: question, request: request, context: context,
      answered: AssistantReply(answer: answer, text: "").isAnswered)
    {
      let language = context.language ?? request.language
      let date = Labels(language: language).date(
        EventTime.localDate(organisers.answer.writtenAt, zone: catalog.timeZone))
      answer.answer =
        language.choose(
          "The organisers' answer (\(date)): ", "主办方答复（\(date)）：",
          "Antwort der Veranstalter (\(date)): ") + organisers.answer.answer
      answer.slots["organiser_answer"] = .text(String(organisers.answer.id))
      answer.slots["unanswered"] = nil
      answer.suggestions = []
      return AssistantReply(answer: answer, text: answer.answer)
    }
    var reply = AssistantReply(answer: answer, text: answer.answer)
    let language = context.language ?? answer.language
    switch answer.intent {
    case .planRoute:
      let planned = plan(for: answer, context: context)
      reply.plan = planned
      // The matcher's headline, when and why the plan starts, and the timeline itself.
      var text = [answer.answer]
      if let note = startNote(planned, language: language) { text.append(note) }
      if let note = sessionNote(planned, language: language) { text.append(note) }
      text.append(
        PlanTimeline(catalog: catalog, language: language).render(
          planned.plan, request: planned.request))
      reply.text = text.joined(separator: "\n")
    case .directions:
      if let way = directions(for: answer) {
        reply.directions = way
        let legs = DirectionsWriter(catalog: catalog, language: language).lines(way.route)
        reply.text = ([answer.answer] + legs).joined(separator: "\n")
      }
    default: break
    }
    return reply
  }

  /// Says which forum a plan took in when the visitor asked for one, or that none fits.
  public func sessionNote(_ planned: PlannedVisit, language: Language) -> String? {
    guard let forum = planned.forum else { return nil }
    guard case .added(let id) = forum, let session = catalog.session(id) else {
      return language.choose(
        "No forum starts and ends within this plan's time; ask for a longer plan or another day.",
        "这段时间内没有能赶上并结束的论坛；可以延长行程或换一天。",
        "In dieser Zeit beginnt und endet kein Forum; planen Sie länger oder an einem anderen Tag.")
    }
    let timeline = PlanTimeline(catalog: catalog, language: language)
    let clock = EventTime.clockTime(session.start, zone: catalog.timeZone)
    let title = timeline.title(session)
    guard planned.plan.stops.contains(where: { $0.id == id }) else {
      // The timeline says why it was left out.
      return language.choose(
        "The forum \(title) at \(clock) would fit the time, but not with this plan.",
        "论坛\(title)（\(clock)）时间上可行，但与本行程冲突。",
        "Das Forum \(title) um \(clock) passt zeitlich, aber nicht in diesen Plan.")
    }
    return language.choose(
      "Added the forum \(title) at \(clock).", "已加入论坛：\(title)，\(clock)开始。",
      "Forum hinzugefügt: \(title) um \(clock).")
  }

  /// Says why a plan starts when it does, unless it starts when asked or now.
  public func startNote(_ planned: PlannedVisit, language: Language) -> String? {
    let zone = catalog.timeZone
    let day = Labels(language: language).date(
      EventTime.localDate(planned.request.startTime, zone: zone))
    let clock = EventTime.clockTime(planned.request.startTime, zone: zone)
    switch (planned.startReason, language) {
    case (.asked, _), (.now, _): return nil
    case (.nextDay, .zh): return "活动尚未开始：按\(day) \(clock)规划（假定时间，来源未给出开放时间）。"
    case (.nextDay, .de):
      return
        "Die Veranstaltung hat noch nicht begonnen: geplant für \(day) ab \(clock) (angenommen; die Quellen nennen keine Öffnungszeiten)."
    case (.nextDay, .en):
      return
        "The event has not started yet: planned for \(day) at \(clock) (assumed; the sources give no opening hours)."
    case (.eventOver, .zh): return "活动已结束：按首日\(day) \(clock)规划，供参考（假定时间）。"
    case (.eventOver, .de):
      return
        "Die Veranstaltung ist vorbei: So hätte \(day) ab \(clock) ausgesehen (Zeit angenommen)."
    case (.eventOver, .en):
      return "The event is over: this is how \(day) from \(clock) would have looked (time assumed)."
    }
  }

  /// How many of the best-matching exhibitors a plan in an answer weighs: twice the stops its
  /// budget has room for at ten minutes a booth, at least 24 and at most the planner's 60. On
  /// the dev set's plan questions this gives the same scores as 60 on both packs, and plans four
  /// times faster on the 10x pack (`hiwaic ask --timing`).
  static func planCandidates(budgetMinutes: Double) -> Int {
    let stops = budgetMinutes.isFinite ? Int((budgetMinutes / 10).rounded(.up)) : 60
    return min(60, max(24, 2 * stops))
  }

  /// How long a plan for a part of the day lasts when the question gives no length: the
  /// morning from 9:00 to 12:00, the afternoon from 13:00 to 18:00, the evening from 18:00 to
  /// 22:00 (the starts `planStart` uses).
  static let partOfDayMinutes: [String: Double] = [
    "morning": 180, "afternoon": 300, "evening": 240,
  ]

  /// The personal plan a `plan_route` answer asks for: its interests, must-sees, sessions, budget
  /// and time, from the visitor's place (or the main entrance).
  public func plan(for answer: MatcherAnswer, context: AskContext) -> PlannedVisit {
    func list(_ key: String) -> [String] {
      if case .list(let values) = answer.slots[key] { return values }
      return []
    }
    var budget = 120.0
    if case .number(let minutes) = answer.slots["budgetMinutes"], minutes > 0 {
      budget = min(
        max(minutes, VisitLimits.budgetMinutes.lowerBound), VisitLimits.budgetMinutes.upperBound)
    } else if answer.slots["time"] == nil, case .text(let part) = answer.slots["partOfDay"],
      let minutes = Self.partOfDayMinutes[part]
    {
      // "Plan my afternoon" is the whole afternoon, not two hours of it.
      budget = minutes
    }
    var stepFree = false
    if case .flag(let flag) = answer.slots["stepFree"] { stepFree = flag }
    let start = planStart(for: answer, now: context.now)
    var sessions = list("sessions")
    var forumAsked: AddedForum?
    if answer.slots["addSession"] == .flag(true) && sessions.isEmpty {
      let found = forum(
        about: list("interests"), from: start.time, minutes: budget,
        here: context.here ?? catalog.mainEntrance, stepFree: stepFree)
      forumAsked = found.map { .added($0) } ?? .noneFits
      sessions += found.map { [$0] } ?? []
    }
    var request = VisitRequest(
      interests: Dictionary(list("interests").map { ($0, 1.0) }, uniquingKeysWith: max),
      mustSee: list("mustSee"), attend: sessions,
      start: context.here ?? catalog.mainEntrance,
      startTime: start.time, budgetMinutes: budget, stepFree: stepFree,
      candidateLimit: Self.planCandidates(budgetMinutes: budget))
    // Who the visitor is weighs too: the profile's recommendations are prizes of the plan.
    if !context.profile.isEmpty {
      request.profileValue = recommender.planValues(
        VisitorProfile(
          role: context.profile.role,
          interests: Dictionary(
            context.profile.interests.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }),
          wants: context.profile.wants, now: start.time, stepFree: stepFree))
    }
    return PlannedVisit(
      request: request, plan: VisitPlanner(catalog: catalog, solver: .answer).plan(request),
      startReason: start.reason, forum: forumAsked)
  }

  /// The forum to add to a plan ("add a forum"): one the visitor can walk to in time and back
  /// from before the plan ends, on the plan's interests when one is, the earliest first.
  func forum(
    about interests: [String], from start: Date, minutes: Double, here: String, stepFree: Bool
  ) -> String? {
    let end = start.addingTimeInterval(minutes * 60)
    let topics = Set(interests.flatMap { catalog.topicAndNarrower($0) })
    // Walking is the same both ways on the walkway graph.
    let travel = WalkingRouter(catalog: catalog).travel(from: here, stepFree: stepFree)
    let fitting = catalog.sessionsByStart.map { catalog.pack.sessions[$0] }.filter { session in
      guard
        let node = catalog.room(session.room)?.node.flatMap({ catalog.walkways.nodePosition[$0] }),
        let walk = travel?.minutes(to: node)
      else { return false }
      return session.start >= start.addingTimeInterval(walk * 60)
        && session.end.addingTimeInterval(walk * 60) <= end
    }
    let onTopic = fitting.first { !topics.isDisjoint(with: $0.topics) }
    return (onTopic ?? fitting.first)?.id
  }

  /// When a plan starts: the day and time the question names, else now while the event is on,
  /// else the next (or, once it is over, the first) event day at 10:00. The sources give no
  /// opening hours, so 10:00 is an assumption and the reply says so.
  public func planStart(for answer: MatcherAnswer, now: Date) -> (
    time: Date, reason: PlanStartReason
  ) {
    let zone = catalog.timeZone
    let today = EventTime.localDate(now, zone: zone)
    var day: LocalDate?
    if case .text(let text) = answer.slots["day"] { day = LocalDate(text) }
    var clock: Int?
    if case .text(let text) = answer.slots["time"] { clock = EventTime.clockMinutes(text) }
    if clock == nil, case .text(let part) = answer.slots["partOfDay"] {
      clock = ["morning": 9 * 60, "noon": 12 * 60, "afternoon": 13 * 60, "evening": 18 * 60][part]
    }
    func at(_ day: LocalDate, _ minutes: Int) -> Date {
      EventTime.startOfDay(day, zone: zone).addingTimeInterval(Double(minutes) * 60)
    }
    if let asked = day, !catalog.days.isEmpty, !catalog.days.contains(asked) {
      // "Tomorrow" when the event is not on tomorrow: its next (or first) day, said so.
      let next = nextEventDay(after: today)
      return (at(next, clock ?? 10 * 60), next > today ? .nextDay : .eventOver)
    }
    if day != nil || clock != nil {
      let chosen = day ?? (catalog.days.contains(today) ? today : nextEventDay(after: today))
      return (at(chosen, clock ?? 10 * 60), .asked)
    }
    if catalog.days.contains(today) || catalog.days.isEmpty { return (now, .now) }
    let next = nextEventDay(after: today)
    return (at(next, 10 * 60), next > today ? .nextDay : .eventOver)
  }

  private func nextEventDay(after today: LocalDate) -> LocalDate {
    catalog.days.first { $0 > today } ?? catalog.days.first ?? today
  }

  /// The way a `directions` answer describes, leg by leg, when it knows both ends.
  public func directions(for answer: MatcherAnswer) -> WalkingDirections? {
    guard case .text(let from) = answer.slots["from"], case .text(let to) = answer.slots["to"]
    else { return nil }
    var stepFree = false
    if case .flag(let flag) = answer.slots["stepFree"] { stepFree = flag }
    guard
      let route = WalkingRouter(catalog: catalog).route(from: from, to: to, stepFree: stepFree)
    else { return nil }
    return WalkingDirections(from: from, to: to, stepFree: stepFree, route: route)
  }
}

/// What the assistant says: the matcher's answer plus, where it applies, a worked-out plan or way.
public struct AssistantReply: Sendable {
  public var answer: MatcherAnswer
  /// What to show: the answer, with the plan's timeline or the way's legs worked in.
  public var text: String
  public var plan: PlannedVisit?
  public var directions: WalkingDirections?

  public init(
    answer: MatcherAnswer, text: String, plan: PlannedVisit? = nil,
    directions: WalkingDirections? = nil
  ) {
    self.answer = answer
    self.text = text
    self.plan = plan
    self.directions = directions
  }

  /// Whether the assistant answered (the organisers' answer counts): not when it did not
  /// understand, nor when it said it has no record of what was asked (an exhibitor not listed,
  /// a talk not recorded).
  public var isAnswered: Bool {
    answer.slots["organiser_answer"] != nil
      || (answer.intent != .unknown && answer.slots["unanswered"] == nil)
  }

  /// The walkway node the answer leads to: where the way ends, else the place a directions
  /// answer names (without a start to walk from).
  public var destination: String? {
    if let directions { return directions.to }
    if case .text(let node)? = answer.slots["to"] { return node }
    return nil
  }

  /// The visitor's profile as a recommendation answer took it (what they had said, with what
  /// the question added); nil for other answers.
  public var profile: AskProfile? {
    guard answer.intent == .recommend else { return nil }
    var profile = AskProfile()
    if case .text(let role)? = answer.slots["role"] { profile.role = role }
    if case .list(let topics)? = answer.slots["interests"] { profile.interests = topics }
    if case .list(let wants)? = answer.slots["wants"] { profile.wants = wants }
    return profile
  }

  /// The sessions the answer lists, in its order.
  public var sessions: [String] {
    if case .list(let ids)? = answer.slots["sessions"] { return ids }
    return []
  }
}

/// Why a plan starts when it does.
public enum PlanStartReason: String, Codable, Sendable {
  /// The question named the day or time.
  case asked
  /// Now: the event is on today.
  case now
  /// The event has not started: its next day at 10:00 (assumed; no source gives opening hours).
  case nextDay = "next-day"
  /// The event is over: its first day at 10:00, to show what a visit would have looked like.
  case eventOver = "event-over"
}

/// A personal plan with the request it answers.
public struct PlannedVisit: Sendable {
  public var request: VisitRequest
  public var plan: VisitPlan
  public var startReason: PlanStartReason
  /// What came of asking to add a forum ("add a forum"); nil when nobody asked.
  public var forum: AddedForum?

  public init(
    request: VisitRequest, plan: VisitPlan, startReason: PlanStartReason,
    forum: AddedForum? = nil
  ) {
    self.request = request
    self.plan = plan
    self.startReason = startReason
    self.forum = forum
  }
}

/// The forum a plan took in on request, or that none fits its time.
public enum AddedForum: Sendable, Hashable {
  case added(String)
  case noneFits
}

/// A walking route between two walkway nodes.
public struct WalkingDirections: Sendable {
  public var from: String
  public var to: String
  public var stepFree: Bool
  public var route: WalkingRoute
}

/// An assistant whose matcher is built on another thread, so that a front end can draw its
/// first screen from the pack at once: asking for `assistant` waits until it is ready (a few
/// tens of milliseconds after start, long before a visitor has typed a question).
public final class PendingAssistant: @unchecked Sendable {
  public let catalog: EventCatalog
  private let condition = NSCondition()
  // Guarded by `condition`.
  private var built: Assistant?

  /// Starts building the assistant for a loaded pack, lexicon and roles.
  /// `knowledge` opens the knowledge store on that thread too, given the assistant to
  /// categorise what it imports: opening and migrating it is disk work the first screen need
  /// not wait for.
  public init(
    catalog: EventCatalog, lexicon: Lexicon, roles: RoleTable = RoleTable(roles: [], wants: []),
    knowledge: (@Sendable (Assistant) -> KnowledgeStore?)? = nil
  ) {
    self.catalog = catalog
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      var assistant = Assistant(catalog: catalog, lexicon: lexicon, roles: roles)
      assistant.knowledge = knowledge?(assistant)
      condition.lock()
      built = assistant
      condition.broadcast()
      condition.unlock()
      assistant.prepare()
    }
  }

  /// An assistant already built.
  public init(ready: Assistant) {
    catalog = ready.catalog
    built = ready
  }

  /// The assistant, once built.
  public var assistant: Assistant {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let built { return built }
      condition.wait()
    }
  }
}
