import Foundation
import QRTestSupport
import Testing

@testable import QRCode

@Suite("QR codes")
struct QRMatrixTests {
  @Test("half blocks decode to the same text with zbarimg, Latin and Chinese")
  func halfBlocksDecode() throws {
    for text in [
      "WAIC:ZONE:H1-A",
      "WAIC 2025 · My plan\n10:05 Unitree Robotics · ~H3-A01\n11:15 Main Forum · Red Hall",
      "宇树科技在哪里？ H3馆 2层 · 步行约4分钟",
    ] {
      let matrix = try QRMatrix(encoding: text)
      let decoded = try QRScreenDecoder.decode(halfBlocks: matrix.halfBlockLines())
      #expect(decoded == text)
    }
  }

  @Test("the symbol grows with the text and the cell size follows it")
  func sizes() throws {
    let small = try QRMatrix(encoding: "WAIC:ZONE:H1-A", correction: .high)
    let large = try QRMatrix(encoding: String(repeating: "Unitree ", count: 60))
    #expect(small.size == 17 + 4 * small.version)
    #expect(large.version > small.version)
    let lines = large.halfBlockLines()
    #expect(lines.count == large.cellSize().height)
    #expect(lines.allSatisfy { $0.count == large.cellSize().width })
    // The quiet zone is drawn: the first and last columns are light all the way down.
    #expect(lines.allSatisfy { $0.first == "█" || $0.first == "▀" })
  }

  @Test("what cannot be a code says why")
  func failures() {
    #expect(throws: QREncodingError.empty) { try QRMatrix(encoding: "") }
    #expect(throws: QREncodingError.containsNUL) { try QRMatrix(encoding: "a\u{0}b") }
    #expect(throws: QREncodingError.tooLong(bytes: 4000)) {
      try QRMatrix(encoding: String(repeating: "x", count: 4000), correction: .high)
    }
  }

  @Test("the SVG's path draws exactly the dark modules")
  func svgMatchesModules() throws {
    let matrix = try QRMatrix(encoding: "WAIC:ROOM:RED-HALL", correction: .high)
    let svg = matrix.svg(moduleSize: 10, quietZone: 4, caption: "Red Hall <2F> & more")
    #expect(svg.contains("Red Hall &lt;2F&gt; &amp; more"))
    let path = try #require(
      svg.split(separator: "d=\"").dropFirst().first?.split(separator: "\"").first)
    var dark = Set<[Int]>()
    // Each run is "M<x> <y>h<w>v10h-<w>z" in units of 10 per module, offset by the quiet zone.
    for run in path.split(separator: "M").filter({ !$0.isEmpty }) {
      let numbers = run.split(whereSeparator: { !"0123456789".contains($0) }).compactMap { Int($0) }
      let (x, y, width) = (numbers[0] / 10 - 4, numbers[1] / 10 - 4, numbers[2] / 10)
      for column in x..<x + width { dark.insert([column, y]) }
    }
    for y in 0..<matrix.size {
      for x in 0..<matrix.size {
        #expect(dark.contains([x, y]) == matrix[x: x, y: y], "module \(x),\(y)")
      }
    }
  }
}
