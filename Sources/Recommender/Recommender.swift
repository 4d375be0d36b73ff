import EventModel
import Foundation
import Planner

/// What a visitor says about themself: who they are, what interests them (topic id → weight),
/// what they want, and where and when they are.
public struct VisitorProfile: Hashable, Sendable {
  public var role: String?
  public var interests: [String: Double]
  public var wants: [String]
  public var now: Date
  /// The walkway node the visitor is at, for "4 min away".
  public var here: String?
  public var stepFree: Bool
  /// When the visitor has to leave: a session starting then or later is not one for them.
  public var until: Date?

  public init(
    role: String? = nil, interests: [String: Double] = [:], wants: [String] = [], now: Date,
    here: String? = nil, stepFree: Bool = false, until: Date? = nil
  ) {
    self.role = role
    self.interests = interests
    self.wants = wants
    self.now = now
    self.here = here
    self.stepFree = stepFree
    self.until = until
  }
}

/// One recommended exhibitor, session or City Walk route, with its score and why.
public struct Recommendation: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, Encodable {
    case exhibitor, session, speaker, citywalk
  }
  public var kind: Kind
  public var id: String
  public var name: String
  public var score: Double
  /// The causes, most important first; the assistant words them in the visitor's language.
  public var reasons: [RecommendationReason]
}

/// Why something is recommended, as data: the assistant's wording turns it into one line.
public enum RecommendationReason: Hashable, Sendable {
  /// Topics (ids, strongest first) the record shares with the visitor's interests.
  case sharesInterests([String])
  /// A topic the visitor's role or wants look for; the role id when a role is set.
  case sought(topic: String, role: String?)
  /// A company to meet (buyers, job seekers, investors).
  case companyToMeet
  /// The stand offers what the visitor's role or a want seeks (start-ups for an investor).
  case offers(ExhibitorOffer)
  /// Something to see and try at the stand.
  case handsOn(exhibit: LocalizedText)
  /// One of the best-known stands.
  case wellKnown
  /// A City Walk route: AI at work in the city.
  case cityDemos
  /// The kind of session suits the visitor's role (the role id when a role is set).
  case sessionKind(SessionKind, role: String?)
  /// A speaker's session (by id) that makes them worth hearing.
  case speaksAt(session: String)
  /// When a session is (by id).
  case when(session: String)
  /// Minutes on foot from where the visitor is.
  case walk(minutes: Double)
}

/// Recommends exhibitors, sessions and City Walk routes for a profile: deterministic and
/// explained. A score is the profile's topics shared with the record, each weighted by how rare
/// it is in the pack (inverse document frequency: a shared rare topic counts more than "AI"),
/// plus what the visitor's role and wants look for (pack data), plus prominence; sessions that
/// have ended are never recommended; the picks are spread over topics (each pick sharing its
/// main topic with earlier ones counts less).
public struct Recommender: Sendable {
  public let catalog: EventCatalog
  public let roles: RoleTable
  /// Topic id → inverse document frequency over exhibitors, sessions and City Walk routes.
  let rarity: [String: Double]
  /// Speaker id → position in the pack.
  let speakerIndex: [String: Int]

  /// How much each earlier pick with the same main topic takes off (×0.75 each).
  static let diversity = 0.75

