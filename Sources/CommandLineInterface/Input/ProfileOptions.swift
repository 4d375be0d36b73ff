import ArgumentParser
import EventModel
import Foundation
import Matcher
import Recommender
import TextLayout

/// `--role`, `--interests` and `--want`: a visitor profile from flags, every name checked
/// against the pack (with close matches when unknown).
struct ProfileOptions: ParsableArguments {
  @Option(name: .long, help: "Who the visitor is: investor, founder, engineer, researcher, ….")
  var role: String?

  @Option(name: .long, help: "Topics, comma-separated, each optionally weighted (robotics:2).")
  var interests: String?

  @Option(
    name: .long, help: "What the visitor wants, comma-separated: demos, buy, invest, learn, ….")
  var want: String?

  /// The role id, topic weights and want ids the flags name.
  func resolved(roles: RoleTable, context: CommandContext) throws -> (
    role: String?, interests: [String: Double], wants: [String]
  ) {
    let roleID = try role.map { try Self.check($0, in: roles.roles, flag: "--role") }
    let wants = try Self.list(want).map { try Self.check($0, in: roles.wants, flag: "--want") }
    return (roleID, try context.weightedTopics(interests), wants)
  }

  /// The same as the assistant's profile (interests by weight, heaviest first).
  func profile(roles: RoleTable, context: CommandContext) throws -> AskProfile {
    let (role, interests, wants) = try resolved(roles: roles, context: context)
    let ordered = interests.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    return AskProfile(role: role, interests: ordered, wants: wants)
  }

  static func check(_ id: String, in list: [RoleProfile], flag: String) throws -> String {
    let folded = TextFolding.fold(id)
    if let found = list.first(where: {
      TextFolding.fold($0.id) == folded
        || $0.name.allTexts.contains { TextFolding.fold($0) == folded }
    }) {
      return found.id
    }
    let close = NameSuggestions.closest(to: id, among: list.map { (key: $0.id, label: $0.id) })
    throw CommandError(
      "\(flag): unknown '\(id)'; "
        + (close.isEmpty ? "" : "did you mean \(close.joined(separator: ", "))? ")
        + "choose from \(list.map(\.id).joined(separator: ", "))")
  }

  static func list(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }
}
