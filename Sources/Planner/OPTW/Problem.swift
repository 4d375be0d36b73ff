/// An orienteering problem with time windows: pick and order visits that maximise the total
/// value within a time budget, arriving inside every visit's window. Vertex 0 is the start; the
/// route ends at `end` (the start again when nil) by `horizon`.
///
/// Value is additive (`profit`) plus, optionally, per-group diminishing returns: the k-th visit of
/// group g is worth `groupWeight[g] * decay^(k-1)`, so a tenth chip booth is worth less than the
/// first. The value of a plan depends only on its set of visits.
public struct OrienteeringProblem: Sendable {
  /// Minutes (or any unit) from vertex i to vertex j: `travel[i * count + j]`.
  public var travel: [Double]
  public var count: Int
  public var service: [Double]
  public var profit: [Double]
  public var opens: [Double]
  public var closes: [Double]
  /// Group of each vertex (-1 for none), for diminishing returns.
  public var group: [Int]
  public var groupWeight: [Double]
  public var decay: Double
  /// Time at the start vertex.
  public var startTime: Double
  /// The route must be back (at `end`) by then.
  public var horizon: Double
  /// Where the route ends; nil means back at vertex 0.
  public var end: Int?
  /// Vertices that must be in the plan if at all possible.
  public var required: Set<Int>

  public init(
    travel: [Double], count: Int, service: [Double], profit: [Double], opens: [Double],
    closes: [Double], group: [Int]? = nil, groupWeight: [Double] = [], decay: Double = 0.5,
    startTime: Double = 0, horizon: Double, end: Int? = nil, required: Set<Int> = []
  ) {
    self.travel = travel
    self.count = count
    self.service = service
    self.profit = profit
    self.opens = opens
    self.closes = closes
    self.group = group ?? Array(repeating: -1, count: count)
    self.groupWeight = groupWeight
    self.decay = decay
    self.startTime = startTime
    self.horizon = horizon
    self.end = end
    self.required = required
  }

  @inline(__always) public func time(_ from: Int, _ to: Int) -> Double { travel[from * count + to] }

  var endVertex: Int { end ?? 0 }

  /// Candidates: every vertex but the start and the end.
  var candidates: [Int] { (1..<count).filter { $0 != end } }

  /// Value of a set of visits.
  public func value(of visits: some Sequence<Int>) -> Double {
    // Visits per group on the stack: the solvers ask this for thousands of sets per plan.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, groupWeight.count)) { counts in
      counts.initialize(repeating: 0)
      var total = 0.0
      for vertex in visits {
        total += profit[vertex]
        let g = group[vertex]
        if g >= 0 && g < counts.count {
          let k = counts[g]
          total += groupWeight[g] * pow(decay, Double(k))
          counts[g] = k + 1
        }
      }
      return total
    }
  }

  /// Arrival, start of service and departure at each visit of a route (without the start and the
  /// end), or nil when a window or the horizon is missed.
  public func schedule(_ route: [Int]) -> [(arrival: Double, start: Double, leave: Double)]? {
    var clock = startTime
    var previous = 0
    var result: [(Double, Double, Double)] = []
    result.reserveCapacity(route.count)
    for vertex in route {
      let arrival = clock + time(previous, vertex)
      let start = max(arrival, opens[vertex])
      if start > closes[vertex] + 1e-9 { return nil }
      clock = start + service[vertex]
      result.append((arrival, start, clock))
      previous = vertex
    }
    if clock + time(previous, endVertex) > horizon + 1e-9 { return nil }
    return result
  }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
  var result = 1.0
  var k = Int(exponent)
  while k > 0 {
    result *= base
    k -= 1
  }
  return result
}
