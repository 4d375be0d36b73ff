import Foundation
import Testing

@testable import EventModel

/// What reading one array of records gave: malformed JSON, a failure of the whole document, or
/// each record's value or located message.
private enum Outcome<Record: Equatable>: Equatable {
  case malformed
  case document(path: String, message: String)
  case records([RecordOutcome<Record>])
}

private enum RecordOutcome<Record: Equatable>: Equatable {
  case read(Record)
  case failed(path: String, message: String)
}

private let zone = TimeZone(secondsFromGMT: 8 * 3600)!

/// The records of `data` as Foundation's JSONDecoder reads them, leniently as the loader did
/// before it had its own reader.
private func viaJSONDecoder<Record: Decodable & Equatable>(_ data: Data, _: Record.Type)
  -> Outcome<Record>
{
  // Malformed is what JSONSerialization refuses: JSONDecoder checks a string's escapes and
  // characters only when it decodes that string, so it may fail one record for it, or none.
  if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil {
    return .malformed
  }
  do {
    let items = try PackLoader.decoder(zone: zone).decode([Lenient<Record>].self, from: data)
    return .records(
      items.map { item in
        if let value = item.value { return .read(value) }
        let (path, message) = JSONDiagnostics.describe(item.error ?? CancellationError())
        return .failed(path: path, message: message)
      })
  } catch {
    let (path, message) = JSONDiagnostics.describe(error)
    return .document(path: path, message: message)
  }
}

/// The same records through `PackJSONReader`.
private func viaReader<Record: Equatable & Sendable>(
  _ data: Data, _ read: (inout PackJSONReader) throws -> Record
) -> Outcome<Record> {
  var reader = PackJSONReader(data, zone: zone)
  do {
    let (records, failures) = try reader.records(read)
    try reader.finish()
    var outcomes = [RecordOutcome<Record>?](repeating: nil, count: records.count + failures.count)
    for record in records { outcomes[record.index] = .read(record.value) }
    for failure in failures {
      let (path, message) = JSONDiagnostics.describe(failure.error)
      outcomes[failure.index] = .failed(path: path, message: message)
    }
    return .records(outcomes.compactMap { $0 })
  } catch is PackJSONSyntaxError {
    return .malformed
  } catch {
    let (path, message) = JSONDiagnostics.describe(error)
    return .document(path: path, message: message)
  }
}

/// The records of one of the WAIC pack's files (or of one of its arrays), each as compact JSON.
private func recordTexts(_ file: String, array key: String? = nil) throws -> [String] {
  let data = try Data(contentsOf: Fixtures.waic.appendingPathComponent(file))
  let object = try JSONSerialization.jsonObject(with: data)
  let records =
    key.map { (object as? [String: Any])?[$0] as? [Any] ?? [] } ?? object as? [Any] ?? []
  return try records.map {
    let text = try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])
    return String(decoding: text, as: UTF8.self)
  }
}

/// The same outcome with the failures' words left out: what two changes to one record may
/// differ in (which of its two problems is named first).
private func shape<Record>(_ outcome: Outcome<Record>) -> Outcome<Record> {
  switch outcome {
  case .malformed: .malformed
  case .document: .document(path: "", message: "")
  case .records(let records):
    .records(
      records.map {
        if case .read = $0 { return $0 }
        return .failed(path: "", message: "")
      })
  }
}

