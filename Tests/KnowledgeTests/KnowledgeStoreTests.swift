import EventModel
import Foundation
import Testing

@testable import Knowledge

/// A store in a folder of its own, removed after the test.
final class ScratchStore {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "hiwaic-knowledge-\(UUID().uuidString.prefix(8))")
  var path: String { directory.appendingPathComponent("knowledge.sqlite").path }
  deinit { try? FileManager.default.removeItem(at: directory) }

  func open() throws -> KnowledgeStore { try KnowledgeStore(path: path) }
}

@Suite("The knowledge store: imports whole or not at all, search in three languages")
struct KnowledgeStoreTests {
  static let keynote = """
    WEBVTT

    00:00:01.000 --> 00:00:05.000
    <v Geoffrey Hinton>AI safety research needs far more of the world's compute.

    00:10:00.000 --> 00:10:06.000
    <v Geoffrey Hinton>Open source models make it easier for bad actors.

    00:20:00.000 --> 00:20:06.000
    具身智能会改变制造业。人工智能AI需要全球治理。

    00:30:00.000 --> 00:30:05.000
    Die Governance von KI braucht internationale Zusammenarbeit.
    """

  static func imported(
    _ scratch: ScratchStore, text: String = keynote, session: String = "main-forum"
  )
    throws -> KnowledgeStore
  {
    let store = try scratch.open()
    let data = Data(text.utf8)
    _ = try store.importNotes(
      try NotesFileReader.read(data, fileName: "keynote.vtt"), source: "keynote.vtt",
      digest: NotesDigest.of(data), session: session, speaker: "geoffrey-hinton",
      language: .en, now: Date(timeIntervalSince1970: 1_753_500_000))
    return store
  }

  @Test("importing the same file again changes nothing; for another session it is new")
  func idempotent() throws {
    let scratch = ScratchStore()
    let store = try Self.imported(scratch)
    let data = Data(Self.keynote.utf8)
    let notes = try NotesFileReader.read(data, fileName: "keynote.vtt")
    let again = try store.importNotes(
      notes, source: "keynote.vtt", digest: NotesDigest.of(data), session: "main-forum",
      speaker: nil, language: .en, now: Date())
    guard case .unchanged = again else {
      Issue.record("imported twice: \(again)")
      return
    }
    #expect(try store.documents().count == 1)
    _ = try store.importNotes(
      notes, source: "keynote.vtt", digest: NotesDigest.of(data), session: "other",
      speaker: nil, language: .en, now: Date())
    #expect(try store.documents().count == 2)
    #expect(try store.documents(session: "other").count == 1)
  }

  @Test(
    "passages are found by English, German and Chinese words, one and two characters too",
    arguments: [
      ("AI safety", "safety"), ("compute", "compute"), ("open source", "Open source"),
      ("Governance", "Governance"), ("Zusammenarbeit", "Zusammenarbeit"), ("具身", "具身"),
      ("具身智能", "具身智能"), ("治理", "治理"), ("AI", "AI"), ("智", "智"),
    ])
  func search(query: String, marked: String) throws {
    let scratch = ScratchStore()
    let store = try Self.imported(scratch)
    let hits = try store.search(query)
    let first = try #require(hits.first, "\(query)")
    #expect(first.snippet.contains("«"), "\(first.snippet)")
    #expect(first.snippet.localizedCaseInsensitiveContains(marked), "\(first.snippet)")
    #expect(first.session == "main-forum")
    #expect(first.source == "keynote.vtt")
  }

  @Test("nothing that does not match: an unrelated word finds no passage")
  func noFalsePassage() throws {
    let scratch = ScratchStore()
    let store = try Self.imported(scratch)
    #expect(try store.search("weather forecast Shanghai Disneyland").isEmpty)
    #expect(try store.search("天气").isEmpty)
    #expect(try store.search("").isEmpty)
    #expect(try store.search("\"; DROP TABLE chunk; --").isEmpty)
    #expect(try store.documents().count == 1)
  }

