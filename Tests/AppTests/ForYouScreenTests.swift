import EventModel
import Foundation
import Recommender
import TerminalUI
import Testing

@testable import App

@Suite("For you: the profile, what it recommends and why")
struct ForYouScreenTests {
  /// The For you screen with a role chosen (→ on the role row) and interests ticked by id.
  static func forYou(role steps: Int = 1, interests: [String] = [], language: Language = .en)
    -> AppHarness
  {
    var app = AppHarness(width: 120, height: 40, language: language)
    app.send(.target(.tab(.forYou)))
    for _ in 0..<steps { app.press(.right) }
    let rows = ForYouRows(env: app.env, state: app.state)
      .profileRows
    for id in interests {
      if let index = rows.firstIndex(of: .interest(id)) {
        app.state.profileSelection = index
        app.press(.character(" "))
      }
    }
    return app
  }

  @Test("saying who you are in Ask fills the profile; the next question and For you use it")
  func askFillsProfile() {
    var app = AppHarness(width: 120, height: 40)
    app.ask("I'm an engineer interested in AI chips")
    #expect(app.state.profile.role == "engineer")
    #expect(app.state.profile.interests == ["ai-chips"])
    #expect(app.screen.contains("For you (as engineer; interested in AI chips):"), "\(app.screen)")
    app.ask("what else should I see?")
    #expect(app.state.conversation.last?.reply.answer.intent == .recommend)
    #expect(app.state.conversation.last?.reply.text.hasPrefix("For you (as engineer") == true)
    app.send(.target(.tab(.forYou)))
    #expect(app.screen.contains("I am: ‹ engineer ›"))
    #expect(app.screen.contains("[x] AI chips"))
  }

  @Test("an empty profile asks for one; a role and an interest give explained recommendations")
  func recommends() {
    var app = AppHarness(width: 120, height: 40)
    app.send(.target(.tab(.forYou)))
    #expect(app.screen.contains("Tell me who you are and what interests you"))
    app = Self.forYou(interests: ["embodied-ai"])
    #expect(app.state.profile.role == "investor")
    #expect(app.state.profile.interests == ["embodied-ai"])
    let screen = app.screen
    app.press(.home)
    #expect(app.screen.contains("I am: ‹ investor ›"))
    #expect(screen.contains("[x] Embodied AI"))
    #expect(screen.contains("Unitree Robotics"))
    #expect(screen.contains("shares Embodied AI with your interests"))
    #expect(screen.contains("for you as investor: Start-ups and investment"))
    #expect(screen.contains("Investment and Financing Forum"))
  }

  @Test("the role changes what comes first")
  func roleChangesOrder() {
    let investor = Self.forYou(role: 1, interests: ["humanoid-robots"])
    let family = Self.forYou(
      role: 1 + (AppHarness.roles.roles.firstIndex { $0.id == "family" } ?? 0),
      interests: ["humanoid-robots"])
    #expect(family.state.profile.role == "family")
    let first = { (app: AppHarness) in
      ForYouRows(env: app.env, state: app.state)
        .recommendations.first?.id
    }
    #expect(first(investor) != first(family))
  }

  @Test("→ to the list; f keeps a pick in My plan, Enter shows it, m shows it on the map")
  func actOnPicks() throws {
    var app = Self.forYou(interests: ["embodied-ai"])
    app.press(.right)
    #expect(app.state.forYouOnList)
    let picks = ForYouRows(env: app.env, state: app.state)
      .recommendations
    let unitree = try #require(picks.firstIndex { $0.id == "unitree" })
    app.state.forYouSelection = unitree
    app.press(.character("f"))
    #expect(app.state.favouriteExhibitors == ["unitree"])
    #expect(app.screen.contains("★ Unitree Robotics"))
    app.press(.character("m"))
    #expect(app.state.screen == .map)
    #expect(app.state.mapTarget == app.env.catalog.booth("H3-A01")?.node)
    app.send(.target(.tab(.forYou)))
    app.press(.enter)
    #expect(app.state.screen == .exhibitors)
  }

  @Test("in Chinese throughout; the profile is kept with the visitor's state")
  func chineseAndSaved() {
    var app = Self.forYou(interests: ["ai-chips"], language: .zh)
    let screen = app.screen
    app.press(.home)
    #expect(app.screen.contains("我是：‹ 投资人 ›"))
    #expect(screen.contains("与您的兴趣相同"))
    let saved = SavedVisitorState(app.state, packID: "waic2025")
    var again = AppHarness()
    again.state.restore(saved, env: again.env)
    #expect(again.state.profile == app.state.profile)
  }

  @Test("a kiosk's idle reset forgets the profile")
  func kioskForgets() {
    var app = AppHarness.kiosk()
    app.press(.enter)
    app.send(.target(.tab(.forYou)))
    app.press(.right)
    #expect(app.state.profile.role == "investor")
    app.wait(61)
    app.wait(60)
    #expect(app.state.profile.isEmpty)
  }

  @Test("a kiosk visitor gets there in three taps: a role, an interest, a recommendation")
  func kioskThreeTaps() throws {
    var app = AppHarness.kiosk(width: 120, height: 40)
    #expect(app.screen.contains("I'm a… 我是…"))
    app.click(.attractRole("family"))
    #expect(app.state.screen == .forYou && app.state.profile.role == "family")
    let rows = ForYouRows(env: app.env, state: app.state)
      .profileRows
    let robots = try #require(rows.firstIndex(of: .interest("service-robots")))
    app.send(.target(.profileRow(robots)))
    #expect(app.state.profile.interests == ["service-robots"])
    app.click(.recommendation(0))
    app.click(.recommendation(0))
    #expect(app.state.screen == .exhibitors)
  }
}

@Suite("The profile feeds the planner")
struct ProfilePlanTests {
  @Test("with no interests typed, the plan follows the profile's")
  func planFromProfile() throws {
    var app = AppHarness(width: 120, height: 40)
    app.state.profile = ProfileChoice(role: "engineer", interests: ["ai-chips"])
    app.press(.function(6))
    app.state.planFocus = .submit
    #expect(app.screen.contains("your profile's interests"))
    app.press(.enter)
    let planned = try #require(app.state.planned)
    #expect(planned.request.interests == ["ai-chips": 1])
    // The interest says what the plan is about; the role only orders the stands within it.
    let stops = planned.plan.stops.map(\.id)
    #expect(!stops.isEmpty)
    #expect(
      stops.allSatisfy { app.env.catalog.exhibitor($0)?.topics.contains("ai-chips") == true },
      "\(stops)")
    #expect(!planned.request.profileValue.isEmpty)
  }
}
