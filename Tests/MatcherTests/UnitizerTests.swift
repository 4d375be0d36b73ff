import EventModel
import Testing

@testable import Matcher

@Suite("Question text: units")
struct UnitizerTests {
  let unitizer = Unitizer(hanzi: HanziTable(tsv: "機\tji\t机\n器\tqi\n"))

  @Test("words lose an English plural s, the same way on every path a word can take")
  func plurals() {
    let cases: [(String, [String])] = [
      ("Forums ROBOTS bus this class as", ["forum", "robot", "bus", "this", "class", "as"]),
      // Letters with accents are folded first, then stemmed.
      ("Müllers Café's", ["muller", "cafe"]),
      // Words with digits keep the same rule ("-us" stays); times and decimals are numbers.
      ("A1s 15:00 1.5 GPUs chips", ["a1", "15:00", "1.5", "gpus", "chip"]),
      ("robots’", ["robot"]),
    ]
    for (text, expected) in cases {
      let units = unitizer.units(text).filter { $0.kind != .han }.map(\.text)
      #expect(units == expected, "\(text)")
    }
    for word in ["forums", "bus", "this", "gpus", "xs", "s", "café"] {
      #expect(
        Unitizer.stemmedCount(Array(word.utf8)) == Unitizer.stem(word).utf8.count, "\(word)")
    }
  }

  @Test("Han characters are units of their own, simplified")
  func han() {
    let units = unitizer.units("機器人 robots")
    #expect(units.map(\.text) == ["机", "器", "人", "robot"])
    #expect(units.map(\.kind) == [.han, .han, .han, .word])
  }
}
