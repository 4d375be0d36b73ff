import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file that a person or a pack names, refusing what cannot be one: a directory, a
/// device or socket, a FIFO where a regular file belongs, or more bytes than the caller allows
/// (`/dev/zero` as a configuration file ends with a message, not with all memory).
public enum BoundedFile {
  /// Why a file was not read, in words for the person who named it.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    case missing
    case directory
    case notRegularFile
    case tooLarge(limit: Int)
    case unreadable(reason: String)

    public var description: String {
      switch self {
      case .missing: "is missing"
      case .directory: "is a directory, not a file"
      case .notRegularFile: "is not a regular file (a device, socket or pipe)"
      case .tooLarge(let limit): "is larger than \(BoundedFile.size(limit)), the most it may be"
      case .unreadable(let reason): "cannot be read (\(reason))"
      }
    }
  }

  /// The file's bytes. `streams` also accepts pipes and character devices (a configuration
  /// given as `<(…)`), which are then read up to `limit` bytes.
  public static func read(_ path: String, limit: Int, streams: Bool = false) throws(Failure)
    -> Data
  {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(reason: errorText(errno))
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw .directory }
    let isStream = type == S_IFIFO || type == S_IFCHR
    guard type == S_IFREG || (streams && isStream) else { throw .notRegularFile }
    if type == S_IFREG, Int(info.st_size) > limit { throw .tooLarge(limit: limit) }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(reason: errorText(errno)) }
    defer { close(descriptor) }
    var data = Data()
    let chunk = 64 * 1024
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, chunk) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(reason: errorText(errno))
      }
      if count == 0 { break }
      guard data.count + count <= limit else { throw .tooLarge(limit: limit) }
      data.append(contentsOf: buffer[0..<count])
    }
    return data
  }

  static func size(_ bytes: Int) -> String {
    bytes >= 1 << 20
      ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
  }

  private static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
