import EventModel

/// What a visitor asked, understood: the typed request the assistant answers. The matcher stops
/// here; the wording of the answer is the assistant's.
public struct VisitorRequest: Sendable {
  public var question: String
  /// The language the question was asked in.
  public var language: Language
  public var intent: Intent
  /// 0 to 1: how much of the question was understood and how exactly the names matched.
  public var confidence: Double
  /// What the question names, in the order it names them.
  public var entities: [RequestEntity]
  /// Sessions named by part of their title, with how many telling words matched.
  public var sessionParts: [String: Int]
  /// Cue phrases per intent: strong ones say the intent, weak ones hint at it.
  public var strongCues: [Intent: Int]
  public var weakCues: [Intent: Int]
  /// Facility kinds asked for ("restroom", "metro").
  public var facilities: [String]
  /// An amenity the pack does not map that the question asks for, named in the question's
  /// language ("cloakroom", „Garderobe“, 衣帽间).
  public var unlistedFacility: String? = nil
  /// Facility kinds the words before them make where a walk starts or ends ("from the
  /// entrance").
  public var facilityRoles: [String: PlaceRole]
  /// A way without stairs or escalators.
  public var stepFree: Bool
  /// Information entries named by their keywords: 2 per telling word, 1 per question word; and
  /// where each one's first keyword starts and its last ends, to break ties by position.
  public var infoHits: [String: Int]
  public var infoStarts: [String: Int]
  public var infoEnds: [String: Int]
  public var time: TimeQuery
  /// Minutes ("two hours" → 120).
  public var duration: Double?
  /// The longest run of words nothing explains, as typed: the name of something the pack does
  /// not have ("Nvidia").
  public var unexplainedName: String?
  /// Whether that run is only ordinary words of the language ("charge"), which name nothing.
  public var unexplainedNameIsOrdinary: Bool
  /// Whether that run comes right after a word that says what something is about ("talks on
  /// blockchain", "关于元宇宙"): a subject the pack has nothing on, not a place or a company.
  public var unexplainedNameIsSubject: Bool = false
  /// A follow-up asked to add a forum to the plan before it.
  public var addsSession: Bool
  /// Thanks or goodbye, when the question is small talk (`greeting`) of that kind.
  public var smallTalk: SmallTalk?
  /// Facts about the event an `event_info` question's words ask for (`when`, `where`,
  /// `pavilions`, …).
  public var eventFacets: Set<String>
  /// A position the question names ("the first walk", "der zweite", "第三条"; -1 for "the last"),
  /// if any.
  public var ordinal: Int? = nil

  /// The records of one type the question is about (not those inside a longer name).
  public func primary(_ type: EntityType) -> [EntityReference] {
    var seen = Set<String>()
    return entities.filter {
      !$0.nested && $0.reference.type == type && seen.insert($0.reference.id).inserted
    }
    .map(\.reference)
  }

  /// Whether the question is about a record of one of these types.
  public func has(_ types: EntityType...) -> Bool {
    entities.contains { !$0.nested && types.contains($0.reference.type) }
  }

  /// Whether a strong cue of the intent is in the question.
  public func cue(_ intent: Intent) -> Bool { (strongCues[intent] ?? 0) > 0 }

  /// The places of a directions question as start and end: by the words before them when they
  /// say ("to A from B"), else the first named is the start and the last the end.
  public func walkEnds(_ places: [RequestEntity]) -> (
    origin: RequestEntity?, destination: RequestEntity?
  ) {
    guard places.count >= 2 else { return (nil, places.first) }
    if let origin = places.firstIndex(where: { $0.role == .origin }) {
      let destination =
        places.firstIndex { $0.role == .destination }
        ?? places.indices.last(where: { $0 != origin }) ?? origin
      return (places[origin], places[destination])
    }
    if let destination = places.firstIndex(where: { $0.role == .destination }) {
      let origin = places.indices.first(where: { $0 != destination }) ?? destination
      return (places[origin], places[destination])
    }
    return (places.first, places.last)
  }
}

/// A record the question names, where in the question, and whether it is where a walk starts
/// or ends.
public struct RequestEntity: Sendable, Hashable {
  public var reference: EntityReference
  /// Inside a longer name of something else (机器人 inside 智元机器人): reported, not the subject.
  public var nested: Bool
  /// The question's units it covers.
  public var span: Range<Int>
  public var role: PlaceRole?
}

/// Where a walk starts or ends, as the words before a place say.
public enum PlaceRole: Sendable, Hashable {
  case origin, destination
}

/// Small talk that gets an answer of its own.
public enum SmallTalk: Sendable, Hashable {
  case thanks, goodbye
}

/// The time a question asks about, resolved against the clock and the event's days.
public struct TimeQuery: Sendable, Hashable {
  public var day: LocalDate?
  /// A part of the day: `morning`, `noon`, `afternoon`, `evening`.
  public var part: String?
  /// Minutes after midnight ("3pm" → 900).
  public var clock: Int?
  /// Where a clock range ends ("between 2 and 4pm" → 960), after `clock`.
  public var clockEnd: Int? = nil
  public var isNow: Bool
  /// "Soon", "next", "coming up".
  public var isNext: Bool

  public var isEmpty: Bool { day == nil && part == nil && clock == nil && !isNow && !isNext }
}
