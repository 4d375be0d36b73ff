import EventModel
import Foundation
import TerminalUI
import Testing

@testable import App

@Suite("The map: drawn inside its frame, names over marks, find, booths")
struct MapScreenTests {
  /// The cells of a frame outside `inside`, row by row.
  static func outside(_ canvas: Canvas, _ inside: Rect) -> [String] {
    (0..<canvas.height).map { y in
      String(
        (0..<canvas.width).map { x in
          inside.contains(x: x, y: y) ? "·" : canvas[x, y].character
        })
    }
  }

  /// The inside of the map's frame at this size (as the view lays it out).
  static func mapInside(width: Int, height: Int) -> Rect {
    let legend = width >= 100 ? 26 : 0
    return Rect(
      x: 1, y: 3, width: width - legend - 2, height: height - 2 - 1 - (legend == 0 ? 2 : 0) - 2)
  }

  @Test(
    "zoomed and panned on every floor, nothing is drawn outside the map's frame",
    arguments: [(120, 40), (80, 24), (60, 16)])
  func staysInside(width: Int, height: Int) {
    var app = AppHarness(width: width, height: height)
    app.press(.function(5))
    let inside = Self.mapInside(width: width, height: height)
    let floors = app.env.catalog.pack.venues.floors.count
    for floor in 0..<floors {
      app.state.mapFloor = floor
      app.state.mapZoom = 0
      app.state.mapPanX = 0
      app.state.mapPanY = 0
      let baseline = Self.outside(app.frame.canvas, inside)
      for zoom in 1...4 {
        for (panX, panY) in [(0, 0), (-40, -20), (40, 20)] {
          app.state.mapZoom = zoom
          app.state.mapPanX = panX
          app.state.mapPanY = panY
          let outside = Self.outside(app.frame.canvas, inside)
          #expect(outside == baseline, "floor \(floor) zoom \(zoom) pan \(panX),\(panY)")
        }
      }
    }
  }

  @Test("no mark or route dot inside a zone's name, at any zoom", arguments: [Language.en, .zh])
  func namesWin(language: Language) {
    var app = AppHarness(width: 120, height: 40, language: language)
    app.ask(language == .zh ? "怎么去宇树科技" : "how do I get to Unitree")
    app.press(.function(5))
    for floor in 0..<app.env.catalog.pack.venues.floors.count {
      app.state.mapFloor = floor
      for zoom in 0...3 {
        app.state.mapZoom = zoom
        for line in app.screen.split(separator: "\n") {
          var inside = false
          for character in line {
            if character == "⟨" { inside = true }
            if character == "⟩" { inside = false }
            #expect(!(inside && (character == "▪" || character == "•")), "\(line)")
          }
        }
      }
    }
  }

  @Test("/ finds an exhibitor, a facility or a room and centres on it; nothing found says so")
  func find() throws {
    var app = AppHarness(width: 120, height: 40)
    app.press(.function(5), .character("/"))
    #expect(app.state.typingField)
    app.type("Unitree")
    app.press(.enter)
    let booth = try #require(app.env.catalog.booth("H3-A01"))
    #expect(app.state.mapTarget == booth.node)
    #expect(!app.state.mapRoute.isEmpty)
    #expect(app.screen.contains("Booth ~H3-A01 · Unitree Robotics · Enter for details"))
    #expect(app.screen.contains("X"))
    app.press(.character("/"), .control("u"))
    app.type("restroom")
    app.press(.enter)
    let node = try #require(app.state.mapTarget.flatMap { app.env.catalog.node($0) })
    #expect(node.facility == .restroom || node.facility == .accessibleRestroom)
    app.press(.character("/"), .control("u"))
    app.type("qqqzzz")
    app.press(.enter)
    #expect(app.screen.contains("Nothing on the map called “qqqzzz”"))
  }

  /// The map at 120×40 on the floor of Unitree's booth H3-A01.
  static func unitreeFloor() throws -> (AppHarness, Booth) {
    var app = AppHarness(width: 120, height: 40)
    app.press(.function(5))
    let booth = try #require(app.env.catalog.booth("H3-A01"))
    app.state.mapFloor = try #require(
      Lists(catalog: app.env.catalog, state: app.state).floorIndex(ofNode: booth.node))
    return (app, booth)
  }

  @Test("b steps through booths saying who is there; Enter opens that exhibitor")
  func booths() throws {
    var (app, _) = try Self.unitreeFloor()
    app.press(.character("b"))
    let first = try #require(app.state.mapBooth)
    #expect(app.screen.contains("Booth ~"))
    app.press(.character("b"))
    #expect(app.state.mapBooth != first)
    app.send(.target(.booth("H3-A01")))
    app.press(.enter)
    #expect(app.state.screen == .exhibitors)
    #expect(app.screen.contains("▶  Unitree Robotics"))
  }

  @Test("a click on a booth marks it and names who is there")
  func clickBooth() throws {
    var (app, booth) = try Self.unitreeFloor()
    app.click(.booth("H3-A01"))
    #expect(app.state.mapTarget == booth.node)
    #expect(app.screen.contains("Unitree Robotics · Enter for details"))
  }

  @Test("the legend under a narrow map keeps each mark with its meaning")
  func legendKeepsPairs() {
    var app = AppHarness(width: 80, height: 24, language: .zh)
    app.press(.function(5))
    for line in app.screen.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      #expect(!trimmed.hasPrefix("医疗点"), "\(line)")
      #expect(!trimmed.hasSuffix(" +"), "\(line)")
    }
  }
}
