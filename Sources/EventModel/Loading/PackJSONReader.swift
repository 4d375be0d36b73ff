import Foundation

/// A JSON document read value by value, without a tree and without Codable: the loader's reader
/// for the records a pack holds by the thousand (exhibitors, booths, walkways, sessions,
/// speakers).
///
/// Why not JSONDecoder: on a 10x pack it spent three quarters of the load in Codable's generic
/// machinery (metadata lookups, boxed containers, a dictionary per object), three times what
/// reading the bytes costs. Failures are the `DecodingError`s JSONDecoder throws for the same
/// input, with the same paths and descriptions (a test holds the two readers to each other), so
/// located messages read alike whichever reader found them. Two differences, both on input that
/// JSONDecoder reads inconsistently: a key repeated in one object fails its record (JSONDecoder
/// keeps the first of a small object's and the last of a large one's), and malformed JSON inside a
/// string fails the file as all malformed JSON does (JSONDecoder only notices it when it decodes
/// that string). Malformed JSON is a `PackJSONSyntaxError`.
struct PackJSONReader {
  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0
  /// Keys of the objects being read, innermost last, so that a repeated key is found.
  private var openKeys: [String] = []
  /// Where the innermost object's keys start in `openKeys`.
  private var keysStart = 0
  /// The zone of times written without an offset (none are accepted in records, but the parser
  /// needs one).
  let zone: TimeZone

  /// As deep as JSONDecoder lets a document nest.
  static let maximumDepth = 512

  init(_ data: Data, zone: TimeZone) {
    bytes = [UInt8](data)
    self.zone = zone
  }

  // MARK: - Bytes

  /// The byte at `index`, or 0 past the end: 0 is never valid where a reader looks, so the end of
  /// the input fails like any other wrong byte, and no index is ever out of range.
  private func byte(at index: Int) -> UInt8 {
    index >= 0 && index < bytes.count ? bytes[index] : 0
  }

  private mutating func skipWhitespace() {
    while true {
      switch byte(at: position) {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private func syntax(_ message: String, at offset: Int? = nil) -> PackJSONSyntaxError {
    let at = offset ?? position
    return PackJSONSyntaxError(
      offset: at, message: at >= bytes.count ? "the JSON ends too early (cut short?)" : message)
  }

  /// What the next value is, after any whitespace; malformed JSON where a value should start.
  private mutating func nextKind() throws(PackJSONSyntaxError) -> ValueKind {
    skipWhitespace()
    switch byte(at: position) {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    default: throw syntax("a value was expected here")
    }
  }

  /// The kinds of JSON value, named as JSONDecoder names them in its messages.
  private enum ValueKind {
    case object, array, string, number, bool, null

    var found: String {
      switch self {
      case .object: "a dictionary"
      case .array: "an array"
      case .string: "a string"
      case .number: "number"
      case .bool: "bool"
      case .null: "null"
      }
    }
  }

  private func mismatch(_ type: Any.Type, _ name: String, found: ValueKind) -> DecodingError {
    if found == .null {
      return .valueNotFound(
        type,
        .init(
          codingPath: [],
          debugDescription: "Cannot get value of type \(name) -- found null value instead"))
    }
    return .typeMismatch(
      type,
      .init(
        codingPath: [],
        debugDescription: "Expected to decode \(name) but found \(found.found) instead."))
  }

  // MARK: - Values

  /// Whether the next value is `null`; it is read if so.
  mutating func skipNull() throws -> Bool {
    guard try nextKind() == .null else { return false }
    try literal("null")
    return true
  }

  /// The next value, or nil when it is `null` (what `decodeIfPresent` gives).
  mutating func optional<Value>(_ read: (inout PackJSONReader) throws -> Value) throws -> Value? {
    try skipNull() ? nil : read(&self)
  }

  mutating func string() throws -> String {
    let kind = try nextKind()
    guard kind == .string else { throw mismatch(String.self, "String", found: kind) }
    return try stringLiteral()
  }

  mutating func double() throws -> Double {
    let kind = try nextKind()
    guard kind == .number else { throw mismatch(Double.self, "Double", found: kind) }
    return try number()
  }

  mutating func bool() throws -> Bool {
    let kind = try nextKind()
    guard kind == .bool else { throw mismatch(Bool.self, "Bool", found: kind) }
    if byte(at: position) == UInt8(ascii: "t") {
      try literal("true")
      return true
    }
    try literal("false")
    return false
  }

  /// A string naming one of a closed set of values; an unknown one names the allowed values.
  mutating func value<Value: PackEnum>(_ type: Value.Type) throws -> Value {
    let raw = try string()
    guard let value = Value(rawValue: raw) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: Value.unknownValueDescription(raw)))
    }
    return value
  }

