import Assistant
import EventModel
import Foundation
import Testing

@testable import Recommender

@Suite("Recommendations: rarity, time, roles, spread, reasons")
struct RecommenderTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let pack = repository.appendingPathComponent("Data/waic2025")
  static let catalog = try! PackLoader.load(from: pack)
  static let roles = try! RoleTable.load(packDirectory: pack)
  static let saturday = EventTime.parse("2025-07-26T10:00", zone: catalog.timeZone)!

  static func top(
    _ profile: VisitorProfile, _ kind: Recommendation.Kind, language: Language = .en,
    roles: RoleTable = roles
  ) -> [Recommendation] {
    Recommender(catalog: catalog, roles: roles).recommend(profile, language: language)
      .filter { $0.kind == kind }
  }

  /// The reasons of a pick as a visitor reads them.
  static func words(
    _ pick: Recommendation, language: Language = .en, now: Date = saturday
  ) -> [String] {
    RecommendationWording(catalog: catalog, roles: roles, language: language, now: now)
      .reasons(pick)
  }

  /// A hand-built role table: one role that seeks demos, one that seeks start-ups.
  static let handRoles = RoleTable(
    roles: [
      RoleProfile(
        id: "family", name: LocalizedText(en: "family"), topics: [:], sessionKinds: [:],
        exhibitors: 0, demos: 3, prominence: 0),
      RoleProfile(
        id: "investor", name: LocalizedText(en: "investor"),
        topics: ["startups-investment": 3], sessionKinds: [:], exhibitors: 0, demos: 0,
        prominence: 0),
    ], wants: [])

  @Test("a shared rare topic beats a shared common one")
  func rarity() throws {
    let recommender = Recommender(catalog: Self.catalog, roles: Self.handRoles)
    let common = try #require(recommender.rarity["humanoid-robots"])
    let rare = try #require(recommender.rarity["healthcare"])
    #expect(rare > common)
    let picks = Self.top(
      VisitorProfile(interests: ["humanoid-robots": 1, "healthcare": 1], now: Self.saturday),
      .exhibitor, roles: Self.handRoles)
    #expect(picks.first?.id == "airdoc")
  }

  @Test("a session that has ended is never recommended, at any time of the event")
  func endedNever() {
    for hour in stride(from: 9, through: 21, by: 3) {
      for day in ["2025-07-26", "2025-07-27", "2025-07-28"] {
        let now = EventTime.parse(
          "\(day)T\(hour < 10 ? "0" : "")\(hour):00", zone: Self.catalog.timeZone)!
        let picks = Recommender(catalog: Self.catalog, roles: Self.roles).recommend(
          VisitorProfile(role: "policy", interests: ["ai-governance": 1], now: now),
          language: .en, limit: 50)
        for pick in picks where pick.kind == .session {
          #expect(
            (Self.catalog.session(pick.id)?.end ?? .distantPast) > now, "\(pick.id) at \(now)")
        }
      }
    }
  }

  @Test("the role changes the order: demos for a family, start-ups for an investor")
  func roleFit() {
    let interests = ["humanoid-robots": 1.0, "startups-investment": 1.0]
    let family = Self.top(
      VisitorProfile(role: "family", interests: interests, now: Self.saturday), .exhibitor,
      roles: Self.handRoles)
    let investor = Self.top(
      VisitorProfile(role: "investor", interests: interests, now: Self.saturday), .exhibitor,
      roles: Self.handRoles)
    #expect(family.map(\.id) != investor.map(\.id))
    #expect(
      investor.first.map { Self.catalog.exhibitor($0.id)?.topics.contains("startups-investment") }
        == true)
    #expect(family.first.map { !(Self.catalog.exhibitor($0.id)?.exhibits.isEmpty ?? true) } == true)
  }

  @Test("picks are spread over topics unless the visitor asked for only one")
  func diversity() {
    let picks = Self.top(
      VisitorProfile(
        interests: ["ai-chips": 1, "humanoid-robots": 1, "fintech": 1], now: Self.saturday),
      .exhibitor)
    let topics = Set(picks.compactMap { Self.catalog.exhibitor($0.id)?.topics.first })
    #expect(topics.count >= 3, "\(picks.map(\.id))")
    // One interest: all of it, best first.
    let chips = Self.top(VisitorProfile(interests: ["ai-chips": 1], now: Self.saturday), .exhibitor)
    #expect(chips.allSatisfy { Self.catalog.exhibitor($0.id)?.topics.contains("ai-chips") == true })
  }

  @Test("reasons name the real causes, in the visitor's language")
  func reasons() throws {
    let profile = VisitorProfile(
      role: "investor", interests: ["embodied-ai": 1], now: Self.saturday, here: "eh-1f-north")
    let english = Self.top(profile, .exhibitor)
    let unitree = try #require(english.first { $0.id == "unitree" })
    #expect(unitree.reasons.contains { if case .walk = $0 { true } else { false } })
    #expect(Self.words(unitree).contains { $0.contains("shares Embodied AI") })
    #expect(Self.words(unitree).contains { $0.hasSuffix("min away") })
    let street = try #require(english.first { $0.id == "startup-street" })
    #expect(
      Self.words(street).contains { $0 == "for you as investor: Start-ups and investment" },
      "\(Self.words(street))")
    let chinese = Self.top(profile, .exhibitor, language: .zh)
    #expect(
      chinese.first { $0.id == "unitree" }.map { Self.words($0, language: .zh) }?
        .contains { $0.contains("与您的兴趣相同") } == true)
    let german = Self.top(profile, .session, language: .de)
    #expect(
      german.contains {
        Self.words($0, language: .de).contains { $0.contains("passt zu Ihren Interessen") }
      })
    // Nothing known: nothing made up.
    #expect(Self.top(VisitorProfile(now: Self.saturday), .session, roles: Self.handRoles).isEmpty)
  }

  @Test("a malformed role table is refused with the file and what is wrong")
  func malformedRoles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-roles-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try RoleTable.load(packDirectory: directory).roles.isEmpty)
    try Data(#"{"provenance":{},"roles":[{"id":"x"}],"wants":[]}"#.utf8).write(
      to: directory.appendingPathComponent("roles.json"))
    #expect(throws: RoleTable.LoadError.self) { try RoleTable.load(packDirectory: directory) }
  }
}

