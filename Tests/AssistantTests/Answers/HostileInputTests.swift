import EventModel
import Foundation
import Testing

@testable import Matcher

@Suite("Hostile input never crashes the matcher")
struct HostileInputTests {
  @Test(
    "empty, huge, control, emoji, right-to-left, SQL and shell input all get an answer",
    arguments: [
      "", "   ", "\u{0}\u{1}\u{7}\u{1B}[2J", String(repeating: "robot ", count: 20_000),
      String(repeating: "宇", count: 100_000), "😀👩‍👩‍👧‍👦🇨🇳", "مرحبا أين يونيتري",
      "\u{202E}where is unitree",
      "'; DROP TABLE sessions; --", "$(rm -rf /)", "`reboot`", "\u{FFFD}\u{FFFD}", "%s%s%n",
      "a\u{301}\u{301}\u{301}",
    ])
  func hostile(question: String) {
    let answer = AnswerFixture.ask(question)
    #expect(!answer.answer.isEmpty)
    #expect(!answer.answer.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  @Test("a 100 KB line is cut to its start and still understood")
  func longLine() {
    let line = String(repeating: "where is unitree ", count: 6_000)
    let answer = AnswerFixture.ask(line)
    // Where Unitree is, or the way there: either answers a line that asks it over and over.
    #expect([.findExhibitor, .directions].contains(answer.intent))
    #expect(answer.entities.map(\.id) == ["unitree"])
  }
}
