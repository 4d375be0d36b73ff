/// Conversions from floating-point values that people and files supply, which never trap:
/// Swift's `Int(Double)` stops the process on NaN, infinity or anything beyond `Int`'s range.
extension Int {
  /// The whole part of `value`, or nil when it is not finite or does not fit in ±2^53 (where
  /// every whole number is still exact and later arithmetic has room).
  public init?(checked value: Double) {
    guard value.isFinite, abs(value) <= Double.saturationLimit else { return nil }
    self.init(value.rounded(.towardZero))
  }
}

extension Double {
  /// ±2^53: the largest magnitude a conversion to `Int` is allowed to produce.
  public static let saturationLimit = 9_007_199_254_740_992.0

  /// Rounded to the nearest whole number for display, saturating at ±2^53 and reading NaN as 0,
  /// so that a value a validator missed shows as a large number instead of stopping the process.
  public var roundedInt: Int {
    guard isFinite else { return isNaN ? 0 : (self > 0 ? 1 << 53 : -(1 << 53)) }
    return Int(Swift.min(Swift.max(rounded(), -Self.saturationLimit), Self.saturationLimit))
  }

  /// Rounded down to a whole number, saturating like `roundedInt`.
  public var flooredInt: Int { rounded(.down).roundedInt }

  /// Truncated toward zero, saturating like `roundedInt`.
  public var truncatedInt: Int { rounded(.towardZero).roundedInt }
}

/// How much a personal plan may ask for: a visit of up to 12 hours, 1 to 240 minutes at a stop.
/// Requests beyond are answered ("I can plan up to 12 hours"), never passed on.
public enum VisitLimits {
  /// A time budget in minutes.
  public static let budgetMinutes: ClosedRange<Double> = 1...(12 * 60)
  /// Minutes at one booth.
  public static let dwellMinutes: ClosedRange<Double> = 1...240
}
