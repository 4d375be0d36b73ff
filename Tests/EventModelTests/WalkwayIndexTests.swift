import Foundation
import Testing

@testable import EventModel

/// The search walks chains of two-link nodes instead of queueing them; these tests hold it to a
/// plain Dijkstra over every node on graphs made to have every shape a chain can take.
@Suite("Walkway search: the fastest ways, chains walked")
struct WalkwayIndexTests {
  /// A plain Dijkstra over all nodes and edges, written apart from the index: seconds to every
  /// node (infinity where there is no way).
  static func reference(_ graph: WalkwayGraph, from start: Int, stepFree: Bool) -> [Double] {
    let position = Dictionary(
      graph.nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var around = [[(node: Int, seconds: Double)]](repeating: [], count: graph.nodes.count)
    for edge in graph.edges {
      guard let a = position[edge.from], let b = position[edge.to] else { continue }
      if stepFree && !edge.kind.isStepFree { continue }
      let from = graph.nodes[a]
      let to = graph.nodes[b]
      let metres =
        edge.length ?? (from.floor == to.floor ? hypot(from.x - to.x, from.y - to.y) : 0)
      let speed = stepFree ? WalkwayIndex.stepFreeSpeed : WalkwayIndex.walkingSpeed
      let seconds = edge.minutes.map { $0 * 60 } ?? metres / speed
      around[a].append((b, seconds))
      around[b].append((a, seconds))
    }
    var best = [Double](repeating: .infinity, count: graph.nodes.count)
    var done = [Bool](repeating: false, count: graph.nodes.count)
    best[start] = 0
    while let node = best.indices.filter({ !done[$0] && best[$0].isFinite }).min(by: {
      best[$0] < best[$1]
    }) {
      done[node] = true
      for (other, seconds) in around[node] { best[other] = min(best[other], best[node] + seconds) }
    }
    return best
  }

  /// A graph with long chains, rings with no junction, self-loops, parallel edges, stairs,
  /// a metro edge with fixed minutes, and nodes on their own.
  static func graph(seed: UInt64) -> WalkwayGraph {
    var random = SplitMix64(seed: seed)
    func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    var nodes: [WalkwayNode] = []
    var edges: [WalkwayEdge] = []
    func node() -> String {
      let id = "n\(nodes.count)"
      nodes.append(
        WalkwayNode(
          id: id, kind: .junction, floor: "1F", x: Double(below(200)), y: Double(below(200))))
      return id
    }
    func edge(_ a: String, _ b: String) {
      let kinds: [EdgeKind] = [.walk, .walk, .walk, .walk, .stairs, .ramp, .metro]
      let kind = kinds[below(kinds.count)]
      edges.append(
        WalkwayEdge(
          from: a, to: b, kind: kind, length: below(3) == 0 ? nil : Double(1 + below(80)),
          minutes: kind == .metro ? Double(1 + below(4)) : nil))
    }
    let hubs = (0..<(3 + below(5))).map { _ in node() }
    for _ in 0..<(4 + below(8)) {
      // A chain of two-link nodes between two hubs (maybe the same hub: a loop).
      var previous = hubs[below(hubs.count)]
      for _ in 0..<below(7) {
        let next = node()
        edge(previous, next)
        previous = next
      }
      edge(previous, hubs[below(hubs.count)])
    }
    // A ring with no junction, a self-loop, parallel edges and a node on its own.
    let ring = (0..<(2 + below(4))).map { _ in node() }
    for (index, id) in ring.enumerated() { edge(id, ring[(index + 1) % ring.count]) }
    edge(hubs[0], hubs[0])
    edge(hubs[1], hubs[2])
    edge(hubs[1], hubs[2])
    _ = node()
    return WalkwayGraph(provenance: Provenance(modelled: ["all"]), nodes: nodes, edges: edges)
  }

  static func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return !b.isFinite }
    return abs(a - b) <= 1e-9 * max(1, b)
  }

  @Test(
    "every time from every node, whole trees and a few targets, both profiles", arguments: 0..<40)
  func matchesPlainDijkstra(seed: Int) {
    let graph = Self.graph(seed: UInt64(seed))
    let index = WalkwayIndex(graph: graph)
    var random = SplitMix64(seed: UInt64(1_000 + seed))
    for stepFree in [false, true] {
      for start in graph.nodes.indices {
        let expected = Self.reference(graph, from: start, stepFree: stepFree)
        let tree = index.travel(from: start, stepFree: stepFree)
        for node in graph.nodes.indices {
          #expect(
            Self.close(tree.seconds(to: node), expected[node]),
            "seed \(seed) \(start)→\(node) step-free \(stepFree)")
        }
        let targets = (0..<(1 + Int(random.next() % 4))).map { _ in
          Int(random.next() % UInt64(graph.nodes.count))
        }
        let found = index.travel(from: start, to: targets, stepFree: stepFree)
        for (target, way) in zip(targets, found) {
          #expect(
            Self.close(way?.seconds, expected[target]), "seed \(seed) \(start)→\(target) targeted")
        }
      }
    }
  }

  @Test(
    "a way's nodes and edges join up, and its edges add up to its time and length",
    arguments: 0..<20)
  func pathsAddUp(seed: Int) throws {
    let graph = Self.graph(seed: UInt64(500 + seed))
    let index = WalkwayIndex(graph: graph)
    for start in graph.nodes.indices {
      let tree = index.travel(from: start)
      for target in graph.nodes.indices {
        guard let seconds = tree.seconds(to: target) else {
          #expect(index.path(from: start, to: target) == nil)
          continue
        }
        let path = try #require(index.path(from: start, to: target))
        #expect(path.nodes.first == start && path.nodes.last == target)
        #expect(path.edges.count == path.nodes.count - 1)
        var time = 0.0
        var length = 0.0
        for (step, edgeIndex) in path.edges.enumerated() {
          let edge = graph.edges[edgeIndex]
          let ends = Set([edge.from, edge.to])
          #expect(
            ends == Set([graph.nodes[path.nodes[step]].id, graph.nodes[path.nodes[step + 1]].id]))
          let metres = index.lengths[edgeIndex] ?? 0
          time += edge.minutes.map { $0 * 60 } ?? metres / WalkwayIndex.walkingSpeed
          length += metres
        }
        #expect(Self.close(time, seconds), "seed \(seed) \(start)→\(target)")
        #expect(Self.close(tree.metres(to: target), length), "seed \(seed) \(start)→\(target)")
      }
    }
  }

  @Test("on the WAIC pack, from booths, rooms and the entrances", arguments: [false, true])
  func waicPack(stepFree: Bool) throws {
    let catalog = try PackLoader.load(from: Fixtures.waic)
    let graph = catalog.pack.walkways
    let walkways = catalog.walkways
    let starts = stride(from: 0, to: graph.nodes.count, by: max(1, graph.nodes.count / 12))
    for start in starts {
      let expected = Self.reference(graph, from: start, stepFree: stepFree)
      let targets = Array(stride(from: start % 7, to: graph.nodes.count, by: 9))
      let found = walkways.travel(from: start, to: targets, stepFree: stepFree)
      for (target, way) in zip(targets, found) {
        #expect(Self.close(way?.seconds, expected[target]), "\(start)→\(target)")
      }
    }
  }

  /// A venue of several floors, each a small graph of chains and junctions, joined by stairs,
  /// escalators and lifts between random nodes (and sometimes a floor joined by stairs only, so
  /// that the step-free profile cannot reach it). No fixed-minute edges, so that equal times
  /// mean equal lengths and metres can be compared too.
  static func floors(seed: UInt64) -> WalkwayGraph {
    var random = SplitMix64(seed: seed)
    func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    var nodes: [WalkwayNode] = []
    var edges: [WalkwayEdge] = []
    // Four to six floors of 10 to 23 nodes each: no floor holds half the venue.
    let floorCount = 4 + below(3)
    var onFloor: [[String]] = []
    for floor in 0..<floorCount {
      var ids: [String] = []
      func node() -> String {
        let id = "f\(floor)n\(ids.count)"
        nodes.append(
          WalkwayNode(
            id: id, kind: .junction, floor: "F\(floor)", x: Double(below(200)),
            y: Double(below(200))))
        ids.append(id)
        return id
      }
      func edge(_ a: String, _ b: String) {
        let kinds: [EdgeKind] = [.walk, .walk, .walk, .stairs, .ramp]
        edges.append(
          WalkwayEdge(
            from: a, to: b, kind: kinds[below(kinds.count)],
            length: below(3) == 0 ? nil : Double(1 + below(80))))
      }
      let hubs = (0..<4).map { _ in node() }
      for _ in 0..<6 {
        var previous = hubs[below(hubs.count)]
        for _ in 0..<(1 + below(3)) {
          let next = node()
          edge(previous, next)
          previous = next
        }
        edge(previous, hubs[below(hubs.count)])
      }
      edge(hubs[0], hubs[0])
      edge(hubs[1], hubs[2])
      if below(4) == 0 { _ = node() }
      onFloor.append(ids)
    }
    for floor in 1..<floorCount {
      for _ in 0..<(1 + below(3)) {
        let other = below(floor)
        let kinds: [EdgeKind] = [.stairs, .escalator, .lift, .lift]
        edges.append(
          WalkwayEdge(
            from: onFloor[floor][below(onFloor[floor].count)],
            to: onFloor[other][below(onFloor[other].count)], kind: kinds[below(kinds.count)],
            length: Double(5 + below(30))))
      }
    }
    return WalkwayGraph(provenance: Provenance(modelled: ["all"]), nodes: nodes, edges: edges)
  }

  @Test(
    "tables between many nodes from floor searches: the times and lengths of a search from each",
    arguments: 0..<40)
  func floorTables(seed: Int) throws {
    let graph = Self.floors(seed: UInt64(seed))
    let index = WalkwayIndex(graph: graph)
    var random = SplitMix64(seed: UInt64(2_000 + seed))
    // A few nodes come back in later tables, which take their floor searches from the rows the
    // first ones kept.
    let pool = (0..<16).map { _ in Int(random.next() % UInt64(graph.nodes.count)) }
    for (round, stepFree) in [false, true, false, true, false].enumerated() {
      // Repeats, nodes sharing a floor and nodes on floors of their own.
      let nodes = (0..<(2 + Int(random.next() % 12))).map { _ in
        round > 1 && random.next() % 2 == 0
          ? pool[Int(random.next() % 16)] : Int(random.next() % UInt64(graph.nodes.count))
      }
      let table = try #require(index.table(between: nodes, stepFree: stepFree))
      for (i, from) in nodes.enumerated() {
        let expected = Self.reference(graph, from: from, stepFree: stepFree)
        let found = index.travel(from: from, to: nodes, stepFree: stepFree)
        for (j, to) in nodes.enumerated() {
          let seconds = table.seconds[i * nodes.count + j]
          #expect(
            Self.close(seconds.isFinite ? seconds : nil, expected[to]),
            "seed \(seed) \(from)→\(to) step-free \(stepFree)")
          #expect(
            Self.close(
              found[j]?.metres, seconds.isFinite ? table.metres[i * nodes.count + j] : .infinity),
            "seed \(seed) \(from)→\(to) metres")
        }
      }
    }
  }

  @Test("floor rows are kept by node up to their budget, the oldest going first")
  func floorRowsBudget() {
    func row(_ value: Double) -> FloorRows.Row {
      FloorRows.Row(seconds: [value, value], metres: [value, value])
    }
    // Room for three rows of two nodes (32 bytes each).
    let rows = FloorRows(budgetBytes: 3 * 32)
    var searches = 0
    for node in 0..<5 {
      let made = rows.row(from: node) {
        searches += 1
        return row(Double(node))
      }
      #expect(made.seconds == [Double(node), Double(node)])
    }
    #expect(searches == 5)
    #expect(rows.count == 3)
    // The newest are kept and come back without a search; the oldest is searched again.
    #expect(rows.row(from: 4) { row(-1) }.seconds == [4, 4])
    #expect(rows.row(from: 0) { row(-1) }.seconds == [-1, -1])
    #expect(rows.count == 3)
  }

  @Test("a cache that counts its values keeps the newest ones, each key once")
  func countedCache() {
    let cache = OldestFirstCache<Int, String>(budget: 2) { _ in 1 }
    cache.keep("a", for: 1)
    cache.keep("b", for: 2)
    cache.keep("again", for: 2)
    #expect(cache.value(for: 2) == "b")
    cache.keep("c", for: 3)
    #expect(cache.count == 2)
    #expect(cache.value(for: 1) == nil)
    #expect(cache.value(for: 3) == "c")
    // Many more than its slots of order: the oldest still go first.
    for key in 4..<10_000 { cache.keep(String(key), for: key) }
    #expect(cache.count == 2)
    #expect(cache.value(for: 9_998) == "9998" && cache.value(for: 9_999) == "9999")
  }

  @Test("no floor tables where floors do not cut the venue: one floor, or one holding most")
  func floorTablesOnlyWhereTheyPay() {
    #expect(WalkwayIndex(graph: Self.graph(seed: 3)).table(between: [0, 1]) == nil)
    var graph = Self.floors(seed: 4)
    let crowded = graph.nodes[0].floor
    for index in graph.nodes.indices.dropLast() { graph.nodes[index].floor = crowded }
    #expect(WalkwayIndex(graph: graph).table(between: [0, 1]) == nil)
    #expect(WalkwayIndex(graph: Self.floors(seed: 4)).table(between: [0, -1]) == nil)
  }

  @Test("tables prepared ahead are the tables a first plan would build")
  func preparedTables() throws {
    let graph = Self.floors(seed: 7)
    let prepared = WalkwayIndex(graph: graph)
    #expect(!prepared.tablesPrepared())
    prepared.prepareTables()
    #expect(prepared.tablesPrepared())
    let fresh = WalkwayIndex(graph: graph)
    let nodes = Array(stride(from: 0, to: graph.nodes.count, by: max(1, graph.nodes.count / 9)))
    for stepFree in [false, true] {
      let ahead = try #require(prepared.table(between: nodes, stepFree: stepFree))
      let lazily = try #require(fresh.table(between: nodes, stepFree: stepFree))
      #expect(ahead.seconds == lazily.seconds && ahead.metres == lazily.metres)
    }
  }
}
