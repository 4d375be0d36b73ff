import Assistant
import EventModel
import Foundation
import Matcher
import Testing

@testable import Evaluation

/// The dev set is well formed, independent of the set the rules were tuned on, and the
/// assistant does not fall below what it reached when the set was written.
@Suite("Dev set")
struct DevSetTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let questions =
    (try? Evaluator.load(
      repository.appendingPathComponent("Data/evaluation/dev.json"))) ?? []
  static let assistant = try? Assistant.load(
    packDirectory: repository.appendingPathComponent("Data/waic2025"))

  @Test("500+ questions in English, Chinese and German, every label a real intent and record")
  func wellFormed() throws {
    try Self.expectWellLabelled(Self.questions, atLeast: 500, perLanguage: 120)
  }

  /// The questions of the set the first rules were tuned on.
  static func tunedQuestions() throws -> [String] {
    struct Tuned: Decodable { var q: String }
    return try JSONDecoder().decode(
      [Tuned].self,
      from: Data(
        contentsOf: repository.appendingPathComponent(
          "Tests/AssistantTests/Questions/questions.json"))
    ).map(\.q)
  }

  /// `questions` has at least `count` questions and `perLanguage` in each language, and every
  /// label is one of the assistant's intents and a record of the pack.
  static func expectWellLabelled(
    _ questions: [LabelledQuestion], atLeast count: Int, perLanguage: Int
  ) throws {
    #expect(questions.count >= count)
    for language in ["en", "zh", "de"] {
      #expect(questions.filter { $0.lang == language }.count >= perLanguage, "\(language)")
    }
    let catalog = try #require(Self.assistant?.catalog)
    let intents = Set([
      "find_exhibitor", "find_session", "directions", "plan_route", "city_walk",
      "venue_info", "event_info", "now_nearby", "help", "greeting", "unknown",
    ])
    for question in questions {
      #expect(intents.contains(question.intent), "\(question.q)")
      for label in question.entities {
        let parts = label.split(separator: ":", maxSplits: 1).map(String.init)
        let id = parts.count == 2 ? parts[1] : ""
        let known: Bool
        switch parts.first ?? "" {
        case "exhibitor": known = catalog.exhibitor(id) != nil
        case "session": known = catalog.session(id) != nil
        case "topic": known = catalog.topic(id) != nil
        case "room": known = catalog.pack.venues.rooms.contains { $0.id == id }
        case "venue": known = catalog.pack.venues.venues.contains { $0.id == id }
        case "hall": known = catalog.pack.venues.halls.contains { $0.id == id }
        case "booth": known = catalog.pack.booths.contains { $0.id == id }
        case "pavilion": known = catalog.pack.pavilions.contains { $0.id == id }
        case "speaker": known = catalog.pack.speakers.contains { $0.id == id }
        case "route": known = catalog.pack.cityWalks.contains { $0.id == id }
        case "info": known = catalog.pack.info.contains { $0.id == id }
        default: known = false
        }
        #expect(known, "\(question.q): \(label)")
      }
    }
  }

  @Test("no dev question is in the set the rules were tuned on")
  func independent() throws {
    let seen = Set(try Self.tunedQuestions().map { $0.lowercased() })
    let shared = Self.questions.filter { seen.contains($0.q.lowercased()) }.map(\.q)
    #expect(shared.isEmpty, "\(shared)")
    #expect(Set(Self.questions.map(\.q)).count == Self.questions.count, "a question twice")
  }

  @Test("no dev question is written into the intent model's training questions")
  func apartFromTraining() throws {
    try Self.expectApartFromTraining(Self.questions)
  }

  /// No question of `questions` is a training template, and few are what a filled template
  /// gives (under 4 %).
  static func expectApartFromTraining(_ questions: [LabelledQuestion]) throws {
    let pack = Self.repository.appendingPathComponent("Data/waic2025")
    let corpus = try IntentCorpus.load(
      directory: Self.repository.appendingPathComponent("Data/training"))
    let catalog = try PackLoader.load(from: pack)
    let lexicon = try Lexicon.load(packDirectory: pack)
    func key(_ text: String) -> String {
      String(
        text.lowercased().unicodeScalars.filter {
          $0.properties.isAlphabetic || $0.properties.numericType != nil
        }.map(Character.init))
    }
    let written = Set(corpus.templates.map { key($0.text) })
    let copied = questions.filter { written.contains(key($0.q)) }.map(\.q)
    #expect(copied.isEmpty, "\(copied)")
    // A template filled with a name can say what a dev question says ("where is {exhibitor}"
    // with Baidu); that is a common phrasing, not a copy, but it must stay rare (under 4 %).
    let filled = Set(corpus.questions(catalog: catalog, lexicon: lexicon).map { key($0.text) })
    let coincide = questions.filter { filled.contains(key($0.q)) }
    print("questions a filled template also gives: \(coincide.count)")
    #expect(coincide.count * 25 <= questions.count, "\(coincide.count) of \(questions.count)")
  }

  @Test("the assistant keeps at least the accuracy it had when the set was written")
  func noRegression() throws {
    // Before issue 12 (rules): 367/524 all right, 437/524 intent. With the learned intent model
    // (in-scope threshold 0.85 chosen on this set and CLINC val): 467/524 and 484/524; with
    // German compounds, wider information keywords, ways across town labelled as directions,
    // sessions named by a topic in their title, German session titles and shared words left
    // out of the language decision: 495/524 and 502/524 (also with an information keyword that
    // is only a place's name no longer read as asking for information). With the `recommend`
    // intent (issue 14) and weights averaged over three training orders: 495/524 and 503/524.
    // With `talk_notes` (issue 15), a class the set was not written for: 489/524 and 497/524
    // (six questions about sessions, places and the event drift to other classes; no setting
    // of the trainer tried on this set kept them: 488 to 490).
    // Information keywords by language and "I'm" as an English stop word: 491/524 and
    // 497/524. Training questions also learnt wrapped in politeness, "tips" and its kin as
    // recommend cues, threshold 0.80: 495/524 and 501/524; misspelt information keywords
    // corrected in their language: 494/524 and 500/524. More small talk, time-phrased session
    // questions, German stems and information ties by language: 500/524 and 504/524. Names in
    // another script, needs as facilities, entry and facility features, more training variety:
    // 507/524 and 510/524 (the held-out set stayed at 233/251 and 236/251). Spelled route
    // numbers, cues inside longer cues, event days by ordinal, entrance names, practical cue
    // words as content: 508/524 and 511/524 (held-out 235/251 and 237/251). Description words
    // no names, weather and time elsewhere, German stop and common words on a par with
    // English, a walk between two named places as the way: 511/524 and 514/524; more German
    // everyday words: 510/524 and 513/524, "i lost my phone" sitting at the threshold (held-out
    // 237/251 and 238/251 throughout). One retraining moves the
    // dev figures by two or three either way, hence the floors below what is reached.
    try Self.expectAccuracy(of: Self.questions, allRight: 0.965, intentRight: 0.97)
  }

  /// The assistant answers at least these shares of `questions` all right and with the right
  /// intent.
  static func expectAccuracy(
    of questions: [LabelledQuestion], allRight: Double, intentRight: Double
  ) throws {
    let evaluator = Evaluator(assistant: try #require(Self.assistant))
    let report = EvaluationReport(graded: questions.map(evaluator.grade))
    let right = report.share { $0.right }
    let intent = report.share { $0.intentRight }
    #expect(Double(right.right) / Double(right.total) >= allRight, "\(right)")
    #expect(Double(intent.right) / Double(intent.total) >= intentRight, "\(intent)")
  }
}

