/// A practical question a visitor asks (transport, tickets, Wi-Fi…) and its answer.
public struct VisitorInfo: Codable, Hashable, Sendable {
  public var id: String
  public var category: InfoCategory
  public var question: LocalizedText
  public var answer: LocalizedText
  /// Words that point to this entry, in any language.
  public var keywords: [String]
  public var provenance: Provenance

  public init(
    id: String, category: InfoCategory, question: LocalizedText, answer: LocalizedText,
    keywords: [String], provenance: Provenance
  ) {
    self.id = id
    self.category = category
    self.question = question
    self.answer = answer
    self.keywords = keywords
    self.provenance = provenance
  }
}

/// The kind of practical information an entry gives.
public enum InfoCategory: String, PackEnum {
  case transport, tickets, hours, facilities, food, accessibility, wifi
  case lostAndFound = "lost-and-found"
  case firstAid = "first-aid", safety, weather, language, shuttle, general
}
