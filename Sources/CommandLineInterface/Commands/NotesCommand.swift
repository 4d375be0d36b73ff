import ArgumentParser
import EventModel
import Fleet
import Foundation
import Knowledge

/// `--knowledge PATH`: the knowledge store to use.
struct KnowledgeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: """
      The knowledge store (SQLite) of recorded talks and Q&A (default: HIWAIC_KNOWLEDGE, else \
      $XDG_DATA_HOME/hiwaic/knowledge.sqlite).
      """)
  var knowledge: String?

  func open() throws -> KnowledgeStore {
    guard
      let path = knowledge
        ?? KnowledgeStore.defaultPath(environment: ProcessInfo.processInfo.environment)
    else {
      throw CommandError(
        "no place for the knowledge store: set --knowledge, HIWAIC_KNOWLEDGE or HOME")
    }
    do {
      return try KnowledgeStore(path: path)
    } catch {
      throw CommandError(error.description)
    }
  }
}

/// `hiwaic notes`: recorded talks and Q&A in the assistant's own database.
struct NotesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notes",
    abstract:
      "Record talks and Q&A in the assistant's knowledge store, list, show and search them.",
    discussion: """
      Talks come as WebVTT (.vtt) or SubRip (.srt) subtitles, or plain text or Markdown; Q&A \\
      rounds as lines of Q:, A:, Asker:, By: and At: (see the README). Each file is stored \\
      in chunks that keep their time in the talk, speaker, language and source; importing the \\
      same file again changes nothing, and a broken file imports nothing.

      Examples:
        hiwaic notes import keynote.vtt --session main-forum --speaker Hinton
        hiwaic notes search "AI safety"
        hiwaic notes list --format json
        hiwaic notes answer "Is there a prayer room?" "Yes: Hall H2."
      """,
    subcommands: [
      NotesImportCommand.self, NotesListCommand.self, NotesShowCommand.self,
      NotesSearchCommand.self, NotesRemoveCommand.self, NotesAnswerCommand.self,
      NotesAnswersCommand.self,
    ])
}

/// `hiwaic notes import FILE --session ID`.
struct NotesImportCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: "Import a transcript or a Q&A file for a session.")

  @Argument(help: "The file: .vtt, .srt, .txt, .md, or Q&A lines (.qa).") var file: String

  @Option(name: .long, help: "The session it records (an id or a title).") var session: String

  @Option(name: .long, help: "The speaker, when one person speaks (an id or a name).")
  var speaker: String?

  @Option(name: .long, help: "Its language: en, zh or de (default: guessed from the text).")
  var lang: Language?

  @Option(
    name: .customLong("as"),
    help: "The file's format: vtt, srt, text or qa (default: from its name).")
  var fileFormat: NotesFileFormat?

  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var packOptions: PackOptions
  @OptionGroup var fleetOptions: FleetOptions

  func render() throws -> String {
    // The matcher files every passage under the topics, exhibitors, speakers and sessions it
    // mentions.
    let setup = try AskSetup(options: packOptions, at: nil, lang: .auto, withKnowledge: false)
    let context = setup.packContext
    let catalog = context.catalog
    let sessionID = try context.resolve(
      session, in: catalog.sessionNames, what: "session", flag: "--session",
      { catalog.pack.sessions[$0] }, label: { $0.title.text(.en) }
    ).id
    let speakerID = try speaker.map {
      try context.resolve(
        $0, in: catalog.speakerNames, what: "speaker", flag: "--speaker",
        { catalog.pack.speakers[$0] }, label: { $0.name.text(.en) }
      ).id
    }
    let data: Data
    do {
      data = try BoundedFile.read(file, limit: NotesFileReader.maximumBytes)
    } catch {
      throw CommandError("\(file): \(error.description)")
    }
    let name = (file as NSString).lastPathComponent
    let notes: ParsedNotes
    do {
      notes = try NotesFileReader.read(data, fileName: name, format: fileFormat?.format)
    } catch {
      throw CommandError(error.description)
    }
    let language =
      lang ?? Language(
        rawValue: TextLanguage.guess(notes.pieces.map(\.text).joined(separator: " ")))
      ?? .en
    if let server = try fleetOptions.server() {
      // Read here first, so that what every kiosk imports is a file that reads.
      let (format, session) = (fileFormat?.format, sessionID)
      let uid = try fleetCall { () async throws(FleetError) in
        try await server.publishNotes(
          data, source: name, format: format, session: session, speaker: speakerID,
          language: language, now: Date())
      }
      return
        "published \(name) (\(notes.pieces.count) \(notes.kind == .qa ? "questions and answers" : "cues or paragraphs"), \(language.rawValue)) as \(uid.uuidString.lowercased()) to every kiosk of \(server.name)"
    }
    let store = try knowledgeOptions.open()
    let outcome: ImportOutcome
    do {
      outcome = try store.importNotes(
        notes, source: name, digest: NotesDigest.of(data), session: sessionID, speaker: speakerID,
        language: language, now: Date(), mentions: setup.assistant.mentionFinder)
    } catch {
      throw CommandError(error.description)
    }
    switch outcome {
    case .imported(let document, let chunks):
      let mentions = Set(((try? store.document(document))?.1 ?? []).flatMap(\.mentions))
      let filed = ["topic", "exhibitor", "speaker", "session"].compactMap { type -> String? in
        let count = mentions.filter { $0.type == type }.count
        return count == 0 ? nil : "\(count) \(type)\(count == 1 ? "" : "s")"
      }
      return
        "imported \(name) as notes \(document): \(notes.pieces.count) \(notes.kind == .qa ? "questions and answers" : "cues or paragraphs") in \(chunks) chunks (\(language.rawValue))"
        + (filed.isEmpty ? "" : "; mentions " + filed.joined(separator: ", "))
    case .unchanged(let document):
      return "\(name) is already notes \(document) for this session; nothing changed"
    }
  }
}

