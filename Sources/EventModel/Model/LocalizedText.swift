/// A language the pack and the assistant speak, by its BCP 47 code.
public enum Language: String, CaseIterable, Codable, Hashable, Sendable {
  case en, zh, de

  /// The language's own name, for menus and messages.
  public var nativeName: String {
    switch self {
    case .en: "English"
    case .zh: "中文"
    case .de: "Deutsch"
    }
  }
}

/// Text in several languages, stored as a JSON object keyed by language code: `{"en": …, "zh": …}`.
///
/// The languages are fixed fields rather than a dictionary: packs hold tens of thousands of these,
/// and fixed keys decode about a third faster with Foundation's JSONDecoder.
public struct LocalizedText: Codable, Hashable, Sendable {
  public var en: String?
  public var zh: String?
  public var de: String?

  public init(en: String?, zh: String? = nil, de: String? = nil) {
    self.en = en
    self.zh = zh
    self.de = de
  }

  public init(_ values: [String: String]) {
    self.init(en: values["en"], zh: values["zh"], de: values["de"])
  }

  /// Every language present, by code.
  public var values: [String: String] {
    var result: [String: String] = [:]
    for language in Language.allCases {
      if let text = raw(language) { result[language.rawValue] = text }
    }
    return result
  }

  private func raw(_ language: Language) -> String? {
    switch language {
    case .en: en
    case .zh: zh
    case .de: de
    }
  }

  /// The text in `language`, if the pack has it and it is not blank.
  public subscript(language: Language) -> String? {
    guard let text = raw(language), !Self.isBlank(text) else { return nil }
    return text
  }

  /// The text in `language`, else English, else Chinese, else German.
  public func text(_ language: Language) -> String {
    self[language] ?? self[.en] ?? self[.zh] ?? self[.de] ?? ""
  }

  /// Every non-blank text, for search indexes.
  public var allTexts: [String] { Language.allCases.compactMap { self[$0] } }

  private static func isBlank(_ text: String) -> Bool {
    for byte in text.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
      // Non-ASCII bytes may be a Unicode space (U+3000), so look at those characters properly.
      return byte < 0x80 ? false : text.allSatisfy(\.isWhitespace)
    }
    return true
  }
}