/// The held-out test set (Data/evaluation/test.json): well formed, apart from every set the
/// assistant was built or tuned on, and the assistant no worse on it than when it was written.
/// Its questions are never printed here, so that a failing test does not show them.
@Suite("Held-out test set")
struct HeldOutSetTests {
  static let questions =
    (try? Evaluator.load(
      DevSetTests.repository.appendingPathComponent("Data/evaluation/test.json"))) ?? []

  @Test("200+ questions in English, Chinese and German, every label a real intent and record")
  func wellFormed() throws {
    try DevSetTests.expectWellLabelled(Self.questions, atLeast: 200, perLanguage: 50)
  }

  @Test("no test question is in the dev set, the rules' set or the training questions")
  func apart() throws {
    let asked = try DevSetTests.tunedQuestions() + DevSetTests.questions.map(\.q)
    let seen = Set(asked.map { $0.lowercased() })
    #expect(Self.questions.filter { seen.contains($0.q.lowercased()) }.count == 0)
    #expect(Set(Self.questions.map(\.q)).count == Self.questions.count, "a question twice")
    try DevSetTests.expectApartFromTraining(Self.questions)
  }

  @Test("the assistant keeps at least the accuracy it had when the set was written")
  func noRegression() throws {
    // Written on 2026-12-07 and measured once before any change: 230/251 all right, 233/251
    // intent right.
    try DevSetTests.expectAccuracy(of: Self.questions, allRight: 0.91, intentRight: 0.92)
  }
}

