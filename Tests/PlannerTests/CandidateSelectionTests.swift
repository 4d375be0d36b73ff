import EventModel
import Foundation
import PackGenerator
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

/// A plan that names no interest takes its stands from the catalog's list by prominence: the
/// same stands, in the same order, as scoring every stand of the pack would choose.
@Suite("Stands for a plan without interests")
struct BestKnownStandsTests {
  /// The WAIC pack, whose stands differ in prominence, and a synthetic pack of 1,600 stands.
  static let catalogs: [EventCatalog] = [
    try? PackLoader.load(from: PlannerFixture.packDirectory),
    EventCatalog(pack: SyntheticPackGenerator(scale: 2).generate()),
  ].compactMap { $0 }

  @Test(
    "must-sees apart, then the best known others, as scoring all of them gives", arguments: 0..<12)
  func sameAsScoringAll(seed: Int) {
    #expect(Self.catalogs.count == 2)
    for catalog in Self.catalogs { expectSameAsScoringAll(catalog, seed: seed) }
  }

  func expectSameAsScoringAll(_ catalog: EventCatalog, seed: Int) {
    let exhibitors = catalog.pack.exhibitors
    var random = SplitMix64(seed: UInt64(seed))
    func pick() -> String { exhibitors[Int(random.next() % UInt64(exhibitors.count))].id }
    let must = Set(
      (0..<Int(random.next() % 4)).map { _ in pick() } + (seed % 3 == 0 ? ["nobody"] : []))
    let done = Set((0..<Int(random.next() % 30)).map { _ in pick() })
    let limit = [0, 1, 24, 60, 500][seed % 5]
    let request = VisitRequest(
      mustSee: Array(must), start: "n", startTime: Date(timeIntervalSince1970: 0),
      budgetMinutes: 120, done: done, candidateLimit: limit)
    let planner = VisitPlanner(catalog: catalog)
    let chosen = planner.bestKnownStands(request, must: must)

    // Every stand scored, as a plan with interests does.
    let pool = exhibitors.indices.compactMap { position -> VisitPlanner.Standing? in
      let id = exhibitors[position].id
      guard catalog.exhibitorBoothPositions[position] != nil, !done.contains(id) else {
        return nil
      }
      return VisitPlanner.Standing(
        position: position,
        score: 1 + VisitPlanner.prominenceWeight * catalog.exhibitorProminence[position],
        valued: 0, required: must.contains(id))
    }
    let required = pool.filter(\.required)
    let others = VisitPlanner.best(
      max(0, limit - required.count), of: pool.filter { !$0.required },
      rank: catalog.exhibitorIDRank)
    #expect(Set(chosen.required.map(\.position)) == Set(required.map(\.position)))
    #expect(chosen.required.allSatisfy { $0.required })
    #expect(chosen.others.map(\.position) == others.map(\.position))
    #expect(chosen.others.map(\.score) == others.map(\.score))
    #expect(!chosen.others.contains { $0.required })
  }

  @Test("the list holds every stand once, the best known first")
  func listOrder() throws {
    for catalog in Self.catalogs { expectListOrder(catalog) }
    let waic = try #require(Self.catalogs.first)
    #expect(Set(waic.exhibitorProminence).count > 1, "a pack of one prominence tests little")
  }

  func expectListOrder(_ catalog: EventCatalog) {
    let list = catalog.standsByProminence
    let withStands = catalog.pack.exhibitors.indices.filter {
      catalog.exhibitorBoothPositions[$0] != nil
    }
    #expect(list.sorted() == withStands)
    #expect(
      zip(list, list.dropFirst()).allSatisfy { a, b in
        let (pa, pb) = (catalog.exhibitorProminence[a], catalog.exhibitorProminence[b])
        return pa > pb || (pa == pb && catalog.exhibitorIDRank[a] < catalog.exhibitorIDRank[b])
      })
  }
}
