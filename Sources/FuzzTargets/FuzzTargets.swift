import App
import Assistant
import EventModel
import Foundation
import Kiosk
import Knowledge
import Matcher
import Planner
import TerminalUI

/// What each fuzz target does with one input, shared by the libFuzzer binaries in `Fuzz/` and
/// by the regression tests that replay every seed and every input that once crashed. Each
/// function must return normally for any bytes: a trap is the finding.
public enum FuzzTargets {
  /// The targets by name, as `make fuzz` and the seed folders call them.
  public static let all: [String: @Sendable (Data) -> Void] = [
    "question": question, "pack": pack, "time": timeText, "optw": optw, "kiosk": kioskInput,
    "notes": notesFile,
  ]

  // MARK: - Shared set-up (once per process)

  static let packDirectory: URL = {
    if let path = ProcessInfo.processInfo.environment["HIWAIC_FUZZ_PACK"] {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Data/waic2025")
  }()

  static let assistant: Assistant? = try? Assistant.load(packDirectory: packDirectory)
  static let lexicon: Lexicon? = try? Lexicon.load(packDirectory: packDirectory)

  static let packFiles: [PackFile: Data] = {
    var files: [PackFile: Data] = [:]
    for file in PackFile.allCases {
      files[file] = try? Data(contentsOf: packDirectory.appendingPathComponent(file.rawValue))
    }
    return files
  }()

  static let zone = TimeZone(identifier: "Asia/Shanghai") ?? .current
  /// Before, during and after the event, with and without a place.
  static let contexts: [AskContext] = [
    AskContext(now: Date(timeIntervalSince1970: 1_753_495_200), here: "eh-1f-north"),
    AskContext(now: Date(timeIntervalSince1970: 1_753_660_800)),
    AskContext(now: Date(timeIntervalSince1970: 1_700_000_000), language: .zh),
  ]

  // MARK: - Targets

  /// A notes file as `hiwaic notes import` reads it, in each format, then chunked and indexed.
  @Sendable public static func notesFile(_ data: Data) {
    let format = NotesFormat.allCases[Int(data.first ?? 0) % NotesFormat.allCases.count]
    for chosen in [format, nil] as [NotesFormat?] {
      guard let notes = try? NotesFileReader.read(data, fileName: "fuzz", format: chosen) else {
        continue
      }
      for piece in Chunker.chunks(notes) { _ = SearchTerms.indexed(piece.text) }
    }
    _ = SearchTerms.query(String(decoding: data.prefix(1024), as: UTF8.self))
  }

  /// A question, as typed or pasted: understood, answered, planned or walked, encoded as JSON.
  @Sendable public static func question(_ data: Data) {
    guard let assistant else { return }
    let text = String(decoding: data.prefix(4096), as: UTF8.self)
    let context = contexts[Int(data.first ?? 0) % contexts.count]
    let reply = assistant.reply(to: text, context: context)
    _ = try? JSONEncoder().encode(reply.answer)
    _ = assistant.matcher.explain(text, context: context)
    // As the question log and the organisers' answers take it in.
    let asked = AskedQuestion(
      text: text, language: reply.answer.language, intent: reply.answer.intent.rawValue,
      confidence: reply.answer.confidence, answered: reply.isAnswered, place: context.here,
      channel: "kiosk", askedAt: context.now)
    let key = assistant.questionKey(
      asked.text, request: assistant.matcher.request(for: text, context: context))
    _ = QuestionKey.similarity(key, key)
    _ = assistant.mentions(in: text)
  }

  /// One pack file replaced by the input (the first byte picks which), decoded and validated;
  /// a pack that validates is then used as a visitor would use it.
  @Sendable public static func pack(_ data: Data) {
    guard let lexicon, let selector = data.first else { return }
    let files = PackFile.allCases
    var contents = packFiles
    contents[files[Int(selector) % files.count]] = data.dropFirst()
    let check = PackLoader.check(contents: contents)
    guard let catalog = check.catalog else { return }
    let assistant = Assistant(catalog: catalog, lexicon: lexicon)
    for question in ["where is unitree", "plan me two hours of robotics", "怎么去红厅", "what's on now"]
    {
      _ = assistant.reply(to: question, context: contexts[0])
    }
    let nodes = catalog.pack.walkways.nodes
    if let first = nodes.first, let last = nodes.last {
      _ = WalkingRouter(catalog: catalog).route(from: first.id, to: last.id, stepFree: true)
      let request = VisitRequest(
        interests: Dictionary(
          catalog.pack.topics.prefix(3).map { ($0.id, 1.0) }, uniquingKeysWith: max),
        start: first.id, startTime: contexts[0].now, budgetMinutes: 120)
      _ = VisitPlanner(catalog: catalog).plan(request)
      let guide = HereAndNowGuide(catalog: catalog)
      for zone in catalog.pack.venues.zones.prefix(3) {
        if let here = guide.make(PlaceCode(.zone, id: zone.id), now: contexts[0].now, from: last.id)
        {
          _ = here
        }
      }
    }
  }

  /// Time and duration text as flags and questions carry it.
  @Sendable public static func timeText(_ data: Data) {
    let text = String(decoding: data.prefix(512), as: UTF8.self)
    _ = EventTime.parse(text, zone: zone)
    _ = EventTime.parse(text, zone: zone, requireOffset: true)
    _ = EventTime.clockMinutes(text)
    _ = DurationText.minutes(text)
    // The matcher's own reading of times (planning the result is the question target's job).
    guard let assistant else { return }
    for prefix in ["plan ", "what's on ", "有什么论坛 ", "Was läuft "] {
      _ = assistant.answer(prefix + text, context: contexts[0])
    }
  }

  /// An OPTW benchmark file: parsed, and solved when small.
  @Sendable public static func optw(_ data: Data) {
    let text = String(decoding: data.prefix(1 << 16), as: UTF8.self)
    guard let instance = try? BenchmarkInstance.parse(text, name: "fuzz", decimals: 1),
      instance.problem.count <= 40
    else { return }
    _ = OrienteeringSolver(timeLimit: 20, patience: 20, restarts: 2).solve(instance.problem)
  }

  /// Keys, touches, pastes, resizes and pauses on a kiosk, and the kiosk's configuration file:
  /// every byte drives the one update function, the screen is drawn as the loop would.
  @Sendable public static func kioskInput(_ data: Data) {
    _ = try? KioskConfiguration.parse(String(decoding: data, as: UTF8.self), path: "fuzz.conf")
    guard let assistant, let pin = kioskPin else { return }
    let env = AppEnvironment(assistant: assistant, exportPath: "/dev/null")
    var state = AppState(width: 100, height: 30, now: contexts[0].now, here: "eh-1f-north")
    state.kiosk = KioskState(
      settings: KioskSettings(adminPin: pin, idleSeconds: 20), now: state.now)
    var bytes = data.prefix(1024).makeIterator()
    var frame = AppView.render(state, env)
    var sinceDrawn = 0
    defer { _ = AppView.render(state, env) }
    while let byte = bytes.next() {
      let message: Message
      switch byte {
      case 0xF0:
        message = .input(
          .resize(width: Int(bytes.next() ?? 80) % 260, height: Int(bytes.next() ?? 24) % 90))
      case 0xF1:
        let x = Int(bytes.next() ?? 0)
        let y = Int(bytes.next() ?? 0)
        message =
          frame.target(x: x, y: y).map { .target($0) } ?? .input(.mouse(.init(.press, x: x, y: y)))
      case 0xF2:
        message = .tick(state.now.addingTimeInterval(Double(bytes.next() ?? 1)))
      case 0xF3:
        message = .input(.key(.function(Int(bytes.next() ?? 1) % 24 + 1)))
      case 0xF4:
        let keys: [Key] = [
          .enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home,
          .end, .pageUp, .pageDown, .control("\\"), .control("c"), .control("q"),
        ]
        message = .input(.key(keys[Int(bytes.next() ?? 0) % keys.count]))
      case 0xF5:
        // A pasted or scanned word, Chinese included.
        let words = ["WAIC:ZONE:H1-A\n", "宇树科技", "Unitree", "\u{202E}evil", "WAIC:ROOM:", "1234"]
        for key in KeyDecoder.keys(typing: words[Int(bytes.next() ?? 0) % words.count]) {
          _ = AppUpdate.update(&state, .input(.key(key)), env)
        }
        continue
      default:
        guard let key = KeyDecoder.key(forCharacter: UInt32(byte)) else { continue }
        message = .input(.key(key))
      }
      _ = AppUpdate.update(&state, message, env)
      // Drawn as the loop draws after a burst: every few events, and after each resize.
      sinceDrawn += 1
      if sinceDrawn >= 8 || byte == 0xF0 {
        frame = AppView.render(state, env)
        sinceDrawn = 0
      }
    }
  }

  static let kioskPin: AdminPin? = try? AdminPin(pin: "86427531")
}
