import EventModel
import Foundation

/// Iterated local search for the orienteering problem with time windows (Vansteenwegen, Souffriau,
/// Vanden Berghe, Van Oudheusden 2009): insert the visit with the best value gained per minute
/// added (checked in constant time with each visit's wait and maximum shift), shake by removing a
/// run of visits, repeat. Added here: a swap move (drop one visit for a better one) at each local
/// optimum, and restarts with other insertion ratios while time remains.
struct IteratedLocalSearch {
  let problem: OrienteeringProblem
  let candidates: [Int]
  var random: SplitMix64
  /// Scan every vertex for its insertion, skipping none by its bound: the same plans, slower
  /// (for tests that hold the bounds to that).
  var scansEveryVertex = false

  init(problem: OrienteeringProblem, candidates: [Int], seed: UInt64) {
    self.problem = problem
    self.candidates = candidates
    random = SplitMix64(seed: seed)
  }

  mutating func solve(timeLimit: Double, patience: Int, restarts: Int) -> OrienteeringSolution {
    let started = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000 }
    var best = Route(problem: problem)
    best.insertRequired(candidates)
    var bestValue = best.value
    // Restarts vary the insertion ratio: value² per minute (the paper's), value per minute, and
    // value² per minute with a little noise to leave the beaten track. They stop on iteration
    // counts, so the same problem gives the same plan on any machine; the time limit is a cap.
    for restart in 0..<restarts {
      if elapsed() >= timeLimit { break }
      var current = Route(problem: problem)
      current.insertRequired(candidates)
      let exponent = restart % 3 == 1 ? 1.0 : 2.0
      let noise = restart >= 2 ? 0.2 : 0
      var restartBest = -Double.infinity
      var size = 1
      var position = 0
      var sinceImprovement = 0
      while sinceImprovement < patience && elapsed() < timeLimit {
        current.fill(
          candidates, exponent: exponent, noise: noise, random: &random,
          bounded: !scansEveryVertex)
        if current.value > restartBest + 1e-9 {
          // A new best of this restart: polish it with swaps before keeping it.
          current.swapImprove(candidates)
          current.fill(
            candidates, exponent: exponent, noise: 0, random: &random, bounded: !scansEveryVertex)
          restartBest = current.value
          size = 1
          sinceImprovement = 0
          if current.value > bestValue + 1e-9 {
            best = current
            bestValue = current.value
          }
        } else {
          sinceImprovement += 1
        }
        current.shake(from: position, count: size)
        position += size
        size += 1
        let visits = max(1, current.visits.count)
        if position >= visits { position %= visits }
        if size > max(2, candidates.count / 3) { size = 1 }
      }
    }
    return OrienteeringSolution(route: best.visits, value: bestValue, optimal: false)
  }
}

/// A route being built: visits with their start, wait, departure and slack.
struct Route {
  let problem: OrienteeringProblem
  private(set) var visits: [Int] = []
  /// What an insertion scan reads, one per visit plus one for the end, packed together.
  private var slots: [Slot] = []
  private var leaveStart: Double
  private var arrivalAtEnd: Double
  private(set) var value: Double = 0
  private var groupCounts: [Int]
  private var visited: [Bool]

  init(problem: OrienteeringProblem) {
    self.problem = problem
    leaveStart = problem.startTime
    groupCounts = Array(repeating: 0, count: problem.groupWeight.count)
    visited = Array(repeating: false, count: problem.count)
    arrivalAtEnd = problem.startTime + problem.time(0, problem.endVertex)
    recompute()
  }

  /// Value added by visiting `vertex` now, with diminishing returns per group.
  func gain(_ vertex: Int) -> Double {
    var gain = problem.profit[vertex]
    let g = problem.group[vertex]
    if g >= 0 {
      var weight = problem.groupWeight[g]
      for _ in 0..<groupCounts[g] { weight *= problem.decay }
      gain += weight
    }
    return gain
  }