@Suite("Recommendations on the judged profiles (Data/evaluation/profiles.json)")
struct JudgedProfilesTests {
  struct Profile: Decodable {
    struct Expected: Decodable {
      var exhibitors: [String]
      var sessions: [String]
      var citywalk: [String]
    }
    var id: String
    var role: String
    var interests: [String]
    var want: [String]
    var language: String
    var now: String
    var expected: Expected
  }

  /// The share of expected items found in the top 5 of their kind, over every profile.
  static func score() throws -> (found: Int, expected: Int, misses: [String]) {
    let data = try Data(
      contentsOf: RecommenderTests.repository.appendingPathComponent(
        "Data/evaluation/profiles.json"))
    let profiles = try JSONDecoder().decode([Profile].self, from: data)
    let catalog = RecommenderTests.catalog
    let recommender = Recommender(catalog: catalog, roles: RecommenderTests.roles)
    var found = 0
    var expected = 0
    var misses: [String] = []
    for profile in profiles {
      let now = try #require(EventTime.parse(profile.now, zone: catalog.timeZone))
      let picks = recommender.recommend(
        VisitorProfile(
          role: profile.role,
          interests: Dictionary(uniqueKeysWithValues: profile.interests.map { ($0, 1.0) }),
          wants: profile.want, now: now),
        language: Language(rawValue: profile.language) ?? .en)
      for (kind, ids) in [
        (Recommendation.Kind.exhibitor, profile.expected.exhibitors),
        (.session, profile.expected.sessions), (.citywalk, profile.expected.citywalk),
      ] {
        let top = Set(picks.filter { $0.kind == kind }.prefix(5).map(\.id))
        for id in ids {
          expected += 1
          if top.contains(id) { found += 1 } else { misses.append("\(profile.id): \(id)") }
        }
      }
    }
    return (found, expected, misses)
  }

