import Dispatch
import Foundation
import Knowledge

/// Whether and how the full-screen assistant logs visitors' questions (anonymously: see
/// `AskedQuestion`).
public struct QuestionLogging: Sendable {
  public var retention: LogRetention

  public init(retention: LogRetention = .standard) { self.retention = retention }
}

/// Writes the question log on a queue of its own, so that a store busy with an import in
/// another process never holds up a key press; `finish` waits for what is queued.
final class QuestionLogWriter: Sendable {
  private let queue = DispatchQueue(label: "hiwaic.question-log")

  func write(_ questions: [AskedQuestion], to store: KnowledgeStore, retention: LogRetention) {
    guard !questions.isEmpty else { return }
    queue.async {
      // A log that cannot be written loses these questions; the visitor is never told.
      try? store.log(questions, retention: retention)
    }
  }

  func finish() { queue.sync {} }
}
