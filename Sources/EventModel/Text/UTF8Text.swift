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

extension String {
  /// Whether `other` occurs in this text byte for byte. For texts already folded alike: the
  /// same answer as `contains`, without Foundation's search, which normalises both texts on every
  /// call and cost a long session list more than the rest of its answer.
  public func containsBytes(of other: String) -> Bool {
    if other.isEmpty { return true }
    var haystack = self
    var needle = other
    return haystack.withUTF8 { text in
      needle.withUTF8 { word in
        guard word.count <= text.count, let first = word.first else { return false }
        let last = text.count - word.count
        var start = 0
        while start <= last {
          if text[start] == first {
            var offset = 1
            while offset < word.count && text[start + offset] == word[offset] { offset += 1 }
            if offset == word.count { return true }
          }
          start += 1
        }
        return false
      }
    }
  }
}
