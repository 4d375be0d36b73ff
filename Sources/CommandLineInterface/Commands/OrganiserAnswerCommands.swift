import ArgumentParser
import EventModel
import Foundation
import Knowledge

/// `hiwaic notes answer QUESTION ANSWER`: the organisers answer a question visitors keep asking.
struct NotesAnswerCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "answer",
    abstract: "Answer a question visitors ask; the assistant then answers it and its paraphrases.",
    discussion: """
      The answer is shown as the organisers' answer, with its date. Answering the same question \
      again in the same language replaces the answer.

      Examples:
        hiwaic notes answer "Is there a prayer room?" "Yes: Hall H2, next to first aid."
        hiwaic notes answer --lang zh "有祈祷室吗？" "有：H2馆，急救站旁边。"
      """)

  @Argument(help: "The question, as visitors ask it.") var question: String
  @Argument(help: "The answer.") var answer: String
  @Option(name: .long, help: "The answer's language: en, zh or de (default: guessed).")
  var lang: Language?
  @OptionGroup var knowledgeOptions: KnowledgeOptions

  func render() throws -> String {
    let store = try knowledgeOptions.open()
    let language = lang ?? Language(rawValue: TextLanguage.guess(answer)) ?? .en
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

  @Option(name: .long, help: "Remove the answer with this id.") var remove: Int64?
  @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
  @OptionGroup var knowledgeOptions: KnowledgeOptions

  func render() throws -> String {
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
