/// A subject in the shared taxonomy of exhibitors, sessions, zones and routes.
public struct Topic: Codable, Hashable, Sendable {
  public var id: String
  public var name: LocalizedText
  /// Broader topic, if any ("humanoid-robots" is under "robotics").
  public var parent: String?
  /// Other words for it, any language ("LLM", "大语言模型", "Sprachmodell").
  public var aliases: [String]
  public var provenance: Provenance

  public init(
    id: String, name: LocalizedText, parent: String? = nil, aliases: [String],
    provenance: Provenance
  ) {
    self.id = id
    self.name = name
    self.parent = parent
    self.aliases = aliases
    self.provenance = provenance
  }
}
