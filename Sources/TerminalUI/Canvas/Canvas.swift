import TextLayout

/// How a cell looks. Colour is a role the backend maps to a theme; every meaning a role carries
/// is also carried by a character or an attribute, so nothing depends on colour alone.
public struct Style: Hashable, Sendable {
  /// What the text is, for the theme to colour.
  public enum Role: UInt8, Sendable, CaseIterable {
    case normal, title, accent, dim, selected, route, here, warning, bar, highlight
    /// A QR code: light blocks on a dark ground, whatever the terminal's own colours.
    case code
  }

  public var role: Role
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool

  public init(
    _ role: Role = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false
  ) {
    self.role = role
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
  }

  public static let normal = Style()
}

/// One terminal cell: a grapheme and its style. A double-width grapheme takes its cell and a
/// continuation cell to its right (`width` 0), as in ratatui's buffer.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var width: UInt8
  public var style: Style

  public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .normal) {
    self.character = character
    self.width = width
    self.style = style
  }

  public static let blank = Cell()
  var isContinuation: Bool { width == 0 }
}

/// A cell position.
public struct Point: Hashable, Sendable {
  public var x: Int
  public var y: Int

  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < maxX && py >= y && py < maxY
  }

  /// The rectangle shrunk by `by` cells on every side.
  public func inset(_ by: Int) -> Rect {
    Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by)
  }

  /// Splits off `count` columns at the left; the rest (minus `gap`) is the second part.
  public func splitColumns(_ count: Int, gap: Int = 0) -> (Rect, Rect) {
    let left = min(max(0, count), width)
    return (
      Rect(x: x, y: y, width: left, height: height),
      Rect(x: x + left + gap, y: y, width: width - left - gap, height: height)
    )
  }

  /// Splits off `count` rows at the top.
  public func splitRows(_ count: Int, gap: Int = 0) -> (Rect, Rect) {
    let top = min(max(0, count), height)
    return (
      Rect(x: x, y: y, width: width, height: top),
      Rect(x: x, y: y + top + gap, width: width, height: height - top - gap)
    )
  }
}

