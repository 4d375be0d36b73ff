import Assistant
import EventModel
import Foundation
import Testing

@testable import Matcher

@Suite("Answers built from the pack")
struct AnswerTests {
  @Test(
    "an exhibitor answer names hall, floor, booth and venue, says approximate, and walks from here")
  func exhibitorAnswer() {
    let answer = AnswerFixture.ask("where is Unitree", at: "eh-1f-north")
    #expect(answer.answer.contains("H3-A01"))
    #expect(answer.answer.contains("2F"))
    #expect(answer.answer.contains("Shanghai World Expo Exhibition"))
    #expect(answer.answer.contains("approximate"))
    #expect(answer.answer.contains("min walk"))
    #expect(!answer.suggestions.isEmpty)
    let nowhere = AnswerFixture.ask("where is Unitree")
    #expect(!nowhere.answer.contains("min walk"), "no walking time without a place")
  }

  @Test("walking time grows with distance and the lift is used for another floor")
  func walking() {
    let near = AnswerFixture.ask("how do I get to Huawei", at: "eh-1f-north")
    let far = AnswerFixture.ask("how do I get to the Red Hall", at: "eh-1f-north")
    func metres(_ answer: MatcherAnswer) -> Double {
      if case .number(let value) = answer.slots["walkingMetres"] { return value }
      return -1
    }
    #expect(metres(near) > 0)
    #expect(metres(far) > metres(near))
    #expect(near.answer.contains("\(Int(metres(near))) m"))
    #expect(far.answer.contains("2F"))
  }

  @Test("the nearest facility is chosen from where the visitor stands")
  func nearestFacility() {
    let first = AnswerFixture.ask("where is the nearest restroom", at: "eh-1f-north")
    #expect(first.slots["to"] == .text("eh-1f-wc"))
    let upstairs = AnswerFixture.ask("where is the nearest restroom", at: "h3-j12")
    #expect(upstairs.slots["to"] == .text("eh-2f-wc"))
  }

  @Test("session answers list times and rooms, marked approximate when modelled")
  func sessionAnswer() {
    let answer = AnswerFixture.ask("when does Hinton speak")
    #expect(answer.answer.contains("Main Forum"))
    #expect(answer.answer.contains("~11:15"))
    #expect(answer.slots["sessions"] == .list(["main-forum"]))
  }

  @Test("a speaker without a session is said so, not invented")
  func speakerWithoutSession() {
    let answer = AnswerFixture.ask("when does Yoshua Bengio speak")
    #expect(answer.intent == .findSession)
    #expect(answer.answer.contains("no session"))
  }

  @Test("a day outside the event is said so")
  func dayOutsideEvent() {
    let answer = AnswerFixture.ask("which forums are tomorrow", now: "2026-11-23T10:00")
    #expect(answer.answer.contains("not a day of"))
  }

  @Test("now and nearby: sessions running now, and an honest answer outside the event")
  func nowNearby() {
    let during = AnswerFixture.ask(
      "what's happening now", now: "2025-07-27T15:00", at: "eh-1f-north")
    #expect(during.intent == .nowNearby)
    #expect(during.answer.contains("on now"))
    let after = AnswerFixture.ask("what's happening now", now: "2026-01-01T10:00")
    #expect(after.answer.contains("not on right now"))
  }

  @Test("plan_route returns interests, must-sees and budget as slots")
  func planSlots() {
    let answer = AnswerFixture.ask("plan me two hours of robotics with Unitree")
    #expect(answer.intent == .planRoute)
    #expect(answer.slots["interests"] == .list(["robotics"]))
    #expect(answer.slots["mustSee"] == .list(["unitree"]))
    #expect(answer.slots["budgetMinutes"] == .number(120))
  }

  @Test("two records named by the same words get a clarifying question, not a coin toss")
  func ambiguity() throws {
    var pack = AnswerFixture.catalog.pack
    let index = try #require(pack.exhibitors.firstIndex { $0.id == "moore-threads" })
    pack.exhibitors[index].aliases.append("Unitree")
    let assistant = Assistant(catalog: EventCatalog(pack: pack), lexicon: AnswerFixture.lexicon)
    let answer = assistant.answer("where is Unitree", context: AnswerFixture.context())
    #expect(answer.answer.hasPrefix("Did you mean"))
    #expect(answer.answer.contains("Moore Threads") && answer.answer.contains("Unitree Robotics"))
    #expect(answer.suggestions.count == 2)
  }

  @Test("City Walk answers list the routes or one route's stops, and say the stops are modelled")
  func cityWalk() {
    let all = AnswerFixture.ask("city walk routes")
    #expect(all.answer.contains("three routes"))
    let one = AnswerFixture.ask("tell me about City Walk 2")
    #expect(one.slots["route"] == .text("low-altitude-autonomous"))
    #expect(one.answer.contains("modelled"))
  }

  @Test("the same question gives the same answer")
  func determinism() {
    for labelled in AnswerFixture.questions.prefix(40) {
      let a = AnswerFixture.ask(labelled.q)
      let b = AnswerFixture.ask(labelled.q)
      #expect(a == b)
    }
  }

  @Test("a way in German names halls, facilities and walkway stops in German")
  func germanPlaceNames() {
    let hall = AnswerFixture.ask("Wie weit ist es von Halle H1 nach Halle H3?", at: "eh-1f-north")
    #expect(hall.intent == .directions)
    #expect(hall.answer.contains("Halle H3") && !hall.answer.contains("Hall H3"), "\(hall.answer)")
    let toilet = AnswerFixture.ask("Wo ist die nächste Toilette?", at: "eh-1f-north")
    #expect(toilet.answer.contains("Toiletten") && !toilet.answer.contains("Restrooms"))
    let way = AnswerFixture.assistant.reply(
      to: "Wie komme ich mit dem Rollstuhl zu Unitree?",
      context: AnswerFixture.context(at: "eh-1f-north"))
    for english in ["Drinking water", "Escalators", "Lift 1F", "boxing"] {
      #expect(!way.text.contains(english), "\(english) in \(way.text)")
    }
  }
}
