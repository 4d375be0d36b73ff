import EventModel
import Foundation

/// The learned intent decision: a multinomial logistic regression over `IntentFeatures`, kept as
/// a text file beside the lexicon (`lexicon/intent-model.tsv`) and re-created byte for byte by
/// `hiwaic train`.
public struct IntentModel: Sendable, Equatable {
  /// The intents the model tells apart, in the order of each feature's weights.
  public let classes: [Intent]
  /// Below this probability the top intent is not trusted and the answer is "I don't know".
  public let threshold: Double
  let featureIndex: [String: Int32]
  /// Feature-major: the weights of feature `f` are `weights[f * classes.count ..< …]`.
  let weights: [Float]
  let bias: [Float]

  /// Weights are stored as integers in units of 1/scale.
  static let scale: Float = 10_000
  static let header = "# hiwaic intent model 1"

  init(
    classes: [Intent], threshold: Double, featureIndex: [String: Int32], weights: [Float],
    bias: [Float]
  ) {
    self.classes = classes
    self.threshold = threshold
    self.featureIndex = featureIndex
    self.weights = weights
    self.bias = bias
  }

  public var featureCount: Int { featureIndex.count }

  /// The same weights with another threshold, for choosing one on the dev set.
  public func with(threshold: Double) -> IntentModel {
    IntentModel(
      classes: classes, threshold: threshold, featureIndex: featureIndex, weights: weights,
      bias: bias)
  }

  /// The probability of each class for one question's features.
  func probabilities(_ features: [String]) -> [Double] {
    let count = classes.count
    var scores = bias.map(Double.init)
    var seen = Set<Int32>()
    for feature in features {
      guard let position = featureIndex[feature], seen.insert(position).inserted else { continue }
      let start = Int(position) * count
      for c in 0..<count { scores[c] += Double(weights[start + c]) }
    }
    let top = scores.max() ?? 0
    let exponentials = scores.map { Foundation.exp($0 - top) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
  }

  /// The file's text: a header, the classes, the threshold, the bias, then one line per feature
  /// (sorted, so the same model always gives the same bytes).
  public func serialized() -> String {
    var lines = [
      Self.header,
      "classes\t" + classes.map(\.rawValue).joined(separator: "\t"),
      "threshold\t" + String(format: "%.3f", threshold),
      "@bias\t" + bias.map { String(Int((($0 * Self.scale).rounded()))) }.joined(separator: " "),
    ]
    let count = classes.count
    let ordered = featureIndex.sorted { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }
    for (feature, position) in ordered {
      let start = Int(position) * count
      let values = weights[start..<(start + count)].map { String(Int(($0 * Self.scale).rounded())) }
      lines.append(feature + "\t" + values.joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads a model file; `file` names it in errors.
  static func parse(_ text: String, file: String) throws(Lexicon.LoadError) -> IntentModel {
    func failure(_ line: Int, _ message: String) -> Lexicon.LoadError {
      Lexicon.LoadError(
        issue: PackIssue(.invalidValue, file: file, line: line, message: message))
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard lines.first == Substring(Self.header) else {
      throw failure(1, "is not an intent model (the first line should be \"\(Self.header)\")")
    }
    lines = lines.dropFirst()
    guard let classLine = lines.first, classLine.hasPrefix("classes\t") else {
      throw failure(2, "should list the classes")
    }
    var classes: [Intent] = []
    for name in classLine.split(separator: "\t").dropFirst() {
      guard let intent = Intent(rawValue: String(name)) else {
        throw failure(2, "names an intent this version does not know: \(name)")
      }
      classes.append(intent)
    }
    guard !classes.isEmpty, Set(classes).count == classes.count else {
      throw failure(2, "should list each class once")
    }
    lines = lines.dropFirst()
    guard let thresholdLine = lines.first, thresholdLine.hasPrefix("threshold\t"),
      let threshold = Double(thresholdLine.dropFirst("threshold\t".count)),
      threshold.isFinite, (0...1).contains(threshold)
    else { throw failure(3, "should give the threshold, a number from 0 to 1") }
    lines = lines.dropFirst()

    let count = classes.count
    var featureIndex: [String: Int32] = [:]
    var weights: [Float] = []
    var bias: [Float] = []
    var number = 3
    for line in lines {
      number += 1
      if line.isEmpty { continue }
      guard let tab = line.firstIndex(of: "\t") else { throw failure(number, "has no tab") }
      let feature = String(line[..<tab])
      var values: [Float] = []
      values.reserveCapacity(count)
      for field in line[line.index(after: tab)...].split(separator: " ") {
        guard let value = Int32(field) else {
          throw failure(number, "has a weight that is not a whole number: \(field)")
        }
        values.append(Float(value) / Self.scale)
      }
      guard values.count == count else {
        throw failure(number, "has \(values.count) weights for \(count) classes")
      }
      if feature == "@bias" {
        bias = values
        continue
      }
      guard featureIndex[feature] == nil else {
        throw failure(number, "repeats the feature \(feature)")
      }
      featureIndex[feature] = Int32(featureIndex.count)
      weights += values
    }
    guard bias.count == count else { throw failure(4, "should give the bias weights") }
    return IntentModel(
      classes: classes, threshold: threshold, featureIndex: featureIndex, weights: weights,
      bias: bias)
  }
}
