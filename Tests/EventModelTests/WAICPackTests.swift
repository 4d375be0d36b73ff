import EventModel
import Foundation
import Testing

@Suite("The WAIC 2025 pack")
struct WAICPackTests {
  let catalog: EventCatalog

  init() throws {
    catalog = try PackLoader.load(from: Fixtures.waic)
  }

  @Test("has what the issue asks for: pavilions, exhibitors, sessions, routes, information")
  func minimumContent() {
    let pack = catalog.pack
    #expect(pack.pavilions.count == 4)
    #expect(
      Set(pack.pavilions.map { $0.name.text(.en) }) == [
        "Core Technologies Pavilion", "Industrial Applications Pavilion",
        "Intelligent Terminals Pavilion", "Universal Connections Pavilion",
      ])
    #expect(pack.exhibitors.count >= 40)
    #expect(pack.sessions.count >= 25)
    #expect(pack.cityWalks.count == 3)
    #expect(pack.cityWalks.allSatisfy { $0.stops.count >= 4 })
    #expect(pack.info.count >= 20)
    #expect(!pack.manifest.synthetic)
  }

  @Test("names every exhibitor the seeds and facts name")
  func namedExhibitors() {
    let ids = Set(catalog.pack.exhibitors.map(\.id))
    for id in [
      "huawei", "unitree", "agibot", "baidu", "alibaba", "tencent", "sensetime", "minimax",
      "stepfun", "tesla", "siemens", "schneider", "roboforge", "4paradigm", "airdoc", "ant-group",
      "infinigence", "lenovo", "jd", "google", "aws", "biren", "softbank",
    ] {
      #expect(ids.contains(id), "missing exhibitor \(id)")
    }
  }

  @Test("gets the days right: conference 26–28 July, exhibition to 29 July, all in Shanghai time")
  func days() throws {
    #expect(catalog.event.timeZone == "Asia/Shanghai")
    #expect(
      catalog.days.map(\.description) == ["2025-07-26", "2025-07-27", "2025-07-28", "2025-07-29"])
    let last = try #require(catalog.event.days.last)
    #expect(last.activities == [.exhibition])
    for session in catalog.pack.sessions {
      let day = EventTime.localDate(session.start, zone: catalog.timeZone)
      #expect((26...28).contains(day.day) && day.month == 7, "\(session.id) is on \(day)")
    }
    let opening = try #require(catalog.session("opening-ceremony"))
    #expect(EventTime.localDate(opening.start, zone: catalog.timeZone).day == 26)
    #expect(
      EventTime.clockTime(opening.start, zone: catalog.timeZone) < "12:00",
      "the opening was in the morning")
    #expect(
      catalog.session("closing-ceremony").map {
        EventTime.localDate($0.start, zone: catalog.timeZone).day
      } == 28)
  }

  @Test("every record says where it comes from, and modelled times and places say so")
  func provenance() {
    let pack = catalog.pack
    var provenances: [Provenance] = [pack.event.provenance, pack.walkways.provenance]
    provenances += pack.topics.map(\.provenance) + pack.venues.venues.map(\.provenance)
    provenances += pack.venues.halls.map(\.provenance) + pack.venues.rooms.map(\.provenance)
    provenances += pack.pavilions.map(\.provenance) + pack.booths.map(\.provenance)
    provenances += pack.exhibitors.map(\.provenance) + pack.sessions.map(\.provenance)
    provenances += pack.speakers.map(\.provenance) + pack.cityWalks.map(\.provenance)
    provenances += pack.info.map(\.provenance) + pack.event.figures.map(\.provenance)
    for provenance in provenances {
      #expect(!provenance.sources.isEmpty || !provenance.modelled.isEmpty)
      #expect(provenance.sources.allSatisfy(Provenance.isWellFormedSource))
    }
    // No 2025 booth numbers were published: every booth position must be marked modelled.
    #expect(pack.exhibitors.allSatisfy { $0.booth == nil || $0.provenance.isModelled("booth") })
    // Seed-only records cite the seed.
    #expect(catalog.exhibitor("roboforge")?.provenance.sources == ["seed:001_d47877d5ba6be506.txt"])
    // A City Walk stop is never presented as sourced in full.
    for route in pack.cityWalks {
      for stop in route.stops {
        #expect((stop.provenance ?? route.provenance).modelled.isEmpty == false)
      }
    }
  }

  @Test("every user-facing name has English and Chinese")
  func bilingual() {
    let pack = catalog.pack
    var texts: [LocalizedText] = [pack.event.name, pack.event.theme]
    texts += pack.exhibitors.map(\.name) + pack.sessions.map(\.title) + pack.pavilions.map(\.name)
    texts +=
      pack.venues.rooms.map(\.name) + pack.venues.venues.map(\.name) + pack.topics.map(\.name)
    texts += pack.cityWalks.map(\.name) + pack.cityWalks.flatMap { $0.stops.map(\.name) }
    texts += pack.info.map(\.question) + pack.info.map(\.answer) + pack.speakers.map(\.name)
    for text in texts {
      #expect(text[.en] != nil && text[.zh] != nil, "\(text.values)")
    }
  }

  @Test("the walkway graph reaches every booth and room from the metro, step-free too")
  func walkways() throws {
    let walkways = catalog.walkways
    let metro = try #require(walkways.nodePosition["m8-art"])
    let stepFree = walkways.reachable(
      from: metro, edges: catalog.pack.walkways.edges, stepFreeOnly: true)
    for booth in catalog.pack.booths {
      #expect(stepFree[try #require(walkways.nodePosition[booth.node])], "\(booth.id)")
    }
    for room in catalog.pack.venues.rooms {
      #expect(stepFree[try #require(room.node.flatMap { walkways.nodePosition[$0] })], "\(room.id)")
    }
    // The exhibition spans B1, 1F and 2F; the lift links them.
    let floors = Set(catalog.pack.venues.halls.map(\.floor))
    #expect(floors == ["eh-b1", "eh-1f", "eh-2f"])
  }

  @Test("H1 holds large models and H3 robots, as the sources say")
  func hallContents() {
    let h1 = catalog.pack.exhibitors.filter { catalog.booth($0.booth ?? "")?.hall == "H1" }
    let h3 = catalog.pack.exhibitors.filter { catalog.booth($0.booth ?? "")?.hall == "H3" }
    #expect(h1.contains { $0.id == "huawei" })
    #expect(h3.contains { $0.id == "unitree" })
    #expect(
      h3.allSatisfy { exhibitor in
        exhibitor.topics.contains {
          catalog.topicAndNarrower("robotics").contains($0) || $0 == "smart-glasses"
            || $0 == "smart-terminals"
        }
      })
  }
}
