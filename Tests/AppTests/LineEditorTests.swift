import TerminalUI
import Testing

@testable import App

@Suite("The line editor")
struct LineEditorTests {
  @Test("typing, moving and deleting")
  func editing() {
    var editor = LineEditor()
    for key in KeyDecoder.keys(typing: "宇树科技") { _ = editor.handle(key) }
    #expect(editor.text == "宇树科技")
    _ = editor.handle(.left)
    _ = editor.handle(.backspace)
    #expect(editor.text == "宇树技")
    _ = editor.handle(.home)
    _ = editor.handle(.delete)
    #expect(editor.text == "树技")
    _ = editor.handle(.end)
    _ = editor.handle(.character("!"))
    #expect(editor.text == "树技!")
    _ = editor.handle(.control("u"))
    #expect(editor.isEmpty)
    let handled = editor.handle(.function(5))
    #expect(!handled)
  }

  @Test("a flood of text stops at the limit")
  func limit() {
    var editor = LineEditor()
    for _ in 0..<(LineEditor.limit + 100) { _ = editor.handle(.character("x")) }
    #expect(editor.text.count == LineEditor.limit)
  }

  @Test("a long line scrolls so the cursor shows, without splitting wide characters")
  func scrolling() {
    let editor = LineEditor(String(repeating: "宇", count: 30))
    var canvas = Canvas(width: 12, height: 1)
    let cursor = editor.draw(into: &canvas, x: 0, y: 0, width: 11)
    #expect(cursor.x <= 10)
    #expect(canvas.text().allSatisfy { $0 == "宇" })
    #expect(canvas.text().count == 5)
  }
}
