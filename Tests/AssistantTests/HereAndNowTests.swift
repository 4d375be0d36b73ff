import EventModel
import Foundation
import Planner
import Testing

@testable import Assistant

@Suite("Here & now")
struct HereAndNowTests {
  let catalog = AssistantFixture.catalog
  var guide: HereAndNowGuide { HereAndNowGuide(catalog: catalog) }

  func at(_ text: String) -> Date { EventTime.parse(text, zone: catalog.timeZone)! }

  @Test("a zone: its booths, sessions nearby in the next two hours, the nearest facilities")
  func zone() throws {
    let now = at("2025-07-26T10:00")
    let here = try #require(guide.make(PlaceCode(.zone, id: "H3-A"), now: now, from: nil))
    let booths = catalog.pack.booths.filter { $0.zone == "H3-A" }.map(\.id)
    #expect(here.booths.map(\.booth) == booths && !booths.isEmpty)
    #expect(here.booths.flatMap(\.exhibitors).contains("unitree"))
    for entry in here.sessions {
      let session = try #require(catalog.session(entry.session))
      #expect(session.end > now && session.start < now.addingTimeInterval(2 * 3600))
      #expect(entry.onNow == (session.start <= now))
      #expect(entry.walkMinutes <= HereAndNow.nearbyMinutes)
    }
    // Every session in a room within the nearby walk that runs in the window is listed, in time
    // order.
    let travel = WalkingRouter(catalog: catalog).travel(
      from: try #require(here.node), stepFree: false)
    func minutes(to node: String) -> Double {
      catalog.walkways.nodePosition[node].flatMap { travel?.minutes(to: $0) } ?? .infinity
    }
    let nearby = Set(
      catalog.pack.venues.rooms.filter {
        ($0.node.map(minutes(to:)) ?? .infinity) <= HereAndNow.nearbyMinutes
      }.map(\.id))
    let expected = catalog.pack.sessions.filter {
      nearby.contains($0.room) && $0.end > now && $0.start < now.addingTimeInterval(7200)
    }
    #expect(Set(here.sessions.map(\.session)) == Set(expected.map(\.id)) && !expected.isEmpty)
    #expect(
      here.sessions.map { catalog.session($0.session)!.start }
        == here.sessions.map { catalog.session($0.session)!.start }.sorted())
    // One per kind, nearest first, and really the nearest of its kind.
    #expect(Set(here.facilities.map(\.kind)).count == here.facilities.count)
    #expect(here.facilities.map(\.walkMinutes) == here.facilities.map(\.walkMinutes).sorted())
    for facility in here.facilities {
      for node in catalog.pack.walkways.nodes where node.facility == facility.kind {
        #expect(minutes(to: node.id) >= facility.walkMinutes - 1e-9)
      }
    }
    #expect(here.way == nil)
  }

  @Test("the way from the kiosk, and the next session when nothing is on soon")
  func wayAndLater() throws {
    let here = try #require(
      guide.make(PlaceCode(.room, id: "red-hall"), now: at("2025-07-26T08:00"), from: "eh-1f-north")
    )
    #expect(here.way?.route.nodes.first == "eh-1f-north")
    #expect(here.way?.route.nodes.last == catalog.room("red-hall")?.node)
    #expect(here.booths.isEmpty)
    // 08:00: the opening at 09:00 is in the window.
    #expect(here.sessions.first.map { catalog.session($0.session)!.room } == "red-hall")
    let early = try #require(
      guide.make(PlaceCode(.room, id: "red-hall"), now: at("2025-07-26T05:00"), from: nil))
    #expect(early.sessions.isEmpty)
    #expect(early.nextLater != nil)
    let lines = guide.describe(early, language: .en)
    #expect(lines.contains("  nothing in the next two hours"))
    #expect(lines.contains("  Next nearby:"))
    #expect(guide.describe(here, language: .zh).first == "此处此刻：红厅 · 二层")
  }
}
