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
  public let provenance: Provenance
  public let roles: [RoleProfile]
  public let wants: [RoleProfile]
  /// Per role, then per want: each name and alias folded, as the bytes to look for (Han text
  /// anywhere, words between spaces). Worked out once: folding them for every question cost
  /// more than the rest of reading a visitor's profile.
  private let searchKeys: [[[UInt8]]]

  enum CodingKeys: String, CodingKey {
    case provenance, roles, wants
  }

  /// The pack file, `roles.json`.
  public static let fileName = "roles.json"

  public init(provenance: Provenance = .modelled, roles: [RoleProfile], wants: [RoleProfile]) {
    self.provenance = provenance
    self.roles = roles
    self.wants = wants
    searchKeys = (roles + wants).map(Self.searchKeys(of:))
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      provenance: try container.decode(Provenance.self, forKey: .provenance),
      roles: try container.decode([RoleProfile].self, forKey: .roles),
      wants: try container.decode([RoleProfile].self, forKey: .wants))
  }

  private static func searchKeys(of profile: RoleProfile) -> [[UInt8]] {
    (profile.name.allTexts + (profile.aliases ?? [])).compactMap { word in
      let key = TextFolding.fold(word)
      guard !key.isEmpty else { return nil }
      let isHan = key.unicodeScalars.contains { $0.properties.isIdeographic }
      return Array((isHan ? key : " " + key + " ").utf8)
    }
  }

  public func role(_ id: String) -> RoleProfile? { roles.first { $0.id == id } }
  public func want(_ id: String) -> RoleProfile? { wants.first { $0.id == id } }

  /// The role and the wants a visitor's words name ("I'm an investor", "我是学生", "ich suche
  /// Lieferanten"): names and aliases as whole words, Han ones anywhere. The role named first
  /// wins; wants in the table's order.
  public func mentioned(in text: String) -> (role: String?, wants: [String]) {
    // Both sides folded the same way, so a match is the same bytes; positions are byte offsets
    // (in the order of the text's characters).
    let folded = Array((" " + TextFolding.fold(text) + " ").utf8)
    func position(_ profile: Int) -> Int? {
      searchKeys[profile].compactMap { Self.firstOffset(of: $0, in: folded) }.min()
    }
    let role = roles.indices.compactMap { index in position(index).map { (roles[index].id, $0) } }
      .min { $0.1 < $1.1 }?.0
    return (role, wants.indices.filter { position(roles.count + $0) != nil }.map { wants[$0].id })
  }

  /// Where `needle` first occurs in `haystack`, as a byte offset.
  static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    let first = needle[0]
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      var matched = true
      for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
        matched = false
        break
      }
      if matched { return start }
    }
    return nil
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
