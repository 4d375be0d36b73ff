import EventModel
import Foundation
import Testing

@Suite("Zone and room codes")
struct PlaceCodeTests {
  let catalog = try! PackLoader.load(from: Fixtures.waic)

  @Test("every zone and room of the pack has one code, all different, in QR's alphanumeric set")
  func everyZoneAndRoom() {
    let codes = catalog.placeCodes
    #expect(codes.count == catalog.pack.venues.zones.count + catalog.pack.venues.rooms.count)
    #expect(Set(codes.map(\.text)).count == codes.count)
    let alphanumeric = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    for code in codes {
      #expect(code.text.allSatisfy(alphanumeric.contains), "\(code.text)")
      #expect(catalog.node(of: code) != nil)
      #expect(catalog.resolvePlaceCode(code.text) == .found(code))
    }
    #expect(codes.first?.text == "WAIC:ZONE:\(catalog.pack.venues.zones[0].id.uppercased())")
  }

  @Test("codes read back whatever the case and spacing; bare ids work for scripts")
  func reading() {
    let zone = PlaceCode(.zone, id: "H1-A")
    #expect(catalog.resolvePlaceCode("  waic:zone:h1-a \n") == .found(zone))
    #expect(catalog.resolvePlaceCode("h1-a") == .found(zone))
    #expect(
      catalog.resolvePlaceCode("WAIC:ROOM:RED-HALL") == .found(PlaceCode(.room, id: "red-hall")))
    #expect(PlaceCode.parse("WAIC:ZONE") == nil)
    #expect(PlaceCode.parse("WAIC:DOOR:H1-A") == nil)
    #expect(PlaceCode.parse("WAIC:ZONE:" + String(repeating: "X", count: 80)) == nil)
  }

  @Test("an unknown code gets the closest codes")
  func unknown() {
    guard case .notFound(let suggestions) = catalog.resolvePlaceCode("WAIC:ZONE:H1-C") else {
      Issue.record("H1-C is not a zone")
      return
    }
    // One edit away first: the two zones of hall H1.
    #expect(Array(suggestions.prefix(2)) == ["WAIC:ZONE:H1-A", "WAIC:ZONE:H1-B"])
  }
}

@Suite("Zone and room codes of a pack with its own prefix")
struct OwnPrefixCodeTests {
  /// The WAIC pack under another event's prefix.
  static func catalog(prefix: String?) throws -> EventCatalog {
    var pack = try PackLoader.load(from: Fixtures.waic).pack
    pack.manifest.codePrefix = prefix
    return EventCatalog(pack: pack)
  }

  @Test("codes start with the pack's prefix, and another event's codes are not this pack's")
  func ownPrefix() throws {
    let catalog = try Self.catalog(prefix: "38C3")
    #expect(catalog.placeCodePrefix == "38C3:")
    #expect(catalog.placeCodes.allSatisfy { $0.text.hasPrefix("38C3:") })
    let room = PlaceCode(.room, id: "red-hall", prefix: "38C3:")
    #expect(catalog.resolvePlaceCode("38c3:room:red-hall") == .found(room))
    guard case .notFound(let suggestions) = catalog.resolvePlaceCode("WAIC:ROOM:RED-HALL") else {
      Issue.record("a WAIC code read as this event's")
      return
    }
    #expect(suggestions.first == "38C3:ROOM:RED-HALL")
    // Bare ids still work for scripts.
    #expect(catalog.resolvePlaceCode("red-hall") == .found(room))
  }

  @Test(
    "a prefix is 1 to 16 capital letters and digits; a pack naming another keeps WAIC's",
    arguments: [
      ("38C3", true), ("FOSDEM2026", true), ("", false), ("38c3", false), ("A:B", false),
      ("ÄRGER", false), (String(repeating: "X", count: 17), false),
    ])
  func validPrefix(_ prefix: String, _ valid: Bool) throws {
    #expect(PlaceCode.isValidPrefix(prefix) == valid)
    // A pack that names a bad one keeps WAIC's codes (validation reports it: ValidationTests).
    if !valid {
      #expect(try Self.catalog(prefix: prefix).placeCodePrefix == PlaceCode.prefix)
    }
  }
}

extension Resolution: Equatable where Value: Equatable {
  public static func == (lhs: Resolution, rhs: Resolution) -> Bool {
    switch (lhs, rhs) {
    case (.found(let a), .found(let b)): a == b
    case (.ambiguous(let a), .ambiguous(let b)): a == b
    case (.notFound(let a), .notFound(let b)): a == b
    default: false
    }
  }
}
