import EventModel
import Foundation

/// What tells one imported file from another: its length and a 64-bit FNV-1a hash of its bytes.
/// A change detector for "importing the same file twice changes nothing", not a security
/// measure.
public enum NotesDigest {
  public static func of(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return "\(data.count)-" + String(hash, radix: 16)
  }
}

/// The language of a file, or of one passage of it, when the importer is not told.
public enum TextLanguage {
  /// The language of one passage of a file in `fallback`, from its indexed terms
  /// (`SearchTerms.indexed`: folded words, Han characters and pairs): Chinese when a fifth of
  /// its letters are Han, German or English when its function words clearly say so, else the
  /// file's (a short cue says too little). Bilingual talks keep each passage's own language.
  public static func passage(terms: String, fallback: Language) -> Language {
    let found = counts(terms)
    if found.letters > 0 && found.han * 5 >= found.letters { return .zh }
    if found.de >= 2 && found.de >= 2 * found.en { return .de }
    if found.en >= 2 && found.en >= 2 * found.de { return .en }
    // A file said to be Chinese with a passage of Latin text alone: English unless German.
    if fallback == .zh && found.han == 0 && found.letters >= 20 {
      return found.de > found.en ? .de : .en
    }
    return fallback
  }

  /// A whole file's language (its first 20,000 characters): Chinese when a fifth of its letters
  /// are Han, German when German function words outnumber English ones, else English.
  public static func guess(_ text: some StringProtocol) -> String {
    let found = counts(SearchTerms.indexed(String(text.prefix(20_000))))
    if found.letters > 0 && found.han * 5 >= found.letters { return "zh" }
    return found.de > found.en ? "de" : "en"
  }

  /// Han characters, letters, and German and English function words among indexed terms.
  static func counts(_ terms: String) -> (han: Int, letters: Int, de: Int, en: Int) {
    var found = (han: 0, letters: 0, de: 0, en: 0)
    for term in terms.split(separator: " ") {
      if let first = term.unicodeScalars.first, first.properties.isIdeographic {
        // Pairs repeat the characters counted alone.
        if term.unicodeScalars.count == 1 {
          found.han += 1
          found.letters += 1
        }
        continue
      }
      found.letters += term.unicodeScalars.count
      if foldedGerman.contains(term) {
        found.de += 1
      } else if foldedEnglish.contains(term) {
        found.en += 1
      }
    }
    return found
  }

  /// The function words as `SearchTerms` folds them ("für" is "fur").
  static let foldedGerman: Set<Substring> = [
    "der", "die", "das", "und", "ist", "nicht", "wir", "ich", "mit", "fur",
  ]
  static let foldedEnglish: Set<Substring> = [
    "the", "and", "is", "not", "we", "of", "with", "for", "to", "that",
  ]
}
