import EventModel
import Foundation
import Recommender

/// Issue 14's figures: recommendations for a profile, on the WAIC pack and the 10x pack.
enum RecommendBench {
  static func run(name: String, packDirectory: URL, rolesFrom: URL, target: Double) throws {
    let catalog = try PackLoader.load(from: packDirectory)
    let roles = try RoleTable.load(packDirectory: rolesFrom)
    let recommender = Recommender(catalog: catalog, roles: roles)
    let now = catalog.pack.sessions.map(\.start).min() ?? Date()
    let profiles = [
      VisitorProfile(role: "investor", interests: ["embodied-ai": 1], now: now),
      VisitorProfile(role: "family", wants: ["demos"], now: now),
      VisitorProfile(
        role: "engineer", interests: ["ai-chips": 2, "foundation-models": 1], now: now,
        here: catalog.mainEntrance),
    ]
    var times: [Double] = []
    for round in 0..<30 {
      let profile = profiles[round % profiles.count]
      times.append(
        milliseconds { _ = recommender.recommend(profile, language: .en) })
    }
    times.sort()
    print(
      String(
        format:
          "%@: recommendations for a profile (exhibitors, sessions, speakers, City Walk; one profile in three from a place): median %.2f ms, max %.2f ms (target < %.0f ms)",
        name, times[times.count / 2], times[times.count - 1], target))
  }
}
