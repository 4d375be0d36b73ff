import EventModel
import Foundation
import Matcher
import Planner
import Testing

@testable import Assistant

enum AssistantFixture {
  static let packDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Data/waic2025")
  static let assistant = try! Assistant.load(packDirectory: packDirectory)
  static var catalog: EventCatalog { assistant.catalog }

  static func context(_ now: String, at: String? = nil) -> AskContext {
    AskContext(now: EventTime.parse(now, zone: catalog.timeZone)!, here: at)
  }
}

@Suite("The assistant: plans and directions worked out")
struct AssistantTests {
  let assistant = AssistantFixture.assistant
  let catalog = AssistantFixture.catalog

  @Test(
    "a forum added to a plan on request is one the visitor can reach, and the reply names it",
    arguments: [
      (
        "plan five hours on AI governance from 1pm on Sunday", "add a forum please",
        "Added the forum"
      ),
      ("周日下午一点开始规划五小时的人工智能治理参观", "再加一场论坛", "已加入论坛"),
      (
        "Plane fünf Stunden KI-Governance ab 13 Uhr am Sonntag", "füge ein Forum hinzu",
        "Forum hinzugefügt"
      ),
    ])
  func addForum(first: String, followUp: String, said: String) throws {
    var context = AssistantFixture.context("2025-07-26T10:00")
    let before = assistant.reply(to: first, context: context)
    #expect(before.plan?.plan.stops.contains { $0.kind == .session } == false)
    context.earlier = [first]
    let reply = assistant.reply(to: followUp, context: context)
    let planned = try #require(reply.plan, "\(reply.text)")
    guard case .added(let added) = planned.forum else {
      Issue.record("no forum added: \(reply.text)")
      return
    }
    let session = try #require(catalog.session(added))
    #expect(planned.plan.stops.contains { $0.id == added })
    #expect(session.start >= planned.request.startTime)
    #expect(session.topics.contains { catalog.topicAndNarrower("ai-governance").contains($0) })
    #expect(reply.text.contains(said), "\(reply.text)")
  }

  @Test("a forum asked for where none fits is said not to fit, and the plan stays without one")
  func noForumFits() throws {
    var context = AssistantFixture.context("2025-07-26T10:00")
    context.earlier = ["plan me one hour of robotics"]
    let reply = assistant.reply(to: "add a forum to it", context: context)
    let planned = try #require(reply.plan)
    #expect(planned.forum == .noneFits)
    #expect(!planned.plan.stops.contains { $0.kind == .session })
    #expect(reply.text.contains("No forum starts and ends within"))
  }

