import CNcursesw
import CTerminalGuard

#if canImport(Glibc)
  import Glibc
#endif

/// Why the terminal front end cannot start; each says what to do about it.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
  case notATerminal
  case noTerm
  case unknownTerm(String)
  case cannotAddressCursor(String)

  public var description: String {
    switch self {
    case .notATerminal:
      "hiwaic's screen needs a terminal, and standard input or output is not one. For scripts use the commands, e.g. hiwaic ask \"where is Unitree?\" (see hiwaic --help)."
    case .noTerm:
      "TERM is not set, so hiwaic cannot tell what terminal this is. Set it, e.g. TERM=xterm-256color hiwaic, or use the commands (hiwaic --help)."
    case .unknownTerm(let name):
      "The terminal type TERM=\(name) is unknown here (no terminfo entry). Try TERM=xterm-256color, or install ncurses-term."
    case .cannotAddressCursor(let name):
      "The terminal type TERM=\(name) cannot move the cursor, which a full-screen assistant needs. Use a real terminal (TERM=xterm-256color), or the commands (hiwaic ask …)."
    }
  }
}

/// Options of the ncurses screen.
public struct TerminalOptions: Sendable {
  /// Honour NO_COLOR: attributes and markers only.
  public var colour: Bool
  public var theme: Theme
  /// Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, never as signals.
  public var raw: Bool
  /// A crash ends the process at once, terminal restored, so that the service manager starts a
  /// fresh kiosk; no interactive backtrace ever takes the screen.
  public var kiosk: Bool

  public init(colour: Bool = true, theme: Theme = .standard, raw: Bool = true, kiosk: Bool = false)
  {
    self.colour = colour
    self.theme = theme
    self.raw = raw
    self.kiosk = kiosk
  }
}

/// The ncurses backend: starts and stops the screen, reads keys, mouse and resizes, and flushes
/// only the cells of a canvas that changed since the last frame.
public final class NcursesTerminal {
  private var screen: OpaquePointer?
  private var previous: Canvas?
  private var pairs: [Style.Role: Int16] = [:]
  private let options: TerminalOptions
  private var stopped = false