  @Test("times and speakers are kept; removing a file removes its passages")
  func showAndRemove() throws {
    let scratch = ScratchStore()
    let store = try Self.imported(scratch)
    let document = try #require(try store.documents().first)
    let (shown, chunks) = try #require(try store.document(document.id))
    #expect(shown.speaker == "geoffrey-hinton")
    #expect(chunks.first?.startMilliseconds == 1_000)
    #expect(chunks.first?.speaker == "Geoffrey Hinton")
    #expect(chunks.contains { $0.startMilliseconds == 600_000 })
    #expect(try store.remove(document.id))
    #expect(try store.search("compute").isEmpty)
    #expect(try !store.remove(document.id))
  }

  @Test("a file that is not a database is a clear error, and the file is left alone")
  func corrupt() throws {
    let scratch = ScratchStore()
    try FileManager.default.createDirectory(
      at: scratch.directory, withIntermediateDirectories: true)
    try Data(String(repeating: "not a database ", count: 500).utf8).write(
      to: URL(fileURLWithPath: scratch.path))
    #expect {
      _ = try scratch.open()
    } throws: { error in
      "\(error)".contains(scratch.path) && "\(error)".contains("not a hiwaic knowledge database")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path)).count == 7_500)
  }

  @Test("a store whose folder cannot be made is a clear error")
  func noFolder() throws {
    let scratch = ScratchStore()
    try FileManager.default.createDirectory(
      at: scratch.directory, withIntermediateDirectories: true)
    let file = scratch.directory.appendingPathComponent("a-file")
    try Data("x".utf8).write(to: file)
    #expect {
      _ = try KnowledgeStore(path: file.appendingPathComponent("store/knowledge.sqlite").path)
    } throws: { error in
      "\(error)".contains("a-file/store/knowledge.sqlite") && "\(error)".contains("cannot create")
    }
  }

  @Test("the default place follows HIWAIC_KNOWLEDGE, then XDG_DATA_HOME, then HOME")
  func defaultPath() {
    #expect(
      KnowledgeStore.defaultPath(environment: ["HIWAIC_KNOWLEDGE": "/k.sqlite"]) == "/k.sqlite")
    #expect(
      KnowledgeStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"])
        == "/d/hiwaic/knowledge.sqlite")
    #expect(
      KnowledgeStore.defaultPath(environment: ["HOME": "/h"])
        == "/h/.local/share/hiwaic/knowledge.sqlite")
    #expect(KnowledgeStore.defaultPath(environment: [:]) == nil)
  }
}

@Suite("Two connections at once: an import and a reader")
struct ConcurrentReaderTests {
  @Test("a reader while another connection imports sees none or all of the file, never part")
  func noneOrAll() throws {
    let scratch = ScratchStore()
    let writer = try scratch.open()
    let reader = try scratch.open()
    var lines = ["WEBVTT", ""]
    for cue in 0..<20_000 {
      let start = cue * 2
      let clock = String(format: "%02d:%02d:%02d", start / 3600, start / 60 % 60, start % 60)
      lines.append("\(clock).000 --> \(clock).900")
      lines.append("cue \(cue) on robots")
      lines.append("")
    }
    let data = Data(lines.joined(separator: "\n").utf8)
    let notes = try NotesFileReader.read(data, fileName: "big.vtt")
    let whole = Chunker.chunks(notes).count
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      _ = try? writer.importNotes(
        notes, source: "big.vtt", digest: NotesDigest.of(data), session: "s", speaker: nil,
        language: .en, now: Date())
      done.signal()
    }
    var seen = Set<Int>()
    var reads = 0
    while done.wait(timeout: .now()) == .timedOut {
      let documents = try reader.documents()
      seen.insert(documents.first?.chunks ?? 0)
      #expect(documents.count <= 1)
      reads += 1
    }
    seen.insert(try reader.documents().first?.chunks ?? 0)
    #expect(seen.isSubset(of: [0, whole]), "partial imports seen: \(seen.sorted())")
    #expect(seen.contains(whole))
    #expect(reads > 0)
  }
}
