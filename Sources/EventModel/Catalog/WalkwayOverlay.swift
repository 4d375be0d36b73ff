import Synchronization

/// Walking times between many pairs of nodes without a search over the whole venue for each:
/// the graph is cut into its floors, each floor is searched once from the nodes where it meets
/// another (stairs, lifts, escalators, doors to outside), and those meeting nodes' times to
/// each other over the whole venue are worked out once. The fastest way between two nodes
/// either stays on their shared floor, or leaves the first node's floor at one of its meeting
/// nodes and enters the second's at one of its own; the best of those sums is the time a search
/// over the whole graph gives (one level of customisable route planning).
struct WalkwayOverlay: Sendable {
  /// One floor: its nodes, the links among them, and the searches from its meeting nodes.
  struct Cell: Sendable {
    /// Graph positions of the floor's nodes; a node's index here is its local index.
    var nodes: [Int32]
    /// Links that stay on the floor, over local indices (edges keep the graph's numbers).
    var chains: WalkwayChains
    /// The floor's meeting nodes: local index, and index among all meeting nodes.
    var boundaryLocal: [Int32]
    var boundaryGlobal: [Int32]
    /// Seconds and metres from meeting node k to every node of the floor without leaving it:
    /// row k, `nodes.count` wide; infinity where the floor alone has no way.
    var seconds: [Double]
    var metres: [Double]
  }

  /// The cell and local index of every graph node.
  let cellOf: [Int32]
  let localOf: [Int32]
  let cells: [Cell]
  /// How many meeting nodes there are, and the seconds and metres between every two of them
  /// over the whole graph (row-major, infinity where there is no way).
  let boundaryCount: Int
  let between: [Double]
  let betweenMetres: [Double]
  /// Searches on a floor from nodes that tables asked for, kept for the next table.
  let floorRows = FloorRows()

  /// Above this many meeting nodes the table between them costs more than it saves.
  static let boundaryLimit = 1_024

  /// The overlay of a graph cut by its nodes' floors, for one profile's edge costs
  /// (infinity where the profile may not pass); nil when the cut does not pay: one floor, a
  /// floor with most of the nodes, or too many meeting nodes.
  static func build(
    nodes: [WalkwayNode], links: [[WalkwayIndex.Link]], costs: [Double], lengths: [Double]
  ) -> WalkwayOverlay? {
    let count = links.count
    guard nodes.count == count, count > 0 else { return nil }
    var cellByFloor: [String: Int32] = [:]
    var cellOf = [Int32](repeating: 0, count: count)
    var localOf = [Int32](repeating: 0, count: count)
    var members: [[Int32]] = []
    for node in 0..<count {
      let cell: Int32
      if let known = cellByFloor[nodes[node].floor] {
        cell = known
      } else {
        cell = Int32(members.count)
        cellByFloor[nodes[node].floor] = cell
        members.append([])
      }
      cellOf[node] = cell
      localOf[node] = Int32(members[Int(cell)].count)
      members[Int(cell)].append(Int32(node))
    }
    guard members.count >= 2, members.allSatisfy({ $0.count * 2 <= count }) else { return nil }
    var globalOf = [Int32](repeating: -1, count: count)
    var boundary: [Int32] = []
    for node in 0..<count where links[node].contains(where: { cellOf[$0.node] != cellOf[node] }) {
      globalOf[node] = Int32(boundary.count)
      boundary.append(Int32(node))
    }
    let boundaryCount = boundary.count
    guard boundaryCount <= boundaryLimit else { return nil }

    var cells: [Cell] = []
    cells.reserveCapacity(members.count)
    for nodes in members {
      var floorLinks: [[WalkwayIndex.Link]] = []
      floorLinks.reserveCapacity(nodes.count)
      var boundaryLocal: [Int32] = []
      var boundaryGlobal: [Int32] = []
      for (local, node) in nodes.enumerated() {
        floorLinks.append(
          links[Int(node)].compactMap { link in
            cellOf[link.node] == cellOf[Int(node)]
              ? WalkwayIndex.Link(node: Int(localOf[link.node]), edge: link.edge) : nil
          })
        if globalOf[Int(node)] >= 0 {
          boundaryLocal.append(Int32(local))
          boundaryGlobal.append(globalOf[Int(node)])
        }
      }
      let chains = WalkwayChains(links: floorLinks)
      var seconds: [Double] = []
      var metres: [Double] = []
      seconds.reserveCapacity(boundaryLocal.count * nodes.count)
      metres.reserveCapacity(boundaryLocal.count * nodes.count)
      for local in boundaryLocal {
        let tree = chains.search(from: Int(local), until: [], costs: costs, lengths: lengths)
        seconds += tree.secondsTo
        metres += tree.metresTo
      }
      cells.append(
        Cell(
          nodes: nodes, chains: chains, boundaryLocal: boundaryLocal,
          boundaryGlobal: boundaryGlobal, seconds: seconds, metres: metres))
    }

    // The meeting nodes as a graph of their own: on a floor, each to each at the floor's
    // time; across floors, the links between them. Its edges are numbered apart from the
    // venue's, with their own seconds and metres.
    var meetingLinks = [[WalkwayIndex.Link]](repeating: [], count: boundaryCount)
    var meetingSeconds: [Double] = []
    var meetingMetres: [Double] = []
    func join(_ a: Int, _ b: Int, seconds: Double, metres: Double) {
      meetingLinks[a].append(WalkwayIndex.Link(node: b, edge: meetingSeconds.count))
      meetingLinks[b].append(WalkwayIndex.Link(node: a, edge: meetingSeconds.count))
      meetingSeconds.append(seconds)
      meetingMetres.append(metres)
    }
    for cell in cells {
      let width = cell.nodes.count
      for (k, from) in cell.boundaryGlobal.enumerated() {
        for (l, to) in cell.boundaryGlobal.enumerated() where k < l {
          let index = k * width + Int(cell.boundaryLocal[l])
          join(Int(from), Int(to), seconds: cell.seconds[index], metres: cell.metres[index])
        }
      }
    }
    for (global, node) in boundary.enumerated() {
      for link in links[Int(node)]
      where cellOf[link.node] != cellOf[Int(node)] && Int(node) < link.node {
        join(
          global, Int(globalOf[link.node]), seconds: costs[link.edge],
          metres: lengths[link.edge])
      }
    }
    let meeting = WalkwayChains(links: meetingLinks)
    var between: [Double] = []
    var betweenMetres: [Double] = []
    between.reserveCapacity(boundaryCount * boundaryCount)
    betweenMetres.reserveCapacity(boundaryCount * boundaryCount)
    for source in 0..<boundaryCount {
      let tree = meeting.search(
        from: source, until: [], costs: meetingSeconds, lengths: meetingMetres)
      between += tree.secondsTo
      betweenMetres += tree.metresTo
    }
    return WalkwayOverlay(
      cellOf: cellOf, localOf: localOf, cells: cells, boundaryCount: boundaryCount,
      between: between, betweenMetres: betweenMetres)
  }

