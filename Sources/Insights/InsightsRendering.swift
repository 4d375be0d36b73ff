import EventModel
import Foundation

extension InsightsReport {
  /// The report for people: the figures, then each table, then the gaps with examples.
  public func text(zone: TimeZone) -> String {
    guard questions > 0 else { return "No questions logged in this period." }
    var lines: [String] = []
    let period = [from, to].compactMap { $0 }.map { EventTime.format($0, zone: zone) }
    lines.append("\(questions) questions (\(period.joined(separator: " to ")))")
    lines.append(
      "answered: \(answered) (\(Self.percent(answered, of: questions))); unanswered: "
        + "\(questions - answered); answered with low confidence: \(lowConfidence)")
    func table(_ title: String, _ counts: [Count]) {
      guard !counts.isEmpty else { return }
      lines.append("")
      lines.append(title)
      let width = min(48, counts.map(\.label.count).max() ?? 0)
      for count in counts {
        let label =
          count.label.count > width ? String(count.label.prefix(width - 1)) + "…" : count.label
        lines.append(
          "  " + label.padding(toLength: width, withPad: " ", startingAt: 0)
            + String(format: "  %5d", count.questions)
            + (count.unanswered > 0 ? "  (\(count.unanswered) unanswered)" : ""))
      }
    }
    table("Asked most", mostAsked)
    table("By intent", byIntent)
    table("By language", byLanguage)
    table("By hour", byHour)
    table("By kiosk", byKiosk)
    table("By place", byPlace)
    table("By front end", byChannel)
    if !gaps.isEmpty {
      lines.append("")
      lines.append("Gaps: unanswered or unsure, by what they are about")
      for gap in gaps {
        lines.append(String(format: "  %5d  ", gap.questions) + gap.name)
        for example in gap.examples { lines.append("           “\(example)”") }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One row per count: section, label, questions, unanswered, examples (for gaps).
  public var csv: String {
    var rows = [["section", "label", "questions", "unanswered", "examples"]]
    rows.append(["total", "", "\(questions)", "\(questions - answered)", ""])
    for (section, counts) in [
      ("most_asked", mostAsked), ("intent", byIntent), ("language", byLanguage),
      ("hour", byHour), ("kiosk", byKiosk), ("place", byPlace), ("channel", byChannel),
    ] {
      for count in counts {
        rows.append([section, count.label, "\(count.questions)", "\(count.unanswered)", ""])
      }
    }
    for gap in gaps {
      rows.append(
        [
          "gap", gap.name, "\(gap.questions)", "\(gap.questions)",
          gap.examples.joined(separator: " | "),
        ])
    }
    return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
  }

  /// RFC 4180: quoted when it holds a comma, a quote or a line break; a leading =, +, - or @
  /// gets an apostrophe so that a spreadsheet does not run a visitor's text as a formula.
  static func csvField(_ value: String) -> String {
    var value = value
    if let first = value.first, "=+-@".contains(first) { value = "'" + value }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func percent(_ part: Int, of whole: Int) -> String {
    whole > 0 ? String(format: "%.0f %%", Double(part) * 100 / Double(whole)) : "–"
  }
}
