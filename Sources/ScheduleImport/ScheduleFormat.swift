import Foundation

/// The published schedule formats hiwaic reads.
public enum ScheduleFormat: String, CaseIterable, Sendable, Equatable {
  /// frab / Pentabarf `schedule.xml` (CCC, FOSDEM, pretalx's frab-compatible export; the
  /// c3voc XSD).
  case frabXML = "frab-xml"
  /// The c3voc schedule JSON (`schedule.json`, as frab and pretalx write it).
  case scheduleJSON = "schedule-json"
  /// pretalx's own JSON, which its schedule widget loads (`schedule/widgets/schedule.json`).
  case pretalxJSON = "pretalx-json"
  /// iCalendar (`.ics`): events only, the last resort.
  case iCalendar = "ics"

  /// The format a file's content is in, whatever its name: nil when it is none of them.
  public static func detect(_ data: Data) -> ScheduleFormat? {
    var bytes = data.prefix(4096).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    // A byte order mark, as editors on Windows write one.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes = bytes.dropFirst(3).drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
    switch bytes.first {
    case UInt8(ascii: "<"):
      let head = String(decoding: data.prefix(4096), as: UTF8.self)
      return head.contains("<schedule") ? .frabXML : nil
    case UInt8(ascii: "B"), UInt8(ascii: "b"):
      let head = String(decoding: bytes.prefix(15), as: UTF8.self).uppercased()
      return head.hasPrefix("BEGIN:VCALENDAR") ? .iCalendar : nil
    case UInt8(ascii: "{"):
      // Its keys, not a parse: the reader parses it once, and says what is wrong in it.
      func hasKey(_ key: String) -> Bool { data.firstRange(of: Data("\"\(key)\"".utf8)) != nil }
      if hasKey("schedule") && hasKey("conference") { return .scheduleJSON }
      return hasKey("talks") && hasKey("rooms") ? .pretalxJSON : nil
    default:
      return nil
    }
  }
}
