import Foundation

/// A calendar date without a time or zone, as the pack writes it (`YYYY-MM-DD`).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, rejecting impossible dates such as 2025-02-30.
  public init?(_ text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...LocalDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Day of the week, 0 = Sunday (Zeller's congruence on the Gregorian calendar).
  public var weekday: Int {
    var month = self.month
    var year = self.year
    if month < 3 {
      month += 12
      year -= 1
    }
    let h = (day + (13 * (month + 1)) / 5 + year + year / 4 - year / 100 + year / 400) % 7
    return (h + 6) % 7
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// Parsing and printing of the ISO 8601 times used by packs and the `--now` flag.
///
/// Foundation's ISO 8601 parsers on Linux accept `25:00` and ignore a trailing `Z` in some option
/// sets, so the grammar here is checked by hand and the arithmetic left to `Calendar`.
public enum EventTime {
  /// The zone named by the pack; a fixed +08:00 for Asia/Shanghai when tzdata is missing (China
  /// has had no daylight saving time since 1991).
  public static func timeZone(named identifier: String) -> TimeZone? {
    if let zone = TimeZone(identifier: identifier) { return zone }
    if identifier == "Asia/Shanghai" { return TimeZone(secondsFromGMT: 8 * 3600) }
    return nil
  }

  /// Parses `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` (a space may stand for `T`). Without an offset the
  /// time is local to `zone`; with `requireOffset`, a missing offset is an error.
  public static func parse(_ text: String, zone: TimeZone, requireOffset: Bool = false) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.count >= 16 else { return nil }
    let dateEnd = trimmed.index(trimmed.startIndex, offsetBy: 10)
    guard let date = LocalDate(trimmed[..<dateEnd]) else { return nil }
    let separator = trimmed[dateEnd]
    guard separator == "T" || separator == " " else { return nil }
    var rest = trimmed[trimmed.index(after: dateEnd)...]

    var offsetSeconds: Int?
    if rest.hasSuffix("Z") {
      offsetSeconds = 0
      rest = rest.dropLast()
    } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
      guard let offset = parseOffset(rest[signIndex...]) else { return nil }
      offsetSeconds = offset
      rest = rest[..<signIndex]
    }
    if requireOffset && offsetSeconds == nil { return nil }

    let clock = rest.split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
      let hour = Int(clock[0]), let minute = Int(clock[1]),
      (0...23).contains(hour), (0...59).contains(minute)
    else { return nil }
    var second = 0
    if clock.count == 3 {
      guard let value = Int(clock[2]), (0...59).contains(value) else { return nil }
      second = value
    }

    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = offsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone
    let components = DateComponents(
      year: date.year, month: date.month, day: date.day, hour: hour, minute: minute,
      second: second)
    return calendar.date(from: components)
  }

  private static func parseOffset(_ text: Substring) -> Int? {
    let sign = text.first == "-" ? -1 : 1
    let digits = text.dropFirst().filter { $0 != ":" }
    guard digits.count == 4, digits.allSatisfy(\.isASCII), let hours = Int(digits.prefix(2)),
      let minutes = Int(digits.suffix(2)), hours <= 14, minutes < 60
    else { return nil }
    return sign * (hours * 3600 + minutes * 60)
  }

  /// `2025-07-26T09:30:00+08:00`: the local time in `zone` with its offset.
  public static func format(_ date: Date, zone: TimeZone) -> String {
    let parts = components(of: date, zone: zone)
    let offset = zone.secondsFromGMT(for: date)
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", parts.year ?? 0, parts.month ?? 0,
      parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, sign,
      magnitude / 3600, (magnitude % 3600) / 60)
  }

  /// `09:30`, local to `zone`.
  public static func clockTime(_ date: Date, zone: TimeZone) -> String {
    let parts = components(of: date, zone: zone)
    return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
  }

  /// Minutes after local midnight in `zone` (09:30 → 570).
  /// Minutes after midnight of a clock time written "14:00" (the inverse of `clockTime`).
  public static func clockMinutes(_ text: some StringProtocol) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
      (0..<24).contains(hours), (0..<60).contains(minutes)
    else { return nil }
    return hours * 60 + minutes
  }

  public static func minutesAfterMidnight(_ date: Date, zone: TimeZone) -> Int {
    let parts = components(of: date, zone: zone)
    return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
  }

  /// The local calendar date of an instant in `zone`.
  public static func localDate(_ date: Date, zone: TimeZone) -> LocalDate {
    let parts = components(of: date, zone: zone)
    return LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
  }

  /// Midnight at the start of a local date in `zone`.
  public static func startOfDay(_ day: LocalDate, zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
      ?? Date(timeIntervalSince1970: 0)
  }

  private static func components(of date: Date, zone: TimeZone) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
  }
}
