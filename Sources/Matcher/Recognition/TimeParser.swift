import EventModel
import Foundation

/// Reads days, parts of the day, clock times and durations from a question's time words
/// ("tomorrow afternoon", "July 27", "day 2", "明天下午", "morgen Nachmittag", "2 hours", "两小时").
struct TimeParser {
  private(set) var time = TimeUnderstanding()
  private(set) var duration: Double?
  /// The units of the duration read ("2 hours"), so that its words are not read again as
  /// something else ("hours" of opening hours).
  private(set) var durationSpan: Range<Int>?
  private(set) var explained: [Int] = []

  /// One time word or number, at a unit position.
  private enum Token {
    case word(TimeWord)
    case value(Double)
    case clock(Int)
    case duration(Double)
    case han(String)
    /// "27th", "1st": a day of the month written as an ordinal.
    case ordinalDay(Int)
  }

  /// `skipping` marks the units that are part of a name: no time is read from them.
  init(
    units: [Unit], matches: [(PhraseMatch, TimeWord)], index: MatcherIndex, now: Date,
    skipping: [Bool] = []
  ) {
    let catalog = index.catalog
    let ordinalWords = index.ordinalWords
    let rangeUnits = index.rangeUnits
    let clockFractions = index.clockFractions
    let zone = catalog.timeZone
    // The longest time phrase at each position, left to right, then the numbers and the Han
    // characters that carry dates and clock times (月 日 号 点 第 天).
    var tokens: [(position: Int, end: Int, token: Token)] = []
    // A phrase may carry several time words: "tonight" and "heute Abend" are today and the
    // evening.
    var byStart: [Int: (match: PhraseMatch, words: [TimeWord])] = [:]
    for (match, word) in matches {
      let longest = byStart[match.start]?.match.length ?? 0
      if match.length > longest {
        byStart[match.start] = (match, [word])
      } else if match.length == longest, byStart[match.start]?.words.contains(word) == false {
        byStart[match.start]?.words.append(word)
      }
    }
    var position = 0
    while position < units.count {
      if position < skipping.count && skipping[position] {
        position += 1
        continue
      }
      // A Han numeral of several characters ("二十七", "四十五", "一百二十") is one number:
      // read character by character it would be 2, 10 and 7.
      if let (value, end) = Self.hanNumeral(units, from: position, digits: index.hanNumbers),
        !(position..<end).contains(where: { $0 < skipping.count && skipping[$0] })
      {
        tokens.append((position, end, .value(value)))
        position = end
        continue
      }
      if let (match, words) = byStart[position],
        !(match.start..<match.end).contains(where: { $0 < skipping.count && skipping[$0] })
      {
        for word in words {
          // Number words ("two", "两") read like digits from here on.
          if case .number(let value) = word {
            tokens.append((position, match.end, .value(value)))
          } else if case .span(let minutes) = word {
            tokens.append((position, match.end, .duration(minutes)))
          } else {
            tokens.append((position, match.end, .word(word)))
          }
        }
        position = match.end
        continue
      }
      let unit = units[position]
      if let token = Self.numberToken(unit) {
        tokens.append((position, position + 1, token))
      } else if unit.kind == .han, Self.isOne(of: "月日号点第天分", unit.text) {
        tokens.append((position, position + 1, .han(unit.text)))
      }
      position += 1
    }

    let eventYear = catalog.days.first?.year ?? EventTime.localDate(now, zone: zone).year
    let today = EventTime.localDate(now, zone: zone)
    // An hour past midnight, so that a day with a clock change still lands on the right date.
    func adding(_ days: Int, to day: LocalDate) -> LocalDate {
      EventTime.localDate(
        EventTime.startOfDay(day, zone: zone).addingTimeInterval(Double(days) * 86_400 + 3600),
        zone: zone)
    }
    func shifted(_ days: Int) -> LocalDate { adding(days, to: today) }
    func consume(_ range: Range<Int>) {
      for index in range {
        explained.append(contentsOf: tokens[index].position..<tokens[index].end)
      }
    }
    func number(at index: Int) -> Double? {
      guard index >= 0 && index < tokens.count else { return nil }
      switch tokens[index].token {
      case .value(let value): return value
      case .ordinalDay(let day): return Double(day)
      default: return nil
      }
    }
    // A number people wrote, as a whole number when it is one that fits (not 10^20).
    func whole(at index: Int) -> Int? { number(at: index).flatMap { Int(checked: $0) } }
    func eventDay(_ ordinal: Int?) -> LocalDate? {
      guard let ordinal, ordinal >= 1, ordinal <= catalog.days.count else { return nil }
      return catalog.days[ordinal - 1]
    }
    func isClockWord(_ index: Int) -> Bool {
      guard index < tokens.count, case .word(.oclock) = tokens[index].token else { return false }
      return true
    }
    // The unit after a token (not the next token: only time characters are tokens) is one of
    // the things a number and 号 name (二号线).
    func numbersAThing(after index: Int) -> Bool {
      guard index < tokens.count else { return false }
      let next = tokens[index].end
      return next < units.count && units[next].kind == .han
        && Self.isOne(of: Self.numberedThings, units[next].text)
    }
    func isHan(_ index: Int, _ characters: String) -> Bool {
      guard index < tokens.count, case .han(let text) = tokens[index].token else { return false }
      return Self.isOne(of: characters, text)
    }

    // Where the last clock time read ends: a second one right after it, or after a range word,
    // ends a range ("2 to 4pm", "两点到四点", "14 bis 16 Uhr").
    var afterClock: Int?
    func isRangeWord(_ position: Int) -> Bool {
      position >= 0 && position < units.count && rangeUnits.contains(units[position].text)
    }
    // A number alone in the unit before `end` ("14" in "zwischen 14 und 16 Uhr").
    func bareHour(endingAt end: Int) -> Int? {
      guard let token = tokens.first(where: { $0.end == end && $0.position == end - 1 }),
        case .value(let value) = token.token, let hour = Int(checked: value),
        (0...24).contains(hour)
      else { return nil }
      return hour
    }
    func setClock(_ minutes: Int, from start: Int, to end: Int) {
      defer { afterClock = end }
      if let first = time.clock, let previous = afterClock, minutes > first,
        start == previous || (start == previous + 1 && isRangeWord(previous))
      {
        time.clockEnd = minutes
        explained.append(contentsOf: previous..<start)
        return
      }
      if start >= 2, isRangeWord(start - 1), let hour = bareHour(endingAt: start - 1) {
        // "2 to 4pm": the first hour is in the afternoon too when that keeps the order.
        var first = hour * 60
        if hour < 12 && first + 12 * 60 <= minutes { first += 12 * 60 }
        if first < minutes {
          time.clock = first
          time.clockEnd = minutes
          explained.append(contentsOf: (start - 2)..<start)
          return
        }
      }
      time.clock = minutes
      time.clockEnd = nil
    }
    // "half past", "halb", "Viertel vor" right before an hour: the minutes they move it by, and
    // where they start.
    func fraction(before position: Int) -> (minutes: Int, start: Int)? {
      var best: (minutes: Int, start: Int)?
      for (words, minutes) in clockFractions where words.count <= position {
        let start = position - words.count
        guard (0..<words.count).allSatisfy({ units[start + $0].text == words[$0] }) else {
          continue
        }
        if start < best?.start ?? .max { best = (minutes, start) }
      }
      return best
    }

    var index = 0
    while index < tokens.count {
      let token = tokens[index].token
      switch token {
      case .word(.today):
        time.day = today
        time.relativeDay = .today
        consume(index..<(index + 1))
      case .word(.tomorrow):
        time.day = shifted(1)
        time.relativeDay = .tomorrow
        consume(index..<(index + 1))
      case .word(.dayAfterTomorrow):
        time.day = shifted(2)
        time.relativeDay = .dayAfterTomorrow
        consume(index..<(index + 1))
      case .word(.yesterday):
        time.day = shifted(-1)
        time.relativeDay = .yesterday
        consume(index..<(index + 1))
      case .word(.now):
        time.isNow = true
        consume(index..<(index + 1))
      case .word(.next):
        time.isNext = true
        consume(index..<(index + 1))
      case .word(.part(let part)):
        time.part = part
        // A morning hour said with the afternoon is in the afternoon; a range keeps its order
        // ("from 11 to 1pm in the afternoon" stays 11:00–13:00).
        if let clock = time.clock, clock < 12 * 60, part == "afternoon" || part == "evening" {
          let end = time.clockEnd.map { $0 < 12 * 60 ? $0 + 12 * 60 : $0 }
          if end.map({ clock + 12 * 60 < $0 }) ?? true { time.clock = clock + 12 * 60 }
          time.clockEnd = end
        }
        consume(index..<(index + 1))
      case .word(.month(let month)):
        if let day = whole(at: index + 1),
          let date = LocalDate(year: eventYear, month: month, day: day).valid
        {
          time.day = date
          consume(index..<(index + 2))
          index += 1
        } else if let day = whole(at: index - 1),
          let date = LocalDate(year: eventYear, month: month, day: day).valid
        {
          time.day = date
          consume((index - 1)..<(index + 1))
        }
      case .word(.weekday(let weekday)):
        // The event's day with that weekday; else that weekday in the event's week, so that
        // the answer can say the event has nothing then ("Tuesday" when the event ends Monday).
        if let day = catalog.days.first(where: { $0.weekday == weekday }) {
          time.day = day
          consume(index..<(index + 1))
        } else if let first = catalog.days.first {
          // The lexicon is pack data: a weekday number of any size stays in 0...6 here.
          time.day = adding((weekday % 7 - first.weekday + 14) % 7, to: first)
          consume(index..<(index + 1))
        }
      case .word(.meridiem(let pm)):
        // Right after the hour only: in "gibt es ein Forum … am Montag", "ein" is no hour.
        if let hour = whole(at: index - 1), hour >= 0, hour <= 12,
          tokens[index - 1].end == tokens[index].position
        {
          setClock(
            (hour % 12 + (pm ? 12 : 0)) * 60, from: tokens[index - 1].position,
            to: tokens[index].end)
          time.part = pm ? (hour % 12 >= 6 ? "evening" : "afternoon") : "morning"
          consume((index - 1)..<(index + 1))
        } else if index >= 1, case .clock(let minutes) = tokens[index - 1].token,
          minutes < 13 * 60, tokens[index - 1].end == tokens[index].position
        {
          // "3:15 pm": a clock time the meridiem places in the day.
          let inDay = minutes % (12 * 60) + (pm ? 12 * 60 : 0)
          setClock(inDay, from: tokens[index - 1].position, to: tokens[index].end)
          time.part = pm ? (inDay >= 18 * 60 ? "evening" : "afternoon") : "morning"
          consume((index - 1)..<(index + 1))
        }
      case .word(.day):
        let at = tokens[index].position
        if let day = eventDay(whole(at: index + 1)) {
          time.day = day
          consume(index..<(index + 2))
          index += 1
        } else if at > 0, let ordinal = ordinalWords[units[at - 1].text],
          // -1: the last ("the last day", "am letzten Tag").
          let day = eventDay(ordinal == -1 ? catalog.days.count : ordinal)
        {
          // "the second day", "am letzten Tag": an ordinal before the word for a day (the
          // ordinal may also have been read as a number: "second").
          time.day = day
          if index > 0 && tokens[index - 1].position == at - 1 { consume((index - 1)..<index) }
          explained.append(contentsOf: (at - 1)..<tokens[index].end)
        }
      case .han("天"):
        // 最后一天: the last day.
        let at = tokens[index].position
        if at >= 3, units[at - 3].text == "最", units[at - 2].text == "后", units[at - 1].text == "一",
          let day = catalog.days.last
        {
          time.day = day
          if index > 0 && tokens[index - 1].position == at - 1 { consume((index - 1)..<index) }
          explained.append(contentsOf: (at - 3)..<tokens[index].end)
        }
      case .han("第"):
        if let day = eventDay(whole(at: index + 1)), isHan(index + 2, "天") {
          time.day = day
          consume(index..<(index + 3))
          index += 2
        }
      case .word(.durationUnit(let minutes)):
        // Only with a number: "hours" alone ("opening hours") is not a duration.
        if var count = number(at: index - 1) {
          var first = index - 1
          // "half an hour": a half before "an"/"a".
          if count == 1, let half = number(at: index - 2), half == 0.5 {
            count = 0.5
            first = index - 2
          }
          // Beyond any plan ("10^20 hours"): kept, so that the answer can say what it can plan.
          duration = (count * minutes).isFinite ? count * minutes : .greatestFiniteMagnitude
          durationSpan = tokens[first].position..<tokens[index].end
          consume(first..<(index + 1))
        } else {
          consume(index..<(index + 1))
        }
      case .duration(let minutes):
        duration = minutes
        durationSpan = tokens[index].position..<tokens[index].end
        consume(index..<(index + 1))
      case .ordinalDay(let dayOfMonth):
        // "on the 27th": the event's day of that date. Next to a month ("July 27th") the
        // month reads it.
        func isMonth(_ at: Int) -> Bool {
          guard at >= 0 && at < tokens.count, case .word(.month) = tokens[at].token else {
            return false
          }
          return true
        }
        if !isMonth(index - 1) && !isMonth(index + 1),
          let day = catalog.days.first(where: { $0.day == dayOfMonth })
        {
          time.day = day
          consume(index..<(index + 1))
        }
      case .clock(let minutes):
        setClock(minutes, from: tokens[index].position, to: tokens[index].end)
        consume(index..<(index + 1))
      case .value(let value):
        // 7月27日 / 27号 / 下午3点
        let wholeValue = Int(checked: value)
        if isHan(index + 1, "月"), let month = wholeValue, let day = whole(at: index + 2),
          isHan(index + 3, "日号"),
          let date = LocalDate(year: eventYear, month: month, day: day).valid
        {
          time.day = date
          consume(index..<(index + 4))
          index += 3
        } else if isHan(index + 1, "日号"), !numbersAThing(after: index + 1),
          let month = catalog.days.first?.month,
          let day = wholeValue,
          let date = LocalDate(year: eventYear, month: month, day: day).valid
        {
          time.day = date
          consume(index..<(index + 2))
          index += 1
        } else if isHan(index + 1, "点") || isClockWord(index + 1), let hour = wholeValue, hour >= 0,
          hour <= 24
        {
          var minutes = hour * 60
          if let part = time.part, part == "afternoon" || part == "evening", minutes < 12 * 60 {
            minutes += 12 * 60
          } else if time.part == nil, (1...7).contains(hour) {
            // "3 o'clock", "3点" with no part of the day: the afternoon, when sessions run.
            minutes += 12 * 60
          }
          // 三点十五(分), 两点半: the minutes right after 点.
          var end = index + 2
          if isHan(index + 1, "点"), end < tokens.count,
            tokens[end].position == tokens[index + 1].end, let extra = number(at: end)
          {
            if extra == 0.5 {
              minutes += 30
              end += 1
            } else if let minute = whole(at: end), (0...59).contains(minute) {
              minutes += minute
              end += 1
              // The 分 after them is the minute mark, not a length of time.
              if end < tokens.count, tokens[end].position == tokens[end - 1].end,
                units[tokens[end].position].text == "分"
              {
                end += 1
              }
            }
          }
          setClock(minutes, from: tokens[index].position, to: tokens[end - 1].end)
          consume(index..<end)
          index = end - 1
        } else if let hour = wholeValue, (1...12).contains(hour),
          let moved = fraction(before: tokens[index].position)
        {
          // "half past two", "halb drei" (2:30), "quarter to ten", "Viertel nach zehn".
          var minutes = hour * 60 + moved.minutes
          if let part = time.part, part == "afternoon" || part == "evening", minutes < 12 * 60 {
            minutes += 12 * 60
          } else if time.part == nil, (1...7).contains(minutes / 60) {
            minutes += 12 * 60
          }
          var end = index + 1
          if isClockWord(end) { end += 1 }
          setClock(minutes, from: moved.start, to: tokens[end - 1].end)
          explained.append(contentsOf: moved.start..<tokens[index].position)
          consume(index..<end)
          index = end - 1
        }
      default:
        break
      }
      index += 1
    }
    if time.day == nil, time.part != nil || time.clock != nil, catalog.days.contains(today) {
      time.day = today
    }
  }

