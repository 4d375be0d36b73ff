import ArgumentParser
import Assistant
import EventModel
import Foundation
import Recommender
import TextLayout

/// A recommendation as `hiwaic recommend --format json` writes it.
struct RecommendationRecord: Encodable {
  var kind: Recommendation.Kind
  var id: String
  var name: String
  var score: Double
  var reasons: [String]
}

/// `hiwaic recommend`: exhibitors, sessions and a City Walk for a visitor profile, each with why.
struct RecommendCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract:
      "Recommend exhibitors, sessions, speakers and a City Walk for a visitor profile, with reasons.",
    discussion: """
      Roles and wants are pack data (roles.json; on the WAIC pack modelled: no source gives \\
      them). A shared rare topic counts more than a common one; sessions that have ended are \\
      never recommended; picks are spread over topics. JSON: an array of {kind, id, name, \\
      score, reasons}.

      Examples:
        hiwaic recommend --role investor --interests embodied-ai
        hiwaic recommend --role family --want demos --lang zh
        hiwaic recommend --role engineer --interests ai-chips --format json
        hiwaic recommend --role researcher --until 23:59
      """)

  @OptionGroup var profileOptions: ProfileOptions

  @Option(name: .long, help: "Where the visitor is (for how far away things are).")
  var at: String?

  @Option(
    name: .long,
    help: "When the visitor has to leave (16:00, or 2025-07-27T16:00): later sessions are left out."
  )
  var until: String?

  @Option(name: .long, help: "How many of each kind.")
  var limit: Int = 5

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let table: RoleTable
    do {
      table = try RoleTable.load(packDirectory: context.directory)
    } catch {
      throw CommandError(error.description)
    }
    guard (1...50).contains(limit) else { throw CommandError("--limit must be from 1 to 50") }
    let (roleID, weights, wants) = try profileOptions.resolved(roles: table, context: context)
    let here = try at.map { try CommandContext.place($0, catalog: catalog, flag: "--at") }
    // A clock time ("16:00") is on the visitor's day.
    let leaving = try until.map { text -> Date in
      if let minutes = EventTime.clockMinutes(text) {
        let day = EventTime.localDate(context.now, zone: catalog.timeZone)
        return EventTime.startOfDay(day, zone: catalog.timeZone).addingTimeInterval(
          Double(minutes) * 60)
      }
      return try context.time(text, flag: "--until")
    }
    if let leaving, leaving <= context.now {
      let clock = EventTime.clockTime(context.now, zone: catalog.timeZone)
      throw CommandError("--until must be later than now (\(clock))")
    }
    let profile = VisitorProfile(
      role: roleID, interests: weights, wants: wants, now: context.now, here: here, until: leaving)
    let picks = Recommender(catalog: catalog, roles: table).recommend(
      profile, language: output.lang, limit: limit)
    let wording = RecommendationWording(
      catalog: catalog, roles: table, language: output.lang, now: context.now)
    if output.format == .json {
      return try OutputFormatting.json(
        picks.map {
          RecommendationRecord(
            kind: $0.kind, id: $0.id, name: $0.name, score: $0.score, reasons: wording.reasons($0))
        })
    }
    guard !picks.isEmpty else {
      return output.lang == .zh
        ? "请说说您的兴趣或身份（--interests、--role），以便推荐。"
        : "Tell me what interests you or who you are (--interests, --role) to get recommendations."
    }
    var lines: [String] = []
    for kind in [Recommendation.Kind.exhibitor, .session, .speaker, .citywalk] {
      let ofKind = picks.filter { $0.kind == kind }
      guard !ofKind.isEmpty else { continue }
      if !lines.isEmpty { lines.append("") }
      lines.append(heading(kind))
      for (index, pick) in ofKind.enumerated() {
        lines.append("\(index + 1). \(pick.name)")
        lines.append("   " + wording.line(pick))
      }
    }
    return lines.joined(separator: "\n")
  }

  func heading(_ kind: Recommendation.Kind) -> String {
    let zh = output.lang == .zh
    switch kind {
    case .exhibitor: return zh ? "推荐展商" : "Exhibitors for you"
    case .session: return zh ? "推荐活动" : "Sessions for you"
    case .speaker: return zh ? "推荐嘉宾" : "Speakers for you"
    case .citywalk: return zh ? "推荐城市漫步路线" : "City Walk for you"
    }
  }
}
