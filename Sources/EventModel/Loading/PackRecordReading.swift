import Foundation

// The records of a pack's large files read by `PackJSONReader`: each reads the fields its
// `Decodable` conformance decodes, required and optional alike (an optional may be absent or null),
// and skips the keys it does not know, as JSONDecoder does.

extension LocalizedText {
  init(reading reader: inout PackJSONReader) throws {
    var en: String?
    var zh: String?
    var de: String?
    try reader.object { reader, key in
      switch key {
      case "en": en = try reader.optional { try $0.string() }
      case "zh": zh = try reader.optional { try $0.string() }
      case "de": de = try reader.optional { try $0.string() }
      default: try reader.skipValue()
      }
    }
    self.init(en: en, zh: zh, de: de)
  }
}

extension Provenance {
  init(reading reader: inout PackJSONReader) throws {
    var sources: [String]?
    var modelled: [String]?
    var note: String?
    try reader.object { reader, key in
      switch key {
      case "sources": sources = try reader.optional { try $0.strings() }
      case "modelled": modelled = try reader.optional { try $0.strings() }
      case "note": note = try reader.optional { try $0.string() }
      default: try reader.skipValue()
      }
    }
    self.init(sources: sources ?? [], modelled: modelled ?? [], note: note)
  }
}

extension Exhibitor {
  init(reading reader: inout PackJSONReader) throws {
    var id: String?
    var name: LocalizedText?
    var aliases: [String]?
    var pavilion: String?
    var booth: String?
    var topics: [String]?
    var exhibits: [Exhibit]?
    var description: LocalizedText?
    var offers: [ExhibitorOffer]?
    var provenance: Provenance?
    try reader.object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try LocalizedText(reading: &reader)
      case "aliases": aliases = try reader.strings()
      case "pavilion": pavilion = try reader.string()
      case "booth": booth = try reader.optional { try $0.string() }
      case "topics": topics = try reader.strings()
      case "exhibits": exhibits = try reader.array { try Exhibit(reading: &$0) }
      case "description": description = try LocalizedText(reading: &reader)
      case "offers":
        offers = try reader.optional { try $0.array { try $0.value(ExhibitorOffer.self) } }
      case "provenance": provenance = try Provenance(reading: &reader)
      default: try reader.skipValue()
      }
    }
    // In the order `init(from:)` asks for them, so that the first missing one is the one named.
    guard let id else { throw reader.missing("id") }
    guard let name else { throw reader.missing("name") }
    guard let aliases else { throw reader.missing("aliases") }
    guard let pavilion else { throw reader.missing("pavilion") }
    guard let topics else { throw reader.missing("topics") }
    guard let exhibits else { throw reader.missing("exhibits") }
    guard let description else { throw reader.missing("description") }
    guard let provenance else { throw reader.missing("provenance") }
    self.init(
      id: id, name: name, aliases: aliases, pavilion: pavilion, booth: booth, topics: topics,
      exhibits: exhibits, description: description, provenance: provenance, offers: offers ?? [])
  }
}

extension Exhibit {
  init(reading reader: inout PackJSONReader) throws {
    var name: LocalizedText?
    var description: LocalizedText?
    var provenance: Provenance?
    try reader.object { reader, key in
      switch key {
      case "name": name = try LocalizedText(reading: &reader)
      case "description": description = try reader.optional { try LocalizedText(reading: &$0) }
      case "provenance": provenance = try reader.optional { try Provenance(reading: &$0) }
      default: try reader.skipValue()
      }
    }
    guard let name else { throw reader.missing("name") }
    self.init(name: name, description: description, provenance: provenance)
  }
}

extension PlaneRect {
  init(reading reader: inout PackJSONReader) throws {
    var x: Double?
    var y: Double?
    var w: Double?
    var d: Double?
    try reader.object { reader, key in
      switch key {
      case "x": x = try reader.double()
      case "y": y = try reader.double()
      case "w": w = try reader.double()
      case "d": d = try reader.double()
      default: try reader.skipValue()
      }
    }
    guard let x else { throw reader.missing("x") }
    guard let y else { throw reader.missing("y") }
    guard let w else { throw reader.missing("w") }
    guard let d else { throw reader.missing("d") }
    self.init(x: x, y: y, w: w, d: d)
  }
}

extension Booth {
  init(reading reader: inout PackJSONReader) throws {
    var id: String?
    var hall: String?
    var zone: String?
    var rect: PlaneRect?
    var node: String?
    var provenance: Provenance?
    try reader.object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "hall": hall = try reader.string()
      case "zone": zone = try reader.optional { try $0.string() }
      case "rect": rect = try PlaneRect(reading: &reader)
      case "node": node = try reader.string()
      case "provenance": provenance = try Provenance(reading: &reader)
      default: try reader.skipValue()
      }
    }
    guard let id else { throw reader.missing("id") }
    guard let hall else { throw reader.missing("hall") }
    guard let rect else { throw reader.missing("rect") }
    guard let node else { throw reader.missing("node") }
    guard let provenance else { throw reader.missing("provenance") }
    self.init(id: id, hall: hall, zone: zone, rect: rect, node: node, provenance: provenance)
  }
}

