/// Numbers for strings in the order they are first seen, so that thousands of records can be
/// counted or compared by a small integer instead of by their text.
public struct StringNumbering: Sendable {
  /// The strings seen, each at its number.
  public private(set) var strings: [String] = []
  private var numbers: [String: Int32] = [:]

  public init() {}

  /// The string's number, given to it the first time it is seen.
  public mutating func number(_ string: String) -> Int32 {
    if let known = numbers[string] { return known }
    let number = Int32(strings.count)
    numbers[string] = number
    strings.append(string)
    return number
  }
}
