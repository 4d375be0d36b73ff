import EventModel
import Foundation
import Testing

@testable import Planner

/// Random small problems on a plane: travel is the straight line, windows random.
func randomProblem(seed: UInt64, customers: Int, groups: Int = 0, required: Int = 0)
  -> OrienteeringProblem
{
  var random = SplitMix64(seed: seed)
  let count = customers + 1
  var x = [50.0]
  var y = [50.0]
  for _ in 0..<customers {
    x.append(random.nextUnit() * 100)
    y.append(random.nextUnit() * 100)
  }
  var travel = [Double](repeating: 0, count: count * count)
  for i in 0..<count {
    for j in 0..<count {
      travel[i * count + j] = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]))
        .squareRoot()
    }
  }
  var opens = [0.0]
  var closes = [400.0]
  for _ in 0..<customers {
    let open = random.nextUnit() * 250
    opens.append(open)
    closes.append(open + 20 + random.nextUnit() * 150)
  }
  let profit = [0.0] + (0..<customers).map { _ in Double(1 + Int(random.nextUnit() * 9)) }
  let service = [0.0] + (0..<customers).map { _ in 5 + random.nextUnit() * 20 }
  let group = [-1] + (0..<customers).map { index in groups > 0 ? index % groups : -1 }
  let weights = (0..<groups).map { _ in 5 + random.nextUnit() * 10 }
  let requiredSet = Set((1...max(1, required)).prefix(required))
  return OrienteeringProblem(
    travel: travel, count: count, service: service, profit: profit, opens: opens, closes: closes,
    group: group, groupWeight: weights, decay: 0.5, horizon: 400, required: requiredSet)
}

/// Every order of every subset: the yardstick for small problems.
func bruteForce(_ problem: OrienteeringProblem) -> Double {
  var best = 0.0
  var route: [Int] = []
  var used = [Bool](repeating: false, count: problem.count)
  func extend() {
    if problem.schedule(route) != nil {
      best = max(best, problem.value(of: route))
    } else {
      return  // a prefix that misses a window cannot be fixed by adding visits
    }
    for vertex in 1..<problem.count where !used[vertex] {
      used[vertex] = true
      route.append(vertex)
      extend()
      route.removeLast()
      used[vertex] = false
    }
  }
  extend()
  return best
}

@Suite("The orienteering solver")
struct OrienteeringTests {
  @Test(
    "on small random problems the plan's value equals brute force", arguments: Array(UInt64(1)...25)
  )
  func exactMatchesBruteForce(seed: UInt64) {
    let problem = randomProblem(seed: seed, customers: 6, groups: seed % 2 == 0 ? 2 : 0)
    let solution = OrienteeringSolver().solve(problem)
    #expect(solution.optimal)
    #expect(abs(solution.value - bruteForce(problem)) < 1e-9)
    #expect(problem.schedule(solution.route) != nil)
  }

  @Test(
    "the heuristic's plans are feasible, repeat exactly, and come close to the exact value",
    arguments: Array(UInt64(1)...10))
  func heuristic(seed: UInt64) {
    let problem = randomProblem(seed: seed, customers: 12, groups: 3)
    let heuristic = OrienteeringSolver(exactLimit: 0).solve(problem)
    let exact = OrienteeringSolver(exactLimit: 20).solve(problem)
    #expect(problem.schedule(heuristic.route) != nil, "independent feasibility check")
    #expect(Set(heuristic.route).count == heuristic.route.count, "no vertex twice")
    #expect(abs(problem.value(of: heuristic.route) - heuristic.value) < 1e-9)
    #expect(heuristic.value <= exact.value + 1e-9)
    #expect(heuristic.value >= 0.9 * exact.value, "within 10 % of optimal on small problems")
    #expect(OrienteeringSolver(exactLimit: 0).solve(problem) == heuristic, "same input, same plan")
  }

  @Test("larger random problems: feasible plans every time")
  func largerProblems() {
    for seed in UInt64(100)..<UInt64(110) {
      let problem = randomProblem(seed: seed, customers: 60, groups: 4, required: 2)
      let solution = OrienteeringSolver().solve(problem)
      #expect(problem.schedule(solution.route) != nil)
    }
  }