extension WalkwayNode {
  init(reading reader: inout PackJSONReader) throws {
    var id: String?
    var kind: NodeKind?
    var floor: String?
    var x: Double?
    var y: Double?
    var name: LocalizedText?
    var aliases: [String]?
    var facility: FacilityKind?
    var stepFree: Bool?
    var provenance: Provenance?
    try reader.object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "aliases": aliases = try reader.optional { try $0.strings() }
      case "kind": kind = try reader.value(NodeKind.self)
      case "floor": floor = try reader.string()
      case "x": x = try reader.double()
      case "y": y = try reader.double()
      case "name": name = try reader.optional { try LocalizedText(reading: &$0) }
      case "facility": facility = try reader.optional { try $0.value(FacilityKind.self) }
      case "stepFree": stepFree = try reader.optional { try $0.bool() }
      case "provenance": provenance = try reader.optional { try Provenance(reading: &$0) }
      default: try reader.skipValue()
      }
    }
    guard let id else { throw reader.missing("id") }
    guard let kind else { throw reader.missing("kind") }
    guard let floor else { throw reader.missing("floor") }
    guard let x else { throw reader.missing("x") }
    guard let y else { throw reader.missing("y") }
    self.init(
      id: id, kind: kind, floor: floor, x: x, y: y, name: name, aliases: aliases,
      facility: facility, stepFree: stepFree, provenance: provenance)
  }
}

extension WalkwayEdge {
  init(reading reader: inout PackJSONReader) throws {
    var from: String?
    var to: String?
    var kind: EdgeKind?
    var length: Double?
    var minutes: Double?
    var outdoor: Bool?
    try reader.object { reader, key in
      switch key {
      case "from": from = try reader.string()
      case "to": to = try reader.string()
      case "kind": kind = try reader.value(EdgeKind.self)
      case "length": length = try reader.optional { try $0.double() }
      case "minutes": minutes = try reader.optional { try $0.double() }
      case "outdoor": outdoor = try reader.optional { try $0.bool() }
      default: try reader.skipValue()
      }
    }
    guard let from else { throw reader.missing("from") }
    guard let to else { throw reader.missing("to") }
    guard let kind else { throw reader.missing("kind") }
    self.init(
      from: from, to: to, kind: kind, length: length, minutes: minutes, outdoor: outdoor)
  }
}

extension Session {
  init(reading reader: inout PackJSONReader) throws {
    var id: String?
    var title: LocalizedText?
    var kind: SessionKind?
    var start: Date?
    var end: Date?
    var room: String?
    var organisers: [LocalizedText]?
    var speakers: [String]?
    var topics: [String]?
    var description: LocalizedText?
    var provenance: Provenance?
    try reader.object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "title": title = try LocalizedText(reading: &reader)
      case "kind": kind = try reader.value(SessionKind.self)
      case "start": start = try reader.date()
      case "end": end = try reader.date()
      case "room": room = try reader.string()
      case "organisers": organisers = try reader.array { try LocalizedText(reading: &$0) }
      case "speakers": speakers = try reader.strings()
      case "topics": topics = try reader.strings()
      case "description": description = try reader.optional { try LocalizedText(reading: &$0) }
      case "provenance": provenance = try Provenance(reading: &reader)
      default: try reader.skipValue()
      }
    }
    guard let id else { throw reader.missing("id") }
    guard let title else { throw reader.missing("title") }
    guard let kind else { throw reader.missing("kind") }
    guard let start else { throw reader.missing("start") }
    guard let end else { throw reader.missing("end") }
    guard let room else { throw reader.missing("room") }
    guard let organisers else { throw reader.missing("organisers") }
    guard let speakers else { throw reader.missing("speakers") }
    guard let topics else { throw reader.missing("topics") }
    guard let provenance else { throw reader.missing("provenance") }
    self.init(
      id: id, title: title, kind: kind, start: start, end: end, room: room,
      organisers: organisers, speakers: speakers, topics: topics, description: description,
      provenance: provenance)
  }
}

extension Speaker {
  init(reading reader: inout PackJSONReader) throws {
    var id: String?
    var name: LocalizedText?
    var affiliation: LocalizedText?
    var provenance: Provenance?
    try reader.object { reader, key in
      switch key {
      case "id": id = try reader.string()
      case "name": name = try LocalizedText(reading: &reader)
      case "affiliation": affiliation = try reader.optional { try LocalizedText(reading: &$0) }
      case "provenance": provenance = try Provenance(reading: &reader)
      default: try reader.skipValue()
      }
    }
    guard let id else { throw reader.missing("id") }
    guard let name else { throw reader.missing("name") }
    guard let provenance else { throw reader.missing("provenance") }
    self.init(id: id, name: name, affiliation: affiliation, provenance: provenance)
  }
}
