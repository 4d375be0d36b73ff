import Foundation

/// Checks that a file a person gave is UTF-8 text, and says where it is not.
public enum UTF8Text {
  /// Where a file stops being UTF-8: line, column (in characters) and the offending byte; nil
  /// when it is UTF-8 throughout.
  public static func firstInvalid(in data: Data) -> (line: Int, column: Int, byte: UInt8)? {
    // The standard library's validation runs over the whole buffer at once; the byte-by-byte
    // scan below only runs to locate a problem it found.
    let valid = data.withUnsafeBytes {
      String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) != nil
    }
    if valid { return nil }
    var offset = 0
    var decoder = UTF8()
    var iterator = data.makeIterator()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
      case .emptyInput:
        return nil
      case .error:
        let (line, column) = JSONDiagnostics.lineAndColumn(ofByte: offset, in: data)
        return (line, column, offset < data.count ? data[data.startIndex + offset] : 0)
      }
    }
  }
}
