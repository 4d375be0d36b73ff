import Foundation
import Testing

@testable import CommandLineInterface

/// Runs commands in-process (for their output) or as the real binary (for exit codes).
enum CLI {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let mini = repository.appendingPathComponent("Tests/EventModelTests/Fixtures/mini")

  /// The output of a query command, parsed as the binary would parse it.
  static func render(_ arguments: [String]) throws -> String {
    let command = try HiwaicCommand.parseAsRoot(arguments)
    guard let rendering = command as? any RenderingCommand else {
      throw CommandError("not a rendering command: \(arguments)")
    }
    return try rendering.render()
  }

  /// JSON output decoded as an array of objects.
  static func json(_ arguments: [String]) throws -> [[String: Any]] {
    let text = try render(arguments + ["--format", "json"])
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let array = value as? [[String: Any]] else {
      throw CommandError("not an array of objects: \(text.prefix(200))")
    }
    return array
  }

  /// The error message a command fails with.
  static func failure(_ arguments: [String]) -> String? {
    do {
      _ = try render(arguments)
      return nil
    } catch {
      return "\(error)"
    }
  }

  /// The built `hiwaic` binary, next to the test bundle.
  static var binary: URL {
    let testBundle = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
      .deletingLastPathComponent()
    return testBundle.appendingPathComponent("hiwaic")
  }

  /// Runs the binary with `input` on its standard input.
  static func runWithInput(_ arguments: [String], input: Data) throws -> (
    status: Int32, output: String, error: String
  ) {
    try run(arguments, input: input)
  }

  /// Runs the binary; returns exit status, standard output and standard error.
  /// With `shell`, `arguments` is a whole command line: a program and its arguments.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], input: Data? = nil,
    shell: Bool = false
  ) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = shell ? URL(fileURLWithPath: arguments[0]) : binary
    process.arguments = shell ? Array(arguments.dropFirst()) : arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "HIWAIC_PACK")
    // A knowledge store of its own, so that no test reads or writes the user's (the question
    // log included).
    let knowledge = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-cli-knowledge-\(UUID().uuidString.prefix(8))")
    defer { try? FileManager.default.removeItem(at: knowledge) }
    env["HIWAIC_KNOWLEDGE"] = knowledge.appendingPathComponent("knowledge.sqlite").path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    // Pipes made close-on-exec: Foundation closes a child's other descriptors by listing them
    // just before it spawns, so a pipe another test opens in that moment would be inherited by
    // that test's child. A write end held that way keeps a batch from ever seeing the end of its
    // input (it happened on CI: five batches waited 60 s).
    let output = try ChildPipe()
    let error = try ChildPipe()
    let inputPipe = input == nil ? nil : try ChildPipe()
    process.standardOutput = output.writing
    process.standardError = error.writing
    process.standardInput = inputPipe?.reading ?? FileHandle.nullDevice
    try ChildPipe.spawning { try process.run() }
    // The child has its own copies now; the ends left here would hold its pipes open.
    try output.writing.close()
    try error.writing.close()
    try inputPipe?.reading.close()
    if let input, let writer = inputPipe?.writing {
      // Written on a thread of its own: a large input would otherwise fill the pipe while the
      // output waits to be read, and a busy shared pool must not delay it.
      Thread.detachNewThread {
        // A child that stops reading early (it failed) makes this throw, not trap.
        try? writer.write(contentsOf: input)
        try? writer.close()
      }
    }
    // No input may make it hang: a run still going after a minute is killed and reported.
    let watchdog = DispatchWorkItem { [process] in
      if process.isRunning {
        Issue.record("hiwaic \(arguments.prefix(6).joined(separator: " ")) ran past 60 s")
        process.terminate()
      }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
    defer { watchdog.cancel() }
    // Standard error is read at the same time: a child filling it would otherwise wait for a
    // reader while this thread waits for the end of standard output.
    let errorText = ErrorCollector(error.reading)
    let outData = output.reading.readDataToEndOfFile()
    let errData = errorText.wait()
    process.waitUntilExit()
    // Whatever a test feeds it, hiwaic ends by exiting, never by a signal (a trap, an abort).
    if process.terminationReason == .uncaughtSignal {
      Issue.record(
        "hiwaic \(arguments.prefix(6).joined(separator: " ")) was killed by signal \(process.terminationStatus)"
      )
    }
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self),
      String(decoding: errData, as: UTF8.self)
    )
  }
}

/// A pipe whose two ends close on exec: only the child it is handed to gets them.
struct ChildPipe {
  private static let lock = NSLock()

  /// Runs `work` while no test starts a child or makes a pipe.
  static func spawning<Result>(_ work: () throws -> Result) rethrows -> Result {
    lock.lock()
    defer { lock.unlock() }
    return try work()
  }

  let reading: FileHandle
  let writing: FileHandle

  /// Writing to a child that has gone gives an error instead of ending the test run.
  private static let brokenPipesIgnored: Bool = {
    signal(SIGPIPE, SIG_IGN)
    return true
  }()

  init() throws {
    _ = Self.brokenPipesIgnored
    var ends: [Int32] = [0, 0]
    // pipe2 is not in Swift's Glibc module; made close-on-exec under the lock every spawn in
    // the tests takes, so that no child is started between the two calls.
    let made = ChildPipe.spawning {
      pipe(&ends) == 0 && fcntl(ends[0], F_SETFD, FD_CLOEXEC) == 0
        && fcntl(ends[1], F_SETFD, FD_CLOEXEC) == 0
    }
    guard made else { throw CommandError("no pipe: errno \(errno)") }
    reading = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
    writing = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
  }
}

/// Reads a file handle to its end on a thread of its own.
final class ErrorCollector: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  /// Everything read, once the writer has closed its end.
  func wait() -> Data {
    done.wait()
    return data
  }
}

/// Folders a test hands to the programs it starts (a kiosk's state), removed when the test is
/// done: a suite holds one, and a suite's instance lives for one test.
final class ScratchFolders: @unchecked Sendable {
  private let lock = NSLock()
  private var made: [URL] = []

  /// A new folder's path in the temporary directory (the program makes the folder).
  func make(_ prefix: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString.prefix(8))")
    lock.lock()
    made.append(url)
    lock.unlock()
    return url
  }

  deinit { for url in made { try? FileManager.default.removeItem(at: url) } }
}
