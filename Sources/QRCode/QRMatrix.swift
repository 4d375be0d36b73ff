import CQRencode
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A QR Code symbol encoded by libqrencode: a square of dark and light modules, without its quiet
/// zone.
public struct QRMatrix: Hashable, Sendable {
  /// How much of the symbol may be damaged and still read; more correction, bigger symbol.
  public enum Correction: Sendable, CaseIterable {
    case low, medium, quartile, high

    var level: QRecLevel {
      switch self {
      case .low: QR_ECLEVEL_L
      case .medium: QR_ECLEVEL_M
      case .quartile: QR_ECLEVEL_Q
      case .high: QR_ECLEVEL_H
      }
    }
  }

  /// The symbol's version, 1 (21×21) to 40 (177×177).
  public let version: Int
  /// Modules per side.
  public let size: Int
  private let dark: [Bool]

  /// Encodes text (UTF-8, mixed numeric/alphanumeric/byte modes chosen by libqrencode) in the
  /// smallest version that holds it.
  public init(encoding text: String, correction: Correction = .medium) throws(QREncodingError) {
    let bytes = text.utf8.count
    guard !text.isEmpty else { throw .empty }
    guard !text.utf8.contains(0) else { throw .containsNUL }
    errno = 0
    guard
      let symbol = QRcode_encodeString(text, 0, correction.level, QR_MODE_8, 1)
    else {
      throw errno == ERANGE ? .tooLong(bytes: bytes) : .failed(errno: Int(errno))
    }
    defer { QRcode_free(symbol) }
    let width = Int(symbol.pointee.width)
    version = Int(symbol.pointee.version)
    size = width
    // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
    let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
    dark = data.map { $0 & 1 == 1 }
  }

  /// Whether the module at (x, y) is dark; everything outside the symbol is light (quiet zone).
  public subscript(x x: Int, y y: Int) -> Bool {
    guard x >= 0, y >= 0, x < size, y < size else { return false }
    return dark[y * size + x]
  }

  /// Cells that `halfBlockLines` fills: one column per module, one row per two modules.
  public func cellSize(quietZone: Int = QRMatrix.terminalQuietZone) -> (width: Int, height: Int) {
    let side = size + 2 * quietZone
    return (side, (side + 1) / 2)
  }

  /// Modules of quiet zone around the symbol on screen: the standard asks for 4; 2 is what phone
  /// scanners need in practice, and saves rows on a small screen.
  public static let terminalQuietZone = 2

  /// The symbol as text, two module rows per line with half blocks. The *light* modules and the
  /// quiet zone are the drawn blocks and the dark modules are blank, so that on a light-on-dark
  /// terminal (the Linux console, most kiosks) the symbol reads as dark on light, as scanners
  /// expect. Draw it light on dark, explicitly where the terminal has colours.
  public func halfBlockLines(quietZone: Int = QRMatrix.terminalQuietZone) -> [String] {
    let side = size + 2 * quietZone
    var lines: [String] = []
    lines.reserveCapacity((side + 1) / 2)
    for row in stride(from: 0, to: side, by: 2) {
      var line = ""
      line.reserveCapacity(side * 3)
      for column in 0..<side {
        let x = column - quietZone
        let top = !self[x: x, y: row - quietZone]
        // Below an odd last row there is the terminal's background: dark, like a dark module.
        let bottom = row + 1 < side && !self[x: x, y: row + 1 - quietZone]
        line.append(QRMatrix.halfBlock(top: top, bottom: bottom))
      }
      lines.append(line)
    }
    return lines
  }

  static func halfBlock(top: Bool, bottom: Bool) -> Character {
    switch (top, bottom) {
    case (true, true): "█"
    case (true, false): "▀"
    case (false, true): "▄"
    case (false, false): " "
    }
  }

  /// Reads light/dark pixels back from half-block text (the inverse of `halfBlockLines`,
  /// quiet zone included): row-major, `true` for light. For tests and tools that hand a screen to
  /// a decoder.
  public static func pixels(ofHalfBlocks lines: [String]) -> (
    width: Int, height: Int, light: [Bool]
  ) {
    let width = lines.map(\.count).max() ?? 0
    var light: [Bool] = []
    light.reserveCapacity(width * lines.count * 2)
    for line in lines {
      let characters = Array(line) + Array(repeating: " ", count: width - line.count)
      light += characters.map { $0 == "█" || $0 == "▀" }
      light += characters.map { $0 == "█" || $0 == "▄" }
    }
    return (width, lines.count * 2, light)
  }

  /// A plain PBM image (black = dark) of light/dark pixels, each scaled to `scale`×`scale`:
  /// the simplest format a decoder such as `zbarimg` reads.
  public static func pbm(width: Int, height: Int, light: [Bool], scale: Int = 4) -> String {
    var out = "P1\n\(width * scale) \(height * scale)\n"
    for y in 0..<height {
      var row = ""
      for x in 0..<width {
        let bit = light[y * width + x] ? "0 " : "1 "
        for _ in 0..<scale { row += bit }
      }
      row += "\n"
      for _ in 0..<scale { out += row }
    }
    return out
  }

  /// The symbol as an SVG document for printing: one path, `moduleSize` units per module, with
  /// the standard 4-module quiet zone, and an optional caption under it.
  public func svg(moduleSize: Int = 10, quietZone: Int = 4, caption: String? = nil) -> String {
    let side = (size + 2 * quietZone) * moduleSize
    let captionHeight = caption == nil ? 0 : moduleSize * 4
    var path = ""
    for y in 0..<size {
      var x = 0
      while x < size {
        guard self[x: x, y: y] else {
          x += 1
          continue
        }
        let start = x
        while x < size && self[x: x, y: y] { x += 1 }
        path +=
          "M\((start + quietZone) * moduleSize) \((y + quietZone) * moduleSize)h\((x - start) * moduleSize)v\(moduleSize)h-\((x - start) * moduleSize)z"
      }
    }
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(side)" height="\(side + captionHeight)" \
      viewBox="0 0 \(side) \(side + captionHeight)" shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff"/>
      <path fill="#000" d="\(path)"/>

      """
    if let caption {
      let escaped = caption.replacingOccurrences(of: "&", with: "&amp;")
        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      svg +=
        "<text x=\"\(side / 2)\" y=\"\(side + captionHeight / 2)\" font-family=\"sans-serif\" font-size=\"\(moduleSize * 2)\" text-anchor=\"middle\">\(escaped)</text>\n"
    }
    return svg + "</svg>\n"
  }
}

/// Why text could not become a QR Code.
public enum QREncodingError: Error, Equatable, CustomStringConvertible {
  case empty
  case containsNUL
  /// More than the largest symbol (version 40) holds at the chosen correction level.
  case tooLong(bytes: Int)
  case failed(errno: Int)

  public var description: String {
    switch self {
    case .empty: "nothing to encode"
    case .containsNUL: "the text contains a NUL character"
    case .tooLong(let bytes): "\(bytes) bytes is more than a QR Code holds"
    case .failed(let code): "libqrencode failed (errno \(code))"
    }
  }
}
