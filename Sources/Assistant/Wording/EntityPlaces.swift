import EventModel
import Matcher

extension EventCatalog {
  /// The walkway node where a named thing is: a booth's, a room's (a session's room), a zone's;
  /// for a hall or a pavilion its first zone, for a venue its entrance. Nil for things without
  /// a place.
  public func node(for reference: EntityReference) -> String? {
    switch reference.type {
    case .exhibitor:
      return exhibitor(reference.id)?.booth.flatMap { booth($0)?.node }
    case .booth: return booth(reference.id)?.node
    case .room: return room(reference.id)?.node
    // A session is where it is held.
    case .session: return session(reference.id).flatMap { room($0.room)?.node }
    case .zone: return zone(reference.id)?.node
    case .place: return reference.id
    case .hall: return pack.venues.zones.first { $0.hall == reference.id }?.node
    case .pavilion:
      return pavilion(reference.id)?.halls.first.flatMap { hall in
        pack.venues.zones.first { $0.hall == hall }?.node
      }
    case .venue:
      let floors = Set(pack.venues.floors.filter { $0.venue == reference.id }.map(\.id))
      return pack.walkways.nodes.first {
        floors.contains($0.floor) && $0.kind == .entrance
      }?.id
        ?? pack.venues.rooms.first { $0.floor.map(floors.contains) ?? false }?.node
    default: return nil
    }
  }
}
