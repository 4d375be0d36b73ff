import Foundation

/// Writes a pack to a directory in the format `PackLoader` reads.
public enum PackWriter {
  /// Writes every file of the pack. `pretty` output is for people; compact output is smaller and
  /// faster to read, for generated packs.
  public static func write(_ pack: EventPack, to directory: URL, pretty: Bool = true) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let zone =
      EventTime.timeZone(named: pack.event.timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)!
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(EventTime.format(date, zone: zone))
    }
    func save<T: Encodable>(_ value: T, _ file: PackFile) throws {
      try encoder.encode(value).write(to: directory.appendingPathComponent(file.rawValue))
    }
    try save(pack.manifest, .manifest)
    try save(pack.topics, .topics)
    try save(pack.venues, .venues)
    try save(pack.pavilions, .pavilions)
    try save(pack.booths, .booths)
    try save(pack.walkways, .walkways)
    try save(pack.exhibitors, .exhibitors)
    try save(pack.speakers, .speakers)
    try save(pack.sessions, .sessions)
    try save(pack.cityWalks, .cityWalks)
    try save(pack.info, .info)
  }
}