  public init(catalog: EventCatalog, roles: RoleTable) {
    self.catalog = catalog
    self.roles = roles
    var counts: [String: Int] = [:]
    let pack = catalog.pack
    for topics in pack.exhibitors.map(\.topics) + pack.sessions.map(\.topics)
      + pack.cityWalks.map(\.topics)
    {
      for topic in Set(topics) { counts[topic, default: 0] += 1 }
    }
    let total = Double(pack.exhibitors.count + pack.sessions.count + pack.cityWalks.count)
    var rarity: [String: Double] = [:]
    for topic in pack.topics {
      rarity[topic.id] = log(1 + total / Double(1 + (counts[topic.id] ?? 0)))
    }
    self.rarity = rarity
    speakerIndex = Dictionary(
      pack.speakers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a }
    )
  }

  /// A scored candidate before the spread over topics; its reasons are worded only if picked.
  struct Candidate {
    var kind: Recommendation.Kind
    /// Position in the pack's exhibitors, sessions or City Walk routes.
    var index: Int
    var id: String
    var score: Double
    var mainTopic: String?
    /// For a speaker: the session (by position) that makes them worth hearing.
    var session: Int?
  }

  /// The weights of everything the profile looks for.
  struct Boosts {
    var interests: [String: Double]
    var active: [RoleProfile]
    var role: RoleProfile?
    var exhibitors: Double
    var demos: Double
    var prominence: Double
    /// Offer → weight, over the role and the wants.
    var seeks: [ExhibitorOffer: Double]
  }

  /// The best `limit` of each kind for the profile, in the given language.
  public func recommend(_ profile: VisitorProfile, language: Language, limit: Int = 5)
    -> [Recommendation]
  {
    let active = ([profile.role.flatMap(roles.role)] + profile.wants.map(roles.want)).compactMap {
      $0
    }
    let boosts = Boosts(
      interests: expandedInterests(profile), active: active,
      role: profile.role.flatMap(roles.role), exhibitors: active.reduce(0) { $0 + $1.exhibitors },
      demos: active.reduce(0) { $0 + $1.demos },
      prominence: active.reduce(0) { $0 + $1.prominence },
      seeks: active.reduce(into: [:]) { seeks, profile in
        for (offer, weight) in profile.seeks ?? [:] {
          if let offer = ExhibitorOffer(rawValue: offer) { seeks[offer, default: 0] += weight }
        }
      }
    )
    let pack = catalog.pack
    var exhibitors: [Candidate] = []
    exhibitors.reserveCapacity(pack.exhibitors.count)
    for (index, exhibitor) in pack.exhibitors.enumerated() {
      var (score, main) = topicScore(exhibitor.topics, boosts)
      score += boosts.exhibitors
      for offer in Set(exhibitor.offers) { score += boosts.seeks[offer] ?? 0 }
      if !exhibitor.exhibits.isEmpty { score += max(0, boosts.demos) }
      score += (catalog.exhibitorProminence[safe: index] ?? 0) * (0.3 + boosts.prominence)
      exhibitors.append(
        Candidate(kind: .exhibitor, index: index, id: exhibitor.id, score: score, mainTopic: main))
    }
    // One walking tree from where the visitor is: how far every booth and room is.
    let tree = profile.here.flatMap {
      WalkingRouter(catalog: catalog).travel(from: $0, stepFree: profile.stepFree)
    }
    var sessions: [Candidate] = []
    var speakers: [String: Candidate] = [:]
    for (index, session) in pack.sessions.enumerated()
    where session.end > profile.now && session.start < (profile.until ?? .distantFuture) {
      // Not yet started and too far to reach by its start: not one to suggest now.
      if session.start > profile.now, let tree,
        let position = catalog.room(session.room).flatMap({ $0.node }).flatMap({
          catalog.walkways.nodePosition[$0]
        }
        ),
        let minutes = tree.minutes(to: position),
        minutes > session.start.timeIntervalSince(profile.now) / 60
      {
        continue
      }
      var (score, main) = topicScore(session.topics, boosts)
      score += active.reduce(0) { $0 + ($1.sessionKinds[session.kind.rawValue] ?? 0) }
      sessions.append(
        Candidate(kind: .session, index: index, id: session.id, score: score, mainTopic: main))
      // A speaker is worth hearing as much as their best session still to come.
      for speakerID in session.speakers {
        guard let position = speakerIndex[speakerID], score > 0,
          score > speakers[speakerID]?.score ?? 0
        else { continue }
        speakers[speakerID] = Candidate(
          kind: .speaker, index: position, id: speakerID, score: score, mainTopic: main,
          session: index)
      }
    }
    var walks: [Candidate] = []
    for (index, route) in pack.cityWalks.enumerated() {
      let (score, main) = topicScore(route.topics, boosts)
      walks.append(
        Candidate(
          kind: .citywalk, index: index, id: route.id, score: score + max(0, boosts.demos),
          mainTopic: main))
    }
    let speakerList = speakers.values.sorted { $0.id < $1.id }
    let picked = [exhibitors, sessions, speakerList, walks].flatMap { spread($0, limit: limit) }
    return picked.map { candidate, score in
      explain(
        candidate, score: score, boosts: boosts, tree: tree, language: language)
    }
  }

  /// What the profile makes each of its best exhibitors worth to a plan, 0 to 1 (the best is
  /// 1): the orienteering prizes of "plan my visit" for this visitor. Empty when the profile
  /// says nothing.
  public func planValues(_ profile: VisitorProfile, limit: Int = 20) -> [String: Double] {
    // Only what the profile itself seeks: fame alone is already part of every stand's prize.
    let picks = recommend(profile, language: .en, limit: limit).filter { pick in
      pick.kind == .exhibitor
        && pick.reasons.contains {
          switch $0 {
          case .wellKnown, .walk, .when, .speaksAt: false
          default: true
          }
        }
    }
    guard let best = picks.map(\.score).max(), best > 0 else { return [:] }
    return Dictionary(
      picks.map { ($0.id, $0.score / best) }, uniquingKeysWith: { first, _ in first })
  }

  /// The profile's interests with narrower topics included ("robotics" covers humanoids).
  func expandedInterests(_ profile: VisitorProfile) -> [String: Double] {
    var expanded: [String: Double] = [:]
    for (topic, weight) in profile.interests where weight.isFinite && weight > 0 {
      for narrower in catalog.topicAndNarrower(topic) {
        expanded[narrower] = max(expanded[narrower] ?? 0, min(weight, 10))
      }
    }
    return expanded
  }

  /// The shared-topic part of a score (interests and what the role and wants seek, each topic
  /// weighted by its rarity) and the topic that gives most of it.
  func topicScore(_ topics: [String], _ boosts: Boosts) -> (Double, String?) {
    var score = 0.0
    var main: (String, Double)?
    for (position, topic) in topics.enumerated() where !topics[..<position].contains(topic) {
      let rare = rarity[topic] ?? 1
      var part = (boosts.interests[topic] ?? 0) * rare
      for profile in boosts.active { part += (profile.topics[topic] ?? 0) * rare }
      score += part
      if part > (main?.1 ?? 0) { main = (topic, part) }
    }
    return (score, main?.0 ?? topics.first)
  }

  /// A pick with its reasons, strongest first: shared interests, what the role seeks, demos,
  /// fame, the kind of session; then the time of a session and the walk to a booth.
  func explain(
    _ candidate: Candidate, score: Double, boosts: Boosts, tree: WalkTree?, language: Language
  ) -> Recommendation {
    let pack = catalog.pack
    var causes: [(weight: Double, reason: RecommendationReason)] = []
    func topicCauses(_ topics: [String]) {
      var shared: [(String, Double)] = []
      var sought: [(String, Double)] = []
      for topic in Set(topics) {
        let rare = rarity[topic] ?? 1
        if let weight = boosts.interests[topic] { shared.append((topic, weight * rare)) }
        let wanted = boosts.active.reduce(0) { $0 + ($1.topics[topic] ?? 0) }
        if wanted > 0 { sought.append((topic, wanted * rare)) }
      }
      shared.sort { ($0.1, $1.0) > ($1.1, $0.0) }
      sought.sort { ($0.1, $1.0) > ($1.1, $0.0) }
      if !shared.isEmpty {
        causes.append((shared.reduce(0) { $0 + $1.1 }, .sharesInterests(shared.prefix(2).map(\.0))))
      }
      if let first = sought.first {
        causes.append((first.1, .sought(topic: first.0, role: boosts.role?.id)))
      }
    }
    let name: String
    var trailing: [RecommendationReason] = []
    switch candidate.kind {
    case .exhibitor:
      let exhibitor = pack.exhibitors[candidate.index]
      name = exhibitor.name.text(language)
      topicCauses(exhibitor.topics)
      if boosts.exhibitors > 0 {
        causes.append((boosts.exhibitors, .companyToMeet))
      }
      // The offer the profile seeks most (ties by the offer's order, so the reason is stable).
      if let offer = ExhibitorOffer.allCases.filter({ exhibitor.offers.contains($0) })
        .max(by: { (boosts.seeks[$0] ?? 0) < (boosts.seeks[$1] ?? 0) }),
        let weight = boosts.seeks[offer], weight > 0
      {
        causes.append((weight, .offers(offer)))
      }
      if let exhibit = exhibitor.exhibits.first, boosts.demos > 0 {
        causes.append((boosts.demos, .handsOn(exhibit: exhibit.name)))
      }
      let prominence = catalog.exhibitorProminence[safe: candidate.index] ?? 0
      if prominence >= 0.5 {
        causes.append((prominence * (0.3 + boosts.prominence), .wellKnown))
      }
      if let tree, let node = exhibitor.booth.flatMap({ catalog.booth($0)?.node }),
        let position = catalog.walkways.nodePosition[node], let minutes = tree.minutes(to: position)
      {
        trailing.append(.walk(minutes: minutes))
      }
    case .session:
      let session = pack.sessions[candidate.index]
      name = session.title.text(language)
      topicCauses(session.topics)
      let kind = boosts.active.reduce(0) { $0 + ($1.sessionKinds[session.kind.rawValue] ?? 0) }
      if kind > 0.3 { causes.append((kind, .sessionKind(session.kind, role: boosts.role?.id))) }
      trailing.append(.when(session: session.id))
    case .speaker:
      let speaker = pack.speakers[candidate.index]
      name =
        speaker.name.text(language)
        + (speaker.affiliation?[language].map { language == .zh ? "（\($0)）" : " (\($0))" } ?? "")
      if let position = candidate.session, let session = pack.sessions[safe: position] {
        topicCauses(session.topics)
        trailing.append(.speaksAt(session: session.id))
      }
    case .citywalk:
      let route = pack.cityWalks[candidate.index]
      name = route.name.text(language)
      topicCauses(route.topics)
      if boosts.demos > 0 { causes.append((boosts.demos, .cityDemos)) }
    }
    let reasons = causes.sorted { $0.weight > $1.weight }.prefix(3).map(\.reason) + trailing
    return Recommendation(
      kind: candidate.kind, id: candidate.id, name: name, score: (score * 1000).rounded() / 1000,
      reasons: reasons)
  }

  /// The best `limit` candidates, picked one by one, each pick sharing its main topic with
  /// earlier picks counting less; ties by id, so the same profile gives the same list.
  func spread(_ candidates: [Candidate], limit: Int) -> [(Candidate, Double)] {
    var remaining = candidates.filter { $0.score > 0 }
    var picked: [(Candidate, Double)] = []
    var mainTopics: [String: Int] = [:]
    func effective(_ candidate: Candidate) -> Double {
      let repeats = candidate.mainTopic.map { mainTopics[$0] ?? 0 } ?? 0
      return candidate.score * pow(Self.diversity, Double(repeats))
    }
    while picked.count < limit, !remaining.isEmpty {
      var best = 0
      var bestScore = effective(remaining[0])
      for index in remaining.indices.dropFirst() {
        let score = effective(remaining[index])
        if score > bestScore || (score == bestScore && remaining[index].id < remaining[best].id) {
          best = index
          bestScore = score
        }
      }
      let choice = remaining.remove(at: best)
      if let topic = choice.mainTopic { mainTopics[topic, default: 0] += 1 }
      picked.append((choice, bestScore))
    }
    return picked
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