/// A change to one record's JSON that a pack's author or a broken editor might make, and
/// whether it repeats a key.
private func mutate(_ text: String, random: inout SplitMix64) -> (text: String, repeatsKey: Bool) {
  var bytes = Array(text.utf8)
  let position = Int(random.next() % UInt64(max(bytes.count, 1)))
  let replacements = [
    "null", "1", "-2.5e3", "0.1", "true", "\"x\"", "\"\"", "[]", "{}", "[1,\"a\"]", "{\"en\":1}",
    "\"party\"", "\"2025-07-26T09:00:00\"", "\"2025-07-26T09:00:00+08:00\"", "\"\\u00e9\\n\"",
    "[\"a\",null]", "{\"x\":1,\"y\":2,\"w\":3,\"d\":4}", "12345678901234567",
  ]
  switch random.next() % 8 {
  case 0:
    // A value replaced by another of any type, where a value starts after a colon.
    let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
    guard let colon = colons.randomElement(using: &random) else { return (text, false) }
    var end = colon + 1
    var depth = 0
    var inString = false
    while end < bytes.count {
      let byte = bytes[end]
      if inString {
        if byte == UInt8(ascii: "\\") {
          end += 1
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        depth += 1
      } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
        if depth == 0 { break }
        depth -= 1
      } else if byte == UInt8(ascii: ","), depth == 0 {
        break
      }
      end += 1
    }
    let replacement = replacements.randomElement(using: &random) ?? "null"
    bytes.replaceSubrange((colon + 1)..<min(end, bytes.count), with: Array(replacement.utf8))
  case 1:
    // A key dropped: its name renamed so the record lacks it.
    let quotes = bytes.indices.filter {
      bytes[$0] == UInt8(ascii: "\"") && $0 > 0
        && (bytes[$0 - 1] == UInt8(ascii: "{") || bytes[$0 - 1] == UInt8(ascii: ","))
    }
    guard let quote = quotes.randomElement(using: &random) else { return (text, false) }
    bytes.insert(UInt8(ascii: "_"), at: quote + 1)
  case 2:
    // A key repeated in front of the original, with a value of any type: the first counts.
    let braces = bytes.indices.filter {
      bytes[$0] == UInt8(ascii: "{") && $0 + 2 < bytes.count && bytes[$0 + 1] == UInt8(ascii: "\"")
    }
    guard let brace = braces.randomElement(using: &random) else { return (text, false) }
    let keyEnd = bytes[(brace + 2)...].firstIndex(of: UInt8(ascii: "\"")) ?? brace + 2
    let key = Array(bytes[(brace + 1)...keyEnd])
    let replacement = replacements.randomElement(using: &random) ?? "null"
    bytes.insert(contentsOf: key + Array(":\(replacement),".utf8), at: brace + 1)
    return (String(decoding: bytes, as: UTF8.self), true)
  case 3:
    // An unknown key, with any value.
    let braces = bytes.indices.filter { bytes[$0] == UInt8(ascii: "{") }
    guard let brace = braces.randomElement(using: &random) else { return (text, false) }
    let replacement = replacements.randomElement(using: &random) ?? "null"
    bytes.insert(contentsOf: Array("\"extra\":\(replacement),".utf8), at: brace + 1)
    return (String(decoding: bytes, as: UTF8.self), text.contains("\"extra\""))
  case 4:
    // A byte deleted.
    if !bytes.isEmpty { bytes.remove(at: position) }
  case 5:
    // A byte that matters to JSON inserted.
    let inserted = Array("{}[],:\"\\ 0-.eE\ntfn".utf8)
    bytes.insert(inserted[Int(random.next() % UInt64(inserted.count))], at: position)
  case 6:
    // Cut short.
    bytes.removeSubrange(position...)
  default:
    // A string's text with escapes and characters beyond ASCII.
    let quotes = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\"") }
    guard let quote = quotes.randomElement(using: &random) else { return (text, false) }
    let pieces = [
      "\\u00e9", "\\ud83d\\ude00", "\\\"", "\\/", "\\t", "é", "中", "\\u0041", "\\x", "\\ud83d",
    ]
    bytes.insert(
      contentsOf: Array((pieces.randomElement(using: &random) ?? "").utf8), at: quote + 1)
  }
  return (String(decoding: bytes, as: UTF8.self), false)
}

@Suite("The pack reader reads as JSONDecoder does")
struct PackJSONReaderTests {
  /// Every record of a WAIC file, then thousands of seeded changes to them, through both readers.
  private func compare<Record: Decodable & Equatable & Sendable>(
    file: String, array key: String? = nil, _ type: Record.Type, runs: Int, seed: UInt64,
    _ read: @escaping (inout PackJSONReader) throws -> Record
  ) throws {
    let records = try recordTexts(file, array: key)
    try #require(records.count > 5)
    let whole = Data(("[" + records.joined(separator: ",") + "]").utf8)
    let expected = viaJSONDecoder(whole, type)
    guard case .records(let all) = expected else {
      Issue.record("the WAIC file \(file) does not read")
      return
    }
    #expect(all.count == records.count)
    #expect(all.allSatisfy { if case .read = $0 { true } else { false } })
    #expect(viaReader(whole, read) == expected)

    var random = SplitMix64(seed: seed)
    var differences: [String] = []
    var kinds: [String: Int] = [:]
    for _ in 0..<runs {
      let picked = Int(random.next() % UInt64(records.count))
      var mutated = records[picked]
      var repeatsKey = false
      let changes = 1 + Int(random.next() % 2)
      for _ in 0..<changes {
        let change = mutate(mutated, random: &random)
        mutated = change.text
        repeatsKey = repeatsKey || change.repeatsKey
      }
      let neighbours = [
        records[(picked + 1) % records.count], records[(picked + 2) % records.count],
      ]
      let document = Data(("[" + neighbours[0] + "," + mutated + "," + neighbours[1] + "]").utf8)
      let old = viaJSONDecoder(document, type)
      let new = viaReader(document, read)
      if repeatsKey {
        // JSONDecoder keeps the first or the last of a repeated key by the object's size; the
        // reader refuses the record, unless the file is malformed or the key is in a value
        // that no field reads.
        kinds["repeated key", default: 0] += 1
        if case .records(let outcomes) = new, outcomes.count == 3, case .read = outcomes[1],
          case .records(let before) = old, case .failed = before[1]
        {
          differences.append("\(mutated)\n  a repeated key read, though JSONDecoder failed it")
        }
        continue
      }
      if changes == 2 {
        if shape(old) != shape(new), differences.count < 5 {
          differences.append("\(mutated)\n  JSONDecoder: \(old)\n  reader: \(new)")
        }
        continue
      }
      switch old {
      case .malformed: kinds["malformed", default: 0] += 1
      case .document: kinds["document", default: 0] += 1
      case .records(let outcomes):
        let failed = outcomes.contains { if case .failed = $0 { true } else { false } }
        kinds[failed ? "record fails" : "reads", default: 0] += 1
      }
      if old != new, differences.count < 5 {
        differences.append("\(mutated)\n  JSONDecoder: \(old)\n  reader: \(new)")
      }
    }
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    // The changes reach every outcome, so the comparison says something about each.
    #expect((kinds["malformed"] ?? 0) > runs / 20, "\(kinds)")
    #expect((kinds["record fails"] ?? 0) > runs / 20, "\(kinds)")
    #expect((kinds["reads"] ?? 0) > runs / 20, "\(kinds)")
  }