  @Test("a plan question gets a feasible plan with its must-see, within its budget")
  func planReply() throws {
    let reply = assistant.reply(
      to: "plan me two hours of robotics, must see unitree",
      context: AssistantFixture.context("2025-07-26T10:30"))
    #expect(reply.answer.intent == .planRoute)
    let planned = try #require(reply.plan)
    #expect(planned.request.budgetMinutes == 120)
    #expect(planned.request.interests.keys.contains("robotics"))
    #expect(planned.startReason == .now)
    #expect(
      planned.request.startTime == EventTime.parse("2025-07-26T10:30", zone: catalog.timeZone))
    #expect(planned.plan.stops.contains { $0.id == "unitree" })
    #expect(planned.plan.finish.timeIntervalSince(planned.request.startTime) <= 120 * 60 + 1)
    // Every stop is in the text, by name, in the plan's order.
    var searchFrom = reply.text.startIndex
    for stop in planned.plan.stops {
      let name = try #require(catalog.exhibitor(stop.id)?.name.en)
      let found = try #require(
        reply.text.range(of: name, range: searchFrom..<reply.text.endIndex), "\(name)")
      searchFrom = found.upperBound
    }
    // Most stops are about robotics (diminishing returns may add a neighbour or two).
    let robotics = catalog.topicAndNarrower("robotics")
    let onTopic = planned.plan.stops.filter { stop in
      catalog.exhibitor(stop.id)?.topics.contains { robotics.contains($0) } == true
    }
    #expect(onTopic.count * 2 > planned.plan.stops.count)
  }

  @Test("the plan starts when asked; outside the event's days the reply says which day it uses")
  func planStart() throws {
    let asked = try #require(
      assistant.reply(
        to: "plan tomorrow afternoon 1 hour of chips",
        context: AssistantFixture.context("2025-07-26T09:00")
      ).plan)
    #expect(asked.startReason == .asked)
    #expect(
      EventTime.format(asked.request.startTime, zone: catalog.timeZone).hasPrefix(
        "2025-07-27T13:00"))
    #expect(asked.request.budgetMinutes == 60)

    let over = assistant.reply(
      to: "plan me two hours of robotics", context: AssistantFixture.context("2026-11-23T15:00"))
    #expect(over.plan?.startReason == .eventOver)
    #expect(over.text.contains("The event is over"))
    let first = try #require(catalog.days.first)
    #expect(
      over.plan.map { EventTime.localDate($0.request.startTime, zone: catalog.timeZone) } == first)

    let tomorrowAfter = try #require(
      assistant.reply(
        to: "plan tomorrow afternoon 1 hour of chips",
        context: AssistantFixture.context("2026-11-23T09:00")
      ).plan)
    #expect(tomorrowAfter.startReason == .eventOver)
    #expect(
      EventTime.format(tomorrowAfter.request.startTime, zone: catalog.timeZone).hasPrefix(
        "2025-07-26T13:00"))

    let early = assistant.reply(
      to: "plan me an hour of robotics", context: AssistantFixture.context("2025-07-01T08:00"))
    #expect(early.plan?.startReason == .nextDay)
    #expect(early.text.contains("has not started"))
  }

  @Test("a plan starts where the visitor is")
  func planFromHere() throws {
    let node = try #require(catalog.booth("H3-A01")?.node)
    let planned = try #require(
      assistant.reply(
        to: "plan 1 hour of robotics",
        context: AssistantFixture.context("2025-07-26T10:00", at: node)
      ).plan)
    #expect(planned.request.start == node)
  }

  @Test(
    "directions from the visitor's place come with legs; step-free avoids stairs and escalators")
  func directions() throws {
    let from = try #require(catalog.pack.walkways.nodes.first { $0.kind == .entrance }?.id)
    let plain = assistant.reply(
      to: "how do I get to Unitree", context: AssistantFixture.context("2025-07-26T10:00", at: from)
    )
    let way = try #require(plain.directions)
    #expect(way.from == from)
    #expect(way.to == catalog.booth(catalog.exhibitor("unitree")!.booth!)?.node)
    #expect(!way.route.legs.isEmpty)
    #expect(plain.text.contains("Total:"))

    let stepFree = try #require(
      assistant.reply(
        to: "how do I get to Unitree in a wheelchair",
        context: AssistantFixture.context("2025-07-26T10:00", at: from)
      ).directions)
    #expect(stepFree.stepFree)
    let edges = catalog.pack.walkways.edges
    for (a, b) in zip(stepFree.route.nodes, stepFree.route.nodes.dropFirst()) {
      let edge = edges.first { ($0.from == a && $0.to == b) || ($0.from == b && $0.to == a) }
      #expect(edge?.kind.isStepFree != false, "\(a) → \(b)")
    }
  }

  @Test(
    "walking steps are written in the visitor's language, with the total last",
    arguments: [(Language.en, "Total:"), (.zh, "全程"), (.de, "Insgesamt ")])
  func directionsWording(language: Language, total: String) throws {
    let route = try #require(
      WalkingRouter(catalog: catalog).route(from: "eh-1f-north", to: "h3-j12", stepFree: true))
    let lines = DirectionsWriter(catalog: catalog, language: language).lines(route)
    #expect(lines.count == route.legs.count + 1)
    #expect(lines.last?.hasPrefix(total) == true, "\(lines)")
    if language != .en {
      // Not one English step word in Chinese or German directions.
      for word in ["Take the", "Walk", "lift to", "escalator"] {
        #expect(!lines.joined().contains(word), "\(word) in \(lines)")
      }
    }
  }

  @Test("counts are written in each language, with German's own plural")
  func counts() {
    let forms = ("Sitzung", "Sitzungen")
    #expect(Labels(language: .de).count(1, "session", "场活动", forms) == "1 Sitzung")
    #expect(Labels(language: .de).count(3, "session", "场活动", forms) == "3 Sitzungen")
    #expect(Labels(language: .en).count(3, "session", "场活动", forms) == "3 sessions")
    #expect(Labels(language: .zh).count(3, "session", "场活动", forms) == "3 场活动")
  }

  @Test("without a place to start, directions stay an answer without legs")
  func directionsWithoutHere() {
    let reply = assistant.reply(
      to: "where is Unitree", context: AssistantFixture.context("2025-07-26T10:00"))
    #expect(reply.directions == nil)
    #expect(reply.plan == nil)
    #expect(reply.text == reply.answer.answer)
  }
}
