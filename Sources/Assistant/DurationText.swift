import Foundation

/// Durations as people write them: "2h", "90m", "1h30m", "1.5 hours", "45".
public enum DurationText {
  /// Minutes, or nil when the text is not a duration (NaN and infinity are not). The caller
  /// checks the range it can serve.
  public static func minutes(_ text: String) -> Double? {
    var compact = text.lowercased().replacingOccurrences(of: " ", with: "")
    for (word, unit) in [
      ("hours", "h"), ("hour", "h"), ("hrs", "h"), ("hr", "h"), ("minutes", "m"), ("minute", "m"),
      ("mins", "m"), ("min", "m"),
    ] {
      compact = compact.replacingOccurrences(of: word, with: unit)
    }
    if let plain = Double(compact) { return plain.isFinite && plain >= 0 ? plain : nil }
    var total = 0.0
    var number = ""
    for character in compact {
      if character.isNumber || character == "." {
        number.append(character)
      } else if character == "h" || character == "m", let value = Double(number) {
        total += character == "h" ? value * 60 : value
        number = ""
      } else {
        return nil
      }
    }
    return number.isEmpty && total > 0 && total.isFinite ? total : nil
  }
}
