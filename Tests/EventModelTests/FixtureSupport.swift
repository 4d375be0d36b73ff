import EventModel
import Foundation

/// Paths to the test fixtures and the real pack, and helpers to build broken packs from them.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let mini = directory.appendingPathComponent("mini")
  static let broken = directory.appendingPathComponent("broken")
  static let waic = directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Data/waic2025")

  /// Names of the broken fixtures, one per kind of problem (plus `many`).
  static var brokenNames: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: broken.path)) ?? []).sorted()
  }

  /// A fresh temporary directory, removed by the caller.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A copy of the mini pack in a temporary directory.
  static func copyOfMini() throws -> URL {
    let target = try temporaryDirectory().appendingPathComponent("pack")
    try FileManager.default.copyItem(at: mini, to: target)
    return target
  }

  /// A copy of the mini pack with `key` of the first record of `file` (a JSON array) set to
  /// `value`.
  static func copyOfMini(setting key: String, to value: Any, inFirstRecordOf file: String)
    throws -> URL
  {
    let pack = try copyOfMini()
    let url = pack.appendingPathComponent(file)
    guard
      var records = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        as? [[String: Any]], !records.isEmpty
    else { throw CocoaError(.fileReadCorruptFile) }
    records[0][key] = value
    try JSONSerialization.data(withJSONObject: records).write(to: url)
    return pack
  }

  /// The first error a copied pack is checked to have, after which the copy is removed; nil when
  /// the pack loads.
  static func firstError(removing pack: URL) -> PackIssue? {
    defer { try? FileManager.default.removeItem(at: pack.deletingLastPathComponent()) }
    let check = PackLoader.check(directory: pack)
    return check.catalog == nil ? check.errors.first : nil
  }

  /// The mini pack with a broken fixture's files laid over it (and its REMOVE list applied).
  static func brokenPack(_ name: String) throws -> URL {
    let target = try copyOfMini()
    let overlay = broken.appendingPathComponent(name)
    for file in try FileManager.default.contentsOfDirectory(atPath: overlay.path) {
      let source = overlay.appendingPathComponent(file)
      if file == "expect.json" { continue }
      if file == "REMOVE" {
        let names = try String(contentsOf: source, encoding: .utf8).split(separator: "\n")
        for name in names {
          try FileManager.default.removeItem(at: target.appendingPathComponent(String(name)))
        }
        continue
      }
      let destination = target.appendingPathComponent(file)
      try? FileManager.default.removeItem(at: destination)
      try FileManager.default.copyItem(at: source, to: destination)
    }
    return target
  }

  /// What a broken fixture must produce.
  struct Expectation: Decodable {
    var kind: String
    var file: String
    var path: String?
    var severity: String
    var line: Int?
    var messageContains: String?

    func matches(_ issue: PackIssue) -> Bool {
      issue.kind.rawValue == kind && issue.file == file && issue.severity.rawValue == severity
        && (path == nil || issue.path == path) && (line == nil || issue.line == line)
        && (messageContains == nil || issue.message.contains(messageContains!))
    }
  }

  struct ExpectationFile: Decodable {
    var all: [Expectation]?
    var kind: String?

    static func load(_ name: String) throws -> [Expectation] {
      let url = broken.appendingPathComponent(name).appendingPathComponent("expect.json")
      let data = try Data(contentsOf: url)
      let file = try JSONDecoder().decode(ExpectationFile.self, from: data)
      if let all = file.all { return all }
      return [try JSONDecoder().decode(Expectation.self, from: data)]
    }
  }

  static func remove(_ url: URL) {
    try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
  }
}
