import Foundation
import TerminalUI
import Testing

@testable import Kiosk

@Suite("Scanner input")
struct ScanBufferTests {
  let start = Date(timeIntervalSince1970: 1_000_000)

  /// Feeds text as keys, `gap` seconds apart; returns the outcomes that were not `held`.
  func feed(_ text: String, into buffer: inout ScanBuffer, gap: TimeInterval = 0.005) -> [ScanBuffer
    .Outcome]
  {
    var outcomes: [ScanBuffer.Outcome] = []
    for (index, key) in KeyDecoder.keys(typing: text).enumerated() {
      let outcome = buffer.feed(key, at: start.addingTimeInterval(Double(index) * gap))
      if outcome != .held { outcomes.append(outcome) }
    }
    return outcomes
  }

  @Test("a scanner's burst is one code, whatever its case")
  func scannedCode() {
    var buffer = ScanBuffer()
    #expect(feed("WAIC:ZONE:H1-A\n", into: &buffer) == [.code("WAIC:ZONE:H1-A")])
    #expect(feed("waic:room:red-hall\r", into: &buffer) == [.code("waic:room:red-hall")])
    #expect(buffer.held.isEmpty)
  }

  @Test("a pack's own prefix: its codes are scans, WAIC's are typing")
  func ownPrefix() {
    var buffer = ScanBuffer(prefix: "38C3:")
    #expect(feed("38c3:ROOM:SAAL-1\n", into: &buffer) == [.code("38c3:ROOM:SAAL-1")])
    let typed = feed("WAIC:ROOM:RED-HALL\n", into: &buffer)
    #expect(!typed.contains { if case .code = $0 { true } else { false } }, "\(typed)")
    #expect(buffer.held.isEmpty)
  }

  @Test("ordinary typing comes out whole and in order")
  func typingIsReleased() {
    var buffer = ScanBuffer()
    // "W" and "A" are held as a possible code, then released with the key that breaks it.
    #expect(
      feed("Wa", into: &buffer) == [] && buffer.held == ["W", "a"])
    #expect(
      buffer.feed(.character("s"), at: start) == .release(["W", "a", "s"].map(Key.character)))
    #expect(
      feed("where", into: &buffer) == [
        .release(["w", "h"].map(Key.character)), .release([.character("e")]),
        .release([.character("r")]), .release([.character("e")]),
      ])
    // Keys that can never start a code pass at once.
    #expect(buffer.feed(.character("1"), at: start) == .release([.character("1")]))
    #expect(buffer.feed(.enter, at: start) == .release([.enter]))
  }

  @Test("a lone held key is released after a short pause; a started code waits longer")
  func staleKeys() {
    var buffer = ScanBuffer()
    _ = buffer.feed(.character("W"), at: start)
    #expect(buffer.releaseStale(at: start.addingTimeInterval(0.3)) == [])
    #expect(buffer.releaseStale(at: start.addingTimeInterval(0.7)) == [.character("W")])
    _ = feed("WAIC:ZO", into: &buffer)
    #expect(buffer.readingCode)
    #expect(buffer.releaseStale(at: start.addingTimeInterval(2)) == [])
    #expect(buffer.releaseStale(at: start.addingTimeInterval(10)).count == 7)
  }

  @Test("a code cut short by another key, or too long, is handed back as typing")
  func brokenCodes() {
    var buffer = ScanBuffer()
    #expect(
      feed("WAIC:ZONE", into: &buffer) == []
        && buffer.feed(.escape, at: start)
          == .release(Array("WAIC:ZONE").map(Key.character) + [.escape])
    )
    let long = "WAIC:" + String(repeating: "X", count: 80)
    let outcomes = feed(long, into: &buffer)
    // 64 held, the 65th releases them all, then each further key passes on its own.
    #expect(outcomes.count == 1 + long.count - 65)
    if case .release(let keys) = outcomes.first { #expect(keys.count == 65) }
    // Enter before the prefix is complete is a plain Enter after the typed keys.
    buffer.reset()
    #expect(feed("WAI\n", into: &buffer) == [.release(Array("WAI").map(Key.character) + [.enter])])
  }
}
