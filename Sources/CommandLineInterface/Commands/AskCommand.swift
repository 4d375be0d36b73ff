import ArgumentParser
import Assistant
import EventModel
import Foundation
import Knowledge
import Matcher
import Recommender

/// `hiwaic ask`: answers visitor questions in English, Chinese or German, one or many.
struct AskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Answer a visitor's question; with no question, answer each line of standard input.",
    discussion: """
      Answers in the question's language (English, Chinese or German). Intents: \
      find_exhibitor, find_session, directions, plan_route, city_walk, venue_info, event_info, \
      now_nearby, help, greeting, recommend, talk_notes, unknown. JSON: question, language, intent, confidence, \
      answer, entities [{type, id, name}], slots, suggestions.

      Examples:
        hiwaic ask "where is Unitree?"
        hiwaic ask --now 2025-07-27T13:00 "which AI governance forums are on now?"
        hiwaic ask --at eh-1f-north --format json "宇树科技在哪里？"
        printf 'where is Huawei?\\nbye\\n' | hiwaic ask --format jsonl
        hiwaic ask --role investor --interests embodied-ai "what should I see?"
      """)

  @Argument(help: "The question. Leave it out to read questions from standard input, one per line.")
  var question: [String] = []

  @Option(name: .long, help: "Output: text, json, or jsonl (one JSON object per line).")
  var format: AskFormat = .text

  @Option(name: .long, help: "Answer language: auto (the question's), en, zh or de.")
  var lang: AnswerLanguage = .auto

  @Option(
    name: .long, help: "Where the visitor is: a walkway node, booth, zone, room or named place.")
  var at: String?

  @OptionGroup(title: "The visitor, for recommendations") var profileOptions: ProfileOptions

  @OptionGroup var knowledgeOptions: KnowledgeOptions

  @Flag(
    name: .long,
    help: """
      Log the questions anonymously in the knowledge store, for 'hiwaic insights' (text, \
      language, intent, confidence, answered or not, minute, --at place).
      """)
  var log = false

  @Option(name: .long, help: "Days the question log keeps a question (default 90).")
  var logRetentionDays: Int = LogRetention.standard.days

  @Flag(name: .long, help: "Show what the matcher understood: units, matches, cues, times.")
  var explain = false

  @Flag(
    name: .long,
    help: """
      Read standard input as one conversation: a follow-up ("make it step-free", "and \
      tomorrow?", "how do I get there") acts on the questions before it, as in the assistant.
      """)
  var conversation = false

  @Flag(
    name: .long,
    help: ArgumentHelp(
      "Report on standard error how long the answers took, start-up left out (for benchmarks).",
      visibility: .hidden))
  var timing = false

  @OptionGroup var packOptions: PackOptions

  func validate() throws {
    if !(1...3_650).contains(logRetentionDays) {
      throw ValidationError("--log-retention-days must be from 1 to 3650")
    }
  }

  /// Logs one answered question when `--log` asks for it; a log that cannot be written is
  /// said once on standard error, and the answers go on.
  func logged(
    _ reply: AssistantReply, question: String, context: AskContext, setup: AskSetup,
    failureSaid: inout Bool
  ) {
    guard log, let store = setup.assistant.knowledge else { return }
    do {
      try store.log(
        [
          AskedQuestion(
            text: question, language: reply.answer.language,
            intent: reply.answer.intent.rawValue, confidence: reply.answer.confidence,
            answered: reply.isAnswered, place: context.here, channel: "cli",
            askedAt: context.now)
        ], retention: LogRetention(days: logRetentionDays))
    } catch {
      if !failureSaid {
        failureSaid = true
        printError("hiwaic: question log: \(error.description)")
      }
    }
  }

  func run() throws {
    var logFailureSaid = false
    var setup = try AskSetup(
      options: packOptions, at: at, lang: lang, knowledge: knowledgeOptions.knowledge)
    if log && setup.assistant.knowledge == nil {
      printError("hiwaic: --log: no knowledge store to keep the questions in; not logging")
    }
    setup.context.profile = try profileOptions.profile(
      roles: setup.roles, context: setup.packContext)
    if explain && !question.isEmpty {
      print(
        setup.assistant.matcher.explain(question.joined(separator: " "), context: setup.context))
    }
    if !question.isEmpty {
      let text = question.joined(separator: " ")
      let reply = setup.assistant.reply(to: text, context: setup.context)
      logged(
        reply, question: text, context: setup.context, setup: setup,
        failureSaid: &logFailureSaid)
      print(try render(reply, format: format, catalog: setup.assistant.catalog))
      return
    }
    // One answer at a time, each out before the next question is read: a batch of any length
    // holds one answer in memory, and whatever happens to a later line, the earlier answers
    // have been delivered. JSON is a streamed array, one object per line.
    var first = true
    if format == .json { print("[") }
    var lines = LineReader()
    var context = setup.context
    // Read once: the assistant is built behind a lock, and flags are property wrappers.
    let assistant = setup.assistant
    let conversation = conversation
    let format = format
    let timing = timing
    let logging = log && assistant.knowledge != nil
    let started = DispatchTime.now().uptimeNanoseconds
    var answered = 0
    // The slowest questions, for finding what a benchmark's time goes to.
    var slowest: [(nanoseconds: UInt64, question: String)] = []
    defer {
      if timing {
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        var report = ""
        for (nanoseconds, question) in slowest.sorted(by: { $0.nanoseconds > $1.nanoseconds }) {
          report += "  \(nanoseconds / 1_000) µs  \(question)\n"
        }
        FileHandle.standardError.write(
          Data((report + "answered \(answered) questions in \(milliseconds) ms\n").utf8))
      }
    }
    while let line = lines.next() {
      answered += 1
      let questionStarted = timing ? DispatchTime.now().uptimeNanoseconds : 0
      let reply = assistant.reply(to: line, context: context)
      if timing {
        let spent = DispatchTime.now().uptimeNanoseconds &- questionStarted
        if slowest.count < 15 {
          slowest.append((spent, line))
        } else if let least = slowest.indices.min(by: {
          slowest[$0].nanoseconds < slowest[$1].nanoseconds
        }), slowest[least].nanoseconds < spent {
          slowest[least] = (spent, line)
        }
      }
      if logging {
        logged(
          reply, question: line, context: context, setup: setup, failureSaid: &logFailureSaid)
      }
      if conversation {
        context.earlier = (context.earlier + [line]).suffix(Matcher.conversationDepth)
        // What the visitor said about themself holds for the rest of the conversation.
        if let profile = reply.profile { context.profile = profile }
      }
      switch format {
      case .json:
        let record = try AskRecord(reply: reply, catalog: assistant.catalog).jsonLine()
        print((first ? "" : ",\n") + record, terminator: "")
        flushOutput()
      case .jsonl:
        printEscapedJSON(
          utf8: try AskRecord(reply: reply, catalog: assistant.catalog).jsonLineBytes())
      default:
        print(try render(reply, format: format, catalog: assistant.catalog))
        flushOutput()
      }
      first = false
    }
    if format == .json { print(first ? "]" : "\n]") }
  }

  func render(_ reply: AssistantReply, format: AskFormat, catalog: EventCatalog) throws -> String {
    switch format {
    case .text:
      var lines = [reply.text]
      if !reply.answer.suggestions.isEmpty {
        let label: String =
          switch lang.language ?? reply.answer.language {
          case .zh: "您还可以问："
          case .de: "Sie könnten fragen: "
          case .en: "You could ask: "
          }
        lines.append(label + reply.answer.suggestions.joined(separator: " · "))
      }
      return lines.joined(separator: "\n") + "\n"
    case .json:
      return try OutputFormatting.json(AskRecord(reply: reply, catalog: catalog))
    case .jsonl:
      return try AskRecord(reply: reply, catalog: catalog).jsonLine()
    }
  }
}

