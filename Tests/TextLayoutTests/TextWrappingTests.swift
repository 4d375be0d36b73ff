import Testing

@testable import TextLayout

@Suite("Line breaking in Chinese")
struct ChineseLineBreakTests {
  @Test("closing punctuation never starts a line, opening never ends one, at any width")
  func punctuation() {
    let text = "展位 ~H3-A01（宇树科技），一层。请到咨询台（北入口）询问：“人形机器人”展区、医疗点。"
    // From 8 columns: narrower, a mark and its word may not fit on one line at all.
    for width in 8...30 {
      for line in TextWrapping.wrap(text, width: width) {
        if let first = line.first {
          #expect(!TextWrapping.closing.contains(first), "\(width): \(line)")
        }
        if let last = line.last {
          #expect(!TextWrapping.opening.contains(last), "\(width): \(line)")
        }
        #expect(line.displayWidth <= width, "\(width): \(line)")
      }
      #expect(
        TextWrapping.wrap(text, width: width).joined().filter { !$0.isWhitespace }
          == text.filter { !$0.isWhitespace })
    }
  }

  @Test("a no-break space keeps a mark with its word")
  func noBreakSpace() {
    let line = "W\u{00A0}洗手间  +\u{00A0}医疗点  L\u{00A0}电梯"
    for width in 6...20 {
      for wrapped in TextWrapping.wrap(line, width: width) {
        #expect(!wrapped.hasPrefix("医疗点") && !wrapped.hasSuffix("+"), "\(width): \(wrapped)")
      }
    }
  }
}
