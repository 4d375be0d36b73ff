import EventModel
import Foundation

@testable import Matcher

/// The WAIC pack, its lexicon and a matcher, loaded once for the tests of understanding (whole
/// answers are tested with the assistant, in AssistantTests).
enum MatcherFixture {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let packDirectory = repository.appendingPathComponent("Data/waic2025")
  static let catalog = try! PackLoader.load(from: packDirectory)
  static let lexicon = try! Lexicon.load(packDirectory: packDirectory)
  static let matcher = Matcher(catalog: catalog, lexicon: lexicon)
  static let zone = catalog.timeZone

  static func context(
    now: String = "2025-07-26T10:00", at: String? = nil, earlier: [String] = []
  ) -> AskContext {
    AskContext(now: EventTime.parse(now, zone: zone)!, here: at, earlier: earlier)
  }

  /// What the matcher understood of a question.
  static func understand(
    _ question: String, now: String = "2025-07-26T10:00", at: String? = nil,
    earlier: [String] = []
  ) -> VisitorRequest {
    matcher.request(for: question, context: context(now: now, at: at, earlier: earlier))
  }
}
