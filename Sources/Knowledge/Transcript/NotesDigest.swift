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

/// The language of a text when the importer is not told: Chinese when a fifth of its letters
/// are Han, German when German words outnumber English ones, else English.
public enum TextLanguage {
  /// The language of one passage of a file in `fallback`, from its indexed terms
  /// (`SearchTerms.indexed`: folded words, Han characters and pairs): Chinese when a fifth of
  /// its letters are Han, German or English when its function words clearly say so, else the
  /// file's (a short cue says too little). Bilingual talks keep each passage's own language.
  public static func passage(terms: String, fallback: Language) -> Language {
    var han = 0
    var letters = 0
    var de = 0
    var en = 0
    for term in terms.split(separator: " ") {
      if let first = term.unicodeScalars.first, first.properties.isIdeographic {
        // Pairs repeat the characters counted alone.
        if term.unicodeScalars.count == 1 {
          han += 1
          letters += 1
        }
        continue
      }
      letters += term.unicodeScalars.count
      if foldedGerman.contains(term) {
        de += 1
      } else if foldedEnglish.contains(term) {
        en += 1
      }
    }
    if letters > 0 && han * 5 >= letters { return .zh }
    if de >= 2 && de >= 2 * en { return .de }
    if en >= 2 && en >= 2 * de { return .en }
    // A file said to be Chinese with a passage of Latin text alone: English unless German.
    if fallback == .zh && han == 0 && letters >= 20 { return de > en ? .de : .en }
    return fallback
  }

  /// The function words as `SearchTerms` folds them ("für" is "fur").
  static let foldedGerman: Set<Substring> = [
    "der", "die", "das", "und", "ist", "nicht", "wir", "ich", "mit", "fur",
  ]
  static let foldedEnglish: Set<Substring> = [
    "the", "and", "is", "not", "we", "of", "with", "for", "to", "that",
  ]

  static func functionWords(_ text: some StringProtocol) -> (de: Int, en: Int) {
    let words = text.prefix(20_000).lowercased().split { !$0.isLetter }
    return (
      words.filter { germanWords.contains($0) }.count,
      words.filter { englishWords.contains($0) }.count
    )
  }

  static let germanWords: Set<Substring> = [
    "der", "die", "das", "und", "ist", "nicht", "wir", "ich", "mit", "für",
  ]
  static let englishWords: Set<Substring> = [
    "the", "and", "is", "not", "we", "of", "with", "for", "to", "that",
  ]

  public static func guess(_ text: some StringProtocol) -> String {
    var han = 0
    var letters = 0
    for scalar in text.unicodeScalars.prefix(20_000) where scalar.properties.isAlphabetic {
      letters += 1
      if scalar.properties.isIdeographic { han += 1 }
    }
    if letters > 0 && han * 5 >= letters { return "zh" }
    let (de, en) = functionWords(text)
    return de > en ? "de" : "en"
  }
}
