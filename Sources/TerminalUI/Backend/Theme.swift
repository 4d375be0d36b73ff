/// Colours for the style roles. Meaning never rests on colour alone: markers and attributes carry
/// it too, so `NO_COLOR` and monochrome terminals lose nothing.
public struct Theme: Sendable {
  /// A terminal colour number (0–7), or -1 for the terminal's default.
  public struct Colours: Sendable {
    public var foreground: Int16
    public var background: Int16
    public var bold: Bool

    public init(_ foreground: Int16, _ background: Int16, bold: Bool = false) {
      self.foreground = foreground
      self.background = background
      self.bold = bold
    }
  }

  public var name: String
  public var colours: [Style.Role: Colours]

  // Terminal colour numbers.
  static let black: Int16 = 0
  static let red: Int16 = 1
  static let green: Int16 = 2
  static let yellow: Int16 = 3
  static let blue: Int16 = 4
  static let magenta: Int16 = 5
  static let cyan: Int16 = 6
  static let white: Int16 = 7

  /// On the terminal's own background.
  public static let standard = Theme(
    name: "standard",
    colours: [
      .normal: Colours(-1, -1), .title: Colours(cyan, -1, bold: true), .accent: Colours(cyan, -1),
      .dim: Colours(-1, -1), .selected: Colours(black, cyan),
      .route: Colours(magenta, -1, bold: true),
      .here: Colours(red, -1, bold: true), .warning: Colours(yellow, -1, bold: true),
      .bar: Colours(black, white), .highlight: Colours(green, -1, bold: true),
      .code: Colours(white, black, bold: true),
    ])

  /// White and yellow on black, everything bold: for bright halls and weak eyes.
  public static let highContrast = Theme(
    name: "high-contrast",
    colours: [
      .normal: Colours(white, black, bold: true), .title: Colours(yellow, black, bold: true),
      .accent: Colours(yellow, black, bold: true), .dim: Colours(white, black, bold: true),
      .selected: Colours(black, yellow, bold: true), .route: Colours(yellow, black, bold: true),
      .here: Colours(white, red, bold: true), .warning: Colours(black, yellow, bold: true),
      .bar: Colours(black, white, bold: true), .highlight: Colours(black, white, bold: true),
      .code: Colours(white, black, bold: true),
    ])
}
