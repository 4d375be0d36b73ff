import Assistant
import EventModel
import Foundation
import Knowledge
import Matcher

/// Issue 15's figures: importing ten hours of subtitles, and searching 100,000 chunks.
enum KnowledgeBench {
  /// Words the generated talks are made of: English, German and Chinese, so that every kind of
  /// term is in the index.
  static let words = [
    "model", "safety", "robot", "governance", "chip", "open", "source", "data", "agent", "city",
    "health", "factory", "learning", "energy", "weather", "Forschung", "Sicherheit", "Zukunft",
    "具身", "智能", "模型", "安全", "治理", "芯片", "机器人", "开源", "数据", "城市",
  ]

  /// A vocabulary as talks have one: the words above and 5,000 more, drawn by Zipf's law (the
  /// n-th word about 1/n as often as the first), so that a few words are in most passages and
  /// most words in few.
  static let vocabulary: [String] = words + (0..<5_000).map { "term\($0)" }
  static let cumulative: [Double] = {
    var total = 0.0
    return vocabulary.indices.map { index in
      total += 1 / Double(index + 1)
      return total
    }
  }()

  static func word(_ random: inout SplitMix64) -> String {
    let target = Double(random.next() % 1_000_000) / 1_000_000 * (cumulative.last ?? 1)
    var low = 0
    var high = cumulative.count - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] < target { low = middle + 1 } else { high = middle }
    }
    return vocabulary[low]
  }

  /// A WebVTT file of `cues` cues of four seconds, ten words each.
  static func subtitles(cues: Int, seed: UInt64) -> String {
    var random = SplitMix64(seed: seed)
    var lines = ["WEBVTT", ""]
    for cue in 0..<cues {
      let start = cue * 4000
      lines.append("\(clock(start)) --> \(clock(start + 3900))")
      lines.append((0..<10).map { _ in word(&random) }.joined(separator: " "))
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  static func clock(_ milliseconds: Int) -> String {
    let seconds = milliseconds / 1000
    return String(
      format: "%02d:%02d:%02d.%03d", seconds / 3600, seconds / 60 % 60, seconds % 60,
      milliseconds % 1000)
  }

  static func run(waic: URL) throws {
    print("== Issue 15: the knowledge store")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-bench-knowledge-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
    // Ten hours of subtitles: 9,000 cues of four seconds.
    let tenHours = Data(subtitles(cues: 9_000, seed: 1).utf8)
    var chunks = 0
    let importTime = try milliseconds {
      let notes = try NotesFileReader.read(tenHours, fileName: "ten-hours.vtt")
      if case .imported(_, let count) = try store.importNotes(
        notes, source: "ten-hours.vtt", digest: NotesDigest.of(tenHours), session: "s",
        speaker: nil, language: .en, now: Date())
      {
        chunks = count
      }
    }
    print(
      String(
        format:
          "import of 10 hours of subtitles (9,000 cues, %.1f MB, %d chunks): %.0f ms, %.0f cues per second (target > 10,000)",
        Double(tenHours.count) / 1_048_576, chunks, importTime, 9_000 / (importTime / 1000)))
    // Before the store grows: its writes would still be going to disk.
    try categorisedImport(tenHours, waic: waic, directory: directory)
    // Up to 100,000 chunks: more generated talks.
    var seed: UInt64 = 2
    var total = chunks
    while total < 100_000 {
      let data = Data(subtitles(cues: 9_000, seed: seed).utf8)
      let notes = try NotesFileReader.read(data, fileName: "talk-\(seed).vtt")
      if case .imported(_, let count) = try store.importNotes(
        notes, source: "talk-\(seed).vtt", digest: NotesDigest.of(data), session: "s\(seed)",
        speaker: nil, language: .en, now: Date())
      {
        total += count
      }
      seed += 1
    }
    var random = SplitMix64(seed: 99)
    var times: [Double] = []
    for _ in 0..<300 {
      let count = 1 + Int(random.next() % 2)
      let query = (0..<count).map { _ in word(&random) }.joined(separator: " ")
      times.append(try milliseconds { _ = try store.search(query, limit: 5) })
    }
    times.sort()
    // As Ask asks: phrases within one session.
    var sessionTimes: [Double] = []
    for index in 0..<300 {
      let query = (0..<(1 + index % 2)).map { _ in word(&random) }.joined(separator: " ")
      sessionTimes.append(
        try milliseconds {
          _ = try store.passages(NotesQuery(phrases: [query], session: "s\(2 + index % 50)"))
        })
    }
    sessionTimes.sort()
    print(
      String(
        format: "passages within one talk, as Ask asks: median %.2f ms, p99 %.2f ms",
        sessionTimes[sessionTimes.count / 2], sessionTimes[sessionTimes.count * 99 / 100]))
    print(
      String(
        format:
          "search over %d chunks (one or two words drawn as the text is, top 5): median %.2f ms, p99 %.2f ms (target p99 < 10 ms)",
        total, times[times.count / 2], times[times.count * 99 / 100]))
    try logging(store)
    try organiserAnswers(waic: waic, directory: directory)

  }

  /// The question log's cost per answer: one write per question, as the full-screen assistant
  /// makes them, into the store of 100,000 passages (WAL, synchronous NORMAL).
  static func logging(_ store: KnowledgeStore) throws {
    var times: [Double] = []
    let start = Date(timeIntervalSince1970: 1_753_491_600)
    for index in 0..<2_000 {
      let question = AskedQuestion(
        text: "where is exhibitor \(index % 97)? call 138 0013 \(index)", language: .en,
        intent: "find_exhibitor", confidence: 0.8, answered: index % 7 != 0,
        place: "eh-1f-north", channel: "kiosk", askedAt: start.addingTimeInterval(Double(index)))
      times.append(try milliseconds { try store.log([question]) })
    }
    times.sort()
    print(
      String(
        format:
          "question log: one question per write, 2,000 writes: median %.3f ms, p99 %.3f ms (target < 1 ms)",
        times[times.count / 2], times[times.count * 99 / 100]))
  }

  /// What organisers' answers add to a reply: 40 of them in the store, against none.
  static func organiserAnswers(waic: URL, directory: URL) throws {
    var assistant = try Assistant.load(packDirectory: waic)
    let store = try KnowledgeStore(path: directory.appendingPathComponent("answers.sqlite").path)
    assistant.knowledge = store
    let context = AskContext(now: Date(timeIntervalSince1970: 1_753_495_200))
    let questions = [
      "where is Unitree?", "is there a prayer room?", "which forums are on tomorrow?",
      "宇树科技在哪里？", "Wo ist Huawei?", "where can I leave my luggage?",
    ]
    func perReply() -> Double {
      var times: [Double] = []
      for _ in 0..<50 {
        for question in questions {
          times.append(milliseconds { _ = assistant.reply(to: question, context: context) })
        }
      }
      times.sort()
      return times[times.count / 2]
    }
    let without = perReply()
    for index in 0..<40 {
      try store.saveOrganiserAnswer(
        question: "Is there a service number \(index) for visitors with question \(index)?",
        answer: "Yes.", language: .en, now: Date())
    }
    _ = perReply()  // the organisers' questions understood once, as a running kiosk has
    let with = perReply()
    print(
      String(
        format: "a reply with 40 organisers' answers to compare: median %.3f ms (%.3f ms without)",
        with, without))
  }

  /// The same ten hours with every chunk filed under what it mentions by the WAIC matcher.
  static func categorisedImport(_ data: Data, waic: URL, directory: URL) throws {
    let assistant = try Assistant.load(packDirectory: waic)
    let store = try KnowledgeStore(
      path: directory.appendingPathComponent("categorised.sqlite").path)
    let time = try milliseconds {
      let notes = try NotesFileReader.read(data, fileName: "ten-hours.vtt")
      _ = try store.importNotes(
        notes, source: "ten-hours.vtt", digest: NotesDigest.of(data), session: "s", speaker: nil,
        language: .en, now: Date(), mentions: assistant.mentionFinder)
    }
    print(
      String(
        format:
          "the same, each chunk categorised by the matcher (topics, exhibitors, speakers, sessions): %.0f ms, %.0f cues per second (target > 10,000)",
        time, 9_000 / (time / 1000)))
  }
}
