import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("The plan form: fields, problems, staleness, re-planning")
struct PlanFormTests {
  /// The form at 120×40 with `fields` typed in and the focus on [ Plan ].
  static func form(_ fields: [PlanField: String], now: String = "2025-07-26T10:00") -> AppHarness {
    var app = AppHarness(width: 120, height: 40, now: now)
    app.press(.function(6))
    for (field, text) in fields {
      app.state.planFocus = field
      app.press(.control("a"), .control("k"))
      app.type(text)
    }
    app.state.planFocus = .submit
    return app
  }

  @Test("every unknown name in the form is reported at once, each with its close matches")
  func everyProblemAtOnce() {
    var app = Self.form([
      .interests: "robotix-xyz", .mustSee: "Unitreeee Robotix", .from: "Hall H99",
      .budget: "forever",
    ])
    app.press(.enter)
    let problem = app.state.planProblem ?? ""
    #expect(problem.contains("unknown interest “robotix-xyz”"))
    #expect(
      problem.contains("unknown exhibitor “Unitreeee Robotix” (did you mean Unitree Robotics"))
    #expect(problem.contains("unknown place “Hall H99”"))
    #expect(problem.contains("“forever” is not a time budget"))
    #expect(app.state.planned == nil)
  }

  @Test("a plan whose form changed, or that failed to re-plan, is marked out of date")
  func stale() {
    var app = Self.form([.interests: "robotics"])
    app.press(.enter)
    #expect(app.state.planned != nil && !app.state.planIsStale)
    #expect(app.screen.contains("Your route"))
    #expect(!app.screen.contains("out of date"))
    app.state.planFocus = .budget
    app.press(.control("a"), .control("k"))
    app.type("3h")
    #expect(app.state.planIsStale)
    #expect(app.screen.contains("out of date"))
    app.state.planFocus = .submit
    app.press(.enter)
    #expect(!app.screen.contains("out of date"))
    #expect(app.state.planned?.request.budgetMinutes == 180)
    // A failed try leaves the old plan on screen, marked.
    app.state.planFocus = .mustSee
    app.type("Nobody Such")
    app.state.planFocus = .submit
    app.press(.enter)
    #expect(app.screen.contains("out of date"))
  }

  @Test("Enter moves through the form and never ticks the step-free box; Space does")
  func stepFreeBox() {
    var app = Self.form([:])
    app.state.planFocus = .stepFree
    app.press(.enter)
    #expect(!app.state.planStepFree)
    #expect(app.state.planFocus == .submit)
    app.press(.up, .character(" "))
    #expect(app.state.planStepFree)
    #expect(app.screen.contains("[x]"))
    #expect(app.screen.contains("Space tick or untick"))
  }

  @Test("labels name what a field holds; examples show only in empty fields")
  func labels() {
    let app = Self.form([:])
    let screen = app.screen
    for label in ["Start place", "End place", "Start time", "Time budget"] {
      #expect(screen.contains(label), "\(label)")
    }
    #expect(!screen.contains("Start time (14:00)"))
    #expect(screen.contains("now, or 14:00"))
  }

  @Test("Ctrl-R before the plan starts keeps it; later it keeps the plan's end, in whole minutes")
  func replanKeepsTheEnd() throws {
    var app = Self.form([.interests: "robotics", .start: "14:00", .budget: "2h"])
    app.press(.enter)
    let first = try #require(app.state.planned)
    app.press(.control("r"))
    #expect(app.state.planFields[PlanField.start.rawValue].text == "14:00")
    #expect(app.state.planFields[PlanField.budget.rawValue].text == "2h")
    #expect(app.state.planned?.request.startTime == first.request.startTime)
    // 14:30:47: from 14:30 to the same end, 16:00.
    app.send(.tick(first.request.startTime.addingTimeInterval(30 * 60 + 47)))
    app.press(.control("r"))
    #expect(app.state.planFields[PlanField.start.rawValue].text == "14:30")
    #expect(app.state.planFields[PlanField.budget.rawValue].text == "1h30m")
    let second = try #require(app.state.planned)
    #expect(
      second.request.startTime.addingTimeInterval(second.request.budgetMinutes * 60)
        == first.request.startTime.addingTimeInterval(first.request.budgetMinutes * 60))
    // Done stops are left out and the visit still ends where the first plan ended.
    #expect(second.request.end ?? second.request.start == first.plan.end)
  }

  @Test("a forum on another day is said to be on that day, not out of the time budget")
  func otherDay() {
    var app = Self.form([.sessions: "Embodied Intelligence Forum", .budget: "3h"])
    app.press(.enter)
    #expect(app.state.planned?.plan.leftOut.first?.reason == .otherDay)
    #expect(app.screen.contains("Embodied Intelligence Forum — is on Sun 27 July, not"))
    #expect(!app.screen.contains("does not fit in the time budget"))
  }

  @Test("sessions by title (commas in titles kept apart by ;), and an end place")
  func sessionsAndEnd() throws {
    var app = Self.form([
      .sessions: "Science Frontiers Plenary; open source", .end: "H3-A01", .start: "13:00",
      .budget: "4h",
    ])
    app.press(.enter)
    let planned = try #require(app.state.planned, "\(app.state.planProblem ?? "")")
    #expect(Set(planned.request.attend) == ["science-frontiers", "open-source-forum"])
    #expect(planned.plan.end == app.env.catalog.booth("H3-A01")?.node)
  }

  @Test("a plan from Ask fills the form with names, not ids, and is not stale")
  func fillFromAsk() {
    var app = AppHarness(width: 120, height: 40)
    app.ask("plan me two hours of robotics with Unitree")
    #expect(app.state.planned != nil)
    let must = app.state.planFields[PlanField.mustSee.rawValue].text
    #expect(must == "Unitree Robotics")
    #expect(app.state.planFields[PlanField.interests.rawValue].text == "Robotics")
    #expect(!app.state.planFields[PlanField.start.rawValue].text.contains(":00:00"))
    #expect(!app.state.planIsStale)
    // The form as filled reads back as the same request (the form's planner then searches
    // harder than an answer's, so the order of stops may differ).
    let request = app.state.planned?.request
    app.press(.function(6), .enter)
    #expect(app.state.planProblem == nil)
    let again = app.state.planned?.request
    #expect(again?.interests == request?.interests && again?.mustSee == request?.mustSee)
    #expect(again?.start == request?.start && again?.startTime == request?.startTime)
    #expect(again?.budgetMinutes == request?.budgetMinutes && again?.stepFree == request?.stepFree)
  }

  @Test("at 60×16 the form scrolls so that the field being filled always shows")
  func smallForm() {
    var app = AppHarness(width: 60, height: 16)
    app.press(.function(6))
    for field in PlanField.allCases {
      app.state.planFocus = field
      let frame = app.frame
      let screen = app.screen
      #expect(screen.contains("▶"), "\(field)")
      if field.rawValue < PlanField.stepFree.rawValue { #expect(frame.canvas.cursor != nil) }
    }
  }
}
