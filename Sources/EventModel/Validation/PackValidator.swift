import Foundation

/// Checks a decoded pack for everything the types cannot: references, clashes, geometry,
/// connectivity, translations and provenance. Reports every problem, each located.
final class PackValidator {
  let documents: PackDocuments
  let catalog: EventCatalog
  private var issues: [PackIssue] = []

  init(documents: PackDocuments, catalog: EventCatalog) {
    self.documents = documents
    self.catalog = catalog
  }

  /// Runs every check once and returns what they found.
  func validate() -> [PackIssue] {
    issues = []
    checkManifest()
    checkDuplicates()
    checkTopics()
    checkVenues()
    checkPavilionsAndBooths()
    checkWalkways()
    checkExhibitors()
    checkSessions()
    checkCityWalks()
    checkInfo()
    return issues
  }

  /// Whether the pack was imported from a published schedule (its event names one as a
  /// source): what that schedule has, the pack keeps.
  private var importedFromSchedule: Bool {
    catalog.pack.event.provenance.sources.contains { $0.hasPrefix("schedule:") }
  }

  // MARK: - Reporting

  private func report(
    _ kind: PackIssue.Kind, _ file: PackFile, _ path: String, _ message: String,
    severity: PackIssue.Severity = .error
  ) {
    issues.append(
      PackIssue(severity, kind, file: file.rawValue, path: path, message: message))
  }

  private func requireTranslations(
    _ text: LocalizedText?, _ file: PackFile, _ path: @autoclosure () -> String,
    what: @autoclosure () -> String
  ) {
    guard let text else { return }
    for language in catalog.pack.manifest.languages where text[language] == nil {
      let name = language == .en ? "English" : language == .zh ? "Chinese" : "German"
      report(
        .missingTranslation, file, "\(path()).\(language.rawValue)", "\(what()) has no \(name) text"
      )
    }
  }

  private func checkProvenance(
    _ provenance: Provenance?, _ file: PackFile, _ pathText: @autoclosure () -> String,
    inherited: Bool = false
  ) {
    if let provenance, !provenance.sources.isEmpty || !provenance.modelled.isEmpty,
      provenance.sources.allSatisfy(Provenance.isWellFormedSource)
    {
      return
    }
    let path = pathText()
    guard let provenance else {
      if !inherited {
        report(
          .provenance, file, "\(path).provenance",
          "has no provenance (say where it comes from, or that it is modelled)")
      }
      return
    }
    if provenance.sources.isEmpty && provenance.modelled.isEmpty {
      report(
        .provenance, file, "\(path).provenance",
        "names no source and no modelled field: say where it comes from, or mark it modelled")
    }
    for (index, source) in provenance.sources.enumerated()
    where !Provenance.isWellFormedSource(source) {
      report(
        .provenance, file, "\(path).provenance.sources[\(index)]",
        "'\(source)' is not a source: use seed:FILE, research:FILE, synthetic:NAME or an http(s) URL"
      )
    }
  }

  /// Reports a reference to a missing record, with close matches.
  private func requireReference(
    _ id: String, in positions: [String: Int], candidates: @autoclosure () -> [String],
    what: String,
    _ file: PackFile, _ path: @autoclosure () -> String, kind: PackIssue.Kind = .danglingReference
  ) {
    guard positions[id] == nil else { return }
    let close = NameSuggestions.closest(to: id, among: candidates().map { ($0, $0) })
    let hint = close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"
    report(kind, file, path(), "refers to \(what) '\(id)', which is not in the pack\(hint)")
  }

  private func requireTopics(
    _ topics: [String], _ file: PackFile, _ path: @autoclosure () -> String
  ) {
    for (index, topic) in topics.enumerated() {
      requireReference(
        topic, in: catalog.topicPosition, candidates: catalog.pack.topics.map(\.id),
        what: "topic", file, "\(path())[\(index)]", kind: .unknownTopic)
    }
  }

  private func requireNonEmptyID(_ id: String, _ file: PackFile, _ path: @autoclosure () -> String)
  {
    if id.isEmpty || id.utf8.allSatisfy({ $0 == 0x20 }) {
      report(.invalidValue, file, "\(path()).id", "id is empty")
    } else if id.utf8.contains(where: { $0 <= 0x20 })
      || (id.utf8.contains { $0 >= 0x80 } && id.contains(where: \.isWhitespace))
    {
      report(.invalidValue, file, "\(path()).id", "id '\(id)' contains white space")
    }
  }

