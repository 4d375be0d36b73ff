import HeapModule

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

  /// Shortest travel from one node to every other: seconds and metres along the fastest way,
  /// `nil` where a node cannot be reached. Walking edges cost their length at `speed`; metro and
  /// shuttle edges their fixed minutes. With `stepFree`, stairs and escalators are never taken.
  public func travel(
    from start: Int, edges: [WalkwayEdge], speed: Double = walkingSpeed, stepFree: Bool = false
  ) -> (seconds: [Double?], metres: [Double?]) {
    var seconds = [Double?](repeating: nil, count: links.count)
    var metres = [Double?](repeating: nil, count: links.count)
    guard start < links.count else { return (seconds, metres) }
    var settled = [Bool](repeating: false, count: links.count)
    var queue = Heap<QueueItem>()
    seconds[start] = 0
    metres[start] = 0
    queue.insert(QueueItem(seconds: 0, node: start))
    while let item = queue.popMin() {
      if settled[item.node] { continue }
      settled[item.node] = true
      for link in links[item.node] where !settled[link.node] {
        let edge = edges[link.edge]
        if stepFree && !edge.kind.isStepFree { continue }
        let length = lengths[link.edge] ?? 0
        let cost = edge.minutes.map { $0 * 60 } ?? length / speed
        let candidate = item.seconds + cost
        if seconds[link.node].map({ candidate < $0 }) ?? true {
          seconds[link.node] = candidate
          metres[link.node] = (metres[item.node] ?? 0) + length
          queue.insert(QueueItem(seconds: candidate, node: link.node))
        }
      }
    }
    return (seconds, metres)
  }

  private struct QueueItem: Comparable {
    var seconds: Double
    var node: Int

    static func < (lhs: QueueItem, rhs: QueueItem) -> Bool {
      (lhs.seconds, lhs.node) < (rhs.seconds, rhs.node)
    }
  }
}
