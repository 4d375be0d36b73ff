import EventModel
import Foundation

// The JSON contract of the query commands (documented in README.md). Every command prints a
// top-level array of objects; each object has `id`, `name` (or `title`) and `provenance`.

/// A record named in the chosen language, by id.
struct NamedReference: Encodable {
  var id: String
  var name: String
}

/// One exhibitor in `hiwaic exhibitors --format json`.
struct ExhibitorRecord: Encodable {
  var id: String
  var name: String
  var names: [String: String]
  var aliases: [String]
  var pavilion: NamedReference?
  var booth: BoothRecord?
  var topics: [String]
  var exhibits: [ExhibitRecord]
  var description: String
  var provenance: Provenance

  init(_ exhibitor: Exhibitor, catalog: EventCatalog, language: Language) {
    id = exhibitor.id
    name = exhibitor.name.text(language)
    names = exhibitor.name.values
    aliases = exhibitor.aliases
    pavilion = catalog.pavilion(exhibitor.pavilion).map {
      NamedReference(id: $0.id, name: $0.name.text(language))
    }
    booth = exhibitor.booth.flatMap { catalog.place(ofBooth: $0) }.map {
      BoothRecord(
        id: $0.booth.id,
        hall: $0.hall.map { NamedReference(id: $0.id, name: $0.name.text(language)) },
        zone: $0.booth.zone.flatMap { catalog.zone($0) }.map {
          NamedReference(id: $0.id, name: $0.name.text(language))
        },
        floor: $0.floor.map { NamedReference(id: $0.id, name: $0.name.text(language)) },
        venue: $0.venue.map { NamedReference(id: $0.id, name: $0.name.text(language)) },
        approximate: exhibitor.provenance.isModelled("booth")
          || $0.booth.provenance.isWhollyModelled)
    }
    topics = exhibitor.topics
    exhibits = exhibitor.exhibits.map {
      ExhibitRecord(name: $0.name.text(language), description: $0.description?.text(language))
    }
    description = exhibitor.description.text(language)
    provenance = exhibitor.provenance
  }
}

/// Where a booth is; `approximate` is true when its position is modelled.
struct BoothRecord: Encodable {
  var id: String
  var hall: NamedReference?
  var zone: NamedReference?
  var floor: NamedReference?
  var venue: NamedReference?
  var approximate: Bool
}

/// A product or demonstration.
struct ExhibitRecord: Encodable {
  var name: String
  var description: String?
}

/// One session in `hiwaic schedule --format json`.
struct SessionRecord: Encodable {
  var id: String
  var title: String
  var titles: [String: String]
  var kind: String
  var start: String
  var end: String
  var day: Int?
  var room: NamedReference?
  var venue: NamedReference?
  var organisers: [String]
  var speakers: [NamedReference]
  var topics: [String]
  var description: String?
  /// Fields whose values are modelled rather than sourced, e.g. `start`, `room`.
  var approximate: [String]
  var provenance: Provenance

  init(_ session: Session, catalog: EventCatalog, language: Language) {
    id = session.id
    title = session.title.text(language)
    titles = session.title.values
    kind = session.kind.rawValue
    start = EventTime.format(session.start, zone: catalog.timeZone)
    end = EventTime.format(session.end, zone: catalog.timeZone)
    day = catalog.dayNumber(of: session.start)
    let place = catalog.place(ofRoom: session.room)
    room = place.map { NamedReference(id: $0.room.id, name: $0.room.name.text(language)) }
    venue = place?.venue.map { NamedReference(id: $0.id, name: $0.name.text(language)) }
    organisers = session.organisers.map { $0.text(language) }
    speakers = session.speakers.map { id in
      NamedReference(id: id, name: catalog.speaker(id)?.name.text(language) ?? id)
    }
    topics = session.topics
    description = session.description?.text(language)
    approximate = ["start", "end", "room", "title", "speakers"].filter {
      session.provenance.isModelled($0)
    }
    provenance = session.provenance
  }
}

