import EventModel
import Foundation
import Matcher

/// What a query command works with: the loaded pack and the clock.
struct CommandContext: Sendable {
  /// The pack's directory, found once.
  let directory: URL
  let catalog: EventCatalog
  let now: Date

  init(options: PackOptions) throws {
    do {
      directory = try PackLocator.locate(explicit: options.pack)
    } catch {
      throw CommandError(error.description)
    }
    do {
      catalog = try PackLoader.load(from: directory)
    } catch {
      throw CommandError(error.description)
    }
    if let text = options.now {
      guard let date = EventTime.parse(text, zone: catalog.timeZone) else {
        throw CommandError(
          "--now '\(text)' is not a time: use ISO 8601, e.g. 2025-07-27T14:30 (event time) or 2025-07-27T06:30Z"
        )
      }
      now = date
    } else {
      now = Date()
    }
  }

  /// The matcher's lexicon (and intent model) of the pack.
  func lexicon() throws -> Lexicon {
    do {
      return try Lexicon.load(packDirectory: directory)
    } catch {
      throw CommandError(error.description)
    }
  }

  /// Resolves a name the user typed against an index, or fails with the close matches.
  func resolve<Value>(
    _ text: String, in index: NameIndex, what: String, flag: String, _ value: (Int) -> Value,
    label: (Value) -> String
  ) throws -> Value {
    switch index.resolve(text, value) {
    case .found(let found):
      return found
    case .ambiguous(let many):
      let names = many.prefix(6).map(label).joined(separator: ", ")
      throw CommandError("\(flag) '\(text)' matches several \(what)s: \(names); be more specific")
    case .notFound(let suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
      throw CommandError("\(flag): unknown \(what) '\(text)'\(hint)")
    }
  }

  /// The time a `--start` flag names (event-local ISO 8601), or the clock when it is not given.
  func time(_ text: String?, flag: String) throws -> Date {
    guard let text else { return now }
    guard let parsed = EventTime.parse(text, zone: catalog.timeZone) else {
      throw CommandError("\(flag) '\(text)' is not a time: use ISO 8601, e.g. 2025-07-27T14:00")
    }
    return parsed
  }

  /// A walkway node for a place flag, or a clear error with close matches.
  /// Copies the shipped pack's lexicon into a pack that has none of its own (a generated or an
  /// imported one): the matcher's question words are language data, not event data. Returns
  /// the name of the pack it came from, nil when there was none to copy.
  static func copyShippedLexicon(into directory: URL) -> String? {
    guard let shipped = try? PackLocator.locate(explicit: nil, environment: [:]) else { return nil }
    let target = directory.appendingPathComponent("lexicon")
    try? FileManager.default.removeItem(at: target)
    guard
      (try? FileManager.default.copyItem(
        at: shipped.appendingPathComponent("lexicon"), to: target)) != nil
    else { return nil }
    return shipped.lastPathComponent
  }

  static func place(_ text: String, catalog: EventCatalog, flag: String) throws -> String {
    switch catalog.resolvePlace(text) {
    case .found(let node): return node
    case .ambiguous: throw CommandError("\(flag): '\(text)' names several places; be more specific")
    case .notFound(let suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
      throw CommandError("\(flag): unknown place '\(text)'\(hint)")
    }
  }

  /// `--interests robotics:2,ai-chips`: topic id → weight (1 unless given, 0.1 to 100).
  func weightedTopics(_ text: String?) throws -> [String: Double] {
    var weights: [String: Double] = [:]
    let items = (text ?? "").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    for item in items {
      let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      guard let name = parts.first, !name.isEmpty else {
        throw CommandError("--interests: '\(item)' names no topic; write topic or topic:weight")
      }
      let topic = try resolveTopic(name)
      var weight = 1.0
      if parts.count == 2 {
        guard let value = Double(parts[1]), RouteCommand.weightRange.contains(value) else {
          throw CommandError(
            "--interests: the weight of \(name) must be a number from 0.1 to 100, not '\(parts[1])'"
          )
        }
        weight = value
      }
      weights[topic.id] = weight
    }
    return weights
  }

  func resolveTopic(_ text: String) throws -> Topic {
    try resolve(
      text, in: catalog.topicNames, what: "topic", flag: "--topic", { catalog.pack.topics[$0] },
      label: \.id)
  }

  func resolvePavilion(_ text: String) throws -> Pavilion {
    try resolve(
      text, in: catalog.pavilionNames, what: "pavilion", flag: "--pavilion",
      { catalog.pack.pavilions[$0] },
      label: { $0.id })
  }
}
