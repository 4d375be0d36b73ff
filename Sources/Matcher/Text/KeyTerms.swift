import EventModel

extension Matcher {
  /// The words that carry a question's meaning, for telling whether two questions ask the same:
  /// its units (as the matcher reads them) without stop words: Latin words folded, plural "s"
  /// off; Han characters simplified, as pairs of neighbours, or alone when they stand alone.
  /// Units in `spans` (the names the matcher recognised, counted by their record instead) are
  /// left out.
  public func keyTerms(_ text: String, excluding spans: [Range<Int>] = []) -> [String] {
    let units = index.splittingCompounds(index.unitizer.units(Self.clean(text)))
    var terms: [String] = []
    var han: [String] = []
    func flushHan() {
      if han.count == 1 { terms.append(han[0]) }
      for position in han.indices.dropLast() { terms.append(han[position] + han[position + 1]) }
      han = []
    }
    for (position, unit) in units.enumerated() {
      if spans.contains(where: { $0.contains(position) }) {
        flushHan()
        continue
      }
      if unit.kind == .han {
        if index.stopUnits.contains(unit.text) { flushHan() } else { han.append(unit.text) }
        continue
      }
      flushHan()
      if unit.kind == .word, unit.text.count >= 2, !index.stopUnits.contains(unit.text) {
        terms.append(unit.text)
      }
    }
    flushHan()
    var seen = Set<String>()
    return terms.filter { seen.insert($0).inserted }
  }

  /// The records a text names (not those inside a longer name), without the rest of what
  /// `request(for:)` works out: what a recorded passage is filed under.
  public func entities(in text: String) -> [EntityReference] {
    let (understanding, _) = understand(text, context: AskContext(now: .distantPast))
    return understanding.entities.filter { !$0.nested }.map(\.reference)
  }
}
