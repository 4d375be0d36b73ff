import EventModel
import Foundation
import Testing

@testable import Planner

enum PlannerFixture {
  static let packDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/waic2025")
  static let catalog = try! PackLoader.load(from: packDirectory)
  static func time(_ text: String) -> Date { EventTime.parse(text, zone: catalog.timeZone)! }
}

/// Checks a plan without the planner's own numbers: walks recomputed with the router, every
/// session reached before it starts, the budget kept, nothing twice.
func checkFeasible(_ plan: VisitPlan, _ request: VisitRequest, catalog: EventCatalog) -> [String] {
  var problems: [String] = []
  let router = WalkingRouter(catalog: catalog)
  var clock = request.startTime
  var place = request.start
  var seen = Set<String>()
  for stop in plan.stops {
    if !seen.insert(stop.id).inserted { problems.append("\(stop.id) twice") }
    guard let walk = router.route(from: place, to: stop.node, stepFree: request.stepFree) else {
      problems.append("no way to \(stop.id)")
      continue
    }
    let arrival = clock.addingTimeInterval(walk.minutes * 60)
    if arrival > stop.start.addingTimeInterval(1) {
      problems.append("\(stop.id) starts before the visitor arrives")
    }
    if stop.kind == .session, let session = catalog.session(stop.id) {
      if arrival > session.start.addingTimeInterval(1) { problems.append("late for \(stop.id)") }
      if abs(stop.start.timeIntervalSince(session.start)) > 1 {
        problems.append("\(stop.id) not at its time")
      }
    }
    if request.stepFree
      && walk.legs.contains(where: { $0.mode == .stairs || $0.mode == .escalator })
    {
      problems.append("stairs on a step-free plan")
    }
    clock = stop.leave
    place = stop.node
  }
  let end = request.end ?? request.start
  if let back = router.route(from: place, to: end, stepFree: request.stepFree) {
    let finish = clock.addingTimeInterval(back.minutes * 60)
    if finish > request.startTime.addingTimeInterval(request.budgetMinutes * 60 + 1) {
      problems.append("over budget")
    }
  } else {
    problems.append("no way back")
  }
  return problems
}

@Suite("Personal routes on the WAIC pack")
struct VisitPlannerTests {
  let catalog = PlannerFixture.catalog

