import Foundation
import Testing

@testable import EventModel

@Suite("Checked numbers and bounded files")
struct CheckedNumbersTests {
  @Test("Int(checked:) is nil for NaN, infinity and values beyond 2^53, whole part otherwise")
  func checked() {
    #expect(Int(checked: 3.9) == 3)
    #expect(Int(checked: -3.9) == -3)
    #expect(Int(checked: 9_007_199_254_740_992) == 9_007_199_254_740_992)
    for value in [Double.nan, .infinity, -.infinity, 1e19, -1e19, 9.3e18, 1e300] {
      #expect(Int(checked: value) == nil, "\(value)")
    }
  }

  @Test("roundedInt saturates instead of trapping, and leaves room for arithmetic")
  func saturating() {
    #expect(2.5.roundedInt == 3)
    #expect((-2.5).roundedInt == -3)
    #expect(Double.nan.roundedInt == 0)
    #expect(Double.infinity.roundedInt == 1 << 53)
    #expect((-Double.infinity).roundedInt == -(1 << 53))
    #expect(1e300.roundedInt == 1 << 53)
    #expect(59.9.flooredInt == 59)
    #expect((-0.5).truncatedInt == 0)
  }

  @Test("oneDecimal writes what String(format: \"%.1f\") writes, ties and signs included")
  func oneDecimal() {
    var values: [Double] = [
      0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.05, 2.675, 10.25, -0.04, -0.05, -2.25, 999.95,
      1e13 + 0.05, 1e14, 1e20, .nan, .infinity, -.infinity, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude,
    ]
    var random = SplitMix64(seed: 7)
    for _ in 0..<20_000 {
      let draw = random.next()
      switch draw % 4 {
      // Twentieths and thousandths: the ties and near-ties scores and distances are made of.
      case 0: values.append(Double(Int(draw >> 8 % 200_000)) / 20)
      case 1: values.append(Double(Int(draw >> 8 % 2_000_000)) / 1000)
      case 2: values.append(-Double(Int(draw >> 8 % 2_000_000)) / 1000)
      default: values.append(Double(bitPattern: draw >> 2 | 0x3F00_0000_0000_0000))
      }
    }
    for value in values {
      #expect(value.oneDecimal == String(format: "%.1f", value), "\(value)")
    }
  }

  @Test("BoundedFile: missing, directory, FIFO, too large, and a pipe where streams are allowed")
  func boundedFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-bounded-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("a.json")
    try Data("12345".utf8).write(to: file)
    #expect(try BoundedFile.read(file.path, limit: 5) == Data("12345".utf8))
    #expect(throws: BoundedFile.Failure.tooLarge(limit: 4)) {
      try BoundedFile.read(file.path, limit: 4)
    }
    #expect(throws: BoundedFile.Failure.missing) {
      try BoundedFile.read(directory.appendingPathComponent("none").path, limit: 10)
    }
    #expect(throws: BoundedFile.Failure.directory) {
      try BoundedFile.read(directory.path, limit: 10)
    }
    let fifo = directory.appendingPathComponent("fifo")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    #expect(throws: BoundedFile.Failure.notRegularFile) {
      try BoundedFile.read(fifo.path, limit: 10)
    }
    #expect(throws: BoundedFile.Failure.tooLarge(limit: 1000)) {
      try BoundedFile.read("/dev/zero", limit: 1000, streams: true)
    }
    #expect(try BoundedFile.read("/dev/null", limit: 10, streams: true).isEmpty)
  }
}
