extension EventCatalog {
  /// The walkway node a visitor means by a place: a node id, a booth, zone or room id, an
  /// exhibitor (its booth), a named node ("Expo Hall north entrance", "13号线世博大道站"), a room
  /// name or an exhibitor name. Not found: the close matches.
  public func resolvePlace(_ text: String) -> Resolution<String> {
    if node(text) != nil { return .found(text) }
    if let booth = booth(text) { return .found(booth.node) }
    if let zone = zone(text) { return .found(zone.node) }
    if let room = room(text), let node = room.node { return .found(node) }
    if let exhibitor = exhibitor(text), let booth = exhibitor.booth.flatMap({ booth($0) }) {
      return .found(booth.node)
    }
    let folded = TextFolding.fold(text)
    if let named = pack.walkways.nodes.first(where: { node in
      node.name?.allTexts.contains { TextFolding.fold($0) == folded } ?? false
    }) {
      return .found(named.id)
    }
    if case .found(let room) = roomNames.resolve(text, { pack.venues.rooms[$0] }),
      let node = room.node
    {
      return .found(node)
    }
    if case .found(let exhibitor) = exhibitorNames.resolve(text, { pack.exhibitors[$0] }),
      let booth = exhibitor.booth.flatMap({ booth($0) })
    {
      return .found(booth.node)
    }
    var candidates = pack.walkways.nodes.compactMap { node in
      node.name.map { (key: $0.text(.en), label: node.id) }
    }
    candidates += pack.walkways.nodes.map { (key: $0.id, label: $0.id) }
    candidates += pack.booths.map { (key: $0.id, label: $0.id) }
    candidates += pack.venues.zones.map { (key: $0.id, label: $0.id) }
    candidates += pack.exhibitors.map { (key: $0.name.text(.en), label: $0.id) }
    return .notFound(suggestions: NameSuggestions.closest(to: text, among: candidates))
  }
}
