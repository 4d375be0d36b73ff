/// A practical question a visitor asks (transport, tickets, Wi-Fi…) and its answer.
public struct VisitorInfo: Codable, Hashable, Sendable {
  public var id: String
  public var category: InfoCategory
  public var question: LocalizedText
  public var answer: LocalizedText
  /// Words that point to this entry, in any language.
  public var keywords: [String]
  /// The one language a keyword is a word of, where the pack lists its keywords by language;
  /// a keyword absent here (or listed under several languages) belongs to none.
  public var keywordLanguages: [String: Language]
  public var provenance: Provenance

  public init(
    id: String, category: InfoCategory, question: LocalizedText, answer: LocalizedText,
    keywords: [String], keywordLanguages: [String: Language] = [:], provenance: Provenance
  ) {
    self.id = id
    self.category = category
    self.question = question
    self.answer = answer
    self.keywords = keywords
    self.keywordLanguages = keywordLanguages
    self.provenance = provenance
  }

  private enum CodingKeys: String, CodingKey {
    case id, category, question, answer, keywords, provenance
  }

  /// The keys of keywords given by language: the pack's languages, and `any` for words of none
  /// in particular (brands, "Wi-Fi").
  private struct KeywordKey: CodingKey {
    static let anyLanguage = "any"
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    category = try container.decode(InfoCategory.self, forKey: .category)
    question = try container.decode(LocalizedText.self, forKey: .question)
    answer = try container.decode(LocalizedText.self, forKey: .answer)
    provenance = try container.decode(Provenance.self, forKey: .provenance)
    // A plain list says nothing about languages; an object lists the words of each.
    if (try? container.nestedUnkeyedContainer(forKey: .keywords)) != nil {
      // Decoded again to report what in the list is not a word.
      keywords = try container.decode([String].self, forKey: .keywords)
      keywordLanguages = [:]
      return
    }
    let byLanguage = try container.nestedContainer(keyedBy: KeywordKey.self, forKey: .keywords)
    var all: [String] = []
    var languagesOf: [String: Set<Language>] = [:]
    // Read in a fixed order, not the file's, so that the same pack gives the same list.
    let known = Language.allCases.map(\.rawValue) + [KeywordKey.anyLanguage]
    for key in byLanguage.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorruptedError(
        forKey: key, in: byLanguage,
        debugDescription:
          "'\(key.stringValue)' is not a language of the pack: keywords are listed under "
          + known.map { "'\($0)'" }.joined(separator: ", "))
    }
    for name in known {
      let key = KeywordKey(stringValue: name)
      guard let words = try byLanguage.decodeIfPresent([String].self, forKey: key) else {
        continue
      }
      let language = Language(rawValue: name)
      for word in words {
        if languagesOf[word] == nil { all.append(word) }
        languagesOf[word, default: []].formUnion(language.map { [$0] } ?? Language.allCases)
      }
    }
    let single = languagesOf.compactMapValues { $0.count == 1 ? $0.first : nil }
    // Each language's words, then the rest: the order the entry is written back in.
    keywords =
      Language.allCases.flatMap { language in all.filter { single[$0] == language } }
      + all.filter { single[$0] == nil }
    keywordLanguages = single
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(category, forKey: .category)
    try container.encode(question, forKey: .question)
    try container.encode(answer, forKey: .answer)
    if keywordLanguages.isEmpty {
      try container.encode(keywords, forKey: .keywords)
    } else {
      var byLanguage = container.nestedContainer(keyedBy: KeywordKey.self, forKey: .keywords)
      for language in Language.allCases {
        let words = keywords.filter { keywordLanguages[$0] == language }
        if !words.isEmpty {
          try byLanguage.encode(words, forKey: KeywordKey(stringValue: language.rawValue))
        }
      }
      let neutral = keywords.filter { keywordLanguages[$0] == nil }
      if !neutral.isEmpty {
        try byLanguage.encode(neutral, forKey: KeywordKey(stringValue: KeywordKey.anyLanguage))
      }
    }
    try container.encode(provenance, forKey: .provenance)
  }
}

/// The kind of practical information an entry gives.
public enum InfoCategory: String, PackEnum {
  case transport, tickets, hours, facilities, food, accessibility, wifi
  case lostAndFound = "lost-and-found"
  case firstAid = "first-aid", safety, weather, language, shuttle, general
}