/// The dev set's in-scope questions wrapped in politeness that no training question has: the
/// words around a question must not decide what it asks. Training wraps its questions in other
/// openings and closings (Data/training/fillers.tsv); these are kept apart from them.
@Suite("Dev questions wrapped in politeness")
struct WrappedDevSetTests {
  static let openings: [String: [String]] = [
    "en": [
      "hi there, I was wondering", "could you help me out:", "hello again,", "sorry, me again:",
      "right, so",
    ],
    "de": ["Hallo zusammen,", "Moin, mal eine Frage:", "Darf ich fragen:", "Also,", "Grüß Gott,"],
    "zh": ["您好，想问一下", "嗨，", "打扰了，", "那个请问一下，", "老师好，"],
  ]
  static let closings: [String: [String]] = [
    "en": [
      ", if that's not too much trouble", " - thank you so much", "? would be great to know",
      ", cheers mate", ". Many thanks!",
    ],
    "de": [
      ", wäre nett", ". Vielen herzlichen Dank!", ", das wäre super", "? Merci!", ", danke dir",
    ],
    "zh": ["，谢谢啦", "，感谢！", "，麻烦您了", "？谢啦", "，辛苦"],
  ]

  /// Each in-scope dev question with a closing, an opening or both, in turn.
  static let questions: [LabelledQuestion] = DevSetTests.questions.filter {
    !["greeting", "help", "unknown"].contains($0.intent)
  }.enumerated().compactMap { position, question in
    guard let openings = openings[question.lang], let closings = closings[question.lang] else {
      return nil
    }
    var wrapped = question
    var text = question.q
    while let last = text.last, "?？.。!！ ".contains(last) { text.removeLast() }
    let form = position % 3
    if form != 1 { text += closings[(position / 3) % closings.count] }
    if form != 0 {
      text = openings[(position / 7) % openings.count] + (question.lang == "zh" ? "" : " ") + text
    }
    wrapped.q = text
    return wrapped
  }

  @Test("no opening or closing here is one training learns from")
  func apartFromTraining() throws {
    let fillers = try String(
      contentsOf: DevSetTests.repository.appendingPathComponent("Data/training/fillers.tsv"),
      encoding: .utf8)
    for wrapper in Array(Self.openings.values.joined()) + Array(Self.closings.values.joined()) {
      let words = wrapper.trimmingCharacters(
        in: CharacterSet.punctuationCharacters.union(.whitespaces))
      #expect(!fillers.contains(words), "\(wrapper)")
    }
    #expect(Self.questions.count >= 400)
  }

  @Test("wrapped questions are still answered, nearly as well as bare ones")
  func wrapped() throws {
    // Before training learnt wrapped questions: 299/429 all right, 302/429 intent right. With
    // every other training question wrapped too (and the threshold chosen again): 355/429 and
    // 359/429; with misspelt information keywords corrected: 357/429 and 361/429; with more
    // small talk, time-phrased session questions and German stems: 367/429 and 371/429.
    try DevSetTests.expectAccuracy(of: Self.questions, allRight: 0.84, intentRight: 0.85)
  }
}
