/// A closed set of string values in a pack; decoding an unknown value names the allowed ones.
public protocol PackEnum: Codable, CaseIterable, RawRepresentable, Hashable, Sendable
where RawValue == String {}

extension PackEnum {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    guard let value = Self(rawValue: raw) else {
      let allowed = Self.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(raw)' is not one of \(allowed)")
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