  /// The cheapest feasible place for a vertex: (position, shift), or nil. The hot loop of the
  /// search: positions whose slack cannot even hold the visit's service are skipped, and the scan
  /// stops once the route leaves later than the visit's window closes.
  func bestInsertion(of vertex: Int) -> (position: Int, shift: Double)? {
    var bestPosition = -1
    var bestShift = Double.infinity
    let opens = problem.opens[vertex]
    let closes = problem.closes[vertex] + 1e-9
    let service = problem.service[vertex]
    let count = problem.count
    return problem.travel.withUnsafeBufferPointer { travel in
      slots.withUnsafeBufferPointer { slots in
        let fromVertex = vertex * count
        // Wherever it goes, the visit delays the next one to at least its opening plus its
        // service, so positions whose latest arrival is earlier cannot take it.
        let earliestNext = opens + service - 1e-9
        var low = 0
        var high = slots.count - 1
        while low < high {
          let middle = (low + high) / 2
          if slots[middle].latestArrival < earliestNext { low = middle + 1 } else { high = middle }
        }
        var previous = low > 0 ? slots[low - 1].vertex : 0
        var previousLeave = low > 0 ? slots[low - 1].leave : leaveStart
        for position in low..<slots.count {
          if previousLeave > closes { break }
          let slot = slots[position]
          if slot.slack + 1e-9 >= service {
            let toVertex = travel[previous * count + vertex]
            let arrival = previousLeave + toVertex
            let startHere = max(arrival, opens)
            if startHere <= closes {
              let shift =
                toVertex + (startHere - arrival) + service + travel[fromVertex + slot.vertex]
                - travel[previous * count + slot.vertex]
              if shift <= slot.slack + 1e-9 && shift < bestShift - 1e-12 {
                bestShift = shift
                bestPosition = position
              }
            }
          }
          previous = slot.vertex
          previousLeave = slot.leave
        }
        return bestPosition >= 0 ? (bestPosition, bestShift) : nil
      }
    }
  }

  mutating func insert(_ vertex: Int, at position: Int) {
    visits.insert(vertex, at: position)
    visited[vertex] = true
    value += gain(vertex)
    let g = problem.group[vertex]
    if g >= 0 { groupCounts[g] += 1 }
    recompute()
  }

  mutating func remove(at position: Int) {
    let vertex = visits.remove(at: position)
    visited[vertex] = false
    let g = problem.group[vertex]
    if g >= 0 { groupCounts[g] -= 1 }
    value = problem.value(of: visits)
    recompute()
  }

  /// Start, wait and departure of every visit forward, then slack and latest arrival backward.
  /// Rewrites the slots in place: this runs after every insertion and removal.
  private mutating func recompute() {
    let n = visits.count
    let endVertex = problem.endVertex
    slots.removeAll(keepingCapacity: true)
    var previous = 0
    var leave = leaveStart
    for vertex in visits {
      let arrival = leave + problem.time(previous, vertex)
      let start = max(arrival, problem.opens[vertex])
      leave = start + problem.service[vertex]
      slots.append(
        Slot(
          vertex: vertex, start: start, wait: start - arrival, leave: leave, slack: 0,
          latestArrival: 0))
      previous = vertex
    }
    arrivalAtEnd = leave + problem.time(previous, endVertex)
    var nextSlack = problem.horizon - arrivalAtEnd
    slots.append(
      Slot(
        vertex: endVertex, start: arrivalAtEnd, wait: 0, leave: arrivalAtEnd,
        slack: nextSlack, latestArrival: problem.horizon))
    slots.withUnsafeMutableBufferPointer { slots in
      for index in stride(from: n - 1, through: 0, by: -1) {
        let slot = slots[index]
        let maxShift = min(problem.closes[slot.vertex] - slot.start, nextSlack)
        nextSlack = slot.wait + maxShift
        slots[index].slack = nextSlack
        slots[index].latestArrival = slot.start - slot.wait + nextSlack
      }
    }
  }

  /// Puts in the required visits first, each where it costs least.
  mutating func insertRequired(_ candidates: [Int]) {
    for vertex in candidates where problem.required.contains(vertex) && !visited[vertex] {
      if let place = bestInsertion(of: vertex) { insert(vertex, at: place.position) }
    }
  }

