import EventModel
import Foundation
import Knowledge
import Matcher

extension AnswerComposer {
  /// "What did Hinton say about AI safety?": the best recorded passages, quoted, with who said
  /// them, in which session, when in the talk and from what kind of record; never a passage
  /// that does not match, and "nothing recorded yet" said plainly.
  mutating func talkNotes() -> String {
    let speaker = u.primary(.speaker).first.flatMap { catalog.speaker($0.id) }
    let session = u.primary(.session).first.flatMap { catalog.session($0.id) }
    // A topic is found by its name in any language: the talk may be in another one.
    var phrases: [String] = []
    var topicIDs: [String] = []
    for reference in u.primary(.topic) {
      guard let topic = catalog.topic(reference.id) else { continue }
      topicIDs.append(topic.id)
      phrases += topic.name.allTexts + topic.aliases
    }
    if let speaker { slots["speaker"] = .text(speaker.id) }
    if let session { slots["session"] = .text(session.id) }
    if !topicIDs.isEmpty { slots["topics"] = .list(topicIDs) }
    guard speaker != nil || session != nil || !phrases.isEmpty else {
      // An example from this pack: one of its speakers.
      guard let example = catalog.pack.speakers.first.map({ name($0.name) }) else {
        return t(
          "Tell me whose talk or which topic you mean.", "请告诉我想了解哪位嘉宾或哪个主题的发言。",
          "Sagen Sie mir, wessen Vortrag oder welches Thema Sie meinen.")
      }
      let question = t("What did \(example) say?", "\(example)说了什么？", "Was sagte \(example)?")
      suggestions = [question]
      return t(
        "Tell me whose talk or which topic you mean, for example: \(question)",
        "请告诉我想了解哪位嘉宾或哪个主题的发言，比如：\(question)",
        "Sagen Sie mir, wessen Vortrag oder welches Thema Sie meinen, zum Beispiel: \(question)")
    }
    let names = speaker.map { [$0.name.en, $0.name.zh, $0.name.de].compactMap { $0 } } ?? []
    let query = NotesQuery(
      phrases: phrases, speaker: speaker?.id, speakerNames: names, session: session?.id,
      limit: 9)
    // Passages in the visitor's language first, then English, the best of each first.
    let preference = [language, .en, .zh, .de]
    let hits = ((try? knowledge?.passages(query)) ?? []).enumerated().sorted {
      let left = preference.firstIndex(of: $0.element.chunk.language) ?? preference.count
      let right = preference.firstIndex(of: $1.element.chunk.language) ?? preference.count
      return (left, $0.offset) < (right, $1.offset)
    }.prefix(3).map(\.element)
    guard !hits.isEmpty else {
      slots["unanswered"] = .text("nothing_recorded")
      if let speaker {
        let name = self.name(speaker.name)
        suggestions = [t("When does \(name) speak?", "\(name)什么时候演讲？", "Wann spricht \(name)?")]
      }
      return t(
        "Nothing recorded on that yet.", "暂时还没有相关的记录。", "Dazu ist noch nichts aufgezeichnet.")
    }
    var lines = [
      hits.allSatisfy { $0.origin == .reported }
        ? t("What the press reported:", "媒体报道：", "Aus Presseberichten:")
        : t("Recorded at the event:", "活动现场记录：", "Auf der Veranstaltung aufgezeichnet:")
    ]
    for hit in hits {
      // A passage that is a quotation already keeps its own quotation marks.
      let quoted = hit.snippet.first.map { "\"“„«".contains($0) } == true
      lines.append(
        quoted ? hit.snippet : t("“\(hit.snippet)”", "“\(hit.snippet)”", "„\(hit.snippet)“"))
      lines.append("   — " + attribution(hit))
    }
    slots["sessions"] = .list(Array(Set(hits.compactMap(\.session))).sorted())
    return lines.joined(separator: "\n")
  }

  /// "Geoffrey Hinton, Main Forum, 12:34 into the talk (transcript)".
  func attribution(_ hit: SearchHit) -> String {
    var parts: [String] = []
    // The pack's name of the speaker, in the visitor's language, when the passage is theirs.
    let speaker = hit.speakerID.flatMap(catalog.speaker)
    let isTheirs =
      hit.chunk.speaker.map { voice in
        speaker?.name.allTexts.contains { TextFolding.fold($0) == TextFolding.fold(voice) } ?? false
      } ?? true
    if let speaker, isTheirs {
      parts.append(name(speaker.name))
    } else if let who = hit.speaker {
      parts.append(catalog.speaker(who).map { name($0.name) } ?? who)
    }
    if let session = hit.session.flatMap(catalog.session) { parts.append(name(session.title)) }
    if let start = hit.chunk.startMilliseconds {
      let clock = TalkTime.text(start)
      parts.append(t("\(clock) into the talk", "第\(clock)处", "bei \(clock)"))
    }
    let recorded: String =
      switch hit.chunk.role {
      case .question: t("a question from the floor", "现场提问", "eine Frage aus dem Publikum")
      case .answer: t("an answer in the Q&A", "问答环节的回答", "eine Antwort in der Fragerunde")
      case .talk: t("the talk's record", "演讲记录", "Aufzeichnung des Vortrags")
      }
    parts.append(
      hit.origin == .reported
        ? t("as reported in the press", "据媒体报道", "laut Presseberichten") : recorded)
    return parts.joined(separator: t(", ", "，", ", "))
  }
}
