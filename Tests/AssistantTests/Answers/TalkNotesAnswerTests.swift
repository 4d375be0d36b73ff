import EventModel
import Foundation
import Knowledge
import Matcher
import Testing

@testable import Assistant

/// "What did Hinton say about AI safety?" answered from a knowledge store holding a transcript
/// and a Q&A round written for these tests.
@Suite("Ask: what was said, from recorded talks and Q&A")
struct TalkNotesAnswerTests {
  final class Store {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-talks-\(UUID().uuidString.prefix(8))")
    let store: KnowledgeStore

    init() throws {
      store = try KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
      let transcript = """
        WEBVTT

        00:12:00.000 --> 00:12:08.000
        <v Geoffrey Hinton>AI safety research deserves a third of the world's computing power.

        00:20:00.000 --> 00:20:06.000
        <v Geoffrey Hinton>Digital intelligence may become smarter than we are.
        """
      let rounds = """
        Q: What does open source mean for the safety of models?
        Asker: student
        A: Open weights help researchers but also bad actors.
        By: Geoffrey Hinton
        At: 41:00
        """
      for (name, text) in [("keynote.vtt", transcript), ("qa.qa", rounds)] {
        let data = Data(text.utf8)
        _ = try store.importNotes(
          try NotesFileReader.read(data, fileName: name), source: name,
          digest: NotesDigest.of(data), session: "main-forum", speaker: "geoffrey-hinton",
          language: .en, now: Date(timeIntervalSince1970: 1_753_500_000))
      }
    }
    deinit { try? FileManager.default.removeItem(at: directory) }
  }

  let saturday = AssistantFixture.context("2025-07-26T14:00")

  func assistant(_ store: Store?) -> Assistant {
    var assistant = AssistantFixture.assistant
    assistant.knowledge = store?.store
    return assistant
  }

  @Test(
    "what a speaker said on a topic, in English, Chinese and German, quoted with who and when",
    arguments: [
      ("what did Hinton say about AI safety?", "Recorded at the event:", "12:00 into the talk"),
      ("辛顿关于AI安全说了什么？", "活动现场记录：", "第12:00处"),
      ("Was sagte Hinton zur KI-Sicherheit?", "Auf der Veranstaltung aufgezeichnet:", "bei 12:00"),
    ])
  func saidOnTopic(question: String, headline: String, time: String) throws {
    let store = try Store()
    let reply = assistant(store).reply(to: question, context: saturday)
    #expect(reply.answer.intent == .talkNotes, "\(question): \(reply.answer.intent)")
    #expect(reply.text.hasPrefix(headline), "\(reply.text)")
    #expect(reply.text.contains("third of the world's computing power"), "\(reply.text)")
    #expect(reply.text.contains(time), "\(reply.text)")
    // Who and where as the visitor reads them, not file names or ids.
    #expect(!reply.text.contains("keynote.vtt") && !reply.text.contains("geoffrey-hinton"))
  }

  @Test("a question from the floor is found and said to be one")
  func question() throws {
    let store = try Store()
    let reply = assistant(store).reply(
      to: "was there a question about open source at the main forum?", context: saturday)
    #expect(reply.answer.intent == .talkNotes)
    #expect(reply.text.contains("«open source»") || reply.text.contains("«Open»"), "\(reply.text)")
    #expect(
      reply.text.contains("a question from the floor")
        || reply.text.contains("an answer in the Q&A"))
  }

  @Test("nothing recorded is said plainly, and no passage that does not match is shown")
  func nothingRecorded() throws {
    let store = try Store()
    let withStore = assistant(store).reply(
      to: "what did Hinton say about healthcare?", context: saturday)
    #expect(withStore.answer.intent == .talkNotes)
    #expect(withStore.text == "Nothing recorded on that yet.")
    let without = assistant(nil).reply(
      to: "what did Hinton say about AI safety?", context: saturday)
    #expect(without.text == "Nothing recorded on that yet.")
    #expect(without.answer.suggestions.contains { $0.hasPrefix("When does Geoffrey Hinton speak") })
  }

  @Test(
    "questions about other things stay off topic even when a passage shares a word",
    arguments: [
      "what did my doctor say about my blood pressure?",
      "what did the news say about the stock market?",
    ])
  func offTopic(question: String) throws {
    let store = try Store()
    let reply = assistant(store).reply(to: question, context: saturday)
    #expect(reply.answer.intent == .unknown, "\(question): \(reply.answer.intent)")
  }
}

@Suite("Ask: the pack's starter notes answer on day one")
struct StarterNotesAnswerTests {
  @Test(
    "what Li Qiang said, asked in three languages, from what the press reported",
    arguments: [
      (
        "what did Li Qiang say about governance?", "What the press reported:",
        "as reported in the press"
      ),
      ("李强关于治理说了什么？", "媒体报道：", "据媒体报道"),
      ("Was sagte Li Qiang zur Governance?", "Aus Presseberichten:", "laut Presseberichten"),
    ])
  func liQiang(question: String, headline: String, origin: String) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-starter-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try KnowledgeStore(path: directory.appendingPathComponent("k.sqlite").path)
    try StarterNotes.importAll(
      packDirectory: AssistantFixture.packDirectory, into: store, now: Date())
    var assistant = AssistantFixture.assistant
    assistant.knowledge = store
    let reply = assistant.reply(to: question, context: AssistantFixture.context("2025-07-27T10:00"))
    #expect(reply.answer.intent == .talkNotes)
    #expect(reply.text.hasPrefix(headline), "\(reply.text)")
    #expect(reply.text.contains(origin))
    #expect(reply.text.contains("multilateral") || reply.text.contains("multilaterale"))
  }
}
