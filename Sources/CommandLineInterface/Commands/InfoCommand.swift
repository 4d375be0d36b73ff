import ArgumentParser
import Assistant
import EventModel
import Foundation
import TextLayout

/// `hiwaic info`: the event at a glance.
struct InfoCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show the event overview: dates, theme, venues, pavilions, figures.",
    discussion: """
      Examples:
        hiwaic info
        hiwaic info --lang zh --format json
      """)

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let language = output.lang
    if output.format == .json {
      return try OutputFormatting.json([EventRecord(catalog: catalog, language: language)])
    }
    let labels = Labels(language: language)
    let event = catalog.event
    var lines: [String] = []
    if catalog.pack.manifest.synthetic { lines += [labels.syntheticNote, ""] }
    lines.append(event.shortName.text(language) + " — " + event.name.text(language))
    if language == .en, let chinese = event.name[.zh] { lines.append(chinese) }
    lines.append("\(labels.theme): \(event.theme.text(language))")
    lines.append("\(labels.dates): " + dateSummary(catalog: catalog, labels: labels))
    lines.append("")
    lines.append(labels.venues + ":")
    for venue in catalog.pack.venues.venues where venue.kind != .outdoor {
      let description = venue.description.map { " — " + firstSentence($0.text(language)) } ?? ""
      lines.append("  " + venue.name.text(language) + description)
    }
    lines.append("")
    lines.append(labels.pavilions + ":")
    let table = TextTable(
      columns: [.init(labels.pavilion), .init(labels.booth), .init("")],
      rows: catalog.pack.pavilions.map { pavilion in
        let halls = pavilion.halls.map { hallLabel($0, catalog: catalog, language: language) }
          .joined(separator: ", ")
        return [
          pavilion.name.text(language),
          OutputFormatting.mark(halls, modelled: pavilion.provenance.isModelled("halls")),
          pavilion.description.text(language),
        ]
      })
    lines += table.render(totalWidth: OutputFormatting.terminalColumns().map { $0 - 2 })
      .split(separator: "\n").dropFirst(2).map { "  " + $0 }
    if !event.figures.isEmpty {
      lines.append("")
      lines.append(labels.keyFigures + ":")
      for figure in event.figures {
        lines.append("  \(figure.label.text(language)): \(figure.value.text(language))")
      }
    }
    lines.append("")
    let pack = catalog.pack
    lines.append(
      "\(labels.pack): "
        + [
          labels.count(pack.exhibitors.count, "exhibitor", "家展商", ("Aussteller", "Aussteller")),
          labels.count(pack.sessions.count, "session", "场活动", ("Sitzung", "Sitzungen")),
          labels.count(
            pack.cityWalks.count, "City Walk route", "条城市漫步路线",
            ("Stadtspaziergang", "Stadtspaziergänge")),
          labels.count(
            pack.info.count, "visitor-information entry", "条参观信息",
            ("Besucherinformation", "Besucherinformationen"), plural: "visitor-information entries"),
        ].joined(separator: ", "))
    lines.append(nowLine(context: context, labels: labels))
    lines.append(labels.approximateNote)
    return lines.joined(separator: "\n")
  }

  private func dateSummary(catalog: EventCatalog, labels: Labels) -> String {
    let event = catalog.event
    let conference = event.days.filter { $0.activities.contains(.conference) }.compactMap {
      LocalDate($0.date)
    }
    let exhibition = event.days.filter { $0.activities.contains(.exhibition) }.compactMap {
      LocalDate($0.date)
    }
    var parts: [String] = []
    if let first = conference.first, let last = conference.last {
      parts.append(
        labels.language == .zh
          ? "大会 \(labels.date(first)) 至 \(labels.date(last))"
          : "conference \(labels.date(first)) – \(labels.date(last))")
    }
    if let first = exhibition.first, let last = exhibition.last, exhibition != conference {
      parts.append(
        labels.language == .zh
          ? "展览 \(labels.date(first)) 至 \(labels.date(last))"
          : "exhibition \(labels.date(first)) – \(labels.date(last))")
    }
    let year = catalog.days.first.map { " \($0.year)" } ?? ""
    return parts.joined(separator: "; ")
      + "\(labels.language == .zh ? "" : year) · \(event.timeZone)"
  }

  private func nowLine(context: CommandContext, labels: Labels) -> String {
    let catalog = context.catalog
    let zone = catalog.timeZone
    let clock = EventTime.format(context.now, zone: zone)
    guard let span = catalog.span else { return "" }
    let language = labels.language
    if context.now < span.lowerBound {
      return language.choose(
        "Now \(clock): the event has not started yet.", "现在 \(clock)：活动尚未开始。",
        "Jetzt \(clock): Die Veranstaltung hat noch nicht begonnen.")
    }
    if context.now > span.upperBound {
      return language.choose(
        "Now \(clock): the event is over. Use --now 2025-07-27T10:00 to see it as it was.",
        "现在 \(clock)：活动已结束。用 --now 2025-07-27T10:00 查看当时的情形。",
        "Jetzt \(clock): Die Veranstaltung ist vorbei. Mit --now 2025-07-27T10:00 sehen Sie sie, wie sie war."
      )
    }
    let running = catalog.sessions(matching: SessionFilter()).filter { $0.isOn(at: context.now) }
    let day = catalog.dayNumber(of: context.now) ?? 0
    let sessions = labels.count(running.count, "session", "场活动", ("Sitzung", "Sitzungen"))
    return language.choose(
      "Now \(clock) (Day \(day)): \(sessions) running.",
      "现在 \(clock)（第\(day)天）：\(running.count) 场活动正在进行。",
      "Jetzt \(clock) (Tag \(day)): \(sessions) \(running.count == 1 ? "läuft" : "laufen").")
  }

  private func hallLabel(_ hallID: String, catalog: EventCatalog, language: Language) -> String {
    guard let hall = catalog.hall(hallID), let floor = catalog.floor(hall.floor) else {
      return hallID
    }
    let floorName = floor.name.text(language)
    return floorName == hall.id ? hall.id : "\(hall.id) \(floorName)"
  }

  private func firstSentence(_ text: String) -> String {
    if let end = text.firstIndex(where: { $0 == "." || $0 == "。" }) {
      return String(text[...end])
    }
    return text
  }
}
