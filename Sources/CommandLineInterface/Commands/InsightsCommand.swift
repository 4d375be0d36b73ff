import ArgumentParser
import Assistant
import EventModel
import Fleet
import Foundation
import Insights
import Knowledge
import TextLayout

/// `hiwaic insights`: what visitors asked, for the organisers, from the question log.
struct InsightsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "insights",
    abstract: "What visitors asked: most asked, by intent, language, hour and place, and the gaps.",
    discussion: """
      Reads the anonymous question log in the knowledge store (kept by the full-screen \
      assistant, the kiosk and 'ask --log'). Gaps are the questions left unanswered or answered \
      with low confidence, grouped by the record or word most of them share.

      Examples:
        hiwaic insights
        hiwaic insights --since 24h
        hiwaic insights --since 2025-07-26 --format csv
        hiwaic insights --fleet owner.conf --since 24h
      """)

  @Option(
    name: .long,
    help: "Only questions since then: a date, an ISO time (event time), or 30m, 24h, 7d ago.")
  var since: String?

  @Option(name: .long, help: "Output: text, json or csv.") var format: InsightsFormat = .text

  @Option(name: .long, help: "Answers less sure than this count among the gaps (0 to 1).")
  var confidenceBelow: Double = InsightsReport.standardConfidence

  @Option(name: .long, help: "How many rows of most asked and of gaps.") var top: Int = 10

  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var packOptions: PackOptions
  @OptionGroup var fleetOptions: FleetOptions

  func run() throws {
    guard (0...1).contains(confidenceBelow) else {
      throw CommandError("--confidence-below must be from 0 to 1")
    }
    guard (1...1_000).contains(top) else { throw CommandError("--top must be from 1 to 1000") }
    let setup = try AskSetup(options: packOptions, at: nil, lang: .auto, withKnowledge: false)
    let zone = setup.assistant.catalog.timeZone
    let from = try since.map { try Self.start($0, now: setup.packContext.now, zone: zone) }
    let questions: [AskedQuestion]
    var kiosks: [String]?
    if let server = try fleetOptions.server() {
      // The whole fleet's log, per kiosk, from the server (the owner's role reads it).
      let logged = try fleetCall { () async throws(FleetError) in
        try await server.loggedQuestions(since: from)
      }
      questions = logged.map(\.question)
      kiosks = logged.map(\.kiosk)
    } else {
      let store = try knowledgeOptions.open()
      do {
        questions = try store.loggedQuestions(since: from).map(\.question)
      } catch {
        throw CommandError(error.description)
      }
    }
    let report = InsightsReport(
      questions, assistant: setup.assistant, confidenceBelow: confidenceBelow, top: top,
      kiosks: kiosks)
    switch format {
    case .text: print(report.text(zone: zone))
    case .csv: print(report.csv)
    case .json: print(try OutputFormatting.json(report))
    }
  }

  /// "2025-07-26" (midnight, event time), "2025-07-26T14:00", or "30m", "24h", "7d" before now.
  static func start(_ text: String, now: Date, zone: TimeZone) throws -> Date {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let unit = trimmed.last, let amount = Int(trimmed.dropLast()), amount >= 0,
      amount <= 100_000
    {
      let seconds: Double? =
        switch unit {
        case "m": 60
        case "h": 3_600
        case "d": 86_400
        default: nil
        }
      if let seconds { return now.addingTimeInterval(-Double(amount) * seconds) }
    }
    if let day = LocalDate(Substring(trimmed)), trimmed.count == 10 {
      return EventTime.startOfDay(day, zone: zone)
    }
    if let time = EventTime.parse(trimmed, zone: zone) { return time }
    throw CommandError(
      "--since '\(TerminalText.sanitized(text))' is not a time: use 2025-07-26, 2025-07-26T14:00, or 30m, 24h, 7d"
    )
  }
}

/// `hiwaic insights --format`.
enum InsightsFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv
}
