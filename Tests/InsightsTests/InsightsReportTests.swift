import Assistant
import EventModel
import Foundation
import Knowledge
import Matcher
import Testing

@testable import Insights

@Suite("hiwaic insights: what visitors asked, and the gaps")
struct InsightsReportTests {
  static let packDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Data/waic2025")
  static let assistant: Assistant? = try? Assistant.load(packDirectory: packDirectory)

  /// A day of questions at three kiosks, as the assistant answers them: exhibitors by name in
  /// English and Chinese, and three things the pack does not know, asked in several ways.
  static func generatedLog(_ assistant: Assistant) -> [AskedQuestion] {
    let exhibitors = assistant.catalog.pack.exhibitors.prefix(12)
    var texts: [String] = []
    for exhibitor in exhibitors {
      texts.append("where is \(exhibitor.name.text(.en))?")
      if let zh = exhibitor.name.zh { texts.append("\(zh)在哪里？") }
    }
    let gaps = [
      "is there a prayer room?", "where can I pray?", "prayer room", "any place to pray?",
      "where can I leave my luggage?", "luggage storage?", "is there a cloakroom for luggage",
      "can I bring my dog?",
    ]
    let places = ["eh-1f-north", "eh-1f-south", nil]
    let start = Date(timeIntervalSince1970: 1_753_491_600)  // 2025-07-26 09:00 in Shanghai
    var log: [AskedQuestion] = []
    for index in 0..<600 {
      let text =
        index % 5 == 0
        ? gaps[index / 5 % gaps.count] : texts[index * 7 % texts.count]
      let context = AskContext(now: start)
      let reply = assistant.reply(to: text, context: context)
      log.append(
        AskedQuestion(
          text: text, language: reply.answer.language, intent: reply.answer.intent.rawValue,
          confidence: reply.answer.confidence, answered: reply.isAnswered,
          place: places[index % places.count], channel: "kiosk",
          askedAt: start.addingTimeInterval(Double(index) * 60)))
    }
    return log
  }

  @Test("the counts add up, by intent, language, hour and place")
  func counts() throws {
    let assistant = try #require(Self.assistant)
    let log = Self.generatedLog(assistant)
    let report = InsightsReport(log, assistant: assistant)
    #expect(report.questions == 600)
    for table in [report.byIntent, report.byLanguage, report.byHour, report.byChannel] {
      #expect(table.map(\.questions).reduce(0, +) == 600)
    }
    // Ten hours of a question a minute, from 09:00 event time.
    #expect(report.byHour.map(\.label) == (9...18).map { String(format: "%02d:00", $0) })
    #expect(report.byHour.allSatisfy { $0.questions == 60 })
    #expect(report.byPlace.map(\.questions).reduce(0, +) == 400)
    #expect(report.byLanguage.first { $0.label == "zh" }.map(\.questions) ?? 0 > 0)
    #expect(report.answered == log.filter(\.answered).count)
    // The gaps are unanswered: 120 of them, every one a question the pack does not answer.
    #expect(report.questions - report.answered >= 120 - 15)
    let counts = report.mostAsked.map(\.questions)
    #expect(counts == counts.sorted(by: >) && counts.count == 10)
  }

  @Test("the unanswered are grouped by what they are about, forms of a word together")
  func gaps() throws {
    let assistant = try #require(Self.assistant)
    let report = InsightsReport(Self.generatedLog(assistant), assistant: assistant)
    let prayer = try #require(report.gaps.first { $0.name == "pray" }, "\(report.gaps)")
    // "prayer room", "where can I pray?" … are one gap, not four.
    #expect(prayer.questions >= 60)
    #expect(prayer.examples.count == 3)
    let luggage = try #require(report.gaps.first { $0.name == "luggage" })
    #expect(luggage.questions >= 40)
    #expect(report.gaps.first?.questions ?? 0 >= report.gaps.last?.questions ?? 0)
  }

  @Test("CSV is one row per count, quoted as RFC 4180, never a spreadsheet formula")
  func csv() throws {
    let assistant = try #require(Self.assistant)
    let asked = Date(timeIntervalSince1970: 1_753_491_600)
    let log = ["=HYPERLINK(\"http://x\")", "a, b", "where is Unitree?"].map {
      AskedQuestion(
        text: $0, language: .en, intent: "unknown", confidence: 0.1, answered: false,
        place: nil, channel: "cli", askedAt: asked)
    }
    let csv = InsightsReport(log, assistant: assistant).csv
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "section,label,questions,unanswered,examples")
    #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    #expect(csv.contains("\"a, b\""))
    #expect(!csv.contains("\n="))
    #expect(InsightsReport([], assistant: assistant).text(zone: .gmt).contains("No questions"))
  }
}
