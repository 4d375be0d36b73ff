import Foundation

/// Turns Foundation's JSON errors into located, readable messages.
enum JSONDiagnostics {
  /// Line and column (1-based, columns in characters) of a syntax error, when Foundation reports
  /// its offset ("around character N", a byte offset), plus its own description.
  static func syntaxError(in data: Data) -> (line: Int?, column: Int?, message: String)? {
    do {
      _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
      return nil
    } catch {
      let description =
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        ?? error.localizedDescription
      guard let offset = byteOffset(in: description) else {
        // A file cut short: the problem is where it ends.
        if description.lowercased().contains("end of file") {
          let (line, column) = lineAndColumn(ofByte: data.count, in: data)
          return (line, column, "it ends before the JSON is complete (cut short?)")
        }
        return (nil, nil, description)
      }
      let (line, column) = lineAndColumn(ofByte: offset, in: data)
      return (line, column, description)
    }
  }

  private static func byteOffset(in description: String) -> Int? {
    guard let range = description.range(of: "character ") else { return nil }
    let digits = description[range.upperBound...].prefix { $0.isNumber }
    return Int(digits)
  }

  static func lineAndColumn(ofByte offset: Int, in data: Data) -> (Int, Int) {
    let bytes = [UInt8](data.prefix(max(0, offset)))
    var line = 1
    var lineStart = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    let lineBytes = bytes[lineStart...]
    let column = (String(decoding: lineBytes, as: UTF8.self).count) + 1
    return (line, column)
  }

  /// `$[3].booth` for a decoding path.
  static func jsonPath(_ path: [any CodingKey]) -> String {
    var result = "$"
    for key in path {
      if let index = key.intValue {
        result += "[\(index)]"
      } else {
        result += ".\(key.stringValue)"
      }
    }
    return result
  }

  /// A located sentence for a decoding error.
  static func describe(_ error: any Error) -> (path: String, message: String) {
    guard let decodingError = error as? DecodingError else {
      return ("$", plainWords(error))
    }
    switch decodingError {
    case .keyNotFound(let key, let context):
      return (jsonPath(context.codingPath), "missing required field '\(key.stringValue)'")
    case .valueNotFound(let type, let context):
      return (jsonPath(context.codingPath), "is null, but must be \(typeName(type))")
    case .typeMismatch(let type, let context):
      let found = context.debugDescription.range(of: "but found ").map {
        " but found "
          + context.debugDescription[$0.upperBound...].replacingOccurrences(
            of: " instead.", with: "")
      }
      return (jsonPath(context.codingPath), "expected \(typeName(type))\(found ?? "")")
    case .dataCorrupted(let context):
      if let underlying = context.underlyingError {
        return (jsonPath(context.codingPath), plainWords(underlying))
      }
      return (jsonPath(context.codingPath), context.debugDescription)
    @unknown default:
      return ("$", "\(decodingError)")
    }
  }

  /// Foundation's parser errors, which print as Swift enum cases, in words.
  private static func plainWords(_ error: any Error) -> String {
    let text = String(describing: error)
    if text.hasPrefix("numberIsNotRepresentableInSwift"),
      let start = text.range(of: "parsed: \""),
      let end = text[start.upperBound...].firstIndex(of: "\"")
    {
      let number = text[start.upperBound..<end]
      return "the number \(number.prefix(40)) is too large for a number here"
    }
    if text.hasPrefix("cannotConvertInputStringDataToUTF8") { return "is not UTF-8 text" }
    if let described = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String {
      return described
    }
    return text
  }

  private static func typeName(_ type: Any.Type) -> String {
    if type is String.Type { return "a string" }
    if type is Int.Type { return "a whole number" }
    if type is Double.Type { return "a number" }
    if type is Bool.Type { return "true or false" }
    let name = String(describing: type)
    if name.hasPrefix("Array") { return "an array" }
    if name.hasPrefix("Dictionary") { return "an object" }
    return "a \(name)"
  }
}

/// Decodes one record of an array without letting its failure spoil the others.
struct Lenient<Value: Decodable>: Decodable {
  let value: Value?
  let error: (any Error)?

  init(from decoder: any Decoder) throws {
    do {
      value = try Value(from: decoder)
      error = nil
    } catch {
      value = nil
      self.error = error
    }
  }
}
