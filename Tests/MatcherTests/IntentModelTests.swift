import EventModel
import Foundation
import Testing

@testable import Matcher

/// The learned intent decision: reproducible training, a file format that reads back exactly,
/// located errors for broken model files.
@Suite("Intent model")
struct IntentModelTests {
  static let trainingDirectory = MatcherFixture.repository.appendingPathComponent("Data/training")
  static let modelURL = MatcherFixture.packDirectory.appendingPathComponent("lexicon")
    .appendingPathComponent(Lexicon.intentModelFile)

  @Test("training on the repository's corpus gives the shipped model, byte for byte")
  func reproducible() throws {
    let corpus = try IntentCorpus.load(directory: Self.trainingDirectory)
    let (model, summary) = IntentTraining.train(
      corpus: corpus, catalog: MatcherFixture.catalog, lexicon: MatcherFixture.lexicon)
    let shipped = try String(contentsOf: Self.modelURL, encoding: .utf8)
    #expect(model.serialized() == shipped, "run `make train` and commit the model")
    #expect(model == MatcherFixture.lexicon.intentModel)
    // At least 3,000 in-domain questions across the three languages.
    #expect(summary.examples.filter { $0.key != .unknown }.values.reduce(0, +) >= 3_000)
    for language in Language.allCases {
      #expect(corpus.templates.filter { $0.language == language }.count >= 300, "\(language)")
    }
  }

  @Test(
    "answering reads features by hash: the same features, the same probabilities as by text",
    arguments: [
      "where is unitree", "宇树科技在哪里？", "Wo finde ich den Stand von Huawei?",
      "plan me two hours of robotics tomorrow afternoon", "any governance forums at 3 pm?",
      "wie komme ich stufenlos zur Roten Halle", "what's my credit score", "",
    ])
  func hashedFeatures(question: String) throws {
    let model = try #require(MatcherFixture.lexicon.intentModel)
    let (understanding, _) = MatcherFixture.matcher.understand(
      question, context: MatcherFixture.context())
    let texts = IntentFeatures.extract(understanding, index: MatcherFixture.matcher.index)
    let hashes = IntentFeatures.hashes(understanding, index: MatcherFixture.matcher.index)
    #expect(hashes == texts.map(FeatureHash.of))
    #expect(texts.contains { $0.hasPrefix("b:") } || question.isEmpty)
    let byText = model.probabilities(texts)
    let byHash = model.probabilities(hashes: hashes, texts: { [] })
    #expect(byText == byHash)
    // A feature the model does not know adds nothing, by text or by hash.
    let unknown = model.probabilities(hashes: hashes + [FeatureHash.of("w:zzzz-not-a-word")]) {
      []
    }
    #expect(unknown == byHash)
  }

  @Test(
    "the information entry and the facility a question names are features of their own",
    arguments: [
      ("what is the entrance fee", "i:ticket-prices"), ("门票怎么收费", "i:ticket-prices"),
      ("Wie hoch ist der Eintrittspreis?", "i:ticket-prices"), ("so thirsty", "f:water"),
      ("我口渴了", "f:water"), ("Ich habe Durst", "f:water"),
    ])
  func entryFeatures(question: String, feature: String) {
    let (understanding, _) = MatcherFixture.matcher.understand(
      question, context: MatcherFixture.context())
    let texts = IntentFeatures.extract(understanding, index: MatcherFixture.matcher.index)
    #expect(texts.contains(feature), "\(question): \(texts)")
    // A word that only names a facility inside a longer keyword names none.
    #expect(!texts.contains("f:entrance"), "\(question)")
  }

  @Test(
    "a word nothing knows right after 'in' or 'bei' is a place elsewhere; known words are not",
    arguments: [
      ("what's the weather like in Munich", true), ("Wie ist das Wetter in Hamburg?", true),
      ("any talks in the afternoon", false), ("Was läuft in der Roten Halle?", false),
      ("is there a forum in the Green Hall", false), ("北京天气怎么样", false),
    ])
  func elsewhereFeature(question: String, elsewhere: Bool) {
    let (understanding, _) = MatcherFixture.matcher.understand(
      question, context: MatcherFixture.context())
    let texts = IntentFeatures.extract(understanding, index: MatcherFixture.matcher.index)
    #expect(texts.contains("elsewhere") == elsewhere, "\(question): \(texts)")
  }

  @Test(
    "two or more Han characters nothing explains are a word nothing knows",
    arguments: [
      ("伦敦天气怎么样", true), ("我想看看慕尼黑的展台", true), ("今天天气怎么样", false),
      ("华为在哪里", false), ("what's the weather like in Munich", false),
    ])
  func unknownHanFeature(question: String, unknown: Bool) {
    let (understanding, _) = MatcherFixture.matcher.understand(
      question, context: MatcherFixture.context())
    let texts = IntentFeatures.extract(understanding, index: MatcherFixture.matcher.index)
    #expect(texts.contains { $0.hasPrefix("unknown-han:") } == unknown, "\(question): \(texts)")
  }

