import EventModel
import Foundation

/// The words of one language the matcher understands: cue phrases per intent, time and duration
/// words, facilities, stop words. Lives in the pack (`lexicon/LANG.json`), so adding a language
/// is data, not code.
public struct LanguageLexicon: Codable, Sendable {
  /// Phrases that point to an intent; `strong` ones can decide it, `weak` ones only support it.
  public struct Cues: Codable, Sendable {
    public var strong: [String]
    public var weak: [String]
  }

  /// Words for relative days, "now", "next" and parts of the day.
  public struct TimeWords: Codable, Sendable {
    public var today: [String]
    public var tomorrow: [String]
    public var dayAfterTomorrow: [String]
    public var yesterday: [String]
    public var now: [String]
    public var next: [String]
    public var parts: [String: [String]]
    /// Words after an hour that make it a clock time ("15 Uhr", "3 o'clock").
    public var clock: [String]?

    enum CodingKeys: String, CodingKey {
      case today, tomorrow, yesterday, now, next, parts, clock
      case dayAfterTomorrow = "day_after_tomorrow"
    }
  }

  public var language: Language
  public var cues: [String: Cues]
  public var outOfScope: [String]
  public var stopwords: [String]
  /// Ordinary words that typo correction must never turn into a name ("both" is not "booth").
  public var commonWords: [String]
  public var time: TimeWords
  public var months: [String: Int]
  public var weekdays: [String: Int]
  public var dayWords: [String]
  public var numbers: [String: Double]
  public var durationUnits: [String: Double]
  /// Lengths said without a number ("half a day", "半天", "den ganzen Tag"), in minutes.
  public var durationPhrases: [String: Double]
  /// Word endings that make a number word a length ("drei" + "stündig": three hours), in
  /// minutes per one; every adjective ending of the compound is read too ("dreistündigen").
  public var durationCompounds: [String: Double]
  public var facilities: [String: [String]]
  /// Amenities visitors ask for that packs do not map (cloakroom, cash machine, charging), by
  /// kind: asked for, they are said to be missing, not taken for an exhibitor's name.
  public var unlistedFacilities: [String: [String]]
  public var placeWords: [String]
  /// Words that ask for a way without stairs or escalators.
  public var stepFreeWords: [String]
  /// Words before a place that make it where the walk starts ("from", "von", "从").
  public var originWords: [String]
  /// Words before a place that make it where the walk ends ("to", "zur", "到").
  public var destinationWords: [String]
  /// Words before a place that say where something is ("in", "bei"): an unknown word after one
  /// is a place the pack does not have ("the weather in Munich").
  public var locativeWords: [String]
  /// Words between two clock times that make them a range ("to", "bis", "到").
  public var rangeWords: [String]
  /// Words before an hour that move it by minutes ("half past" +30, "halb" −30, "quarter to" −15).
  public var clockFractions: [String: Int]
  /// Small talk that is not a greeting: thanks and goodbyes get an answer of their own.
  public var thanksWords: [String]
  public var goodbyeWords: [String]
  /// Words that ask where the nearest of something is ("where", "nearest", "附近"): where the
  /// visitor's place is known, a facility asked for so gets the way to the nearest one.
  public var nearestWords: [String]
  /// Words after which comes what the visitor wants to do, never a name ("can I", 可以, "kann
  /// ich"): "where can I charge…" names no missing exhibitor.
  public var modalWords: [String]
  /// Words after which comes what a talk is about ("about", "über", "关于").
  public var subjectWords: [String]
  /// Words of a follow-up that changes the answer before ("make", "instead", "und", "改成").
  public var followUpWords: [String]
  /// Words that point back at what the conversation was about ("there", "dorthin", "那里").
  public var referenceWords: [String]
  /// Ordinal words and the position they name ("first" → 1, "zweite" → 2); Chinese writes 第
  /// before a number instead.
  public var ordinals: [String: Int]
  /// Words that say which fact about the event a question wants: `when`, `where`, `last_day`,
  /// `next`, `pavilions`, `theme`, `history`, `news`, `figures`.
  public var eventFacets: [String: [String]]

