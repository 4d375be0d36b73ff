import Assistant
import EventModel
import Foundation
import Recommender
import TerminalUI

/// The rows of the For you screen's profile, and what the profile recommends: one answer for
/// the view that draws them and the update that handles keys on them.
struct ForYouRows {
  enum Row: Hashable {
    case role
    case want(String)
    case interest(String)
  }

  let env: AppEnvironment
  let state: AppState

  var catalog: EventCatalog { env.catalog }
  var roles: RoleTable { env.roles }

  /// The role, then the wants, then every topic of the pack.
  var profileRows: [Row] {
    [.role] + roles.wants.map { .want($0.id) } + catalog.pack.topics.map { .interest($0.id) }
  }

  /// The recommendations for the profile: exhibitors, sessions, then a City Walk.
  var recommendations: [Recommendation] {
    let profile = state.profile
    guard !profile.isEmpty else { return [] }
    let visitor = VisitorProfile(
      role: profile.role,
      interests: Dictionary(profile.interests.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }),
      wants: profile.wants, now: state.now, here: state.here)
    return env.recommender.recommend(visitor, language: state.language)
  }
}

extension AppUpdate {
  /// For you: ↑↓ through the profile (Space or Enter ticks; ←→ change the role), → to the
  /// recommendations (Enter shows one, f keeps it in My plan, m shows it on the map), ← back.
  static func forYouKey(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) {
    let rows = ForYouRows(env: env, state: state)
    if state.forYouOnList {
      let picks = rows.recommendations
      switch key {
      case .left, .escape:
        state.forYouOnList = false
      case .enter:
        if let pick = picks[safe: state.forYouSelection] { show(pick, &state, env) }
      case .character("f"), .character(" "):
        if let pick = picks[safe: state.forYouSelection] { keep(pick, &state, env) }
      case .character("m"):
        if let pick = picks[safe: state.forYouSelection], let node = node(of: pick, env) {
          showOnMap(node: node, route: route(to: node, state, env), &state, env)
        }
      default:
        state.forYouSelection = move(state.forYouSelection, key, count: picks.count)
      }
      return
    }
    let profileRows = rows.profileRows
    let row = profileRows[safe: state.profileSelection]
    switch key {
    case .left where row == .role, .right where row == .role:
      cycleRole(by: key == .left ? -1 : 1, &state, env)
    case .right:
      if !rows.recommendations.isEmpty { state.forYouOnList = true }
    case .enter, .character(" "):
      switch row {
      case .role: cycleRole(by: 1, &state, env)
      case .want(let id): toggle(id, in: &state.profile.wants)
      case .interest(let id): toggle(id, in: &state.profile.interests)
      case nil: break
      }
      state.forYouSelection = 0
    case .escape: back(&state)
    default:
      state.profileSelection = move(state.profileSelection, key, count: profileRows.count)
    }
  }

  /// The next (or previous) role, then none.
  static func cycleRole(by step: Int, _ state: inout AppState, _ env: AppEnvironment) {
    let ids = [nil] + env.roles.roles.map { Optional($0.id) }
    let current = ids.firstIndex(of: state.profile.role) ?? 0
    state.profile.role = ids[(current + step + ids.count) % ids.count]
    state.forYouSelection = 0
  }

  /// Shows a recommendation where it lives.
  static func show(_ pick: Recommendation, _ state: inout AppState, _ env: AppEnvironment) {
    switch pick.kind {
    case .exhibitor: show(MyPlanItems.Item(id: pick.id, kind: .exhibitor), &state, env)
    case .session: show(MyPlanItems.Item(id: pick.id, kind: .session), &state, env)
    case .speaker:
      // Their sessions, on every day, by their name.
      state.sessionFilter = LineEditor(
        env.catalog.speaker(pick.id)?.name.text(state.language) ?? pick.id)
      state.filteringSessions = false
      state.sessionSelection = 0
      state.timetable = false
      go(.schedule, &state)
    case .citywalk:
      state.walkSelection = env.catalog.pack.cityWalks.firstIndex { $0.id == pick.id } ?? 0
      state.walkStops = true
      state.walkStopSelection = 0
      go(.cityWalk, &state)
    }
  }

  /// Keeps a recommendation in My plan (a City Walk from its default start).
  static func keep(_ pick: Recommendation, _ state: inout AppState, _ env: AppEnvironment) {
    switch pick.kind {
    case .exhibitor:
      if !state.favouriteExhibitors.contains(pick.id) { state.favouriteExhibitors.append(pick.id) }
    case .session:
      if !state.favouriteSessions.contains(pick.id) { state.favouriteSessions.append(pick.id) }
    case .speaker:
      // Keeping a speaker keeps their next session.
      let next = env.catalog.pack.sessions.filter {
        $0.speakers.contains(pick.id) && $0.end > state.now
      }.min { $0.start < $1.start }
      if let next, !state.favouriteSessions.contains(next.id) {
        state.favouriteSessions.append(next.id)
      }
    case .citywalk:
      state.plannedWalk = PlannedWalk(
        route: pick.id, start: CityWalkTiming.start(state, env.catalog), budgetMinutes: nil)
    }
    state.notice = state.t("★ \(pick.name) is in my plan", "★ \(pick.name)已加入我的行程")
  }

  /// Where a recommendation is on the map, if it is in a hall or room.
  static func node(of pick: Recommendation, _ env: AppEnvironment) -> String? {
    let catalog = env.catalog
    switch pick.kind {
    case .exhibitor: return catalog.exhibitor(pick.id)?.booth.flatMap { catalog.booth($0)?.node }
    case .session: return catalog.session(pick.id).flatMap { catalog.room($0.room)?.node }
    case .speaker:
      return catalog.pack.sessions.first { $0.speakers.contains(pick.id) }.flatMap {
        catalog.room($0.room)?.node
      }
    case .citywalk:
      return catalog.pack.cityWalks.first { $0.id == pick.id }?.stops.compactMap(\.node).first
    }
  }
}
