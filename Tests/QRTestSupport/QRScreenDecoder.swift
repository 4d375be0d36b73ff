import Foundation
import QRCode

/// Decodes a QR code drawn in half blocks on a screen with a real decoder, `zbarimg` (Debian's
/// zbar-tools): the screen's cells become a PBM image, as a phone's camera would see them.
public enum QRScreenDecoder {
  /// Why a screen's code could not be read: zbarimg missing, or no code found.
  public struct DecodeError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The lines of the first QR code on a screen: the first row with a long run of full blocks
  /// (the top quiet zone) and the rows below it over the same columns, as many as a square code
  /// needs.
  public static func code(inScreen lines: [String]) -> [String]? {
    let rows = lines.map { Array($0) }
    for (y, row) in rows.enumerated() {
      var x = 0
      while x < row.count {
        guard row[x] == "█" else {
          x += 1
          continue
        }
        var end = x
        while end < row.count && row[end] == "█" { end += 1 }
        let side = end - x
        let height = (side + 1) / 2
        if side >= 25, y + height <= rows.count {
          return (y..<y + height).map { line in
            let cells = rows[line]
            return String(cells[min(x, cells.count)..<min(end, cells.count)])
          }
        }
        x = end
      }
    }
    return nil
  }

  /// The text of a code given as half-block lines, read by zbarimg.
  public static func decode(halfBlocks lines: [String]) throws -> String {
    let (width, height, light) = QRMatrix.pixels(ofHalfBlocks: lines)
    let image = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-qr-\(UUID().uuidString.prefix(8)).pbm")
    let output = image.appendingPathExtension("txt")
    defer {
      try? FileManager.default.removeItem(at: image)
      try? FileManager.default.removeItem(at: output)
    }
    try QRMatrix.pbm(width: width, height: height, light: light, scale: 4).write(
      to: image, atomically: true, encoding: .ascii)
    // -Sbinary: the bytes as encoded (zbar would otherwise guess a character set).
    let status = system(
      "zbarimg --quiet --raw -Sbinary '\(image.path)' >'\(output.path)' 2>/dev/null </dev/null")
    guard status == 0 else {
      throw DecodeError(
        description: status == 127 << 8
          ? "zbarimg is missing: install zbar-tools (make deps does)"
          : "zbarimg found no code (status \(status))")
    }
    // With -Sbinary zbarimg writes the bytes alone, without a newline of its own.
    return String(decoding: try Data(contentsOf: output), as: UTF8.self)
  }
}
