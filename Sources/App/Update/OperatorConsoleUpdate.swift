import Assistant
import EventModel
import Foundation
import Knowledge
import TerminalUI

/// The operator's console: its keys, the unanswered questions read from the log, and saving
/// the organisers' answers.
enum OperatorConsoleUpdate {
  /// How far back the console looks for unanswered questions.
  static let window: TimeInterval = 7 * 86_400
  static let listed = 30

  /// A fresh console with the unanswered questions of the last week.
  static func opened(_ env: AppEnvironment, now: Date) -> OperatorConsole {
    var console = OperatorConsole()
    console.unanswered = unanswered(env, now: now)
    console.fleet = env.fleetSync?()
    return console
  }

  /// Questions visitors asked that went unanswered, the same question (case and spacing
  /// aside) counted once, most asked first.
  static func unanswered(_ env: AppEnvironment, now: Date) -> [OperatorConsole.Unanswered] {
    let logged =
      (try? env.assistant.knowledge?.loggedQuestions(since: now.addingTimeInterval(-window)))
      ?? []
    var counts: [String: OperatorConsole.Unanswered] = [:]
    for entry in logged where !entry.question.answered {
      let key = TextFolding.fold(entry.question.text)
      counts[key, default: .init(text: entry.question.text, count: 0)].count += 1
    }
    return counts.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }.prefix(listed)
      .map { $0 }
  }

  static func key(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) -> [Effect] {
    guard var kiosk = state.kiosk, var console = kiosk.console else { return [] }
    kiosk.lastActivity = state.now
    var effects: [Effect] = []
    defer {
      if kiosk.console != nil { kiosk.console = console }
      state.kiosk = kiosk
    }
    switch console.step {
    case .menu:
      switch key {
      case .character("q"), .character("Q"): effects = [.quit]
      case .character("a"), .character("A"):
        console.step = .questions
        console.message = nil
      case .escape:
        // Back to visitors: nothing of the console is left on screen.
        kiosk.console = nil
        state.kiosk = kiosk
        effects = [AppUpdate.resetForNextVisitor(&state)]
        kiosk = state.kiosk ?? kiosk
      default: break
      }
    case .questions:
      switch key {
      case .escape: console.step = .menu
      case .character("n"):
        console.question = LineEditor()
        console.answer = LineEditor()
        console.typingAnswer = false
        console.step = .answering
      case .enter:
        if let chosen = console.unanswered[safe: console.selection] {
          console.question = LineEditor(chosen.text)
          console.answer = LineEditor()
          console.typingAnswer = true
          console.step = .answering
        }
      default:
        console.selection = AppUpdate.move(
          console.selection, key, count: console.unanswered.count)
      }
    case .answering:
      switch key {
      case .escape: console.step = .questions
      case .tab, .backTab, .up, .down: console.typingAnswer.toggle()
      case .enter:
        if !console.typingAnswer {
          console.typingAnswer = true
        } else {
          save(&console, state, env)
        }
      default:
        if console.typingAnswer {
          _ = console.answer.handle(key)
        } else {
          _ = console.question.handle(key)
        }
      }
    }
    return effects
  }

  /// Keeps the answer in the knowledge store: from now on the assistant gives it for the
  /// question and its paraphrases.
  static func save(_ console: inout OperatorConsole, _ state: AppState, _ env: AppEnvironment) {
    let question = console.question.text.trimmingCharacters(in: .whitespaces)
    let answer = console.answer.text.trimmingCharacters(in: .whitespaces)
    guard !question.isEmpty, !answer.isEmpty else {
      console.message = state.t("Write the question and its answer.", "请填写问题和答案。")
      return
    }
    guard let store = env.assistant.knowledge else {
      console.message = state.t(
        "No knowledge store: answers cannot be kept on this kiosk.", "没有知识库：本机无法保存答案。")
      return
    }
    let language = Language(rawValue: TextLanguage.guess(answer)) ?? .en
    do {
      try store.saveOrganiserAnswer(
        question: question, answer: answer, language: language, now: state.now)
      let folded = TextFolding.fold(question)
      console.unanswered.removeAll { TextFolding.fold($0.text) == folded }
      console.selection = min(console.selection, max(0, console.unanswered.count - 1))
      console.message = state.t(
        "Saved: visitors asking this, in these or other words, now get your answer.",
        "已保存：访客再问这个问题（包括换种说法）时，将得到您的答案。")
      console.step = .questions
    } catch {
      console.message = state.t(
        "Could not save the answer: \(error.message)", "无法保存答案：\(error.message)")
    }
  }
}
