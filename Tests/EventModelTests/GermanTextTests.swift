import Foundation
import Testing

/// German visitors read German: every text of the WAIC pack that has English and Chinese has
/// German too, but for names, which stay as their owners write them.
@Suite("The WAIC 2025 pack in German")
struct GermanTextTests {
  /// Fields that hold names (of companies, people, organisers, official titles) rather than
  /// text to translate.
  static let names: Set<String> = [
    "exhibitors.json $[].name", "speakers.json $[].name", "sessions.json $[].organisers[]",
    "sessions.json $[].title",
  ]

  @Test("every English and Chinese text has German, names aside")
  func everyTextHasGerman() throws {
    var missing: [String] = []
    let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.waic.path)
      .filter { $0.hasSuffix(".json") }
    for file in files {
      let data = try Data(contentsOf: Fixtures.waic.appendingPathComponent(file))
      let json = try JSONSerialization.jsonObject(with: data)
      // `shape` is the path with the array positions left out, to match `names`.
      func walk(_ value: Any, shape: String, path: String) {
        if let object = value as? [String: Any] {
          if object["en"] is String, object["zh"] is String, object["de"] == nil,
            !Self.names.contains(file + " " + shape)
          {
            missing.append("\(file) \(path)")
          }
          for (key, child) in object {
            walk(child, shape: shape + "." + key, path: path + "." + key)
          }
        } else if let array = value as? [Any] {
          for (index, child) in array.enumerated() {
            walk(child, shape: shape + "[]", path: path + "[\(index)]")
          }
        }
      }
      walk(json, shape: "$", path: "$")
    }
    #expect(missing.isEmpty, "\(missing.sorted().prefix(20))")
    #expect(files.count >= 10)
  }
}
