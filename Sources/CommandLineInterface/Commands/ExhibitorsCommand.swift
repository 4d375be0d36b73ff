import ArgumentParser
import Assistant
import EventModel
import Foundation
import TextLayout

/// `hiwaic exhibitors`: who exhibits what, and where.
struct ExhibitorsCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "exhibitors",
    abstract: "List and search exhibitors by name (any language), topic or pavilion.",
    discussion: """
      The WAIC pack holds 46 of the 800+ exhibitors of 2025; booth positions marked ~ are \
      approximate.

      Examples:
        hiwaic exhibitors
        hiwaic exhibitors --search 宇树
        hiwaic exhibitors --topic robotics --format json
      """)

  @Option(
    name: .long, help: "Text to search for: a name in English or Chinese, a product, a topic.")
  var search: String?

  @Option(name: .long, help: "Only exhibitors on this topic (an id or a name, e.g. robotics, 机器人).")
  var topic: String?

  @Option(
    name: .long, help: "Only exhibitors in this pavilion (an id or a name, e.g. core-technologies)."
  )
  var pavilion: String?

  @OptionGroup var packOptions: PackOptions
  @OptionGroup var output: OutputOptions

  func render() throws -> String {
    let context = try CommandContext(options: packOptions)
    let catalog = context.catalog
    let language = output.lang
    var filter = ExhibitorFilter(text: search)
    if let topic { filter.topic = try context.resolveTopic(topic).id }
    if let pavilion { filter.pavilion = try context.resolvePavilion(pavilion).id }
    let found = catalog.exhibitors(matching: filter)
    if output.format == .json {
      return try OutputFormatting.json(
        found.map { ExhibitorRecord($0, catalog: catalog, language: language) })
    }
    let labels = Labels(language: language)
    guard !found.isEmpty else {
      var message = labels.nothingFound
      if let search {
        let close = catalog.exhibitorNames.suggestions(for: search)
        if !close.isEmpty {
          message += language == .zh ? " 您是不是要找：" : " Did you mean: "
          message += close.joined(separator: ", ") + (language == .zh ? "？" : "?")
        }
      }
      return message
    }
    let other: Language = language == .zh ? .en : .zh
    var anyModelled = false
    let rows = found.map { exhibitor -> [String] in
      let place = exhibitor.booth.flatMap { catalog.place(ofBooth: $0) }
      let modelled = exhibitor.provenance.isModelled("booth")
      anyModelled = anyModelled || modelled
      let where_ = place.map { "\($0.booth.id) \($0.floor?.name.text(language) ?? "")" } ?? "—"
      return [
        exhibitor.name.text(language), exhibitor.name[other] ?? "",
        catalog.pavilion(exhibitor.pavilion)?.name.text(language) ?? exhibitor.pavilion,
        OutputFormatting.mark(where_.trimmingCharacters(in: .whitespaces), modelled: modelled),
        exhibitor.topics.compactMap { catalog.topic($0)?.name.text(language) }.joined(
          separator: ", "),
      ]
    }
    let table = TextTable(
      columns: [
        .init(labels.name), .init(language == .zh ? labels.englishName : labels.chineseName),
        .init(labels.pavilion, maxWidth: 34), .init(labels.booth), .init(labels.topics),
      ], rows: rows)
    var text = table.render(totalWidth: OutputFormatting.terminalColumns())
    text += "\n" + labels.count(found.count, "exhibitor", "家展商", ("Aussteller", "Aussteller"))
    if anyModelled { text += "\n" + labels.approximateNote }
    return text
  }
}
