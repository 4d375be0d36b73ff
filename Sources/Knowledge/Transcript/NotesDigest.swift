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
  /// The language of one passage of a file in `fallback`: Chinese when a fifth of its letters
  /// are Han, German or English when its function words clearly say so, else the file's
  /// (a short cue says too little). Bilingual talks keep each passage's own language.
  public static func passage(_ text: some StringProtocol, fallback: Language) -> Language {
    var han = 0
    var letters = 0
    for scalar in text.unicodeScalars.prefix(4_000) where scalar.properties.isAlphabetic {
      letters += 1
      if scalar.properties.isIdeographic { han += 1 }
    }
    if letters > 0 && han * 5 >= letters { return .zh }
    if fallback == .zh && han == 0 && letters >= 20 {
      return guess(text) == "de" ? .de : .en
    }
    let (de, en) = functionWords(text)
    if de >= 2 && de >= 2 * en { return .de }
    if en >= 2 && en >= 2 * de { return .en }
    return fallback
  }

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