  /// A date-time with its UTC offset, as the pack writes them.
  mutating func date() throws -> Date {
    let text = try string()
    guard let date = EventTime.parse(text, zone: zone, requireOffset: true) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: EventTime.offsetRequiredDescription(text)))
    }
    return date
  }

  mutating func strings() throws -> [String] { try array { try $0.string() } }

  /// An array, each element read by `element`; a failure is located at its element.
  mutating func array<Element>(_ element: (inout PackJSONReader) throws -> Element) throws
    -> [Element]
  {
    var elements: [Element] = []
    try forEachElement { reader, _ in elements.append(try element(&reader)) }
    return elements
  }

  /// An array of records read leniently: a record that does not decode is skipped and reported
  /// with its position, the others are kept; only malformed JSON stops the reading.
  mutating func records<Record>(_ read: (inout PackJSONReader) throws -> Record) throws
    -> (records: [Located<Record>], failures: [(index: Int, error: DecodingError)])
  {
    var records: [Located<Record>] = []
    var failures: [(index: Int, error: DecodingError)] = []
    let kind = try nextKind()
    guard kind == .array else {
      throw mismatch([Any].self, "Array<Any>", found: kind)
    }
    try enterContainer()
    var index = 0
    while try nextElement(first: index == 0) {
      let start = position
      let state = (depth, keysStart, openKeys.count)
      do {
        records.append(Located(index: index, value: try read(&self)))
      } catch let error as DecodingError {
        failures.append((index, error.under(PathKey(index: index))))
        // Back to the record's start, and over it as plain JSON.
        (depth, keysStart) = (state.0, state.1)
        openKeys.removeSubrange(state.2...)
        position = start
        try skipValue()
      }
      index += 1
    }
    depth -= 1
    return (records, failures)
  }

  /// An object: `field` is called with each key and must read that key's value (or skip it). A
  /// key seen before in the same object is an error.
  mutating func object(_ field: (inout PackJSONReader, String) throws -> Void) throws {
    let kind = try nextKind()
    guard kind == .object else {
      if kind == .null {
        throw DecodingError.valueNotFound(
          [String: Any].self,
          .init(
            codingPath: [],
            debugDescription: "Cannot get keyed decoding container -- found null value instead"))
      }
      throw mismatch([String: Any].self, "Dictionary<String, Any>", found: kind)
    }
    try enterContainer()
    let outerKeys = keysStart
    keysStart = openKeys.count
    var first = true
    while let key = try nextKey(first: first) {
      first = false
      do {
        guard !openKeys[keysStart...].contains(key) else {
          throw DecodingError.dataCorrupted(
            .init(
              codingPath: [],
              debugDescription: "appears more than once in one object (keep one of them)"))
        }
        openKeys.append(key)
        try field(&self, key)
      } catch let error as DecodingError {
        throw error.under(PathKey(key))
      }
    }
    openKeys.removeSubrange(keysStart...)
    keysStart = outerKeys
    depth -= 1
  }

  /// A required field that was not there.
  func missing(_ key: String) -> DecodingError {
    .keyNotFound(
      PathKey(key),
      .init(codingPath: [], debugDescription: "No value associated with key \"\(key)\"."))
  }

  /// Steps over any value, checking that it is well-formed JSON.
  mutating func skipValue() throws(PackJSONSyntaxError) {
    switch try nextKind() {
    case .string: _ = try stringLiteral()
    case .number: _ = try numberBytes()
    case .bool: try literal(byte(at: position) == UInt8(ascii: "t") ? "true" : "false")
    case .null: try literal("null")
    case .array:
      try enterContainer()
      var first = true
      while try nextElement(first: first) {
        try skipValue()
        first = false
      }
      depth -= 1
    case .object:
      try enterContainer()
      var first = true
      while try nextKey(first: first) != nil {
        first = false
        try skipValue()
      }
      depth -= 1
    }
  }

  /// Checks that nothing but whitespace follows the document's value.
  mutating func finish() throws(PackJSONSyntaxError) {
    skipWhitespace()
    guard position >= bytes.count else {
      throw syntax("there is more after the end of the JSON value")
    }
  }

  // MARK: - Containers

  /// Moves to the next key of an object and over its ':': nil at the object's end (which is
  /// read). A comma before the closing brace is let pass, as JSONSerialization and JSONDecoder
  /// let it.
  private mutating func nextKey(first: Bool) throws(PackJSONSyntaxError) -> String? {
    skipWhitespace()
    if !first && byte(at: position) == UInt8(ascii: ",") {
      position += 1
      skipWhitespace()
    } else if !first && byte(at: position) != UInt8(ascii: "}") {
      throw syntax("a ',' or '}' was expected after a value in an object")
    }
    if byte(at: position) == UInt8(ascii: "}") {
      position += 1
      return nil
    }
    guard byte(at: position) == UInt8(ascii: "\"") else {
      throw syntax("a key in double quotes was expected here")
    }
    let key = try stringLiteral()
    skipWhitespace()
    guard byte(at: position) == UInt8(ascii: ":") else {
      throw syntax("a ':' was expected after the key '\(key.prefix(40))'")
    }
    position += 1
    return key
  }

  private mutating func enterContainer() throws(PackJSONSyntaxError) {
    depth += 1
    guard depth <= Self.maximumDepth else {
      throw syntax("the JSON nests more than \(Self.maximumDepth) levels deep")
    }
    position += 1
  }

  /// Moves to the next element of an array: false at its end (which is read).
  private mutating func nextElement(first: Bool) throws(PackJSONSyntaxError) -> Bool {
    skipWhitespace()
    if byte(at: position) == UInt8(ascii: "]") {
      position += 1
      return false
    }
    if !first {
      guard byte(at: position) == UInt8(ascii: ",") else {
        throw syntax("a ',' or ']' was expected after a value in an array")
      }
      position += 1
      // A comma before the closing bracket, as JSONSerialization and JSONDecoder accept.
      skipWhitespace()
      if byte(at: position) == UInt8(ascii: "]") {
        position += 1
        return false
      }
    }
    return true
  }

  private mutating func forEachElement(
    _ body: (inout PackJSONReader, Int) throws -> Void
  ) throws {
    let kind = try nextKind()
    guard kind == .array else { throw mismatch([Any].self, "Array<Any>", found: kind) }
    try enterContainer()
    var index = 0
    while try nextElement(first: index == 0) {
      do {
        try body(&self, index)
      } catch let error as DecodingError {
        throw error.under(PathKey(index: index))
      }
      index += 1
    }
    depth -= 1
  }

  // MARK: - Scalars

  private mutating func literal(_ word: StaticString) throws(PackJSONSyntaxError) {
    let start = position
    var matches = true
    word.withUTF8Buffer { expected in
      for (offset, byte) in expected.enumerated() where self.byte(at: start + offset) != byte {
        matches = false
        break
      }
    }
    guard matches else { throw syntax("this is not a JSON value (true, false or null?)") }
    position += word.utf8CodeUnitCount
  }

  /// The string starting at the opening quote under the reader.
  private mutating func stringLiteral() throws(PackJSONSyntaxError) -> String {
    position += 1
    let start = position
    while true {
      let next = byte(at: position)
      if next == UInt8(ascii: "\"") {
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return text
      }
      if next == UInt8(ascii: "\\") { return try escapedString(from: start) }
      guard next >= 0x20 else {
        throw syntax("a string has a control character in it (write it as an escape such as \\n)")
      }
      position += 1
    }
  }

  /// The rest of a string that has escapes, from its first character at `start`.
  private mutating func escapedString(from start: Int) throws(PackJSONSyntaxError) -> String {
    var text = Array(bytes[start..<position])
    while true {
      let next = byte(at: position)
      if next == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: text, as: UTF8.self)
      }
      guard next >= 0x20 else {
        throw syntax("a string has a control character in it (write it as an escape such as \\n)")
      }
      guard next == UInt8(ascii: "\\") else {
        text.append(next)
        position += 1
        continue
      }
      let escapeStart = position
      position += 1
      switch byte(at: position) {
      case UInt8(ascii: "\""): text.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): text.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "/"): text.append(UInt8(ascii: "/"))
      case UInt8(ascii: "b"): text.append(0x08)
      case UInt8(ascii: "f"): text.append(0x0C)
      case UInt8(ascii: "n"): text.append(0x0A)
      case UInt8(ascii: "r"): text.append(0x0D)
      case UInt8(ascii: "t"): text.append(0x09)
      case UInt8(ascii: "u"):
        let scalar = try unicodeEscape(at: escapeStart)
        text.append(contentsOf: String(Character(scalar)).utf8)
        continue
      default:
        throw syntax("'\\' starts no known escape here", at: escapeStart)
      }
      position += 1
    }
  }

  /// A `\uXXXX` escape under the reader (at its `u`), joined with a following low surrogate.
  private mutating func unicodeEscape(at escapeStart: Int) throws(PackJSONSyntaxError)
    -> Unicode.Scalar
  {
    position += 1
    let high = try hexQuad()
    if (0xDC00...0xDFFF).contains(high) {
      throw syntax("a \\u escape is half of a character (a lone low surrogate)", at: escapeStart)
    }
    guard (0xD800...0xDBFF).contains(high) else {
      // Not a surrogate, so a scalar of its own.
      guard let scalar = Unicode.Scalar(high) else {
        throw syntax("a \\u escape names no character", at: escapeStart)
      }
      return scalar
    }
    guard byte(at: position) == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "u")
    else {
      throw syntax("a \\u escape is half of a character (a lone high surrogate)", at: escapeStart)
    }
    position += 2
    let low = try hexQuad()
    guard (0xDC00...0xDFFF).contains(low),
      let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    else {
      throw syntax(
        "a \\u escape is half of a character (no low surrogate after it)", at: escapeStart)
    }
    return scalar
  }

  private mutating func hexQuad() throws(PackJSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      let next = byte(at: position)
      let digit: UInt8
      switch next {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = next - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = next - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = next - UInt8(ascii: "A") + 10
      default: throw syntax("a \\u escape needs four hexadecimal digits")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Powers of ten that a Double holds exactly.
  private static let exactPowersOfTen: [Double] = (0...22).map { power in
    (0..<power).reduce(1.0) { value, _ in value * 10 }
  }

  /// A number under the reader, checked against JSON's grammar, and its value.
  private mutating func number() throws -> Double {
    let (start, end, mantissa, digits, fractionDigits, hasExponent) = try numberBytes()
    // Up to 15 digits and no exponent: both the digits and the power of ten are exact doubles,
    // and one division rounds correctly, as strtod would.
    if !hasExponent && digits <= 15 && fractionDigits <= 22 {
      let value = Double(mantissa) / Self.exactPowersOfTen[fractionDigits]
      return byte(at: start) == UInt8(ascii: "-") ? -value : value
    }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: [],
          debugDescription: "the number \(text.prefix(40)) is too large for a number here"))
    }
    return value
  }

  /// Reads a number's bytes, checking JSON's grammar: where it starts and ends, its digits as an
  /// integer (meaningful up to 19 of them), how many digits there are and after the point, and
  /// whether it has an exponent.
  @discardableResult
  private mutating func numberBytes() throws(PackJSONSyntaxError) -> (
    start: Int, end: Int, mantissa: UInt64, digits: Int, fractionDigits: Int, hasExponent: Bool
  ) {
    let start = position
    var index = position
    if byte(at: index) == UInt8(ascii: "-") { index += 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    if byte(at: index) == UInt8(ascii: "0") {
      index += 1
    } else if Self.isDigit(byte(at: index)) {
      while Self.isDigit(byte(at: index)) {
        // Wrapping is harmless: past 15 digits the value is parsed from the text instead.
        mantissa = mantissa &* 10 &+ UInt64(byte(at: index) - UInt8(ascii: "0"))
        digits += 1
        index += 1
      }
    } else {
      throw syntax("a number needs a digit here", at: index)
    }
    if byte(at: index) == UInt8(ascii: ".") {
      index += 1
      guard Self.isDigit(byte(at: index)) else {
        throw syntax("a number needs a digit after its decimal point", at: index)
      }
      while Self.isDigit(byte(at: index)) {
        mantissa = mantissa &* 10 &+ UInt64(byte(at: index) - UInt8(ascii: "0"))
        digits += 1
        fractionDigits += 1
        index += 1
      }
    }
    var hasExponent = false
    if byte(at: index) == UInt8(ascii: "e") || byte(at: index) == UInt8(ascii: "E") {
      hasExponent = true
      index += 1
      if byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") {
        index += 1
      }
      guard Self.isDigit(byte(at: index)) else {
        throw syntax("a number needs a digit in its exponent", at: index)
      }
      while Self.isDigit(byte(at: index)) { index += 1 }
    }
    position = index
    return (start, index, mantissa, digits, fractionDigits, hasExponent)
  }
}

