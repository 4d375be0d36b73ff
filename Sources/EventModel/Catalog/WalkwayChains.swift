/// The walkway graph seen as junctions joined by chains: most nodes of a venue (booths along an
/// aisle, points along a path) have exactly two links, and a search needs its queue only where
/// ways fork. A chain is walked node by node, adding the same edge costs in the same order as a
/// search through each node would, so every time and length is the one that search gives.
struct WalkwayChains: Sendable {
  /// One step along a chain: the edge taken and the node it reaches.
  struct Step {
    var node: Int32
    var edge: Int32
  }

  /// A chain as seen from one of its ends: its steps are `steps[first..<first + count]`, the
  /// last one reaching the junction at the other end. Every chain is kept once from each end.
  struct Arc {
    var start: Int32
    var end: Int32
    var first: Int32
    var count: Int32
    /// The same chain from its other end.
    var reverse: Int32
  }

  /// Whether a node is a junction: it has other than two links, or a link to itself, or it was
  /// chosen to stand for a ring of two-link nodes.
  let isJunction: [Bool]
  /// The arcs leaving each junction, as ranges of `arcs` (compressed rows; empty for others).
  let arcStart: [Int]
  let arcs: [Arc]
  let steps: [Step]
  /// For a node inside a chain, an arc through it and the index of its step there (-1 for a
  /// junction).
  let arcOf: [Int32]
  let stepOf: [Int32]

  init(links: [[WalkwayIndex.Link]]) {
    let count = links.count
    var junction = (0..<count).map { node in
      links[node].count != 2 || links[node].contains { $0.node == node }
    }
    // The node a chain goes on to from `node`, having come over `edge`.
    func onward(_ node: Int, from edge: Int) -> WalkwayIndex.Link {
      links[node][0].edge == edge ? links[node][1] : links[node][0]
    }
    // A ring of two-link nodes has no junction: its first node becomes one.
    var onChain = [Bool](repeating: false, count: count)
    func mark(from start: Int) {
      for link in links[start] {
        var node = link.node
        var edge = link.edge
        while !junction[node] && !onChain[node] {
          onChain[node] = true
          let next = onward(node, from: edge)
          node = next.node
          edge = next.edge
        }
      }
    }
    for node in 0..<count where junction[node] { mark(from: node) }
    for node in 0..<count where !junction[node] && !onChain[node] {
      junction[node] = true
      mark(from: node)
    }

    var arcStart = [0]
    var arcs: [Arc] = []
    var steps: [Step] = []
    var arcOf = [Int32](repeating: -1, count: count)
    var stepOf = [Int32](repeating: -1, count: count)
    var arcByStart: [Int: Int] = [:]  // key: start * edges + first edge
    var lastEdge: [Int] = []
    let edgeCount = (links.lazy.flatMap { $0 }.map(\.edge).max() ?? 0) + 1
    arcStart.reserveCapacity(count + 1)
    for node in 0..<count {
      if junction[node] {
        for link in links[node] {
          let first = steps.count
          var next = link
          while true {
            steps.append(Step(node: Int32(next.node), edge: Int32(next.edge)))
            if junction[next.node] { break }
            if arcOf[next.node] < 0 {
              arcOf[next.node] = Int32(arcs.count)
              stepOf[next.node] = Int32(steps.count - 1)
            }
            next = onward(next.node, from: next.edge)
          }
          arcByStart[node * edgeCount + link.edge] = arcs.count
          lastEdge.append(next.edge)
          arcs.append(
            Arc(
              start: Int32(node), end: Int32(next.node), first: Int32(first),
              count: Int32(steps.count - first), reverse: -1))
        }
      }
      arcStart.append(arcs.count)
    }
    for index in arcs.indices {
      let end = Int(arcs[index].end)
      arcs[index].reverse = Int32(arcByStart[end * edgeCount + lastEdge[index]] ?? index)
    }
    isJunction = junction
    self.arcStart = arcStart
    self.arcs = arcs
    self.steps = steps
    self.arcOf = arcOf
    self.stepOf = stepOf
  }

  /// The arc a node inside a chain lies on, or nil for a junction.
  func arc(through node: Int) -> Arc? {
    guard !isJunction[node], arcOf[node] >= 0 else { return nil }
    return arcs[Int(arcOf[node])]
  }
}
