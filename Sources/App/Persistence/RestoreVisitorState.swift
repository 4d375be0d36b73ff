import Assistant
import EventModel
import Foundation
import Planner

extension AppState {
  /// Takes in what reading the state file found; false when the file must not be written
  /// (it is there but could be neither read nor moved aside). `home` shortens paths to `~`.
  public mutating func restore(
    _ loaded: VisitorStateStore.Loaded, env: AppEnvironment, keepLanguage: Bool, home: String?
  ) -> Bool {
    func shown(_ path: String) -> String {
      guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
      return "~" + path.dropFirst(home.count)
    }
    switch loaded {
    case .fresh: return true
    case .restored(let saved):
      restore(saved, env: env, keepLanguage: keepLanguage)
      return true
    case .setAside(_, let movedTo):
      notice = t(
        "Your saved favourites and plan could not be read; kept as \(shown(movedTo)), starting afresh.",
        "无法读取已保存的收藏和行程；原文件另存为\(shown(movedTo))，重新开始。")
      return true
    case .unreadable(let reason):
      notice = t(
        "Your saved favourites and plan could not be read (\(reason)); nothing will be saved.",
        "无法读取已保存的收藏和行程（\(reason)）；本次不会保存。")
      return false
    }
  }

  /// Takes back what the visitor kept last time. Favourites the pack no longer has and a plan
  /// naming places it no longer has are left out, and the status line says so. The language
  /// comes back unless `keepLanguage` (the command line chose one).
  public mutating func restore(
    _ saved: SavedVisitorState, env: AppEnvironment, keepLanguage: Bool = false
  ) {
    let catalog = env.catalog
    if !keepLanguage { language = saved.language }
    favouriteSessions = unique(saved.favouriteSessions).filter { catalog.session($0) != nil }
    favouriteExhibitors = unique(saved.favouriteExhibitors).filter { catalog.exhibitor($0) != nil }
    let dropped =
      unique(saved.favouriteSessions).count + unique(saved.favouriteExhibitors).count
      - favouriteSessions.count - favouriteExhibitors.count
    recentQuestions = saved.recentQuestions.suffix(SavedVisitorState.recentLimit).map {
      String($0.prefix(LineEditor.limit))
    }
    for field in PlanField.textFields {
      if let text = saved.planForm[field.name] { planFields[field.rawValue] = LineEditor(text) }
    }
    planStepFree = saved.planStepFree
    var planLost = false
    if let savedPlan = saved.plan {
      if let request = savedPlan.request(in: catalog) {
        planned = PlannedVisit(
          request: request, plan: VisitPlanner(catalog: catalog).plan(request), startReason: .asked)
        // A form changed after its plan stays marked as such.
        planMadeFrom =
          saved.planStale == true ? PlanFormSnapshot(fields: [], stepFree: !planStepFree) : planForm
      } else {
        planLost = true
      }
    }
    plannedWalk = saved.plannedWalk.flatMap { walk in
      catalog.pack.cityWalks.contains { $0.id == walk.route }
        && walk.start.timeIntervalSince1970.isFinite
        ? walk : nil
    }
    if let saved = saved.profile {
      // Only what the pack knows: a topic or role it no longer has is left out.
      profile = ProfileChoice(
        role: saved.role.flatMap { env.roles.role($0) != nil ? $0 : nil },
        interests: saved.interests.filter { catalog.topic($0) != nil },
        wants: saved.wants.filter { env.roles.want($0) != nil })
    }
    var problems: [String] = []
    if dropped > 0 {
      problems.append(
        t(
          "\(dropped) saved favourite\(dropped == 1 ? " is" : "s are") no longer in this event's data",
          "\(dropped)个已收藏项目已不在本活动数据中"))
    }
    if planLost {
      problems.append(
        t("your saved plan names places no longer in this event's data", "已保存的行程包含本活动数据中已没有的地点"))
    }
    if !problems.isEmpty {
      notice = problems.joined(separator: t("; ", "；")) + t(".", "。")
    }
  }

  private func unique(_ ids: [String]) -> [String] {
    var seen: Set<String> = []
    return ids.filter { seen.insert($0).inserted }
  }
}
