import Foundation

/// Ids for rows that travel between kiosks: UUID version 7 (RFC 9562), unique without asking
/// anyone, and ordered by the millisecond they were made in, so a server's index on them stays
/// compact.
public enum RowIdentifier {
  /// A new id for a row made at `date`.
  public static func make(at date: Date) -> UUID {
    var generator = SystemRandomNumberGenerator()
    return make(at: date, using: &generator)
  }

  static func make<Generator: RandomNumberGenerator>(
    at date: Date, using generator: inout Generator
  )
    -> UUID
  {
    let seconds = date.timeIntervalSince1970
    let milliseconds: UInt64 =
      seconds.isFinite && seconds > 0 ? UInt64(min(seconds * 1000, Double(1 << 47))) : 0
    let random = generator.next()
    let more = generator.next()
    var bytes = [UInt8](repeating: 0, count: 16)
    for index in 0..<6 {
      bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * index))
    }
    for index in 6..<16 {
      let source = index < 14 ? random >> (8 * (index - 6)) : more >> (8 * (index - 14))
      bytes[index] = UInt8(truncatingIfNeeded: source)
    }
    bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
    bytes[8] = 0x80 | (bytes[8] & 0x3F)  // RFC 9562 variant
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
        bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }
}