/// The whole screen as cells, drawn anew for every frame and then flushed by a backend. Writing
/// never splits a double-width character: one that would start in the last column of the area is
/// replaced by a space, and overwriting half of one clears both halves.
public struct Canvas: Sendable, Equatable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// Where the terminal's cursor goes (a text field being edited), or nil to hide it.
  public var cursor: Point?
  /// Texts that a write cut at the edge of its area (visible text lost, no ellipsis of its
  /// own): for tests that hold every screen to "nothing cut without saying so".
  public private(set) var cuts: [String] = []

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank }
    return cells[y * width + x]
  }

  /// Sets one cell, clearing the other half of any wide character it cuts.
  private mutating func set(_ cell: Cell, x: Int, y: Int) {
    let index = y * width + x
    let old = cells[index]
    if old.isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    } else if old.width == 2, x + 1 < width {
      cells[index + 1] = Cell(" ", style: old.style)
    }
    cells[index] = cell
  }

  /// Writes text from (x, y), clipped to `clip` (the whole canvas by default); control characters
  /// and bidirectional overrides are shown as `�` so hostile text cannot move the cursor or
  /// reorder the screen. Returns the column after the text.
  @discardableResult
  public mutating func write(
    _ text: some StringProtocol, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil
  ) -> Int {
    let area = clip ?? bounds
    guard y >= area.y, y < area.maxY, y >= 0, y < height else { return x }
    let right = min(area.maxX, width)
    var column = x
    var index = text.startIndex
    var cutLeft = false
    defer {
      // What did not fit, unless it is only blanks (padding) or the text ends in an ellipsis.
      let cutRight =
        index < text.endIndex && text[index...].contains(where: { !$0.isWhitespace })
        && text.last != "…"
      if cutLeft || cutRight { cuts.append(String(text)) }
    }
    for character in text {
      if column >= right { break }
      index = text.index(after: index)
      var shown = character
      var columns = DisplayWidth.of(character)
      if character.unicodeScalars.contains(where: {
        TerminalText.isUnsafe($0.value, lineBreaks: false)
      }) {
        shown = "\u{FFFD}"
        columns = 1
      }
      if columns == 0 { continue }  // combining marks on their own: nothing to place
      if column < max(area.x, 0) {
        if !character.isWhitespace { cutLeft = true }
        column += columns
        continue
      }
      if columns == 2 && column + 1 >= right {
        set(Cell(" ", style: style), x: column, y: y)
        column += 1
        index = text.index(before: index)
        break
      }
      set(Cell(shown, width: UInt8(columns), style: style), x: column, y: y)
      if columns == 2 {
        let index = y * width + column + 1
        if cells[index].width == 2, column + 2 < width {
          cells[index + 1] = Cell(" ", style: cells[index].style)
        }
        cells[index] = Cell(" ", width: 0, style: style)
      }
      column += columns
    }
    return column
  }

  /// Copies `rows` rows of the columns `columns` of `source`, from its row `sourceY`, to this
  /// canvas from row `y` (the same columns): for a pane drawn taller than it is and scrolled.
  /// Both canvases must be as wide; a wide character cut at either edge becomes a space.
  public mutating func copyRows(
    from source: Canvas, sourceY: Int, rows: Int, columns: Range<Int>, to y: Int
  ) {
    guard source.width == width else { return }
    let left = max(0, columns.lowerBound)
    let right = min(width, columns.upperBound)
    guard left < right else { return }
    for row in 0..<max(0, rows) {
      let from = sourceY + row
      let to = y + row
      guard from >= 0, from < source.height, to >= 0, to < height else { continue }
      // A wide character of this canvas cut by an edge of the copy loses its other half too.
      let base = to * width
      if cells[base + left].isContinuation, left > 0 {
        cells[base + left - 1] = Cell(" ", style: cells[base + left - 1].style)
      }
      if cells[base + right - 1].width == 2, right < width {
        cells[base + right] = Cell(" ", style: cells[base + right].style)
      }
      for x in left..<right {
        var cell = source.cells[from * width + x]
        // Half of a wide character at an edge of the copy: a space, never a lone half.
        if (x == left && cell.isContinuation) || (x == right - 1 && cell.width == 2) {
          cell = Cell(" ", style: cell.style)
        }
        cells[base + x] = cell
      }
    }
  }

  /// Fills a rectangle with spaces in a style.
  public mutating func fill(_ rect: Rect, style: Style = .normal) {
    for y in max(0, rect.y)..<min(height, rect.maxY) where rect.x < width {
      for x in max(0, rect.x)..<min(width, rect.maxX) { set(Cell(" ", style: style), x: x, y: y) }
    }
  }

  /// A box-drawing frame around `rect`, with an optional title in its top edge.
  public mutating func frame(_ rect: Rect, title: String? = nil, style: Style = Style(.dim)) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    write(
      "┌" + String(repeating: "─", count: rect.width - 2) + "┐", x: rect.x, y: rect.y, style: style)
    for y in (rect.y + 1)..<bottom {
      write("│", x: rect.x, y: y, style: style)
      write("│", x: right, y: y, style: style)
    }
    write(
      "└" + String(repeating: "─", count: rect.width - 2) + "┘", x: rect.x, y: bottom, style: style)
    if let title, rect.width > 4 {
      let shown = " " + title.truncated(toWidth: rect.width - 4) + " "
      write(shown, x: rect.x + 1, y: rect.y, style: Style(.title, bold: true))
    }
  }

  /// The text backend: rows of characters, trailing spaces trimmed, for tests and `--plain`.
  public func text() -> String {
    var lines: [String] = []
    lines.reserveCapacity(height)
    for y in 0..<height {
      var line = ""
      for x in 0..<width {
        let cell = cells[y * width + x]
        if !cell.isContinuation { line.append(cell.character) }
      }
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}
