import Assistant
import EventModel
import Foundation
import Knowledge
import TerminalUI

/// The Talks & Q&A screen's keys, and reading the knowledge store for it and for the
/// Schedule's session detail. The store is read here, never while drawing.
enum TalksUpdate {
  /// How many passages a search lists.
  static let searchLimit = 40
  /// How many passages of a session its Schedule detail shows.
  static let sessionPassages = 6

  static func key(_ key: Key, _ state: inout AppState, _ env: AppEnvironment) {
    if state.talks.searching {
      AppUpdate.searchFieldKey(
        key, &state.talks.search, active: &state.talks.searching,
        selection: &state.talks.selection)
      return
    }
    switch key {
    case .character("/"): state.talks.searching = true
    case .character("t"):
      let count = state.talks.topics.count
      state.talks.topicFilter =
        state.talks.topicFilter.map { $0 + 1 < count ? $0 + 1 : nil } ?? (count > 0 ? 0 : nil)
      state.talks.selection = 0
    case .enter:
      // The session the notes record, on the Schedule.
      if let row = state.talks.rows[safe: state.talks.selection],
        let session = session(of: row, state)
      {
        AppUpdate.openSession(session, &state, env)
      }
    case .escape:
      if !state.talks.search.isEmpty || state.talks.topicFilter != nil {
        state.talks.search.clear()
        state.talks.topicFilter = nil
        state.talks.selection = 0
      } else {
        AppUpdate.back(&state)
      }
    case .character(let character) where !character.isWhitespace:
      // Typing on the list starts a search: search as you type, in either script.
      state.talks.searching = true
      _ = state.talks.search.handle(key)
      state.talks.selection = 0
    default:
      state.talks.selection = AppUpdate.move(
        state.talks.selection, key, count: state.talks.rows.count)
    }
  }

  static func session(of row: TalksRow, _ state: AppState) -> String? {
    switch row {
    case .document(let document): document.session
    case .passage(let hit): hit.session
    }
  }

  /// Reads what the screen on show needs from the store, when what it needs has changed.
  static func refresh(_ state: inout AppState, _ env: AppEnvironment) {
    switch state.screen {
    case .talks: refreshTalks(&state, env)
    case .schedule: refreshSessionNotes(&state, env)
    default: break
    }
  }

  static func refreshTalks(_ state: inout AppState, _ env: AppEnvironment) {
    let talks = state.talks
    let key =
      "\(talks.search.text)\u{1}\(talks.topicFilter ?? -1)\u{1}\(talks.selection)\u{1}\(state.language)"
    guard key != talks.madeFor else { return }
    state.talks.madeFor = key
    guard let store = env.assistant.knowledge else {
      state.talks.rows = []
      state.talks.detail = nil
      state.talks.problem = .noStore
      return
    }
    do {
      // The topics change only with an import: read on coming to the screen, not per key.
      if talks.madeFor == nil || talks.topics.isEmpty {
        state.talks.topics = try store.mentioned(type: "topic").map(\.id)
          .filter { env.catalog.topic($0) != nil }
      }
      let topics = state.talks.topics
      let topic = talks.topicFilter.flatMap { topics[safe: $0] }
      let documents = try store.documents(
        mentioning: topic.map { Mention(type: "topic", id: $0) })
      let query = talks.search.text.trimmingCharacters(in: .whitespaces)
      if query.isEmpty {
        // By session: the schedule's order, then the newest.
        let order = Dictionary(
          env.catalog.pack.sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        state.talks.rows = documents.sorted {
          (order[$0.session ?? ""] ?? Int.max, -$0.id) < (
            order[$1.session ?? ""] ?? Int.max, -$1.id
          )
        }.map(TalksRow.document)
      } else {
        let allowed = Set(documents.map(\.id))
        // Passages in the visitor's language first, then English, each kept in rank order.
        let preference = [state.language, .en, .zh, .de]
        let rank = { (hit: SearchHit) in
          preference.firstIndex(of: hit.chunk.language) ?? preference.count
        }
        state.talks.rows = try store.search(query, limit: searchLimit)
          .filter { allowed.contains($0.chunk.document) }.enumerated()
          .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
          .map { TalksRow.passage($0.element) }
      }
      state.talks.selection = min(state.talks.selection, max(0, state.talks.rows.count - 1))
      if let row = state.talks.rows[safe: state.talks.selection],
        let (document, chunks) = try store.document(row.documentID)
      {
        var marked: Int64?
        if case .passage(let hit) = row { marked = hit.chunk.id }
        state.talks.detail = TalksDetail(document: document, chunks: chunks, marked: marked)
      } else {
        state.talks.detail = nil
      }
      state.talks.problem = nil
    } catch {
      state.talks.rows = []
      state.talks.detail = nil
      state.talks.problem = .unreadable
    }
  }

  static func refreshSessionNotes(_ state: inout AppState, _ env: AppEnvironment) {
    let sessions = Lists(catalog: env.catalog, state: state).sessions
    guard let session = sessions[safe: min(state.sessionSelection, max(0, sessions.count - 1))]
    else {
      state.sessionNotes = nil
      return
    }
    guard state.sessionNotes?.session != session.id else { return }
    // The first passages of its files, oldest file first: only what the detail shows is read.
    let hits =
      (try? env.assistant.knowledge?.passages(
        NotesQuery(session: session.id, limit: sessionPassages))) ?? []
    state.sessionNotes = SessionNotes(
      session: session.id, chunks: hits.map(\.chunk),
      reported: hits.allSatisfy { $0.origin == .reported })
  }
}