  /// Seconds and metres between every two of `nodes` (graph positions, all valid), row-major
  /// and `nodes.count` wide; infinity where there is no way.
  func table(between nodes: [Int], costs: [Double], lengths: [Double]) -> (
    seconds: [Double], metres: [Double]
  ) {
    let count = nodes.count
    let width = boundaryCount
    var seconds = [Double](repeating: .infinity, count: count * count)
    var metres = seconds
    // The meeting nodes of the floors the nodes are on, each once (a plan's stops stand on a
    // few of a large venue's many floors), and each node's way to and from its floor's: read
    // below as flat arrays, not from a floor's tables per pair.
    var column = [Int](repeating: -1, count: width)
    var targets: [Int] = []
    var entryStart = [Int](repeating: 0, count: count + 1)
    var entryColumn: [Int] = []
    var entrySeconds: [Double] = []
    var entryMetres: [Double] = []
    for (j, node) in nodes.enumerated() {
      let cell = cells[Int(cellOf[node])]
      let local = Int(localOf[node])
      for (k, entry) in cell.boundaryGlobal.enumerated() {
        if column[Int(entry)] < 0 {
          column[Int(entry)] = targets.count
          targets.append(Int(entry))
        }
        entryColumn.append(column[Int(entry)])
        entrySeconds.append(cell.seconds[k * cell.nodes.count + local])
        entryMetres.append(cell.metres[k * cell.nodes.count + local])
      }
      entryStart[j + 1] = entryColumn.count
    }
    let used = targets.count
    // From each node to each of those meeting nodes: out of its floor at one of the floor's
    // meeting nodes, then on between meeting nodes.
    var out = [Double](repeating: .infinity, count: count * used)
    var outMetres = out
    for i in 0..<count {
      for e in entryStart[i]..<entryStart[i + 1] {
        let toExit = entrySeconds[e]
        guard toExit.isFinite else { continue }
        let lengthToExit = entryMetres[e]
        let row = targets[entryColumn[e]] * width
        for (t, target) in targets.enumerated() {
          let time = toExit + between[row + target]
          if time < out[i * used + t] {
            out[i * used + t] = time
            outMetres[i * used + t] = lengthToExit + betweenMetres[row + target]
          }
        }
      }
    }
    // Ways that stay on a floor: the floor's times from each node but the last on it, searched
    // once and kept (a settled node's time is the same whether a search stops there or not).
    var sameFloor: [Int: [Int]] = [:]
    for (i, node) in nodes.enumerated() { sameFloor[Int(cellOf[node]), default: []].append(i) }
    for (cellIndex, members) in sameFloor where members.count > 1 {
      let cell = cells[cellIndex]
      for (position, i) in members.enumerated().dropLast() {
        let row = floorRows.row(from: nodes[i]) {
          let tree = cell.chains.search(
            from: Int(localOf[nodes[i]]), until: [], costs: costs, lengths: lengths)
          return FloorRows.Row(seconds: tree.secondsTo, metres: tree.metresTo)
        }
        for j in members[(position + 1)...] {
          let local = Int(localOf[nodes[j]])
          seconds[i * count + j] = row.seconds[local]
          metres[i * count + j] = row.metres[local]
        }
      }
    }
    for i in 0..<count {
      seconds[i * count + i] = 0
      metres[i * count + i] = 0
      for j in (i + 1)..<count {
        // The way on the floor (found above, when they share one), else into the second
        // node's floor at one of its meeting nodes; the first of equal times is kept.
        var best = seconds[i * count + j]
        var length = metres[i * count + j]
        for e in entryStart[j]..<entryStart[j + 1] {
          let at = i * used + entryColumn[e]
          let time = out[at] + entrySeconds[e]
          if time < best {
            best = time
            length = outMetres[at] + entryMetres[e]
          }
        }
        seconds[i * count + j] = best
        seconds[j * count + i] = best
        metres[i * count + j] = length
        metres[j * count + i] = length
      }
    }
    return (seconds, metres)
  }
}

