import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file so that readers see the old contents or the new, never half of either:
/// a temporary file beside it, flushed, then renamed over it.
public enum AtomicFile {
  /// Why a file was not written, in words for the person who owns it.
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  /// Creates the folder `path` goes in (owner-only, with its parents) when it is missing.
  public static func createParentDirectory(of path: String) throws(Failure) {
    let directory = (path as NSString).deletingLastPathComponent
    guard !directory.isEmpty else { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw Failure(description: "cannot create \(directory) (\(error.localizedDescription))")
    }
  }

  /// Writes `data` to `path` with `permissions`, creating the parent directories (owner-only)
  /// when they are missing.
  public static func write(_ data: Data, to path: String, permissions: mode_t = 0o600)
    throws(Failure)
  {
    try createParentDirectory(of: path)
    // The process id keeps two processes writing the same file from sharing a temporary file.
    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
    guard descriptor >= 0 else { throw Failure(description: reason(errno, temporary)) }
    var written = 0
    let failure: Int32? = data.withUnsafeBytes { bytes -> Int32? in
      guard let base = bytes.baseAddress else { return nil }
      while written < bytes.count {
        let count = systemWrite(descriptor, base + written, bytes.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += count
      }
      return fsync(descriptor) == 0 ? nil : errno
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      throw Failure(description: reason(failure, temporary))
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw Failure(description: reason(code, path))
    }
  }

  private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int)
    -> Int
  {
    #if canImport(Glibc)
      Glibc.write(descriptor, bytes, count)
    #else
      Darwin.write(descriptor, bytes, count)
    #endif
  }

  private static func reason(_ code: Int32, _ path: String) -> String {
    "cannot write \(path) (\(String(cString: strerror(code))))"
  }
}

/// Where hiwaic keeps state between runs: `$XDG_STATE_HOME/hiwaic`, else
/// `~/.local/state/hiwaic`, as the XDG base directory specification says.
public enum StateDirectory {
  /// The path of `file` in the state directory; nil when neither variable gives an absolute
  /// directory.
  public static func path(_ file: String, environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return "\(state)/hiwaic/\(file)"
    }
    if let home = environment["HOME"], home.hasPrefix("/") {
      return "\(home)/.local/state/hiwaic/\(file)"
    }
    return nil
  }
}