  enum CodingKeys: String, CodingKey {
    case language, cues, stopwords, time, months, weekdays, numbers, facilities
    case unlistedFacilities = "unlisted_facilities"
    case outOfScope = "out_of_scope"
    case commonWords = "common_words"
    case dayWords = "day_words"
    case durationUnits = "duration_units"
    case durationPhrases = "duration_phrases"
    case durationCompounds = "duration_compounds"
    case placeWords = "place_words"
    case stepFreeWords = "step_free"
    case originWords = "origin_words"
    case destinationWords = "destination_words"
    case locativeWords = "locative_words"
    case rangeWords = "range_words"
    case clockFractions = "clock_fractions"
    case thanksWords = "thanks_words"
    case goodbyeWords = "goodbye_words"
    case nearestWords = "nearest_words"
    case modalWords = "modal_words"
    case subjectWords = "subject_words"
    case followUpWords = "follow_up_words"
    case ordinals
    case referenceWords = "reference_words"
    case eventFacets = "event_facets"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    language = try container.decode(Language.self, forKey: .language)
    cues = try container.decode([String: Cues].self, forKey: .cues)
    outOfScope = try container.decodeIfPresent([String].self, forKey: .outOfScope) ?? []
    stopwords = try container.decodeIfPresent([String].self, forKey: .stopwords) ?? []
    commonWords = try container.decodeIfPresent([String].self, forKey: .commonWords) ?? []
    time = try container.decode(TimeWords.self, forKey: .time)
    months = try container.decodeIfPresent([String: Int].self, forKey: .months) ?? [:]
    weekdays = try container.decodeIfPresent([String: Int].self, forKey: .weekdays) ?? [:]
    dayWords = try container.decodeIfPresent([String].self, forKey: .dayWords) ?? []
    numbers = try container.decodeIfPresent([String: Double].self, forKey: .numbers) ?? [:]
    durationUnits =
      try container.decodeIfPresent([String: Double].self, forKey: .durationUnits) ?? [:]
    durationPhrases =
      try container.decodeIfPresent([String: Double].self, forKey: .durationPhrases) ?? [:]
    durationCompounds =
      try container.decodeIfPresent([String: Double].self, forKey: .durationCompounds) ?? [:]
    facilities = try container.decodeIfPresent([String: [String]].self, forKey: .facilities) ?? [:]
    unlistedFacilities =
      try container.decodeIfPresent([String: [String]].self, forKey: .unlistedFacilities) ?? [:]
    placeWords = try container.decodeIfPresent([String].self, forKey: .placeWords) ?? []
    stepFreeWords = try container.decodeIfPresent([String].self, forKey: .stepFreeWords) ?? []
    originWords = try container.decodeIfPresent([String].self, forKey: .originWords) ?? []
    destinationWords =
      try container.decodeIfPresent([String].self, forKey: .destinationWords) ?? []
    locativeWords = try container.decodeIfPresent([String].self, forKey: .locativeWords) ?? []
    rangeWords = try container.decodeIfPresent([String].self, forKey: .rangeWords) ?? []
    clockFractions =
      try container.decodeIfPresent([String: Int].self, forKey: .clockFractions) ?? [:]
    thanksWords = try container.decodeIfPresent([String].self, forKey: .thanksWords) ?? []
    goodbyeWords = try container.decodeIfPresent([String].self, forKey: .goodbyeWords) ?? []
    nearestWords = try container.decodeIfPresent([String].self, forKey: .nearestWords) ?? []
    modalWords = try container.decodeIfPresent([String].self, forKey: .modalWords) ?? []
    subjectWords = try container.decodeIfPresent([String].self, forKey: .subjectWords) ?? []
    followUpWords = try container.decodeIfPresent([String].self, forKey: .followUpWords) ?? []
    ordinals = try container.decodeIfPresent([String: Int].self, forKey: .ordinals) ?? [:]
    referenceWords = try container.decodeIfPresent([String].self, forKey: .referenceWords) ?? []
    eventFacets =
      try container.decodeIfPresent([String: [String]].self, forKey: .eventFacets) ?? [:]
  }
}

