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

  /// Whole minutes as the form writes them back: "2h", "1h30m", "45m".
  public static func compact(_ minutes: Double) -> String {
    let whole = minutes.isFinite ? max(0, Int(minutes.rounded(.down).clamped(to: 0...100_000))) : 0
    let (hours, rest) = whole.quotientAndRemainder(dividingBy: 60)
    if hours == 0 { return "\(rest)m" }
    return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
  }
}

extension Comparable {
  fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
    min(max(self, range.lowerBound), range.upperBound)
  }
}
