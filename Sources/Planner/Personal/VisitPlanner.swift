import EventModel
import Foundation

/// What a visitor wants from a personal route.
public struct VisitRequest: Sendable {
  /// Topic id → weight (1 = normal interest, 2 = strong).
  public var interests: [String: Double]
  /// Exhibitor ids to include if at all possible.
  public var mustSee: [String]
  /// Session ids to attend (fixed times).
  public var attend: [String]
  /// The walkway node where the visit starts, and when.
  public var start: String
  public var startTime: Date
  public var budgetMinutes: Double
  /// Where the visit must end (the start when nil).
  public var end: String?
  public var dwellMinutes: Double
  /// Dwell at booths of strong interest.
  public var strongDwellMinutes: Double
  public var stepFree: Bool
  /// Exhibitors and sessions already done (re-planning): left out of the new plan.
  public var done: Set<String>
  /// How many of the best-matching exhibitors the solver considers (must-sees always are).
  public var candidateLimit: Int
  /// Exhibitor id → value the visitor's profile gives it (0 to 1; a recommender's scores,
  /// scaled): added to the exhibitor's prize, so a plan prefers what the profile recommends.
  public var profileValue: [String: Double] = [:]

  public init(
    interests: [String: Double] = [:], mustSee: [String] = [], attend: [String] = [], start: String,
    startTime: Date, budgetMinutes: Double, end: String? = nil, dwellMinutes: Double = 10,
    strongDwellMinutes: Double = 15, stepFree: Bool = false, done: Set<String> = [],
    candidateLimit: Int = 60
  ) {
    self.interests = interests
    self.mustSee = mustSee
    self.attend = attend
    self.start = start
    self.startTime = startTime
    self.budgetMinutes = budgetMinutes
    self.end = end
    self.dwellMinutes = dwellMinutes
    self.strongDwellMinutes = strongDwellMinutes
    self.stepFree = stepFree
    self.done = done
    self.candidateLimit = candidateLimit
  }
}

extension VisitRequest {
  /// The request with its numbers inside what the planner serves (`VisitLimits`), so that a
  /// caller that skipped a check gets a plan, not a trap or a search without end.
  var bounded: VisitRequest {
    func clamp(_ value: Double, _ range: ClosedRange<Double>, default fallback: Double) -> Double {
      value.isFinite ? min(max(value, range.lowerBound), range.upperBound) : fallback
    }
    var copy = self
    copy.budgetMinutes = clamp(budgetMinutes, VisitLimits.budgetMinutes, default: 120)
    copy.dwellMinutes = clamp(dwellMinutes, VisitLimits.dwellMinutes, default: 10)
    copy.strongDwellMinutes = clamp(strongDwellMinutes, VisitLimits.dwellMinutes, default: 15)
    copy.interests = interests.filter { $0.value.isFinite && $0.value > 0 }
    copy.profileValue = profileValue.filter { $0.value.isFinite && $0.value > 0 }
      .mapValues { min($0, 1) }
    return copy
  }
}

/// One stop of a plan, with the walk before it.
public struct PlannedStop: Codable, Hashable, Sendable {
  public enum Kind: String, Codable, Sendable { case exhibitor, session }

  public var kind: Kind
  public var id: String
  public var node: String
  public var walkMinutes: Double
  public var walkMetres: Double
  public var arrival: Date
  public var start: Date
  public var leave: Date
  public var waitMinutes: Double
  /// What the stop adds to the plan's interest score.
  public var score: Double
}

/// Something the visitor asked for that is not in the plan, and why.
public struct LeftOut: Codable, Hashable, Sendable {
  public enum Reason: String, Codable, Sendable {
    case notFound = "not-found"
    case alreadyOver = "already-over"
    case unreachable
    case noTime = "no-time"
    case clash
    /// A session on another day than the plan's.
    case otherDay = "other-day"
  }

  public var id: String
  public var reason: Reason
  /// The other item, for clashes.
  public var with: String?
}

/// A personal plan: stops in order, totals, and what was left out.
public struct VisitPlan: Codable, Hashable, Sendable {
  public var stops: [PlannedStop]
  public var score: Double
  public var walkingMetres: Double
  public var walkingMinutes: Double
  public var end: String
  public var endWalkMinutes: Double
  public var finish: Date
  public var leftOut: [LeftOut]
  /// Whether the plan is proven best (small problems are solved exactly).
  public var optimal: Bool
}

