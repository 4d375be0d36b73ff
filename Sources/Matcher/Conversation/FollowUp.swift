import EventModel

/// Follow-ups within a conversation: "make it step-free", "and tomorrow?", "how do I get there",
/// "add a forum" name nothing of their own and act on what the conversation was about. The
/// earlier questions are understood again (the matcher is pure; nothing is kept between calls)
/// and the follow-up's changes are laid over the last one that stood on its own.
extension Matcher {
  /// How many earlier questions a follow-up may reach back over.
  public static let conversationDepth = 4

  /// The understanding and intent of `u` in the light of the earlier questions, or `u` and its
  /// own decision when it stands on its own.
  func resolve(
    _ u: Understanding, decision: IntentRules.Decision, earlier: [String], context: AskContext
  ) -> (Understanding, IntentRules.Decision) {
    guard !earlier.isEmpty else { return (u, decision) }
    // The conversation so far, folded oldest first: each question either stands on its own or
    // refines the one before.
    var plain = context
    plain.earlier = []
    var before: (Understanding, IntentRules.Decision)?
    for question in earlier.suffix(Self.conversationDepth) {
      let (understood, _) = understand(question, context: plain)
      let decided = decide(understood)
      before = before.flatMap { followUp(understood, decided, after: $0) } ?? (understood, decided)
    }
    guard let before else { return (u, decision) }
    return followUp(u, decision, after: before) ?? (u, decision)
  }

  /// `u` as a refinement of `before`, or nil when it asks something new.
  func followUp(
    _ u: Understanding, _ decision: IntentRules.Decision,
    after before: (Understanding, IntentRules.Decision)
  ) -> (Understanding, IntentRules.Decision)? {
    let (previous, previousDecision) = before
    // A question that names something, asks for a facility or an information entry, or has
    // words of its own beyond those of a follow-up stands on its own. The words of step-free
    // access also name the accessibility entry; after a plan or a way they ask to change it.
    guard !u.entities.contains(where: { !$0.nested }),
      u.unexplainedCount(besides: index.followUpMarkers + index.referenceMarkers) == 0,
      u.facilities.isEmpty, (u.infoHits.values.max() ?? 0) < 2 || u.stepFree || u.duration != nil,
      u.sessionParts.isEmpty,
      !u.cue(.greeting), !u.cue(.help)
    else { return nil }
    // No cue of its own ("and tomorrow?", "make it step-free", "for three hours"), or only the
    // cue of the intent it refines.
    let elliptical = u.strongCues.isEmpty
    var merged = previous
    merged.language = u.language
    var intent = previousDecision.intent
    let placed = previous.entities.contains { entity in
      !entity.nested && Self.placeTypes.contains(entity.reference.type)
    }
    if u.cue(.directions) && placed {
      // "How do I get there?": the way to what the conversation was about.
      intent = .directions
    } else if previousDecision.intent == .planRoute {
      // "Add a forum", "make it step-free", "for three hours", "tomorrow instead". A forum word
      // with a word of adding or planning adds one; without, it asks what is on ("what's on
      // tomorrow?"), a question of its own. Words of a route or of step-free access may come
      // with the change.
      let adding = u.cue(.planRoute) || u.containsAny(of: index.followUpMarkers)
      let addsSession = u.cue(.findSession) && adding
      var allowed: Set<Intent> = [.planRoute, .directions]
      if addsSession { allowed.insert(.findSession) }
      if u.stepFree { allowed.insert(.venueInfo) }
      guard u.strongCues.keys.allSatisfy(allowed.contains) else { return nil }
      guard addsSession || u.stepFree || u.duration != nil || !u.time.isEmpty else { return nil }
      merged.addsSession = previous.addsSession || addsSession
    } else if previousDecision.intent == .directions {
      // "And step-free?"
      let allowed: Set<Intent> = [.directions, .venueInfo]
      guard u.stepFree, u.strongCues.keys.allSatisfy(allowed.contains) else { return nil }
    } else if previousDecision.intent == .findSession || previousDecision.intent == .nowNearby {
      // "And tomorrow?", "明天呢": the same question for another time.
      guard !u.time.isEmpty, elliptical || decision.intent == .findSession else { return nil }
      intent = .findSession
    } else {
      return nil
    }
    merged.time = Self.time(u.time, after: previous.time)
    if let duration = u.duration { merged.duration = duration }
    merged.stepFree = previous.stepFree || u.stepFree
    return (merged, IntentRules.Decision(intent: intent, confidence: previousDecision.confidence))
  }

  /// The time a follow-up asks about: its own, with what it leaves out taken from the question
  /// before ("this afternoon" then "and tomorrow?" is tomorrow afternoon).
  static func time(_ new: TimeUnderstanding, after old: TimeUnderstanding) -> TimeUnderstanding {
    guard !new.isEmpty else { return old }
    guard !new.isNow && !new.isNext else { return new }
    var merged = new
    if new.day == nil {
      merged.day = old.day
      merged.relativeDay = old.relativeDay
    }
    if new.part == nil && new.clock == nil {
      merged.part = old.part
      merged.clock = old.clock
    }
    return merged
  }

  /// What a way can lead to.
  static let placeTypes: Set<EntityType> = [
    .exhibitor, .booth, .room, .session, .pavilion, .hall, .zone, .venue, .place,
  ]
}