  /// Whether `text` is one of the characters (a Han unit is one character; a substring search
  /// through Foundation cost a twentieth of every answer).
  /// What a number and 号 name when these follow, instead of a day of the month: a line (二号线,
  /// metro line 2 or a City Walk), a hall, gate, exit, room, floor, stop or stand.
  static let numberedThings = "线馆门口厅楼站台室位"

  private static func isOne(of characters: String, _ text: String) -> Bool {
    guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else {
      return false
    }
    return characters.unicodeScalars.contains(scalar)
  }

  /// The value of a Han numeral of two or more characters with 十 or 百 in it that starts at
  /// `start` ("二十七" 27, "十五" 15, "一百二十" 120), and where it ends; nil for anything else.
  /// Digits are the lexicons' Han numbers from one to nine.
  static func hanNumeral(_ units: [Unit], from start: Int, digits: StringTable<Int>) -> (
    value: Double, end: Int
  )? {
    var total = 0
    var current = 0
    var hasMultiplier = false
    var end = start
    while end < units.count && units[end].kind == .han && end - start < 8 {
      let text = units[end].text
      if text == "十" || text == "百" {
        let multiplier = text == "十" ? 10 : 100
        total += (current == 0 ? 1 : current) * multiplier
        current = 0
        hasMultiplier = true
      } else if let digit = digits[text], (1...9).contains(digit), current == 0 {
        current = digit
      } else {
        break
      }
      end += 1
    }
    guard hasMultiplier, end - start >= 2 else { return nil }
    return (Double(total + current), end)
  }