/// Plans a visitor's time: picks and orders booths and sessions to maximise interest within the
/// budget, on time for every session, walking the real walkway graph. Pure and deterministic.
public struct VisitPlanner: Sendable {
  public let catalog: EventCatalog
  public var solver: OrienteeringSolver

  public init(catalog: EventCatalog, solver: OrienteeringSolver = OrienteeringSolver()) {
    self.catalog = catalog
    self.solver = solver
  }

  /// Diminishing returns per topic: the k-th booth of a topic is worth `decay^(k-1)` of the first.
  public static let decay = 0.6
  /// What full prominence adds to an exhibitor's value, against 1 for its first interest.
  public static let prominenceWeight = 0.5
  /// What the profile's best recommended stand adds to its prize: as much as full prominence,
  /// so that an interest the visitor named still leads and the profile fills the rest.
  public static let profileWeight = 0.5
  /// A must-see or a chosen session outweighs any amount of general interest.
  static let requiredBonus = 1_000.0

  public func plan(_ asked: VisitRequest) -> VisitPlan {
    let request = asked.bounded
    // A pack without a floor plan (imported from a schedule) has no walks to plan: its plans
    // are sessions, chosen so that none overlaps.
    if catalog.pack.walkways.nodes.isEmpty { return sessionsOnly(request) }
    var leftOut: [LeftOut] = []
    let endNode = request.end ?? request.start

    // Interest per exhibitor: the weights of the interests its topics fall under; its group is
    // the interest that weighs most, for diminishing returns.
    let interests = request.interests.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
    let expanded = interests.map {
      (id: $0.key, weight: $0.value, covers: catalog.topicAndNarrower($0.key))
    }
    struct Candidate {
      var kind: PlannedStop.Kind
      var id: String
      var node: String
      var profit: Double
      var group: Int
      var dwell: Double
      var opens: Double
      var closes: Double
      var required: Bool
    }
    var candidates: [Candidate] = []
    let must = Set(request.mustSee)
    let exhibitors = catalog.pack.exhibitors
    var weightOf: [Double] = []
    var groupOf: [Int] = []
    // Every must-see, and the best-scoring others up to the limit (ties to the lower id).
    let required: [Standing]
    let others: [Standing]
    if interests.isEmpty && request.profileValue.isEmpty {
      (required, others) = bestKnownStands(request, must: must)
    } else {
      // With interests, only the exhibitors of their topics (and the must-sees) can score: a
      // large pack has thousands of others. Each one's weight (the interests it falls under)
      // and group (the first of them) come from the topics' lists of exhibitors, so that no
      // exhibitor's own topics are read.
      var scanned: [Int]
      if interests.isEmpty {
        scanned = Array(exhibitors.indices)
      } else {
        // A topic's list holds the exhibitors of its narrower topics too, so each interest
        // reads one list; the positions come from the catalog, each within its exhibitors.
        var weights = [Double](repeating: 0, count: exhibitors.count)
        var groups = [Int](repeating: -1, count: exhibitors.count)
        var lastInterest = [Int](repeating: -1, count: exhibitors.count)
        var found: [Int] = []
        weights.withUnsafeMutableBufferPointer { weights in
          groups.withUnsafeMutableBufferPointer { groups in
            lastInterest.withUnsafeMutableBufferPointer { last in
              for (index, interest) in expanded.enumerated() {
                for position in catalog.exhibitorsByTopic[interest.id] ?? []
                where last[position] != index {
                  if last[position] < 0 { found.append(position) }
                  last[position] = index
                  weights[position] += interest.weight
                  if groups[position] < 0 { groups[position] = index }
                }
              }
            }
          }
        }
        // Must-sees no interest covers are scored too, each once.
        for id in request.mustSee {
          if let position = catalog.position(ofExhibitor: id), lastInterest[position] < 0 {
            lastInterest[position] = expanded.count
            found.append(position)
          }
        }
        weightOf = weights
        groupOf = groups
        // Which order the stands are scored in does not matter: the best are ranked by score
        // and then id.
        scanned = found
      }
      // Each stand's standing, from its fields alone: thousands are scored, and only the few
      // the solver considers become candidates.
      var pool: [Standing] = []
      pool.reserveCapacity(scanned.count)
      let readsID = !request.done.isEmpty || !must.isEmpty || !request.profileValue.isEmpty
      let boothOf = catalog.exhibitorBoothPositions
      for position in scanned where boothOf[position] != nil {
        let id = readsID ? exhibitors[position].id : ""
        if !request.done.isEmpty && request.done.contains(id) { continue }
        let weight = interests.isEmpty ? 1 : weightOf[position]
        let required = !must.isEmpty && must.contains(id)
        guard weight > 0 || required else { continue }
        // Named interests say what the plan is about: the profile orders the stands within
        // them, and chooses among all only when no interest is named.
        let valued =
          weight > 0 && !request.profileValue.isEmpty
          ? Self.profileWeight * (request.profileValue[id] ?? 0) : 0
        // Prominence (sourced: how many sources name it and its demos) adds a little on top
        // of the interest, so that a robotics plan includes the robots everyone came to see.
        let prominence = Self.prominenceWeight * catalog.exhibitorProminence[position]
        pool.append(
          Standing(
            position: position, score: weight + prominence + valued, valued: valued,
            required: required))
      }
      required = must.isEmpty ? [] : pool.filter(\.required)
      others = Self.best(
        max(0, request.candidateLimit - required.count),
        of: required.isEmpty ? pool : pool.filter { !$0.required },
        rank: catalog.exhibitorIDRank)
    }
    for id in request.mustSee
    where catalog.exhibitor(id) == nil || catalog.exhibitor(id)?.booth == nil {
      leftOut.append(LeftOut(id: id, reason: .notFound))
    }
    for entry in required.sorted(by: {
      ($0.score, exhibitors[$1.position].id) > ($1.score, exhibitors[$0.position].id)
    }) + others {
      let position = entry.position
      let id = exhibitors[position].id
      let weight = interests.isEmpty ? 1 : weightOf[position]
      let prominence = Self.prominenceWeight * catalog.exhibitorProminence[position]
      candidates.append(
        Candidate(
          kind: .exhibitor, id: id, node: catalog.exhibitorNodes[position] ?? "",
          profit: (interests.isEmpty ? 1 : 0) + prominence * max(weight, 1) + entry.valued,
          // Without interests every stand counts the same, in no group.
          group: interests.isEmpty ? -1 : groupOf[position],
          dwell: weight >= 2 ? request.strongDwellMinutes : request.dwellMinutes,
          opens: 0, closes: request.budgetMinutes, required: entry.required))
    }
    for id in request.attend {
      guard let session = catalog.session(id), let node = catalog.room(session.room)?.node else {
        leftOut.append(LeftOut(id: id, reason: .notFound))
        continue
      }
      if catalog.programmeDate(session.start) != catalog.programmeDate(request.startTime) {
        leftOut.append(LeftOut(id: id, reason: .otherDay))
        continue
      }
      let start = session.start.timeIntervalSince(request.startTime) / 60
      if start < 0 {
        leftOut.append(LeftOut(id: id, reason: .alreadyOver))
        continue
      }
      candidates.append(
        Candidate(
          kind: .session, id: id, node: node, profit: 0, group: -1,
          dwell: session.end.timeIntervalSince(session.start) / 60, opens: start, closes: start,
          required: true))
    }

    // Vertices: 0 the start, then the candidates, then the end when it differs.
    var nodes = [request.start] + candidates.map(\.node)
    let separateEnd = endNode != request.start
    if separateEnd { nodes.append(endNode) }
    let count = nodes.count
    let (minutes, metres) = walkingTable(between: nodes, stepFree: request.stepFree)
    let weights = expanded.map { $0.weight }
    var problem = OrienteeringProblem(
      travel: minutes, count: count,
      service: [0] + candidates.map(\.dwell) + (separateEnd ? [0] : []),
      profit: [0] + candidates.map { $0.profit + ($0.required ? Self.requiredBonus : 0) }
        + (separateEnd ? [0] : []),
      opens: [0] + candidates.map(\.opens) + (separateEnd ? [0] : []),
      closes: [request.budgetMinutes] + candidates.map(\.closes)
        + (separateEnd ? [request.budgetMinutes] : []),
      group: [-1] + candidates.map(\.group) + (separateEnd ? [-1] : []), groupWeight: weights,
      decay: Self.decay, horizon: request.budgetMinutes, end: separateEnd ? count - 1 : nil)
    problem.required = Set(candidates.indices.filter { candidates[$0].required }.map { $0 + 1 })

    let solution = solver.solve(problem)
    let schedule = problem.schedule(solution.route) ?? []
    var stops: [PlannedStop] = []
    var previous = 0
    var walked = 0.0
    var walkedMinutes = 0.0
    for (index, vertex) in solution.route.enumerated() {
      let candidate = candidates[vertex - 1]
      let times = schedule[index]
      let walk = problem.time(previous, vertex)
      walked += metres[previous * count + vertex]
      walkedMinutes += walk
      let before = problem.value(of: solution.route.prefix(index))
      let after = problem.value(of: solution.route.prefix(index + 1))
      stops.append(
        PlannedStop(
          kind: candidate.kind, id: candidate.id, node: candidate.node, walkMinutes: walk,
          walkMetres: metres[previous * count + vertex],
          arrival: request.startTime.addingTimeInterval(times.arrival * 60),
          start: request.startTime.addingTimeInterval(times.start * 60),
          leave: request.startTime.addingTimeInterval(times.leave * 60),
          waitMinutes: times.start - times.arrival,
          score: after - before - (candidate.required ? Self.requiredBonus : 0)))
      previous = vertex
    }
    let endVertex = separateEnd ? count - 1 : 0
    let endWalk = problem.time(previous, endVertex)
    walked += metres[previous * count + endVertex]
    walkedMinutes += endWalk
    let finishMinutes = (schedule.last?.leave ?? 0) + endWalk

    // Why requested items are missing.
    let chosen = Set(solution.route)
    for (index, candidate) in candidates.enumerated()
    where candidate.required && !chosen.contains(index + 1) {
      let vertex = index + 1
      if problem.time(0, vertex) >= 1e8 {
        leftOut.append(LeftOut(id: candidate.id, reason: .unreachable))
      } else if candidate.kind == .session, let other = clash(with: candidate.id, among: stops) {
        leftOut.append(LeftOut(id: candidate.id, reason: .clash, with: other))
      } else {
        leftOut.append(LeftOut(id: candidate.id, reason: .noTime))
      }
    }
    let score = stops.reduce(0) { $0 + $1.score }
    return VisitPlan(
      stops: stops, score: (score * 1000).rounded() / 1000, walkingMetres: walked.rounded(),
      walkingMinutes: (walkedMinutes * 10).rounded() / 10, end: endNode, endWalkMinutes: endWalk,
      finish: request.startTime.addingTimeInterval(finishMinutes * 60), leftOut: leftOut,
      optimal: solution.optimal)
  }

