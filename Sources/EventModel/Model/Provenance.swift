/// Where a record comes from: its sources, and which of its fields no source gives (modelled).
///
/// A source is `seed:FILE` (a seed document), `research:FILE` (the sourced fact sheet), an
/// `http(s)://` URL, `synthetic:GENERATOR` for generated packs, or `schedule:FILE` for the
/// published schedule file a pack was imported from. `modelled` names the fields that
/// were filled in to make the assistant useful; `"*"` means the whole record is modelled.
public struct Provenance: Codable, Hashable, Sendable {
  public var sources: [String]
  public var modelled: [String]
  public var note: String?

  public init(sources: [String] = [], modelled: [String] = [], note: String? = nil) {
    self.sources = sources
    self.modelled = modelled
    self.note = note
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    sources = try container.decodeIfPresent([String].self, forKey: .sources) ?? []
    modelled = try container.decodeIfPresent([String].self, forKey: .modelled) ?? []
    note = try container.decodeIfPresent(String.self, forKey: .note)
  }

  /// A record that no source gives at all.
  public static let modelled = Provenance(modelled: ["*"])

  /// Whether the whole record is modelled.
  public var isWhollyModelled: Bool {
    modelled.contains("*") || (sources.isEmpty && !modelled.isEmpty)
  }

  /// Whether `field` (or the whole record) is modelled rather than sourced.
  public func isModelled(_ field: String) -> Bool {
    isWhollyModelled || modelled.contains(field)
  }

  /// Whether a source string has one of the accepted forms.
  public static func isWellFormedSource(_ source: String) -> Bool {
    for prefix in ["seed:", "research:", "synthetic:", "schedule:"] where source.hasPrefix(prefix) {
      return source.count > prefix.count
    }
    for prefix in ["https://", "http://"] where source.hasPrefix(prefix) {
      return source.count > prefix.count + 3 && !source.contains(" ")
    }
    return false
  }
}
