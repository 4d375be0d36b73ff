import ArgumentParser
import EventModel
import Foundation
import TextLayout

/// The `hiwaic` command: a terminal event assistant for WAIC 2025 and other event packs.
public struct HiwaicCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "hiwaic",
    abstract: "A terminal event assistant: exhibitors, schedule, venues and City Walk routes.",
    discussion: """
      Every command reads an event pack: the WAIC 2025 pack by default, or the one named by
      --pack or HIWAIC_PACK. Times are shown in the event's time zone (Asia/Shanghai); use
      --now to see the event as it was at a given moment, e.g. --now 2025-07-27T10:00.
      """,
    version: "0.1.0",
    subcommands: [
      UICommand.self, InfoCommand.self, AskCommand.self, ExhibitorsCommand.self,
      ScheduleCommand.self,
      CityWalkCommand.self, DirectionsCommand.self, RouteCommand.self, OPTWCommand.self,
      RecommendCommand.self, NotesCommand.self, InsightsCommand.self, SyncCommand.self,
      FleetCommand.self, PlacesCommand.self,
      HereCommand.self,
      QRPostersCommand.self,
      KioskPinCommand.self,
      ValidateCommand.self,
      ImportCommand.self, GenPackCommand.self, TrainCommand.self,
    ],
    defaultSubcommand: UICommand.self
  )

  public init() {}

  /// Parses the arguments and runs the command, like `main()`, but every message (errors that
  /// quote what was typed, help) is sanitised before it reaches the terminal.
  public static func runSafely(_ arguments: [String]? = nil) -> Never {
    if let unknown = unknownCommand(arguments ?? Array(CommandLine.arguments.dropFirst())) {
      printError(unknown)
      flushOutput()
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      flushOutput()
      Foundation.exit(0)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      flushOutput()
      if !message.isEmpty {
        if code == .success { print(message) } else { printError(message) }
      }
      flushOutput()
      Foundation.exit(code.rawValue)
    }
  }
}

extension HiwaicCommand {
  /// "hiwaic foo": a first word that is no command would otherwise reach the full-screen
  /// assistant as a stray argument. The message names the close commands and lists them all.
  static func unknownCommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    var names = ["help"]
    for command in configuration.subcommands {
      let configuration = command.configuration
      names.append(configuration.commandName ?? "")
      names += configuration.aliases
    }
    guard !names.contains(first) else { return nil }
    let close = NameSuggestions.closest(
      to: first, among: names.filter { !$0.isEmpty }.map { (key: $0, label: $0) })
    let visible = configuration.subcommands.filter { $0.configuration.shouldDisplay }.compactMap {
      $0.configuration.commandName
    }
    return "hiwaic: unknown command '\(TerminalText.sanitized(first))'"
      + (close.isEmpty ? "" : "; did you mean \(close.joined(separator: ", "))?")
      + "\nCommands: \(visible.joined(separator: ", ")). See 'hiwaic --help'."
  }
}

/// Options every command that reads a pack takes.
struct PackOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The event pack directory (default: the WAIC 2025 pack; or set HIWAIC_PACK).",
      valueName: "DIR"))
  var pack: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The current time, ISO 8601; local to the event when it has no offset (e.g. 2025-07-27T14:30).",
      valueName: "TIME"))
  var now: String?
}

/// Output options of the query commands.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(name: .long, help: "Language of names and labels: en or zh.")
  var lang: Language = .en
}

/// How a query command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

extension Language: ExpressibleByArgument {
  public init?(argument: String) {
    switch argument.lowercased() {
    case "en", "english": self = .en
    case "zh", "cn", "chinese", "中文": self = .zh
    default: return nil
    }
  }

  public static var allValueStrings: [String] { ["en", "zh"] }
}

/// A problem the user can fix, printed as one clear message.
struct CommandError: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) { self.description = description }
}

/// A command whose whole output is computed first, so that tests can read it without a terminal.
protocol RenderingCommand: ParsableCommand {
  func render() throws -> String
}

extension RenderingCommand {
  mutating func run() throws {
    let output = try render()
    if !output.isEmpty { print(output) }
  }
}
