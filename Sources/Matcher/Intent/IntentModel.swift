import EventModel
import Foundation

/// The learned intent decision: a multinomial logistic regression over `IntentFeatures`, kept as
/// a text file beside the lexicon (`lexicon/intent-model.tsv`) and re-created byte for byte by
/// `hiwaic train`.
public struct IntentModel: Sendable, Equatable {
  /// The intents the model tells apart, in the order of each feature's weights.
  public let classes: [Intent]
  /// Below this probability that the question is in scope at all (every class but `unknown`),
  /// the answer is "I don't know".
  public let threshold: Double
  let featureIndex: [String: Int32]
  /// Feature-major: the weights of feature `f` are `weights[f * classes.count ..< …]`.
  let weights: [Float]
  let bias: [Float]
  /// The features by hash, for answering; nil in the (never seen) case of two features with
  /// the same hash, when answering looks features up by their text.
  let hashed: HashedFeatureTable?

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
    hashed = HashedFeatureTable(featureIndex)
  }

  public var featureCount: Int { featureIndex.count }

  /// The same model: the same classes, threshold, features and weights (the hash table is made
  /// from them).
  public static func == (a: IntentModel, b: IntentModel) -> Bool {
    a.classes == b.classes && a.threshold == b.threshold && a.featureIndex == b.featureIndex
      && a.weights == b.weights && a.bias == b.bias
  }

  /// The same weights with another threshold, for choosing one on the dev set.
  public func with(threshold: Double) -> IntentModel {
    IntentModel(
      classes: classes, threshold: threshold, featureIndex: featureIndex, weights: weights,
      bias: bias)
  }

  /// The probability of each class for one question's features, given as text.
  func probabilities(_ features: [String]) -> [Double] {
    probabilities(rows: features.map { featureIndex[$0].map(Int.init) })
  }

  /// The probability of each class for one question's features, given as hashes of their text.
  func probabilities(hashes: [UInt64], texts: () -> [String]) -> [Double] {
    guard let hashed else { return probabilities(texts()) }
    var rows: [Int?] = []
    rows.reserveCapacity(hashes.count)
    for hash in hashes { rows.append(hashed.row(hash)) }
    return probabilities(rows: rows)
  }

  /// Softmax of the bias plus the weights of each known feature, counted once, summed in the
  /// features' order.
  private func probabilities(rows: [Int?]) -> [Double] {
    let count = classes.count
    var scores = bias.map(Double.init)
    var counted: [Int] = []
    counted.reserveCapacity(rows.count)
    for case let row? in rows where !counted.contains(row) { counted.append(row) }
    // The rows are gathered first and summed in one tight loop, so that the processor fetches
    // the next rows' weights (mostly cache misses) while it adds the ones before.
    scores.withUnsafeMutableBufferPointer { scores in
      weights.withUnsafeBufferPointer { weights in
        for row in counted {
          let start = row * count
          guard start >= 0 && start + count <= weights.count && scores.count >= count else {
            continue
          }
          for c in 0..<count { scores[c] += Double(weights[start + c]) }
        }
      }
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

  /// Reads a model file; `file` names it in errors. Works on bytes: the file has tens of
  /// thousands of lines and is read on every start.
  static func parse(_ text: String, file: String) throws(Lexicon.LoadError) -> IntentModel {
    func failure(_ line: Int, _ message: String) -> Lexicon.LoadError {
      Lexicon.LoadError(
        issue: PackIssue(.invalidValue, file: file, line: line, message: message))
    }
    let bytes = Array(text.utf8)
    var lines: [Range<Int>] = []
    var lineStart = 0
    for (position, byte) in bytes.enumerated() where byte == 0x0A {
      lines.append(lineStart..<position)
      lineStart = position + 1
    }
    if lineStart < bytes.count { lines.append(lineStart..<bytes.count) }
    func line(_ number: Int) -> String? {
      number <= lines.count ? String(decoding: bytes[lines[number - 1]], as: UTF8.self) : nil
    }
    guard line(1) == Self.header else {
      throw failure(1, "is not an intent model (the first line should be \"\(Self.header)\")")
    }
    guard let classLine = line(2), classLine.hasPrefix("classes\t") else {
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
    guard let thresholdLine = line(3), thresholdLine.hasPrefix("threshold\t"),
      let threshold = Double(thresholdLine.dropFirst("threshold\t".count)),
      threshold.isFinite, (0...1).contains(threshold)
    else { throw failure(3, "should give the threshold, a number from 0 to 1") }

    let count = classes.count
    var featureIndex: [String: Int32] = [:]
    featureIndex.reserveCapacity(lines.count)
    var weights: [Float] = []
    weights.reserveCapacity(lines.count * count)
    var bias: [Float] = []
    var values: [Float] = []
    values.reserveCapacity(count)
    for number in 4..<(lines.count + 1) {
      let range = lines[number - 1]
      if range.isEmpty { continue }
      guard let tab = bytes[range].firstIndex(of: 0x09) else {
        throw failure(number, "has no tab")
      }
      values.removeAll(keepingCapacity: true)
      // Whole numbers separated by single spaces, each within ±10^9.
      var position = tab + 1
      while position < range.upperBound {
        var negative = false
        if bytes[position] == 0x2D {
          negative = true
          position += 1
        }
        var magnitude = 0
        var digits = 0
        while position < range.upperBound, bytes[position] >= 0x30, bytes[position] <= 0x39 {
          if digits < 10 { magnitude = magnitude * 10 + Int(bytes[position] - 0x30) }
          digits += 1
          position += 1
        }
        let ended = position == range.upperBound || bytes[position] == 0x20
        guard digits > 0, digits <= 9, ended else {
          let field = String(decoding: bytes[(tab + 1)..<range.upperBound], as: UTF8.self)
          throw failure(number, "has a weight that is not a whole number: \(field)")
        }
        values.append(Float(negative ? -magnitude : magnitude) / Self.scale)
        position += 1
      }
      guard values.count == count else {
        throw failure(number, "has \(values.count) weights for \(count) classes")
      }
      let feature = String(decoding: bytes[range.lowerBound..<tab], as: UTF8.self)
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
