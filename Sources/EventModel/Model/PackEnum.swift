/// A closed set of string values in a pack; decoding an unknown value names the allowed ones.
public protocol PackEnum: Codable, CaseIterable, RawRepresentable, Hashable, Sendable
where RawValue == String {}

extension PackEnum {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let value = Self(rawValue: raw) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: Self.unknownValueDescription(raw))
    }
    self = value
  }

  /// Why `raw` is not a value of this set, naming the values that are.
  static func unknownValueDescription(_ raw: String) -> String {
    let allowed = Self.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    return "'\(raw)' is not one of \(allowed)"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
