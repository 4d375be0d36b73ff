import Foundation

/// The operator's console, open after the PIN: leave kiosk mode, or answer what visitors keep
/// asking that the assistant could not answer. Closing it starts afresh for the next visitor.
public struct OperatorConsole: Sendable {
  public enum Step: Hashable, Sendable {
    /// Leave kiosk mode, answer questions, or back to visitors.
    case menu
    /// The unanswered questions, most asked first.
    case questions
    /// Writing the organisers' answer to a question.
    case answering
  }

  /// A question visitors asked that went unanswered, and how often (the last seven days).
  public struct Unanswered: Hashable, Sendable {
    public var text: String
    public var count: Int
  }

  public var step: Step = .menu
  public var unanswered: [Unanswered] = []
  public var selection = 0
  public var question = LineEditor()
  public var answer = LineEditor()
  /// Whether the answer field, not the question field, has the keyboard.
  public var typingAnswer = true
  public var message: String?

  public init() {}
}
