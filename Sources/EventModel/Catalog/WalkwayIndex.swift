/// The walkway graph as adjacency lists with resolved edge lengths, for routing and checks.
public struct WalkwayIndex: Sendable {
  /// A way out of a node: the neighbour and the edge that leads there.
  public struct Link: Hashable, Sendable {
    public var node: Int
    public var edge: Int
  }

  public let nodePosition: [String: Int]
  public let links: [[Link]]
  /// Metres per edge: the given length, else the straight line on one floor, else `nil`.
  public let lengths: [Double?]
  /// Seconds per edge for each profile (infinity where the step-free profile may not pass),
  /// worked out once so that the search reads two numbers per link.
  private let walkSeconds: [Double]
  private let stepFreeSeconds: [Double]
  private let metresOrZero: [Double]
  /// The graph as junctions and the chains between them, for the search.
  private let chains: WalkwayChains
  /// Trees already searched, shared by every copy of the index.
  private let cache: TravelCache
  /// The graph cut into floors, for tables of times between many nodes.
  private let overlays: WalkwayOverlays

  init(graph: WalkwayGraph) {
    var positions: [String: Int] = [:]
    positions.reserveCapacity(graph.nodes.count)
    for (index, node) in graph.nodes.enumerated() where positions[node.id] == nil {
      positions[node.id] = index
    }
    var links = [[Link]](repeating: [], count: graph.nodes.count)
    var lengths: [Double?] = []
    lengths.reserveCapacity(graph.edges.count)
    for (index, edge) in graph.edges.enumerated() {
      guard let from = positions[edge.from], let to = positions[edge.to] else {
        lengths.append(edge.length)
        continue
      }
      let a = graph.nodes[from]
      let b = graph.nodes[to]
      lengths.append(edge.length ?? (a.floor == b.floor ? a.point.distance(to: b.point) : nil))
      links[from].append(Link(node: to, edge: index))
      if from != to { links[to].append(Link(node: from, edge: index)) }
    }
    nodePosition = positions
    self.links = links
    self.lengths = lengths
    metresOrZero = lengths.map { $0 ?? 0 }
    var walk: [Double] = []
    var stepFree: [Double] = []
    walk.reserveCapacity(graph.edges.count)
    stepFree.reserveCapacity(graph.edges.count)
    for (index, edge) in graph.edges.enumerated() {
      let metres = lengths[index] ?? 0
      let walking = edge.minutes.map { $0 * 60 } ?? metres / Self.walkingSpeed
      let rolling = edge.minutes.map { $0 * 60 } ?? metres / Self.stepFreeSpeed
      walk.append(walking)
      stepFree.append(edge.kind.isStepFree ? rolling : .infinity)
    }
    walkSeconds = walk
    stepFreeSeconds = stepFree
    chains = WalkwayChains(links: links)
    cache = TravelCache(nodeCount: links.count)
    overlays = WalkwayOverlays(nodes: graph.nodes)
  }

  /// Nodes reachable from `start`, optionally over step-free edges only.
  public func reachable(from start: Int, edges: [WalkwayEdge], stepFreeOnly: Bool = false) -> [Bool]
  {
    var seen = [Bool](repeating: false, count: links.count)
    guard start < links.count else { return seen }
    var stack = [start]
    seen[start] = true
    while let node = stack.popLast() {
      for link in links[node] where !seen[link.node] {
        if stepFreeOnly && !edges[link.edge].kind.isStepFree { continue }
        seen[link.node] = true
        stack.append(link.node)
      }
    }
    return seen
  }
}

extension WalkwayIndex {
  /// Walking speed on the flat, metres per second.
  public static let walkingSpeed = 1.2
  /// Slower walking for the step-free profile (wheelchairs, prams, crowds at the lifts).
  public static let stepFreeSpeed = 0.9

  /// The fastest ways from `start` to every node, for one profile: walking edges cost their
  /// length at the profile's speed, metro and shuttle edges their fixed minutes, and the
  /// step-free profile never takes stairs or escalators. Trees are kept (up to a memory budget)
  /// because a plan, a list of nearby places and every answer with a walking time ask again from
  /// the same booths and rooms.
  public func travel(from start: Int, stepFree: Bool = false) -> WalkTree {
    if let tree = cache.tree(from: start, stepFree: stepFree) { return tree }
    let tree = search(from: start, until: [], stepFree: stepFree)
    cache.keep(tree, from: start, stepFree: stepFree)
    return tree
  }

