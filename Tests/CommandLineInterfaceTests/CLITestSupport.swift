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
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      // Write on another thread: a large input would otherwise fill the pipe while the output
      // pipe waits to be read.
      let writer = inputPipe.fileHandleForWriting
      DispatchQueue.global().async {
        writer.write(input)
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
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
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
