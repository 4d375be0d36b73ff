/// One problem found in a pack, located by file and JSON path (or line and column).
public struct PackIssue: Error, Hashable, Sendable, CustomStringConvertible {
  /// Errors make a pack unusable; warnings are reported and the pack still loads.
  public enum Severity: String, Hashable, Sendable {
    case error, warning
  }

  /// What kind of problem it is; tests and tools can rely on these names.
  public enum Kind: String, CaseIterable, Hashable, Sendable {
    case missingFile = "missing-file"
    case syntax
    case decoding
    case unsupportedFormat = "unsupported-format"
    case duplicateID = "duplicate-id"
    case danglingReference = "dangling-reference"
    case unknownTopic = "unknown-topic"
    case roomOverlap = "room-overlap"
    case endBeforeStart = "end-before-start"
    case disconnected
    case boothOutsideHall = "booth-outside-hall"
    case outsideBounds = "outside-bounds"
    case missingTranslation = "missing-translation"
    case provenance
    case invalidValue = "invalid-value"
    case outsideEventDates = "outside-event-dates"
    case notStepFree = "not-step-free"
  }

  public var severity: Severity
  public var kind: Kind
  /// The file's name inside the pack directory.
  public var file: String
  /// A JSONPath such as `$[3].booth`, when the problem belongs to a value.
  public var path: String?
  /// 1-based line and column, for syntax errors.
  public var line: Int?
  public var column: Int?
  public var message: String

  public init(
    _ kind: Kind, file: String, path: String? = nil, line: Int? = nil, column: Int? = nil,
    message: String
  ) {
    self.init(.error, kind, file: file, path: path, line: line, column: column, message: message)
  }

  public init(
    _ severity: Severity, _ kind: Kind, file: String, path: String? = nil, line: Int? = nil,
    column: Int? = nil, message: String
  ) {
    self.severity = severity
    self.kind = kind
    self.file = file
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  /// `sessions.json $[3].room: error: …` or `venues.json:12:5: error: …`, as compilers print.
  public var description: String {
    var location = file
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    if let path { location += " \(path)" }
    return "\(location): \(severity.rawValue): \(message) [\(kind.rawValue)]"
  }
}

/// A pack that cannot be used, with every problem found in it.
public struct PackError: Error, Sendable, CustomStringConvertible {
  /// The pack directory as given.
  public var directory: String
  public var issues: [PackIssue]

  public init(directory: String, issues: [PackIssue]) {
    self.directory = directory
    self.issues = issues
  }

  public var errors: [PackIssue] { issues.filter { $0.severity == .error } }

  /// How many errors a command's message lists; `hiwaic validate` lists them all.
  public static let errorsListed = 20

  public var description: String {
    let errors = errors
    let count = errors.count
    let header = "the pack at \(directory) has \(count) error\(count == 1 ? "" : "s"):"
    var lines = [header] + errors.prefix(Self.errorsListed).map { "  \($0)" }
    if count > Self.errorsListed {
      lines.append("  … and \(count - Self.errorsListed) more (hiwaic validate lists them all)")
    }
    return lines.joined(separator: "\n")
  }
}
