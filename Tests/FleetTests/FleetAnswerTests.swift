import Assistant
import EventModel
import Foundation
import Knowledge
import Matcher
import PostgresSupport
import Testing

@testable import Fleet

/// Organisers' answers published once, on every kiosk.
@Suite("Fleet: an organisers' answer published once reaches every kiosk")
struct FleetAnswerTests {
  static let packDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Data/waic2025")

  @Test(
    "published, every kiosk has it after one sync and uses it for a paraphrase; retracted, it goes")
  func answerReachesEveryKiosk() async throws {
    let fleet = try await FleetFixture.make()
    let kiosks = try (0..<3).map { try KioskStore("kiosk-\($0)") }
    let published = try await fleet.organisers.publish(
      question: "Is there a prayer room at the venue?",
      answer:
        "Yes: a quiet room is on the first floor of the Expo Centre, next to the first-aid point.",
      language: .en, now: Date(timeIntervalSince1970: 1_753_495_200))
    for kiosk in kiosks {
      let report = try await FleetSync.once(store: kiosk.store, server: try fleet.kiosk(kiosk.name))
      #expect(report.received == 1)
      let answers = try kiosk.store.organiserAnswers()
      #expect(answers.map(\.answer) == [published.answer])
    }
    var assistant = try Assistant.load(packDirectory: Self.packDirectory)
    assistant.knowledge = kiosks[1].store
    let reply = assistant.reply(
      to: "where can I pray?",
      context: AskContext(now: Date(timeIntervalSince1970: 1_753_495_200)))
    #expect(reply.text.contains("quiet room is on the first floor"), "\(reply.text)")
    // Rewritten: the same answer replaced everywhere, not a second one.
    _ = try await fleet.organisers.publish(
      question: "Is there a prayer room at the venue?", answer: "Yes: ask at any information desk.",
      language: .en, now: Date(timeIntervalSince1970: 1_753_495_300))
    _ = try await FleetSync.once(store: kiosks[0].store, server: try fleet.kiosk(kiosks[0].name))
    #expect(
      try kiosks[0].store.organiserAnswers().map(\.answer) == ["Yes: ask at any information desk."])
    #expect(try await fleet.organisers.retract(published.uid, now: Date()))
    #expect(try await !fleet.organisers.retract(published.uid, now: Date()))
    _ = try await FleetSync.once(store: kiosks[0].store, server: try fleet.kiosk(kiosks[0].name))
    #expect(try kiosks[0].store.organiserAnswers().isEmpty)
    // A kiosk that was away gets the latest state in one sync.
    _ = try await FleetSync.once(store: kiosks[2].store, server: try fleet.kiosk(kiosks[2].name))
    #expect(try kiosks[2].store.organiserAnswers().isEmpty)
  }

  @Test("a recorded talk published once: every kiosk imports it, categorised and searchable, once")
  func notesReachEveryKiosk() async throws {
    let fleet = try await FleetFixture.make()
    let vtt = Data(
      """
      WEBVTT

      00:00:01.000 --> 00:00:05.000
      Unitree showed humanoid robots that fold laundry and play football.

      00:00:05.000 --> 00:00:09.000
      Safety and governance of embodied intelligence came up in the questions.
      """.utf8)
    _ = try await fleet.organisers.publishNotes(
      vtt, source: "robot-talk.vtt", format: nil, session: "s-robotics", speaker: nil,
      language: .en, now: Date(timeIntervalSince1970: 1_753_495_200))
    let assistant = try Assistant.load(packDirectory: Self.packDirectory)
    for name in ["kiosk-a", "kiosk-b"] {
      let kiosk = try KioskStore(name)
      let server = try fleet.kiosk(name)
      let report = try await FleetSync.once(
        store: kiosk.store, server: server, mentions: assistant.mentionFinder)
      #expect(report.notes == 1)
      let documents = try kiosk.store.documents()
      #expect(documents.map(\.source) == ["robot-talk.vtt"])
      #expect(documents.first?.session == "s-robotics")
      let found = try kiosk.store.search("laundry", limit: 3)
      #expect(found.first?.chunk.text.contains("fold laundry") == true, "\(found)")
      let mentions =
        try kiosk.store.document(try #require(documents.first?.id))?.1
        .flatMap(\.mentions) ?? []
      #expect(mentions.contains(Mention(type: "exhibitor", id: "unitree")), "\(mentions)")
      // Read again from the start (a store restored from a backup): still one copy.
      try kiosk.store.restartFleetSync()
      _ = try await FleetSync.once(store: kiosk.store, server: server)
      #expect(try kiosk.store.documents().count == 1)
    }
  }

  @Test("a kiosk cannot publish an answer")
  func kioskCannotPublish() async throws {
    let fleet = try await FleetFixture.make()
    let error = try await #require(throws: FleetError.self) {
      try await fleet.kiosk("kiosk-x").publish(
        question: "q?", answer: "a.", language: .en, now: Date())
    }
    if case .notAllowed = error {} else { Issue.record("expected a refusal, got \(error)") }
  }
}

