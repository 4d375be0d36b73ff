import Assistant
import EventModel
import Foundation
import Knowledge
import TerminalUI
import Testing

@testable import App

@Suite("Talks & Q&A: by session, by topic, search as you type; notes on the Schedule")
struct TalksScreenTests {
  /// A store with a keynote (English and Chinese) and a Q&A round of the Main Forum.
  final class Store {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-talks-screen-\(UUID().uuidString.prefix(8))")
    let store: KnowledgeStore

    init() throws {
      store = try KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
      let files = [
        (
          "keynote.vtt",
          """
          WEBVTT

          00:12:00.000 --> 00:12:08.000
          <v Geoffrey Hinton>AI safety research deserves a third of the world's computing power.

          00:20:00.000 --> 00:20:06.000
          具身智能会改变制造业。
          """
        ),
        (
          "qa.qa",
          """
          Q: What does open source mean for the safety of models?
          Asker: student
          A: Open weights help researchers but also bad actors.
          By: Geoffrey Hinton
          """
        ),
      ]
      for (name, text) in files {
        let data = Data(text.utf8)
        _ = try store.importNotes(
          try NotesFileReader.read(data, fileName: name), source: name,
          digest: NotesDigest.of(data), session: "main-forum", speaker: "geoffrey-hinton",
          language: .en, now: Date(), mentions: AppHarness.assistant.mentionFinder)
      }
    }
    deinit { try? FileManager.default.removeItem(at: directory) }
  }

  static func talks(_ store: Store?, width: Int = 120, height: Int = 36) -> AppHarness {
    var app = AppHarness(width: width, height: height, knowledge: store?.store)
    app.send(.target(.tab(.talks)))
    return app
  }

  @Test("the recorded files by session, each named by session, speaker and kind, never a file")
  func bySession() throws {
    let store = try Store()
    let app = Self.talks(store)
    let screen = app.screen
    #expect(screen.contains("2 recorded talks and Q&A rounds"), "\(screen)")
    #expect(screen.contains("Main Forum · Geoffrey Hinton · talk"))
    #expect(screen.contains("Main Forum · Geoffrey Hinton · Q&A"))
    #expect(!screen.contains("keynote.vtt") && !screen.contains("qa.qa"))
    // The newest first: the Q&A round, question and answer marked, the asker's role given.
    #expect(screen.contains("Q  student: What does open source mean"), "\(screen)")
    #expect(screen.contains("A  Geoffrey Hinton: Open weights"))
    var next = app
    next.press(.down)
    #expect(next.screen.contains("12:00  Geoffrey Hinton: AI safety research"), "\(next.screen)")
    #expect(next.screen.contains("20:00  具身智能会改变制造业"))
  }

  @Test(
    "search as you type, in either script, one and two characters too; the passage is marked",
    arguments: [
      ("具身", "具身智能会改变制造业"), ("AI", "AI safety research"), ("open source", "open source mean"),
    ])
  func search(query: String, found: String) throws {
    let store = try Store()
    var app = Self.talks(store)
    app.type(query)
    let screen = app.screen
    #expect(screen.contains("passage"), "\(screen)")
    #expect(screen.contains("» "), "\(screen)")
    #expect(screen.contains(found), "\(screen)")
    app.press(.escape, .escape)
    #expect(app.screen.contains("2 recorded talks and Q&A rounds"))
    app.type("weather")
    #expect(app.screen.contains("Nothing recorded on that yet"))
  }

  @Test("t narrows the list to a topic the notes mention; Esc shows all again")
  func byTopic() throws {
    let store = try Store()
    var app = Self.talks(store)
    app.press(.character("t"))
    let topic = try #require(app.state.talks.topics.first)
    let name = try #require(AppHarness.assistant.catalog.topic(topic)).name.text(.en)
    #expect(app.screen.contains("Topic (t): " + name), "\(app.screen)")
    #expect(app.state.talks.rows.count >= 1)
    // A topic only the keynote mentions: the Q&A round is not listed.
    if let embodied = app.state.talks.topics.firstIndex(of: "embodied-ai") {
      app.state.talks.topicFilter = embodied
      app.send(.tick(app.state.now))
      app.press(.down, .up)
      #expect(app.state.talks.rows.count == 1, "\(app.state.talks.rows)")
    } else {
      Issue.record("embodied-ai not among \(app.state.talks.topics)")
    }
    app.press(.escape)
    #expect(app.state.talks.rows.count == 2)
  }

  @Test("Enter opens the session on the Schedule, whose detail shows what was recorded")
  func sessionNotes() throws {
    let store = try Store()
    var app = Self.talks(store)
    app.press(.enter)
    #expect(app.state.screen == .schedule)
    let screen = app.screen
    #expect(screen.contains("Recorded talks and Q&A (0 for all):"), "\(screen)")
    #expect(screen.contains("AI safety research"))
  }

  @Test("without a knowledge store the screen says so, in the visitor's language")
  func noStore() {
    var app = Self.talks(nil)
    #expect(app.screen.contains("this assistant has no store of talks"))
    app.send(.target(.language))
    #expect(app.screen.contains("本助手没有演讲记录库"))
  }
}
