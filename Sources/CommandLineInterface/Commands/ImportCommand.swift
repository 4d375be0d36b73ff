import ArgumentParser
import EventModel
import Foundation
import ScheduleImport

/// `hiwaic import SOURCE --output DIR`: a published conference schedule as a pack.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Make a pack from a conference's published schedule (frab XML, c3voc JSON, pretalx JSON, .ics).",
    discussion: """
      Reads the schedule.xml or schedule.json that frab, pretalx and the CCC publish, the JSON \
      that pretalx's schedule widget loads (schedule/widgets/schedule.json), or, as a last \
      resort, an iCalendar .ics file of the programme, and \
      writes a pack that every command reads with --pack DIR: the conference, its days, rooms, \
      tracks (as topics), speakers and sessions. A schedule has no floor plan and no \
      exhibitors, and the pack invents none: rooms are named, not placed. What could not be \
      imported is listed with its place in the file. The format is found from the content \
      unless --format names it.

      Examples:
        hiwaic import schedule.xml --output /tmp/congress
        hiwaic import schedule.json --output /tmp/camp --force
        hiwaic schedule --pack /tmp/congress --day 1
      """)

  @Argument(help: ArgumentHelp("The schedule file to read.", valueName: "SOURCE"))
  var source: String

  @Option(
    name: .long, help: ArgumentHelp("The directory to write the pack into.", valueName: "DIR"))
  var output: String

  @Option(name: .long, help: "auto, frab-xml, schedule-json, pretalx-json or ics.")
  var format: String = "auto"

  @Option(name: .long, help: "The event's time zone (Europe/Berlin), for schedules without one.")
  var timeZone: String?

  @Option(name: .long, help: "The pack's id (default: the conference's acronym).")
  var name: String?

  @Option(
    name: .long,
    help: "The conference's name, for schedules without one (pretalx's JSON) or instead of it.")
  var title: String?

  @Flag(name: .long, help: "Write into DIR even if it already holds files.")
  var force = false

  func validate() throws {
    if format != "auto" && ScheduleFormat(rawValue: format) == nil {
      let known = ["auto"] + ScheduleFormat.allCases.map(\.rawValue)
      throw ValidationError(
        "--format must be one of \(known.joined(separator: ", ")), not '\(format)'")
    }
    if let timeZone, EventTime.timeZone(named: timeZone) == nil {
      throw ValidationError(
        "--time-zone '\(timeZone)' is not a time zone (use a name such as Europe/Berlin)")
    }
  }

  func run() throws {
    let data: Data
    do {
      data = try BoundedFile.read(source, limit: ScheduleImporter.maximumFileBytes)
    } catch {
      throw CommandError("\(source) \(error.description)")
    }
    var schedule: ImportedSchedule
    do {
      schedule = try ScheduleImporter.read(
        data, source: source, format: ScheduleFormat(rawValue: format),
        zone: timeZone.flatMap(EventTime.timeZone(named:)))
    } catch {
      throw CommandError(error.description)
    }
    if let title = title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
      schedule.conference.title = title
    }
    let directory = URL(fileURLWithPath: output)
    let update = try previousImport(in: directory, of: schedule)
    var pack = SchedulePackBuilder.pack(
      schedule, id: name ?? update?.pack?.manifest.id, previous: update?.record)
    // Posters printed for the earlier version keep working: the rooms keep their codes.
    if let earlier = update?.pack?.manifest.codePrefix {
      pack.manifest.codePrefix = earlier
    }
    do {
      try PackWriter.write(pack, to: directory, pretty: false)
      try AtomicFile.write(
        ScheduleImportRecord(schedule: schedule, pack: pack).encoded(),
        to: directory.appendingPathComponent(ScheduleImportRecord.fileName).path,
        permissions: 0o644)
    } catch {
      let reason = (error as? AtomicFile.Failure)?.description ?? error.localizedDescription
      throw CommandError("cannot write the pack to \(output): \(reason)")
    }
    if CommandContext.copyShippedLexicon(into: directory) == nil {
      printError(
        "hiwaic import: no shipped lexicon to copy into \(output)/lexicon; ask and the screens need one"
      )
    }
    let check = PackLoader.check(directory: directory)
    for problem in schedule.problems { printError("hiwaic import: \(problem)") }
    if schedule.conference.title.isEmpty {
      printError(
        "hiwaic import: the pack calls the event '\(pack.event.name.text(.en))'; give its name with --title"
      )
    }
    for issue in check.errors { printError("hiwaic import: \(issue)") }
    guard check.catalog != nil else {
      throw CommandError(
        "the pack written to \(output) does not load (\(check.errors.count) error\(check.errors.count == 1 ? "" : "s") above)"
      )
    }
    print(
      "\(update == nil ? "imported" : "updated") \(pack.event.name.text(.en)) in \(output): \(counted(pack.sessions.count, "session")) in \(counted(pack.venues.rooms.count, "room")) on \(counted(pack.event.days.count, "day")), \(counted(pack.speakers.count, "speaker")), \(counted(pack.topics.count, "track")); \(counted(schedule.problems.count, "problem")) reported"
    )
    if let old = update?.pack {
      for line in ScheduleChanges.between(old, pack).lines(old: old, new: pack) { print(line) }
    }
  }

  /// An earlier import of the same schedule in `directory`, whose session ids the new pack
  /// keeps (favourites and plans name them); nil for an empty directory, or one that --force
  /// lets this import replace. Anything else in the way is an error.
  private func previousImport(in directory: URL, of schedule: ImportedSchedule) throws
    -> (record: ScheduleImportRecord, pack: EventPack?)?
  {
    let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    guard !existing.isEmpty else { return nil }
    switch ScheduleImportRecord.read(in: directory) {
    case .success(let record) where record.isSameConference(as: schedule):
      // Without the old pack the ids are still kept; only the list of changes is missing.
      let pack = try? PackLoader.load(from: directory).pack
      if pack == nil {
        printError(
          "hiwaic import: the pack in \(output) does not load; sessions keep their ids, but what changed cannot be listed"
        )
      }
      return (record, pack)
    case .success(let record):
      guard force else {
        throw CommandError(
          "\(output) holds the pack of another schedule ('\(record.conference)'); choose another directory or pass --force"
        )
      }
      return nil
    case .failure(let error):
      guard force else {
        throw CommandError("\(error.description); pass --force to replace the pack")
      }
      return nil
    case nil:
      guard force else {
        throw CommandError("\(output) is not empty; choose another directory or pass --force")
      }
      return nil
    }
  }

  /// "1 day", "4 days".
  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