  // MARK: - Checks

  private func checkManifest() {
    guard let manifest = documents.manifest else { return }
    if let prefix = manifest.codePrefix, !PlaceCode.isValidPrefix(prefix) {
      report(
        .invalidValue, .manifest, "$.codePrefix",
        "the code prefix '\(prefix.prefix(40))' is not 1 to \(PlaceCode.maximumPrefixLength) capital letters and digits"
      )
    }
    let event = manifest.event
    requireTranslations(event.name, .manifest, "$.event.name", what: "the event's name")
    requireTranslations(event.theme, .manifest, "$.event.theme", what: "the event's theme")
    checkProvenance(event.provenance, .manifest, "$.event")
    if event.days.isEmpty {
      report(.invalidValue, .manifest, "$.event.days", "the event has no days")
    }
    var seenDays = Set<String>()
    for (index, day) in event.days.enumerated() {
      if LocalDate(day.date) == nil {
        report(
          .invalidValue, .manifest, "$.event.days[\(index)].date",
          "'\(day.date)' is not a date (YYYY-MM-DD)")
      } else if !seenDays.insert(day.date).inserted {
        report(
          .duplicateID, .manifest, "$.event.days[\(index)].date", "day \(day.date) is listed twice")
      }
      requireTranslations(
        day.label, .manifest, "$.event.days[\(index)].label", what: "the day's label")
    }
    for (index, figure) in event.figures.enumerated() {
      let path = "$.event.figures[\(index)]"
      requireTranslations(figure.label, .manifest, "\(path).label", what: "the figure's label")
      requireTranslations(figure.value, .manifest, "\(path).value", what: "the figure's value")
      checkProvenance(figure.provenance, .manifest, path)
    }
    for (index, note) in event.notes.enumerated() {
      let path = "$.event.notes[\(index)]"
      requireTranslations(note.text, .manifest, "\(path).text", what: "the note")
      requireTopics(note.topics, .manifest, "\(path).topics")
      checkProvenance(note.provenance, .manifest, path)
    }
  }

