import Foundation
import Testing

@testable import TextLayout

@Suite("Display width, truncation, wrapping and tables")
struct DisplayWidthTests {
  @Test("Latin, Han, full-width, combining marks and emoji take the right columns")
  func widths() {
    #expect("Unitree".displayWidth == 7)
    #expect("宇树科技".displayWidth == 8)
    #expect("ＡＢ".displayWidth == 4)
    #expect("e\u{301}".displayWidth == 1)
    #expect("❤️".displayWidth == 2)
    #expect("H3 二层".displayWidth == 7)
    #expect("\u{7}".displayWidth == 0)
  }

  @Test("truncation never splits a wide character and ends in an ellipsis")
  func truncation() {
    #expect("宇树科技".truncated(toWidth: 8) == "宇树科技")
    #expect("宇树科技".truncated(toWidth: 6) == "宇树…")
    #expect("宇树科技".truncated(toWidth: 6).displayWidth == 5)
    #expect("Unitree Robotics".truncated(toWidth: 8) == "Unitree…")
    #expect("abc".truncated(toWidth: 0) == "")
    #expect("宇树".padded(toWidth: 6) == "宇树  ")
    #expect("42".padded(toWidth: 5, alignment: .right) == "   42")
  }

  @Test("wrapping breaks Latin at spaces and Han between characters, within the width")
  func wrapping() {
    let latin = TextWrapping.wrap("Where is the Unitree booth today", width: 12)
    #expect(latin == ["Where is the", "Unitree", "booth today"])
    let han = TextWrapping.wrap("宇树科技的展位在二层", width: 8)
    #expect(han == ["宇树科技", "的展位在", "二层"])
    #expect(han.allSatisfy { $0.displayWidth <= 8 })
    let mixed = TextWrapping.wrap("Huawei 华为 Ascend 昇腾 SuperPoD", width: 10)
    #expect(mixed.allSatisfy { $0.displayWidth <= 10 })
    #expect(mixed.joined().replacingOccurrences(of: " ", with: "") == "Huawei华为Ascend昇腾SuperPoD")
    #expect(TextWrapping.wrap("Supercalifragilistic", width: 5).allSatisfy { $0.displayWidth <= 5 })
    #expect(TextWrapping.wrap("a\n\nb", width: 5) == ["a", "", "b"])
  }

  @Test("table columns start at the same display column in every row, Chinese included")
  func tableAlignment() {
    let table = TextTable(
      columns: [.init("Name"), .init("中文"), .init("Booth")],
      rows: [
        ["Unitree Robotics", "宇树科技", "H3-A01"], ["AgiBot", "智元机器人", "H3-A02"],
        ["XREAL", "XREAL", "H3-B01"],
      ])
    let lines = table.render().split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    let boothColumns = lines.filter { $0.contains("H3-") }.map { line -> Int in
      let prefix = line[..<line.range(of: "H3-")!.lowerBound]
      return prefix.displayWidth
    }
    #expect(Set(boothColumns).count == 1, "\(lines)")
  }

  @Test("a table narrower than its content cuts the widest column and stays within the width")
  func tableWidth() {
    let table = TextTable(
      columns: [.init("A"), .init("B")],
      rows: [["short", String(repeating: "长", count: 40)]])
    let lines = table.render(totalWidth: 30).split(separator: "\n")
    #expect(lines.allSatisfy { $0.displayWidth <= 30 })
    #expect(lines.last?.hasSuffix("…") == true)
  }
}
