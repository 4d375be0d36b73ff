import Foundation

extension Double {
  /// The value with one decimal, exactly as `String(format: "%.1f", value)` writes it (the
  /// binary value rounded, a tie to the even tenth), without Foundation's formatter: answers
  /// print scores and distances many times, and the formatter costs more than the line.
  public var oneDecimal: String {
    // Beyond 2^50 tenths are no longer exact; such values take the formatter's way.
    guard isFinite, abs(self) < 1e14 else { return String(format: "%.1f", self) }
    let magnitude = abs(self)
    let scaled = magnitude * 10
    var tenths = scaled.rounded(.toNearestOrEven)
    // A product rounded onto a tie hides which side the exact value is on: the product's
    // rounding error (exact, by a fused multiply-add) says.
    if abs(scaled - tenths) == 0.5 {
      let error = (-scaled).addingProduct(magnitude, 10)
      if error > 0 {
        tenths = scaled.rounded(.up)
      } else if error < 0 {
        tenths = scaled.rounded(.down)
      }
    }
    let whole = Int(tenths)
    let text = "\(whole / 10).\(whole % 10)"
    return sign == .minus ? "-" + text : text
  }
}
