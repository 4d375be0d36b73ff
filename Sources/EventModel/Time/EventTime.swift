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
    EventTime.padded(year, 4) + "-" + EventTime.padded(month, 2) + "-" + EventTime.padded(day, 2)
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

  /// Why `text` is not a pack's date-time, for located messages.
  static func offsetRequiredDescription(_ text: String) -> String {
    "'\(text.prefix(60))' is not an ISO 8601 date-time with a UTC offset, such as 2025-07-26T09:30:00+08:00"
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
    let magnitude = abs(offset)
    // Written as bytes: a plan's record formats three times per stop, and joining a dozen small
    // strings cost more than working out the date.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(25)
    appendPadded(parts.year, 4, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(parts.month, 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    appendPadded(parts.day, 2, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    appendPadded(parts.hour, 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendPadded(parts.minute, 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendPadded(parts.second, 2, to: &bytes)
    bytes.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
    appendPadded(magnitude / 3600, 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendPadded((magnitude % 3600) / 60, 2, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `09:30`, local to `zone`.
  public static func clockTime(_ date: Date, zone: TimeZone) -> String {
    clockText(minutesAfterMidnight(date, zone: zone))
  }

  /// `14:00` for 840 minutes after midnight (the inverse of `clockMinutes`).
  public static func clockText(_ minutes: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(5)
    appendPadded(minutes / 60, 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    appendPadded(minutes % 60, 2, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `padded`, appended as bytes: the sign, zeros to `width` digits, the digits.
  static func appendPadded(_ number: Int, _ width: Int, to bytes: inout [UInt8]) {
    // A 64-bit number has at most 20 digits, written from the last.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var magnitude = number.magnitude
      var first = digits.count
      repeat {
        first -= 1
        digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0 && first > 0
      if number < 0 { bytes.append(UInt8(ascii: "-")) }
      for _ in 0..<max(0, width - (digits.count - first)) { bytes.append(UInt8(ascii: "0")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
    }
  }

  /// A number with leading zeros to `width` digits (`padded(7, 2)` is `07`); answers print
  /// many times, and `String(format:)` costs more than the rest of a line.
  static func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number.magnitude)
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (number < 0 ? "-" : "") + zeros + digits
  }

  /// Minutes after midnight of a clock time written "14:00" (the inverse of `clockText`).
  public static func clockMinutes(_ text: some StringProtocol) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
      (0..<24).contains(hours), (0..<60).contains(minutes)
    else { return nil }
    return hours * 60 + minutes
  }

  /// Minutes after local midnight in `zone` (09:30 → 570).
  public static func minutesAfterMidnight(_ date: Date, zone: TimeZone) -> Int {
    let parts = components(of: date, zone: zone)
    return parts.hour * 60 + parts.minute
  }

  /// The local calendar date of an instant in `zone`.
  public static func localDate(_ date: Date, zone: TimeZone) -> LocalDate {
    let parts = components(of: date, zone: zone)
    return LocalDate(year: parts.year, month: parts.month, day: parts.day)
  }

  /// Midnight at the start of a local date in `zone`.
  public static func startOfDay(_ day: LocalDate, zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
      ?? Date(timeIntervalSince1970: 0)
  }

  /// Local calendar fields of an instant in `zone`: the zone's offset at that instant, then
  /// days to a civil date (Hinnant's algorithm), because `Calendar` is slow on every answer line.
  private static func components(of date: Date, zone: TimeZone) -> LocalFields {
    let seconds = date.timeIntervalSince1970
    guard seconds.isFinite, abs(seconds) < 1e12 else { return LocalFields() }
    let local = Int(seconds.rounded(.down)) + zone.secondsFromGMT(for: date)
    let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let inDay = local - days * 86_400
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return LocalFields(
      year: year, month: month, day: day, hour: inDay / 3600, minute: (inDay % 3600) / 60,
      second: inDay % 60)
  }

  private struct LocalFields {
    var year = 0
    var month = 0
    var day = 0
    var hour = 0
    var minute = 0
    var second = 0
  }
}