  private func checkDuplicates() {
    func duplicates<T>(
      _ records: [Located<T>], id: (T) -> String, file: PackFile, prefix: String, what: String
    ) -> [PackIssue] {
      // Ids are typed by people (--must, scanned codes) without regard to case, so two ids that
      // differ only in case are one id twice.
      var first: [String: (index: Int, id: String)] = [:]
      first.reserveCapacity(records.count)
      var found: [PackIssue] = []
      for position in records.indices {
        // Read in place: a copy of each record would retain every field of it.
        let key = id(records[position].value)
        let recordIndex = records[position].index
        // Most ids are lowercase ASCII already: lowercasing each of thousands cost more than
        // the check.
        let folded =
          key.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) } ? key : key.lowercased()
        if let earlier = first[folded] {
          found.append(
            PackIssue(
              .duplicateID, file: file.rawValue, path: "\(prefix)[\(recordIndex)].id",
              message: earlier.id == key
                ? "\(what) id '\(key)' is already used at \(prefix)[\(earlier.index)]"
                : "\(what) id '\(key)' differs only in case from '\(earlier.id)' at \(prefix)[\(earlier.index)]"
            ))
        } else {
          first[folded] = (recordIndex, key)
        }
      }
      return found
    }
    let d = documents
    issues += duplicates(d.topics, id: \.id, file: .topics, prefix: "$", what: "topic")
    issues += duplicates(d.venues, id: \.id, file: .venues, prefix: "$.venues", what: "venue")
    issues += duplicates(d.floors, id: \.id, file: .venues, prefix: "$.floors", what: "floor")
    issues += duplicates(d.halls, id: \.id, file: .venues, prefix: "$.halls", what: "hall")
    issues += duplicates(d.zones, id: \.id, file: .venues, prefix: "$.zones", what: "zone")
    issues += duplicates(d.rooms, id: \.id, file: .venues, prefix: "$.rooms", what: "room")
    issues += duplicates(d.pavilions, id: \.id, file: .pavilions, prefix: "$", what: "pavilion")
    issues += duplicates(d.booths, id: \.id, file: .booths, prefix: "$", what: "booth")
    issues += duplicates(d.nodes, id: \.id, file: .walkways, prefix: "$.nodes", what: "node")
    issues += duplicates(d.exhibitors, id: \.id, file: .exhibitors, prefix: "$", what: "exhibitor")
    issues += duplicates(d.speakers, id: \.id, file: .speakers, prefix: "$", what: "speaker")
    issues += duplicates(d.sessions, id: \.id, file: .sessions, prefix: "$", what: "session")
    issues += duplicates(
      d.cityWalks, id: \.id, file: .cityWalks, prefix: "$", what: "City Walk route")
    issues += duplicates(d.info, id: \.id, file: .info, prefix: "$", what: "information entry")
    // Printed codes (WAIC:ZONE:H1-A) upper-case the id: ids that differ only in case would share
    // one code.
    for (records, prefix, kind) in [
      (d.zones.map { ($0.index, $0.value.id) }, "$.zones", PlaceCode.Kind.zone),
      (d.rooms.map { ($0.index, $0.value.id) }, "$.rooms", PlaceCode.Kind.room),
    ] {
      var first: [String: (Int, String)] = [:]
      for (index, id) in records {
        let code = PlaceCode(kind, id: id).text
        if let (earlier, earlierID) = first[code], earlierID != id {
          issues.append(
            PackIssue(
              .duplicateID, file: PackFile.venues.rawValue, path: "\(prefix)[\(index)].id",
              message:
                "id '\(id)' gives the same QR code \(code) as '\(earlierID)' at \(prefix)[\(earlier)]"
            ))
        } else if first[code] == nil {
          first[code] = (index, id)
        }
      }
    }
  }

  private func checkTopics() {
    for record in documents.topics {
      let path = "$[\(record.index)]"
      let topic = record.value
      checkRecord(
        id: topic.id, name: topic.name, nameField: "name", provenance: topic.provenance, .topics,
        path, what: "topic '\(topic.id)'")
      if let parent = topic.parent {
        requireReference(
          parent, in: catalog.topicPosition, candidates: catalog.pack.topics.map(\.id),
          what: "parent topic", .topics, "\(path).parent", kind: .unknownTopic)
        if parent == topic.id {
          report(.invalidValue, .topics, "\(path).parent", "topic '\(topic.id)' is its own parent")
        }
      }
    }
  }

  private func checkVenues() {
    let pack = catalog.pack
    for record in documents.venues {
      let path = "$.venues[\(record.index)]"
      let venue = record.value
      checkRecord(
        id: venue.id, name: venue.name, nameField: "name", provenance: venue.provenance, .venues,
        path, what: "venue '\(venue.id)'")
      if let location = venue.location, !location.isValid {
        report(
          .outsideBounds, .venues, "\(path).location",
          "latitude \(location.lat), longitude \(location.lon) is not on the globe")
      }
    }
    for record in documents.floors {
      let path = "$.floors[\(record.index)]"
      let floor = record.value
      checkRecord(
        id: floor.id, name: floor.name, nameField: "name", provenance: floor.provenance, .venues,
        path, what: "floor '\(floor.id)'")
      requireReference(
        floor.venue, in: catalog.venuePosition, candidates: pack.venues.venues.map(\.id),
        what: "venue", .venues, "\(path).venue")
      checkRect(floor.bounds, .venues, "\(path).bounds")
      if !Self.levels.contains(floor.level) {
        report(
          .invalidValue, .venues, "\(path).level",
          "level \(floor.level) must be from \(Self.levels.lowerBound) to \(Self.levels.upperBound)"
        )
      }
    }
    for record in documents.halls {
      let path = "$.halls[\(record.index)]"
      let hall = record.value
      checkRecord(
        id: hall.id, name: hall.name, nameField: "name", provenance: hall.provenance, .venues, path,
        what: "hall '\(hall.id)'")
      requireReference(
        hall.floor, in: catalog.floorPosition, candidates: pack.venues.floors.map(\.id),
        what: "floor", .venues, "\(path).floor")
      checkRect(hall.rect, .venues, "\(path).rect")
      if let floor = catalog.floor(hall.floor), !floor.bounds.contains(hall.rect) {
        report(
          .outsideBounds, .venues, "\(path).rect",
          "hall '\(hall.id)' does not fit on floor '\(floor.id)'")
      }
    }
    for record in documents.zones {
      let path = "$.zones[\(record.index)]"
      let zone = record.value
      checkRecord(
        id: zone.id, name: zone.name, nameField: "name", provenance: zone.provenance, .venues, path,
        what: "zone '\(zone.id)'")
      requireReference(
        zone.hall, in: catalog.hallPosition, candidates: pack.venues.halls.map(\.id), what: "hall",
        .venues, "\(path).hall")
      requireReference(
        zone.node, in: catalog.walkways.nodePosition, candidates: [], what: "walkway node", .venues,
        "\(path).node")
      requireTopics(zone.topics, .venues, "\(path).topics")
      checkRect(zone.rect, .venues, "\(path).rect")
      if let hall = catalog.hall(zone.hall), !hall.rect.contains(zone.rect) {
        report(
          .outsideBounds, .venues, "\(path).rect",
          "zone '\(zone.id)' lies outside its hall '\(hall.id)'")
      }
    }
    for record in documents.rooms {
      let path = "$.rooms[\(record.index)]"
      let room = record.value
      checkRecord(
        id: room.id, name: room.name, nameField: "name", provenance: room.provenance, .venues, path,
        what: "room '\(room.id)'")
      // Placed or not at all: a room with a door but no floor would be half on the map.
      let placed = [room.floor != nil, room.rect != nil, room.node != nil]
      if placed.contains(true) && placed.contains(false) {
        report(
          .invalidValue, .venues, path,
          "room '\(room.id)' needs floor, rect and node together, or none of them (a pack without a floor plan)"
        )
      }
      if let floor = room.floor {
        requireReference(
          floor, in: catalog.floorPosition, candidates: pack.venues.floors.map(\.id),
          what: "floor", .venues, "\(path).floor")
      }
      if let node = room.node {
        requireReference(
          node, in: catalog.walkways.nodePosition, candidates: [], what: "walkway node", .venues,
          "\(path).node")
      }
      if let rect = room.rect {
        checkRect(rect, .venues, "\(path).rect")
        if let floor = room.floor.flatMap({ catalog.floor($0) }), !floor.bounds.contains(rect) {
          report(
            .outsideBounds, .venues, "\(path).rect",
            "room '\(room.id)' does not fit on floor '\(floor.id)'")
        }
      }
      if let capacity = room.capacity, capacity <= 0 || capacity > Self.largestCapacity {
        report(
          .invalidValue, .venues, "\(path).capacity",
          "capacity \(capacity) must be from 1 to \(Self.largestCapacity)")
      }
    }
  }

  /// The checks every named record needs: a usable id, English and Chinese names, provenance.
  private func checkRecord(
    id: String, name: LocalizedText, nameField: String, provenance: Provenance, _ file: PackFile,
    _ path: String, what: @autoclosure () -> String
  ) {
    requireNonEmptyID(id, file, path)
    requireTranslations(name, file, "\(path).\(nameField)", what: what())
    checkProvenance(provenance, file, path)
  }

  private func checkRect(_ rect: PlaneRect, _ file: PackFile, _ path: @autoclosure () -> String) {
    if !(rect.w > 0 && rect.d > 0) || !rect.x.isFinite || !rect.y.isFinite {
      report(
        .invalidValue, file, path(),
        "a rectangle needs a finite origin and a positive width and depth")
    } else if [rect.x, rect.y, rect.w, rect.d].contains(where: { abs($0) > Self.largestMetres }) {
      report(
        .invalidValue, file, path(),
        "a rectangle of more than \(Self.largestMetres.roundedInt) m (x \(rect.x), y \(rect.y), width \(rect.w), depth \(rect.d)) is not a venue's"
      )
    }
  }

  // Bounds no real venue comes near, so that walking sums and screen positions stay ordinary
  // numbers: a venue plan within 100 km, a walkway edge up to 100 km or 24 hours, a floor level
  // from -100 to 1,000, a room for up to 10 million, a City Walk stop of up to 24 hours.
  static let largestMetres = 100_000.0
  static let longestMinutes = 24 * 60.0
  static let levels = -100...1_000
  static let largestCapacity = 10_000_000

  private func checkPavilionsAndBooths() {
    let pack = catalog.pack
    for record in documents.pavilions {
      let path = "$[\(record.index)]"
      let pavilion = record.value
      checkRecord(
        id: pavilion.id, name: pavilion.name, nameField: "name", provenance: pavilion.provenance,
        .pavilions, path, what: "pavilion '\(pavilion.id)'")
      requireTranslations(
        pavilion.description, .pavilions, "\(path).description",
        what: "pavilion '\(pavilion.id)'s description")
      requireTopics(pavilion.topics, .pavilions, "\(path).topics")
      for (index, hall) in pavilion.halls.enumerated() {
        requireReference(
          hall, in: catalog.hallPosition, candidates: pack.venues.halls.map(\.id), what: "hall",
          .pavilions, "\(path).halls[\(index)]")
      }
    }
    for record in documents.booths {
      let path = "$[\(record.index)]"
      let booth = record.value
      requireNonEmptyID(booth.id, .booths, path)
      checkProvenance(booth.provenance, .booths, path)
      requireReference(
        booth.hall, in: catalog.hallPosition, candidates: pack.venues.halls.map(\.id), what: "hall",
        .booths, "\(path).hall")
      requireReference(
        booth.node, in: catalog.walkways.nodePosition, candidates: [], what: "walkway node",
        .booths, "\(path).node")
      checkRect(booth.rect, .booths, "\(path).rect")
      if let hall = catalog.hall(booth.hall), !hall.rect.contains(booth.rect) {
        report(
          .boothOutsideHall, .booths, "\(path).rect",
          "booth '\(booth.id)' (x \(booth.rect.x)–\(booth.rect.maxX), y \(booth.rect.y)–\(booth.rect.maxY)) lies outside hall '\(hall.id)' (x \(hall.rect.x)–\(hall.rect.maxX), y \(hall.rect.y)–\(hall.rect.maxY))"
        )
      }
      if let zoneID = booth.zone {
        requireReference(
          zoneID, in: catalog.zonePosition, candidates: pack.venues.zones.map(\.id), what: "zone",
          .booths, "\(path).zone")
        if let zone = catalog.zone(zoneID), zone.hall != booth.hall {
          report(
            .invalidValue, .booths, "\(path).zone",
            "zone '\(zoneID)' is in hall '\(zone.hall)', not in the booth's hall '\(booth.hall)'")
        }
      }
    }
  }

  private func checkWalkways() {
    let pack = catalog.pack
    let graph = pack.walkways
    checkProvenance(documents.walkwayProvenance, .walkways, "$")
    for record in documents.nodes {
      let path = "$.nodes[\(record.index)]"
      let node = record.value
      requireNonEmptyID(node.id, .walkways, path)
      checkProvenance(node.provenance, .walkways, path, inherited: true)
      requireReference(
        node.floor, in: catalog.floorPosition, candidates: pack.venues.floors.map(\.id),
        what: "floor", .walkways, "\(path).floor")
      if let floor = catalog.floor(node.floor), !floor.bounds.contains(node.point) {
        report(
          .outsideBounds, .walkways, path,
          "node '\(node.id)' at (\(node.x), \(node.y)) lies outside floor '\(floor.id)'")
      }
      if node.name != nil {
        requireTranslations(node.name, .walkways, "\(path).name", what: "node '\(node.id)'")
      }
      if node.kind == .facility && node.facility == nil {
        report(
          .invalidValue, .walkways, "\(path).facility",
          "facility node '\(node.id)' does not say which facility it is")
      }
    }
    for record in documents.edges {
      let path = "$.edges[\(record.index)]"
      let edge = record.value
      requireReference(
        edge.from, in: catalog.walkways.nodePosition, candidates: graph.nodes.map(\.id),
        what: "node", .walkways, "\(path).from")
      requireReference(
        edge.to, in: catalog.walkways.nodePosition, candidates: graph.nodes.map(\.id), what: "node",
        .walkways, "\(path).to")
      if edge.from == edge.to {
        report(.invalidValue, .walkways, path, "edge leads from '\(edge.from)' to itself")
      }
      if let length = edge.length, !(length > 0) {
        report(.invalidValue, .walkways, "\(path).length", "length \(length) must be positive")
      } else if let length = edge.length, !(length <= Self.largestMetres) {
        report(
          .invalidValue, .walkways, "\(path).length",
          "length \(length) m is longer than any walkway (at most \(Self.largestMetres.roundedInt) m)"
        )
      }
      if let minutes = edge.minutes, !(minutes > 0) {
        report(.invalidValue, .walkways, "\(path).minutes", "minutes \(minutes) must be positive")
      } else if let minutes = edge.minutes, !(minutes <= Self.longestMinutes) {
        report(
          .invalidValue, .walkways, "\(path).minutes",
          "\(minutes) minutes is longer than any walkway or ride (at most \(Self.longestMinutes.roundedInt))"
        )
      }
      if (edge.kind == .metro || edge.kind == .shuttle) && edge.minutes == nil {
        report(
          .invalidValue, .walkways, "\(path).minutes",
          "a \(edge.kind.rawValue) edge needs its travel time in minutes")
      }
      guard let a = catalog.node(edge.from), let b = catalog.node(edge.to) else { continue }
      if a.floor != b.floor && edge.length == nil {
        report(
          .invalidValue, .walkways, "\(path).length",
          "edge '\(edge.from)'–'\(edge.to)' changes floor, so it needs a length")
      }
      if let length = edge.length, a.floor == b.floor, length + 0.5 < a.point.distance(to: b.point)
      {
        report(
          .invalidValue, .walkways, "\(path).length",
          "length \(length) m is shorter than the straight line between its nodes (\(a.point.distance(to: b.point).roundedInt) m)"
        )
      }
    }
    checkConnectivity()
  }

  /// Every booth, room and zone must be reachable from every other on foot; rooms should be
  /// reachable without stairs.
  private func checkConnectivity() {
    let pack = catalog.pack
    let walkways = catalog.walkways
    guard !pack.walkways.nodes.isEmpty else {
      // A pack without a floor plan places nothing; one that places a room or booth needs it.
      if !pack.booths.isEmpty || pack.venues.rooms.contains(where: { $0.node != nil }) {
        report(
          .disconnected, .walkways, "$.nodes",
          "the walkway graph has no nodes, so no booth or room can be reached")
      }
      return
    }
    // Start from a room or booth node, so that an isolated scrap of corridor does not decide.
    let anchorID =
      pack.venues.rooms.first?.node ?? pack.booths.first?.node ?? pack.walkways.nodes[0].id
    let anchor = walkways.nodePosition[anchorID] ?? 0
    let reachable = walkways.reachable(from: anchor, edges: pack.walkways.edges)
    let stepFree = walkways.reachable(from: anchor, edges: pack.walkways.edges, stepFreeOnly: true)
    let anchorName = pack.walkways.nodes[anchor].id

    func check(
      _ nodeID: String, what: @autoclosure () -> String, file: PackFile,
      path: @autoclosure () -> String, needsStepFree: Bool
    ) -> PackIssue? {
      guard let position = walkways.nodePosition[nodeID] else { return nil }
      if !reachable[position] {
        return PackIssue(
          .disconnected, file: file.rawValue, path: path(),
          message: "\(what()) (node '\(nodeID)') cannot be reached on foot from '\(anchorName)'")
      }
      if needsStepFree && !stepFree[position] {
        return PackIssue(
          .warning, .notStepFree, file: file.rawValue, path: path(),
          message: "\(what()) (node '\(nodeID)') can only be reached over stairs or escalators")
      }
      return nil
    }
    for record in documents.booths {
      if let issue = check(
        record.value.node, what: "booth '\(record.value.id)'", file: .booths,
        path: "$[\(record.index)].node", needsStepFree: false)
      {
        issues.append(issue)
      }
    }
    for record in documents.rooms {
      guard let node = record.value.node else { continue }
      if let issue = check(
        node, what: "room '\(record.value.id)'", file: .venues,
        path: "$.rooms[\(record.index)].node", needsStepFree: true)
      {
        issues.append(issue)
      }
    }
    for record in documents.zones {
      if let issue = check(
        record.value.node, what: "zone '\(record.value.id)'", file: .venues,
        path: "$.zones[\(record.index)].node", needsStepFree: false)
      {
        issues.append(issue)
      }
    }
  }

  private func checkExhibitors() {
    let pack = catalog.pack
    for record in documents.exhibitors {
      let path = "$[\(record.index)]"
      let exhibitor = record.value
      checkRecord(
        id: exhibitor.id, name: exhibitor.name, nameField: "name", provenance: exhibitor.provenance,
        .exhibitors, path, what: "exhibitor '\(exhibitor.id)'")
      requireTranslations(
        exhibitor.description, .exhibitors, "\(path).description",
        what: "exhibitor '\(exhibitor.id)'s description")
      requireReference(
        exhibitor.pavilion, in: catalog.pavilionPosition, candidates: pack.pavilions.map(\.id),
        what: "pavilion", .exhibitors, "\(path).pavilion")
      if let booth = exhibitor.booth {
        requireReference(
          booth, in: catalog.boothPosition, candidates: pack.booths.map(\.id), what: "booth",
          .exhibitors, "\(path).booth")
        if let hall = catalog.booth(booth)?.hall,
          let pavilion = catalog.pavilion(exhibitor.pavilion),
          !pavilion.halls.isEmpty, !pavilion.halls.contains(hall)
        {
          report(
            .invalidValue, .exhibitors, "\(path).booth",
            "booth '\(booth)' is in hall '\(hall)', which is not a hall of pavilion '\(pavilion.id)'",
            severity: .warning)
        }
      }
      requireTopics(exhibitor.topics, .exhibitors, "\(path).topics")
      for (index, exhibit) in exhibitor.exhibits.enumerated() {
        let exhibitPath = "\(path).exhibits[\(index)]"
        requireTranslations(
          exhibit.name, .exhibitors, "\(exhibitPath).name", what: "an exhibit of '\(exhibitor.id)'")
        requireTranslations(
          exhibit.description, .exhibitors, "\(exhibitPath).description",
          what: "an exhibit of '\(exhibitor.id)'")
        checkProvenance(exhibit.provenance, .exhibitors, exhibitPath, inherited: true)
      }
    }
  }

  private func checkSessions() {
    let pack = catalog.pack
    for record in documents.speakers {
      let path = "$[\(record.index)]"
      let speaker = record.value
      checkRecord(
        id: speaker.id, name: speaker.name, nameField: "name", provenance: speaker.provenance,
        .speakers, path, what: "speaker '\(speaker.id)'")
      if speaker.affiliation != nil {
        requireTranslations(
          speaker.affiliation, .speakers, "\(path).affiliation",
          what: "speaker '\(speaker.id)'s affiliation")
      }
    }
    let zone = catalog.timeZone
    let eventDays = Set(catalog.days)
    var byRoom: [String: [Located<Session>]] = [:]
    for record in documents.sessions {
      let path = "$[\(record.index)]"
      let session = record.value
      checkRecord(
        id: session.id, name: session.title, nameField: "title", provenance: session.provenance,
        .sessions, path, what: "session '\(session.id)'")
      requireTranslations(
        session.description, .sessions, "\(path).description",
        what: "session '\(session.id)'s description")
      for (index, organiser) in session.organisers.enumerated() {
        requireTranslations(
          organiser, .sessions, "\(path).organisers[\(index)]",
          what: "an organiser of '\(session.id)'")
      }
      requireReference(
        session.room, in: catalog.roomPosition, candidates: pack.venues.rooms.map(\.id),
        what: "room", .sessions, "\(path).room")
      for (index, speaker) in session.speakers.enumerated() {
        requireReference(
          speaker, in: catalog.speakerPosition, candidates: pack.speakers.map(\.id),
          what: "speaker", .sessions, "\(path).speakers[\(index)]")
      }
      requireTopics(session.topics, .sessions, "\(path).topics")
      if session.end < session.start {
        report(
          .endBeforeStart, .sessions, "\(path).end",
          "session '\(session.id)' ends at \(EventTime.format(session.end, zone: zone)), before its start at \(EventTime.format(session.start, zone: zone))"
        )
      } else if session.end == session.start {
        // Published schedules list such sessions (a start signal, a placeholder): kept, said.
        report(
          .endBeforeStart, .sessions, "\(path).end",
          "session '\(session.id)' ends when it starts (\(EventTime.format(session.start, zone: zone))): it lasts no time",
          severity: .warning)
      } else {
        byRoom[session.room, default: []].append(record)
      }
      let day = EventTime.localDate(session.start, zone: zone)
      if !eventDays.isEmpty && !eventDays.contains(day) {
        report(
          .outsideEventDates, .sessions, "\(path).start",
          "session '\(session.id)' is on \(day), which is not one of the event's days",
          severity: .warning)
      }
    }
    for room in byRoom.keys.sorted() {
      let sessions = byRoom[room, default: []].sorted {
        ($0.value.start, $0.index) < ($1.value.start, $1.index)
      }
      var latest: Located<Session>?
      for record in sessions {
        if let earlier = latest, record.value.start < earlier.value.end {
          let a = earlier.value
          let b = record.value
          // A published schedule that has two sessions at once in a room has them (merged
          // schedules do): the pack keeps them and says so; a pack made by hand must not.
          report(
            .roomOverlap, .sessions, "$[\(record.index)].start",
            "session '\(b.id)' (\(EventTime.clockTime(b.start, zone: zone))–\(EventTime.clockTime(b.end, zone: zone))) overlaps '\(a.id)' (\(EventTime.clockTime(a.start, zone: zone))–\(EventTime.clockTime(a.end, zone: zone)), at $[\(earlier.index)]) in room '\(room)' on \(EventTime.localDate(b.start, zone: zone))",
            severity: importedFromSchedule ? .warning : .error)
        }
        if latest == nil || record.value.end > latest!.value.end { latest = record }
      }
    }
  }

  private func checkCityWalks() {
    for record in documents.cityWalks {
      let path = "$[\(record.index)]"
      let route = record.value
      checkRecord(
        id: route.id, name: route.name, nameField: "name", provenance: route.provenance, .cityWalks,
        path, what: "route '\(route.id)'")
      requireTranslations(
        route.theme, .cityWalks, "\(path).theme", what: "route '\(route.id)'s theme")
      requireTranslations(
        route.description, .cityWalks, "\(path).description",
        what: "route '\(route.id)'s description")
      requireTopics(route.topics, .cityWalks, "\(path).topics")
      if route.stops.count < 2 {
        report(
          .invalidValue, .cityWalks, "\(path).stops", "route '\(route.id)' needs at least two stops"
        )
      }
      var stopIDs = Set<String>()
      for (index, stop) in route.stops.enumerated() {
        let stopPath = "\(path).stops[\(index)]"
        if !stopIDs.insert(stop.id).inserted {
          report(
            .duplicateID, .cityWalks, "\(stopPath).id",
            "stop id '\(stop.id)' is used twice in route '\(route.id)'")
        }
        requireTranslations(stop.name, .cityWalks, "\(stopPath).name", what: "stop '\(stop.id)'")
        requireTranslations(stop.shows, .cityWalks, "\(stopPath).shows", what: "stop '\(stop.id)'")
        checkProvenance(stop.provenance, .cityWalks, stopPath, inherited: true)
        if !stop.location.isValid {
          report(
            .outsideBounds, .cityWalks, "\(stopPath).location",
            "latitude \(stop.location.lat), longitude \(stop.location.lon) is not on the globe")
        }
        if let node = stop.node {
          requireReference(
            node, in: catalog.walkways.nodePosition, candidates: [], what: "walkway node",
            .cityWalks, "\(stopPath).node")
        }
        if stop.minutes <= 0 || Double(stop.minutes) > Self.longestMinutes {
          report(
            .invalidValue, .cityWalks, "\(stopPath).minutes",
            "a stop needs from 1 to \(Self.longestMinutes.roundedInt) minutes, not \(stop.minutes)")
        }
      }
    }
  }

  private func checkInfo() {
    for record in documents.info {
      let path = "$[\(record.index)]"
      let entry = record.value
      requireNonEmptyID(entry.id, .info, path)
      requireTranslations(
        entry.question, .info, "\(path).question", what: "entry '\(entry.id)'s question")
      requireTranslations(
        entry.answer, .info, "\(path).answer", what: "entry '\(entry.id)'s answer")
      checkProvenance(entry.provenance, .info, path)
    }
  }
}
