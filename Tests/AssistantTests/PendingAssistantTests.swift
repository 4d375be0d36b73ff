import EventModel
import Foundation
import Matcher
import Testing

@testable import Assistant

@Suite("An assistant built in the background")
struct PendingAssistantTests {
  static let pack = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/waic2025")

  @Test("the pack is there at once; the assistant, once built, answers as one built in line")
  func waitsAndAnswers() throws {
    let catalog = try PackLoader.load(from: Self.pack)
    let lexicon = try Lexicon.load(packDirectory: Self.pack)
    let pending = PendingAssistant(catalog: catalog, lexicon: lexicon)
    #expect(pending.catalog.pack.exhibitors.count == catalog.pack.exhibitors.count)
    let context = AskContext(now: Date(timeIntervalSince1970: 1_753_495_200), here: nil)
    let inline = Assistant(catalog: catalog, lexicon: lexicon)
    // Several threads asking at once all get the one assistant.
    let answers = ParallelWork.map(Array(0..<4)) { _ in
      pending.assistant.reply(to: "where is Unitree?", context: context).text
    }
    let expected = inline.reply(to: "where is Unitree?", context: context).text
    #expect(answers.allSatisfy { $0 == expected })
    #expect(expected.contains("H3-A01"))
    let ready = PendingAssistant(ready: inline)
    #expect(ready.assistant.reply(to: "where is Huawei?", context: context).text.contains("H1-A01"))
  }
}