/// `--as` of `notes import`.
enum NotesFileFormat: String, ExpressibleByArgument, CaseIterable {
  case vtt, srt, text, qa

  var format: NotesFormat {
    switch self {
    case .vtt: .vtt
    case .srt: .srt
    case .text: .text
    case .qa: .qa
    }
  }
}

/// `hiwaic notes list`.
struct NotesListCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the recorded notes, newest first.")

  @Option(name: .long, help: "Only those of this session (its id).") var session: String?
  @Option(name: .long, help: "Only those that mention this topic (an id or a name).")
  var topic: String?
  @Option(name: .long, help: "Only those that mention this exhibitor (an id or a name).")
  var exhibitor: String?
  @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var packOptions: PackOptions
  @OptionGroup var fleetOptions: FleetOptions

  func validate() throws {
    if fleetOptions.fleet != nil && (session != nil || topic != nil || exhibitor != nil) {
      throw ValidationError("--fleet lists every file published to the fleet; no filters with it")
    }
    if topic != nil && exhibitor != nil {
      throw ValidationError("--topic and --exhibitor: one at a time")
    }
  }

  func render() throws -> String {
    if let server = try fleetOptions.server() { return try Self.published(server, format: format) }
    var mentioning: Mention?
    if topic != nil || exhibitor != nil {
      let context = try CommandContext(options: packOptions)
      let catalog = context.catalog
      if let topic {
        mentioning = Mention(type: "topic", id: try context.resolveTopic(topic).id)
      }
      if let exhibitor {
        mentioning = Mention(
          type: "exhibitor",
          id: try context.resolve(
            exhibitor, in: catalog.exhibitorNames, what: "exhibitor", flag: "--exhibitor",
            { catalog.pack.exhibitors[$0] }, label: { $0.name.text(.en) }
          ).id)
      }
    }
    let store = try knowledgeOptions.open()
    let documents: [StoredDocument]
    do {
      documents = try store.documents(session: session, mentioning: mentioning)
    } catch {
      throw CommandError(error.description)
    }
    if format == .json { return try OutputFormatting.json(documents) }
    guard !documents.isEmpty else {
      return mentioning == nil ? "no notes recorded yet" : "no recorded notes mention that yet"
    }
    return documents.map {
      "\($0.id)  \($0.source)  \($0.kind == .qa ? "Q&A" : "talk")  session \($0.session ?? "-")"
        + "\($0.speaker.map { "  speaker \($0)" } ?? "")  \($0.language.rawValue)  \($0.chunks) chunks"
    }.joined(separator: "\n")
  }
}