  /// The stands of a plan that names no interest and has no profile to weigh: each is worth the
  /// same and its prominence on top, so the best are the front of the catalog's stands by
  /// prominence (then id), and a plan on a pack of thousands reads a few dozen of them.
  func bestKnownStands(_ request: VisitRequest, must: Set<String>) -> (
    required: [Standing], others: [Standing]
  ) {
    let exhibitors = catalog.pack.exhibitors
    func standing(_ position: Int, required: Bool) -> Standing {
      Standing(
        position: position,
        score: 1 + Self.prominenceWeight * catalog.exhibitorProminence[position], valued: 0,
        required: required)
    }
    var required: [Standing] = []
    var mustPositions = Set<Int>()
    for id in must where !request.done.contains(id) {
      guard let position = catalog.position(ofExhibitor: id),
        catalog.exhibitorBoothPositions[position] != nil
      else { continue }
      mustPositions.insert(position)
      required.append(standing(position, required: true))
    }
    let limit = max(0, request.candidateLimit - required.count)
    var others: [Standing] = []
    for position in catalog.standsByProminence {
      if others.count >= limit { break }
      if mustPositions.contains(position) { continue }
      if !request.done.isEmpty && request.done.contains(exhibitors[position].id) { continue }
      others.append(standing(position, required: false))
    }
    return (required, others)
  }

