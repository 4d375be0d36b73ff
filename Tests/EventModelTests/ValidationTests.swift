import EventModel
import Foundation
import Testing

@Suite("Pack validation")
struct ValidationTests {
  @Test("the mini fixture and the WAIC 2025 pack are clean")
  func cleanPacks() throws {
    for pack in [Fixtures.mini, Fixtures.waic] {
      let check = PackLoader.check(directory: pack)
      #expect(check.issues.isEmpty, "\(check.issues)")
      #expect(check.catalog != nil)
    }
  }

  @Test("every broken fixture reports its problem, located", arguments: Fixtures.brokenNames)
  func brokenFixture(name: String) throws {
    let pack = try Fixtures.brokenPack(name)
    defer { Fixtures.remove(pack) }
    let expectations = try Fixtures.ExpectationFile.load(name)
    let check = PackLoader.check(directory: pack)
    for expectation in expectations {
      #expect(
        check.issues.contains(where: expectation.matches),
        "\(name): expected \(expectation.kind) in \(expectation.file) \(expectation.path ?? ""), got:\n\(check.issues.map(\.description).joined(separator: "\n"))"
      )
    }
    let expectsError = expectations.contains { $0.severity == "error" }
    #expect((check.catalog == nil) == expectsError, "errors block loading; warnings do not")
    if !expectsError {
      #expect(check.catalog != nil && !check.warnings.isEmpty)
    }
  }

  @Test("the broken fixtures cover every kind of problem")
  func coverage() throws {
    var covered = Set<String>()
    for name in Fixtures.brokenNames {
      for expectation in try Fixtures.ExpectationFile.load(name) {
        covered.insert(expectation.kind)
      }
    }
    let all = Set(PackIssue.Kind.allCases.map(\.rawValue))
    #expect(
      all.subtracting(covered).isEmpty, "kinds without a fixture: \(all.subtracting(covered))")
  }

  @Test("a syntax error names its line and column")
  func syntaxLocation() throws {
    let pack = try Fixtures.brokenPack("syntax")
    defer { Fixtures.remove(pack) }
    let issue = try #require(PackLoader.check(directory: pack).issues.first { $0.kind == .syntax })
    #expect(issue.line != nil && issue.column != nil)
    #expect(issue.description.hasPrefix("sessions.json:\(issue.line!):\(issue.column!): error:"))
  }

  @Test("loading a broken pack fails with every error in the message")
  func loadThrows() throws {
    let pack = try Fixtures.brokenPack("many")
    defer { Fixtures.remove(pack) }
    #expect(throws: PackError.self) { try PackLoader.load(from: pack) }
    do {
      _ = try PackLoader.load(from: pack)
    } catch {
      #expect(error.errors.count >= 4)
      #expect(error.description.contains("room-z"))
      #expect(error.description.contains("H1-03"))
    }
  }

  @Test("a directory that is not there is a clear error")
  func missingDirectory() {
    let check = PackLoader.check(directory: URL(fileURLWithPath: "/nonexistent/hiwaic-pack"))
    #expect(check.catalog == nil)
    #expect(check.errors.first?.kind == .missingFile)
  }

  @Test("truncated and garbled files never crash the loader and always report something")
  func garbage() throws {
    var random = SystemRandomNumberGenerator()
    for file in PackFile.allCases {
      let original = try Data(contentsOf: Fixtures.mini.appendingPathComponent(file.rawValue))
      let cuts = [0, 1, original.count / 3, original.count / 2, original.count - 2]
      var variants = cuts.map { original.prefix($0) }
      variants.append(Data((0..<200).map { _ in UInt8.random(in: 0...255, using: &random) }))
      variants.append(Data([0xEF, 0xBB, 0xBF]) + Data("[{\"id\": \"\u{0}\"}]".utf8))
      variants.append(Data("null".utf8))
      variants.append(Data("{\"nodes\": 3}".utf8))
      for variant in variants {
        let pack = try Fixtures.copyOfMini()
        defer { Fixtures.remove(pack) }
        try variant.write(to: pack.appendingPathComponent(file.rawValue))
        let check = PackLoader.check(directory: pack)
        #expect(!check.errors.isEmpty, "\(file.rawValue) with \(variant.count) bytes passed")
        #expect(check.errors.allSatisfy { !$0.message.isEmpty })
      }
    }
  }
}

@Suite("Exhibitor offers: the other side of matching")
struct ExhibitorOfferTests {
  /// The mini pack with its first exhibitor's `offers` set to `value` (a JSON array).
  static func mini(offers value: Any) throws -> URL {
    try Fixtures.copyOfMini(setting: "offers", to: value, inFirstRecordOf: "exhibitors.json")
  }

  @Test("offers are read when given, empty when not, and written only when there are some")
  func readAndWritten() throws {
    let pack = try Self.mini(offers: ["startups", "products"])
    defer { try? FileManager.default.removeItem(at: pack.deletingLastPathComponent()) }
    let catalog = try PackLoader.load(from: pack)
    #expect(catalog.pack.exhibitors[0].offers == [.startups, .products])
    #expect(catalog.pack.exhibitors.dropFirst().allSatisfy { $0.offers.isEmpty })
    let encoded = try JSONEncoder().encode(catalog.pack.exhibitors[1])
    #expect(!String(decoding: encoded, as: UTF8.self).contains("offers"))
    let waic = try PackLoader.load(from: Fixtures.waic)
    #expect(waic.exhibitor("startup-street")?.offers == [.startups, .investors])
    // Modelled where no source gives it: a company selling is an assumption, and says so.
    #expect(waic.exhibitor("huawei")?.provenance.isModelled("offers") == true)
    #expect(waic.exhibitor("startup-street")?.provenance.isModelled("offers") == false)
  }

