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
  /// The fleet's sync as last read, when this kiosk belongs to a fleet.
  public var fleet: FleetSyncState?

  public init() {}
}

/// The background sync with the fleet's server, as the operator sees it (visitors never do).
public struct FleetSyncState: Hashable, Sendable {
  /// When the last sync completed.
  public var lastSuccess: Date?
  /// Why the last attempt failed, when it did.
  public var lastError: String?
  /// Questions logged here and not yet on the server.
  public var unsent: Int
  /// When the next attempt is due.
  public var nextAttempt: Date?

  public init(lastSuccess: Date?, lastError: String?, unsent: Int, nextAttempt: Date?) {
    self.lastSuccess = lastSuccess
    self.lastError = lastError
    self.unsent = unsent
    self.nextAttempt = nextAttempt
  }
}
