/// A key as the application sees it, whatever terminal sent it.
public enum Key: Hashable, Sendable {
  /// A printable character (any script).
  case character(Character)
  /// Ctrl with a letter: `.control("c")` is Ctrl-C. In raw mode Ctrl-C, Ctrl-Z and Ctrl-\ arrive
  /// here instead of as signals.
  case control(Character)
  case enter, escape, tab, backTab, backspace, delete, insert
  case up, down, left, right, home, end, pageUp, pageDown
  case function(Int)
}

/// A mouse event in screen cells; touch screens send presses.
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }

  public var kind: Kind
  public var x: Int
  public var y: Int

  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}

/// Everything the terminal can tell the application.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(width: Int, height: Int)
}

/// Turns the characters a terminal delivers into keys: the mapping of control codes shared by the
/// ncurses backend and by tests that type text.
public enum KeyDecoder {
  /// The key for one character code (not a special key code).
  public static func key(forCharacter code: UInt32) -> Key? {
    switch code {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(code + 96)!))
    case 28: return .control("\\")
    case 0, 29, 30, 31: return nil
    case 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .character(Character(scalar))
    }
  }

  /// Keys for a string typed or pasted: characters, with newlines as Enter.
  public static func keys(typing text: String) -> [Key] {
    text.unicodeScalars.compactMap { key(forCharacter: $0.value) }
  }
}
