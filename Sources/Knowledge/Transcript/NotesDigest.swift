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
  public static func guess(_ text: some StringProtocol) -> String {
    var han = 0
    var letters = 0
    for scalar in text.unicodeScalars.prefix(20_000) where scalar.properties.isAlphabetic {
      letters += 1
      if scalar.properties.isIdeographic { han += 1 }
    }
    if letters > 0 && han * 5 >= letters { return "zh" }
    let words = text.prefix(20_000).lowercased().split { !$0.isLetter }
    let german: Set<Substring> = [
      "der", "die", "das", "und", "ist", "nicht", "wir", "ich", "mit", "für",
    ]
    let english: Set<Substring> = [
      "the", "and", "is", "not", "we", "of", "with", "for", "to", "that",
    ]
    let de = words.filter { german.contains($0) }.count
    let en = words.filter { english.contains($0) }.count
    return de > en ? "de" : "en"
  }
}
