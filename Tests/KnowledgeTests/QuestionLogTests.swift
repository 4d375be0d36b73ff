import EventModel
import Foundation
import Testing

@testable import Knowledge

@Suite("The anonymous question log and the organisers' answers")
struct QuestionLogTests {
  static let saturday = Date(timeIntervalSince1970: 1_753_495_234)  // 2025-07-26 02:00:34 UTC

  static func question(_ text: String, at date: Date = saturday, answered: Bool = true)
    -> AskedQuestion
  {
    AskedQuestion(
      text: text, language: .en, intent: "find_exhibitor", confidence: 0.8, answered: answered,
      place: "eh-1f-north", channel: "kiosk", askedAt: date)
  }

  @Test(
    "what identifies a visitor does not reach the log; times, halls and booths do",
    arguments: [
      ("call me on 138 0013 8000 please", "call me on [number] please"),
      ("my ticket is 20250726-88123", "my ticket is [number]"),
      ("mail me at li.wei@example.cn now", "mail me at [e-mail] now"),
      ("+49 30 1234567", "[number]"),
      ("is hall 3 open at 15:00?", "is hall 3 open at 15:00?"),
      ("booth H3-A01 on 2025-07-26", "booth H3-A01 on 2025-07-26"),
      ("宇树科技在哪里？电话13800138000", "宇树科技在哪里？电话[number]"),
    ])
  func redaction(text: String, kept: String) {
    #expect(Self.question(text).text == kept)
  }

  @Test("times are kept to the minute, and a long paste is cut")
  func minuteAndLength() {
    let asked = Self.question("where is Unitree?")
    #expect(asked.askedAt.timeIntervalSince1970 == 1_753_495_200)
    #expect(Self.question(String(repeating: "a", count: 5_000)).text.count == 500)
    #expect(
      AskedQuestion(
        text: "x", language: .en, intent: "unknown", confidence: .nan, answered: false,
        place: nil, channel: "cli", askedAt: Self.saturday
      ).confidence == 0)
  }

  @Test("logged questions come back by time; the retention forgets older ones")
  func retention() throws {
    let scratch = ScratchStore()
    let store = try scratch.open()
    let old = Self.saturday.addingTimeInterval(-40 * 86_400)
    try store.log([Self.question("an old question", at: old)], retention: .standard)
    try store.log(
      [Self.question("where is Unitree?"), Self.question("where is Nvidia?", answered: false)],
      retention: .standard)
    #expect(try store.loggedQuestions().count == 3)
    #expect(try store.loggedQuestions(since: Self.saturday.addingTimeInterval(-60)).count == 2)
    // Thirty days: the question of forty days ago goes at the next write.
    try store.log([Self.question("where is Huawei?")], retention: LogRetention(days: 30))
    let texts = try store.loggedQuestions().map(\.question.text)
    #expect(texts == ["where is Unitree?", "where is Nvidia?", "where is Huawei?"])
    let unanswered = try store.loggedQuestions().filter { !$0.question.answered }
    #expect(unanswered.map(\.question.text) == ["where is Nvidia?"])
    #expect(try store.loggedQuestions().allSatisfy { $0.question.place == "eh-1f-north" })
  }

  @Test("an organisers' answer is kept, replaced for the same question, and taken back")
  func organiserAnswers() throws {
    let scratch = ScratchStore()
    let store = try scratch.open()
    let first = try store.saveOrganiserAnswer(
      question: "Is there a prayer room?", answer: "Hall H2.", language: .en,
      now: Self.saturday)
    let again = try store.saveOrganiserAnswer(
      question: "Is there a prayer room?", answer: "Hall H2, next to first aid.", language: .en,
      now: Self.saturday)
    #expect(first == again)
    _ = try store.saveOrganiserAnswer(
      question: "有祈祷室吗？", answer: "有：H2馆。", language: .zh, now: Self.saturday)
    let answers = try store.organiserAnswers()
    #expect(answers.map(\.answer) == ["Hall H2, next to first aid.", "有：H2馆。"])
    #expect(throws: KnowledgeStoreError.self) {
      try store.saveOrganiserAnswer(question: " ", answer: "x", language: .en, now: Date())
    }
    #expect(try store.removeOrganiserAnswer(first))
    #expect(try !store.removeOrganiserAnswer(first))
    #expect(try store.organiserAnswers().count == 1)
  }

  @Test("the answers kept in memory: this store's writes show at once, another's within a second")
  func organiserAnswersKeptInMemory() throws {
    let scratch = ScratchStore()
    let kiosk = try scratch.open()
    // An organiser's command or a fleet sync in another process: another connection.
    let organiser = try scratch.open()
    #expect(try kiosk.organiserAnswers().isEmpty)
    _ = try organiser.saveOrganiserAnswer(
      question: "Is there a prayer room?", answer: "Hall H2.", language: .en, now: Self.saturday)
    let deadline = ContinuousClock.now + .seconds(3)
    var seen = try kiosk.organiserAnswers()
    while seen.isEmpty && ContinuousClock.now < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      seen = try kiosk.organiserAnswers()
    }
    #expect(seen.map(\.answer) == ["Hall H2."])
    // Written through the kiosk's own store: no wait at all, and a removal likewise.
    let own = try kiosk.saveOrganiserAnswer(
      question: "Wo ist die Garderobe?", answer: "Am Eingang.", language: .de, now: Self.saturday)
    #expect(try kiosk.organiserAnswers().map(\.answer) == ["Hall H2.", "Am Eingang."])
    #expect(try kiosk.removeOrganiserAnswer(own))
    #expect(try kiosk.organiserAnswers().map(\.answer) == ["Hall H2."])
  }
}
