import Foundation
import Knowledge
import Testing

@testable import CommandLineInterface

@Suite("hiwaic notes: import, list, show, search and remove through the binary")
struct NotesCommandTests {
  /// A folder with a store and a transcript, removed after the test.
  final class Scratch {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-notes-\(UUID().uuidString.prefix(8))")
    var store: String { directory.appendingPathComponent("store/knowledge.sqlite").path }
    init() throws {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: directory) }

    func file(_ name: String, _ text: String) throws -> String {
      let url = directory.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      return url.path
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
      try CLI.run(["notes"] + arguments, environment: ["HIWAIC_KNOWLEDGE": store])
    }
  }

  static let transcript = """
    WEBVTT

    00:01:00.000 --> 00:01:05.000
    <v Geoffrey Hinton>We need far more research on AI safety.

    00:02:00.000 --> 00:02:04.000
    具身智能将改变工厂。
    """

  @Test("a transcript is imported once, listed, shown, found and removed")
  func lifecycle() throws {
    let scratch = try Scratch()
    let file = try scratch.file("keynote.vtt", Self.transcript)
    let imported = try scratch.run([
      "import", file, "--session", "main-forum", "--speaker", "Hinton",
    ])
    #expect(imported.status == 0, "\(imported.error)")
    #expect(imported.output.contains("imported keynote.vtt as notes 1"))
    let again = try scratch.run(["import", file, "--session", "Main Forum"])
    #expect(again.output.contains("already notes 1"), "\(again)")
    let list = try scratch.run(["list"])
    #expect(list.output.contains("keynote.vtt  talk  session main-forum  speaker geoffrey-hinton"))
    let json = try scratch.run(["list", "--format", "json"])
    let documents = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
    #expect(documents.count == 1 && documents[0]["chunks"] as? Int == 1)
    let shown = try scratch.run(["show", "1"])
    #expect(shown.output.contains("1:00 Geoffrey Hinton: We need far more research on AI safety."))
    let found = try scratch.run(["search", "safety"])
    #expect(found.output.contains("«safety»"), "\(found)")
    #expect(found.output.contains("session main-forum at 1:00; keynote.vtt"))
    let chinese = try scratch.run(["search", "具身"])
    #expect(chinese.output.contains("«具身»"), "\(chinese)")
    #expect(try scratch.run(["search", "weather"]).output == "nothing recorded on that yet\n")
    #expect(try scratch.run(["remove", "1"]).status == 0)
    #expect(try scratch.run(["list"]).output == "no notes recorded yet\n")
    let missing = try scratch.run(["remove", "1"])
    #expect(missing.status == 1 && missing.error.contains("no notes 1"))
  }

  @Test("every passage is filed under the topics, exhibitors and speakers it mentions")
  func categorised() throws {
    let scratch = try Scratch()
    let file = try scratch.file(
      "panel.vtt",
      """
      WEBVTT

      00:00:01.000 --> 00:00:05.000
      Humanoid robots like those of Unitree show how fast embodied AI moves.

      00:05:00.000 --> 00:05:06.000
      华为的昇腾芯片很重要。
      """)
    let imported = try scratch.run(["import", file, "--session", "main-forum"])
    #expect(imported.output.contains("mentions"), "\(imported)")
    let shown = try scratch.run(["show", "1", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
    let chunks = try #require(json["chunks"] as? [[String: Any]])
    let mentions = chunks.map { chunk in
      ((chunk["mentions"] as? [[String: String]]) ?? []).map {
        "\($0["type"] ?? ""):\($0["id"] ?? "")"
      }
    }
    #expect(mentions.first?.contains("exhibitor:unitree") == true, "\(mentions)")
    #expect(mentions.first?.contains("topic:humanoid-robots") == true, "\(mentions)")
    #expect(mentions.last?.contains("exhibitor:huawei") == true, "\(mentions)")
    #expect(mentions.last?.contains("topic:ai-chips") == true, "\(mentions)")
    #expect(try scratch.run(["list", "--exhibitor", "华为"]).output.contains("panel.vtt"))
    #expect(try scratch.run(["list", "--topic", "AI chips"]).output.contains("panel.vtt"))
    #expect(
      try scratch.run(["list", "--topic", "ai-governance"]).output
        == "no recorded notes mention that yet\n")
    let typo = try scratch.run(["list", "--topic", "robtics"])
    #expect(typo.status != 0 && typo.error.contains("did you mean robotics?"))
  }

  @Test("a broken file imports nothing and says where it is broken")
  func brokenFile() throws {
    let scratch = try Scratch()
    let file = try scratch.file(
      "bad.srt", "1\n00:00:01,000 --> 00:00:05,000\nhi\n\n2\n00:00:03,000 --> 00:00:06,000\nho\n")
    let result = try scratch.run(["import", file, "--session", "main-forum"])
    #expect(result.status == 1)
    #expect(result.error.contains("bad.srt:6: this cue overlaps"), "\(result.error)")
    #expect(try scratch.run(["list"]).output == "no notes recorded yet\n")
  }

  @Test("unknown sessions and speakers get close matches; a missing file is named")
  func unknownNames() throws {
    let scratch = try Scratch()
    let file = try scratch.file("keynote.vtt", Self.transcript)
    let session = try scratch.run(["import", file, "--session", "main-forun"])
    #expect(session.status == 1 && session.error.contains("unknown session 'main-forun'"))
    #expect(session.error.contains("did you mean"))
    let speaker = try scratch.run(["import", file, "--session", "main-forum", "--speaker", "Hintn"])
    #expect(speaker.status == 1 && speaker.error.contains("unknown speaker 'Hintn'"))
    let missing = try scratch.run(["import", "/nonexistent.vtt", "--session", "main-forum"])
    #expect(missing.status == 1 && missing.error.contains("/nonexistent.vtt"))
  }

  @Test("a 200 MB file is refused before it is read, and nothing is stored")
  func hugeFile() throws {
    let scratch = try Scratch()
    let path = try scratch.file("huge.vtt", "WEBVTT\n")
    // Sparse: 200 MB on paper, no time or disk to write it.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 200 << 20)
    try handle.close()
    let result = try scratch.run(["import", path, "--session", "main-forum"])
    #expect(result.status == 1)
    #expect(
      result.error.contains("huge.vtt") && result.error.contains("larger than"), "\(result.error)")
    #expect(try scratch.run(["list"]).output == "no notes recorded yet\n")
  }

  @Test("an import killed at any moment leaves the store as it was, or with the whole file")
  func killedImport() throws {
    let scratch = try Scratch()
    // About 60,000 cues: long enough to be killed while reading and while writing.
    var lines = ["WEBVTT", ""]
    for cue in 0..<60_000 {
      let start = cue * 2
      lines.append(
        String(
          format: "%02d:%02d:%02d.000 --> %02d:%02d:%02d.900", start / 3600, start / 60 % 60,
          start % 60, start / 3600, start / 60 % 60, start % 60))
      lines.append("cue \(cue) about safety, robots and 具身智能")
      lines.append("")
    }
    let text = lines.joined(separator: "\n")
    let path = try scratch.file("long.vtt", text)
    let whole = Chunker.chunks(try NotesFileReader.read(Data(text.utf8), fileName: "long.vtt"))
      .count
    // Killed while reading the file, and while the import's transaction is being written (its
    // pages are in the write-ahead log but not committed).
    var killedWhileWriting = false
    for moment in ["reading", "writing"] {
      try? FileManager.default.removeItem(
        atPath: (scratch.store as NSString).deletingLastPathComponent)
      let process = Process()
      process.executableURL = CLI.binary
      process.arguments = ["notes", "import", path, "--session", "main-forum"]
      var environment = ProcessInfo.processInfo.environment
      environment["HIWAIC_KNOWLEDGE"] = scratch.store
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try ChildPipe.spawning { try process.run() }
      if moment == "reading" {
        Thread.sleep(forTimeInterval: 0.3)
      } else {
        let log = scratch.store + "-wal"
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
          let size = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
          if size > 1 << 19 {
            killedWhileWriting = true
            break
          }
          Thread.sleep(forTimeInterval: 0.005)
        }
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      guard FileManager.default.fileExists(atPath: scratch.store) else { continue }
      let store = try KnowledgeStore(path: scratch.store)
      let documents = try store.documents()
      #expect(documents.count <= 1, "killed while \(moment)")
      if let document = documents.first {
        #expect(document.chunks == whole, "killed while \(moment): \(document.chunks) of \(whole)")
      }
      #expect(try store.search("robots").count <= 10)
    }
    #expect(killedWhileWriting, "the import ended before its transaction could be caught")
  }

  @Test("a store that is not a database is named, with what is wrong")
  func corruptStore() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      atPath: (scratch.store as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try Data(String(repeating: "garbage ", count: 1_000).utf8).write(
      to: URL(fileURLWithPath: scratch.store))
    let result = try scratch.run(["list"])
    #expect(result.status == 1)
    #expect(
      result.error.contains(scratch.store)
        && result.error.contains("not a hiwaic knowledge database"))
  }
}