  @Test("exhibitors, with thousands of changes to them")
  func exhibitors() throws {
    try compare(file: "exhibitors.json", Exhibitor.self, runs: 3000, seed: 1) {
      try Exhibitor(reading: &$0)
    }
  }

  @Test("sessions (dates, kinds, organisers)")
  func sessions() throws {
    try compare(file: "sessions.json", Session.self, runs: 3000, seed: 2) {
      try Session(reading: &$0)
    }
  }

  @Test("booths, speakers, walkway nodes and edges")
  func others() throws {
    try compare(file: "booths.json", Booth.self, runs: 1500, seed: 3) { try Booth(reading: &$0) }
    try compare(file: "speakers.json", Speaker.self, runs: 1500, seed: 4) {
      try Speaker(reading: &$0)
    }
    try compare(file: "walkways.json", array: "nodes", WalkwayNode.self, runs: 1500, seed: 5) {
      try WalkwayNode(reading: &$0)
    }
    try compare(file: "walkways.json", array: "edges", WalkwayEdge.self, runs: 1500, seed: 6) {
      try WalkwayEdge(reading: &$0)
    }
  }

  @Test("escapes and characters beyond the basic plane read as written")
  func escapes() throws {
    let json = #"[{"en":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","zh":"中文"}]"#
    var reader = PackJSONReader(Data(json.utf8), zone: zone)
    let read = try reader.records { try LocalizedText(reading: &$0) }
    #expect(read.records.first?.value.en == "café 😀 \"q\" \\ / \u{8}\u{c}\n\r\t")
    #expect(read.records.first?.value.zh == "中文")
  }

  @Test("a key repeated in one object fails its record, named at the key")
  func repeatedKey() throws {
    let json = #"[{"x":1,"y":2,"w":3,"d":4,"x":5},{"x":1,"y":2,"w":3,"d":4}]"#
    var reader = PackJSONReader(Data(json.utf8), zone: zone)
    let read = try reader.records { try PlaneRect(reading: &$0) }
    #expect(read.records.map(\.index) == [1])
    let failure = try #require(read.failures.first)
    let (path, message) = JSONDiagnostics.describe(failure.error)
    #expect(path == "$[0].x")
    #expect(message.contains("more than once"))
  }

  @Test("a number too large for a Double fails its record, not the file")
  func hugeNumber() throws {
    let json = #"[{"x":1e400,"y":0,"w":1,"d":1},{"x":1,"y":2,"w":3,"d":4}]"#
    var reader = PackJSONReader(Data(json.utf8), zone: zone)
    let read = try reader.records { try PlaneRect(reading: &$0) }
    #expect(read.records.map(\.value) == [PlaneRect(x: 1, y: 2, w: 3, d: 4)])
    let failure = try #require(read.failures.first)
    let (path, message) = JSONDiagnostics.describe(failure.error)
    #expect(path == "$[0].x")
    #expect(message.contains("too large"))
  }

  @Test("numbers round as strtod rounds them")
  func numbers() throws {
    let texts = [
      "0", "-0", "1", "0.1", "123456.789", "-2.5e3", "1E-7", "9007199254740993",
      "0.30000000000000004",
      "123456789012345.6", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308",
    ]
    for text in texts {
      var reader = PackJSONReader(Data(text.utf8), zone: zone)
      let value = try reader.double()
      #expect(value.bitPattern == Double(text)?.bitPattern, "\(text)")
    }
  }

  @Test("nesting deeper than JSONDecoder allows is an error, not a crash")
  func deepNesting() throws {
    let json = "[{\"x\":" + String(repeating: "[", count: 100_000) + "]}]"
    var reader = PackJSONReader(Data(json.utf8), zone: zone)
    #expect(throws: PackJSONSyntaxError.self) {
      _ = try reader.records { try PlaneRect(reading: &$0) }
    }
  }

  @Test("a loaded pack with a broken exhibitor names it and keeps the others")
  func lenientInALoadedPack() throws {
    let pack = try Fixtures.copyOfMini()
    defer { Fixtures.remove(pack) }
    let file = pack.appendingPathComponent("exhibitors.json")
    var records =
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]] ?? []
    try #require(records.count >= 2)
    records[1]["aliases"] = "not a list"
    try JSONSerialization.data(withJSONObject: records).write(to: file)
    let check = PackLoader.check(directory: pack)
    let issue = try #require(check.issues.first { $0.kind == .decoding })
    #expect(issue.file == "exhibitors.json")
    #expect(issue.path == "$[1].aliases")
    #expect(issue.message.contains("expected an array"))
  }
}