  @Test("at least the share reached of what a knowledgeable person expects is in the top 5")
  func share() throws {
    let (found, expected, misses) = try Self.score()
    let share = Double(found) / Double(max(1, expected))
    print(
      "judged profiles: \(found)/\(expected) expected items in the top 5 (\(Int(share * 100)) %); missed: \(misses)"
    )
    #expect(expected >= 60)
    #expect(share >= 0.80, "\(found)/\(expected); missed \(misses)")
  }
}

@Suite("Recommendations: speakers and reachable sessions")
struct SpeakerAndReachTests {
  @Test("speakers come with the session that makes them worth hearing")
  func speakers() throws {
    let picks = Recommender(catalog: RecommenderTests.catalog, roles: RecommenderTests.roles)
      .recommend(
        VisitorProfile(
          role: "researcher", interests: ["ai-safety": 1], now: RecommenderTests.saturday),
        language: .en
      ).filter { $0.kind == .speaker }
    let hinton = try #require(picks.first { $0.id == "geoffrey-hinton" })
    #expect(
      RecommenderTests.words(hinton).contains { $0.hasPrefix("speaks at Main Forum, Sat 26 July") })
    #expect(hinton.name.hasPrefix("Geoffrey Hinton ("))
  }

  @Test("a session about to start too far away to reach is not suggested; earlier it is")
  func reachable() {
    let zone = RecommenderTests.catalog.timeZone
    func sessions(at time: String) -> [String] {
      Recommender(catalog: RecommenderTests.catalog, roles: RecommenderTests.roles).recommend(
        VisitorProfile(
          interests: ["ai-safety": 1], now: EventTime.parse(time, zone: zone)!,
          here: "eh-1f-north"),
        language: .en, limit: 20
      ).filter { $0.kind == .session }.map(\.id)
    }
    // The Main Forum (11:15, Red Hall) is a quarter of an hour's walk from the hall's north
    // entrance.
    #expect(sessions(at: "2025-07-26T10:00").contains("main-forum"))
    #expect(!sessions(at: "2025-07-26T11:10").contains("main-forum"))
    // Once it runs, it is suggested again (join late).
    #expect(sessions(at: "2025-07-26T11:30").contains("main-forum"))
  }
}

@Suite("Two-sided matching: what the visitor seeks against what a stand offers")
struct TwoSidedTests {
  static func role(seeking offer: String) -> RoleTable {
    RoleTable(
      roles: [
        RoleProfile(
          id: "seeker", name: LocalizedText(en: "seeker"), topics: [:], sessionKinds: [:],
          exhibitors: 0, demos: 0, prominence: 0, seeks: [offer: 3])
      ], wants: [])
  }

  @Test(
    "a stand offering what the role seeks comes first, and the reason says so",
    arguments: [
      ("startups", "startup-street", "start-ups looking for investors"),
      ("investors", "startup-street", "investors looking for start-ups"),
      ("buyers", "waic-connect", "buyers looking for suppliers"),
    ])
  func offerFirst(offer: String, expected: String, words: String) throws {
    let roles = Self.role(seeking: offer)
    let picks = Recommender(catalog: RecommenderTests.catalog, roles: roles).recommend(
      VisitorProfile(role: "seeker", now: RecommenderTests.saturday), language: .en
    ).filter { $0.kind == .exhibitor }
    let first = try #require(picks.first)
    #expect(first.id == expected)
    #expect(first.reasons.contains(.offers(try #require(ExhibitorOffer(rawValue: offer)))))
    let wording = RecommendationWording(
      catalog: RecommenderTests.catalog, roles: roles, language: .en,
      now: RecommenderTests.saturday)
    #expect(wording.reasons(first).contains(words))
  }

  @Test("the pack's investor meets the start-ups; nothing seeks what no stand offers")
  func packRoles() throws {
    let picks = RecommenderTests.top(
      VisitorProfile(role: "investor", now: RecommenderTests.saturday), .exhibitor)
    #expect(picks.first?.id == "startup-street")
    // Jobs: no stand in the WAIC pack says it is hiring, so a job seeker is not told one is.
    let jobs = RecommenderTests.top(
      VisitorProfile(wants: ["jobs"], now: RecommenderTests.saturday), .exhibitor)
    #expect(!jobs.contains { $0.reasons.contains(.offers(.jobs)) })
  }

