import ArgumentParser
import EventModel
import Fleet
import Foundation
import Knowledge
import TextLayout

/// `--fleet FILE`: the fleet's server, from a `key = value` file.
struct FleetOptions: ParsableArguments {
  @Option(
    name: .long,
    help: """
      The fleet's configuration (host, port, database, user, password_file, kiosk_id, sslmode): \
      share the log and the organisers' answers through PostgreSQL.
      """)
  var fleet: String?

  /// The server the file names, or nil without `--fleet`.
  func server() throws -> FleetServer? {
    guard let fleet else { return nil }
    do {
      return FleetServer(configuration: try FleetConfiguration.load(path: fleet))
    } catch {
      throw CommandError(error.description)
    }
  }

  /// The server, for commands that need one.
  func requiredServer(_ command: String) throws -> FleetServer {
    guard let server = try server() else {
      throw CommandError("\(command) needs --fleet FILE, the fleet's configuration")
    }
    return server
  }
}

/// Runs fleet work to its end and turns its failure into the command's one line.
func fleetCall<Result: Sendable>(
  _ work: @escaping @Sendable () async throws(FleetError) -> Result
) throws -> Result {
  do {
    return try waitForFleet(work)
  } catch {
    throw CommandError(error.description)
  }
}

/// Takes something published back from every kiosk by its id; `missing` is the message for
/// an id that is none (not a UUID, or nothing published under it).
func retractFromFleet(
  _ id: String, missing: String,
  _ retract: @escaping @Sendable (UUID) async throws(FleetError) -> Bool
) throws {
  guard let uid = UUID(uuidString: id) else { throw CommandError(missing) }
  let removed = try fleetCall { () async throws(FleetError) in try await retract(uid) }
  guard removed else { throw CommandError(missing) }
}

/// `hiwaic fleet`: the shared server of a fleet of kiosks.
struct FleetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fleet",
    abstract: "Set up the PostgreSQL server that a fleet of kiosks shares.",
    discussion: """
      Kiosks share their question logs and receive the organisers' answers through one \
      PostgreSQL database; each keeps working on its own store when the network is gone. \
      contrib/kiosk/README.md describes the set-up step by step.

      Examples:
        hiwaic fleet init --fleet /etc/hiwaic/fleet-owner.conf
        hiwaic sync --fleet /etc/hiwaic/fleet.conf --once
      """,
    subcommands: [FleetInitCommand.self])
}

/// `hiwaic fleet init`: the schema, created or migrated, and the kiosk role's grants.
struct FleetInitCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create or migrate the fleet's schema and grant the kiosks' role what it needs.",
    discussion: """
      Run with the database owner's role (the fleet file's user). The database administrator \
      creates the login roles first; the kiosks' role may then insert into the question log \
      and read the organisers' answers, nothing else. Running it again changes nothing.

      Examples:
        hiwaic fleet init --fleet /etc/hiwaic/fleet-owner.conf
        hiwaic fleet init --fleet owner.conf --kiosk-role hall_kiosks
      """)

  @OptionGroup var fleetOptions: FleetOptions
  @Option(name: .long, help: "The role the kiosks log in with.")
  var kioskRole = FleetSchema.defaultKioskRole

  func render() throws -> String {
    let server = try fleetOptions.requiredServer("fleet init")
    let role = kioskRole
    let done = try fleetCall { () async throws(FleetError) in
      try await server.initialise(kioskRole: role)
    }
    let schema =
      done.fromVersion == done.toVersion
      ? "schema already at version \(done.toVersion)"
      : done.fromVersion == 0
        ? "schema created (version \(done.toVersion))"
        : "schema migrated from version \(done.fromVersion) to \(done.toVersion)"
    return
      "\(server.name): \(schema); role \(done.kioskRole) may insert into the question log and read the organisers' answers"
  }
}

/// `hiwaic sync`: this store's log up to the fleet, the organisers' answers down.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Send the question log to the fleet's server and receive the organisers' answers.",
    discussion: """
      Without --once it keeps going: every --every seconds, sooner when 50 questions wait, \
      later while the server is away. Nothing is lost when the server cannot be reached; \
      what was not sent is sent next time, and nothing twice.

      Examples:
        hiwaic sync --fleet /etc/hiwaic/fleet.conf --once
        hiwaic sync --fleet fleet.conf --knowledge /var/lib/hiwaic/knowledge.sqlite
      """)

  @OptionGroup var fleetOptions: FleetOptions
  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var packOptions: PackOptions
  @Flag(name: .long, help: "Sync once and exit: 0 when all was sent and received.")
  var once = false
  @Option(name: .long, help: "Seconds between syncs (5 to 3600).") var every: Int = 30

  func run() throws {
    guard (5...3_600).contains(every) else { throw CommandError("--every must be 5 to 3600") }
    let server = try fleetOptions.requiredServer("sync")
    let store = try knowledgeOptions.open()
    // Published notes are categorised by this pack's matcher, as `notes import` does.
    let setup = try AskSetup(options: packOptions, at: nil, lang: .auto, withKnowledge: false)
    let mentions = setup.assistant.mentionFinder
    if once {
      let report = try fleetCall { () async throws(FleetError) in
        try await FleetSync.once(store: store, server: server, mentions: mentions)
      }
      print(Self.line(report))
      if report.unsent > 0 {
        throw CommandError("\(report.unsent) questions were logged during the sync; run it again")
      }
      return
    }
    let service = FleetSyncService(
      store: store, server: server, interval: .seconds(every), mentions: mentions,
      onSync: { outcome in
        let stamp = ISO8601DateFormatter().string(from: Date())
        switch outcome {
        case .success(let report): print("\(stamp)  \(Self.line(report))")
        case .failure(let error): print("\(stamp)  \(TerminalText.sanitized(error.description))")
        }
        flushOutput()
      })
    service.start()
    // Until the process is stopped (Ctrl-C, SIGTERM): a sync cut off loses nothing.
    while true { sleep(3_600) }
  }

  static func line(_ report: FleetSyncReport) -> String {
    "sent \(report.sent) questions, received \(report.received) answer changes"
      + (report.notes > 0 ? " and \(report.notes) notes files" : "")
      + (report.unsent > 0 ? "; \(report.unsent) waiting" : "; all sent")
  }
}