/// `hiwaic notes show ID`.
struct NotesShowCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one recorded file, chunk by chunk.")

  @Argument(help: "The notes id (see notes list).") var id: Int64
  @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
  @OptionGroup var knowledgeOptions: KnowledgeOptions

  func render() throws -> String {
    let store = try knowledgeOptions.open()
    let found: (StoredDocument, [StoredChunk])?
    do {
      found = try store.document(id)
    } catch {
      throw CommandError(error.description)
    }
    guard let (document, chunks) = found else {
      throw CommandError("no notes \(id) (see hiwaic notes list)")
    }
    if format == .json {
      struct Shown: Encodable {
        var document: StoredDocument
        var chunks: [StoredChunk]
      }
      return try OutputFormatting.json(Shown(document: document, chunks: chunks))
    }
    var lines = [
      "\(document.source) (\(document.kind == .qa ? "Q&A" : "talk"), session \(document.session ?? "-"))"
    ]
    for chunk in chunks {
      let time = chunk.startMilliseconds.map { TalkTime.text($0) + " " } ?? ""
      let who = (chunk.speaker ?? chunk.asker).map { $0 + ": " } ?? ""
      let mark =
        switch chunk.role {
        case .question: "Q "
        case .answer: "A "
        case .talk: ""
        }
      lines.append("\(time)\(mark)\(who)\(chunk.text)")
      if !chunk.mentions.isEmpty {
        lines.append(
          "    mentions " + chunk.mentions.map { "\($0.type) \($0.id)" }.joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// `hiwaic notes search QUERY`.
struct NotesSearchCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the recorded notes (English, German and Chinese, one character and up).")

  @Argument(help: "What to look for.") var query: [String]
  @Option(name: .long, help: "How many passages at most.") var limit: Int = 5
  @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
  @OptionGroup var knowledgeOptions: KnowledgeOptions

  func render() throws -> String {
    guard (1...100).contains(limit) else { throw CommandError("--limit must be from 1 to 100") }
    let text = query.joined(separator: " ")
    let store = try knowledgeOptions.open()
    let hits: [SearchHit]
    do {
      hits = try store.search(text, limit: limit)
    } catch {
      throw CommandError(error.description)
    }
    if format == .json { return try OutputFormatting.json(hits) }
    guard !hits.isEmpty else { return "nothing recorded on that yet" }
    return hits.map { hit in
      let time = hit.chunk.startMilliseconds.map { " at " + TalkTime.text($0) } ?? ""
      return
        "\(hit.snippet)\n   — \(hit.speaker ?? "?"), session \(hit.session ?? "-")\(time); \(hit.source)"
    }.joined(separator: "\n")
  }
}

/// `hiwaic notes remove ID`.
struct NotesRemoveCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract:
      "Remove one recorded file and its chunks (with --fleet: a published file, from every kiosk).")

  @Argument(help: "The notes id (see notes list; with --fleet, notes list --fleet).")
  var id: String
  @OptionGroup var knowledgeOptions: KnowledgeOptions
  @OptionGroup var fleetOptions: FleetOptions

  func render() throws -> String {
    if let server = try fleetOptions.server() {
      try retractFromFleet(
        id, missing: "no published notes \(id) (see hiwaic notes list --fleet …)"
      ) { uid async throws(FleetError) in try await server.retractNotes(uid, now: Date()) }
      return "removed notes \(id) from every kiosk of \(server.name)"
    }
    guard let id = Int64(id) else { throw CommandError("no notes \(id) (see hiwaic notes list)") }
    let store = try knowledgeOptions.open()
    do {
      guard try store.remove(id) else {
        throw CommandError("no notes \(id) (see hiwaic notes list)")
      }
    } catch let error as CommandError {
      throw error
    } catch {
      throw CommandError("\(error)")
    }
    return "removed notes \(id)"
  }
}

extension NotesListCommand {
  /// The files published to the fleet, oldest first.
  static func published(_ server: FleetServer, format: OutputFormat) throws -> String {
    let notes = try fleetCall { () async throws(FleetError) in try await server.publishedNotes() }
    if format == .json {
      return try OutputFormatting.json(
        notes.map {
          PublishedRecord(
            id: $0.uid.uuidString.lowercased(), source: $0.source, session: $0.session,
            speaker: $0.speaker, language: $0.language, bytes: $0.bytes,
            publishedAt: $0.publishedAt)
        })
    }
    guard !notes.isEmpty else { return "no notes published to the fleet yet" }
    let day = ISO8601DateFormatter()
    return notes.map {
      "\($0.uid.uuidString.lowercased())  \(day.string(from: $0.publishedAt))  \($0.session)  \($0.source) (\($0.language.rawValue), \($0.bytes) bytes)"
    }.joined(separator: "\n")
  }

  /// A published file as JSON gives it.
  struct PublishedRecord: Encodable {
    var id: String
    var source: String
    var session: String
    var speaker: String?
    var language: Language
    var bytes: Int
    var publishedAt: Date
  }
}
