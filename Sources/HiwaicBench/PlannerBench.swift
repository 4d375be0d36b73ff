import EventModel
import Foundation
import Planner

/// Issue 4's figures: the OPTW solver on the standard instances, score, gap to the best known
/// value and time per instance.
enum PlannerBench {
  static func run(optwDirectory: URL, timeLimit: Double, perInstance: Bool = true) throws {
    if perInstance {
      print("OPTW benchmark instances (\(optwDirectory.path)), \(Int(timeLimit)) ms cap:")
    }
    let bksText = try String(
      contentsOf: optwDirectory.appendingPathComponent("bks.csv"), encoding: .utf8)
    var best: [String: Double] = [:]
    for line in bksText.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",")
      if fields.count >= 4, let value = Double(fields[3]) { best[String(fields[0])] = value }
    }
    var gaps: [Double] = []
    var times: [Double] = []
    for family in ["solomon100", "cordeau"] {
      let directory = optwDirectory.appendingPathComponent(family)
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()
      for file in files {
        let instance = try BenchmarkInstance.load(path: directory.appendingPathComponent(file).path)
        let start = DispatchTime.now().uptimeNanoseconds
        let solution = OrienteeringSolver(timeLimit: timeLimit).solve(instance.problem)
        let millis = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let feasible =
          instance.problem.schedule(solution.route) != nil
          && abs(instance.problem.value(of: solution.route) - solution.value) < 1e-6
          && Set(solution.route).count == solution.route.count
        guard let known = best[instance.name] else { continue }
        let gap = (known - solution.value) / known * 100
        gaps.append(gap)
        times.append(millis)
        guard perInstance || !feasible else { continue }
        print(
          String(
            format: "  %@: score %.0f, best known %.0f, gap %.2f %%, %.0f ms%@", instance.name,
            solution.value, known, gap, millis, feasible ? "" : "  INFEASIBLE"))
      }
    }
    guard !gaps.isEmpty else { return }
    print(
      String(
        format:
          "OPTW (%.0f ms cap): %d instances, average gap %.2f %%, worst %.2f %%, average %.0f ms, slowest %.0f ms (target: gap <= 1 %% at <= 100 ms)",
        timeLimit, gaps.count, gaps.reduce(0, +) / Double(gaps.count), gaps.max()!,
        times.reduce(0, +) / Double(times.count), times.max()!))
  }
}

/// Issue 4's personal-plan figures: a 3-hour plan with every exhibitor as a candidate.
enum PersonalPlanBench {
  static func run(name: String, packDirectory: URL, start: String, interests: [String: Double])
    throws
  {
    let catalog = try PackLoader.load(from: packDirectory)
    let startTime =
      catalog.days.first.map {
        EventTime.startOfDay($0, zone: catalog.timeZone).addingTimeInterval(10 * 3600)
      } ?? Date()
    let request = VisitRequest(
      interests: interests, start: start, startTime: startTime, budgetMinutes: 180)
    let planner = VisitPlanner(catalog: catalog)
    var times: [Double] = []
    var plan: VisitPlan?
    for _ in 0..<5 {
      let begin = DispatchTime.now().uptimeNanoseconds
      plan = planner.plan(request)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000_000)
    }
    // The first plan of a process also builds what later plans reuse (the floor tables of a
    // venue too large to keep every tree), so it is shown on its own.
    let first = times[0]
    times.sort()
    print(
      String(
        format:
          "%@: 3-hour plan from %d exhibitors in median %.1f ms (min %.1f, first %.1f): %d stops, score %.1f, walking %.0f m",
        name, catalog.pack.exhibitors.count, times[2], times[0], first, plan!.stops.count,
        plan!.score, plan!.walkingMetres))
    // What a plan's walking table costs on its own: the start and 60 stands, the most a plan
    // in an answer considers (on a large venue, from floor tables made by the plans above).
    let walkways = catalog.walkways
    let nodes =
      ([start]
      + catalog.standsByProminence.prefix(60).compactMap {
        catalog.exhibitorNodes[$0]
      }).compactMap { walkways.nodePosition[$0] }
    var tableTimes: [Double] = []
    for _ in 0..<41 {
      let begin = DispatchTime.now().uptimeNanoseconds
      _ = walkways.table(between: nodes, stepFree: false)
      tableTimes.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1_000)
    }
    tableTimes.sort()
    print(
      String(
        format: "    walking table between %d places: median %.0f µs, min %.0f µs%@", nodes.count,
        tableTimes[20], tableTimes[0],
        walkways.keepsEveryTree ? " (this venue's plans read kept trees instead)" : ""))
  }
}