  @Test("required visits are in the plan when they fit")
  func required() {
    for seed in UInt64(1)...10 {
      let problem = randomProblem(seed: seed, customers: 8, required: 1)
      guard problem.schedule([1]) != nil else { continue }
      #expect(OrienteeringSolver().solve(problem).route.contains(1), "seed \(seed)")
      #expect(OrienteeringSolver(exactLimit: 0).solve(problem).route.contains(1), "seed \(seed)")
    }
  }

  @Test("diminishing returns: the second visit of a group is worth less than the first")
  func diminishingReturns() {
    let problem = OrienteeringProblem(
      travel: [Double](repeating: 1, count: 9), count: 3, service: [0, 1, 1], profit: [0, 0, 0],
      opens: [0, 0, 0], closes: [100, 100, 100], group: [-1, 0, 0], groupWeight: [10], decay: 0.5,
      horizon: 100)
    #expect(problem.value(of: [1]) == 10)
    #expect(problem.value(of: [1, 2]) == 15)
  }

  @Test("benchmark files parse, with truncated travel times")
  func parsing() throws {
    let text = """
      1 1 2 1
      0 0
        0 0.00 0.00 0.00 0.00 0 0 0 100
        1 3.00 4.00 1.00 10.00 1 1 1 0 50
        2 1.00 1.00 2.00 5.00 1 1 1 10 20
      """
    let instance = try BenchmarkInstance.parse(text, name: "tiny", decimals: 1)
    #expect(instance.problem.count == 3)
    #expect(instance.problem.time(0, 1) == 5.0)
    #expect(instance.problem.time(0, 2) == 1.4, "√2 = 1.414… truncated to one decimal")
    #expect(instance.problem.horizon == 100)
    let solution = OrienteeringSolver().solve(instance.problem)
    #expect(solution.value == 15)
    #expect(throws: BenchmarkInstance.ParseError.self) {
      try BenchmarkInstance.parse("1 1\n0 0\n0 x y", name: "bad", decimals: 1)
    }
  }
}

@Suite("The orienteering solver's bounds")
struct OrienteeringBoundTests {
  /// A random problem where most visits are open the whole time (stands) and the rest have
  /// windows (sessions), with groups: the mix a plan gives the solver.
  static func standsAndSessions(seed: UInt64) -> OrienteeringProblem {
    var problem = randomProblem(seed: seed, customers: 60, groups: 4, required: Int(seed % 3))
    var random = SplitMix64(seed: seed &+ 7_000)
    for vertex in 1..<problem.count where random.nextUnit() < 0.8 {
      problem.opens[vertex] = 0
      problem.closes[vertex] = problem.horizon
    }
    // Equal profits and services make ties, which the bounds must break as a full scan does.
    if seed % 2 == 0 {
      for vertex in 1..<problem.count {
        problem.profit[vertex] = 3
        problem.service[vertex] = 10
      }
    }
    return problem
  }

  @Test(
    "skipping vertices by their bounds gives the plan a scan of every vertex gives",
    arguments: Array(UInt64(1)...40))
  func boundsKeepThePlan(seed: UInt64) {
    let problem = Self.standsAndSessions(seed: seed)
    var bounded = IteratedLocalSearch(
      problem: problem, candidates: problem.candidates, seed: seed)
    var everyVertex = bounded
    everyVertex.scansEveryVertex = true
    // Patience and restarts enough to run the noisy restarts and many shakes.
    let fast = bounded.solve(timeLimit: 1e9, patience: 40, restarts: 4)
    let full = everyVertex.solve(timeLimit: 1e9, patience: 40, restarts: 4)
    #expect(fast.route == full.route, "seed \(seed)")
    #expect(fast.value == full.value, "seed \(seed)")
    #expect(problem.schedule(fast.route) != nil, "seed \(seed)")
  }

  @Test("one fill from an empty route inserts the same visits in the same order")
  func oneFill() {
    for seed in UInt64(1)...30 {
      let problem = Self.standsAndSessions(seed: seed)
      var random = SplitMix64(seed: 1)
      var fast = Route(problem: problem)
      fast.fill(problem.candidates, exponent: 2, noise: 0, random: &random)
      var full = Route(problem: problem)
      full.fill(problem.candidates, exponent: 2, noise: 0, random: &random, bounded: false)
      #expect(fast.visits == full.visits, "seed \(seed)")
      #expect(!fast.visits.isEmpty, "seed \(seed)")
    }
  }
}