/// The matcher, its clock and the visitor's place, ready to answer.
struct AskSetup {
  let pending: PendingAssistant
  var context: AskContext
  /// The pack's roles and wants (none when it has no `roles.json`).
  let roles: RoleTable
  /// The pack, its clock and its names, for checking flags.
  let packContext: CommandContext
  /// The pack's directory.
  let directory: URL

  /// The assistant (waiting for it when it is being built in the background).
  var assistant: Assistant { pending.assistant }

  /// `buildMatcher: false` leaves building the matcher to another thread. `knowledge` names
  /// the knowledge store to answer questions about talks from (else the default one, when
  /// there is one); `withKnowledge: false` answers from the pack alone.
  init(
    options: PackOptions, at: String?, lang: AnswerLanguage, buildMatcher: Bool = true,
    knowledge: String? = nil, withKnowledge: Bool = true
  ) throws {
    // The pack and the lexicon are read at once, on two cores.
    let (packContext, lexicon) = try Self.read(options)
    let catalog = packContext.catalog
    directory = packContext.directory
    self.packContext = packContext
    do {
      roles = try RoleTable.load(packDirectory: directory)
    } catch {
      throw CommandError(error.description)
    }
    let packDirectory = directory
    if buildMatcher {
      var assistant = Assistant(catalog: catalog, lexicon: lexicon, roles: roles)
      if withKnowledge {
        assistant.knowledge = Self.openKnowledge(
          knowledge, packDirectory: packDirectory, assistant: assistant)
      }
      pending = PendingAssistant(ready: assistant)
      // The other core makes the title index and the walking tables while the first
      // questions are read.
      DispatchQueue.global(qos: .userInitiated).async { [assistant] in
        assistant.prepare()
      }
    } else {
      pending = PendingAssistant(
        catalog: catalog, lexicon: lexicon, roles: roles,
        knowledge: { assistant in
          withKnowledge
            ? Self.openKnowledge(knowledge, packDirectory: packDirectory, assistant: assistant)
            : nil
        })
    }
    var here: String?
    if let at { here = try Self.resolvePlace(at, catalog: catalog) }
    context = AskContext(now: packContext.now, here: here, language: lang.language)
  }

