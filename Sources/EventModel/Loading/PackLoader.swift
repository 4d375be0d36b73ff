import Foundation

/// A record together with its position in its file's array, for located messages.
struct Located<Value: Sendable>: Sendable {
  let index: Int
  let value: Value
}

/// The records of a pack as decoded, before the pack is accepted: positions kept, failures noted.
struct PackDocuments: Sendable {
  var manifest: PackManifest?
  var topics: [Located<Topic>] = []
  var venues: [Located<Venue>] = []
  var floors: [Located<Floor>] = []
  var halls: [Located<Hall>] = []
  var zones: [Located<Zone>] = []
  var rooms: [Located<Room>] = []
  var pavilions: [Located<Pavilion>] = []
  var booths: [Located<Booth>] = []
  var walkwayProvenance: Provenance?
  var nodes: [Located<WalkwayNode>] = []
  var edges: [Located<WalkwayEdge>] = []
  var exhibitors: [Located<Exhibitor>] = []
  var speakers: [Located<Speaker>] = []
  var sessions: [Located<Session>] = []
  var cityWalks: [Located<CityWalkRoute>] = []
  var info: [Located<VisitorInfo>] = []

  /// Takes the fields of one file from a part decoded on its own.
  mutating func merge(_ part: PackDocuments, from file: PackFile) {
    switch file {
    case .manifest: manifest = part.manifest
    case .topics: topics = part.topics
    case .venues:
      venues = part.venues
      floors = part.floors
      halls = part.halls
      zones = part.zones
      rooms = part.rooms
    case .pavilions: pavilions = part.pavilions
    case .booths: booths = part.booths
    case .walkways:
      walkwayProvenance = part.walkwayProvenance
      nodes = part.nodes
      edges = part.edges
    case .exhibitors: exhibitors = part.exhibitors
    case .speakers: speakers = part.speakers
    case .sessions: sessions = part.sessions
    case .cityWalks: cityWalks = part.cityWalks
    case .info: info = part.info
    }
  }

  var pack: EventPack? {
    guard let manifest else { return nil }
    return EventPack(
      manifest: manifest, topics: topics.map(\.value),
      venues: VenueFile(
        venues: venues.map(\.value), floors: floors.map(\.value), halls: halls.map(\.value),
        zones: zones.map(\.value), rooms: rooms.map(\.value)),
      pavilions: pavilions.map(\.value), booths: booths.map(\.value),
      walkways: WalkwayGraph(
        provenance: walkwayProvenance ?? Provenance(), nodes: nodes.map(\.value),
        edges: edges.map(\.value)),
      exhibitors: exhibitors.map(\.value), speakers: speakers.map(\.value),
      sessions: sessions.map(\.value), cityWalks: cityWalks.map(\.value), info: info.map(\.value))
  }
}

/// What checking a pack found: every issue, and the catalog when there was no error.
public struct PackCheck: Sendable {
  public var issues: [PackIssue]
  public var catalog: EventCatalog?

  public var errors: [PackIssue] { issues.filter { $0.severity == .error } }
  public var warnings: [PackIssue] { issues.filter { $0.severity == .warning } }
}

/// Reads a pack directory, decodes and validates it, and builds the catalog.
public enum PackLoader {
  /// Files a pack must have; the others may be left out when an event has no such records.
  static let requiredFiles: Set<PackFile> = [.manifest, .topics, .venues, .walkways, .sessions]
  /// The largest pack file read (a 10x synthetic pack's biggest is 5 MB).
  public static let maximumFileBytes = 128 << 20

  /// Loads a pack, failing with every error found; warnings stay on the catalog.
  public static func load(from directory: URL) throws(PackError) -> EventCatalog {
    let check = check(directory: directory)
    guard let catalog = check.catalog else {
      throw PackError(directory: directory.path, issues: check.issues)
    }
    return catalog
  }

