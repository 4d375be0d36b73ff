import EventModel
import Foundation

/// What a role (investor, family, …) or a want (see demos, invest, …) looks for: extra weight on
/// topics and kinds of session, on companies, on hands-on demos and on well-known stands. Pack
/// data (`roles.json`), modelled where no source gives it.
public struct RoleProfile: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  /// Other words for it in any language ("vc", "风投", "Geldgeber"), found in what a visitor
  /// says about themself.
  public var aliases: [String]?
  public var topics: [String: Double]
  public var sessionKinds: [String: Double]
  /// Weight on every exhibitor (companies to meet, buy from, work for).
  public var exhibitors: Double
  /// Weight on exhibitors with something to see and on City Walk routes.
  public var demos: Double
  /// Weight on well-known exhibitors.
  public var prominence: Double
  /// Weight on what a stand offers ("startups" for an investor, "products" for a buyer): the
  /// other side of two-sided matching.
  public var seeks: [String: Double]?
}

/// The pack's roles and wants, with where they come from.
public struct RoleTable: Codable, Hashable, Sendable {
  public var provenance: Provenance
  public var roles: [RoleProfile]
  public var wants: [RoleProfile]

  /// The pack file, `roles.json`.
  public static let fileName = "roles.json"

  public init(provenance: Provenance = .modelled, roles: [RoleProfile], wants: [RoleProfile]) {
    self.provenance = provenance
    self.roles = roles
    self.wants = wants
  }

  public func role(_ id: String) -> RoleProfile? { roles.first { $0.id == id } }
  public func want(_ id: String) -> RoleProfile? { wants.first { $0.id == id } }

  /// The role and the wants a visitor's words name ("I'm an investor", "我是学生", "ich suche
  /// Lieferanten"): names and aliases as whole words, Han ones anywhere. The role named first
  /// wins; wants in the table's order.
  public func mentioned(in text: String) -> (role: String?, wants: [String]) {
    let folded = " " + TextFolding.fold(text) + " "
    func position(_ profile: RoleProfile) -> String.Index? {
      let words = profile.name.allTexts + (profile.aliases ?? [])
      return words.compactMap { word -> String.Index? in
        let key = TextFolding.fold(word)
        guard !key.isEmpty else { return nil }
        let isHan = key.unicodeScalars.contains { $0.properties.isIdeographic }
        return folded.range(of: isHan ? key : " " + key + " ")?.lowerBound
      }.min()
    }
    let role = roles.compactMap { profile in position(profile).map { (profile.id, $0) } }
      .min { $0.1 < $1.1 }?.0
    return (role, wants.filter { position($0) != nil }.map(\.id))
  }

  /// Why a role table could not be read: the file and what is wrong, located.
  public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var issue: PackIssue
    public var description: String { issue.description }
  }

  /// Reads `roles.json` from a pack; a pack without one has no roles (matching by interests
  /// alone still works).
  public static func load(packDirectory: URL) throws(LoadError) -> RoleTable {
    let path = packDirectory.appendingPathComponent(fileName).path
    let data: Data
    do {
      data = try BoundedFile.read(path, limit: 1 << 20)
    } catch .missing {
      return RoleTable(roles: [], wants: [])
    } catch {
      throw LoadError(issue: PackIssue(.missingFile, file: fileName, message: error.description))
    }
    do {
      let table = try JSONDecoder().decode(RoleTable.self, from: data)
      for (index, profile) in (table.roles + table.wants).enumerated() {
        let weights =
          Array(profile.topics.values) + Array(profile.sessionKinds.values)
          + Array((profile.seeks ?? [:]).values) + [
            profile.exhibitors, profile.demos, profile.prominence,
          ]
        if let unknown = (profile.seeks ?? [:]).keys.sorted().first(where: {
          ExhibitorOffer(rawValue: $0) == nil
        }) {
          throw LoadError(
            issue: PackIssue(
              .invalidValue, file: fileName, path: "$[\(index)] \(profile.id).seeks",
              message:
                "seeks '\(unknown)', which no stand can offer (use \(ExhibitorOffer.allCases.map(\.rawValue).joined(separator: ", ")))"
            ))
        }
        guard weights.allSatisfy({ $0.isFinite && abs($0) <= 10 }) else {
          throw LoadError(
            issue: PackIssue(
              .invalidValue, file: fileName, path: "$[\(index)] \(profile.id)",
              message: "has a weight that is not a number from -10 to 10"))
        }
      }
      return table
    } catch let error as LoadError {
      throw error
    } catch {
      throw LoadError(issue: PackLoader.decodingIssue(for: error, data: data, file: fileName))
    }
  }
}
