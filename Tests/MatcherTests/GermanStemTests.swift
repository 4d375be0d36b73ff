import Foundation
import Testing

@testable import Matcher

/// German words count for the intent model by their stem too, so that an inflected form
/// training never saw still says what the others taught.
@Suite("German stems for the intent model")
struct GermanStemTests {
  @Test(
    "inflected forms share one stem",
    arguments: [
      (["vortrag", "vorträge", "vorträgen"], "vortrag"), (["finden", "findet", "finde"], "find"),
      (["halle", "hallen"], "hall"), (["straße", "strasse", "straßen"], "stra"),
    ])
  func sharedStem(words: [String], stem: String) {
    for word in words { #expect(GermanStem.stem(word) == stem, "\(word)") }
  }

  @Test("a word of fewer than four letters has no stem, and no stem is shorter than three")
  func shortWords() {
    #expect(GermanStem.stem("wo") == nil)
    #expect(GermanStem.stem("ist") == nil)
    for word in ["esse", "tests", "nennen", "ernennen", "sees"] {
      #expect((GermanStem.stem(word)?.count ?? 0) >= 3, "\(word)")
    }
  }

  @Test("only a German question gets stem features")
  func onlyGerman() {
    func features(_ question: String) -> [String] {
      let (understanding, _) = MatcherFixture.matcher.understand(
        question, context: MatcherFixture.context())
      return IntentFeatures.extract(understanding, index: MatcherFixture.matcher.index)
    }
    #expect(features("Welche Vorträge gibt es morgen?").contains("s:vortrag"))
    #expect(!features("which talks are on tomorrow?").contains { $0.hasPrefix("s:") })
    #expect(!features("明天有哪些演讲？").contains { $0.hasPrefix("s:") })
  }
}