/// One City Walk route in `hiwaic citywalk --format json`, with its `stops`.
struct RouteRecord: Encodable {
  var id: String
  var name: String
  var names: [String: String]
  var theme: String
  var description: String
  var topics: [String]
  /// Great-circle metres from the first stop to the last, stop by stop.
  var distanceMetres: Int
  var dwellMinutes: Int
  var stops: [StopRecord]
  var provenance: Provenance

  init(_ route: CityWalkRoute, language: Language) {
    id = route.id
    name = route.name.text(language)
    names = route.name.values
    theme = route.theme.text(language)
    description = route.description.text(language)
    topics = route.topics
    let legs = route.legDistances
    distanceMetres = legs.reduce(0, +).roundedInt
    dwellMinutes = route.dwellMinutes
    stops = route.stops.enumerated().map { index, stop in
      StopRecord(
        order: index + 1, id: stop.id, name: stop.name.text(language),
        district: stop.district?.text(language), lat: stop.location.lat, lon: stop.location.lon,
        shows: stop.shows.text(language), minutes: stop.minutes,
        metresFromPrevious: index == 0 ? nil : legs[index - 1].roundedInt, node: stop.node,
        provenance: stop.provenance ?? route.provenance)
    }
    provenance = route.provenance
  }
}

/// One stop of a route.
struct StopRecord: Encodable {
  var order: Int
  var id: String
  var name: String
  var district: String?
  var lat: Double
  var lon: Double
  var shows: String
  var minutes: Int
  var metresFromPrevious: Int?
  var node: String?
  var provenance: Provenance
}

/// The event in `hiwaic info --format json` (an array of one object, like every command).
struct EventRecord: Encodable {
  struct Day: Encodable {
    var day: Int
    var date: String
    var label: String
    var activities: [String]
  }

  struct Figure: Encodable {
    var id: String
    var label: String
    var value: String
    var provenance: Provenance
  }

  struct PavilionSummary: Encodable {
    var id: String
    var name: String
    var description: String
    var halls: [String]
    var exhibitors: Int
    var provenance: Provenance
  }

  struct VenueSummary: Encodable {
    var id: String
    var name: String
    var kind: String
    var address: String?
    var provenance: Provenance
  }

  var id: String
  var name: String
  var names: [String: String]
  var shortName: String
  var theme: String
  var timeZone: String
  var start: String?
  var end: String?
  var days: [Day]
  var venues: [VenueSummary]
  var pavilions: [PavilionSummary]
  var figures: [Figure]
  var counts: [String: Int]
  var synthetic: Bool
  var provenance: Provenance

  init(catalog: EventCatalog, language: Language) {
    let event = catalog.event
    id = event.id
    name = event.name.text(language)
    names = event.name.values
    shortName = event.shortName.text(language)
    theme = event.theme.text(language)
    timeZone = event.timeZone
    start = catalog.days.first?.description
    end = catalog.days.last?.description
    days = event.days.enumerated().map { index, day in
      Day(
        day: index + 1, date: day.date, label: day.label.text(language),
        activities: day.activities.map(\.rawValue))
    }
    venues = catalog.pack.venues.venues.map {
      VenueSummary(
        id: $0.id, name: $0.name.text(language), kind: $0.kind.rawValue,
        address: $0.address?.text(language), provenance: $0.provenance)
    }
    pavilions = catalog.pack.pavilions.map { pavilion in
      PavilionSummary(
        id: pavilion.id, name: pavilion.name.text(language),
        description: pavilion.description.text(language), halls: pavilion.halls,
        exhibitors: catalog.pack.exhibitors.filter { $0.pavilion == pavilion.id }.count,
        provenance: pavilion.provenance)
    }
    figures = event.figures.map {
      Figure(
        id: $0.id, label: $0.label.text(language), value: $0.value.text(language),
        provenance: $0.provenance)
    }
    let pack = catalog.pack
    counts = [
      "exhibitors": pack.exhibitors.count, "sessions": pack.sessions.count,
      "speakers": pack.speakers.count, "cityWalkRoutes": pack.cityWalks.count,
      "visitorInformation": pack.info.count, "booths": pack.booths.count,
      "rooms": pack.venues.rooms.count, "walkwayNodes": pack.walkways.nodes.count,
    ]
    synthetic = catalog.pack.manifest.synthetic
    provenance = event.provenance
  }
}
