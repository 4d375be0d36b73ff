import EventModel
import Foundation

/// What a visitor wants; the raw values are part of the JSON contract of `hiwaic ask`.
public enum Intent: String, Codable, CaseIterable, Sendable {
  case findExhibitor = "find_exhibitor"
  case findSession = "find_session"
  case directions
  case planRoute = "plan_route"
  case cityWalk = "city_walk"
  case venueInfo = "venue_info"
  case eventInfo = "event_info"
  case nowNearby = "now_nearby"
  case help
  case greeting
  /// "What should I see?", "I'm an investor interested in robotics": recommendations from the
  /// visitor's profile.
  case recommend
  /// "What did Hinton say about AI safety?": passages of recorded talks and Q&A.
  case talkNotes = "talk_notes"
  case unknown
}

/// The kinds of things a question can name.
public enum EntityType: String, Codable, CaseIterable, Sendable {
  case exhibitor, pavilion, hall, zone, booth, room, venue, session, speaker, organiser, topic
  case route, facility, info, place
}

/// A thing the question names, by its id in the pack.
public struct EntityReference: Codable, Hashable, Sendable {
  public var type: EntityType
  public var id: String
  public var name: String

  public init(type: EntityType, id: String, name: String) {
    self.type = type
    self.id = id
    self.name = name
  }
}

/// A value the matcher understood: a time window, a duration, a list of ids, a yes.
public enum SlotValue: Codable, Hashable, Sendable {
  case flag(Bool)
  case text(String)
  case number(Double)
  case list([String])

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .flag(let flag): try container.encode(flag)
    case .text(let text): try container.encode(text)
    case .number(let number): try container.encode(number)
    case .list(let list): try container.encode(list)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let flag = try? container.decode(Bool.self) {
      self = .flag(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let list = try? container.decode([String].self) {
      self = .list(list)
    } else {
      self = .text(try container.decode(String.self))
    }
  }
}

/// Where and when a question is asked.
public struct AskContext: Sendable {
  /// The clock: drives "now", "today", "tomorrow".
  public var now: Date
  /// The walkway node of the kiosk, for walking times and "nearby".
  public var here: String?
  /// Answer in this language instead of the question's.
  public var language: Language?
  /// The questions asked before in this conversation, oldest first: a follow-up ("make it
  /// step-free", "and tomorrow?", "how do I get there") acts on them. Empty for questions that
  /// stand alone, as in scripts.
  public var earlier: [String]
  /// What the visitor said about themself (the For you screen, the kiosk's "I'm a…" taps):
  /// recommendations start from it.
  public var profile: AskProfile

  public init(
    now: Date, here: String? = nil, language: Language? = nil, earlier: [String] = [],
    profile: AskProfile = AskProfile()
  ) {
    self.now = now
    self.here = here
    self.language = language
    self.earlier = earlier
    self.profile = profile
  }
}

/// Who the visitor is, what interests them and what they want, by ids of the pack's roles,
/// topics and wants.
public struct AskProfile: Codable, Hashable, Sendable {
  public var role: String?
  public var interests: [String]
  public var wants: [String]

  public init(role: String? = nil, interests: [String] = [], wants: [String] = []) {
    self.role = role
    self.interests = interests
    self.wants = wants
  }

  public var isEmpty: Bool { role == nil && interests.isEmpty && wants.isEmpty }
}

/// An answer: the JSON object of `hiwaic ask --format json` (the matcher's understanding, the
/// assistant's words).
public struct MatcherAnswer: Codable, Hashable, Sendable {
  public var question: String
  /// The language the question was understood in.
  public var language: Language
  public var intent: Intent
  /// 0 to 1: how much of the question was understood and how exactly the names matched.
  public var confidence: Double
  public var answer: String
  public var entities: [EntityReference]
  public var slots: [String: SlotValue]
  public var suggestions: [String]

  public init(
    question: String, language: Language, intent: Intent, confidence: Double, answer: String,
    entities: [EntityReference], slots: [String: SlotValue], suggestions: [String]
  ) {
    self.question = question
    self.language = language
    self.intent = intent
    self.confidence = confidence
    self.answer = answer
    self.entities = entities
    self.slots = slots
    self.suggestions = suggestions
  }
}