  /// Whether the cache can keep a tree from every node in both profiles (a venue of a few
  /// hundred nodes), so that searching whole trees pays off across plans.
  public var keepsEveryTree: Bool { cache.capacity >= 2 * links.count }

  /// The tree from `start` when an earlier search kept it, without searching.
  public func keptTree(from start: Int, stepFree: Bool = false) -> WalkTree? {
    cache.tree(from: start, stepFree: stepFree)
  }

  /// The fastest way from `start` to `target` as nodes and edges, or nil when there is none.
  /// The same search as `travel`, stopped once the target is settled.
  public func path(from start: Int, to target: Int, stepFree: Bool = false) -> (
    nodes: [Int], edges: [Int]
  )? {
    search(from: start, until: [target], stepFree: stepFree).path(to: target)
  }

  /// The fastest ways from `start` to a few nodes: the same search, stopped once every target is
  /// settled (a plan needs the times between its stops only, and they lie close together).
  /// Nil for a target that cannot be reached.
  public func travel(from start: Int, to targets: [Int], stepFree: Bool = false) -> [(
    seconds: Double, metres: Double
  )?] {
    let tree = search(from: start, until: targets, stepFree: stepFree)
    return targets.map { target in
      guard let seconds = tree.seconds(to: target), let metres = tree.metres(to: target) else {
        return nil
      }
      return (seconds, metres)
    }
  }

  /// Seconds and metres between every two of `nodes` (row-major, `nodes.count` wide; infinity
  /// where there is no way), from searches on single floors and a table between the nodes
  /// where floors meet, both made once per profile: the same times as a search from each node,
  /// for a small part of the work on a venue of many floors. Nil when the venue's floors do
  /// not cut it usefully (one floor, or one floor holding most of it), or a node is not one of
  /// the graph's: then search.
  public func table(between nodes: [Int], stepFree: Bool = false) -> (
    seconds: [Double], metres: [Double]
  )? {
    guard nodes.allSatisfy({ $0 >= 0 && $0 < links.count }) else { return nil }
    let costs = stepFree ? stepFreeSeconds : walkSeconds
    guard
      let overlay = overlays.overlay(
        stepFree: stepFree, links: links, costs: costs, lengths: metresOrZero)
    else { return nil }
    return overlay.table(between: nodes, costs: costs, lengths: metresOrZero)
  }

  /// Builds the floor tables of both profiles now, which the first plan would otherwise build
  /// while the visitor waits: call it on a thread of its own.
  public func prepareTables() {
    for stepFree in [false, true] {
      _ = overlays.overlay(
        stepFree: stepFree, links: links, costs: stepFree ? stepFreeSeconds : walkSeconds,
        lengths: metresOrZero)
    }
  }

  /// Whether both profiles' floor tables are built, for tests.
  func tablesPrepared() -> Bool {
    overlays.isPrepared(stepFree: false) && overlays.isPrepared(stepFree: true)
  }

  /// The search over the whole graph, for one profile.
  private func search(from start: Int, until targets: [Int], stepFree: Bool) -> WalkTree {
    chains.search(
      from: start, until: targets, costs: stepFree ? stepFreeSeconds : walkSeconds,
      lengths: metresOrZero)
  }
}

/// The search's queue: a four-ary min-heap of (seconds, node), ties to the lower node so that
/// searches are repeatable (the order of pops depends on that order alone, not on the heap's
/// shape). Written for the one loop that uses it: a general heap (swift-collections' min-max
/// heap) spent more time ordering than the search spent walking, and a four-ary heap of one
/// array of pairs halves the levels and the cache lines of a binary heap of two arrays.
struct SearchQueue {
  struct Entry {
    var seconds: Double
    var node: Int
  }
  private var entries: [Entry] = []

  var isEmpty: Bool { entries.isEmpty }

  @inline(__always)
  private static func precedes(_ a: Entry, _ b: Entry) -> Bool {
    a.seconds < b.seconds || (a.seconds == b.seconds && a.node < b.node)
  }

