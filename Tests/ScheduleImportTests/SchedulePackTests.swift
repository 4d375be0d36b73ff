import EventModel
import Foundation
import Testing

@testable import ScheduleImport

@Suite("A pack from a schedule")
struct SchedulePackTests {
  static func pack(_ name: String) throws -> (EventPack, PackCheck, URL) {
    let schedule = try ScheduleImporter.read(try ScheduleFixtures.data(name), source: name)
    let pack = SchedulePackBuilder.pack(schedule)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-import-\(UUID().uuidString)")
    try PackWriter.write(pack, to: directory, pretty: true)
    return (pack, PackLoader.check(directory: directory), directory)
  }

  @Test(
    "validates and loads, with every session of the schedule",
    arguments: ["congress.xml", "camp.json", "meetup.ics", "workshops-pretalx.json"])
  func validates(_ name: String) throws {
    let (pack, check, directory) = try Self.pack(name)
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(check.errors.isEmpty, "\(check.errors.map(\.description))")
    let catalog = try #require(check.catalog)
    let schedule = try ScheduleImporter.read(try ScheduleFixtures.data(name), source: name)
    #expect(catalog.pack.sessions.count == schedule.sessions.count)
    #expect(catalog.pack.manifest.languages == [.en])
    #expect(pack.exhibitors.isEmpty && pack.booths.isEmpty && pack.walkways.nodes.isEmpty)
    // Nothing placed: no floor, footprint or door for any room.
    #expect(pack.venues.rooms.allSatisfy { $0.floor == nil && $0.rect == nil && $0.node == nil })
    #expect(pack.venues.venues.allSatisfy { $0.location == nil })
    // Every record names the file it comes from.
    #expect(pack.sessions.allSatisfy { $0.provenance.sources.contains("schedule:" + name) })
    #expect(pack.speakers.allSatisfy { $0.provenance.sources.contains("schedule:" + name) })
  }

  @Test("sessions keep their times, rooms, tracks and speakers")
  func sessions() throws {
    let (pack, check, directory) = try Self.pack("congress.xml")
    defer { try? FileManager.default.removeItem(at: directory) }
    let catalog = try #require(check.catalog)
    let rust = try #require(pack.sessions.first { $0.title.en == "Rust in the Linux kernel" })
    #expect(rust.id == "s-101")
    #expect(rust.kind == .talk)
    #expect(rust.start == ScheduleFixtures.date("2025-12-27T11:00:00+01:00"))
    #expect(rust.end == ScheduleFixtures.date("2025-12-27T11:40:00+01:00"))
    #expect(catalog.room(rust.room)?.name.en == "Hall One")
    #expect(rust.topics.compactMap { catalog.topic($0)?.name.en } == ["Security"])
    #expect(
      rust.speakers.compactMap { catalog.speaker($0)?.name.en } == [
        "Alice Example", "Bob Beispiel",
      ])
    #expect(
      rust.description?.en?.contains("Slides: https://schedule.example.org/media/rust.pdf") == true)
    #expect(rust.provenance.sources.contains("https://schedule.example.org/tc25/events/101.html"))
    // Alice speaks twice and is one speaker.
    #expect(pack.speakers.filter { $0.name.en == "Alice Example" }.count == 1)
    #expect(catalog.days.count == 2)
    #expect(catalog.timeZone.identifier == "Europe/Berlin")
  }

  @Test("a session after midnight is on the day before, in the pack as in the schedule")
  func dayChange() throws {
    let (pack, check, directory) = try Self.pack("congress.xml")
    defer { try? FileManager.default.removeItem(at: directory) }
    let catalog = try #require(check.catalog)
    #expect(pack.event.dayChange == "04:00")
    let position = try #require(
      pack.sessions.firstIndex { $0.title.en == "Night owls: a late session" })
    // 01:30 on 28 December: the night of the first day.
    #expect(
      EventTime.localDate(pack.sessions[position].start, zone: catalog.timeZone)
        == LocalDate("2025-12-28"))
    #expect(catalog.sessionDays[position] == LocalDate("2025-12-27"))
    #expect(
      catalog.programmeDate(ScheduleFixtures.date("2025-12-28T03:59:00+01:00"))
        == LocalDate("2025-12-27"))
    #expect(
      catalog.programmeDate(ScheduleFixtures.date("2025-12-28T04:00:00+01:00"))
        == LocalDate("2025-12-28"))
    // A pack without one starts its days at midnight; one that cannot be read is an error.
    let (camp, campCheck, campDirectory) = try Self.pack("meetup.ics")
    defer { try? FileManager.default.removeItem(at: campDirectory) }
    #expect(camp.event.dayChange == nil && campCheck.catalog != nil)
    var broken = pack
    broken.manifest.event.dayChange = "25:00"
    let brokenDirectory = directory.appendingPathComponent("broken")
    try PackWriter.write(broken, to: brokenDirectory)
    let issues = PackLoader.check(directory: brokenDirectory).errors.map(\.description)
    #expect(
      issues.contains { $0.contains("$.event.dayChange") && $0.contains("'25:00' is not a time") },
      "\(issues)")
  }

  @Test("session types map to the pack's kinds")
  func kinds() {
    #expect(SchedulePackBuilder.kind(of: "lecture") == .talk)
    #expect(SchedulePackBuilder.kind(of: "Workshop") == .workshop)
    #expect(SchedulePackBuilder.kind(of: "self-organized session") == .meetup)
    #expect(SchedulePackBuilder.kind(of: "Podium discussion") == .roundtable)
    #expect(SchedulePackBuilder.kind(of: "art installation") == .other)
    #expect(SchedulePackBuilder.kind(of: nil) == .other)
  }

  @Test(
    "the pack's QR codes start with the conference's acronym, else its title's initials",
    arguments: [
      ("38c3", "38. Chaos Communication Congress", "38C3"),
      (nil, "Test Congress & Friends 2025", "TCF2025"),
      ("", "7th Leipzig Semantic Web Day", "7LSWD"), ("WAIC", "Another WAIC", "EVENT"),
      (nil, "会议", "EVENT"), ("Ünïcode-Fest 2026!", "x", "UNICODEFEST2026"),
    ])
  func codePrefix(_ acronym: String?, _ title: String, _ prefix: String) {
    #expect(SchedulePackBuilder.codePrefix(acronym: acronym, title: title) == prefix)
  }

  @Test("an imported pack's rooms have codes of its own, and they open the room")
  func roomCodes() throws {
    let (pack, check, directory) = try Self.pack("congress.xml")
    defer { try? FileManager.default.removeItem(at: directory) }
    let catalog = try #require(check.catalog)
    #expect(pack.manifest.codePrefix == "TC25")
    #expect(catalog.placeCodes.map(\.text) == ["TC25:ROOM:HALL-ONE", "TC25:ROOM:HALL-TWO"])
    guard case .found(let code) = catalog.resolvePlaceCode("tc25:room:hall-two") else {
      Issue.record("the code of Hall Two is not found")
      return
    }
    #expect(code.id == "hall-two")
  }
}
