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