  /// Inserts visits by value gained per minute added until none fits. `bounded`: skip the
  /// vertices whose bound shows they cannot be chosen (the same choices, fewer scans).
  mutating func fill(
    _ candidates: [Int], exponent: Double, noise: Double, random: inout SplitMix64,
    bounded: Bool = true
  ) {
    // A visit that fits nowhere will not fit after more insertions either: with travel times that
    // obey the triangle inequality, dropping a visit from a feasible route leaves it feasible. So
    // each scan only looks at the vertices that still fitted in the one before.
    var open = candidates.filter { !visited[$0] }
    // The least shift each vertex could still cost, for visits that never wait (open from the
    // start to the end): their shift at a place depends only on the visits either side, so
    // after a scan only the two places beside each later insertion can be cheaper, and a
    // place only ever becomes infeasible (the route gets tighter). -infinity: not known.
    var leastShift = [Double](repeating: -.infinity, count: noise == 0 ? problem.count : 0)
    var top = [Double](repeating: 0, count: problem.count)
    var bounds = [Double](repeating: 0, count: noise == 0 ? problem.count : 0)
    while true {
      var best: (vertex: Int, position: Int, ratio: Double, index: Int)?
      var kept = 0
      // Without noise the vertex of the highest bound is scanned first, so that the best ratio
      // found early prunes most others; ties still go to the first in `open`, as a scan in
      // its order would choose.
      var first = -1
      var firstFits = false
      var highest = -Double.infinity
      for index in open.indices {
        let vertex = open[index]
        let g = gain(vertex)
        let value = exponent == 2 ? g * g : g
        top[vertex] = value
        if noise == 0 && bounded {
          // An insertion adds at least the visit's service time, and at least its known
          // least shift: the best ratio it could reach.
          let bound = value / max(problem.service[vertex] - 1e-9, leastShift[vertex], 1e-6)
          bounds[vertex] = bound
          if bound > highest {
            highest = bound
            first = index
          }
        }
      }
      if first >= 0, let place = bestInsertion(of: open[first]) {
        let vertex = open[first]
        firstFits = true
        if neverWaits(vertex) { leastShift[vertex] = place.shift - 1e-9 }
        best = (vertex, place.position, top[vertex] / max(place.shift, 1e-6), first)
      }
      for index in open.indices {
        let vertex = open[index]
        if index == first {
          if firstFits {
            open[kept] = vertex
            kept += 1
          }
          continue
        }
        // When even its bound cannot beat the best so far, the insertion scan (the hot loop)
        // is skipped and the vertex stays open for the next round. The same choice as
        // scanning it; with noise every scan draws, so all are scanned to keep the draws the
        // same.
        if noise == 0 && bounded, let best, bounds[vertex] < best.ratio {
          open[kept] = vertex
          kept += 1
          continue
        }
        guard let place = bestInsertion(of: vertex) else { continue }
        open[kept] = vertex
        kept += 1
        // The scan keeps the first of shifts within 1e-12 of each other: the least is at most
        // that much lower.
        if noise == 0 && neverWaits(vertex) { leastShift[vertex] = place.shift - 1e-9 }
        var ratio = top[vertex] / max(place.shift, 1e-6)
        if noise > 0 { ratio *= 1 + noise * (random.nextUnit() - 0.5) }
        if let current = best,
          ratio < current.ratio || (ratio == current.ratio && index > current.index)
        {
          continue
        }
        best = (vertex, place.position, ratio, index)
      }
      open.removeLast(open.count - kept)
      guard let chosen = best else { return }
      insert(chosen.vertex, at: chosen.position)
      if let index = open.firstIndex(of: chosen.vertex) { open.remove(at: index) }
      if noise == 0 {
        // The two new places, beside the visit just inserted.
        let previous = chosen.position > 0 ? visits[chosen.position - 1] : 0
        let next =
          chosen.position + 1 < visits.count ? visits[chosen.position + 1] : problem.endVertex
        for vertex in open where leastShift[vertex] > -.infinity {
          let service = problem.service[vertex]
          let before =
            problem.time(previous, vertex) + service + problem.time(vertex, chosen.vertex)
            - problem.time(previous, chosen.vertex)
          let after =
            problem.time(chosen.vertex, vertex) + service + problem.time(vertex, next)
            - problem.time(chosen.vertex, next)
          leastShift[vertex] = min(leastShift[vertex], before, after)
        }
      }
    }
  }

  /// Whether a visit starts the moment it is reached wherever it goes: it opens no later than
  /// the route leaves the start.
  private func neverWaits(_ vertex: Int) -> Bool { problem.opens[vertex] <= leaveStart }

  /// Replaces one visit by an unvisited vertex of higher gain when it fits.
  mutating func swapImprove(_ candidates: [Int]) {
    var improved = true
    var rounds = 0
    while improved && rounds < 3 {
      improved = false
      rounds += 1
      for position in visits.indices.reversed() where position < visits.count {
        let removed = visits[position]
        if problem.required.contains(removed) { continue }
        let before = value
        remove(at: position)
        var bestChoice: (Int, Int, Double)?
        for vertex in candidates where !visited[vertex] && vertex != removed {
          guard let place = bestInsertion(of: vertex) else { continue }
          let g = gain(vertex)
          if value + g > before + 1e-9, bestChoice == nil || g > bestChoice!.2 {
            bestChoice = (vertex, place.position, g)
          }
        }
        if let (vertex, at, _) = bestChoice {
          insert(vertex, at: at)
          improved = true
        } else if let place = bestInsertion(of: removed) {
          insert(removed, at: place.position)
        } else {
          insert(removed, at: min(position, visits.count))
        }
      }
    }
  }

  /// Removes `count` consecutive visits from `position` (required visits stay).
  mutating func shake(from position: Int, count: Int) {
    guard !visits.isEmpty else { return }
    var index = min(position, visits.count - 1)
    var removed = 0
    while removed < count && index < visits.count {
      if problem.required.contains(visits[index]) {
        index += 1
      } else {
        remove(at: index)
      }
      removed += 1
    }
  }
}

/// One position of a route as the insertion scan sees it: the visit there, when it is left, how
/// much later it could start (wait + maximum shift), and the latest arrival that keeps the rest of
/// the route feasible, which never decreases along the route (hence the binary search).
private struct Slot {
  var vertex: Int
  var start: Double
  var wait: Double
  var leave: Double
  var slack: Double
  var latestArrival: Double
}