  /// "27", "1.5", "15:00" (a clock), "3pm", "2h", "90min", "27th".
  private static func numberToken(_ unit: Unit) -> Token? {
    let text = unit.text
    if unit.kind == .number {
      if text.utf8.contains(UInt8(ascii: ":")) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24,
          minute < 60
        else {
          return nil
        }
        return .clock(hour * 60 + minute)
      }
      return Double(text).flatMap { $0.isFinite ? .value($0) : nil }
    }
    // Only a word that starts like a number ("3pm", "2h", ".5h") can be one: most words are
    // turned away on their first byte, before their characters are read.
    guard unit.kind == .word, let first = text.utf8.first,
      (0x30...0x39).contains(first) || first == UInt8(ascii: ".") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "+"),
      let firstLetter = text.firstIndex(where: \.isLetter),
      firstLetter != text.startIndex,
      let value = Double(text[..<firstLetter])
    else { return nil }
    switch text[firstLetter...] {
    case "am", "pm":
      guard let hour = Int(checked: value), hour >= 0, hour <= 12 else { return nil }
      return .clock((hour % 12 + (text[firstLetter...] == "pm" ? 12 : 0)) * 60)
    case "h", "hr", "hrs", "hour", "hours":
      return .duration(min(value * 60, .greatestFiniteMagnitude))
    case "m", "min", "mins", "minute", "minutes": return .duration(value)
    case "st", "nd", "rd", "th":
      guard let day = Int(checked: value), (1...31).contains(day) else { return nil }
      return .ordinalDay(day)
    default: return nil
    }
  }
}

extension LocalDate {
  /// Self when it is a real date (no 31 June), else nil.
  var valid: LocalDate? { LocalDate(description) }
}
