import Foundation
import Testing

/// The real binary against what an attacker or a clumsy visitor gives it: huge numbers, escape
/// sequences in packs and arguments, packs that are subtly wrong, files that are not files.
/// Every run must end by exiting (CLI.run records a signal as a failure), and no output may
/// carry a raw control character.
@Suite("Hostile input on the real binary")
struct HostileInputTests {
  static let now = ["--now", "2025-07-26T10:00"]

  /// Scalars a terminal would obey rather than show: C0 but newline and tab, DEL, C1 and the
  /// bidirectional controls. Written out here rather than taken from the code under test.
  static func unsafe(_ text: String) -> [String] {
    text.unicodeScalars.filter { scalar in
      let v = scalar.value
      return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
        || [0x061C, 0x200E, 0x200F].contains(v) || (0x202A...0x202E).contains(v)
        || (0x2066...0x2069).contains(v)
    }.map { String(format: "U+%04X", $0.value) }
  }

  static func expectClean(
    _ result: (status: Int32, output: String, error: String), _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      unsafe(result.output).isEmpty, "\(what): raw controls on stdout",
      sourceLocation: sourceLocation)
    #expect(
      unsafe(result.error).isEmpty, "\(what): raw controls on stderr",
      sourceLocation: sourceLocation)
  }

  /// A copy of the WAIC pack, changed by `edit` (file name → JSON value, mutable).
  static func pack(_ edit: (inout [String: Any]) throws -> Void) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-hostile-\(UUID().uuidString.prefix(8))")
    try FileManager.default.copyItem(
      at: CLI.repository.appendingPathComponent("Data/waic2025"), to: directory)
    var files: [String: Any] = [:]
    for name in [
      "exhibitors.json", "sessions.json", "speakers.json", "venues.json", "walkways.json",
      "info.json", "pack.json", "booths.json",
    ] {
      files[name] = try JSONSerialization.jsonObject(
        with: Data(contentsOf: directory.appendingPathComponent(name)))
    }
    func canonical(_ value: Any?) -> Data? {
      value.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) }
    }
    let before = files.mapValues { canonical($0) }
    try edit(&files)
    // Only what the edit changed is written back: the others keep their bytes and layout.
    for (name, value) in files where canonical(value) != before[name] ?? nil {
      try JSONSerialization.data(withJSONObject: value).write(
        to: directory.appendingPathComponent(name))
    }
    return directory
  }

  /// An OSC 52 clipboard write, a screen clear, a C1 CSI, DEL and a right-to-left override.
  static let payload = "\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[2J\u{9B}31m\u{7F}\u{202E}evil"

  static func setName(_ record: inout [String: Any], _ field: String, _ suffix: String) {
    var text = record[field] as? [String: Any] ?? [:]
    text["en"] = ((text["en"] as? String) ?? "") + suffix
    text["zh"] = ((text["zh"] as? String) ?? "") + suffix
    record[field] = text
  }

  static func poisoned() throws -> URL {
    try pack { files in
      for (file, field) in [
        ("exhibitors.json", "name"), ("sessions.json", "title"), ("speakers.json", "name"),
        ("info.json", "answer"),
      ] {
        var records = files[file] as? [[String: Any]] ?? []
        for index in records.indices { setName(&records[index], field, payload) }
        files[file] = records
      }
      var venues = files["venues.json"] as? [String: Any] ?? [:]
      for key in ["halls", "zones", "rooms", "floors"] {
        var records = venues[key] as? [[String: Any]] ?? []
        for index in records.indices { setName(&records[index], "name", payload) }
        venues[key] = records
      }
      files["venues.json"] = venues
    }
  }

  // MARK: - Numbers

  @Test("questions with numbers beyond any range are answered, in every language")
  func hugeNumbersInQuestions() throws {
    let cases: [(String, String)] = [
      ("plan 9999999999999999999 hours", "12 hours"),
      ("plan me 1e30 minutes of robotics", ""),
      ("plan 99999999999999999999999999999999999999 h", "12 hours"),
      ("Plane 99999999999999999999 Stunden Robotik", "12 Stunden"),
      ("帮我规划99999999999999999999小时", "12小时"),
      ("day 9223372036854775808", ""),
      ("day -9223372036854775809", ""),
      ("在第99999999999999999999天有什么论坛", ""),
      ("am 99999999999999999999. Juli", ""),
      ("July 99999999999999999999", ""),
      ("99999999999999999999月99999999999999999999日有什么论坛", ""),
      ("下午99999999999999999999点有什么论坛", ""),
      ("forums at 99999999999999999999pm", ""),
      ("forums at 9999999999999999999:00", ""),
      ("what is on at " + String(repeating: "9", count: 400), ""),
    ]
    for (question, expected) in cases {
      let result = try CLI.run(["ask", question] + Self.now)
      #expect(result.status == 0, "\(question): \(result.error)")
      #expect(!result.output.isEmpty, "\(question)")
      Self.expectClean(result, question)
      if !expected.isEmpty {
        #expect(result.output.contains(expected), "\(question): \(result.output.prefix(200))")
      }
    }
  }

  @Test("a batch keeps every answer: a hostile line costs nothing, output is streamed")
  func batchSurvivesAHostileLine() throws {
    let input = Data(
      "where is unitree\nplan 9999999999999999999 hours\n\u{1B}[2J\nwhere is unitree\n".utf8)
    let lines = try CLI.runWithInput(["ask", "--format", "jsonl"] + Self.now, input: input)
    #expect(lines.status == 0)
    let objects = lines.output.split(separator: "\n").map {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(objects.count == 4 && objects.allSatisfy { $0 != nil })
    #expect((objects.last??["answer"] as? String)?.contains("H3-A01") == true)

    let array = try CLI.runWithInput(["ask", "--format", "json"] + Self.now, input: input)
    let parsed = try JSONSerialization.jsonObject(with: Data(array.output.utf8)) as? [Any]
    #expect(parsed?.count == 4)
    let empty = try CLI.runWithInput(["ask", "--format", "json"] + Self.now, input: Data())
    #expect(
      (try JSONSerialization.jsonObject(with: Data(empty.output.utf8)) as? [Any])?.isEmpty == true)
  }

  @Test("a line of megabytes without a newline is cut, answered, and the next line still is")
  func hugeLine() throws {
    var input = Data(repeating: UInt8(ascii: "x"), count: 5_000_000)
    input += Data("\nwhere is unitree\r\n".utf8)
    let result = try CLI.runWithInput(["ask", "--format", "jsonl"] + Self.now, input: input)
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.last?.contains("H3-A01") == true)
    #expect(lines.allSatisfy { $0.count < 200_000 }, "the cut line is not echoed whole")
  }

  @Test("route and citywalk: budgets, weights and dwell out of range get one clear line")
  func planFlags() throws {
    let refusals: [([String], String)] = [
      (["route", "--budget", "inf"], "--budget"),
      (["route", "--budget", "1e308"], "up to 12 hours"),
      (["route", "--budget", "99999999999999999999h"], "up to 12 hours"),
      (["route", "--budget", "nan"], "--budget"),
      (["route", "--budget=-5"], "--budget"),
      (["route", "--budget", "0"], "--budget"),
      (["route", "--interests", ":"], "names no topic"),
      (["route", "--interests", "robotics:nan"], "weight"),
      (["route", "--interests", "robotics:1e308"], "weight"),
      (["route", "--interests=robotics:-1"], "weight"),
      (["route", "--dwell", "1e308"], "--dwell"),
      (["route", "--dwell", "nan"], "--dwell"),
      (["citywalk", "--budget", "inf", "--interests", "robotics"], "--budget"),
      (["citywalk", "--budget", "1e308", "--interests", "robotics"], "up to 12 hours"),
      (["optw", "/dev/null", "--time-limit", "nan"], "--time-limit"),
      (["optw", "/dev/null", "--decimals", "400"], "--decimals"),
      (["optw", "/dev/null", "--restarts", "9223372036854775807"], "--restarts"),
    ]
    for (arguments, expected) in refusals {
      let result = try CLI.run(arguments + Self.now)
      #expect(result.status != 0, "\(arguments)")
      #expect(result.error.contains(expected), "\(arguments): \(result.error)")
      #expect(result.error.split(separator: "\n").count <= 3, "\(arguments): \(result.error)")
      Self.expectClean(result, arguments.joined(separator: " "))
    }
  }

  @Test("optw files with NaN, infinity, huge counts or too many vertices are refused by line")
  func optwFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-optw-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let depot = "k 1 0 0\n0 0\n0 0 0 0 0 0 0 0 100\n"
    let files: [(String, String, String)] = [
      ("nan", depot + "1 nan 1 1 1 0 1 1 0 10\n", "line 4"),
      ("inf", depot + "1 1 1 inf 1 0 1 1 0 10\n", "line 4"),
      ("count", depot + "1 1 1 1 1 0 9223372036854775807 1 0 10\n", "line 4"),
      ("bigcount", depot + "1 1 1 1 1 0 99999999999999999999 1 0 10\n", "line 4"),
      ("vertex", depot + "9223372036854775807 1 1 1 1 0 1 1 0 10\n", "line 4"),
      (
        "huge",
        "k 30000 0 0\n0 0\n"
          + (0..<30_000).map { "\($0) 1 1 1 1 0 1 1 0 1000" }.joined(separator: "\n"),
        "30000 vertices"
      ),
    ]
    for (name, text, expected) in files {
      let file = directory.appendingPathComponent(name + ".txt")
      try text.write(to: file, atomically: true, encoding: .utf8)
      let result = try CLI.run(["optw", file.path, "--time-limit", "1000"])
      #expect(result.status != 0, "\(name)")
      #expect(result.error.contains(expected), "\(name): \(result.error)")
      Self.expectClean(result, name)
    }
    let notAFile = try CLI.run(["optw", directory.path])
    #expect(notAFile.status != 0 && notAFile.error.contains("is a directory, not a file"))
  }

  // MARK: - Terminal injection

  @Test("escape sequences in a pack are shown, never sent, by every command and in JSON")
  func packInjection() throws {
    let pack = try Self.poisoned()
    defer { try? FileManager.default.removeItem(at: pack) }
    let base = ["--pack", pack.path] + Self.now
    let runs: [[String]] = [
      ["ask", "where is unitree"], ["ask", "where is unitree", "--format", "json"],
      ["ask", "where is unitree", "--format", "jsonl"],
      ["ask", "what's on now", "--at", "eh-1f-north"],
      ["ask", "who is Geoffrey Hinton"], ["exhibitors"], ["exhibitors", "--format", "json"],
      ["exhibitors", "--search", "unitree"], ["schedule"], ["schedule", "--format", "json"],
      ["route", "--interests", "robotics", "--budget", "2h"],
      ["route", "--interests", "robotics", "--format", "json"],
      ["route", "--interests", "robotics", "--format", "ics"], ["here", "WAIC:ZONE:H3-A"],
      ["here", "H3-A", "--format", "json"], ["info"], ["directions", "eh-1f-north", "H3-A01"],
      ["validate"], ["validate", "--format", "json"],
    ]
    for arguments in runs {
      let result = try CLI.run(arguments + base)
      #expect(result.status == 0, "\(arguments): \(result.error)")
      Self.expectClean(result, arguments.joined(separator: " "))
    }
    // The payload is shown, not lost: its printable part and a visible stand-in for ESC.
    let shown = try CLI.run(["exhibitors", "--search", "unitree"] + base)
    #expect(shown.output.contains("␛]52;c;SGVsbG8="))
    let json = try CLI.run(["ask", "where is unitree", "--format", "json"] + base)
    #expect(json.output.contains("\\u009b31m") && json.output.contains("\\u202eevil"))
  }

  @Test("error messages that quote what was typed never echo its control characters")
  func argumentInjection() throws {
    let evil = Self.payload
    let runs: [[String]] = [
      ["ask", "x", "--at", evil], ["ask", "x", "--now", evil], ["route", "--budget", evil],
      ["route", "--interests", evil], ["route", "--must", evil], ["schedule", "--speaker", evil],
      ["schedule", "--day", evil], ["here", evil], ["directions", evil, "H3-A01"],
      ["exhibitors", "--lang", evil], ["exhibitors", "--format", evil],
      ["ask", "x", "--lang", evil],
      ["citywalk", evil], ["validate", evil], ["--pack", evil, "info"], [evil],
    ]
    for arguments in runs {
      let result = try CLI.run(arguments)
      #expect(result.status != 0, "\(arguments)")
      #expect(!(result.error + result.output).isEmpty, "\(arguments)")
      Self.expectClean(result, arguments.joined(separator: " "))
    }
  }

  // MARK: - Packs that must not validate

  /// The first floor's plan rectangle in the WAIC pack.
  static func floor0Bounds() throws -> [String: Any] {
    let venues = try JSONSerialization.jsonObject(
      with: Data(contentsOf: CLI.repository.appendingPathComponent("Data/waic2025/venues.json")))
    let floors = (venues as? [String: Any])?["floors"] as? [[String: Any]]
    return floors?.first?["bounds"] as? [String: Any] ?? [:]
  }

  @Test("a pack with absurd magnitudes is refused by validate and by every command")
  func absurdPack() throws {
    /// Sets `key` of record `index` in the array `array` of the object in `file`.
    func set(_ file: String, _ array: String, _ index: Int, _ key: String, _ value: Any)
      -> (inout [String: Any]) -> Void
    {
      { files in
        var object = files[file] as? [String: Any] ?? [:]
        var records = object[array] as? [[String: Any]] ?? []
        records[index][key] = value
        object[array] = records
        files[file] = object
      }
    }
    let floorBounds = (try? Self.floor0Bounds()) ?? [:]
    let edits: [(String, (inout [String: Any]) -> Void, String)] = [
      (
        "edge length", set("walkways.json", "edges", 3, "length", 1e300),
        "walkways.json $.edges[3].length"
      ),
      (
        "edge minutes", set("walkways.json", "edges", 0, "minutes", 1e200),
        "walkways.json $.edges[0].minutes"
      ),
      (
        "floor level", set("venues.json", "floors", 0, "level", Int.max),
        "venues.json $.floors[0].level"
      ),
      (
        "floor size",
        set("venues.json", "floors", 0, "bounds", floorBounds.merging(["w": 1e300]) { $1 }),
        "venues.json $.floors[0].bounds"
      ),
      (
        "case-only ids",
        { files in
          var exhibitors = files["exhibitors.json"] as? [[String: Any]] ?? []
          exhibitors[1]["id"] = (exhibitors[0]["id"] as? String ?? "").uppercased()
          files["exhibitors.json"] = exhibitors
        }, "differs only in case"
      ),
    ]
    for (name, edit, expected) in edits {
      let pack = try Self.pack(edit)
      defer { try? FileManager.default.removeItem(at: pack) }
      let validate = try CLI.run(["validate", pack.path])
      #expect(validate.status == 1, "\(name)")
      #expect(validate.output.contains(expected), "\(name): \(validate.output.prefix(400))")
      for arguments in [
        ["directions", "eh-1f-north", "H3-A01"], ["here", "H3-A"],
        ["ask", "where is unitree", "--at", "eh-1f-north"],
      ] {
        let result = try CLI.run(arguments + ["--pack", pack.path])
        #expect(result.status != 0, "\(name): \(arguments)")
        #expect(
          result.error.contains(expected), "\(name): \(arguments): \(result.error.prefix(300))")
      }
    }
  }

  @Test("a directory, a FIFO, bad UTF-8, a cut-short file, a huge number: located, in words")
  func unreadableFiles() throws {
    let directory = try Self.pack { _ in }
    defer { try? FileManager.default.removeItem(at: directory) }
    func replace(_ name: String, with contents: Data) throws {
      let url = directory.appendingPathComponent(name)
      try? FileManager.default.removeItem(at: url)
      try contents.write(to: url)
    }
    func validate() throws -> String { try CLI.run(["validate", directory.path]).output }

    let exhibitors = directory.appendingPathComponent("exhibitors.json")
    let original = try Data(contentsOf: exhibitors)
    try FileManager.default.removeItem(at: exhibitors)
    try FileManager.default.createDirectory(at: exhibitors, withIntermediateDirectories: false)
    #expect(try validate().contains("exhibitors.json: error: is a directory, not a file"))
    try FileManager.default.removeItem(at: exhibitors)
    try original.write(to: exhibitors)

    let info = directory.appendingPathComponent("info.json")
    try FileManager.default.removeItem(at: info)
    #expect(mkfifo(info.path, 0o600) == 0)
    #expect(try validate().contains("info.json: error: is not a regular file"))
    try FileManager.default.removeItem(at: info)

    try replace(
      "topics.json", with: Data("[\n  {\"id\": \"a".utf8) + Data([0xFF]) + Data("\"}]".utf8))
    #expect(try validate().contains("topics.json:2:12: error: is not UTF-8 text"))
    try replace("topics.json", with: Data("[\n  {\"id\": \"a\",\n".utf8))
    #expect(try validate().contains("topics.json:3:1: error: is not valid JSON: it ends before"))
    try replace(
      "topics.json",
      with: try Data(contentsOf: CLI.repository.appendingPathComponent("Data/waic2025/topics.json"))
    )
    let venues = directory.appendingPathComponent("venues.json")
    let text = try String(contentsOf: venues, encoding: .utf8)
    let range = try #require(text.range(of: "\"level\": 1"))
    try replace(
      "venues.json",
      with: Data(
        text.replacingCharacters(in: range, with: "\"level\": 99999999999999999999999").utf8))
    let huge = try validate()
    #expect(huge.contains("venues.json $.floors["))
    #expect(huge.contains("the number 99999999999999999999999 is too large"))
    #expect(!huge.contains("numberIsNotRepresentable"))
  }

  @Test("a broken lexicon fails validate with file and path; ask says the same")
  func brokenLexicon() throws {
    let pack = try Self.pack { _ in }
    defer { try? FileManager.default.removeItem(at: pack) }
    let file = pack.appendingPathComponent("lexicon/en.json")
    var lexicon =
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
    lexicon["cues"] = 5
    try JSONSerialization.data(withJSONObject: lexicon).write(to: file)
    let validate = try CLI.run(["validate", pack.path])
    #expect(validate.status == 1)
    #expect(validate.output.contains("lexicon/en.json $.cues: error: expected an object"))
    let ask = try CLI.run(["ask", "where is unitree", "--pack", pack.path])
    #expect(ask.status != 0 && ask.error.contains("lexicon/en.json $.cues"))
    #expect(!ask.error.contains("DecodingError"))
  }

  // MARK: - Resources

  @Test("kiosk configuration: /dev/zero, a directory and a huge file end with a message")
  func kioskConfigurationFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-conf-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let big = directory.appendingPathComponent("big.conf")
    try Data(repeating: 0x23, count: 1 << 20).write(to: big)
    for (path, expected) in [
      ("/dev/zero", "larger than 64 KB"), (directory.path, "is a directory"),
      (big.path, "larger than 64 KB"),
    ] {
      let result = try CLI.run(
        ["--kiosk", "--config", path], environment: ["HIWAIC_ADMIN_PIN": "97531864"])
      #expect(result.status == 2, "\(path)")
      #expect(result.error.contains(expected), "\(path): \(result.error)")
    }
  }

  @Test("thousands of exhibitors sharing one name: one answer that says so, in linear time")
  func sharedNames() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-samename-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: directory) }
    let generated = try CLI.run(["gen-pack", "--scale", "3", directory.path])
    #expect(generated.status == 0)
    let file = directory.appendingPathComponent("exhibitors.json")
    var exhibitors =
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]] ?? []
    for index in exhibitors.indices {
      exhibitors[index]["name"] = ["en": "Acme Robotics", "zh": "阿克米机器人"]
    }
    try JSONSerialization.data(withJSONObject: exhibitors).write(to: file)
    let result = try CLI.run(["ask", "where is acme robotics", "--pack", directory.path])
    #expect(result.status == 0)
    #expect(result.output.contains("\(exhibitors.count) records share that name"))
    // Equal names are told apart by booth.
    let booth = try #require(exhibitors.first?["booth"] as? String)
    #expect(
      result.output.contains("Acme Robotics (booth ~\(booth))"), "\(result.output.prefix(300))")
    #expect(result.output.split(separator: "\n").allSatisfy { $0.count < 2_000 })
  }
}
