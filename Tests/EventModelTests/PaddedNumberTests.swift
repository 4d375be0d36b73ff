import Testing

@testable import EventModel

/// Dates and clock times are written as bytes; the digits must be those `padded` gives.
@Suite("Padded numbers as bytes")
struct PaddedNumberTests {
  @Test("sign, zeros and digits as in the text version, for any number and width")
  func sameAsText() {
    var random = SplitMix64(seed: 3)
    var numbers = [0, 7, -7, 9, 10, 59, 2025, -2025, 99_999, Int.max, Int.min, Int.min + 1]
    for _ in 0..<1_000 {
      numbers.append(Int(truncatingIfNeeded: random.next()) >> Int(random.next() % 64))
    }
    for number in numbers {
      for width in [0, 1, 2, 4, 25] {
        var bytes: [UInt8] = []
        EventTime.appendPadded(number, width, to: &bytes)
        #expect(
          String(decoding: bytes, as: UTF8.self) == EventTime.padded(number, width),
          "\(number) to \(width)")
      }
    }
    #expect(EventTime.clockText(9 * 60 + 5) == "09:05")
    #expect(EventTime.clockText(23 * 60 + 59) == "23:59")
  }
}
