/// A plain-text table whose columns line up in a terminal, Chinese text included.
///
/// Columns are as wide as their widest cell, up to `maxWidth` each; when the whole table is wider
/// than `totalWidth`, the widest columns give up space first and their cells are cut with "…".
public struct TextTable: Sendable {
  /// One column: its header and how its cells are aligned.
  public struct Column: Sendable {
    public var header: String
    public var alignment: TextAlignment
    public var maxWidth: Int?

    public init(_ header: String, alignment: TextAlignment = .left, maxWidth: Int? = nil) {
      self.header = header
      self.alignment = alignment
      self.maxWidth = maxWidth
    }
  }

  public var columns: [Column]
  public var rows: [[String]]
  public var separator = "  "

  public init(columns: [Column], rows: [[String]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// The table as lines of text, at most `totalWidth` columns wide when that is given.
  public func render(totalWidth: Int? = nil) -> String {
    // Cells as the terminal will show them, so that widths are measured on what is printed.
    let rows = rows.map { $0.map { TerminalText.sanitized($0, lineBreaks: false) } }
    var widths = columns.indices.map { index -> Int in
      let cells = rows.map { index < $0.count ? $0[index].displayWidth : 0 }
      let natural = max(columns[index].header.displayWidth, cells.max() ?? 0)
      return min(natural, columns[index].maxWidth ?? natural)
    }
    if let totalWidth {
      let separators = separator.displayWidth * max(0, columns.count - 1)
      var excess = widths.reduce(0, +) + separators - totalWidth
      while excess > 0, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
        widths[widest] > 6
      {
        widths[widest] -= 1
        excess -= 1
      }
    }
    var lines = [renderRow(columns.map(\.header), widths: widths)]
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: separator))
    for row in rows { lines.append(renderRow(row, widths: widths)) }
    return lines.joined(separator: "\n")
  }

  private func renderRow(_ cells: [String], widths: [Int]) -> String {
    var parts: [String] = []
    for (index, width) in widths.enumerated() {
      let cell = index < cells.count ? cells[index] : ""
      let isLast = index == widths.count - 1
      if isLast && columns[index].alignment == .left {
        parts.append(cell.truncated(toWidth: width))
      } else {
        parts.append(cell.padded(toWidth: width, alignment: columns[index].alignment))
      }
    }
    var line = parts.joined(separator: separator)
    while line.last == " " { line.removeLast() }
    return line
  }
}