  /// The knowledge store named (else the default one), with the pack's starter notes in it.
  /// One that cannot be opened is said on standard error and left out: the assistant answers
  /// from the pack.
  static func openKnowledge(_ chosen: String?, packDirectory: URL, assistant: Assistant)
    -> KnowledgeStore?
  {
    let environment = ProcessInfo.processInfo.environment
    guard let path = chosen ?? KnowledgeStore.defaultPath(environment: environment) else {
      return nil
    }
    let store: KnowledgeStore
    do {
      store = try KnowledgeStore(path: path)
    } catch {
      printError("hiwaic: \(error.description); answering without recorded talks")
      return nil
    }
    do {
      try StarterNotes.importAll(
        packDirectory: packDirectory, into: store, now: Date(), mentions: assistant.mentionFinder)
    } catch {
      printError("hiwaic: the pack's starter notes: \(error.description)")
    }
    return store
  }

  /// The pack and its lexicon, read in parallel; the pack's error first when both fail.
  static func read(_ options: PackOptions) throws -> (CommandContext, Lexicon) {
    enum Part: Sendable {
      case pack(Result<CommandContext, CommandError>)
      case lexicon(Result<Lexicon, CommandError>)
    }
    let directory: URL
    do {
      directory = try PackLocator.locate(explicit: options.pack)
    } catch {
      throw CommandError(error.description)
    }
    let parts = ParallelWork.map([true, false]) { (isPack: Bool) -> Part in
      if isPack {
        do {
          return .pack(.success(try CommandContext(options: options)))
        } catch let error as CommandError {
          return .pack(.failure(error))
        } catch {
          return .pack(.failure(CommandError("\(error)")))
        }
      }
      do {
        return .lexicon(.success(try Lexicon.load(packDirectory: directory)))
      } catch {
        return .lexicon(.failure(CommandError("\(error)")))
      }
    }
    var context: CommandContext?
    var lexicon: Lexicon?
    for part in parts {
      switch part {
      case .pack(let result): context = try result.get()
      case .lexicon(let result): lexicon = try? result.get()
      }
    }
    guard let context else { throw CommandError("the pack could not be read") }
    // A lexicon that failed is read again for its message, after the pack's.
    return (context, try lexicon ?? context.lexicon())
  }

  /// A walkway node for `--at`, or a clear error with close matches.
  static func resolvePlace(_ text: String, catalog: EventCatalog) throws -> String {
    try CommandContext.place(text, catalog: catalog, flag: "--at")
  }
}

/// `hiwaic ask --format json`: the matcher's answer object, plus `plan` (as `hiwaic route
/// --format json` prints it) for plan_route and `directions` (as `hiwaic directions`) when the
/// way is known, and `text` with them worked in.
struct AskRecord: Encodable {
  let reply: AssistantReply
  let plan: PlanRecord?
  let directions: DirectionsRecord?

  init(reply: AssistantReply, catalog: EventCatalog) {
    self.reply = reply
    plan = reply.plan.map { PlanRecord(plan: $0.plan, request: $0.request, catalog: catalog) }
    directions = reply.directions.map {
      DirectionsRecord(route: $0.route, from: $0.from, to: $0.to, stepFree: $0.stepFree)
    }
  }

  enum CodingKeys: String, CodingKey { case text, plan, directions, planStart }

  func encode(to encoder: any Encoder) throws {
    try reply.answer.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(reply.text, forKey: .text)
    try container.encodeIfPresent(plan, forKey: .plan)
    try container.encodeIfPresent(reply.plan?.startReason, forKey: .planStart)
    try container.encodeIfPresent(directions, forKey: .directions)
  }
}

/// How `hiwaic ask` prints answers.
enum AskFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, jsonl
}

/// `--lang` of `hiwaic ask`: the question's language, or a fixed one.
enum AnswerLanguage: String, ExpressibleByArgument, CaseIterable {
  case auto, en, zh, de

  var language: Language? {
    switch self {
    case .auto: nil
    case .en: .en
    case .zh: .zh
    case .de: .de
    }
  }
}
