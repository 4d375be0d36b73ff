import EventModel
import Foundation
import Testing

@testable import Matcher

@Suite("What the matcher understands: names, typos, scripts, times")
struct UnderstandingTests {
  func entities(_ answer: MatcherAnswer) -> Set<String> {
    Set(answer.entities.map { "\($0.type.rawValue):\($0.id)" })
  }

  @Test("nested names are reported: 智元机器人 is an exhibitor and contains the topic 机器人")
  func nested() {
    let answer = AnswerFixture.ask("智元机器人在哪里")
    #expect(answer.intent == .findExhibitor)
    #expect(entities(answer).isSuperset(of: ["exhibitor:agibot", "topic:robotics"]))
    #expect(
      answer.slots["exhibitors"] == .list(["agibot"]),
      "the exhibitor, not the topic, is what is asked for")
  }

  @Test("Traditional and full-width input is folded before matching")
  func folding() {
    #expect(entities(AnswerFixture.ask("宇樹科技在哪裡")).contains("exhibitor:unitree"))
    #expect(entities(AnswerFixture.ask("ＷＨＥＲＥ ＩＳ ＨＵＡＷＥＩ")).contains("exhibitor:huawei"))
  }

  @Test("homophone typos in Chinese are caught by toneless pinyin, and marked less certain")
  func homophones() {
    let typo = AnswerFixture.ask("宇数科技在哪里")
    let exact = AnswerFixture.ask("宇树科技在哪里")
    #expect(entities(typo).contains("exhibitor:unitree"))
    #expect(typo.confidence < exact.confidence)
  }

  @Test("typo limits grow with word length, and short words are never corrected")
  func typoLimits() {
    #expect(entities(AnswerFixture.ask("where is unitre")).contains("exhibitor:unitree"))  // 6 letters, 1 edit
    #expect(entities(AnswerFixture.ask("where is sensetme")).contains("exhibitor:sensetime"))
    #expect(AnswerFixture.ask("where is bidu").entities.isEmpty, "four letters: no correction")
    #expect(AnswerFixture.ask("where is unitreeeee").entities.isEmpty, "too many edits")
  }

  @Test("a misspelt word at the start or inside a name of several words still finds the name")
  func typoInsideLongerName() {
    for (typo, exact, id) in [
      ("where is Shanghia AI Laboratory", "where is Shanghai AI Laboratory", "shanghai-ai-lab"),
      ("where is Kuaishou Klingg AI", "where is Kuaishou Kling AI", "kling"),
    ] {
      let misspelt = AnswerFixture.ask(typo)
      #expect(entities(misspelt).contains("exhibitor:\(id)"), "\(typo)")
      #expect(misspelt.confidence < AnswerFixture.ask(exact).confidence, "\(typo)")
    }
  }

  @Test("codes and numbers are never corrected: H2 is not H3, H5 is nothing")
  func codes() {
    #expect(entities(AnswerFixture.ask("what is in hall H2")) == ["hall:H2"])
    #expect(AnswerFixture.ask("where is H5").intent == .unknown)
    #expect(AnswerFixture.ask("who is at booth H3-A99").entities.allSatisfy { $0.id != "H3-A01" })
  }

  @Test("ordinary words are never turned into names: both is not booth, all is not hall")
  func ordinaryWords() {
    #expect(AnswerFixture.ask("both of them").intent == .unknown)
    #expect(AnswerFixture.ask("all of it").intent == .unknown)
    #expect(AnswerFixture.ask("is android better than iphone").intent == .unknown)
  }

  @Test("a generic word alone does not make an exhibitor search")
  func genericWords() {
    for question in [
      "how", "where", "today", "my robot vacuum is broken",
      "program my new robot to bring me snacks",
    ] {
      #expect(AnswerFixture.ask(question).intent == .unknown, "\(question)")
    }
  }

  @Test("a known name asked about out of scope is unknown, and the answer offers what it can do")
  func outOfScopeWithName() {
    let answer = AnswerFixture.ask("what is Alibaba's share price")
    #expect(answer.intent == .unknown)
    #expect(answer.answer.contains("Alibaba"))
    #expect(AnswerFixture.ask("百度地图怎么下载").intent == .unknown)
  }

  @Test(
    "times resolve against the clock: tomorrow afternoon, day 2, July 27, 明天下午, morgen Nachmittag")
  func times() {
    for (question, day, part) in [
      ("forums tomorrow afternoon", "2025-07-27", "afternoon"),
      ("forums on day 2", "2025-07-27", nil),
      ("forums on July 28", "2025-07-28", nil), ("明天下午的论坛", "2025-07-27", "afternoon"),
      ("Foren morgen Nachmittag", "2025-07-27", "afternoon"), ("第三天的论坛", "2025-07-28", nil),
      ("7月27日的论坛", "2025-07-27", nil), ("forums on Sunday", "2025-07-27", nil),
    ] {
      let answer = AnswerFixture.ask(question, now: "2025-07-26T09:00")
      #expect(answer.intent == .findSession, "\(question)")
      #expect(answer.slots["day"] == .text(day), "\(question): \(answer.slots)")
      if let part { #expect(answer.slots["partOfDay"] == .text(part), "\(question)") }
    }
  }

  @Test("durations: 2 hours, two hours, 90 min, half an hour, 两小时, 一个半小时, zwei Stunden")
  func durations() {
    for (question, minutes) in [
      ("plan me 2 hours of robotics", 120.0), ("plan me two hours of robotics", 120),
      ("plan 90 min of robotics", 90), ("plan me half an hour of robotics", 30),
      ("帮我规划两小时的机器人参观", 120), ("帮我规划一个半小时的机器人参观", 90),
      ("Plane mir zwei Stunden Robotik", 120), ("plan me 1.5 hours of robotics", 90),
    ] {
      let answer = AnswerFixture.ask(question)
      #expect(answer.intent == .planRoute, "\(question)")
      #expect(answer.slots["budgetMinutes"] == .number(minutes), "\(question): \(answer.slots)")
      #expect(answer.slots["interests"] == .list(["robotics"]), "\(question)")
    }
  }

  @Test("the question's language is detected, and --lang overrides the answer's")
  func languages() {
    #expect(AnswerFixture.ask("where is Huawei").language == .en)
    #expect(AnswerFixture.ask("华为在哪里").language == .zh)
    #expect(AnswerFixture.ask("Wo ist Huawei?").language == .de)
    let forced = AnswerFixture.assistant.answer(
      "where is Huawei", context: AnswerFixture.context(language: .zh))
    #expect(forced.answer.contains("展位"))
    #expect(AnswerFixture.ask("Wo ist Huawei?").answer.contains("Stand"))
  }

  @Test("a word is never corrected to a word of an exhibit's description, only to names")
  func descriptionsAreNotCorrectionTargets() {
    // "enter" is one letter from "unter" of a German description of Unitree's R1.
    let entry = AnswerFixture.ask("do I need my passport to enter")
    #expect(!entry.entities.contains { $0.id == "unitree" }, "\(entry.entities)")
    // Description words still find their exhibitor when typed as they are.
    #expect(
      entities(AnswerFixture.ask("Wo faltet ein Roboter Wäsche?")).contains("exhibitor:qianxun"))
  }

  @Test("a German verb in lower case is not taken for a missing exhibitor; a missing name is")
  func germanVerbsAreNotNames() {
    let charge = AnswerFixture.ask("Wo kann ich mein Handy aufladen?")
    #expect(!charge.answer.contains("Ausstellerliste"), "\(charge.answer)")
    for question in ["Wo ist Nvidia?", "Ist Nvidia hier?", "wo ist nvidia"] {
      let answer = AnswerFixture.ask(question)
      #expect(answer.answer.contains("Nvidia steht nicht in meiner Ausstellerliste"), "\(question)")
    }
  }

  @Test("time and quantity words name no exhibitor, whatever an exhibit's text says")
  func timeWordsAreNotNames() {
    for question in [
      "Ich habe 90 Minuten und möchte Roboter sehen", "I have 90 minutes for robots",
      "我有90分钟，想看机器人",
    ] {
      let answer = AnswerFixture.ask(question)
      #expect(answer.intent == .planRoute, "\(question)")
      #expect(
        !answer.entities.contains { $0.type == .exhibitor }, "\(question): \(answer.entities)")
    }
  }
}
