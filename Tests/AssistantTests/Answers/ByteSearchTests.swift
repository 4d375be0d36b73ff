import Testing

@testable import Assistant

/// The byte search the wording uses instead of Foundation's string search.
@Suite("Searching text by its bytes")
struct ByteSearchTests {
  @Test(
    "finds a part where it occurs, and only there",
    arguments: [
      ("expo park (outdoor)", "outdoor", true), ("expo park (outdoor)", "park (", true),
      ("xuhui west bund", "west bund", true), ("上海世博中心一层", "一层", true),
      ("größe halle", "öße", true), ("abc", "abcd", false), ("abc", "abd", false),
      ("", "", true), ("abc", "", true), ("", "a", false), ("aab", "ab", true),
    ])
  func search(text: String, part: String, found: Bool) {
    #expect(AnswerComposer.contains(text, part) == found)
    // Agrees with the standard library's search.
    #expect(AnswerComposer.contains(text, part) == (part.isEmpty || text.contains(part)))
  }
}