  /// Chooses a UTF-8 locale: the environment's, else C.UTF-8 (a bare getty has no LANG, and
  /// without UTF-8 ncurses draws Chinese as blanks). Returns whether a fallback was needed.
  @discardableResult
  public static func chooseUTF8Locale() -> Bool {
    setlocale(LC_ALL, "")
    if hiwaic_locale_is_utf8() != 0 { return false }
    if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "C.utf8") }
    return true
  }

  /// Checks the environment and starts the screen, or says exactly why it cannot.
  public init(options: TerminalOptions) throws(TerminalError) {
    self.options = options
    guard isatty(0) != 0, isatty(1) != 0 else { throw .notATerminal }
    guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
      throw .noTerm
    }
    Self.chooseUTF8Locale()
    // Before ncurses changes anything: the settings saved here are the ones a signal restores.
    _ = hiwaic_guard_install(STDOUT_FILENO, options.kiosk ? 1 : 0)
    guard let screen = newterm(nil, hiwaic_stdout(), hiwaic_stdin()) else {
      throw .unknownTerm(term)
    }
    self.screen = screen
    set_term(screen)
    guard hiwaic_can_address_cursor() != 0 else {
      endwin()
      delscreen(screen)
      self.screen = nil
      throw .cannotAddressCursor(term)
    }
    if options.raw { raw() } else { cbreak() }
    noecho()
    nonl()
    keypad(hiwaic_stdscr(), true)
    hiwaic_set_escdelay(25)
    mousemask(hiwaic_mouse_events(), nil)
    mouseinterval(0)
    if options.colour && has_colors() {
      start_color()
      use_default_colors()
      for (index, role) in Style.Role.allCases.enumerated() {
        let colours = options.theme.colours[role] ?? Theme.Colours(-1, -1)
        let pair = Int16(index + 1)
        init_pair(pair, colours.foreground, colours.background)
        pairs[role] = pair
      }
    }
    curs_set(0)
  }

  deinit { stop() }

  /// Restores the terminal; safe to call twice.
  public func stop() {
    guard !stopped, screen != nil else { return }
    stopped = true
    curs_set(1)
    endwin()
    if let screen { delscreen(screen) }
    screen = nil
  }

  public var size: (width: Int, height: Int) { (Int(hiwaic_cols()), Int(hiwaic_lines())) }

  /// The next event, or nil when none came within `timeout` milliseconds.
  public func read(timeout: Int32) -> InputEvent? {
    wtimeout(hiwaic_stdscr(), timeout)
    var code: wint_t = 0
    let result = wget_wch(hiwaic_stdscr(), &code)
    // Only on a real wait: the reads without one, after each key of a burst, stay free of it.
    if result == ERR { return timeout > 0 ? missedResize() : nil }
    if result == KEY_CODE_YES {
      return special(Int32(code))
    }
    return KeyDecoder.key(forCharacter: UInt32(code)).map { .key($0) }
  }

  /// A resize that ncurses never reported: its signal came while the screen was starting, before
  /// ncurses listened for it, and the screen kept its first size. Looked for whenever no key
  /// came, so a screen is at most one tick late, never stuck.
  private func missedResize() -> InputEvent? {
    var lines: Int32 = 0
    var columns: Int32 = 0
    guard hiwaic_kernel_size(&lines, &columns) != 0,
      lines != hiwaic_lines() || columns != hiwaic_cols()
    else { return nil }
    resizeterm(lines, columns)
    previous = nil
    return .resize(width: Int(hiwaic_cols()), height: Int(hiwaic_lines()))
  }

  private func special(_ code: Int32) -> InputEvent? {
    let f0 = hiwaic_key_f0()
    switch code {
    case KEY_RESIZE:
      previous = nil
      return .resize(width: Int(hiwaic_cols()), height: Int(hiwaic_lines()))
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      let state = event.bstate
      let kind: MouseEvent.Kind
      if hiwaic_is_wheel_up(state) != 0 {
        kind = .wheelUp
      } else if hiwaic_is_wheel_down(state) != 0 {
        kind = .wheelDown
      } else if hiwaic_is_button1(state) != 0 {
        kind = .press
      } else {
        return nil
      }
      return .mouse(MouseEvent(kind, x: Int(event.x), y: Int(event.y)))
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_BTAB: return .key(.backTab)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_DC: return .key(.delete)
    case KEY_IC: return .key(.insert)
    case KEY_ENTER: return .key(.enter)
    case (f0 + 1)...(f0 + 24): return .key(.function(Int(code - f0)))
    default: return nil
    }
  }

  /// Forgets what is on the terminal: the next frame repaints every cell, and ncurses clears the
  /// screen first (after a kiosk reset nothing of the last visitor may survive in a stale cell).
  public func invalidate() {
    previous = nil
    clearok(hiwaic_stdscr(), true)
  }

  /// Draws a frame: only rows that changed, and in them only the changed span.
  public func draw(_ canvas: Canvas) {
    let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
    if full { werase(hiwaic_stdscr()) }
    for y in 0..<canvas.height {
      var first = -1
      var last = -1
      for x in 0..<canvas.width where full || canvas[x, y] != previous![x, y] {
        if first < 0 { first = x }
        last = x
      }
      guard first >= 0 else { continue }
      // Start on the left half of a wide character and end after its right half.
      if canvas[first, y].width == 0 && first > 0 { first -= 1 }
      if last + 1 < canvas.width && canvas[last + 1, y].width == 0 { last += 1 }
      drawSpan(canvas, y: y, from: first, through: last)
    }
    if let cursor = canvas.cursor {
      wmove(hiwaic_stdscr(), Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wrefresh(hiwaic_stdscr())
    previous = canvas
  }

  private func drawSpan(_ canvas: Canvas, y: Int, from first: Int, through last: Int) {
    var x = first
    // The bottom-right cell is written last-but-not-least: writing it scrolls some terminals.
    let lastColumn = y == canvas.height - 1 ? min(last, canvas.width - 2) : last
    while x <= lastColumn {
      let style = canvas[x, y].style
      var text: [wchar_t] = []
      let start = x
      while x <= lastColumn, canvas[x, y].style == style {
        let cell = canvas[x, y]
        if cell.width != 0 {
          for scalar in cell.character.unicodeScalars {
            text.append(wchar_t(bitPattern: scalar.value))
          }
        }
        x += 1
      }
      let (attributes, pair) = attributes(for: style)
      _ = text.withUnsafeBufferPointer { buffer in
        hiwaic_put(
          Int32(y), Int32(start), buffer.baseAddress, Int32(buffer.count), attributes, Int32(pair))
      }
    }
  }

  private func attributes(for style: Style) -> (attr_t, Int16) {
    var attributes = hiwaic_a_normal()
    let colours = options.theme.colours[style.role]
    if style.bold || (colours?.bold ?? false) { attributes |= hiwaic_a_bold() }
    if style.underline { attributes |= hiwaic_a_underline() }
    if style.reverse { attributes |= hiwaic_a_reverse() }
    // Without colours the roles that need to stand out still do, by attribute.
    if pairs.isEmpty {
      switch style.role {
      case .selected, .bar: attributes |= hiwaic_a_reverse()
      case .title, .route, .here, .warning, .highlight: attributes |= hiwaic_a_bold()
      default: break
      }
    }
    return (attributes, pairs[style.role] ?? 0)
  }
}
