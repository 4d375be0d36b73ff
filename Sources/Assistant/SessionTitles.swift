import EventModel
import Foundation

/// Each session's title in every language, folded, with its words: what a question's topic
/// words are looked for in. Worked out the first time an answer needs a session's title and
/// kept, instead of for every session of every answer (or for all of a large programme at
/// start-up). Shared by copies of the assistant; safe from several threads.
final class SessionTitleCache: @unchecked Sendable {
  /// A title folded, and its words.
  struct FoldedTitle: Sendable {
    let text: String
    let words: [Substring]

    init(_ title: String) {
      text = TextFolding.fold(title)
      words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }
  }

  private let catalog: EventCatalog
  private let lock = NSLock()
  // Guarded by `lock`; one entry per position in `pack.sessions`.
  private var titles: [[FoldedTitle]?]

  init(catalog: EventCatalog) {
    self.catalog = catalog
    titles = Array(repeating: nil, count: catalog.pack.sessions.count)
  }

  /// The folded title texts of the session at `position` in `pack.sessions`.
  func title(at position: Int) -> [FoldedTitle] {
    lock.lock()
    defer { lock.unlock() }
    if let known = titles[position] { return known }
    let made = catalog.pack.sessions[position].title.allTexts.map(FoldedTitle.init)
    titles[position] = made
    return made
  }
}
