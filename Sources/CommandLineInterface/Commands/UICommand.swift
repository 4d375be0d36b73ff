import App
import ArgumentParser
import Assistant
import EventModel
import Fleet
import Foundation
import Kiosk
import Knowledge
import Matcher
import Recommender
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// `hiwaic` and `hiwaic ui`: the full-screen assistant in the terminal, or a kiosk.
struct UICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: "The full-screen assistant (the default): ask, exhibitors, schedule, map, plan.",
    discussion: """
      Keys: F1 help, F2–F8 (or the tab's number 2–8 when not typing) screens, F9 \
      English/中文, F10 or Ctrl-Q quit. Favourites, the plan and recent questions are kept \
      between runs in $XDG_STATE_HOME/hiwaic (~/.local/state/hiwaic), one file per pack; \
      --no-state keeps nothing. NO_COLOR=1 turns colours off; --theme high-contrast for bright \
      halls.

      --kiosk: for unattended use. No key quits or suspends; an idle kiosk counts down and \
      starts afresh for the next visitor; a scanner's zone code opens Here & now. The only way \
      out is the operator chord, Ctrl-\\ three times within two seconds (or F12 three times), \
      then the PIN from HIWAIC_ADMIN_PIN or admin_pin_hash in the configuration file (hiwaic \
      kiosk-pin).

      Examples:
        hiwaic
        hiwaic --lang zh --at eh-1f-north --now 2025-07-26T10:00
        HIWAIC_ADMIN_PIN=86427531 hiwaic --kiosk --idle 90
      """)

  @Option(name: .long, help: "Where the visitor or kiosk is: a walkway node, booth, zone or room.")
  var at: String?

  @Option(name: .long, help: "Language on screen at start: en or zh.")
  var lang: Language?

  @Option(name: .long, help: "Colour theme: standard or high-contrast.")
  var theme: ThemeName = .standard

  @Option(name: .long, help: "Where My plan's e writes the calendar file (not in kiosk mode).")
  var export: String = "hiwaic-plan.ics"

  @Flag(
    name: .customLong("no-state"),
    help:
      "Keep nothing between runs (favourites, plan and recent questions are otherwise kept in $XDG_STATE_HOME/hiwaic)."
  )
  var noState = false

  @Flag(name: .long, help: "Kiosk mode: locked down, resets for each visitor, scanner codes.")
  var kiosk = false

  @Option(name: .long, help: "Kiosk: seconds without input before the reset (default 60).")
  var idle: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Kiosk: the configuration file (default \(KioskConfiguration.defaultPath) when it exists).",
      valueName: "FILE"))
  var config: String?

  @Flag(
    name: .customLong("no-log"),
    help: "Keep no anonymous log of the questions asked (kept by default, for the organisers).")
  var noLog = false

  @Option(name: .long, help: "Days the question log keeps a question (default 90).")
  var logRetentionDays: Int?

  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var packOptions: PackOptions
  @OptionGroup var fleetOptions: FleetOptions

  func validate() throws {
    if let logRetentionDays, !(1...3_650).contains(logRetentionDays) {
      throw ValidationError("--log-retention-days must be from 1 to 3650")
    }
    if let idle, !KioskConfiguration.idleRange.contains(idle) {
      throw ValidationError("--idle must be seconds from 2 to 86400, not \(idle)")
    }
    if !kiosk && (idle != nil || config != nil) {
      throw ValidationError("--idle and --config belong to --kiosk")
    }
  }

  func run() throws {
    var settings: KioskSettings?
    var logQuestions = !noLog
    var retentionDays = logRetentionDays
    var place = at
    var language = lang ?? .en
    var fleetFile = fleetOptions.fleet
    if kiosk {
      CrashGuard.installForKiosk()
      do {
        let file = try KioskConfiguration.load(
          path: config ?? KioskConfiguration.defaultPath, required: config != nil)
        place = at ?? file.at
        if file.logQuestions == false { logQuestions = false }
        retentionDays = retentionDays ?? file.logRetentionDays
        fleetFile = fleetFile ?? file.fleet
        language = lang ?? (file.language == "zh" ? .zh : .en)
        settings = KioskSettings(
          adminPin: try Self.adminPin(file, configPath: config ?? KioskConfiguration.defaultPath),
          idleSeconds: idle ?? file.idleSeconds ?? 60, language: language,
          pinGuardStore: (file.pinState
            ?? PinGuardStore.defaultPath(environment: ProcessInfo.processInfo.environment))
            .map(PinGuardStore.init(path:)))
      } catch {
        printError("hiwaic: kiosk: \(error.description)")
        throw ExitCode(2)
      }
    }
    // The matcher is built on another thread while the first screen is drawn from the pack.
    let setup = try AskSetup(
      options: packOptions, at: place, lang: .auto, buildMatcher: false,
      knowledge: knowledgeOptions.knowledge)
    // The calendar's whole path, so that "Saved to …" says where to find it.
    var env = AppEnvironment(
      pending: setup.pending, exportPath: URL(fileURLWithPath: export).standardizedFileURL.path)
    env.roles = setup.roles
    if logQuestions {
      env.questionLogging = QuestionLogging(
        retention: retentionDays.map(LogRetention.init(days:)) ?? .standard)
    }
    // The fleet's sync on its own task: the screen never waits for the network.
    let pending = setup.pending
    let fleetSync = try Self.fleetSync(
      file: fleetFile, knowledge: knowledgeOptions,
      mentions: { pending.assistant.mentions(in: $0) })
    if let fleetSync {
      env.fleetSync = {
        let status = fleetSync.status
        return FleetSyncState(
          lastSuccess: status.lastSuccess, lastError: status.lastError, unsent: status.unsent,
          nextAttempt: status.nextAttempt)
      }
      fleetSync.start()
    }
    defer { fleetSync?.stop() }
    var state = AppState(
      width: 80, height: 24, now: setup.context.now, here: setup.context.here,
      language: language == .zh ? .zh : .en)
    state.scan = ScanBuffer(prefix: setup.pending.catalog.placeCodePrefix)
    if let settings { state.kiosk = KioskState(settings: settings, now: state.now) }
    // A kiosk keeps nothing of a visitor for the next; a person at their own terminal keeps
    // their favourites and plan.
    var store =
      kiosk || noState
      ? nil
      : VisitorStateStore.defaultPath(
        environment: ProcessInfo.processInfo.environment,
        packID: setup.pending.catalog.pack.manifest.id
      ).map(VisitorStateStore.init(path:))
    if let found = store,
      !Self.restore(from: found, into: &state, env: env, keepLanguage: lang != nil)
    {
      store = nil
    }
    let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let options = TerminalOptions(
      colour: !noColour, theme: theme == .highContrast ? .highContrast : .standard, kiosk: kiosk)
    do {
      try TerminalApp.run(state, env, options: options, store: store)
    } catch {
      printError("hiwaic: \(error.description)")
      throw ExitCode(2)
    }
  }

  /// The background sync with the fleet's server, when a fleet file is given: its problems
  /// are said before the screen opens (a kiosk with a broken fleet file does not start).
  static func fleetSync(
    file: String?, knowledge: KnowledgeOptions, mentions: @escaping MentionFinder
  ) throws
    -> FleetSyncService?
  {
    guard let file else { return nil }
    let configuration: FleetConfiguration
    do {
      configuration = try FleetConfiguration.load(path: file)
      _ = try configuration.password()
    } catch {
      printError("hiwaic: fleet: \(error.description)")
      throw ExitCode(2)
    }
    // With the log off nothing is sent; the organisers' answers still arrive.
    return FleetSyncService(
      store: try knowledge.open(), server: FleetServer(configuration: configuration),
      mentions: mentions)
  }

  /// Reads the visitor's saved state into `state`; a problem goes to standard error (seen
  /// after the session) and to the status line. False when the file must not be written.
  static func restore(
    from store: VisitorStateStore, into state: inout AppState, env: AppEnvironment,
    keepLanguage: Bool
  ) -> Bool {
    let loaded = store.load(packID: env.catalog.pack.manifest.id, now: Date())
    switch loaded {
    case .setAside(let reason, let movedTo):
      printError("hiwaic: \(store.path) \(reason); kept as \(movedTo)")
    case .unreadable(let reason): printError("hiwaic: \(store.path) \(reason)")
    case .fresh, .restored: break
    }
    return state.restore(
      loaded, env: env, keepLanguage: keepLanguage,
      home: ProcessInfo.processInfo.environment["HOME"])
  }

  /// The PIN from the environment (hashed at once, and the variable removed so that child
  /// processes and later reads of the environment do not see it), else the file's hash.
  static func adminPin(_ file: KioskConfiguration, configPath: String) throws(KioskSetupError)
    -> AdminPin
  {
    if let pin = try AdminPin.takeFromEnvironment("HIWAIC_ADMIN_PIN") { return pin }
    if let hash = file.adminPinHash { return try AdminPin(hash: hash) }
    throw .noPin(configPath: configPath)
  }
}

/// `--theme`.
enum ThemeName: String, ExpressibleByArgument, CaseIterable {
  case standard
  case highContrast = "high-contrast"
}
