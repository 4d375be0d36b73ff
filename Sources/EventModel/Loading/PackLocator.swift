import Foundation

/// Finds the pack to load: `--pack`, then `HIWAIC_PACK`, then the pack installed beside the
/// binary, then the pack in the source tree the binary was built from.
public enum PackLocator {
  /// The pack shipped with hiwaic.
  public static let defaultPackName = "waic2025"

  /// Why no pack was found, with every place that was tried.
  public struct NotFound: Error, CustomStringConvertible {
    public var tried: [String]

    public var description: String {
      return "cannot find the \(PackLocator.defaultPackName) pack; looked in:\n"
        + tried.map { "  \($0)" }.joined(separator: "\n")
        + "\nPass --pack DIR or set HIWAIC_PACK."
    }
  }

  /// The pack directory to use. An explicit path or `HIWAIC_PACK` is used as given, without falling
  /// back to another pack, so that a typo never silently loads the wrong data.
  public static func locate(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String = CommandLine.arguments.first ?? ""
  ) throws(NotFound) -> URL {
    if let chosen = explicit ?? environment["HIWAIC_PACK"].flatMap({ $0.isEmpty ? nil : $0 }) {
      let url = URL(fileURLWithPath: chosen)
      // A missing or broken pack given by name is reported by the loader, with its own detail.
      return url
    }
    let candidates = defaultCandidates(executablePath: executablePath)
    for candidate in candidates where isPack(candidate) { return candidate }
    throw NotFound(tried: candidates.map(\.path))
  }

  /// Where the default pack may be, in order: installed (`PREFIX/share/hiwaic/packs`), beside the
  /// binary, and the source tree's `Data/` (for `swift run` and the build tree).
  public static func defaultCandidates(executablePath: String) -> [URL] {
    var candidates: [URL] = []
    let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    let binDirectory = executable.deletingLastPathComponent()
    candidates.append(
      binDirectory.deletingLastPathComponent().appendingPathComponent(
        "share/hiwaic/packs/\(defaultPackName)"))
    candidates.append(binDirectory.appendingPathComponent("packs/\(defaultPackName)"))
    let sourceTree = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // Loading
      .deletingLastPathComponent()  // EventModel
      .deletingLastPathComponent()  // Sources
      .deletingLastPathComponent()  // package root
    candidates.append(sourceTree.appendingPathComponent("Data/\(defaultPackName)"))
    return candidates
  }

  private static func isPack(_ url: URL) -> Bool {
    FileManager.default.fileExists(
      atPath: url.appendingPathComponent(PackFile.manifest.rawValue).path)
  }
}
