import EventModel
import Foundation
import PackGenerator
import Testing

@testable import Planner

/// A pack too large to keep a tree from every node takes its walking tables from searches on
/// single floors; these tests hold the planner's table to searches over the whole venue.
@Suite("Walking tables on a venue of many floors")
struct WalkingTableTests {
  static let catalog = EventCatalog(pack: SyntheticPackGenerator(scale: 3).generate())

  @Test(
    "every entry is the time and length a search from the stop gives", arguments: [false, true])
  func sameAsSearches(stepFree: Bool) {
    let catalog = Self.catalog
    let walkways = catalog.walkways
    #expect(!walkways.keepsEveryTree, "the pack is meant to be too large to keep every tree")
    let booths = stride(from: 0, to: catalog.pack.booths.count, by: 41).map {
      catalog.pack.booths[$0].node
    }
    let rooms = catalog.pack.venues.rooms.prefix(3).compactMap(\.node)
    let nodes = [catalog.mainEntrance] + booths + rooms + ["no-such-node", booths[0]]
    let positions = nodes.map { walkways.nodePosition[$0] ?? -1 }
    let table = VisitPlanner(catalog: catalog).walkingTable(between: nodes, stepFree: stepFree)
    for (i, from) in positions.enumerated() {
      let found = walkways.travel(from: max(from, 0), to: positions, stepFree: stepFree)
      for (j, to) in positions.enumerated() {
        let minutes = table.minutes[i * nodes.count + j]
        let metres = table.metres[i * nodes.count + j]
        guard from >= 0, to >= 0, let way = found[j] else {
          #expect(minutes == 1e9 && metres == 1e9, "\(nodes[i])→\(nodes[j]) has no way")
          continue
        }
        #expect(abs(minutes - way.seconds / 60) <= 1e-6, "\(nodes[i])→\(nodes[j]) minutes")
        #expect(abs(metres - way.metres) <= 1e-6 * max(1, way.metres), "\(nodes[i])→\(nodes[j])")
      }
    }
  }

  @Test("a plan on it is feasible and keeps its budget, walking and step-free")
  func feasiblePlans() {
    let catalog = Self.catalog
    for stepFree in [false, true] {
      let request = VisitRequest(
        interests: ["robotics": 1], start: catalog.mainEntrance,
        startTime: catalog.days.first.map {
          EventTime.startOfDay($0, zone: catalog.timeZone).addingTimeInterval(10 * 3600)
        } ?? Date(), budgetMinutes: 120, stepFree: stepFree)
      let plan = VisitPlanner(catalog: catalog, solver: .answer).plan(request)
      #expect(plan.stops.count >= 3)
      #expect(checkFeasible(plan, request, catalog: catalog).isEmpty)
    }
  }
}