  @Test("a robotics plan is feasible, stays in budget, and is mostly robots")
  func robotics() {
    let request = VisitRequest(
      interests: ["robotics": 1], start: "eh-1f-north",
      startTime: PlannerFixture.time("2025-07-26T10:00"),
      budgetMinutes: 120)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    #expect(plan.stops.count >= 5)
    #expect(
      checkFeasible(plan, request, catalog: catalog).isEmpty,
      "\(checkFeasible(plan, request, catalog: catalog))")
    let robotTopics = catalog.topicAndNarrower("robotics")
    #expect(
      plan.stops.allSatisfy { stop in
        catalog.exhibitor(stop.id)?.topics.contains(where: robotTopics.contains) == true
      })
  }

  @Test("must-sees and a session at its fixed time are in the plan, arriving before the start")
  func mustSeeAndSession() throws {
    let request = VisitRequest(
      interests: ["foundation-models": 1], mustSee: ["unitree", "huawei"], attend: ["main-forum"],
      start: "eh-1f-north", startTime: PlannerFixture.time("2025-07-26T09:00"), budgetMinutes: 260)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    let ids = plan.stops.map(\.id)
    #expect(
      ids.contains("unitree") && ids.contains("huawei") && ids.contains("main-forum"),
      "\(ids) \(plan.leftOut)")
    let forum = try #require(plan.stops.first { $0.id == "main-forum" })
    #expect(forum.arrival <= forum.start)
    #expect(
      checkFeasible(plan, request, catalog: catalog).isEmpty,
      "\(checkFeasible(plan, request, catalog: catalog))")
  }

  @Test("an impossible request explains itself and still offers the best feasible plan")
  func impossible() {
    let request = VisitRequest(
      interests: ["robotics": 1], mustSee: ["unitree"], attend: ["opening-ceremony", "main-forum"],
      start: "eh-1f-north", startTime: PlannerFixture.time("2025-07-26T10:00"), budgetMinutes: 30)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    #expect(plan.leftOut.contains(LeftOut(id: "opening-ceremony", reason: .alreadyOver)))
    #expect(plan.leftOut.contains { $0.id == "main-forum" && $0.reason == .noTime })
    #expect(checkFeasible(plan, request, catalog: catalog).isEmpty)
    #expect(!plan.stops.isEmpty, "the best feasible plan is still offered")
  }

  @Test("diminishing returns make plans varied: two interests both get booths")
  func variety() {
    let request = VisitRequest(
      interests: ["humanoid-robots": 1, "ai-chips": 1], start: "eh-1f-north",
      startTime: PlannerFixture.time("2025-07-26T10:00"), budgetMinutes: 60)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    let topics = plan.stops.compactMap { catalog.exhibitor($0.id)?.topics }
    #expect(topics.contains { $0.contains("ai-chips") })
    #expect(topics.contains { $0.contains("humanoid-robots") })
  }

  @Test("step-free plans never use stairs or escalators")
  func stepFree() {
    let request = VisitRequest(
      interests: ["robotics": 1, "ai-chips": 1], start: "eh-b1-wc",
      startTime: PlannerFixture.time("2025-07-26T10:00"),
      budgetMinutes: 90, stepFree: true)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    #expect(!plan.stops.isEmpty)
    #expect(
      checkFeasible(plan, request, catalog: catalog).isEmpty,
      "\(checkFeasible(plan, request, catalog: catalog))")
  }

  @Test("re-planning from the middle leaves out what is done")
  func replan() {
    let first = VisitRequest(
      interests: ["robotics": 1], start: "eh-1f-north",
      startTime: PlannerFixture.time("2025-07-26T10:00"), budgetMinutes: 60)
    let plan = VisitPlanner(catalog: catalog).plan(first)
    let done = Set(plan.stops.prefix(2).map(\.id))
    let rest = VisitRequest(
      interests: ["robotics": 1], start: plan.stops[1].node, startTime: plan.stops[1].leave,
      budgetMinutes: 40,
      end: "eh-1f-north", done: done)
    let replanned = VisitPlanner(catalog: catalog).plan(rest)
    #expect(replanned.stops.allSatisfy { !done.contains($0.id) })
    #expect(checkFeasible(replanned, rest, catalog: catalog).isEmpty)
  }

  @Test("the same request gives the same plan")
  func determinism() {
    let request = VisitRequest(
      interests: ["robotics": 2, "foundation-models": 1], mustSee: ["huawei"], start: "eh-1f-north",
      startTime: PlannerFixture.time("2025-07-27T13:00"), budgetMinutes: 180)
    #expect(
      VisitPlanner(catalog: catalog).plan(request) == VisitPlanner(catalog: catalog).plan(request))
  }

  @Test("walking routes: legs add up, floors change by escalator or lift, step-free takes the lift")
  func walking() throws {
    let router = WalkingRouter(catalog: catalog)
    let route = try #require(router.route(from: "eh-1f-north", to: "h3-j12", stepFree: false))
    #expect(abs(route.legs.reduce(0) { $0 + $1.metres } - route.metres) < 1e-6)
    #expect(route.legs.contains { $0.mode == .escalator || $0.mode == .stairs || $0.mode == .lift })
    let stepFree = try #require(router.route(from: "eh-1f-north", to: "h3-j12", stepFree: true))
    #expect(stepFree.legs.contains { $0.mode == .lift })
    #expect(!stepFree.legs.contains { $0.mode == .escalator || $0.mode == .stairs })
    #expect(stepFree.minutes >= route.minutes)
  }

  @Test("the iCalendar file has one event per stop, the time zone, CRLF lines of at most 75 octets")
  func calendar() {
    let request = VisitRequest(
      interests: ["robotics": 1], attend: ["main-forum"], start: "eh-1f-north",
      startTime: PlannerFixture.time("2025-07-26T09:30"), budgetMinutes: 240)
    let plan = VisitPlanner(catalog: catalog).plan(request)
    let text = CalendarWriter(catalog: catalog).calendar(
      for: plan, language: .zh, stamp: PlannerFixture.time("2025-07-26T09:00"))
    let lines = text.components(separatedBy: "\r\n").dropLast()
    #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == plan.stops.count)
    #expect(text.contains("TZID:Asia/Shanghai"))
    #expect(
      text.contains("DTSTART;TZID=Asia/Shanghai:20250726T111500"), "the main forum at its time")
    #expect(!text.contains("\n\n"))
  }
}

@Suite("City Walk timing")
struct CityWalkPlannerTests {
  let catalog = PlannerFixture.catalog

  @Test("stops in order, legs by great-circle distance, walked when short, ridden when long")
  func timing() throws {
    let route = try #require(catalog.cityWalk("ai-landmarks"))
    let plan = CityWalkPlanner(catalog: catalog).plan(
      route, start: PlannerFixture.time("2025-07-27T09:00"))
    #expect(plan.visits.map(\.stop) == route.stops.map(\.id))
    #expect(plan.legs.count == route.stops.count - 1)
    #expect(plan.legs.allSatisfy { $0.mode == .transit }, "landmarks are kilometres apart")
    for (leg, distance) in zip(plan.legs, route.legDistances) {
      #expect(abs(leg.metres - distance) < 1e-6)
    }
    let walk = try #require(catalog.cityWalk("robots-at-work"))
    let inside = CityWalkPlanner(catalog: catalog).plan(
      walk, start: PlannerFixture.time("2025-07-27T09:00"))
    #expect(inside.legs.allSatisfy { $0.mode == .walk })
  }

  @Test("a budget cuts the walk at the last stop that fits; --from starts mid-route")
  func budget() throws {
    let route = try #require(catalog.cityWalk("robots-at-work"))
    let plan = CityWalkPlanner(catalog: catalog).plan(
      route, from: route.stops[1].id, start: PlannerFixture.time("2025-07-27T09:00"),
      budgetMinutes: 25)
    #expect(plan.visits.first?.stop == route.stops[1].id)
    #expect(plan.minutes <= 25)
    #expect(!plan.dropped.isEmpty)
  }

  @Test("recommendations put the route with the wanted topics first")
  func recommend() {
    let ranked = CityWalkPlanner(catalog: catalog).recommend(
      interests: ["low-altitude-economy"], budgetMinutes: 120)
    #expect(ranked.first?.route.id == "low-altitude-autonomous")
  }
}
