import Assistant
import EventModel
import Foundation
import Matcher

/// One labelled question of an evaluation set: what a visitor asked, in which language, and
/// what a right answer is about (its intent and the records it must name).
public struct LabelledQuestion: Codable, Sendable {
  public var q: String
  public var lang: String
  public var intent: String
  public var entities: [String]
  /// Event time of the question (ISO 8601, event-local); default 2025-07-26T10:00.
  public var now: String?
  /// Where the visitor stands (a walkway node), for directions and "near me".
  public var at: String?
}

/// What the assistant made of one labelled question.
public struct Graded: Sendable {
  public var question: LabelledQuestion
  public var intent: String
  public var language: String
  public var entities: [String]
  /// The intent is the labelled one.
  public var intentRight: Bool { intent == question.intent }
  /// Every labelled record is among the answer's entities.
  public var entitiesRight: Bool { Set(question.entities).isSubset(of: Set(entities)) }
  /// Answered in the question's language.
  public var languageRight: Bool { language == question.lang }
  /// Intent, key records and language all right.
  public var right: Bool { intentRight && entitiesRight && languageRight }
}

/// Grades an assistant on labelled questions and on off-topic queries.
public struct Evaluator: Sendable {
  public let assistant: Assistant
  public static let defaultNow = "2025-07-26T10:00"

  public init(assistant: Assistant) { self.assistant = assistant }

  public func grade(_ question: LabelledQuestion) -> Graded {
    let zone = assistant.catalog.timeZone
    let now =
      EventTime.parse(question.now ?? Self.defaultNow, zone: zone)
      ?? EventTime.parse(Self.defaultNow, zone: zone) ?? Date()
    let reply = assistant.reply(
      to: question.q, context: AskContext(now: now, here: question.at))
    let answer = reply.answer
    return Graded(
      question: question, intent: answer.intent.rawValue, language: answer.language.rawValue,
      entities: answer.entities.map { "\($0.type.rawValue):\($0.id)" })
  }

  /// Whether an off-topic query was answered as if it were in scope.
  public func acceptsOffTopic(_ text: String) -> Bool {
    let zone = assistant.catalog.timeZone
    let now = EventTime.parse(Self.defaultNow, zone: zone) ?? Date()
    return assistant.reply(to: text, context: AskContext(now: now)).answer.intent != .unknown
  }

  public static func load(_ url: URL) throws -> [LabelledQuestion] {
    try JSONDecoder().decode([LabelledQuestion].self, from: Data(contentsOf: url))
  }
}

/// CLINC150 queries (`text<TAB>label`), for false accepts.
public enum OffTopicQueries {
  /// CLINC intents a conference visitor may fairly ask a kiosk, where an in-scope answer
  /// (greeting, help, the event's weather or dates, directions, food) is not a false accept.
  /// Chosen by what the intent means, before any measurement.
  public static let overlapping: Set<String> = [
    "greeting", "goodbye", "thank_you", "what_can_i_ask_you", "are_you_a_bot", "what_is_your_name",
    "weather", "date", "time", "directions", "restaurant_suggestion", "meal_suggestion",
    "lost_luggage", "change_language", "where_are_you_from", "who_made_you", "meaning_of_life",
    "tell_joke", "fun_fact", "yes", "no", "maybe", "repeat", "cancel",
  ]

  /// Rows of a CLINC TSV file, without the comment line.
  public static func load(_ url: URL) throws -> [(text: String, label: String)] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2 else { return nil }
      return (String(fields[0]), String(fields[1]))
    }
  }
}

/// Figures of a graded set, for `make eval` and the tests.
public struct EvaluationReport: Sendable {
  public var graded: [Graded]

  public init(graded: [Graded]) { self.graded = graded }

  public func share(_ filter: (Graded) -> Bool = { _ in true }, _ right: (Graded) -> Bool)
    -> (right: Int, total: Int)
  {
    let chosen = graded.filter(filter)
    return (chosen.filter(right).count, chosen.count)
  }

  /// Expected intent → predicted intent → count.
  public var confusion: [String: [String: Int]] {
    var table: [String: [String: Int]] = [:]
    for item in graded { table[item.question.intent, default: [:]][item.intent, default: 0] += 1 }
    return table
  }
}
