import ArgumentParser
import Foundation
import Testing

@testable import CommandLineInterface

@Suite("Command-line help: examples that work, unknown commands, places")
struct HelpExamplesTests {
  /// The example lines of a command's help.
  static func examples(_ command: any ParsableCommand.Type) -> [String] {
    let discussion = command.configuration.discussion
    guard let start = discussion.range(of: "Examples:\n") else { return [] }
    return discussion[start.upperBound...].split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { $0.hasPrefix("hiwaic ") }
  }

  @Test("every command but the hidden ones shows examples, no wider than a terminal")
  func everyCommandHasExamples() {
    for command in HiwaicCommand.configuration.subcommands
    where command.configuration.shouldDisplay {
      let name = command.configuration.commandName ?? "?"
      let lines = Self.examples(command)
      #expect(!lines.isEmpty, "\(name) has no examples")
      for line in lines { #expect(line.count <= 76, "\(name): \(line)") }
    }
  }

  @Test("the examples run: each one of a query command succeeds on the WAIC pack")
  func examplesRun() throws {
    var ran = 0
    for command in HiwaicCommand.configuration.subcommands {
      for line in Self.examples(command) {
        // Examples that write files or the knowledge store, read standard input, start the
        // full screen or a kiosk are shown, not run here (their commands have tests of their
        // own: NotesCommandTests for `notes`, FleetCommandTests for what needs a fleet's
        // server).
        let skipped = [
          "|", ">", "kiosk", "train", "gen-pack", "/tmp/", "--output", "notes ", "--fleet",
        ]
        let words = line.split(separator: " ")
        guard skipped.allSatisfy({ !line.contains($0) }), words.count > 1,
          !words[1].hasPrefix("-")
        else { continue }
        let shell = line.replacingOccurrences(of: "hiwaic ", with: "'\(CLI.binary.path)' ")
        let result = try CLI.run(["/bin/sh", "-c", shell], shell: true)
        #expect(result.status == 0, "\(line): \(result.error)")
        #expect(!result.output.isEmpty, "\(line)")
        ran += 1
      }
    }
    #expect(ran >= 15)
  }

  @Test("an unknown command is named, with the close ones and the list of all")
  func unknownCommand() throws {
    let result = try CLI.run(["rout", "--interests", "robotics"])
    #expect(result.status == 64)
    #expect(result.error.contains("unknown command 'rout'; did you mean route?"))
    #expect(result.error.contains("Commands: ui, info, ask"))
    let foo = try CLI.run(["foo"])
    #expect(foo.status == 64 && foo.error.contains("unknown command 'foo'"))
    // Flags before a command and 'help' are not commands to refuse.
    #expect(HiwaicCommand.unknownCommand(["--now", "2025-07-26T10:00"]) == nil)
    #expect(HiwaicCommand.unknownCommand(["help", "route"]) == nil)
  }

  @Test("citywalk 4 says which routes there are")
  func cityWalkNumber() {
    #expect(
      CLI.failure(["citywalk", "4"])?.contains("there is no route 4; choose 1–3") == true)
  }

  @Test("places lists what --at, --from and --to accept, by kind, and each one works")
  func places() throws {
    let facilities = try CLI.json(["places", "--kind", "facility"])
    #expect(facilities.count > 5)
    #expect(facilities.allSatisfy { $0["kind"] as? String == "facility" })
    let all = try CLI.json(["places"])
    let kinds = Set(all.compactMap { $0["kind"] as? String })
    #expect(kinds.isSuperset(of: ["entrance", "facility", "booth", "zone", "room", "exhibitor"]))
    for place in all.prefix(40) {
      let id = try #require(place["id"] as? String)
      let text = try CLI.render(["directions", id, "eh-1f-north", "--now", "2025-07-26T10:00"])
      #expect(!text.isEmpty, "\(id)")
    }
  }

  @Test(
    "a route without a start outside the event says which day it plans; a night start is refused")
  func routeStart() throws {
    let over = try CLI.render(["route", "--interests", "robotics", "--now", "2026-11-27T09:00"])
    #expect(over.hasPrefix("The event is over"))
    #expect(over.contains("Sat 26 July 10:00"))
    let evening = try CLI.render(["route", "--interests", "robotics", "--now", "2025-07-26T20:00"])
    #expect(evening.hasPrefix("The exhibition is closed now: planned for Sun 27 July 10:00"))
    #expect(
      CLI.failure(["route", "--start", "2025-07-26T23:00"])?.contains(
        "outside the exhibition's hours")
        == true)
    #expect(
      CLI.failure(["route", "--start", "2025-08-02T10:00"])?.contains("is not a day of the event")
        == true)
    let open = try CLI.render(["route", "--interests", "robotics", "--now", "2025-07-26T10:00"])
    #expect(open.hasPrefix("Plan for 120 min"))
  }
}

@Suite("hiwaic recommend")
struct RecommendCommandTests {
  @Test("JSON is an array of {kind, id, name, score, reasons}; unknown roles get the list")
  func json() throws {
    let picks = try CLI.json([
      "recommend", "--role", "investor", "--interests", "embodied-ai", "--now", "2025-07-26T10:00",
    ])
    #expect(!picks.isEmpty)
    for pick in picks {
      #expect(Set(pick.keys) == ["kind", "id", "name", "score", "reasons"])
      #expect((pick["reasons"] as? [String])?.isEmpty == false)
    }
    #expect(picks.contains { $0["id"] as? String == "unitree" })
    let failure = CLI.failure(["recommend", "--role", "investr"])
    #expect(failure?.contains("did you mean investor?") == true)
    #expect(failure?.contains("choose from investor, founder") == true)
    let text = try CLI.render([
      "recommend", "--role", "family", "--want", "demos", "--lang", "zh", "--now",
      "2025-07-26T10:00",
    ])
    #expect(text.contains("推荐展商"))
    #expect(text.contains("现场体验"))
  }
}
