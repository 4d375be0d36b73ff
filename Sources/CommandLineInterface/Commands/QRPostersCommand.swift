import ArgumentParser
import EventModel
import Foundation
import QRCode

/// `hiwaic qr-posters`: the code of every zone and room, and their QR codes for printing.
struct QRPostersCommand: RenderingCommand {
  static let configuration = CommandConfiguration(
    commandName: "qr-posters",
    abstract:
      "Every zone's and room's code (WAIC:ZONE:H1-A, WAIC:ROOM:RED-HALL), and their QR codes.",
    discussion: """
      A code is the pack's prefix (WAIC: for WAIC's packs; an imported conference's acronym), \
      the kind (ZONE or ROOM), a colon and the pack's id in capitals. Print \
      a poster per zone: a visitor scans it at a kiosk (a USB scanner types the code and Enter) \
      and gets Here & now for that place. --output DIR writes one SVG per code, captioned, to \
      print.

      Examples:
        hiwaic qr-posters
        hiwaic qr-posters --output posters/
      """)

  @Option(name: .long, help: "Output format: text, json or svg (svg needs --output).")
  var format: PosterFormat = .text

  @Option(name: .long, help: "Write each code's QR as DIR/<code>.svg.")
  var output: String?

  @Option(name: .long, help: "Language of names: en or zh.")
  var lang: Language = .en

  @OptionGroup var packOptions: PackOptions

  func validate() throws {
    if format == .svg && output == nil {
      throw ValidationError("--format svg writes one file per code: give --output DIR")
    }
  }

  func render() throws -> String {
    let catalog = try CommandContext(options: packOptions).catalog
    let codes = catalog.placeCodes
    let posters = codes.map { PosterRecord($0, catalog: catalog) }
    var written: [String] = []
    if let output {
      let directory = URL(fileURLWithPath: output, isDirectory: true)
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      } catch {
        throw CommandError("cannot create \(output): \(error.localizedDescription)")
      }
      for (code, poster) in zip(codes, posters) {
        let matrix: QRMatrix
        do {
          matrix = try QRMatrix(encoding: code.text, correction: .high)
        } catch {
          throw CommandError("cannot encode \(code.text): \(error.description)")
        }
        let caption = ([code.text + " ·", poster.name.en, poster.name.zh].compactMap { $0 })
          .joined(separator: " ")
        let file = directory.appendingPathComponent(
          code.text.replacingOccurrences(of: ":", with: "-") + ".svg")
        do {
          try AtomicFile.write(
            Data(matrix.svg(caption: caption).utf8), to: file.path, permissions: 0o644)
        } catch {
          throw CommandError("cannot write \(file.path): \(error.description)")
        }
        written.append(file.path)
      }
    }
    switch format {
    case .json: return try OutputFormatting.json(posters)
    case .svg: return written.joined(separator: "\n")
    case .text:
      let width = (posters.map(\.code.count).max() ?? 0) + 2
      var lines = posters.map { poster in
        let name = lang == .zh ? (poster.name.zh ?? poster.name.en ?? "") : (poster.name.en ?? "")
        return
          "\(poster.code.padding(toLength: width, withPad: " ", startingAt: 0))\(name)"
          + (poster.place.isEmpty ? "" : " · \(poster.place)")
      }
      if !written.isEmpty { lines.append("Wrote \(written.count) SVG files to \(output ?? "").") }
      return lines.joined(separator: "\n")
    }
  }
}

/// `--format` of qr-posters.
enum PosterFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, svg
}

/// One poster: the code and what it names.
struct PosterRecord: Encodable {
  var code: String
  /// `zone` or `room`.
  var kind: String
  /// The zone's or room's id.
  var zone: String
  var name: LocalizedText
  var place: String
  var node: String

  init(_ code: PlaceCode, catalog: EventCatalog) {
    self.code = code.text
    kind = code.kind == .zone ? "zone" : "room"
    zone = code.id
    name = catalog.name(of: code) ?? LocalizedText(en: code.id)
    node = catalog.node(of: code) ?? ""
    switch code.kind {
    case .zone:
      let hall = catalog.zone(code.id).flatMap { catalog.hall($0.hall) }
      place =
        hall.map { "\($0.id) · " + (catalog.floor($0.floor)?.name.text(.en) ?? $0.floor) } ?? ""
    case .room:
      place = catalog.room(code.id)?.floor.flatMap { catalog.floor($0) }?.name.text(.en) ?? ""
    }
  }
}
