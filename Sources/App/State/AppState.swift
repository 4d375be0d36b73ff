import Assistant
import EventModel
import Foundation
import Kiosk
import Knowledge
import Matcher

/// The screens of the assistant, tabs in order, then Here & now (opened by a scanned code).
public enum Screen: Int, CaseIterable, Sendable {
  case ask, exhibitors, schedule, map, plan, cityWalk, myPlan, help, hereNow, forYou, talks

  /// The screens with a tab.
  public static let tabs: [Screen] = [
    .ask, .exhibitors, .schedule, .map, .plan, .cityWalk, .myPlan, .forYou, .talks, .help,
  ]

  /// The function key and number key of the screen's tab: F1 (and 1) is help, as in every
  /// terminal program; F2 to F8 (and 2 to 9) the other tabs in order; 0 Talks & Q&A (F10
  /// quits).
  public var key: Int? {
    if self == .help { return 1 }
    if self == .talks { return 0 }
    return Self.tabs.firstIndex(of: self).map { $0 + 2 }
  }

  /// The screen whose tab answers to function key or number `key`.
  public static func tab(key: Int) -> Screen? {
    if key == 0 { return .talks }
    return key == 1 ? .help : tabs.filter { $0 != .help && $0 != .talks }[safe: key - 2]
  }
}

/// One question and what the assistant said.
public struct Exchange: Sendable {
  public var question: String
  public var reply: AssistantReply
  public var actions: [AskAction]
}

/// Something a visitor can do with an answer: see it on the map, keep it, plan it, or ask a
/// follow-up.
public enum AskAction: Hashable, Sendable {
  case showOnMap(node: String, route: [String])
  case favouriteExhibitor(String)
  case favouriteSession(String)
  case openPlan
  case ask(String)
  /// Show the answer as a QR code to take away.
  case handOff
}

/// A pane whose text can be longer than the pane, scrolled with PgUp/PgDn.
public enum Pane: Hashable, Sendable {
  case exhibitorDetail, sessionDetail, planRoute, myPlanRoute, cityWalkRoute, help, forYou
  case talksDetail
}

/// A City Walk route kept in My plan: which, from when, within how long.
public struct PlannedWalk: Codable, Hashable, Sendable {
  public var route: String
  public var start: Date
  public var budgetMinutes: Double?

  public init(route: String, start: Date, budgetMinutes: Double?) {
    self.route = route
    self.start = start
    self.budgetMinutes = budgetMinutes
  }
}

/// What a visitor told the assistant about themself: a role, their interests, what they want.
public typealias ProfileChoice = AskProfile

/// A favourite taken out of My plan, with where it was.
public struct RemovedFavourite: Hashable, Sendable {
  public var id: String
  public var isSession: Bool
  public var position: Int
  /// The City Walk, when that is what was removed.
  public var walk: PlannedWalk?
}

/// Where the keys go on the Ask screen.
public enum AskFocus: Sendable {
  case line, actions
}

/// The planner form's fields, in order.
public enum PlanField: Int, CaseIterable, Sendable {
  case interests, mustSee, sessions, from, end, start, budget, stepFree, submit
}

/// The plan form's text and step-free box, to tell whether the plan shown is still what the
/// form asks for.
public struct PlanFormSnapshot: Hashable, Sendable {
  public var fields: [String]
  public var stepFree: Bool
}

/// All the mutable state of the terminal assistant, owned by the app loop and changed only by
/// `AppUpdate.update`.
public struct AppState: Sendable {
  public var screen: Screen = .ask
  /// Screens to go back to with Esc.
  public var history: [Screen] = []
  public var language: Language
  public var width: Int
  public var height: Int
  public var now: Date
  /// The walkway node of the kiosk or visitor (`--at`).
  public var here: String?
  public var quitRequested = false
  /// A one-line notice in the status bar ("Saved to …").
  public var notice: String?

  // Ask
  public var question = LineEditor()
  /// Questions asked, oldest first, for ↑/↓ on an empty line (kept between runs).
  public var recentQuestions: [String] = []
  /// Questions answered since the loop last wrote the anonymous log (it empties this after
  /// every message; nothing of it is shown or kept with the visitor's state).
  public var unloggedQuestions: [AskedQuestion] = []
  /// Talks & Q&A: the search, the filter and what the store gave for them.
  public var talks = TalksState()
  /// The recorded notes of the session chosen on the Schedule.
  public var sessionNotes: SessionNotes?
  /// Which recent question ↑/↓ shows, counted back from the newest; nil when not recalling.
  public var recall: Int?
  public var conversation: [Exchange] = []
  public var selectedAction = 0
  /// Whether the keyboard is on the question line or on the last answer's actions.
  public var askFocus: AskFocus = .line
  /// Lines scrolled back from the newest.
  public var askScroll = 0

