import ArgumentParser
import EventModel
import Foundation
import Matcher

/// `hiwaic validate [PACK]`: every problem in a pack, located; exit status 1 when there are errors.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a pack and report every problem with its file and JSON path.",
    discussion: """
      Exit status: 0 when the pack has no errors (warnings are allowed), 1 when it has.

      Examples:
        hiwaic validate Data/waic2025
        hiwaic validate /tmp/pack10
      """)

  @Argument(
    help: ArgumentHelp(
      "The pack directory (default: --pack, HIWAIC_PACK or the WAIC 2025 pack).", valueName: "PACK")
  )
  var path: String?

  @OptionGroup var packOptions: PackOptions

  @Option(name: .long, help: "Output format: text or json.")
  var format: OutputFormat = .text

  /// The report and whether the pack has errors.
  func report() throws -> (text: String, hasErrors: Bool) {
    let directory: URL
    do {
      directory = try PackLocator.locate(explicit: path ?? packOptions.pack)
    } catch {
      throw CommandError(error.description)
    }
    var check = PackLoader.check(directory: directory)
    // The lexicon is part of the pack: `ask` needs it, so a broken one is an error here.
    do {
      _ = try Lexicon.load(packDirectory: directory)
    } catch {
      check.issues.append(error.issue)
      check.catalog = nil
    }
    let hasErrors = !check.errors.isEmpty
    if format == .json {
      let records = check.issues.map {
        IssueRecord(
          severity: $0.severity.rawValue, kind: $0.kind.rawValue, file: $0.file, path: $0.path,
          line: $0.line, column: $0.column, message: $0.message)
      }
      return (try OutputFormatting.json(records), hasErrors)
    }
    var lines = check.issues.map(\.description)
    let errors = check.errors.count
    let warnings = check.warnings.count
    let summary =
      "\(directory.path): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    if let catalog = check.catalog {
      let pack = catalog.pack
      lines.append(
        summary
          + " (\(pack.exhibitors.count) exhibitors, \(pack.sessions.count) sessions, \(pack.booths.count) booths, \(pack.walkways.nodes.count) walkway nodes)"
      )
    } else {
      lines.append(summary)
    }
    return (lines.joined(separator: "\n"), hasErrors)
  }

  mutating func run() throws {
    let (text, hasErrors) = try report()
    print(text)
    if hasErrors { throw ExitCode(1) }
  }
}

/// One problem in `hiwaic validate --format json`.
struct IssueRecord: Encodable {
  var severity: String
  var kind: String
  var file: String
  var path: String?
  var line: Int?
  var column: Int?
  var message: String
}
