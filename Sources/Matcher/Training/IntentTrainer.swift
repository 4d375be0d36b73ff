import Foundation

/// A labelled example as the trainer sees it: feature strings, a class position and a weight.
struct TrainingExample: Sendable {
  var features: [String]
  var label: Int
  var weight: Double
}

/// The settings of one training run; the defaults are the shipped model's.
public struct TrainingSettings: Sendable, Equatable {
  public var epochs = 12
  public var learningRate = 0.2
  /// L2 penalty, applied to a weight each time its feature is seen.
  public var l2 = 2e-5
  /// Features seen fewer times than this are dropped: they teach names, not phrasings.
  public var minimumCount = 2
  /// How much the off-topic examples weigh against an in-scope intent's.
  public var unknownWeight = 5.0
  /// Chosen on the dev set and CLINC val: 0.80 to 0.85 answer the dev set alike; 0.80 keeps
  /// more wrapped questions (see `IntentCorpus.padded`) for one more off-topic dev question
  /// accepted.
  public var threshold = 0.80
  public var seed: UInt64 = 2025
  /// Runs, each over its own seeded order, whose weights are averaged: a model that depends
  /// less on one order, so that a few more training questions flip fewer others.
  public var runs = 3

  public init() {}
}

/// Fits a multinomial logistic regression by AdaGrad over a fixed, seeded order of examples: the
/// same examples and settings give the same weights, bit for bit.
enum IntentTrainer {
  static func train(
    _ examples: [TrainingExample], classes: [Intent], settings: TrainingSettings
  ) -> IntentModel {
    let count = classes.count
    var frequency: [String: Int] = [:]
    for example in examples {
      for feature in Set(example.features) { frequency[feature, default: 0] += 1 }
    }
    let kept = frequency.filter { $0.value >= settings.minimumCount && $0.key != "bias" }.keys
      .sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    var index: [String: Int32] = [:]
    for (position, feature) in kept.enumerated() { index[feature] = Int32(position) }
    let biasPosition = kept.count
    let encoded: [[Int]] = examples.map { example in
      var positions = Set(example.features.compactMap { index[$0].map(Int.init) })
      positions.insert(biasPosition)
      return positions.sorted()
    }

    var weights = [Double](repeating: 0, count: (kept.count + 1) * count)
    let runs = max(1, settings.runs)
    for run in 0..<runs {
      let fitted = fit(
        examples, encoded: encoded, slots: weights.count, classes: count, settings: settings,
        seed: settings.seed &+ UInt64(run))
      for slot in weights.indices { weights[slot] += fitted[slot] / Double(runs) }
    }

    // Quantise as the file stores them, and drop features whose weights all round to zero, so
    // the model trained here is exactly the model read back.
    func quantised(_ value: Double) -> Float {
      Float((value * Double(IntentModel.scale)).rounded()) / IntentModel.scale
    }
    var finalIndex: [String: Int32] = [:]
    var finalWeights: [Float] = []
    for (position, feature) in kept.enumerated() {
      let values = (0..<count).map { quantised(weights[position * count + $0]) }
      guard values.contains(where: { $0 != 0 }) else { continue }
      finalIndex[feature] = Int32(finalIndex.count)
      finalWeights += values
    }
    let bias = (0..<count).map { quantised(weights[biasPosition * count + $0]) }
    // Rebuild the index in the file's order so that parse(serialized()) == self.
    let ordered = finalIndex.sorted { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }
    var sortedIndex: [String: Int32] = [:]
    var sortedWeights: [Float] = []
    for (feature, position) in ordered {
      sortedIndex[feature] = Int32(sortedIndex.count)
      let start = Int(position) * count
      sortedWeights += finalWeights[start..<(start + count)]
    }
    return IntentModel(
      classes: classes, threshold: settings.threshold, featureIndex: sortedIndex,
      weights: sortedWeights, bias: bias)
  }

  /// One run of AdaGrad over an order seeded by `seed`: the weights averaged over the epochs of
  /// its second half.
  private static func fit(
    _ examples: [TrainingExample], encoded: [[Int]], slots: Int, classes: Int,
    settings: TrainingSettings, seed: UInt64
  ) -> [Double] {
    let count = classes
    var weights = [Double](repeating: 0, count: slots)
    var squares = [Double](repeating: 1e-8, count: slots)
    var generator = SplitMix64(seed: seed)
    var order = Array(examples.indices)
    var scores = [Double](repeating: 0, count: count)
    // The weights at the end of each epoch of the second half, averaged: one late example
    // moves them less, so retraining on a slightly different corpus flips fewer questions.
    var averaged = [Double](repeating: 0, count: weights.count)
    var snapshots = 0
    for epoch in 0..<settings.epochs {
      // Fisher–Yates with the seeded generator: a fixed order per epoch.
      if order.count > 1 {
        for position in stride(from: order.count - 1, to: 0, by: -1) {
          let other = Int(generator.next() % UInt64(position + 1))
          order.swapAt(position, other)
        }
      }
      for item in order {
        let features = encoded[item]
        for c in 0..<count { scores[c] = 0 }
        for f in features {
          for c in 0..<count { scores[c] += weights[f * count + c] }
        }
        let top = scores.max() ?? 0
        var total = 0.0
        for c in 0..<count {
          scores[c] = exp(scores[c] - top)
          total += scores[c]
        }
        let label = examples[item].label
        let weight = examples[item].weight
        for c in 0..<count {
          let gradient = (scores[c] / total - (c == label ? 1 : 0)) * weight
          for f in features {
            let slot = f * count + c
            let step = gradient + settings.l2 * weights[slot]
            squares[slot] += step * step
            weights[slot] -= settings.learningRate * step / squares[slot].squareRoot()
          }
        }
      }
      if epoch >= settings.epochs / 2 {
        for slot in weights.indices { averaged[slot] += weights[slot] }
        snapshots += 1
      }
    }
    if snapshots > 0 {
      for slot in weights.indices { weights[slot] = averaged[slot] / Double(snapshots) }
    }
    return weights
  }

}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the training order and
/// the corpus fillers come from it, never from the system's random source.
struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

}
