import EventModel
import Knowledge
import Matcher

extension Assistant {
  /// The kinds of record a recorded passage is filed under.
  static let mentionTypes: Set<EntityType> = [.topic, .exhibitor, .speaker, .session]

  /// The topics, exhibitors, speakers and sessions a passage mentions, as the matcher
  /// recognises them in a question (names in any of the pack's languages, aliases, typos).
  public func mentions(in text: String) -> [Mention] {
    let found = matcher.entities(in: text).filter { Self.mentionTypes.contains($0.type) }
      .map { Mention(type: $0.type.rawValue, id: $0.id) }
    return Array(Set(found)).sorted()
  }

  /// `mentions(in:)` for the knowledge store's import.
  public var mentionFinder: MentionFinder {
    let assistant = self
    return { assistant.mentions(in: $0) }
  }
}
