import ArgumentParser
import EventModel
import Foundation
import PackGenerator

/// `hiwaic gen-pack --scale N OUT`: a synthetic pack for benchmarks.
struct GenPackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gen-pack",
    abstract: "Write a synthetic pack N times the size of WAIC 2025, for benchmarks.",
    discussion: """
      Scale 1 has 800 exhibitors and 100 sessions, like WAIC 2025; scale 10 has 8,000 and \
      1,000. The pack is marked synthetic and passes 'hiwaic validate'. The same scale and seed \
      always give the same pack.

      Examples:
        hiwaic gen-pack --scale 10 /tmp/pack10
        hiwaic validate /tmp/pack10
      """)

  @Option(name: .long, help: "How many times the size of WAIC 2025 (1 to 100).")
  var scale: Int

  @Option(name: .long, help: "Random seed.")
  var seed: UInt64 = 2025

  @Flag(name: .long, help: "Write into OUT even if it already holds files.")
  var force = false

  @Flag(name: .long, help: "Indent the JSON for reading (larger, slower to load).")
  var pretty = false

  @Argument(help: ArgumentHelp("The directory to write the pack into.", valueName: "OUT"))
  var output: String

  func validate() throws {
    guard (1...100).contains(scale) else {
      throw ValidationError("--scale must be between 1 and 100, not \(scale)")
    }
  }

  func run() throws {
    let directory = URL(fileURLWithPath: output)
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    if !existing.isEmpty && !force {
      throw CommandError("\(output) is not empty; choose another directory or pass --force")
    }
    let pack = SyntheticPackGenerator(scale: scale, seed: seed).generate()
    do {
      try PackWriter.write(pack, to: directory, pretty: pretty)
    } catch {
      throw CommandError("cannot write the pack to \(output): \(error.localizedDescription)")
    }
    // So that `hiwaic ask` works on it.
    let lexiconNote =
      CommandContext.copyShippedLexicon(into: directory).map {
        " and the lexicon of \($0)"
      } ?? ""
    print(
      "wrote a synthetic pack (scale \(scale)) to \(output): \(pack.exhibitors.count) exhibitors, \(pack.sessions.count) sessions, \(pack.booths.count) booths, \(pack.walkways.nodes.count) walkway nodes\(lexiconNote)"
    )
  }
}
