import ArgumentParser
import Assistant
import EventModel
import Foundation
import TextLayout

/// `hiwaic schedule`: ceremonies, forums and evening events by day, topic, speaker or room.
struct ScheduleCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "List sessions by day, topic, speaker or room; --upcoming for what is still ahead.",
    discussion: """
      Times marked ~ are modelled: the sources do not give them.

      Examples:
        hiwaic schedule --day 2025-07-27
        hiwaic schedule --speaker Hinton
        hiwaic schedule --upcoming --now 2025-07-26T13:00 --lang zh
      """)

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A day number (1 = first day) or a date (2025-07-27 or 07-27).", valueName: "N|DATE"))
  var day: String?

  @Option(name: .long, help: "Only sessions on this topic (an id or a name).")
  var topic: String?

  @Option(name: .long, help: "Only sessions with this speaker (a name in English or Chinese).")
  var speaker: String?

  @Option(name: .long, help: "Only sessions in this room (an id or a name).")
  var room: String?

  @Flag(name: .long, help: "Only sessions that have not ended yet (see --now).")
  var upcoming = false

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let language = output.lang
    var filter = SessionFilter()
    if let day {
      guard let date = catalog.resolveDay(day) else {
        let valid = catalog.days.enumerated().map { "\($0.offset + 1) (\($0.element))" }
          .joined(separator: ", ")
        throw CommandError("--day '\(day)' is not a day of the event; use one of \(valid)")
      }
      if !catalog.days.contains(date) {
        throw CommandError(
          "--day \(date) is not a day of the event; it runs \(catalog.days.first?.description ?? "?") to \(catalog.days.last?.description ?? "?")"
        )
      }
      filter.day = date
    }
    if let topic { filter.topic = try context.resolveTopic(topic).id }
    if let speaker {
      filter.speaker = try context.resolve(
        speaker, in: catalog.speakerNames, what: "speaker", flag: "--speaker",
        { catalog.pack.speakers[$0] }, label: { $0.name.text(.en) }
      ).id
    }
    if let room {
      filter.room = try context.resolve(
        room, in: catalog.roomNames, what: "room", flag: "--room",
        { catalog.pack.venues.rooms[$0] },
        label: { $0.id }
      ).id
    }
    if upcoming { filter.notEndedBy = context.now }
    let found = catalog.sessions(matching: filter)
    if output.format == .json {
      return try OutputFormatting.json(
        found.map { SessionRecord($0, catalog: catalog, language: language) })
    }
    return renderText(found, context: context)
  }

  private func renderText(_ sessions: [Session], context: CommandContext) -> String {
    let catalog = context.catalog
    let language = output.lang
    let labels = Labels(language: language)
    let zone = catalog.timeZone
    guard !sessions.isEmpty else {
      if upcoming, let span = catalog.span, context.now > span.upperBound {
        return language == .zh
          ? "活动已于 \(catalog.days.last?.description ?? "") 结束，没有即将开始的活动。可用 --now 2025-07-27T10:00 查看当时的日程。"
          : "The event ended on \(catalog.days.last?.description ?? ""); nothing is upcoming. Use --now 2025-07-27T10:00 to see the schedule as it was."
      }
      return labels.nothingFound
    }
    var blocks: [String] = []
    var anyModelled = false
    let width = OutputFormatting.terminalColumns()
    let byDay = Dictionary(grouping: sessions) { catalog.programmeDate($0.start) }
    for day in byDay.keys.sorted() {
      let dayNumber = catalog.days.firstIndex(of: day).map { $0 + 1 }
      var heading = labels.date(day)
      if let dayNumber {
        heading = language == .zh ? "第\(dayNumber)天 · \(heading)" : "Day \(dayNumber) · \(heading)"
      }
      let rows = byDay[day, default: []].map { session -> [String] in
        let timeModelled = session.provenance.isModelled("start")
        let roomModelled = session.provenance.isModelled("room")
        anyModelled = anyModelled || timeModelled || roomModelled
        var time =
          EventTime.clockTime(session.start, zone: zone) + "–"
          + EventTime.clockTime(session.end, zone: zone)
        if session.isOn(at: context.now) { time += language == .zh ? " 进行中" : " now" }
        let place = catalog.place(ofRoom: session.room)
        var roomName = place?.room.name.text(language) ?? session.room
        if let venue = place?.venue { roomName += " · " + venue.name.text(language) }
        let speakers = session.speakers.compactMap { catalog.speaker($0)?.name.text(language) }
        return [
          OutputFormatting.mark(time, modelled: timeModelled), session.title.text(language),
          OutputFormatting.mark(roomName, modelled: roomModelled),
          labels.sessionKind(session.kind), speakers.joined(separator: ", "),
        ]
      }
      let table = TextTable(
        columns: [
          .init(labels.time), .init(labels.session, maxWidth: 60), .init(labels.room, maxWidth: 44),
          .init(labels.kind), .init(labels.speakers),
        ], rows: rows)
      blocks.append(heading + "\n" + table.render(totalWidth: width))
    }
    var text = blocks.joined(separator: "\n\n")
    text += "\n\n" + labels.count(sessions.count, "session", "场活动", ("Sitzung", "Sitzungen"))
    if anyModelled { text += "\n" + labels.approximateNote }
    return text
  }
}