/// Every language's lexicon plus the Han character table, as read from a pack.
public struct Lexicon: Sendable {
  public var languages: [LanguageLexicon]
  public var hanzi: HanziTable
  /// The learned intent decision (`lexicon/intent-model.tsv`); without one the matcher decides
  /// by its rules.
  public var intentModel: IntentModel?

  public init(languages: [LanguageLexicon], hanzi: HanziTable, intentModel: IntentModel? = nil) {
    self.languages = languages
    self.hanzi = hanzi
    self.intentModel = intentModel
  }

  /// The model file's name inside a pack's `lexicon/` directory.
  public static let intentModelFile = "intent-model.tsv"

  /// Why a lexicon could not be read, located in its file like a pack's problems.
  public struct LoadError: Error, CustomStringConvertible {
    public var issue: PackIssue
    public var description: String { issue.description }
  }

  /// The largest lexicon file read (the shipped ones are under 100 KB, hanzi.tsv 200 KB).
  static let maximumFileBytes = 16 << 20

  /// A lexicon file's bytes, or the error that names it.
  private static func read(_ path: String, file: String) throws(LoadError) -> Data {
    do {
      return try BoundedFile.read(path, limit: maximumFileBytes)
    } catch {
      throw LoadError(issue: PackIssue(.missingFile, file: file, message: error.description))
    }
  }

  /// Reads `lexicon/*.json` and `lexicon/hanzi.tsv` from a pack directory.
  public static func load(packDirectory: URL) throws(LoadError) -> Lexicon {
    let directory = packDirectory.appendingPathComponent("lexicon")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".json") }.sorted()
    guard !names.isEmpty else {
      throw LoadError(
        issue: PackIssue(
          .missingFile, file: "lexicon", message: "has no lexicon files (lexicon/en.json, …)"))
    }
    var languages: [LanguageLexicon] = []
    for name in names {
      let path = directory.appendingPathComponent(name).path
      let file = "lexicon/" + name
      let data = try read(path, file: file)
      do {
        languages.append(try JSONDecoder().decode(LanguageLexicon.self, from: data))
      } catch {
        throw LoadError(issue: PackLoader.decodingIssue(for: error, data: data, file: file))
      }
    }
    let hanziURL = directory.appendingPathComponent("hanzi.tsv")
    let hanzi: HanziTable
    if let data = try? BoundedFile.read(hanziURL.path, limit: maximumFileBytes),
      let text = String(data: data, encoding: .utf8)
    {
      hanzi = HanziTable(tsv: text)
    } else {
      hanzi = HanziTable(tsv: "")
    }
    let modelPath = directory.appendingPathComponent(intentModelFile).path
    var model: IntentModel?
    if FileManager.default.fileExists(atPath: modelPath) {
      let file = "lexicon/" + intentModelFile
      let data = try read(modelPath, file: file)
      guard let text = String(data: data, encoding: .utf8) else {
        throw LoadError(issue: PackIssue(.syntax, file: file, message: "is not UTF-8 text"))
      }
      model = try IntentModel.parse(text, file: file)
    }
    return Lexicon(languages: languages, hanzi: hanzi, intentModel: model)
  }
}

/// Toneless pinyin and simplified forms of Han characters (from Unihan), for folding Traditional
/// input and catching homophone typos (宇数 for 宇树).
public struct HanziTable: Sendable {
  private var pinyin: [Unicode.Scalar: String] = [:]
  private var simplified: [Unicode.Scalar: Unicode.Scalar] = [:]

  /// Parses `char TAB pinyin [TAB simplified]` lines; `#` starts a comment.
  public init(tsv: String) {
    for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t")
      guard fields.count >= 2, let scalar = fields[0].unicodeScalars.first else { continue }
      pinyin[scalar] = String(fields[1])
      if fields.count >= 3, let target = fields[2].unicodeScalars.first {
        simplified[scalar] = target
      }
    }
  }

  public var isEmpty: Bool { pinyin.isEmpty }

  /// The simplified form of a traditional character, or the character itself.
  public func simplify(_ scalar: Unicode.Scalar) -> Unicode.Scalar { simplified[scalar] ?? scalar }

  /// Toneless pinyin, e.g. "shu" for 树 and 数.
  public func pinyin(of scalar: Unicode.Scalar) -> String? { pinyin[scalar] }
}