/// The fleet file: what it must say, and what it must not allow.
@Suite("Fleet: the configuration file and its password file")
struct FleetConfigurationTests {
  @Test("a complete file, with a password file beside it")
  func complete() throws {
    let configuration = try FleetConfiguration.parse(
      """
      # the organisers' server
      host = db.example.org
      port = 6432
      database = hiwaic
      user = hiwaic_kiosk
      password_file = fleet.password
      kiosk_id = hall-1-north
      sslmode = verify-full
      """, path: "/etc/hiwaic/fleet.conf")
    #expect(
      configuration
        == FleetConfiguration(
          host: "db.example.org", port: 6432, database: "hiwaic", user: "hiwaic_kiosk",
          passwordFile: "/etc/hiwaic/fleet.password", kioskID: "hall-1-north", tls: .verifyFull))
  }

  @Test(
    "what is wrong is named with its line",
    arguments: [
      ("host = a\ndatabase = b\nuser = c\npassword_file = d", "missing kiosk_id"),
      ("host = a\nport = 99999", "2: port must be 1 to 65535"),
      ("sslmode = maybe", "1: sslmode must be disable, prefer, require, verify-full"),
      ("password = secret", "1: unknown key 'password'"),
      ("kiosk_id = a b", "1: kiosk_id must be"),
      ("host = a\nhost = b", "2: 'host' is set twice"),
    ])
  func errors(text: String, expected: String) {
    #expect(throws: FleetError.self) { try FleetConfiguration.parse(text, path: "f.conf") }
    do {
      _ = try FleetConfiguration.parse(text, path: "f.conf")
    } catch {
      #expect(error.description.contains(expected), "\(error.description)")
    }
  }

  @Test("a file written on Windows (CRLF) reads as the same file")
  func windowsLineEnds() throws {
    let unix =
      "host = h\nport = 6432\ndatabase = d\nuser = u\npassword_file = /p\nkiosk_id = k\n"
    let windows = unix.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(
      try FleetConfiguration.parse(windows, path: "f.conf")
        == FleetConfiguration.parse(unix, path: "f.conf"))
    let error = try #require(throws: FleetError.self) {
      try FleetConfiguration.parse("host = h\r\nport = x\r\n", path: "f.conf")
    }
    #expect(error.description.hasPrefix("f.conf:2: port must be"))
  }

  @Test("hostile files: random bytes and mangled lines give a located error or a configuration")
  func hostile() {
    let valid = Array(
      "host = h\nport = 5432\ndatabase = d\nuser = u\npassword_file = p\nkiosk_id = k\nsslmode = prefer\n"
        .utf8)
    // Seeded: a failure names its round and happens again.
    var generator = SplitMix64(seed: 16)
    for round in 0..<3_000 {
      var bytes = valid
      if round % 3 == 0 {
        bytes = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in
          UInt8.random(in: 0...255, using: &generator)
        }
      } else {
        for _ in 0..<Int.random(in: 1...6, using: &generator) where !bytes.isEmpty {
          let at = Int.random(in: 0..<bytes.count, using: &generator)
          switch Int.random(in: 0..<3, using: &generator) {
          case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
          case 1: bytes.remove(at: at)
          default:
            let pieces = ["=", "\n", "\r\n", "\r", " ", "9", "\u{0}", "é", "\u{2028}", "#"]
            let piece = pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            bytes.insert(contentsOf: Array(piece.utf8), at: at)
          }
        }
      }
      do {
        let configuration = try FleetConfiguration.parse(
          String(decoding: bytes, as: UTF8.self), path: "f.conf")
        #expect((1...65_535).contains(configuration.port))
        #expect(FleetConfiguration.isName(configuration.kioskID))
      } catch {
        #expect(error.description.hasPrefix("f.conf"), "round \(round): \(error.description)")
        #expect(!error.description.contains("\n"), "round \(round)")
      }
    }
  }

  @Test("a password file others may read is refused; an empty one too")
  func passwordFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-fleet-pw-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("password")
    try "s3cret\n".write(to: file, atomically: true, encoding: .utf8)
    let configuration = FleetConfiguration(
      host: "h", database: "d", user: "u", passwordFile: file.path, kioskID: "k")
    chmod(file.path, 0o644)
    let open = try #require(throws: FleetError.self) { try configuration.password() }
    #expect(open.description.contains("chmod 600"))
    chmod(file.path, 0o600)
    #expect(try configuration.password() == "s3cret")
    try "s3cret\r\nsecond line\r\n".write(to: file, atomically: true, encoding: .utf8)
    chmod(file.path, 0o600)
    #expect(try configuration.password() == "s3cret")
    try "\n".write(to: file, atomically: true, encoding: .utf8)
    chmod(file.path, 0o600)
    #expect(throws: FleetError.self) { try configuration.password() }
  }
}
