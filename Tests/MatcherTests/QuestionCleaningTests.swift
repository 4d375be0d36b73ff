import EventModel
import Testing

@testable import Matcher

/// `clean` and `hasGermanLetters` read bytes for speed; these hold them to the scalar rules they
/// stand for, on random text made of the characters that matter and their neighbours.
@Suite("Question cleaning on bytes")
struct QuestionCleaningTests {
  /// Scalars around every edge the byte checks draw.
  static let alphabet: [Unicode.Scalar] = [
    0x00, 0x09, 0x0A, 0x1B, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xC4, 0xD6,
    0xDC, 0xDF, 0xE4, 0xF6, 0xFC, 0xE9, 0x061C, 0x200E, 0x2029, 0x202A, 0x202E, 0x202F, 0x2065,
    0x2066, 0x2069, 0x206A, 0x5B87, 0xFFFC, 0xFFFD, 0xFFFE, 0x1F600, 0x20000,
  ].compactMap(Unicode.Scalar.init(_:))

  static func referenceClean(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars.prefix(Unitizer.maximumScalars) {
      let value = scalar.value
      let removed =
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
        || (0x2066...0x2069).contains(value) || value == 0xFFFD
      result.append(removed ? " " : scalar)
    }
    return String(result)
  }

  @Test("the same text as scalar by scalar, and the same German letters", arguments: 0..<20)
  func sameAsScalars(seed: Int) {
    var random = EventModel.SplitMix64(seed: UInt64(seed))
    for _ in 0..<200 {
      let length = Int(random.next() % 12)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length {
        scalars.append(Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))])
      }
      let text = String(scalars)
      #expect(
        Matcher.clean(text) == Self.referenceClean(text), "\(text.unicodeScalars.map(\.value))")
      #expect(
        Matcher.hasGermanLetters(text)
          == text.unicodeScalars.contains { "äöüßÄÖÜ".unicodeScalars.contains($0) })
    }
  }

  @Test("long text is cut at the limit either way")
  func longText() {
    let text = String(repeating: "a", count: Unitizer.maximumScalars + 5)
    #expect(Matcher.clean(text) == Self.referenceClean(text))
    #expect(Matcher.clean(text).unicodeScalars.count == Unitizer.maximumScalars)
  }
}
