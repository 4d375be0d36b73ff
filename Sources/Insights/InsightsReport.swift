import Assistant
import EventModel
import Foundation
import Knowledge
import Matcher

/// What visitors asked, for the organisers: how much, in which language, when and where, and
/// the questions the assistant could not answer well, grouped by what they are about.
public struct InsightsReport: Hashable, Sendable, Encodable {
  /// A count under a label ("find_exhibitor", "zh", "14:00", a place).
  public struct Count: Hashable, Sendable, Encodable {
    public var label: String
    public var questions: Int
    public var unanswered: Int
  }

  /// Questions answered badly that are about one thing.
  public struct Gap: Hashable, Sendable, Encodable {
    /// What they are about: a record of the pack ("topic:healthcare") or a word ("wifi").
    public var about: String
    /// The record's or the word's name, for people.
    public var name: String
    public var questions: Int
    /// Up to three of them, the most asked first.
    public var examples: [String]
  }

  public var from: Date?
  public var to: Date?
  public var questions: Int
  public var answered: Int
  public var lowConfidence: Int
  public var byIntent: [Count]
  public var byLanguage: [Count]
  public var byHour: [Count]
  public var byPlace: [Count]
  public var byChannel: [Count]
  /// Questions per kiosk, for a fleet's report (empty for one store).
  public var byKiosk: [Count] = []
  /// The questions asked most, as asked (case and spacing aside).
  public var mostAsked: [Count]
  public var gaps: [Gap]

  /// A question answered with less confidence than this counts among the gaps.
  public static let standardConfidence = 0.5

  /// The report over logged questions; `assistant` understands them (what they are about) and
  /// gives the event's time zone for hours.
  /// `kiosks`, for a fleet, names the kiosk of each logged question.
  public init(
    _ logged: [AskedQuestion], assistant: Assistant, confidenceBelow: Double = standardConfidence,
    top: Int = 10, kiosks: [String]? = nil
  ) {
    let zone = assistant.catalog.timeZone
    from = logged.map(\.askedAt).min()
    to = logged.map(\.askedAt).max()
    questions = logged.count
    answered = logged.filter(\.answered).count
    lowConfidence = logged.filter { $0.answered && $0.confidence < confidenceBelow }.count
    func counts(_ label: (AskedQuestion) -> String?, sortByLabel: Bool = false) -> [Count] {
      var table: [String: Count] = [:]
      for question in logged {
        guard let key = label(question) else { continue }
        var count = table[key] ?? Count(label: key, questions: 0, unanswered: 0)
        count.questions += 1
        if !question.answered { count.unanswered += 1 }
        table[key] = count
      }
      return table.values.sorted {
        sortByLabel
          ? $0.label < $1.label
          : ($0.questions, $1.label) > ($1.questions, $0.label)
      }
    }
    byIntent = counts { $0.intent }
    byLanguage = counts { $0.language.rawValue }
    byChannel = counts { $0.channel }
    if let kiosks, kiosks.count == logged.count {
      var table: [String: Count] = [:]
      for (kiosk, question) in zip(kiosks, logged) {
        var count = table[kiosk] ?? Count(label: kiosk, questions: 0, unanswered: 0)
        count.questions += 1
        if !question.answered { count.unanswered += 1 }
        table[kiosk] = count
      }
      byKiosk = table.values.sorted { ($0.questions, $1.label) > ($1.questions, $0.label) }
    }
    byPlace = counts { question in
      question.place.map { Self.placeName($0, catalog: assistant.catalog) }
    }
    byHour = counts(
      { question in
        let minutes = EventTime.minutesAfterMidnight(question.askedAt, zone: zone)
        return String(format: "%02d:00", minutes / 60)
      }, sortByLabel: true)
    // The same question typed again is one, whatever its case, spacing or final mark.
    var texts: [String: (text: String, count: Int, unanswered: Int)] = [:]
    for question in logged {
      let key = TextFolding.fold(question.text)
      var entry = texts[key] ?? (question.text, 0, 0)
      entry.count += 1
      if !question.answered { entry.unanswered += 1 }
      texts[key] = entry
    }
    mostAsked = texts.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }.prefix(top).map {
      Count(label: $0.text, questions: $0.count, unanswered: $0.unanswered)
    }
    let weak = logged.filter { !$0.answered || $0.confidence < confidenceBelow }
    gaps = Self.gaps(weak, assistant: assistant, top: top)
  }

  /// Weak questions grouped by what they are about: each goes under the record or word of it
  /// that most weak questions share (records before words on a tie), so that "wifi password",
  /// "is there wifi?" and "WLAN?" (one practical entry) are one gap.
  static func gaps(_ weak: [AskedQuestion], assistant: Assistant, top: Int) -> [Gap] {
    let rawKeys = weak.map { question -> [String] in
      let request = assistant.matcher.request(
        for: question.text, context: AskContext(now: question.askedAt))
      let key = assistant.questionKey(question.text, request: request)
      return key.names.sorted() + key.words
    }
    // Forms of one word are one label ("pray", "prayer"): the shortest stands for the others.
    var canonical: [String: String] = [:]
    var labels: [String] = []
    for word in Set(rawKeys.joined()).sorted(by: { ($0.count, $0) < ($1.count, $1) }) {
      let same = word.contains(":") ? nil : labels.first { QuestionKey.sameStem($0, word) }
      canonical[word] = same ?? word
      if same == nil { labels.append(word) }
    }
    let keys = rawKeys.map { key in Array(Set(key.map { canonical[$0] ?? $0 })).sorted() }
    var shared: [String: Int] = [:]
    for key in keys { for label in Set(key) { shared[label, default: 0] += 1 } }
    var groups: [String: [String]] = [:]
    var order: [String] = []
    for (question, key) in zip(weak, keys) {
      let label =
        key.max {
          let left = (shared[$0] ?? 0, $0.contains(":") ? 1 : 0)
          let right = (shared[$1] ?? 0, $1.contains(":") ? 1 : 0)
          return left != right ? left < right : $0 > $1
        } ?? "(no words)"
      if groups[label] == nil { order.append(label) }
      groups[label, default: []].append(question.text)
    }
    return order.map { label -> Gap in
      let texts = groups[label] ?? []
      var seen: [String: (text: String, count: Int)] = [:]
      for text in texts { seen[TextFolding.fold(text), default: (text, 0)].count += 1 }
      let examples = seen.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }.prefix(3)
        .map(\.text)
      return Gap(
        about: label, name: name(of: label, catalog: assistant.catalog), questions: texts.count,
        examples: Array(examples))
    }
    .sorted { ($0.questions, $1.about) > ($1.questions, $0.about) }
    .prefix(top).map { $0 }
  }

  /// "topic:healthcare" as the topic's English name; a word as itself.
  static func name(of label: String, catalog: EventCatalog) -> String {
    let parts = label.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return label }
    let (type, id) = (parts[0], parts[1])
    switch type {
    case "topic": return catalog.topic(id)?.name.text(.en) ?? id
    case "exhibitor": return catalog.exhibitor(id)?.name.text(.en) ?? id
    case "session": return catalog.session(id)?.title.text(.en) ?? id
    case "speaker": return catalog.speaker(id)?.name.text(.en) ?? id
    case "info": return catalog.info(id)?.question.text(.en) ?? id
    case "facility": return id
    default: return placeName(id, catalog: catalog)
    }
  }

  /// A place id as its English name: a named walkway node or a zone, else the id.
  static func placeName(_ id: String, catalog: EventCatalog) -> String {
    catalog.node(id)?.name?.text(.en) ?? catalog.zone(id)?.name.text(.en) ?? id
  }
}