  @Test("an offer no stand can make is an error at its place in the file")
  func unknownOffer() throws {
    let issue = try #require(Fixtures.firstError(removing: try Self.mini(offers: ["unicorns"])))
    #expect(issue.file == "exhibitors.json")
    #expect(issue.path?.hasPrefix("$[0].offers") == true, "\(issue)")
  }
}

@Suite("A pack's own code prefix")
struct CodePrefixValidationTests {
  /// The mini pack with `codePrefix` set in its manifest.
  static func mini(codePrefix: String) throws -> URL {
    let pack = try Fixtures.copyOfMini()
    let file = pack.appendingPathComponent("pack.json")
    var manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    manifest["codePrefix"] = codePrefix
    try JSONSerialization.data(withJSONObject: manifest).write(to: file)
    return pack
  }

  @Test("a prefix that cannot start a QR code is an error at its place; a good one is used")
  func prefix() throws {
    let bad = try Self.mini(codePrefix: "wai c")
    defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
    let check = PackLoader.check(directory: bad)
    let issue = try #require(check.errors.first { $0.path == "$.codePrefix" })
    #expect(issue.file == "pack.json")
    #expect(issue.message.contains("'wai c'"), "\(issue)")
    let good = try Self.mini(codePrefix: "MINI26")
    defer { try? FileManager.default.removeItem(at: good.deletingLastPathComponent()) }
    let catalog = try PackLoader.load(from: good)
    #expect(catalog.placeCodes.allSatisfy { $0.text.hasPrefix("MINI26:") })
  }
}

@Suite("Information keywords by language")
struct InfoKeywordLanguageTests {
  /// The mini pack with its first information entry's `keywords` set to `value`.
  static func mini(keywords value: Any) throws -> URL {
    try Fixtures.copyOfMini(setting: "keywords", to: value, inFirstRecordOf: "info.json")
  }

  @Test("keywords listed by language carry it; one in several lists or under 'any' carries none")
  func byLanguage() throws {
    let pack = try Self.mini(keywords: [
      "de": ["WLAN", "Internet"], "en": ["wifi", "internet"], "any": ["wi-fi"], "zh": ["无线网"],
    ])
    defer { try? FileManager.default.removeItem(at: pack.deletingLastPathComponent()) }
    let entry = try #require(try PackLoader.load(from: pack).pack.info.first)
    // Each language's words in the pack's order of languages, then the shared ones.
    #expect(entry.keywords == ["wifi", "internet", "无线网", "WLAN", "Internet", "wi-fi"])
    #expect(
      entry.keywordLanguages == [
        "wifi": .en, "无线网": .zh, "WLAN": .de, "internet": .en,
        "Internet": .de,
      ])
    let written = try JSONEncoder().encode(entry)
    #expect(try JSONDecoder().decode(VisitorInfo.self, from: written) == entry)
  }

  @Test("a plain list of keywords carries no language and is written back as a list")
  func plainList() throws {
    let entry = try #require(try PackLoader.load(from: Fixtures.mini).pack.info.first)
    #expect(entry.keywords == ["wifi"])
    #expect(entry.keywordLanguages.isEmpty)
    let written = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
    #expect(written.contains("\"keywords\":[\"wifi\"]"), "\(written)")
  }

  @Test("a list under a key that is not a language is an error at its place in the file")
  func unknownLanguage() throws {
    let issue = try #require(
      Fixtures.firstError(removing: try Self.mini(keywords: ["fr": ["wifi"]])))
    #expect(issue.file == "info.json")
    #expect(issue.path?.hasPrefix("$[0].keywords") == true, "\(issue)")
    #expect(issue.message.contains("'fr' is not a language"), "\(issue.message)")
  }

  @Test("a keyword that is not a word is an error at its place, in a list or under a language")
  func notWords() throws {
    for value: Any in [["wifi", 5], ["en": ["wifi", 5]], "wifi"] {
      let issue = try #require(Fixtures.firstError(removing: try Self.mini(keywords: value)))
      #expect(issue.file == "info.json")
      #expect(issue.path?.hasPrefix("$[0].keywords") == true, "\(issue)")
    }
  }

  @Test("the WAIC pack's German keywords are German and its Chinese ones Chinese")
  func waicKeywords() throws {
    let waic = try PackLoader.load(from: Fixtures.waic)
    let lostAndFound = try #require(waic.pack.info.first { $0.id == "lost-and-found" })
    #expect(lostAndFound.keywordLanguages["Fundbüro"] == .de)
    #expect(lostAndFound.keywordLanguages["lose"] == .en)
    for entry in waic.pack.info {
      for keyword in entry.keywords
      where keyword.unicodeScalars.contains(where: {
        (0x4E00...0x9FFF).contains($0.value)
      }) {
        #expect(entry.keywordLanguages[keyword] == .zh, "\(entry.id): \(keyword)")
      }
    }
  }
}
