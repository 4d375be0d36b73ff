import Foundation

/// The code printed on a zone's or room's QR poster, e.g. `WAIC:ZONE:H1-A` or
/// `WAIC:ROOM:GREEN-HALL`: the pack's prefix (WAIC's unless the pack names its own, as an
/// imported conference does), the kind, and the pack's id in capitals (so the whole code fits
/// QR's compact alphanumeric mode). Read back case-insensitively.
public struct PlaceCode: Hashable, Sendable {
  /// What the code names.
  public enum Kind: String, Sendable, CaseIterable {
    case zone = "ZONE"
    case room = "ROOM"
  }

  /// The prefix of a pack that names none (WAIC's), with its colon.
  public static let prefix = "WAIC:"
  /// The longest prefix a pack may name, without its colon.
  public static let maximumPrefixLength = 16
  /// The longest code a scanner can type (longer input is not a code).
  public static let maximumLength = 64

  public var kind: Kind
  /// The zone's or room's id as the pack spells it.
  public var id: String
  /// What the code starts with, with its colon (`WAIC:`).
  public var prefix: String

  public init(_ kind: Kind, id: String, prefix: String = PlaceCode.prefix) {
    self.kind = kind
    self.id = id
    self.prefix = prefix
  }

  /// The printed text.
  public var text: String { "\(prefix)\(kind.rawValue):\(id.uppercased())" }

  /// Whether a pack's own prefix (without its colon) can start a code: 1 to 16 capital letters
  /// and digits (QR's compact mode, and no colon to split on).
  public static func isValidPrefix(_ name: String) -> Bool {
    (1...maximumPrefixLength).contains(name.count)
      && name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
  }

  /// Splits `PREFIX:KIND:ID` (any case, surrounding spaces ignored) into kind and the id as
  /// typed; nil when it is not shaped like a code of that prefix.
  public static func parse(_ text: String, prefix: String = PlaceCode.prefix) -> (
    kind: Kind, id: String
  )? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.count <= maximumLength else { return nil }
    let parts = trimmed.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].uppercased() + ":" == prefix,
      let kind = Kind(rawValue: parts[1].uppercased()), !parts[2].isEmpty
    else { return nil }
    return (kind, String(parts[2]))
  }
}

extension EventCatalog {
  /// What this pack's codes start with, with its colon: the manifest's prefix, else WAIC's.
  public var placeCodePrefix: String {
    guard let own = pack.manifest.codePrefix, PlaceCode.isValidPrefix(own) else {
      return PlaceCode.prefix
    }
    return own + ":"
  }

  /// A code for every zone and room of the pack: zones first, in pack order.
  public var placeCodes: [PlaceCode] {
    let prefix = placeCodePrefix
    return pack.venues.zones.map { PlaceCode(.zone, id: $0.id, prefix: prefix) }
      + pack.venues.rooms.map { PlaceCode(.room, id: $0.id, prefix: prefix) }
  }

  /// The zone or room a scanned or typed code names. Also takes a bare zone or room id ("H1-A"),
  /// for scripts; not found gives the closest codes.
  public func resolvePlaceCode(_ text: String) -> Resolution<PlaceCode> {
    let codes = placeCodes
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let wanted: String
    let prefix = placeCodePrefix
    if let (kind, id) = PlaceCode.parse(trimmed, prefix: prefix) {
      wanted = PlaceCode(kind, id: id, prefix: prefix).text
    } else {
      let matches = codes.filter { $0.id.uppercased() == trimmed.uppercased() }
      if matches.count == 1 { return .found(matches[0]) }
      if matches.count > 1 { return .ambiguous(matches) }
      wanted = trimmed.uppercased()
    }
    if let code = codes.first(where: { $0.text == wanted }) { return .found(code) }
    let candidates = codes.flatMap {
      [(key: $0.text, label: $0.text), (key: $0.id, label: $0.text)]
    }
    return .notFound(suggestions: NameSuggestions.closest(to: wanted, among: candidates))
  }

  /// The walkway node a code leads to: the zone's centre or the room's door.
  public func node(of code: PlaceCode) -> String? {
    switch code.kind {
    case .zone: zone(code.id)?.node
    case .room: room(code.id)?.node
    }
  }

  /// The zone's or room's name.
  public func name(of code: PlaceCode) -> LocalizedText? {
    switch code.kind {
    case .zone: zone(code.id)?.name
    case .room: room(code.id)?.name
    }
  }
}