  @Test("a role table seeking an offer no stand can make is refused, located")
  func unknownSeek() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-seeks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = """
      {"provenance": {"modelled": ["*"]}, "wants": [], "roles": [{"id": "x", "name": {"en": "x"},
      "topics": {}, "sessionKinds": {}, "exhibitors": 0, "demos": 0, "prominence": 0,
      "seeks": {"unicorns": 1}}]}
      """
    try Data(text.utf8).write(to: directory.appendingPathComponent("roles.json"))
    #expect {
      try RoleTable.load(packDirectory: directory)
    } throws: { error in
      "\(error)".contains("seeks 'unicorns'") && "\(error)".contains("roles.json")
    }
  }
}

@Suite("Roles and wants named in a visitor's words")
struct MentionedRoleTests {
  let roles = RecommenderTests.roles

  @Test(
    "a role by its name or another word for it, in any of the three languages",
    arguments: [
      ("I'm a VC from Berlin", "investor"), ("我是大学生", "student"),
      ("Ich bin Doktorandin in Shanghai", "researcher"), ("we're here with the kids", "family"),
      ("I work in procurement", "buyer"), ("我是一名记者", "press"),
      ("Ich bin Entwicklerin", "engineer"),
    ])
  func role(text: String, expected: String) {
    #expect(roles.mentioned(in: text).role == expected, "\(text)")
  }

  @Test("whole words only, and the role named first wins")
  func wholeWords() {
    #expect(roles.mentioned(in: "I'm an investigator").role == nil)
    #expect(roles.mentioned(in: "the students' forum").role == "student")
    #expect(roles.mentioned(in: "I'm a PhD student").role == "researcher")
    #expect(roles.mentioned(in: "where is Unitree?").role == nil)
  }

  @Test("the table reads back as it was written; found text is whole bytes at its first place")
  func readBackAndSearch() throws {
    let data = try JSONEncoder().encode(roles)
    let read = try JSONDecoder().decode(RoleTable.self, from: data)
    #expect(read == roles)
    #expect(read.mentioned(in: "I'm a VC from Berlin").role == "investor")
    func offset(_ needle: String, _ haystack: String) -> Int? {
      RoleTable.firstOffset(of: Array(needle.utf8), in: Array(haystack.utf8))
    }
    #expect(offset(" vc ", " i m a vc vc ") == 6)
    #expect(offset("学生", "我是大学生") == 9)
    #expect(offset("abc", "ab") == nil)
    #expect(offset("", "abc") == nil)
    #expect(offset("c", "abc") == 2)
  }

  @Test("wants, in the table's order")
  func wants() {
    #expect(
      roles.mentioned(in: "I want to buy sensors and hire engineers").wants == ["buy", "hire"])
    #expect(roles.mentioned(in: "我想找工作").wants == ["jobs"])
    #expect(roles.mentioned(in: "Ich möchte Vorführungen sehen").wants == ["demos"])
  }
}

@Suite("Recommendations within the visitor's time")
struct AvailableTimeTests {
  @Test("no session starting when the visitor has to leave, or later; earlier ones still")
  func until() {
    let zone = RecommenderTests.catalog.timeZone
    let now = EventTime.parse("2025-07-26T10:00", zone: zone)!
    let leaving = EventTime.parse("2025-07-26T15:00", zone: zone)!
    func sessions(until: Date?) -> [String] {
      Recommender(catalog: RecommenderTests.catalog, roles: RecommenderTests.roles).recommend(
        VisitorProfile(
          role: "researcher", interests: ["ai-safety": 1, "ai-governance": 1], now: now,
          until: until),
        language: .en, limit: 50
      ).filter { $0.kind == .session || $0.kind == .speaker }.map(\.id)
    }
    let all = sessions(until: nil)
    let short = sessions(until: leaving)
    #expect(short.count < all.count)
    #expect(!short.isEmpty)
    for id in short {
      if let session = RecommenderTests.catalog.session(id) { #expect(session.start < leaving) }
    }
  }
}