  @Test(
    "CLINC's weather and time somewhere else teach the off-topic class; the weather itself is left out",
    arguments: [
      ("what is the weather like in denver", "weather", Intent?.some(.unknown)),
      ("what time is it in las vegas, nv", "time", .some(.unknown)),
      ("what's the forecast like for pittsburgh", "weather", .some(.unknown)),
      ("will it rain in the morning", "weather", nil),
      ("what is the weather for tomorrow", "weather", nil),
      ("what time is it", "time", nil), ("is it hot at 5 pm", "weather", nil),
    ])
  func clincElsewhere(text: String, label: String, intent: Intent?) {
    #expect(IntentCorpus.clincIntent(label, text: text) == .some(intent), "\(text)")
  }

  @Test("every other question but small talk is learnt once more, wrapped in politeness")
  func padding() {
    // Words of under five letters get no typo copies: every question here is the template's.
    let english = (1...20).map { "who is at \($0)?" }
    let chinese = (1...20).map { "展台\($0)在哪里？" }
    let corpus = IntentCorpus(
      templates: english.map { .init(language: .en, intent: .findExhibitor, text: $0) }
        + chinese.map { .init(language: .zh, intent: .findExhibitor, text: $0) }
        + [.init(language: .en, intent: .greeting, text: "hi")],
      requests: [("what's my credit score", .unknown)],
      fillers: [
        .en: ["opening": ["excuse me,"], "closing": ["please"]],
        .zh: ["opening": ["请问"], "closing": ["，谢谢"]],
      ])
    let questions = corpus.questions(
      catalog: MatcherFixture.catalog, lexicon: MatcherFixture.lexicon
    ).map(\.text)
    #expect(
      questions
        == corpus.questions(catalog: MatcherFixture.catalog, lexicon: MatcherFixture.lexicon)
        .map(\.text), "the same questions every time")
    // Each template as written, then maybe once wrapped: an opening before it, a closing in
    // place of its question mark, or both.
    let wrappedEnglish = questions.filter { !english.contains($0) && $0.contains("who is at") }
    for text in wrappedEnglish {
      let bare = text.replacingOccurrences(of: "excuse me, ", with: "")
        .replacingOccurrences(of: " please", with: "?")
      #expect(english.contains(bare), "\(text)")
      #expect(text != bare + " please", "the question mark goes before a closing")
    }
    let wrappedChinese = questions.filter { !chinese.contains($0) && $0.contains("展台") }
    for text in wrappedChinese {
      #expect(!text.contains(" "), "no spaces in Chinese: \(text)")
      let bare = text.replacingOccurrences(of: "请问", with: "")
        .replacingOccurrences(of: "，谢谢", with: "？")
      #expect(chinese.contains(bare), "\(text)")
    }
    // About every other one, not none and not all.
    let wrapped = wrappedEnglish.count + wrappedChinese.count
    #expect((10...30).contains(wrapped), "\(wrapped) of 40")
    #expect(questions.filter { $0 == "hi" }.count == 1, "small talk stays as it is")
    #expect(!questions.contains { $0.hasPrefix("excuse me, hi") || $0.hasPrefix("hi please") })
    #expect(questions.filter { $0.contains("credit score") }.count == 1)
  }

  @Test("the same questions trained twice give the same weights; the file reads back exactly")
  func sameTwice() throws {
    let questions: [(text: String, intent: Intent)] = [
      ("where is unitree", .findExhibitor), ("宇树科技在哪", .findExhibitor),
      ("when is the main forum", .findSession), ("how do i get to the red hall", .directions),
      ("plan me two hours of robotics", .planRoute), ("hello", .greeting),
      ("what's my credit score", .unknown), ("book a table for two", .unknown),
    ]
    var settings = TrainingSettings()
    settings.minimumCount = 1
    let first = IntentTraining.train(
      questions: questions, matcher: MatcherFixture.matcher, settings: settings
    ).model
    let second = IntentTraining.train(
      questions: questions, matcher: MatcherFixture.matcher, settings: settings
    ).model
    #expect(first.serialized() == second.serialized())
    let read = try IntentModel.parse(first.serialized(), file: "m.tsv")
    #expect(read == first)
    #expect(read.serialized() == first.serialized())
    settings.seed = 7
    let reseeded = IntentTraining.train(
      questions: questions, matcher: MatcherFixture.matcher, settings: settings
    ).model
    #expect(reseeded.serialized() != first.serialized(), "the seed must matter")
  }

  @Test(
    "a broken model file is refused with its file and line",
    arguments: [
      ("", ":1:", "not an intent model"),
      ("# hiwaic intent model 1\nclasses\tfind_exhibitor\tteleport\n", ":2:", "teleport"),
      ("# hiwaic intent model 1\nclasses\thelp\thelp\n", ":2:", "once"),
      ("# hiwaic intent model 1\nclasses\thelp\tunknown\nthreshold\t7\n", ":3:", "threshold"),
      (
        "# hiwaic intent model 1\nclasses\thelp\tunknown\nthreshold\t0.5\n@bias\t1 2\nw:x\t1\n",
        ":5:",
        "1 weights for 2",
      ),
      (
        "# hiwaic intent model 1\nclasses\thelp\tunknown\nthreshold\t0.5\n@bias\t1 2\nw:x\t1 2.5\n",
        ":5:", "whole number",
      ),
      (
        "# hiwaic intent model 1\nclasses\thelp\tunknown\nthreshold\t0.5\n@bias\t1 2\nw:x\t1 2\nw:x\t1 2\n",
        ":6:", "repeats",
      ),
      (
        "# hiwaic intent model 1\nclasses\thelp\tunknown\nthreshold\t0.5\nw:x\t1 2\n", ":4:", "bias"
      ),
    ])
  func broken(text: String, line: String, words: String) {
    do {
      _ = try IntentModel.parse(text, file: "lexicon/intent-model.tsv")
      Issue.record("accepted a broken model")
    } catch {
      #expect(error.description.hasPrefix("lexicon/intent-model.tsv:"), "\(error)")
      #expect(error.description.contains(line) && error.description.contains(words), "\(error)")
    }
  }

  @Test("a pack whose model file is broken fails to load with the file named")
  func brokenInPack() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-model-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    try FileManager.default.copyItem(at: MatcherFixture.packDirectory, to: scratch)
    let model = scratch.appendingPathComponent("lexicon").appendingPathComponent(
      Lexicon.intentModelFile)
    try Data("# hiwaic intent model 1\nclasses\tfind_exhibitor\n".utf8).write(to: model)
    #expect(throws: Lexicon.LoadError.self) { try Lexicon.load(packDirectory: scratch) }
    // Without a model file the matcher decides by its rules and still answers.
    try FileManager.default.removeItem(at: model)
    let lexicon = try Lexicon.load(packDirectory: scratch)
    #expect(lexicon.intentModel == nil)
    let matcher = Matcher(catalog: MatcherFixture.catalog, lexicon: lexicon)
    let request = matcher.request(for: "where is unitree", context: MatcherFixture.context())
    #expect(request.intent == .findExhibitor)
  }

  @Test("small talk needs a word of small talk; thanks and goodbyes are small talk")
  func smallTalk() {
    let cases: [(String, SmallTalk?)] = [
      ("thanks!", .thanks), ("bye bye", .goodbye), ("谢谢你", .thanks), ("拜拜", .goodbye),
      ("Vielen Dank", .thanks), ("Tschüss!", .goodbye), ("hi everyone", nil), ("大家好", nil),
      ("grüß dich", nil), ("how's it going?", nil), ("你好吗", nil), ("wie geht's?", nil),
    ]
    for (question, kind) in cases {
      let request = MatcherFixture.understand(question)
      #expect(request.intent == .greeting, "\(question)")
      #expect(request.smallTalk == kind, "\(question)")
    }
  }

  @Test("a cue word inside an information keyword of several words is part of it, a greeting not")
  func cuesInsideKeywords() {
    let about = MatcherFixture.understand("what is hi waic")
    #expect(about.infoHits["hi-waic"] != nil)
    #expect(about.strongCues[.eventInfo] == nil, "\(about.strongCues)")
    let greeting = MatcherFixture.understand("Hi WAIC!")
    #expect(greeting.intent == .greeting)
    // Outside the keyword the same word is a cue.
    #expect(MatcherFixture.understand("when is waic").strongCues[.eventInfo] != nil)
  }
  @Test(
    "a session is also trained under the head of its title, where the title has a joint",
    arguments: [
      ("Opening Ceremony and High-Level Meeting on Global AI Governance", "Opening Ceremony"),
      ("开幕式暨人工智能全球治理高级别会议", "开幕式"),
      ("Meteorologie-Forum: KI für Frühwarnungen", "Meteorologie-Forum"),
      ("Main Forum", nil), ("AI: a talk", nil), ("数学与人工智能论坛（菲尔兹研究所）", "数学与人工智能论坛"),
    ])
  func titleHeads(title: String, head: String?) {
    #expect(IntentCorpus.titleHead(title) == head, "\(title)")
  }
}
