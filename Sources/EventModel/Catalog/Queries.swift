import Foundation

/// What to look for among exhibitors; every given criterion must hold.
public struct ExhibitorFilter: Sendable {
  /// Free text: names in any language, aliases, exhibits, topics, description.
  public var text: String?
  /// A topic id; narrower topics count too.
  public var topic: String?
  /// A pavilion id.
  public var pavilion: String?

  public init(text: String? = nil, topic: String? = nil, pavilion: String? = nil) {
    self.text = text
    self.topic = topic
    self.pavilion = pavilion
  }
}

/// What to look for in the schedule; every given criterion must hold.
public struct SessionFilter: Sendable {
  public var day: LocalDate?
  /// A topic id; narrower topics count too.
  public var topic: String?
  public var speaker: String?
  public var room: String?
  /// Only sessions that have not ended by this time.
  public var notEndedBy: Date?

  public init(
    day: LocalDate? = nil, topic: String? = nil, speaker: String? = nil, room: String? = nil,
    notEndedBy: Date? = nil
  ) {
    self.day = day
    self.topic = topic
    self.speaker = speaker
    self.room = room
    self.notEndedBy = notEndedBy
  }
}

extension EventCatalog {
  /// Where visits start when nobody says: the first entrance of the walkway graph.
  public var mainEntrance: String {
    // Fields read in place: a large venue has thousands of nodes, and plans ask for this.
    let nodes = pack.walkways.nodes
    for index in nodes.indices where nodes[index].kind == .entrance { return nodes[index].id }
    return nodes.first?.id ?? ""
  }

  /// How prominent an exhibitor is, 0 to 1, from what the pack sources: how many sources name
  /// it beyond the first and how many of its demos they describe. Nothing modelled goes in, so
  /// a plan that prefers Unitree (four sources, three named demos) does so on the record.
  public func prominence(of exhibitor: Exhibitor) -> Double { Self.prominence(of: exhibitor) }

  static func prominence(of exhibitor: Exhibitor) -> Double {
    let sources = exhibitor.provenance.sources.count
    let score = 0.25 * Double(max(0, sources - 1)) + 0.2 * Double(exhibitor.exhibits.count)
    return min(1, score)
  }

  /// Topic ids at or below `topic` in the taxonomy.
  public func topicAndNarrower(_ topic: String) -> Set<String> {
    var result: Set<String> = [topic]
    var changed = true
    while changed {
      changed = false
      for candidate in pack.topics where !result.contains(candidate.id) {
        if let parent = candidate.parent, result.contains(parent) {
          result.insert(candidate.id)
          changed = true
        }
      }
    }
    return result
  }

  /// Exhibitors that meet the filter: with text, best matches first; otherwise by name.
  public func exhibitors(matching filter: ExhibitorFilter) -> [Exhibitor] {
    if filter.text == nil || TextFolding.fold(filter.text!).isEmpty {
      return exhibitorPositions(matching: filter).map { pack.exhibitors[$0] }
    }
    let candidates = exhibitorPositions(
      matching: ExhibitorFilter(topic: filter.topic, pavilion: filter.pavilion))
    let query = TextFolding.fold(filter.text!)
    let scored = candidates.compactMap { position -> (Int, Exhibitor)? in
      let exhibitor = pack.exhibitors[position]
      let score = relevance(of: exhibitor, to: query)
      return score > 0 ? (score, exhibitor) : nil
    }
    return scored.sorted { ($0.0, $1.1.id) > ($1.0, $0.1.id) }.map(\.1)
  }

  /// Positions (in `pack.exhibitors`) of the exhibitors on a topic and in a pavilion, by name;
  /// the text of the filter is not looked at.
  public func exhibitorPositions(matching filter: ExhibitorFilter, bestKnownFirst: Bool = false)
    -> [Int]
  {
    var candidates = bestKnownFirst ? exhibitorsByProminence : exhibitorsByName
    if let topic = filter.topic {
      var allowed = [Bool](repeating: false, count: pack.exhibitors.count)
      for position in exhibitorsByTopic[topic] ?? [] { allowed[position] = true }
      candidates = candidates.filter { allowed[$0] }
    }
    if let pavilion = filter.pavilion {
      // By number: no exhibitor's record is read.
      guard let number = exhibitorPavilions.firstIndex(of: pavilion).map(Int32.init) else {
        return []
      }
      candidates = candidates.filter { exhibitorPavilionNumber[$0] == number }
    }
    return candidates
  }

