import EventModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file that keeps a visitor's favourites, plan and recent questions between runs, one per
/// pack: read once at start, written atomically whenever they change.
public struct VisitorStateStore: Sendable {
  /// What reading the file found.
  public enum Loaded: Equatable, Sendable {
    /// No file yet: a first run.
    case fresh
    case restored(SavedVisitorState)
    /// The file made no sense; it was renamed to `movedTo` so that nothing is lost, and the
    /// visitor starts afresh.
    case setAside(reason: String, movedTo: String)
    /// The file is there but cannot be read (permissions): it is left alone and not overwritten.
    case unreadable(reason: String)
  }

  /// The largest state file read: a full one is a few tens of kilobytes.
  public static let maximumBytes = 1 << 20

  public let path: String

  public init(path: String) { self.path = path }

  /// `$XDG_STATE_HOME/hiwaic/PACK.json`, else `~/.local/state/hiwaic/PACK.json`; nil when
  /// neither variable gives an absolute directory.
  public static func defaultPath(environment: [String: String], packID: String) -> String? {
    StateDirectory.path(fileName(packID: packID), environment: environment)
  }

  /// A file name from a pack id that cannot leave the directory or hide as a dot file.
  static func fileName(packID: String) -> String {
    var name = String(
      packID.unicodeScalars.prefix(64).map { scalar -> Character in
        let allowed =
          scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
            || scalar == "_")
        return allowed ? Character(scalar) : "_"
      })
    if name.isEmpty { name = "pack" }
    return name + ".json"
  }

  /// Reads the file for the pack `packID`.
  public func load(packID: String, now: Date = Date()) -> Loaded {
    let data: Data
    do {
      data = try BoundedFile.read(path, limit: Self.maximumBytes)
    } catch .missing {
      return .fresh
    } catch .unreadable(let reason) {
      return .unreadable(reason: reason)
    } catch {
      return setAside(because: error.description, now: now)
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let saved: SavedVisitorState
    do {
      saved = try decoder.decode(SavedVisitorState.self, from: data)
    } catch {
      let issue = PackLoader.decodingIssue(for: error, data: data, file: "state file")
      var place = issue.path ?? ""
      if let line = issue.line {
        place = "line \(line)" + (issue.column.map { ", column \($0)" } ?? "")
      }
      return setAside(
        because: "not a state file: \(place.isEmpty ? "" : place + ": ")\(issue.message)", now: now)
    }
    guard saved.version == SavedVisitorState.currentVersion else {
      return setAside(
        because: "written in layout \(saved.version), not \(SavedVisitorState.currentVersion)",
        now: now)
    }
    guard saved.pack == packID else {
      return setAside(because: "belongs to the pack \(saved.pack), not \(packID)", now: now)
    }
    return .restored(saved)
  }

  /// Writes the state atomically, readable by its owner only.
  public func save(_ state: SavedVisitorState) throws(AtomicFile.Failure) {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data: Data
    do {
      data = try encoder.encode(state)
    } catch {
      throw AtomicFile.Failure(description: "cannot encode the state (\(error))")
    }
    try AtomicFile.write(data, to: path)
  }

  /// Renames the file out of the way (never deletes it: it may be all a visitor had).
  private func setAside(because reason: String, now: Date) -> Loaded {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    let target = "\(path).corrupt-\(formatter.string(from: now))"
    guard rename(path, target) == 0 else {
      return .unreadable(
        reason: "\(reason); could not be set aside (\(String(cString: strerror(errno))))")
    }
    return .setAside(reason: reason, movedTo: target)
  }
}
