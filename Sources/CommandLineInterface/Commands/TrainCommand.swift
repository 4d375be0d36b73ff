import ArgumentParser
import EventModel
import Foundation
import Matcher

/// `hiwaic train`: fits the intent model from the training corpus and writes it beside the
/// pack's lexicon; the same corpus and pack give the same file, byte for byte.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the intent model from the training questions and write it into the pack.",
    discussion: """
      Reads the training questions (LANG.txt, fillers.tsv, clinc150-train.tsv), fills their \
      placeholders with the pack's names, and fits the intent model. Writes \
      PACK/lexicon/intent-model.tsv unless --output says otherwise. With --check nothing is \
      written: the exit status is 0 when the file on disk is exactly what training gives.

      Examples:
        hiwaic train
        hiwaic train --check
      """)

  @OptionGroup var packOptions: PackOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The training directory (default: the 'training' directory beside the pack).",
      valueName: "DIR"))
  var training: String?

  @Option(name: .long, help: ArgumentHelp("Where to write the model.", valueName: "FILE"))
  var output: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "For experiments: how much off-topic questions weigh (default: the shipped setting).",
      valueName: "WEIGHT", visibility: .hidden))
  var unknownWeight: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "For experiments: the probability under which the answer is \"I don't know\".",
      valueName: "P", visibility: .hidden))
  var threshold: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "For experiments: the L2 penalty (default: the shipped setting).", valueName: "L2",
      visibility: .hidden))
  var l2: Double?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "For experiments: training runs averaged (default: the shipped setting).", valueName: "N",
      visibility: .hidden))
  var runs: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "For experiments: epochs per run (default: the shipped setting).", valueName: "N",
      visibility: .hidden))
  var epochs: Int?

  @Flag(name: .long, help: "Only check that the model on disk is what training gives.")
  var check = false

  func run() throws {
    let pack = try CommandContext(options: packOptions)
    let catalog = pack.catalog
    let lexicon = try pack.lexicon()
    let directory = pack.directory
    let trainingDirectory =
      training.map { URL(fileURLWithPath: $0) }
      ?? directory.deletingLastPathComponent().appendingPathComponent("training")
    let corpus: IntentCorpus
    do {
      corpus = try IntentCorpus.load(directory: trainingDirectory)
    } catch {
      throw CommandError("\(trainingDirectory.path)/\(error.description)")
    }
    let started = Date()
    var settings = TrainingSettings()
    if let l2, l2.isFinite, l2 >= 0 { settings.l2 = l2 }
    if let unknownWeight, unknownWeight.isFinite, unknownWeight > 0 {
      settings.unknownWeight = unknownWeight
    }
    if let threshold, threshold.isFinite, (0...1).contains(threshold) {
      settings.threshold = threshold
    }
    if let runs, (1...20).contains(runs) { settings.runs = runs }
    if let epochs, (1...100).contains(epochs) { settings.epochs = epochs }
    let (model, summary) = IntentTraining.train(
      corpus: corpus, catalog: catalog, lexicon: lexicon, settings: settings)
    let seconds = Date().timeIntervalSince(started)
    let text = model.serialized()
    let target =
      output.map { URL(fileURLWithPath: $0) }
      ?? directory.appendingPathComponent("lexicon").appendingPathComponent(
        Lexicon.intentModelFile)
    let examples = summary.examples.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    let report =
      "\(summary.examples.values.reduce(0, +)) questions (\(examples)); \(summary.features) features; training accuracy \(String(format: "%.1f", summary.trainingAccuracy * 100)) %; \(String(format: "%.1f", seconds)) s"
    if check {
      let current = (try? Data(contentsOf: target)).flatMap { String(data: $0, encoding: .utf8) }
      guard current == text else {
        throw CommandError(
          "\(target.path) is not what training gives; run 'hiwaic train' (or 'make train') and commit it"
        )
      }
      print("\(target.path) is up to date: \(report)")
      return
    }
    do {
      // Foundation's atomic write leaves a scratch folder in /tmp each time; ours renames a
      // file beside the target.
      try AtomicFile.write(Data(text.utf8), to: target.path, permissions: 0o644)
    } catch {
      throw CommandError("cannot write \(target.path): \(error.description)")
    }
    print("wrote \(target.path): \(report)")
  }
}
