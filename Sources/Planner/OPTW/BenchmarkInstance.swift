import Foundation

/// An instance in the KU Leuven / Montemanni–Gambardella OPTW text format (`shared/optw/`):
/// `i x y d S f a list… O C` per vertex, vertex 0 first; the budget is vertex 0's closing time;
/// travel is the Euclidean distance truncated to 1 decimal (Solomon-based) or 2 (Cordeau `pr`).
public struct BenchmarkInstance: Sendable {
  public var name: String
  public var problem: OrienteeringProblem

  /// Why a file is not an instance, with the line.
  public struct ParseError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Reads a file; `decimals` defaults to 2 for Cordeau `pr` files and 1 otherwise.
  public static func load(path: String, decimals: Int? = nil) throws(ParseError)
    -> BenchmarkInstance
  {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ParseError(description: "\(path): cannot be read")
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    do {
      return try parse(text, name: name, decimals: decimals ?? (name.hasPrefix("pr") ? 2 : 1))
    } catch {
      throw ParseError(description: "\(path): \(error.description)")
    }
  }

  public static func parse(_ text: String, name: String, decimals: Int) throws(ParseError)
    -> BenchmarkInstance
  {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.split(whereSeparator: \.isWhitespace)
    }
    .filter { !$0.isEmpty }
    guard lines.count >= 3 else {
      throw ParseError(description: "too short: expected two header lines and vertices")
    }
    var x: [Double] = []
    var y: [Double] = []
    var service: [Double] = []
    var profit: [Double] = []
    var opens: [Double] = []
    var closes: [Double] = []
    for (offset, fields) in lines.dropFirst(2).enumerated() {
      let numbers = fields.map { Double($0) }
      guard numbers.allSatisfy({ $0 != nil }), numbers.count >= 9 else {
        throw ParseError(description: "line \(offset + 3): expected `i x y d S f a list… O C`")
      }
      let values = numbers.map { $0! }
      let listLength = Int(values[6])
      guard values.count == 7 + listLength + 2, Int(values[0]) == offset else {
        throw ParseError(
          description:
            "line \(offset + 3): vertex \(Int(values[0])) has \(values.count) fields, expected \(9 + listLength) for vertex \(offset)"
        )
      }
      x.append(values[1])
      y.append(values[2])
      service.append(values[3])
      profit.append(values[4])
      opens.append(values[values.count - 2])
      closes.append(values[values.count - 1])
    }
    let count = x.count
    let scale = pow(10, Double(decimals))
    var travel = [Double](repeating: 0, count: count * count)
    for i in 0..<count {
      for j in 0..<count where i != j {
        let distance = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot()
        travel[i * count + j] = (distance * scale + 1e-9).rounded(.down) / scale
      }
    }
    let problem = OrienteeringProblem(
      travel: travel, count: count, service: service, profit: profit, opens: opens, closes: closes,
      startTime: opens[0], horizon: closes[0])
    return BenchmarkInstance(name: name, problem: problem)
  }
}