  /// An exhibitor's standing for a plan: its score, the part of it its profile gives, and
  /// whether the visitor asked for it.
  struct Standing {
    var position: Int
    var score: Double
    var valued: Double
    var required: Bool
  }

  /// The `limit` best of `pool` by score, ties to the lower id (`rank`, each exhibitor's place
  /// in id order), best first: a heap of the best so far, the worst on top, so that most of a
  /// large pool costs one comparison each.
  static func best(_ limit: Int, of pool: [Standing], rank: [Int32]) -> [Standing] {
    guard limit > 0 else { return [] }
    func better(_ a: Standing, _ b: Standing) -> Bool {
      a.score > b.score || (a.score == b.score && rank[a.position] < rank[b.position])
    }
    var heap: [Standing] = []
    heap.reserveCapacity(min(limit, pool.count))
    func siftDown(from start: Int) {
      var parent = start
      while true {
        var worst = parent
        let left = 2 * parent + 1
        if left < heap.count && better(heap[worst], heap[left]) { worst = left }
        if left + 1 < heap.count && better(heap[worst], heap[left + 1]) { worst = left + 1 }
        if worst == parent { return }
        heap.swapAt(parent, worst)
        parent = worst
      }
    }
    for entry in pool {
      if heap.count < limit {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 && better(heap[(child - 1) / 2], heap[child]) {
          heap.swapAt(child, (child - 1) / 2)
          child = (child - 1) / 2
        }
      } else if better(entry, heap[0]) {
        heap[0] = entry
        siftDown(from: 0)
      }
    }
    return heap.sorted(by: better)
  }

