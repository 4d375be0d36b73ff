/// Exact search for small problems: for every subset and last visit, the earliest time the visits
/// can be done; the best feasible subset wins (ties: fewer visits, then the lower-numbered set).
struct ExactSearch {
  let problem: OrienteeringProblem
  let candidates: [Int]

  func solve() -> OrienteeringSolution {
    let n = candidates.count
    guard n > 0 else { return OrienteeringSolution(route: [], value: 0, optimal: true) }
    let states = 1 << n
    var done = [Double](repeating: .infinity, count: states * n)
    var parent = [Int32](repeating: -1, count: states * n)
    for (index, vertex) in candidates.enumerated() {
      let arrival = problem.startTime + problem.time(0, vertex)
      let start = max(arrival, problem.opens[vertex])
      if start <= problem.closes[vertex] + 1e-9 {
        done[(1 << index) * n + index] = start + problem.service[vertex]
      }
    }
    var requiredMask = 0
    for (index, vertex) in candidates.enumerated() where problem.required.contains(vertex) {
      requiredMask |= 1 << index
    }
    var bestMask = 0
    var bestLast = -1
    var bestValue = -Double.infinity
    var bestHasRequired = requiredMask == 0
    let end = problem.endVertex
    // The empty plan is feasible when the start can reach the end in time.
    if problem.startTime + problem.time(0, end) <= problem.horizon + 1e-9 { bestValue = 0 }
    for mask in 1..<states {
      var feasibleLast = -1
      for last in 0..<n where mask & (1 << last) != 0 {
        let finish = done[mask * n + last]
        guard finish.isFinite else { continue }
        let lastVertex = candidates[last]
        if feasibleLast < 0 && finish + problem.time(lastVertex, end) <= problem.horizon + 1e-9 {
          feasibleLast = last
        }
        for next in 0..<n where mask & (1 << next) == 0 {
          let vertex = candidates[next]
          let arrival = finish + problem.time(lastVertex, vertex)
          let start = max(arrival, problem.opens[vertex])
          guard start <= problem.closes[vertex] + 1e-9 else { continue }
          let leave = start + problem.service[vertex]
          let target = (mask | (1 << next)) * n + next
          if leave < done[target] {
            done[target] = leave
            parent[target] = Int32(last)
          }
        }
      }
      guard feasibleLast >= 0 else { continue }
      let value = problem.value(of: (0..<n).filter { mask & (1 << $0) != 0 }.map { candidates[$0] })
      let hasRequired = mask & requiredMask == requiredMask
      // Plans with every required visit beat plans without; then value decides.
      if (hasRequired && !bestHasRequired)
        || (hasRequired == bestHasRequired && value > bestValue + 1e-9)
      {
        bestValue = value
        bestMask = mask
        bestLast = feasibleLast
        bestHasRequired = hasRequired
      }
    }
    guard bestLast >= 0 else {
      return OrienteeringSolution(route: [], value: max(0, bestValue), optimal: true)
    }
    // The earliest-finishing order of the best set, rebuilt from the parents.
    var route: [Int] = []
    var mask = bestMask
    var last = bestLast
    while last >= 0 {
      route.append(candidates[last])
      let previous = Int(parent[mask * n + last])
      mask &= ~(1 << last)
      last = previous
    }
    return OrienteeringSolution(route: route.reversed(), value: bestValue, optimal: true)
  }
}
