import ArgumentParser
import Foundation
import Planner

/// `hiwaic optw FILE`: solves one OPTW benchmark instance, so anyone can check the planner.
struct OPTWCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "optw",
    abstract:
      "Solve one orienteering-with-time-windows instance (KU Leuven text format); print JSON.",
    discussion: """
      Output: {"instance", "score", "route" (vertex ids in visiting order, without the \
      depot), "millis", "optimal"}.

      Examples:
        hiwaic optw Fuzz/Seeds/optw/small12.txt
      """
  )

  @Argument(help: "The instance file.")
  var file: String

  @Option(
    name: .long,
    help:
      "Time budget of the heuristic in milliseconds (a safety cap; the search stops earlier by itself)."
  )
  var timeLimit: Double = 1000

  @Option(name: .long, help: "Iterations without a better plan before a restart gives up.")
  var patience: Int = OrienteeringSolver().patience

  @Option(name: .long, help: "Restarts of the search (each with another insertion rule).")
  var restarts: Int = OrienteeringSolver().restarts

  @Option(
    name: .long,
    help: "Decimals travel times are truncated to (default: 2 for Cordeau pr files, 1 otherwise).")
  var decimals: Int?

  func run() throws {
    guard (1...1_000_000).contains(patience), (1...1_000).contains(restarts) else {
      throw CommandError("--patience must be from 1 to 1000000 and --restarts from 1 to 1000.")
    }
    guard timeLimit.isFinite, (1...3_600_000).contains(timeLimit) else {
      throw CommandError("--time-limit must be from 1 to 3600000 milliseconds.")
    }
    if let decimals, !(0...6).contains(decimals) {
      throw CommandError("--decimals must be from 0 to 6.")
    }
    let instance: BenchmarkInstance
    do {
      instance = try BenchmarkInstance.load(path: file, decimals: decimals)
    } catch {
      throw CommandError(error.description)
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let solution = OrienteeringSolver(timeLimit: timeLimit, patience: patience, restarts: restarts)
      .solve(instance.problem)
    let millis = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    struct Output: Encodable {
      var instance: String
      var score: Double
      var route: [Int]
      var millis: Double
      var optimal: Bool
    }
    print(
      try OutputFormatting.json(
        Output(
          instance: instance.name, score: solution.value, route: solution.route,
          millis: (millis * 10).rounded() / 10, optimal: solution.optimal)))
  }
}