  // Exhibitors
  public var exhibitorSearch = LineEditor()
  public var searchingExhibitors = false
  /// Index into the pack's pavilions, or nil for all.
  public var pavilionFilter: Int?
  public var exhibitorSelection = 0

  // Schedule
  /// The day shown, by index into the event's days; nil for today (the first day outside the
  /// event).
  public var dayIndex: Int?
  /// Rooms × time instead of the list.
  public var timetable = false
  public var sessionFilter = LineEditor()
  public var filteringSessions = false
  public var onlyFavourites = false
  public var sessionSelection = 0

  // Favourites (in the order they were added)
  public var favouriteSessions: [String] = []
  public var favouriteExhibitors: [String] = []

  // Map
  public var mapFloor = 0
  /// Cells per 10 metres, as a zoom step: 0 fits the floor, each step doubles.
  public var mapZoom = 0
  public var mapPanX = 0
  public var mapPanY = 0
  public var mapRoute: [String] = []
  public var mapTarget: String?
  /// The booth marked on the map (b, a click, a find), whose exhibitor Enter shows.
  public var mapBooth: String?
  /// The map's find field (`/`): an exhibitor, room, booth or facility to centre on.
  public var mapSearch = LineEditor()
  public var searchingMap = false

  // Plan
  public var planFields: [LineEditor] = Array(
    repeating: LineEditor(), count: PlanField.stepFree.rawValue)
  public var planStepFree = false
  public var planFocus: PlanField = .interests
  public var planned: PlannedVisit?
  public var planProblem: String?
  /// The form as it was when the shown plan was made: a different form makes the plan stale.
  public var planMadeFrom: PlanFormSnapshot?

  // City Walk and My plan
  public var walkSelection = 0
  /// Whether ↑↓ move through the chosen route's stops (after Enter) rather than the routes.
  public var walkStops = false
  public var walkStopSelection = 0
  /// When the City Walk timing starts (nil: the default start) and how long it may take (nil:
  /// the whole route).
  public var walkStart: Date?
  public var walkBudgetMinutes: Double?
  /// The City Walk kept in My plan, with its timing.
  public var plannedWalk: PlannedWalk?
  public var myPlanSelection = 0
  /// The favourite last taken out of My plan, for u to put back.
  public var lastRemoved: RemovedFavourite?

  // Here & now, QR hand-off and scanner input
  public var hereNow: HereAndNow?
  public var hereNowScroll = 0
  public var handOff: HandOff?
  public var scan = ScanBuffer()

  /// Rows scrolled down in each pane that overflows (reset when what it shows changes).
  public var paneScroll: [Pane: Int] = [:]

  // For you: the visitor's profile and what it recommends
  public var profile = ProfileChoice()
  /// Whether ↑↓ move through the profile (role, wants, interests) or the recommendations.
  public var forYouOnList = false
  public var profileSelection = 0
  public var forYouSelection = 0

  /// Kiosk mode, when on.
  public var kiosk: KioskState?

  public init(width: Int, height: Int, now: Date, here: String?, language: Language = .en) {
    self.width = width
    self.height = height
    self.now = now
    self.here = here
    self.language = language
    planFields[PlanField.budget.rawValue] = LineEditor("2h")
  }

  /// The text field that has the keyboard, if any: printable keys go there.
  public var typingField: Bool {
    switch screen {
    case .ask: askFocus == .line
    case .exhibitors: searchingExhibitors
    case .schedule: filteringSessions
    case .map: searchingMap
    case .plan: planFocus.rawValue < PlanField.stepFree.rawValue
    case .talks: talks.searching
    default: false
    }
  }

  /// The plan form as it is now.
  public var planForm: PlanFormSnapshot {
    PlanFormSnapshot(fields: planFields.map(\.text), stepFree: planStepFree)
  }

  /// Whether the form has changed since the plan shown was made.
  public var planIsStale: Bool {
    planned != nil && planMadeFrom.map { $0 != planForm } ?? false
  }

  func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
}
