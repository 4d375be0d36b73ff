import Foundation
import Testing

/// `hiwaic train`: a broken training directory is refused with the file and line, and nothing
/// is written; a model written elsewhere reads back as a working model.
@Suite("hiwaic train")
struct TrainCommandTests {
  static func scratch() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "hiwaic-train-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test("an unknown intent, a question before any intent, a missing file: located, nothing written")
  func broken() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("model.tsv")
    for (text, expected) in [
      ("# comment\n\n[teleport]\nbeam me up\n", "en.txt:3: unknown intent [teleport]"),
      ("where is {exhibitor}\n", "en.txt:1: a question before any [intent]"),
    ] {
      try Data(text.utf8).write(to: directory.appendingPathComponent("en.txt"))
      let result = try CLI.run([
        "train", "--training", directory.path, "--output", output.path,
      ])
      #expect(result.status != 0)
      #expect(result.error.contains(expected), "\(result.error)")
      #expect(!FileManager.default.fileExists(atPath: output.path))
    }
    try Data("[help]\nwhat can you do\n".utf8).write(to: directory.appendingPathComponent("en.txt"))
    let missing = try CLI.run(["train", "--training", directory.path, "--output", output.path])
    #expect(missing.status != 0)
    #expect(missing.error.contains("fillers.tsv"), "\(missing.error)")
  }

  @Test("a small corpus trains, and the model it writes answers through --pack")
  func small() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let repository = CLI.repository
    let pack = directory.appendingPathComponent("pack")
    try FileManager.default.copyItem(
      at: repository.appendingPathComponent("Data/waic2025"), to: pack)
    let training = directory.appendingPathComponent("training")
    try FileManager.default.createDirectory(at: training, withIntermediateDirectories: true)
    try Data(
      """
      [find_exhibitor]
      where is {exhibitor}
      {exhibitor} booth
      [greeting]
      hello
      hi there
      [unknown]
      what's my credit score
      book a flight
      """.utf8
    ).write(to: training.appendingPathComponent("en.txt"))
    try Data("en\tclock\t3pm\n".utf8).write(to: training.appendingPathComponent("fillers.tsv"))
    try Data("play some jazz\tplay_music\n".utf8).write(
      to: training.appendingPathComponent("clinc150-train.tsv"))
    let trained = try CLI.run(["train", "--pack", pack.path, "--training", training.path])
    #expect(trained.status == 0, "\(trained.error)")
    #expect(trained.output.contains("wrote"), "\(trained.output)")
    let check = try CLI.run(["train", "--pack", pack.path, "--training", training.path, "--check"])
    #expect(check.status == 0, "\(check.error)")
    let answer = try CLI.run(["ask", "where is unitree", "--pack", pack.path])
    #expect(answer.status == 0)
    #expect(answer.output.contains("H3-A01"), "\(answer.output)")
  }
}
