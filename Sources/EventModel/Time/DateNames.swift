/// Weekday and month names in the languages hiwaic speaks, for every place that writes a date.
extension LocalDate {
  /// "Sunday", "周日", "Sonntag"; `short` gives "Sun", "周日", "So".
  public func weekdayName(_ language: Language, short: Bool = false) -> String {
    let position = max(0, min(6, weekday))
    switch language {
    case .zh: return ["周日", "周一", "周二", "周三", "周四", "周五", "周六"][position]
    case .de:
      return short
        ? ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"][position]
        : ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"][
          position]
    case .en:
      let name = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][
        position]
      return short ? String(name.prefix(3)) : name
    }
  }

  /// "July", "7月", "Juli".
  public func monthName(_ language: Language) -> String {
    let position = max(1, min(12, month)) - 1
    switch language {
    case .zh: return "\(position + 1)月"
    case .de:
      return [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember",
      ][position]
    case .en:
      return [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
      ][position]
    }
  }

  /// The day and month without the weekday: "26 July", "7月26日", "26. Juli".
  public func dayAndMonth(_ language: Language) -> String {
    switch language {
    case .zh: "\(monthName(.zh))\(day)日"
    case .de: "\(day). \(monthName(.de))"
    case .en: "\(day) \(monthName(.en))"
    }
  }

  /// With the weekday: "Sunday 27 July", "7月27日（周日）", "Sonntag, 27. Juli".
  public func longName(_ language: Language) -> String {
    switch language {
    case .zh: "\(dayAndMonth(.zh))（\(weekdayName(.zh))）"
    case .de: "\(weekdayName(.de)), \(dayAndMonth(.de))"
    case .en: "\(weekdayName(.en)) \(dayAndMonth(.en))"
    }
  }
}

extension Language {
  /// The text in this language, from one per language: the one phrase helper of every
  /// front end. Only the chosen text is made: the others are often interpolations of names
  /// and times, and an answer asks for dozens of phrases.
  public func choose(
    _ en: @autoclosure () -> String, _ zh: @autoclosure () -> String,
    _ de: @autoclosure () -> String
  ) -> String {
    switch self {
    case .en: en()
    case .zh: zh()
    case .de: de()
    }
  }
}
