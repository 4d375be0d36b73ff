/// The outcome of looking a name up: one record, several, or none with close matches.
public enum Resolution<Value> {
  case found(Value)
  case ambiguous([Value])
  case notFound(suggestions: [String])
}

/// Finds records by id or any of their names, whatever the case, accents or width.
public struct NameIndex: Sendable {
  private var positions: [String: [Int]] = [:]
  private var candidates: [(key: String, label: String)] = []

  /// `keys(i)` are the names record `i` answers to; `label(i)` is how suggestions show it.
  public init(count: Int, keys: (Int) -> [String], label: (Int) -> String) {
    for position in 0..<count {
      let shown = label(position)
      for key in keys(position) {
        let folded = TextFolding.fold(key)
        guard !folded.isEmpty else { continue }
        if positions[folded, default: []].last != position {
          positions[folded, default: []].append(position)
        }
        candidates.append((key, shown))
      }
    }
  }

  /// Positions of the records whose id or name folds to the same text.
  public func exact(_ text: String) -> [Int] {
    positions[TextFolding.fold(text)] ?? []
  }

  /// Positions of records with a name that starts with, or contains, the text (at least three
  /// characters, or one Han character), when there is no exact match.
  public func partial(_ text: String) -> [Int] {
    let folded = TextFolding.fold(text)
    let isHan = folded.unicodeScalars.contains { $0.value >= 0x3400 }
    guard folded.count >= 3 || (isHan && !folded.isEmpty) else { return [] }
    var found: [Int] = []
    var seen = Set<Int>()
    for (key, list) in positions where key.contains(folded) {
      for position in list where seen.insert(position).inserted { found.append(position) }
    }
    return found.sorted()
  }

  /// Labels of records whose names are close to the text.
  public func suggestions(for text: String, limit: Int = 3) -> [String] {
    NameSuggestions.closest(to: text, among: candidates, limit: limit)
  }

  /// Exact match first, then a unique partial match, else the close matches.
  public func resolve<Value>(_ text: String, _ value: (Int) -> Value) -> Resolution<Value> {
    let exactMatches = exact(text)
    if exactMatches.count == 1 { return .found(value(exactMatches[0])) }
    if exactMatches.count > 1 { return .ambiguous(exactMatches.map(value)) }
    let partialMatches = partial(text)
    if partialMatches.count == 1 { return .found(value(partialMatches[0])) }
    if partialMatches.count > 1 { return .ambiguous(partialMatches.map(value)) }
    return .notFound(suggestions: suggestions(for: text))
  }
}
