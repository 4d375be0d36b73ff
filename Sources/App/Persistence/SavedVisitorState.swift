import Assistant
import EventModel
import Foundation
import Planner

/// What the interactive assistant keeps of a visitor between runs: favourites, the plan and the
/// form it came from, recent questions and the screen language. A kiosk never keeps one.
public struct SavedVisitorState: Codable, Equatable, Sendable {
  /// The layout this hiwaic writes; a file of another layout is set aside, never misread.
  public static let currentVersion = 1
  /// Recent questions kept for ↑/↓ recall.
  public static let recentLimit = 50
  /// Favourites kept per kind: far more than a visit has, few enough to bound the file.
  public static let favouriteLimit = 1_000

  public var version: Int
  /// The pack the ids belong to (its manifest id).
  public var pack: String
  public var language: Language
  public var favouriteSessions: [String]
  public var favouriteExhibitors: [String]
  public var recentQuestions: [String]
  /// The plan form's text by field name, and its step-free box.
  public var planForm: [String: String]
  public var planStepFree: Bool
  /// The request of the last plan made: planning is deterministic, so the plan comes back from it.
  public var plan: SavedPlanRequest?
  /// Whether the form had changed since that plan was made (absent in older files: no).
  public var planStale: Bool?
  /// The City Walk kept in My plan, with its timing.
  public var plannedWalk: PlannedWalk?
  /// Who the visitor is and what interests them (For you).
  public var profile: ProfileChoice?

  /// The part of `state` worth keeping, for the pack `packID`.
  public init(_ state: AppState, packID: String) {
    version = Self.currentVersion
    pack = packID
    language = state.language
    favouriteSessions = Array(state.favouriteSessions.suffix(Self.favouriteLimit))
    favouriteExhibitors = Array(state.favouriteExhibitors.suffix(Self.favouriteLimit))
    recentQuestions = Array(state.recentQuestions.suffix(Self.recentLimit))
    var form: [String: String] = [:]
    for field in PlanField.textFields {
      let text = state.planFields[safe: field.rawValue]?.text ?? ""
      if !text.isEmpty { form[field.name] = text }
    }
    planForm = form
    planStepFree = state.planStepFree
    plan = state.planned.map { SavedPlanRequest($0.request) }
    planStale = state.planIsStale ? true : nil
    plannedWalk = state.plannedWalk
    profile = state.profile.isEmpty ? nil : state.profile
  }
}

/// A plan's request as kept in the state file.
public struct SavedPlanRequest: Codable, Equatable, Sendable {
  public var interests: [String: Double]
  public var mustSee: [String]
  public var attend: [String]
  public var start: String
  public var startTime: Date
  public var budgetMinutes: Double
  public var end: String?
  public var stepFree: Bool
  public var done: [String]
  /// What the profile made each exhibitor worth (absent in files from before profiles).
  public var profileValue: [String: Double]?

  init(_ request: VisitRequest) {
    interests = request.interests
    mustSee = request.mustSee
    attend = request.attend
    start = request.start
    startTime = request.startTime
    budgetMinutes = request.budgetMinutes
    end = request.end
    stepFree = request.stepFree
    done = request.done.sorted()
    profileValue = request.profileValue.isEmpty ? nil : request.profileValue
  }

  /// The request again, or nil when the pack no longer has everything it names (or a number in
  /// it makes no sense: the file may have been edited by hand).
  func request(in catalog: EventCatalog) -> VisitRequest? {
    guard catalog.node(start) != nil, end.map({ catalog.node($0) != nil }) ?? true,
      mustSee.allSatisfy({ catalog.exhibitor($0) != nil }),
      attend.allSatisfy({ catalog.session($0) != nil }),
      interests.keys.allSatisfy({ catalog.topic($0) != nil }),
      interests.values.allSatisfy({ $0.isFinite && $0 >= 0 && $0 <= 10 }),
      VisitLimits.budgetMinutes.contains(budgetMinutes), startTime.timeIntervalSince1970.isFinite,
      (profileValue ?? [:]).allSatisfy({
        catalog.exhibitor($0.key) != nil && (0...1).contains($0.value)
      })
    else { return nil }
    var request = VisitRequest(
      interests: interests, mustSee: mustSee, attend: attend, start: start, startTime: startTime,
      budgetMinutes: budgetMinutes, end: end, stepFree: stepFree, done: Set(done))
    request.profileValue = profileValue ?? [:]
    return request
  }
}

extension PlanField {
  /// The fields that hold text, in order.
  static var textFields: [PlanField] {
    allCases.filter { $0.rawValue < PlanField.stepFree.rawValue }
  }

  /// The field's name in the state file.
  var name: String {
    switch self {
    case .interests: "interests"
    case .mustSee: "must-see"
    case .sessions: "sessions"
    case .from: "from"
    case .end: "end"
    case .start: "start"
    case .budget: "budget"
    case .stepFree: "step-free"
    case .submit: "submit"
    }
  }
}
