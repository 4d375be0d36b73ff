import TerminalUI
import TextLayout

/// A one-line text field: characters, a cursor, and the usual editing keys.
public struct LineEditor: Hashable, Sendable {
  public private(set) var characters: [Character] = []
  public private(set) var cursor = 0
  /// Long lines are capped so a paste flood cannot grow without bound.
  public static let limit = 500

  public init(_ text: String = "") {
    characters = Array(text.prefix(Self.limit))
    cursor = characters.count
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }

  /// Applies an editing key; returns false when the key is not an editing key.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let character):
      guard characters.count < Self.limit else { return true }
      characters.insert(character, at: cursor)
      cursor += 1
    case .backspace:
      if cursor > 0 {
        characters.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete:
      if cursor < characters.count { characters.remove(at: cursor) }
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = characters.count
    case .control("u"):
      characters.removeFirst(cursor)
      cursor = 0
    case .control("k"): characters.removeLast(characters.count - cursor)
    default: return false
    }
    return true
  }

  public mutating func clear() {
    characters = []
    cursor = 0
  }

  /// Draws the field into `width` columns from (x, y), scrolled so the cursor shows; returns the
  /// cursor's screen position.
  public func draw(into canvas: inout Canvas, x: Int, y: Int, width: Int, style: Style = .normal)
    -> Point
  {
    guard width > 1 else { return Point(x: x, y: y) }
    // Scroll: the widest window of characters ending at the cursor that fits.
    var start = cursor
    var used = 1  // the cursor cell
    while start > 0 {
      let next = DisplayWidth.of(characters[start - 1])
      if used + next > width { break }
      used += next
      start -= 1
    }
    var shown = ""
    var columns = 0
    for character in characters[start...] {
      let w = DisplayWidth.of(character)
      if columns + w > width - 1 { break }
      shown.append(character)
      columns += w
    }
    canvas.write(shown, x: x, y: y, style: style, clip: Rect(x: x, y: y, width: width, height: 1))
    let before = characters[start..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
    return Point(x: x + before, y: y)
  }
}
