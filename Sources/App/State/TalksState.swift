import Knowledge

/// The Talks & Q&A screen: what was recorded, by session or topic, or found as you type.
public struct TalksState: Sendable {
  public var search = LineEditor()
  public var searching = false
  /// Which of `topics` the list is narrowed to; nil: all.
  public var topicFilter: Int?
  /// The topics recorded notes mention, most mentioned first (pack ids).
  public var topics: [String] = []
  public var rows: [TalksRow] = []
  public var selection = 0
  /// The chosen row's notes: the whole file, with the found passage marked.
  public var detail: TalksDetail?
  /// Why nothing can be shown; nil when all is well.
  public var problem: TalksProblem?
  /// What `rows` were made for: they are made again only when it changes.
  var madeFor: String?

  public init() {}
}

/// Why the Talks & Q&A screen has nothing to show.
public enum TalksProblem: Hashable, Sendable {
  /// This assistant runs without a knowledge store.
  case noStore
  /// The store could not be read just now.
  case unreadable
}

/// A row of the Talks & Q&A list.
public enum TalksRow: Hashable, Sendable {
  /// A recorded file (a talk's transcript or a round of Q&A).
  case document(StoredDocument)
  /// A passage found by the search.
  case passage(SearchHit)

  var documentID: Int64 {
    switch self {
    case .document(let document): document.id
    case .passage(let hit): hit.chunk.document
    }
  }
}

/// A recorded file as the detail pane shows it.
public struct TalksDetail: Sendable {
  public var document: StoredDocument
  public var chunks: [StoredChunk]
  /// The passage the search found, to mark.
  public var marked: Int64?
}

/// The recorded notes of the session chosen on the Schedule, for its detail.
public struct SessionNotes: Sendable {
  public var session: String
  public var chunks: [StoredChunk]
  /// Every one of them is what the press reported, none recorded at the event.
  public var reported: Bool
}
