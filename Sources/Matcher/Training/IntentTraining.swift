import EventModel
import Foundation

/// `hiwaic train`: the corpus expanded over a pack, each question understood by the same
/// pipeline that answers visitors, and the intent model fitted to the features.
public enum IntentTraining {
  /// What a training run did, for the command's report.
  public struct Summary: Sendable {
    public var examples: [Intent: Int]
    public var features: Int
    /// Share of the training questions the fitted model gets right (not a quality figure: the
    /// dev set and CLINC's validation split are the ones to read).
    public var trainingAccuracy: Double
  }

  /// The classes in the model file's order: every intent the matcher knows.
  public static let classes = Intent.allCases

  public static func train(
    corpus: IntentCorpus, catalog: EventCatalog, lexicon: Lexicon,
    settings: TrainingSettings = TrainingSettings()
  ) -> (model: IntentModel, summary: Summary) {
    var plain = lexicon
    plain.intentModel = nil
    let matcher = Matcher(catalog: catalog, lexicon: plain)
    let questions = corpus.questions(catalog: catalog, lexicon: plain)
    return train(questions: questions, matcher: matcher, settings: settings)
  }

  static func train(
    questions: [(text: String, intent: Intent)], matcher: Matcher, settings: TrainingSettings
  ) -> (model: IntentModel, summary: Summary) {
    let catalog = matcher.index.catalog
    let now =
      catalog.days.first.flatMap {
        EventTime.parse("\($0)T10:00", zone: catalog.timeZone)
      } ?? Date(timeIntervalSince1970: 0)
    let context = AskContext(now: now)
    let classes = Self.classes
    let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    var counts: [Intent: Int] = [:]
    for question in questions { counts[question.intent, default: 0] += 1 }
    // Balanced: every class weighs as much in total, whatever its number of examples.
    let perClass = Double(questions.count) / Double(max(1, counts.count))
    var examples: [TrainingExample] = []
    examples.reserveCapacity(questions.count)
    for question in questions {
      guard let label = position[question.intent], let n = counts[question.intent] else { continue }
      let (understanding, _) = matcher.understand(question.text, context: context)
      var weight = perClass / Double(n)
      if question.intent == .unknown { weight *= settings.unknownWeight }
      examples.append(
        TrainingExample(
          features: IntentFeatures.extract(understanding, index: matcher.index), label: label,
          weight: weight))
    }
    let model = IntentTrainer.train(examples, classes: classes, settings: settings)
    var right = 0
    for example in examples {
      let probabilities = model.probabilities(example.features)
      if probabilities.indices.max(by: { probabilities[$0] < probabilities[$1] }) == example.label {
        right += 1
      }
    }
    return (
      model,
      Summary(
        examples: counts, features: model.featureCount,
        trainingAccuracy: examples.isEmpty ? 0 : Double(right) / Double(examples.count))
    )
  }
}