/// Each node's times to the rest of its floor, kept by node within a memory budget, the oldest
/// going first: a plan's stops come back in the next plan (the best stands of a topic, the
/// forums of the day), and each row costs a search of the floor. Shared between threads.
final class FloorRows: Sendable {
  /// About 16 MB per profile: a thousand rows of floors of a thousand nodes.
  static let defaultBudgetBytes = 16 << 20

  /// Seconds and metres from one node to each node of its floor, by local index.
  struct Row: Sendable {
    let seconds: [Double]
    let metres: [Double]
    var bytes: Int { (seconds.count + metres.count) * MemoryLayout<Double>.stride }
  }
  private let rows: OldestFirstCache<Int, Row>

  init(budgetBytes: Int = FloorRows.defaultBudgetBytes) {
    rows = OldestFirstCache(budget: budgetBytes) { $0.bytes }
  }

  /// The kept row from `node`, or the one `search` makes, kept for later. The search runs
  /// outside the cache's lock, so that two threads planning at once do not wait on each other.
  func row(from node: Int, orSearch search: () -> Row) -> Row {
    if let row = rows.value(for: node) { return row }
    let row = search()
    rows.keep(row, for: node)
    return row
  }

  /// How many rows are kept (for tests).
  var count: Int { rows.count }
}

/// The overlays of a graph, one per profile, built the first time a table asks for one and
/// shared by every copy of the index (most uses of a pack never need them).
final class WalkwayOverlays: Sendable {
  private enum Built: Sendable {
    case notYet
    case none
    case built(WalkwayOverlay)
  }
  /// The graph's nodes, whose floors cut it: kept as they are (an array shared, not copied),
  /// so that a pack that never plans pays nothing at load.
  private let nodes: [WalkwayNode]
  private let state = Mutex<(walk: Built, stepFree: Built)>((.notYet, .notYet))

  init(nodes: [WalkwayNode]) { self.nodes = nodes }

  /// Whether a profile's overlay has been built (or found not to pay), for tests.
  func isPrepared(stepFree: Bool) -> Bool {
    state.withLock { state in
      if case .notYet = stepFree ? state.stepFree : state.walk { return false }
      return true
    }
  }

  func overlay(
    stepFree: Bool, links: [[WalkwayIndex.Link]], costs: [Double], lengths: [Double]
  ) -> WalkwayOverlay? {
    state.withLock { state in
      let built = stepFree ? state.stepFree : state.walk
      switch built {
      case .built(let overlay): return overlay
      case .none: return nil
      case .notYet:
        let overlay = WalkwayOverlay.build(
          nodes: nodes, links: links, costs: costs, lengths: lengths)
        let result: Built = overlay.map { .built($0) } ?? .none
        if stepFree { state.stepFree = result } else { state.walk = result }
        return overlay
      }
    }
  }
}
