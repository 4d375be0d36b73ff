import App
import ArgumentParser
import Assistant
import EventModel
import Foundation
import Matcher
import TerminalUI

/// `hiwaic` and `hiwaic ui`: the full-screen assistant in the terminal.
struct UICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: "The full-screen assistant (the default): ask, exhibitors, schedule, map, plan.",
    discussion: """
      Keys: F1 help, F2–F8 (or 1–7 when not typing) screens, F9 English/中文, F10 or Ctrl-Q quit.
      NO_COLOR=1 turns colours off; --theme high-contrast for bright halls.
      """)

  @Option(name: .long, help: "Where the visitor or kiosk is: a walkway node, booth, zone or room.")
  var at: String?

  @Option(name: .long, help: "Language on screen at start: en or zh.")
  var lang: Language = .en

  @Option(name: .long, help: "Colour theme: standard or high-contrast.")
  var theme: ThemeName = .standard

  @Option(name: .long, help: "Where My plan's e writes the calendar file.")
  var export: String = "hiwaic-plan.ics"

  @OptionGroup var packOptions: PackOptions

  func run() throws {
    let setup = try AskSetup(options: packOptions, at: at, lang: .auto)
    let env = AppEnvironment(assistant: setup.assistant, exportPath: export)
    let state = AppState(
      width: 80, height: 24, now: setup.context.now, here: setup.context.here,
      language: lang == .zh ? .zh : .en)
    let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let options = TerminalOptions(
      colour: !noColour, theme: theme == .highContrast ? .highContrast : .standard)
    do {
      try TerminalApp.run(state, env, options: options)
    } catch {
      FileHandle.standardError.write(Data("hiwaic: \(error.description)\n".utf8))
      throw ExitCode(2)
    }
  }
}

/// `--theme`.
enum ThemeName: String, ExpressibleByArgument, CaseIterable {
  case standard
  case highContrast = "high-contrast"
}
