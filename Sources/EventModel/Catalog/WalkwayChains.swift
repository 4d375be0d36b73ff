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
  /// One more than the largest edge index of the links: the least a search's cost arrays hold.
  let edgeCount: Int

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
    let edgeCount = links.lazy.flatMap { $0 }.map(\.edge).max().map { $0 + 1 } ?? 0
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
    self.edgeCount = edgeCount
  }

  /// The arc a node inside a chain lies on, or nil for a junction.
  func arc(through node: Int) -> Arc? {
    guard !isJunction[node], arcOf[node] >= 0 else { return nil }
    return arcs[Int(arcOf[node])]
  }
}

extension WalkwayChains {
  /// Dijkstra's search, the one shortest-path search of the project: to every node, or until
  /// each of `targets` is settled. Only junctions go through the queue; a chain between two is
  /// walked when its end is settled, node by node, each node keeping the better of the ways in
  /// from either end (or from the start, when the start lies inside a chain). A node inside a
  /// chain is known once both ends are settled.
  func search(from start: Int, until targets: [Int], costs: [Double], lengths: [Double])
    -> WalkTree
  {
    let count = isJunction.count
    var seconds = [Double](repeating: .infinity, count: count)
    var metres = [Double](repeating: .infinity, count: count)
    var previousNode = [Int32](repeating: -1, count: count)
    var previousEdge = [Int32](repeating: -1, count: count)
    // The loop below reads costs and lengths by the links' edges without a check.
    guard start >= 0 && start < count && costs.count >= edgeCount && lengths.count >= edgeCount
    else {
      return WalkTree(
        seconds: seconds, metres: metres, previousNode: previousNode, previousEdge: previousEdge)
    }
    var settled = [Bool](repeating: false, count: count)
    // The junctions whose settling completes the targets: a junction target itself, both ends
    // of a target's chain otherwise.
    var needed = [Bool](repeating: false, count: targets.isEmpty ? 0 : count)
    var neededLeft = 0
    func need(_ node: Int) {
      if !needed[node] {
        needed[node] = true
        neededLeft += 1
      }
    }
    for target in targets where target >= 0 && target < count {
      if let arc = arc(through: target) {
        need(Int(arc.start))
        need(Int(arc.end))
      } else {
        need(target)
      }
    }
    var queue = SearchQueue()
    seconds[start] = 0
    metres[start] = 0
    // The arrays are as long as the graph and every index comes from its links (checked when
    // the index was built), so the loop reads them without a check per access: this loop is
    // most of a plan's time on a large pack.
    let hasTargets = !needed.isEmpty
    costs.withUnsafeBufferPointer { costs in
      lengths.withUnsafeBufferPointer { lengths in
        steps.withUnsafeBufferPointer { steps in
          seconds.withUnsafeMutableBufferPointer { seconds in
            metres.withUnsafeMutableBufferPointer { metres in
              previousNode.withUnsafeMutableBufferPointer { previousNode in
                previousEdge.withUnsafeMutableBufferPointer { previousEdge in
                  // Walks an arc from its step `from` on, leaving `node` at `time` and `length`:
                  // inside the chain a node takes the way when it is better, and the walk stops
                  // where it is not (the rest is nearer the other way); at the end junction the
                  // way is offered to the queue.
                  // The queue comes in as a parameter: a nested function that captured it would
                  // have every access checked for exclusivity at run time.
                  func walk(
                    _ arc: WalkwayChains.Arc, from: Int, node: Int, time: Double, length: Double,
                    queue: inout SearchQueue
                  ) {
                    var time = time
                    var length = length
                    var here = node
                    let last = Int(arc.first) + Int(arc.count) - 1
                    var index = Int(arc.first) + from
                    while index <= last {
                      let step = steps[index]
                      let edge = Int(step.edge)
                      let cost = costs[edge]
                      if !cost.isFinite { return }
                      let next = Int(step.node)
                      time += cost
                      length += lengths[edge]
                      if index == last {
                        if !settled[next] && time < seconds[next] {
                          seconds[next] = time
                          metres[next] = length
                          previousNode[next] = Int32(truncatingIfNeeded: here)
                          previousEdge[next] = step.edge
                          queue.insert(seconds: time, node: next)
                        }
                        return
                      }
                      guard time < seconds[next] else { return }
                      seconds[next] = time
                      metres[next] = length
                      previousNode[next] = Int32(truncatingIfNeeded: here)
                      previousEdge[next] = step.edge
                      here = next
                      index += 1
                    }
                  }
                  if let arc = arc(through: start) {
                    // The start is the step `position` of the arc, and the step
                    // `count - 2 - position` of the arc back (the last step is the junction).
                    let position = Int(stepOf[start]) - Int(arc.first)
                    walk(arc, from: position + 1, node: start, time: 0, length: 0, queue: &queue)
                    walk(
                      arcs[Int(arc.reverse)], from: Int(arc.count) - 1 - position,
                      node: start, time: 0, length: 0, queue: &queue)
                  } else {
                    queue.insert(seconds: 0, node: start)
                  }
                  while let item = queue.popMin() {
                    let node = item.node
                    if settled[node] { continue }
                    settled[node] = true
                    for index in arcStart[node]..<arcStart[node + 1] {
                      walk(
                        arcs[index], from: 0, node: node, time: item.seconds,
                        length: metres[node], queue: &queue)
                    }
                    if hasTargets && needed[node] {
                      neededLeft -= 1
                      if neededLeft == 0 { break }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return WalkTree(
      seconds: seconds, metres: metres, previousNode: previousNode, previousEdge: previousEdge)
  }
}
