import EventModel

/// Corrects misspelt Latin words against the words of the pack's names (symmetric-delete index):
/// one edit for words of five to seven letters, two from eight; never for shorter words, numbers
/// or ordinary words the lexicon knows.
struct Vocabulary: Sendable {
  private var words: [String] = []
  private var wordSet: Set<String> = []
  private var deletes: [String: [Int32]] = [:]

  /// Lexicon words (cues, times) that are not also names: their languages. They are targets only
  /// for longer misspellings in the same language, so that "drain" never becomes "train" and
  /// English "better" never becomes German "wetter".
  private var lexiconLanguages: [Int32: Set<Language>] = [:]

  init(words input: Set<String>, lexiconWords: [String: Set<Language>] = [:]) {
    let all = input.union(lexiconWords.keys)
    for word in all.sorted() where word.count >= 4 && !word.contains(where: \.isNumber) {
      if !input.contains(word), let languages = lexiconWords[word] {
        lexiconLanguages[Int32(words.count)] = languages
      }
      let id = Int32(words.count)
      words.append(word)
      wordSet.insert(word)
      for variant in Self.deletions(of: word, depth: word.count >= 7 ? 2 : 1) {
        deletes[variant, default: []].append(id)
      }
    }
  }

  func contains(_ word: String) -> Bool { wordSet.contains(word) }

  /// The closest pack words, all at the smallest distance found; empty when none is close enough.
  func corrections(for word: String, language: Language? = nil) -> [String] {
    let length = word.count
    guard length >= 5, !wordSet.contains(word), !word.contains(where: \.isNumber) else { return [] }
    let allowed = length >= 8 ? 2 : 1
    var candidates = Set<Int32>()
    for variant in Self.deletions(of: word, depth: allowed) {
      if let ids = deletes[variant] { candidates.formUnion(ids) }
    }
    if let ids = deletes[word] { candidates.formUnion(ids) }
    let characters = Array(word)
    var best = allowed + 1
    var found: [String] = []
    for id in candidates.sorted() {
      let candidate = words[Int(id)]
      if let languages = lexiconLanguages[id] {
        guard length >= 6, let language, languages.contains(language) else { continue }
      }
      let distance = NameSuggestions.editDistance(characters, Array(candidate), limit: allowed)
      if distance < best {
        best = distance
        found = [candidate]
      } else if distance == best {
        found.append(candidate)
      }
    }
    return best <= allowed ? found : []
  }

  /// The word itself and every string made by deleting up to `depth` characters.
  static func deletions(of word: String, depth: Int) -> Set<String> {
    var result: Set<String> = [word]
    var frontier: Set<String> = [word]
    for _ in 0..<depth {
      var next: Set<String> = []
      for item in frontier where item.count > 1 {
        let characters = Array(item)
        for index in characters.indices {
          var shorter = characters
          shorter.remove(at: index)
          next.insert(String(shorter))
        }
      }
      result.formUnion(next)
      frontier = next
    }
    return result
  }
}
