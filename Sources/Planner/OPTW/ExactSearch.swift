/// Exact search for small problems: for every subset and last visit, the earliest time the visits
/// can be done; the best feasible subset wins (ties: fewer visits, then the lower-numbered set).
struct ExactSearch {
  let problem: OrienteeringProblem
  let candidates: [Int]

  func solve() -> OrienteeringSolution {
    // A local copy: the closures below would otherwise capture (and copy) the whole search.
    let candidates = candidates
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
    // The loop below runs 2^n · n² times: what it reads is copied per candidate first, and it
    // reads without a check per access (every index is below n or 2^n · n by construction).
    var between = [Double](repeating: 0, count: n * n)
    for a in 0..<n {
      for b in 0..<n { between[a * n + b] = problem.time(candidates[a], candidates[b]) }
    }
    let opens = candidates.map { problem.opens[$0] }
    let closes = candidates.map { problem.closes[$0] + 1e-9 }
    let service = candidates.map { problem.service[$0] }
    let toEnd = candidates.map { problem.time($0, end) }
    let horizon = problem.horizon + 1e-9
    for mask in 1..<states {
      let feasibleLast = done.withUnsafeMutableBufferPointer { done in
        parent.withUnsafeMutableBufferPointer { parent in
          between.withUnsafeBufferPointer { between in
            var feasibleLast = -1
            for last in 0..<n where mask & (1 << last) != 0 {
              let finish = done[mask * n + last]
              guard finish.isFinite else { continue }
              if feasibleLast < 0 && finish + toEnd[last] <= horizon {
                feasibleLast = last
              }
              for next in 0..<n where mask & (1 << next) == 0 {
                let arrival = finish + between[last * n + next]
                let start = max(arrival, opens[next])
                guard start <= closes[next] else { continue }
                let leave = start + service[next]
                let target = (mask | (1 << next)) * n + next
                if leave < done[target] {
                  done[target] = leave
                  parent[target] = Int32(last)
                }
              }
            }
            return feasibleLast
          }
        }
      }
      guard feasibleLast >= 0 else { continue }
      let value = problem.value(
        of: (0..<n).lazy.filter { mask & (1 << $0) != 0 }.map { candidates[$0] })
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
