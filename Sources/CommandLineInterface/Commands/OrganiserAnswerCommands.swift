import ArgumentParser
import EventModel
import Fleet
import Foundation
import Knowledge

/// `hiwaic notes answer QUESTION ANSWER`: the organisers answer a question visitors keep asking.
struct NotesAnswerCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "answer",
    abstract: "Answer a question visitors ask; the assistant then answers it and its paraphrases.",
    discussion: """
      The answer is shown as the organisers' answer, with its date. Answering the same question \
      again in the same language replaces the answer. With --fleet it is published to every \
      kiosk of the fleet, which has it after its next sync.

      Examples:
        hiwaic notes answer "Is there a prayer room?" "Yes: Hall H2, next to first aid."
        hiwaic notes answer --lang zh "有祈祷室吗？" "有：H2馆，急救站旁边。"
        hiwaic notes answer --fleet owner.conf "Wifi?" "WAIC-Guest, no password."
      """)

  @Argument(help: "The question, as visitors ask it.") var question: String
  @Argument(help: "The answer.") var answer: String
  @Option(name: .long, help: "The answer's language: en, zh or de (default: guessed).")
  var lang: Language?
  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var fleetOptions: FleetOptions

  func render() throws -> String {
    let language = lang ?? Language(rawValue: TextLanguage.guess(answer)) ?? .en
    if let server = try fleetOptions.server() {
      let (question, answer) = (question, answer)
      let published = try fleetCall { () async throws(FleetError) in
        try await server.publish(
          question: question, answer: answer, language: language, now: Date())
      }
      return
        "published answer \(published.uid.uuidString.lowercased()) (\(language.rawValue)) to every kiosk of \(server.name)"
    }
    let store = try knowledgeOptions.open()
    do {
      let id = try store.saveOrganiserAnswer(
        question: question, answer: answer, language: language, now: Date())
      return "saved answer \(id) (\(language.rawValue))"
    } catch {
      throw CommandError(error.description)
    }
  }
}

/// `hiwaic notes answers`: the organisers' answers, and taking one back.
struct NotesAnswersCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "answers", abstract: "List the organisers' answers, or remove one.")

  @Option(name: .long, help: "Remove the answer with this id (with --fleet: from every kiosk).")
  var remove: String?
  @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var fleetOptions: FleetOptions

  func render() throws -> String {
    if let server = try fleetOptions.server() { return try fleetAnswers(server) }
    let remove = try self.remove.map { text in
      guard let id = Int64(text) else {
        throw CommandError("no answer \(text) (see hiwaic notes answers)")
      }
      return id
    }
    let store = try knowledgeOptions.open()
    do {
      if let remove {
        guard try store.removeOrganiserAnswer(remove) else {
          throw CommandError("no answer \(remove) (see hiwaic notes answers)")
        }
        return "removed answer \(remove)"
      }
      let answers = try store.organiserAnswers()
      if format == .json { return try OutputFormatting.json(answers) }
      guard !answers.isEmpty else { return "no organisers' answers yet" }
      let day = ISO8601DateFormatter()
      day.formatOptions = [.withFullDate]
      return answers.map {
        "\($0.id)  \(day.string(from: $0.writtenAt))  \($0.language.rawValue)  Q: \($0.question)\n    A: \($0.answer)"
      }.joined(separator: "\n")
    } catch let error as CommandError {
      throw error
    } catch let error as KnowledgeStoreError {
      throw CommandError(error.description)
    }
  }
}

extension NotesAnswersCommand {
  /// The answers published to the fleet, or one taken back from every kiosk.
  func fleetAnswers(_ server: FleetServer) throws -> String {
    if let remove {
      try retractFromFleet(
        remove, missing: "no published answer \(remove) (see hiwaic notes answers --fleet …)"
      ) { uid async throws(FleetError) in try await server.retract(uid, now: Date()) }
      return "removed answer \(remove) from every kiosk of \(server.name)"
    }
    let answers = try fleetCall { () async throws(FleetError) in try await server.publishedAnswers()
    }
    if format == .json {
      return try OutputFormatting.json(
        answers.map {
          PublishedAnswerRecord(
            id: $0.uid.uuidString.lowercased(), question: $0.question, answer: $0.answer,
            language: $0.language, writtenAt: $0.writtenAt)
        })
    }
    guard !answers.isEmpty else { return "no answers published to the fleet yet" }
    let day = ISO8601DateFormatter()
    day.formatOptions = [.withFullDate]
    return answers.map {
      "\($0.uid.uuidString.lowercased())  \(day.string(from: $0.writtenAt))  \($0.language.rawValue)  Q: \($0.question)\n    A: \($0.answer)"
    }.joined(separator: "\n")
  }

  /// A published answer as JSON gives it.
  struct PublishedAnswerRecord: Encodable {
    var id: String
    var question: String
    var answer: String
    var language: Language
    var writtenAt: Date
  }
}
