import Foundation
import Testing

@testable import Assistant

@Suite("Durations as people write them")
struct DurationTextTests {
  @Test("property: every h/m spelling of a duration reads back as its minutes")
  func roundTrip() {
    var random = SystemRandomNumberGenerator()
    for _ in 0..<500 {
      let hours = Int.random(in: 0...30, using: &random)
      let minutes = Int.random(in: 0...59, using: &random)
      guard hours + minutes > 0 else { continue }
      let total = Double(hours * 60 + minutes)
      let spellings = [
        "\(hours)h\(minutes)m", "\(hours) hours \(minutes) min", "\(hours)H \(minutes)MIN",
        "\(hours * 60 + minutes)", "\(hours * 60 + minutes)m",
      ]
      for spelling in spellings {
        #expect(DurationText.minutes(spelling) == total, "\(spelling)")
      }
    }
  }

  @Test("property: any text gives nil or a finite, non-negative number of minutes")
  func neverAbsurd() {
    var random = SystemRandomNumberGenerator()
    let alphabet = Array("0123456789.hHmMinutesr e-+∞nafINF")
    for _ in 0..<2_000 {
      let text = String(
        (0..<Int.random(in: 0...24, using: &random)).map { _ in
          alphabet.randomElement(using: &random) ?? "0"
        })
      if let minutes = DurationText.minutes(text) {
        #expect(minutes.isFinite && minutes >= 0, "\(text) → \(minutes)")
      }
    }
    for text in ["inf", "nan", "-5", "1e999", "infinity", "-inf", "99999999999999999999h"] {
      let minutes = DurationText.minutes(text)
      #expect(minutes == nil || minutes?.isFinite == true, "\(text)")
    }
  }
}