  /// Minutes and metres between every two of `nodes` (1e9 where there is no way). Walking is
  /// symmetric on the walkway graph, so a pair needs one search, from either end: trees kept
  /// from earlier plans and answers (the start, popular booths) answer first, and every other
  /// vertex searches once, keeping its tree for the next plan where the cache holds a tree of
  /// every node. A venue too large for that takes the rest from its floor tables
  /// (`WalkwayIndex.table`), or else searches from each stop. Minutes are rounded to a
  /// microminute so that the table does not depend on which end was searched.
  func walkingTable(between nodes: [String], stepFree: Bool) -> (
    minutes: [Double], metres: [Double]
  ) {
    let count = nodes.count
    let walkways = catalog.walkways
    var minutes = [Double](repeating: 1e9, count: count * count)
    var metres = [Double](repeating: 1e9, count: count * count)
    var known = [Bool](repeating: false, count: count * count)
    let positions = nodes.map { walkways.nodePosition[$0] ?? -1 }
    // Both directions at once; nil leaves the pair unreachable.
    func set(_ i: Int, _ j: Int, seconds: Double?, length: Double?) {
      known[i * count + j] = true
      known[j * count + i] = true
      guard let seconds else { return }
      let way = (seconds / 60 * 1e6).rounded() / 1e6
      minutes[i * count + j] = way
      minutes[j * count + i] = way
      metres[i * count + j] = length ?? 1e9
      metres[j * count + i] = length ?? 1e9
    }
    func fill(from i: Int, with tree: WalkTree) {
      for j in 0..<count where !known[i * count + j] {
        let target = positions[j]
        set(
          i, j, seconds: target >= 0 ? tree.seconds(to: target) : nil,
          length: target >= 0 ? tree.metres(to: target) : nil)
      }
    }
    for i in 0..<count where positions[i] < 0 {
      for j in 0..<count { set(i, j, seconds: nil, length: nil) }
    }
    // Too many nodes to keep a tree from each: on a venue of many floors the whole table comes
    // from searches on single floors and between the places where floors meet, made once.
    let valid = (0..<count).filter { positions[$0] >= 0 }
    if !walkways.keepsEveryTree,
      let table = walkways.table(between: valid.map { positions[$0] }, stepFree: stepFree)
    {
      let width = valid.count
      for (a, i) in valid.enumerated() {
        for (b, j) in valid.enumerated() where b >= a {
          let seconds = table.seconds[a * width + b]
          set(
            i, j, seconds: seconds.isFinite ? seconds : nil,
            length: seconds.isFinite ? table.metres[a * width + b] : nil)
        }
      }
      return (minutes, metres)
    }
    var pending: [Int] = []
    for i in 0..<count where positions[i] >= 0 {
      if let tree = walkways.keptTree(from: positions[i], stepFree: stepFree) {
        fill(from: i, with: tree)
      } else {
        pending.append(i)
      }
    }
    if walkways.keepsEveryTree {
      for i in pending where (0..<count).contains(where: { !known[i * count + $0] }) {
        fill(from: i, with: walkways.travel(from: positions[i], stepFree: stepFree))
      }
      return (minutes, metres)
    }
    // Too many nodes to keep a tree from each, and no floors to cut the venue: search from each
    // pending stop only until the stops not yet known are settled, a later pending stop's way
    // to an earlier one being the earlier one's way back. The searches are independent, so
    // both cores run them; the table is the one a search after another would give.
    let isPending = Set(pending)
    let jobs = pending.compactMap { i -> (row: Int, targets: [Int])? in
      let targets = (0..<count).filter { j in
        !known[i * count + j] && (!isPending.contains(j) || j >= i)
      }
      return targets.isEmpty ? nil : (i, targets)
    }
    let ways = ParallelWork.map(jobs) { [positions] job in
      walkways.travel(
        from: positions[job.row], to: job.targets.map { positions[$0] }, stepFree: stepFree)
    }
    for (job, found) in zip(jobs, ways) {
      for (j, way) in zip(job.targets, found) {
        set(job.row, j, seconds: way?.seconds, length: way?.metres)
      }
    }
    return (minutes, metres)
  }