  /// Reads, decodes and validates a pack, collecting every problem instead of stopping at one.
  public static func check(directory: URL) -> PackCheck {
    var issues: [PackIssue] = []
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      issues.append(
        PackIssue(
          .missingFile, file: directory.path,
          message: "no pack directory here (a pack is a directory with pack.json and friends)"))
      return PackCheck(issues: issues, catalog: nil)
    }
    let contents = read(directory: directory, issues: &issues)
    return check(contents: contents, issues: issues)
  }

  /// Decodes and validates a pack's files given as bytes (as read from a directory, or made by a
  /// fuzzer); `issues` are problems already found reading them.
  public static func check(contents: [PackFile: Data], issues found: [PackIssue] = []) -> PackCheck
  {
    var issues = found
    let documents = decode(contents: contents, issues: &issues)
    guard
      !issues.contains(where: { $0.severity == .error && $0.file == PackFile.manifest.rawValue }),
      let pack = documents.pack
    else {
      return PackCheck(issues: issues, catalog: nil)
    }
    let catalog = EventCatalog(pack: pack)
    issues += PackValidator(documents: documents, catalog: catalog).validate()
    let hasErrors = issues.contains { $0.severity == .error }
    return PackCheck(issues: issues, catalog: hasErrors ? nil : catalog)
  }

  // MARK: - Decoding

  private static func read(directory: URL, issues: inout [PackIssue]) -> [PackFile: Data] {
    var contents: [PackFile: Data] = [:]
    for file in PackFile.allCases {
      let url = directory.appendingPathComponent(file.rawValue)
      do {
        contents[file] = try BoundedFile.read(url.path, limit: maximumFileBytes)
      } catch .missing {
        if requiredFiles.contains(file) {
          issues.append(PackIssue(.missingFile, file: file.rawValue, message: "is missing"))
        }
      } catch {
        // A directory or a FIFO where a file belongs is an error even for an optional file:
        // leaving it out silently would hide the records it was meant to hold.
        issues.append(PackIssue(.missingFile, file: file.rawValue, message: error.description))
      }
    }
    return contents
  }

  private static func decode(contents: [PackFile: Data], issues: inout [PackIssue])
    -> PackDocuments
  {
    var documents = PackDocuments()

    var zone = TimeZone(secondsFromGMT: 8 * 3600)!
    if let data = contents[.manifest],
      let manifest: PackManifest = decodeWhole(data, file: .manifest, zone: zone, issues: &issues)
    {
      if manifest.format != PackManifest.currentFormat {
        issues.append(
          PackIssue(
            .unsupportedFormat, file: PackFile.manifest.rawValue, path: "$.format",
            message:
              "format \(manifest.format) is not supported; this hiwaic reads format \(PackManifest.currentFormat)"
          ))
      }
      if let named = EventTime.timeZone(named: manifest.event.timeZone) {
        zone = named
      } else {
        issues.append(
          PackIssue(
            .invalidValue, file: PackFile.manifest.rawValue, path: "$.event.timeZone",
            message:
              "unknown time zone '\(manifest.event.timeZone)' (use an IANA name such as Asia/Shanghai)"
          ))
      }
      if let dayChange = manifest.event.dayChange,
        EventTime.clockMinutes(dayChange).map({ $0 < 12 * 60 }) != true
      {
        issues.append(
          PackIssue(
            .invalidValue, file: PackFile.manifest.rawValue, path: "$.event.dayChange",
            message:
              "day change '\(dayChange.prefix(20))' is not a time between 00:00 and 11:59 (HH:MM)"))
      }
      documents.manifest = manifest
    }

    // The files are independent once the time zone is known: decode them in parallel, biggest
    // first, and merge. Each part fills only the fields of its own file.
    let files = contents.keys.filter { $0 != .manifest }.sorted {
      (contents[$0]?.count ?? 0) > (contents[$1]?.count ?? 0)
    }
    let fileContents = contents
    let fileZone = zone
    let parts = ParallelWork.map(files) { file -> (PackDocuments, [PackIssue]) in
      var part = PackDocuments()
      var partIssues: [PackIssue] = []
      decodeFile(
        file, data: fileContents[file] ?? Data(), zone: fileZone, into: &part, issues: &partIssues)
      return (part, partIssues)
    }
    for (file, (part, partIssues)) in zip(files, parts) {
      documents.merge(part, from: file)
      issues += partIssues
    }
    return documents
  }

  private static func decodeFile(
    _ file: PackFile, data: Data, zone: TimeZone, into documents: inout PackDocuments,
    issues: inout [PackIssue]
  ) {
    switch file {
    case .manifest:
      break
    case .topics:
      documents.topics = decodeArray(data, file: file, zone: zone, issues: &issues)
    case .venues:
      guard
        let decoded: LenientVenueFile = decodeWhole(data, file: file, zone: zone, issues: &issues)
      else { return }
      documents.venues = collect(decoded.venues, file: file, prefix: "$.venues", issues: &issues)
      documents.floors = collect(decoded.floors, file: file, prefix: "$.floors", issues: &issues)
      documents.halls = collect(decoded.halls, file: file, prefix: "$.halls", issues: &issues)
      documents.zones = collect(decoded.zones, file: file, prefix: "$.zones", issues: &issues)
      documents.rooms = collect(decoded.rooms, file: file, prefix: "$.rooms", issues: &issues)
    case .pavilions:
      documents.pavilions = decodeArray(data, file: file, zone: zone, issues: &issues)
    case .booths:
      documents.booths = readRecords(data, file: file, zone: zone, issues: &issues) {
        try Booth(reading: &$0)
      }
    case .walkways:
      readWalkways(data, zone: zone, into: &documents, issues: &issues)
    case .exhibitors:
      documents.exhibitors = readRecords(data, file: file, zone: zone, issues: &issues) {
        try Exhibitor(reading: &$0)
      }
    case .speakers:
      documents.speakers = readRecords(data, file: file, zone: zone, issues: &issues) {
        try Speaker(reading: &$0)
      }
    case .sessions:
      documents.sessions = readRecords(data, file: file, zone: zone, issues: &issues) {
        try Session(reading: &$0)
      }
    case .cityWalks:
      documents.cityWalks = decodeArray(data, file: file, zone: zone, issues: &issues)
    case .info:
      documents.info = decodeArray(data, file: file, zone: zone, issues: &issues)
    }
  }

  static func decoder(zone: TimeZone) -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = EventTime.parse(text, zone: zone, requireOffset: true) else {
        throw DecodingError.dataCorruptedError(
          in: container,
          debugDescription: EventTime.offsetRequiredDescription(text))
      }
      return date
    }
    return decoder
  }

  private static func decodeWhole<T: Decodable>(
    _ data: Data, file: PackFile, zone: TimeZone, issues: inout [PackIssue]
  ) -> T? {
    // Not UTF-8 at all: one located message for the file, not one per record it spoils.
    if let notText = utf8Issue(in: data, file: file.rawValue) {
      issues.append(notText)
      return nil
    }
    do {
      return try decoder(zone: zone).decode(T.self, from: data)
    } catch {
      issues.append(issue(for: error, data: data, file: file))
      return nil
    }
  }

  private static func decodeArray<T: Decodable & Sendable>(
    _ data: Data, file: PackFile, zone: TimeZone, issues: inout [PackIssue]
  ) -> [Located<T>] {
    guard let items: [Lenient<T>] = decodeWhole(data, file: file, zone: zone, issues: &issues)
    else { return [] }
    return collect(items, file: file, prefix: "$", issues: &issues)
  }

  /// A file that is an array of records, read by `PackJSONReader`: the records that read, each
  /// one that did not reported where it is; a file that is not JSON is one issue.
  private static func readRecords<Record: Sendable>(
    _ data: Data, file: PackFile, zone: TimeZone, issues: inout [PackIssue],
    _ read: (inout PackJSONReader) throws -> Record
  ) -> [Located<Record>] {
    if let notText = utf8Issue(in: data, file: file.rawValue) {
      issues.append(notText)
      return []
    }
    var reader = PackJSONReader(data, zone: zone)
    do {
      let (records, failures) = try reader.records(read)
      try reader.finish()
      report(failures, file: file, prefix: "$", issues: &issues)
      return records
    } catch {
      issues.append(issue(for: error, data: data, file: file))
      return []
    }
  }

  /// `walkways.json`: the graph's provenance, then its nodes and edges record by record.
  private static func readWalkways(
    _ data: Data, zone: TimeZone, into documents: inout PackDocuments, issues: inout [PackIssue]
  ) {
    let file = PackFile.walkways
    if let notText = utf8Issue(in: data, file: file.rawValue) {
      issues.append(notText)
      return
    }
    var reader = PackJSONReader(data, zone: zone)
    var provenance: Provenance?
    var nodes: [Located<WalkwayNode>] = []
    var edges: [Located<WalkwayEdge>] = []
    var failures: [(prefix: String, [(index: Int, error: DecodingError)])] = []
    do {
      try reader.object { reader, key in
        switch key {
        case "provenance": provenance = try Provenance(reading: &reader)
        case "nodes":
          guard try !reader.skipNull() else { return }
          let read = try reader.records { try WalkwayNode(reading: &$0) }
          nodes = read.records
          failures.append(("$.nodes", read.failures))
        case "edges":
          guard try !reader.skipNull() else { return }
          let read = try reader.records { try WalkwayEdge(reading: &$0) }
          edges = read.records
          failures.append(("$.edges", read.failures))
        default: try reader.skipValue()
        }
      }
      try reader.finish()
      guard let provenance else { throw reader.missing("provenance") }
      documents.walkwayProvenance = provenance
    } catch {
      issues.append(issue(for: error, data: data, file: file))
      return
    }
    documents.nodes = nodes
    documents.edges = edges
    for (prefix, list) in failures { report(list, file: file, prefix: prefix, issues: &issues) }
  }

  /// Records that did not read, each as an issue at its place (`prefix` is its array's path).
  private static func report(
    _ failures: [(index: Int, error: DecodingError)], file: PackFile, prefix: String,
    issues: inout [PackIssue]
  ) {
    for (index, error) in failures {
      let (path, message) = JSONDiagnostics.describe(error)
      let located = prefix == "$" ? path : prefix + path.dropFirst()
      issues.append(
        PackIssue(
          .decoding, file: file.rawValue,
          path: path == "$" ? "\(prefix)[\(index)]" : located, message: message))
    }
  }

  private static func collect<T>(
    _ items: [Lenient<T>], file: PackFile, prefix: String, issues: inout [PackIssue]
  ) -> [Located<T>] {
    var located: [Located<T>] = []
    located.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      if let value = item.value {
        located.append(Located(index: index, value: value))
      } else if let error = item.error {
        let (path, message) = JSONDiagnostics.describe(error)
        issues.append(
          PackIssue(
            .decoding, file: file.rawValue,
            path: path == "$" ? "\(prefix)[\(index)]" : path, message: message))
      }
    }
    return located
  }

  private static func issue(for error: any Error, data: Data, file: PackFile) -> PackIssue {
    decodingIssue(for: error, data: data, file: file.rawValue)
  }

  /// Where `data` stops being UTF-8, as an issue; nil when it is UTF-8 throughout.
  private static func utf8Issue(in data: Data, file: String) -> PackIssue? {
    guard let bad = UTF8Text.firstInvalid(in: data) else { return nil }
    return PackIssue(
      .syntax, file: file, line: bad.line, column: bad.column,
      message:
        "is not UTF-8 text: byte 0x\(String(bad.byte, radix: 16, uppercase: true)) here is not part of a character"
    )
  }

  /// Why `data`, the contents of `file`, did not decode, located by line and column or JSON path
  /// in plain words: for a pack's other files (the lexicon) as for its records.
  public static func decodingIssue(for error: any Error, data: Data, file: String) -> PackIssue {
    if data.isEmpty {
      return PackIssue(.syntax, file: file, line: 1, column: 1, message: "is empty")
    }
    if let notText = utf8Issue(in: data, file: file) { return notText }
    if let syntax = JSONDiagnostics.syntaxError(in: data) {
      return PackIssue(
        .syntax, file: file, line: syntax.line, column: syntax.column,
        message: "is not valid JSON: \(syntax.message)")
    }
    let (path, message) = JSONDiagnostics.describe(error)
    return PackIssue(.decoding, file: file, path: path, message: message)
  }
}

/// `venues.json` decoded record by record; absent arrays are empty.
private struct LenientVenueFile: Decodable {
  var venues: [Lenient<Venue>]
  var floors: [Lenient<Floor>]
  var halls: [Lenient<Hall>]
  var zones: [Lenient<Zone>]
  var rooms: [Lenient<Room>]

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: VenueFile.CodingKeys.self)
    venues = try container.decodeIfPresent([Lenient<Venue>].self, forKey: .venues) ?? []
    floors = try container.decodeIfPresent([Lenient<Floor>].self, forKey: .floors) ?? []
    halls = try container.decodeIfPresent([Lenient<Hall>].self, forKey: .halls) ?? []
    zones = try container.decodeIfPresent([Lenient<Zone>].self, forKey: .zones) ?? []
    rooms = try container.decodeIfPresent([Lenient<Room>].self, forKey: .rooms) ?? []
  }
}
