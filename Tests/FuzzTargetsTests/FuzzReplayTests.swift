import Foundation
import FuzzTargets
import Testing

/// Every seed of every fuzz target, and every input that once made one crash, run through the
/// same code the fuzzer runs: a crash found once stays fixed.
@Suite("Fuzz inputs replayed")
struct FuzzReplayTests {
  static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

  static func inputs(_ target: String) -> [URL] {
    ["Seeds", "Regressions"].flatMap { folder -> [URL] in
      let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
      return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }
  }

  @Test("every target has seeds", arguments: FuzzTargets.all.keys.sorted())
  func seeds(target: String) {
    #expect(Self.inputs(target).count >= 3, "Fuzz/Seeds/\(target) needs a seed corpus")
  }

  @Test("seeds and regressions run to the end", arguments: FuzzTargets.all.keys.sorted())
  func replay(target: String) throws {
    let run = try #require(FuzzTargets.all[target])
    for input in Self.inputs(target) {
      run(try Data(contentsOf: input))
    }
  }
}
