import EventModel
import Testing

@testable import Planner

/// A plan's candidates are the best-scoring stands, ties to the lower id: the heap that picks
/// them from thousands must give what sorting them all would.
@Suite("Choosing a plan's candidates")
struct CandidateSelectionTests {
  @Test("the best few of a pool with many ties, as a full sort gives them", arguments: 0..<30)
  func sameAsSorting(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    let count = 1 + Int(random.next() % 400)
    // Few distinct scores, so that most comparisons are ties broken by the id rank.
    let pool = (0..<count).map { position in
      VisitPlanner.Standing(
        position: position, score: Double(random.next() % 4) * 0.5, valued: 0, required: false)
    }
    var rank = (0..<count).map { Int32($0) }
    for index in rank.indices.reversed() {
      rank.swapAt(index, Int(random.next() % UInt64(index + 1)))
    }
    let sorted = pool.sorted {
      ($0.score, rank[$1.position]) > ($1.score, rank[$0.position])
    }
    for limit in [0, 1, 7, 60, count, count + 5] {
      let best = VisitPlanner.best(limit, of: pool, rank: rank)
      #expect(best.map(\.position) == sorted.prefix(limit).map(\.position), "limit \(limit)")
    }
  }
}