/// JSON that is not well-formed, at a byte offset.
struct PackJSONSyntaxError: Error, CustomStringConvertible {
  let offset: Int
  let message: String

  var description: String { message }
}

/// A step of a path in a pack file: a key or an array position.
struct PathKey: CodingKey {
  let stringValue: String
  let intValue: Int?

  init(_ key: String) {
    stringValue = key
    intValue = nil
  }

  init(index: Int) {
    stringValue = "Index \(index)"
    intValue = index
  }

  init?(stringValue: String) { self.init(stringValue) }
  init?(intValue: Int) { self.init(index: intValue) }
}

extension DecodingError {
  /// The same error one step further down: `key` comes before its path.
  func under(_ key: PathKey) -> DecodingError {
    switch self {
    case .keyNotFound(let missing, let context):
      .keyNotFound(missing, context.under(key))
    case .valueNotFound(let type, let context):
      .valueNotFound(type, context.under(key))
    case .typeMismatch(let type, let context):
      .typeMismatch(type, context.under(key))
    case .dataCorrupted(let context):
      .dataCorrupted(context.under(key))
    @unknown default:
      self
    }
  }
}

extension DecodingError.Context {
  fileprivate func under(_ key: PathKey) -> DecodingError.Context {
    DecodingError.Context(
      codingPath: [key] + codingPath, debugDescription: debugDescription,
      underlyingError: underlyingError)
  }
}