  /// A chosen session that overlaps the given one.
  private func clash(with id: String, among stops: [PlannedStop]) -> String? {
    guard let session = catalog.session(id) else { return nil }
    return stops.first { stop in
      guard stop.kind == .session, let other = catalog.session(stop.id) else { return false }
      return other.start < session.end && session.start < other.end
    }?.id
  }
}

extension VisitPlanner {
  /// The plan of a pack without a floor plan: the sessions in the time budget that together
  /// are worth most (each worth the weights of the interests its topics fall under, a chosen
  /// session more than any), none overlapping another. Weighted interval scheduling, solved
  /// exactly; walking between rooms is not counted because the pack does not know it.
  func sessionsOnly(_ request: VisitRequest) -> VisitPlan {
    let windowEnd = request.startTime.addingTimeInterval(request.budgetMinutes * 60)
    let expanded = request.interests.map {
      (weight: $0.value, covers: catalog.topicAndNarrower($0.key))
    }
    let attend = Set(request.attend)
    var leftOut = request.mustSee.map { LeftOut(id: $0, reason: .notFound) }
    var candidates: [(session: Session, value: Double)] = []
    for session in catalog.pack.sessions where !request.done.contains(session.id) {
      let required = attend.contains(session.id)
      guard session.start >= request.startTime, session.end <= windowEnd else {
        if required {
          leftOut.append(
            LeftOut(
              id: session.id, reason: session.start < request.startTime ? .alreadyOver : .noTime))
        }
        continue
      }
      var value: Double = expanded.isEmpty ? 1 : 0
      for interest in expanded where session.topics.contains(where: interest.covers.contains) {
        value += interest.weight
      }
      if required { value += Self.requiredBonus }
      if value > 0 { candidates.append((session, value)) }
    }
    for id in request.attend where catalog.session(id) == nil {
      leftOut.append(LeftOut(id: id, reason: .notFound))
    }
    // By end, then start, then id: the same request always gives the same plan.
    candidates.sort {
      ($0.session.end, $0.session.start, $0.session.id) < (
        $1.session.end, $1.session.start, $1.session.id
      )
    }
    // best[j]: the most the first j candidates are worth without overlaps.
    var best = [0.0]
    var previous: [Int] = []
    for (index, candidate) in candidates.enumerated() {
      // The last earlier candidate that ends by the time this one starts.
      var low = 0
      var high = index
      while low < high {
        let middle = (low + high) / 2
        if candidates[middle].session.end <= candidate.session.start {
          low = middle + 1
        } else {
          high = middle
        }
      }
      previous.append(low)
      best.append(max(best[index], candidate.value + best[low]))
    }
    var chosen: [Int] = []
    var index = candidates.count
    while index > 0 {
      let candidate = index - 1
      if candidates[candidate].value + best[previous[candidate]] >= best[candidate] {
        chosen.append(candidate)
        index = previous[candidate]
      } else {
        index = candidate
      }
    }
    chosen.reverse()
    var stops: [PlannedStop] = []
    var time = request.startTime
    for position in chosen {
      let session = candidates[position].session
      stops.append(
        PlannedStop(
          kind: .session, id: session.id, node: "", walkMinutes: 0, walkMetres: 0,
          arrival: session.start, start: session.start, leave: session.end,
          waitMinutes: max(0, session.start.timeIntervalSince(time) / 60),
          score: candidates[position].value))
      time = session.end
    }
    let picked = Set(stops.map(\.id))
    for id in request.attend
    where !picked.contains(id) && catalog.session(id) != nil
      && !leftOut.contains(where: { $0.id == id })
    {
      let other = stops.first { stop in
        guard let a = catalog.session(stop.id), let b = catalog.session(id) else { return false }
        return a.start < b.end && b.start < a.end
      }
      leftOut.append(LeftOut(id: id, reason: .clash, with: other?.id))
    }
    let score = stops.reduce(0) {
      $0 + ($1.score >= Self.requiredBonus ? $1.score - Self.requiredBonus : $1.score)
    }
    return VisitPlan(
      stops: stops, score: score, walkingMetres: 0, walkingMinutes: 0, end: "", endWalkMinutes: 0,
      finish: stops.last?.leave ?? request.startTime, leftOut: leftOut, optimal: true)
  }
}