  /// How well an exhibitor matches folded text: names beat exhibits beat topics beat prose;
  /// a near-miss spelling of a name word still counts, below every real match.
  func relevance(of exhibitor: Exhibitor, to query: String) -> Int {
    let names = ([exhibitor.id] + exhibitor.name.allTexts + exhibitor.aliases).map {
      TextFolding.fold($0)
    }
    if names.contains(query) { return 100 }
    if names.contains(where: { $0.hasPrefix(query) }) { return 80 }
    if names.contains(where: { $0.split(separator: " ").contains { $0.hasPrefix(query) } }) {
      return 70
    }
    if query.count >= 2 && names.contains(where: { $0.contains(query) }) { return 60 }
    let exhibits = exhibitor.exhibits.flatMap(\.name.allTexts).map { TextFolding.fold($0) }
    if exhibits.contains(where: { $0.contains(query) }) { return 40 }
    let topicWords = exhibitor.topics.compactMap(topic).flatMap {
      [$0.id] + $0.name.allTexts + $0.aliases
    }
    .map { TextFolding.fold($0) }
    if topicWords.contains(where: { $0 == query || $0.hasPrefix(query + " ") }) { return 30 }
    if query.count >= 4,
      exhibitor.description.allTexts.contains(where: { TextFolding.fold($0).contains(query) })
    {
      return 10
    }
    // Typo tolerance: every word of the query matches a word of a name, exactly, as a prefix,
    // or (for words of five letters or more) within one or two edits.
    let nameWords = names.flatMap { $0.split(separator: " ") }.map { Array($0) }
    let queryWords = query.split(separator: " ").map { Array($0) }
    let allWordsMatch = queryWords.allSatisfy { word in
      nameWords.contains { candidate in
        if candidate.starts(with: word) { return true }
        guard word.count >= 5, candidate.count >= 4 else { return false }
        let allowed = word.count >= 8 ? 2 : 1
        return NameSuggestions.editDistance(word, candidate, limit: allowed) <= allowed
      }
    }
    if allWordsMatch && queryWords.contains(where: { $0.count >= 5 }) { return 5 }
    return 0
  }

  /// Sessions that meet the filter, by start time.
  public func sessions(matching filter: SessionFilter) -> [Session] {
    sessionPositions(matching: filter).map { pack.sessions[$0] }
  }

  /// Positions (in `pack.sessions`) of the sessions that meet the filter, by start time.
  public func sessionPositions(matching filter: SessionFilter) -> [Int] {
    if filter.day == nil && filter.notEndedBy == nil && filter.room == nil
      && filter.speaker == nil && filter.topic == nil
    {
      return sessionsByStart
    }
    let topics = filter.topic.map(topicAndNarrower)
    // Fields are read in place, cheapest test first: copying each session cost more than the
    // tests on a pack of a thousand sessions.
    let sessions = pack.sessions
    return sessionsByStart.filter { position in
      if let day = filter.day, sessionDays[position] != day { return false }
      if let now = filter.notEndedBy, sessions[position].end <= now { return false }
      if let room = filter.room, sessions[position].room != room { return false }
      if let speaker = filter.speaker, !sessions[position].speakers.contains(speaker) {
        return false
      }
      if let topics, !sessions[position].topics.contains(where: topics.contains) { return false }
      return true
    }
  }

  /// Where a booth is: its hall, floor and venue.
  public func place(ofBooth boothID: String) -> (
    booth: Booth, hall: Hall?, floor: Floor?, venue: Venue?
  )? {
    guard let booth = booth(boothID) else { return nil }
    let hall = self.hall(booth.hall)
    let floor = hall.flatMap { self.floor($0.floor) }
    return (booth, hall, floor, floor.flatMap { venue($0.venue) })
  }

  /// Where a room is: its floor and venue.
  public func place(ofRoom roomID: String) -> (room: Room, floor: Floor?, venue: Venue?)? {
    guard let room = room(roomID) else { return nil }
    let floor = room.floor.flatMap { self.floor($0) }
    return (room, floor, floor.flatMap { venue($0.venue) })
  }
}