  mutating func insert(seconds value: Double, node: Int) {
    entries.append(Entry(seconds: value, node: node))
    entries.withUnsafeMutableBufferPointer { heap in
      let entry = heap[heap.count - 1]
      var child = heap.count - 1
      while child > 0 {
        let parent = (child - 1) / 4
        guard Self.precedes(entry, heap[parent]) else { break }
        heap[child] = heap[parent]
        child = parent
      }
      heap[child] = entry
    }
  }

  mutating func popMin() -> (seconds: Double, node: Int)? {
    guard let last = entries.popLast() else { return nil }
    guard !entries.isEmpty else { return (last.seconds, last.node) }
    return entries.withUnsafeMutableBufferPointer { heap in
      let top = heap[0]
      let count = heap.count
      var parent = 0
      while true {
        let first = 4 * parent + 1
        guard first < count else { break }
        var child = first
        let end = min(first + 4, count)
        var index = first + 1
        while index < end {
          if Self.precedes(heap[index], heap[child]) { child = index }
          index += 1
        }
        guard Self.precedes(heap[child], last) else { break }
        heap[parent] = heap[child]
        parent = child
      }
      heap[parent] = last
      return (top.seconds, top.node)
    }
  }
}

/// The fastest ways from one node to every other: seconds and metres along them (`nil` where a
/// node cannot be reached) and the way itself.
public struct WalkTree: Sendable {
  /// Seconds and metres to each node, infinity where there is no way.
  let secondsTo: [Double]
  let metresTo: [Double]
  private let previousNode: [Int32]
  private let previousEdge: [Int32]

  init(seconds: [Double], metres: [Double], previousNode: [Int32], previousEdge: [Int32]) {
    secondsTo = seconds
    metresTo = metres
    self.previousNode = previousNode
    self.previousEdge = previousEdge
  }

  /// How many nodes the tree spans (every node of the graph).
  public var count: Int { secondsTo.count }

  /// Seconds to a node, or nil when it cannot be reached (or is not a node).
  public func seconds(to node: Int) -> Double? {
    node >= 0 && node < secondsTo.count && secondsTo[node].isFinite ? secondsTo[node] : nil
  }

  /// Minutes to a node, or nil when it cannot be reached.
  public func minutes(to node: Int) -> Double? { seconds(to: node).map { $0 / 60 } }

  /// Metres to a node along the fastest way, or nil when it cannot be reached.
  public func metres(to node: Int) -> Double? {
    node >= 0 && node < metresTo.count && metresTo[node].isFinite ? metresTo[node] : nil
  }

  /// Nodes (start first) and edges of the fastest way to `target`, or nil when there is none.
  public func path(to target: Int) -> (nodes: [Int], edges: [Int])? {
    guard seconds(to: target) != nil else { return nil }
    var nodes = [target]
    var edges: [Int] = []
    var node = target
    while previousNode[node] >= 0 && nodes.count <= previousNode.count {
      edges.append(Int(previousEdge[node]))
      node = Int(previousNode[node])
      nodes.append(node)
    }
    return (nodes.reversed(), edges.reversed())
  }
}

/// Trees searched before, per start and profile, within a memory budget; when full, the oldest
/// go first. Shared between threads (the TUI plans off the main thread).
final class TravelCache: Sendable {
  /// About 32 MB of trees: every tree of the WAIC pack, a few hundred of a pack ten times larger.
  static let budgetBytes = 32 << 20

  private struct Key: Hashable, Sendable {
    var start: Int
    var stepFree: Bool
  }
  private let trees: OldestFirstCache<Key, WalkTree>
  let capacity: Int

  init(nodeCount: Int) {
    // A kept tree holds two doubles and two 32-bit numbers per node.
    capacity = max(16, Self.budgetBytes / max(1, nodeCount * 24))
    trees = OldestFirstCache(budget: capacity) { _ in 1 }
  }

  func tree(from start: Int, stepFree: Bool) -> WalkTree? {
    trees.value(for: Key(start: start, stepFree: stepFree))
  }

  func keep(_ tree: WalkTree, from start: Int, stepFree: Bool) {
    trees.keep(tree, for: Key(start: start, stepFree: stepFree))
  }
}
