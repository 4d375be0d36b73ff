import EventModel
import Foundation
import Testing

@Suite("Catalog lookups and queries")
struct CatalogTests {
  let catalog: EventCatalog

  init() throws { catalog = try PackLoader.load(from: Fixtures.mini) }

  @Test("records by id, and places of booths and rooms")
  func byID() throws {
    #expect(catalog.exhibitor("robo-one")?.name.text(.zh) == "机器一号")
    #expect(catalog.exhibitor("nobody") == nil)
    let place = try #require(catalog.place(ofBooth: "H1-01"))
    #expect(place.hall?.id == "H1")
    #expect(place.floor?.id == "f1")
    #expect(place.venue?.id == "hall-building")
    #expect(catalog.place(ofRoom: "room-b")?.floor?.level == 2)
    #expect(catalog.pavilion(ofHall: "H1")?.id == "robots")
  }

  @Test("names resolve in any language, any case, with close matches for typos")
  func names() {
    guard
      case .found(let byChinese) = catalog.exhibitorNames.resolve(
        "机器一号", { catalog.pack.exhibitors[$0] })
    else {
      Issue.record("Chinese name not found")
      return
    }
    #expect(byChinese.id == "robo-one")
    guard case .found(let byAlias) = catalog.exhibitorNames.resolve("ＲＯＢＯ one", { $0 }) else {
      Issue.record("full-width name not found")
      return
    }
    #expect(byAlias == 0)
    guard case .notFound(let suggestions) = catalog.topicNames.resolve("robtics", { $0 }) else {
      Issue.record("a typo must not resolve")
      return
    }
    #expect(suggestions.first == "robotics")
    guard case .ambiguous = catalog.roomNames.resolve("room", { $0 }) else {
      Issue.record("'room' matches both rooms")
      return
    }
  }

  @Test("a broad topic finds exhibitors of narrower topics")
  func topicHierarchy() {
    let robots = catalog.exhibitors(matching: ExhibitorFilter(topic: "robotics")).map(\.id)
    #expect(robots == ["robo-one"])
    #expect(
      catalog.exhibitors(matching: ExhibitorFilter(topic: "ai-chips")).map(\.id) == ["chip-co"])
    #expect(catalog.topicAndNarrower("robotics") == ["robotics", "humanoid-robots"])
  }

  @Test("free-text search ranks names over products over topics, and tolerates a typo")
  func search() {
    #expect(catalog.exhibitors(matching: ExhibitorFilter(text: "robo one")).first?.id == "robo-one")
    #expect(catalog.exhibitors(matching: ExhibitorFilter(text: "walker")).map(\.id) == ["robo-one"])
    #expect(catalog.exhibitors(matching: ExhibitorFilter(text: "芯片")).map(\.id) == ["chip-co"])
    #expect(catalog.exhibitors(matching: ExhibitorFilter(text: "chipp co")).isEmpty == false)
    #expect(catalog.exhibitors(matching: ExhibitorFilter(text: "zzzz")).isEmpty)
  }

  @Test("sessions filter by day, topic, speaker, room and time, in start order")
  func sessions() throws {
    let day = try #require(LocalDate("2025-07-26"))
    #expect(
      catalog.sessions(matching: SessionFilter(day: day)).map(\.id) == [
        "opening", "chips-forum", "robots-forum",
      ])
    #expect(catalog.sessions(matching: SessionFilter(day: LocalDate("2025-07-27"))).isEmpty)
    #expect(
      catalog.sessions(matching: SessionFilter(topic: "robotics")).map(\.id) == [
        "opening", "robots-forum",
      ])
    #expect(
      catalog.sessions(matching: SessionFilter(speaker: "alan")).map(\.id) == [
        "chips-forum", "robots-forum",
      ])
    #expect(catalog.sessions(matching: SessionFilter(room: "room-b")).map(\.id) == ["chips-forum"])
    let tenThirty = try #require(EventTime.parse("2025-07-26T10:30", zone: catalog.timeZone))
    #expect(
      catalog.sessions(matching: SessionFilter(notEndedBy: tenThirty)).map(\.id) == [
        "chips-forum", "robots-forum",
      ])
  }

  @Test("days resolve from numbers and dates")
  func dayResolution() {
    #expect(catalog.resolveDay("1")?.description == "2025-07-26")
    #expect(catalog.resolveDay("day 2")?.description == "2025-07-27")
    #expect(catalog.resolveDay("07-27")?.description == "2025-07-27")
    #expect(catalog.resolveDay("2025-07-26")?.description == "2025-07-26")
    #expect(catalog.resolveDay("3") == nil)
    #expect(catalog.resolveDay("tomorrow") == nil)
  }

  @Test("edge lengths default to the straight line; floor changes use their given length")
  func walkwayLengths() throws {
    let edges = catalog.pack.walkways.edges
    let entranceToJunction = try #require(
      edges.firstIndex { $0.from == "entrance" && $0.to == "j1" })
    #expect(
      abs((catalog.walkways.lengths[entranceToJunction] ?? 0) - (20 * 20 + 25 * 25).squareRoot())
        < 1e-9)
    let lift = try #require(edges.firstIndex { $0.kind == .lift })
    #expect(catalog.walkways.lengths[lift] == 10)
  }

  @Test("the lists answers read instead of records: sessions by topic, id ranks, place nodes")
  func listsForAnswers() throws {
    let catalog = try PackLoader.load(from: Fixtures.waic)
    let pack = catalog.pack
    for topic in pack.topics {
      let covered = catalog.topicAndNarrower(topic.id)
      let expected = pack.sessions.indices.filter {
        pack.sessions[$0].topics.contains(where: covered.contains)
      }
      #expect((catalog.sessionsByTopic[topic.id] ?? []) == expected, "\(topic.id)")
      // A plan reads one topic's list for an interest: it must hold the narrower topics' too.
      let exhibitors = pack.exhibitors.indices.filter {
        pack.exhibitors[$0].topics.contains(where: covered.contains)
      }
      #expect((catalog.exhibitorsByTopic[topic.id] ?? []) == exhibitors, "\(topic.id)")
    }
    let byRank = pack.exhibitors.indices.sorted {
      catalog.exhibitorIDRank[$0] < catalog.exhibitorIDRank[$1]
    }
    #expect(byRank.map { pack.exhibitors[$0].id } == pack.exhibitors.map(\.id).sorted())
    #expect(
      catalog.placeNodes
        == pack.walkways.nodes.indices.filter {
          pack.walkways.nodes[$0].facility != nil || pack.walkways.nodes[$0].name != nil
        })
    #expect(!catalog.placeNodes.isEmpty)
  }
}
