import EventModel
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
    let data: Data
    do {
      data = try BoundedFile.read(path, limit: maximumFileBytes)
    } catch {
      throw ParseError(description: "\(path): \(error.description)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ParseError(description: "\(path): not UTF-8 text")
    }
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    do {
      return try parse(text, name: name, decimals: decimals ?? (name.hasPrefix("pr") ? 2 : 1))
    } catch {
      throw ParseError(description: "\(path): \(error.description)")
    }
  }

  /// The most vertices an instance may have: the travel matrix holds their square (2,000
  /// vertices: 32 MB), and the largest published instances have 288.
  public static let maximumVertices = 2_000
  /// No coordinate, time or profit in a real instance comes near 10^9.
  static let maximumMagnitude = 1e9
  /// Larger files are refused.
  public static let maximumFileBytes = 16 << 20

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
    let vertexLines = lines.count - 2
    guard vertexLines <= maximumVertices else {
      throw ParseError(
        description:
          "\(vertexLines) vertices; at most \(maximumVertices) are read (the travel matrix grows with the square)"
      )
    }
    for (offset, fields) in lines.dropFirst(2).enumerated() {
      let line = offset + 3
      var values: [Double] = []
      values.reserveCapacity(fields.count)
      for field in fields {
        guard let value = Double(field), value.isFinite, abs(value) <= maximumMagnitude else {
          throw ParseError(
            description:
              "line \(line): '\(field.prefix(40))' is not a finite number of at most 10^9 in size")
        }
        values.append(value)
      }
      guard values.count >= 9 else {
        throw ParseError(description: "line \(line): expected `i x y d S f a list… O C`")
      }
      guard let vertex = Int(checked: values[0]), vertex == offset else {
        throw ParseError(description: "line \(line): expected vertex \(offset), found \(fields[0])")
      }
      guard let listLength = Int(checked: values[6]), listLength >= 0,
        values.count == 7 + listLength + 2
      else {
        throw ParseError(
          description:
            "line \(line): vertex \(vertex) has \(values.count) fields, but its list length \(fields[6]) asks for 9 + that many"
        )
      }
      guard values[3] >= 0, values[values.count - 2] <= values[values.count - 1] else {
        throw ParseError(
          description:
            "line \(line): vertex \(vertex) needs a service time of 0 or more and opening before closing"
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
