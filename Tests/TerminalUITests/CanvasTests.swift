import Testing

@testable import TerminalUI

@Suite("Canvas: display-width aware cells")
struct CanvasTests {
  @Test("ASCII and Chinese text take their display width")
  func widths() {
    var canvas = Canvas(width: 10, height: 1)
    let end = canvas.write("a宇树b", x: 0, y: 0)
    #expect(end == 6)
    #expect(canvas.text() == "a宇树b")
    #expect(canvas[1, 0].width == 2)
    #expect(canvas[2, 0].width == 0)
  }

  @Test("a wide character never starts in the last column: it becomes a space")
  func lastColumn() {
    var canvas = Canvas(width: 5, height: 2)
    canvas.write("abcd宇", x: 0, y: 0)
    #expect(canvas.text() == "abcd\n")
    #expect(canvas[4, 0].character == " ")
    #expect(canvas[4, 0].width == 1)
    // Clipped to an area, the same holds at the area's edge.
    canvas.write("宇宇宇", x: 0, y: 1, clip: Rect(x: 0, y: 1, width: 3, height: 1))
    #expect(canvas.text() == "abcd\n宇")
    #expect(canvas[2, 1].width == 1)
  }

  @Test("overwriting half of a wide character clears both halves")
  func overwriteHalf() {
    var canvas = Canvas(width: 6, height: 1)
    canvas.write("宇树", x: 0, y: 0)
    canvas.write("x", x: 1, y: 0)  // the right half of 宇
    #expect(canvas.text() == " x树")
    canvas.write("y", x: 2, y: 0)  // the left half of 树
    #expect(canvas.text() == " xy")
    #expect(canvas[3, 0].width == 1)
  }

  @Test("control characters cannot reach the terminal")
  func controls() {
    var canvas = Canvas(width: 12, height: 1)
    canvas.write("a\u{1B}[2Jb\u{7}\u{9B}c", x: 0, y: 0)
    #expect(canvas.text() == "a�[2Jb��c")
    #expect(!canvas.cells.contains { $0.character.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test("writes outside the canvas are ignored, frames fit any size")
  func outside() {
    var canvas = Canvas(width: 3, height: 2)
    canvas.write("hello", x: -2, y: 0)
    canvas.write("x", x: 5, y: 5)
    canvas.write("y", x: 0, y: -1)
    #expect(canvas.text() == "llo\n")
    canvas.frame(Rect(x: -5, y: -5, width: 100, height: 100))
    canvas.frame(Rect(x: 0, y: 0, width: 1, height: 1))
    var empty = Canvas(width: 0, height: 0)
    empty.write("宇", x: 0, y: 0)
    #expect(empty.text() == "")
  }

  @Test("frames draw box characters with a title")
  func frames() {
    var canvas = Canvas(width: 10, height: 3)
    canvas.frame(Rect(x: 0, y: 0, width: 10, height: 3), title: "Map")
    #expect(canvas.text() == "┌ Map ───┐\n│        │\n└────────┘")
  }
}

@Suite("Keys and the line editor")
struct InputTests {
  @Test("control codes become keys; Ctrl-C, Ctrl-Z and Ctrl-\\ are keys, not signals")
  func decoding() {
    #expect(KeyDecoder.key(forCharacter: 3) == .control("c"))
    #expect(KeyDecoder.key(forCharacter: 26) == .control("z"))
    #expect(KeyDecoder.key(forCharacter: 28) == .control("\\"))
    #expect(KeyDecoder.key(forCharacter: 13) == .enter)
    #expect(KeyDecoder.key(forCharacter: 127) == .backspace)
    #expect(KeyDecoder.key(forCharacter: 0x5B87) == .character("宇"))
    #expect(KeyDecoder.key(forCharacter: 0x9B) == nil)
    #expect(KeyDecoder.keys(typing: "a\nb") == [.character("a"), .enter, .character("b")])
  }
}
