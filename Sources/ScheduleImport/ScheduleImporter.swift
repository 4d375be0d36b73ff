import Foundation

/// Reads a published schedule file of any supported format.
public enum ScheduleImporter {
  /// The largest schedule file read (a merged Congress schedule is a few megabytes).
  public static let maximumFileBytes = 64 << 20

  /// Reads `data` (the content of `source`, a file name or URL) as `format`, or as the format
  /// its content shows when `format` is nil. `zone` is the event's time zone for schedules
  /// that do not name one.
  public static func read(
    _ data: Data, source: String, format: ScheduleFormat? = nil, zone: TimeZone? = nil
  ) throws(ScheduleImportError) -> ImportedSchedule {
    guard !data.isEmpty else { throw ScheduleImportError(source: source, message: "is empty") }
    guard let format = format ?? ScheduleFormat.detect(data) else {
      throw ScheduleImportError(
        source: source,
        message:
          "is not a schedule hiwaic can read (frab schedule.xml, the c3voc schedule.json, pretalx's JSON or an iCalendar .ics)"
      )
    }
    switch format {
    case .frabXML: return try FrabXMLReader.read(data, source: source, zone: zone)
    case .scheduleJSON: return try ScheduleJSONReader.read(data, source: source, zone: zone)
    case .pretalxJSON: return try PretalxJSONReader.read(data, source: source, zone: zone)
    case .iCalendar: return try ICalendarReader.read(data, source: source, zone: zone)
    }
  }
}
