import Assistant
import EventModel
import Foundation
import Planner
import TerminalUI
import TextLayout

extension ScreenContext {
  /// Map: one floor drawn with box-drawing characters, "you are here", the route, a legend.
  /// Everything is drawn inside the map's frame (never over the tabs, title or legend); names
  /// are drawn after the marks so that a booth or the route never cuts a label.
  mutating func drawMap(_ frame: inout Frame) {
    hints =
      state.searchingMap
      ? t(
        "Type an exhibitor, room, booth or facility · Enter find · Esc leave",
        "输入展商、会场、展位或设施 · 回车 查找 · Esc 退出")
      : t(
        "/ find · arrows pan · +/- zoom · [ ] floor · b next booth · Enter who is there · h here · c clear",
        "/ 查找 · 方向键平移 · +/- 缩放 · [ ] 楼层 · b 下一个展位 · 回车 查看 · h 当前位置 · c 清除")
    let floors = lists.floors
    guard !floors.isEmpty else {
      paragraph(
        t("This pack has no floor plans.", "此数据包没有平面图。"), &frame.canvas, in: area.inset(1),
        from: area.y)
      return
    }
    let floor = floors[min(max(0, state.mapFloor), floors.count - 1)]
    let venue = catalog.venue(ofFloor: floor.id)
    let legendWidth = area.width >= 100 ? 26 : 0
    let mapArea = Rect(
      x: area.x, y: area.y + 1, width: area.width - legendWidth,
      height: area.height - 1 - (legendWidth == 0 ? 2 : 0))
    if state.searchingMap || !state.mapSearch.isEmpty {
      let label = t("Find: ", "查找：")
      let x = frame.canvas.write(label, x: area.x + 1, y: area.y, style: Style(.title, bold: true))
      let cursor = state.mapSearch.draw(
        into: &frame.canvas, x: x, y: area.y, width: max(10, mapArea.maxX - x - 1),
        style: Style(.normal, underline: true))
      if state.searchingMap { frame.canvas.cursor = cursor }
    } else {
      let title =
        [venue?.name.text(language), floor.name.text(language)].compactMap { $0 }.joined(
          separator: " · ")
        + t(
          "  (floor \(min(state.mapFloor, floors.count - 1) + 1)/\(floors.count), modelled plan)",
          "（第\(min(state.mapFloor, floors.count - 1) + 1)/\(floors.count)层，模拟平面图）")
      frame.canvas.write(
        title.truncated(toWidth: area.width - 2), x: area.x + 1, y: area.y,
        style: Style(.title, bold: true), clip: area)
    }
    let projection = MapProjection(
      floor: floor, area: mapArea.inset(1), zoom: state.mapZoom, panX: state.mapPanX,
      panY: state.mapPanY, focus: focusPoint(on: floor))
    frame.canvas.frame(mapArea)
    let clip = mapArea.inset(1)
    // The floor is drawn on a canvas of its own and only its inside copied: a hall zoomed past
    // the edge cannot draw over anything else.
    var canvas = Canvas(width: frame.canvas.width, height: frame.canvas.height)
    var labels: [(text: String, x: Int, y: Int, style: Style, width: Int)] = []
    // Halls and rooms as frames; their names go on top later.
    for hall in catalog.pack.venues.halls where hall.floor == floor.id {
      let rect = projection.rect(hall.rect)
      canvas.frame(rectClipped(rect, clip), style: Style(.accent))
      labels.append(
        (hall.name.text(language), rect.x + 2, rect.y, Style(.title, bold: true), rect.width - 4))
    }
    for room in catalog.pack.venues.rooms where room.floor == floor.id {
      guard let footprint = room.rect else { continue }
      let rect = projection.rect(footprint)
      canvas.frame(rectClipped(rect, clip), style: Style(.dim))
      labels.append((room.name.text(language), rect.x + 2, rect.y, Style(.title), rect.width - 4))
    }
    let hallIDs = Set(catalog.pack.venues.halls.filter { $0.floor == floor.id }.map(\.id))
    // Zones: their names in the hall, in brackets, where there is room.
    for zone in catalog.pack.venues.zones where hallIDs.contains(zone.hall) {
      let rect = projection.rect(zone.rect)
      if rect.width >= 6 {
        labels.append(
          (
            "⟨" + zone.name.text(language) + "⟩", rect.x + 1, rect.maxY - 1,
            Style(.dim, underline: true), rect.width - 2
          ))
      }
    }
    // Booths: a box with who is there when it fits, else the booth's number, else a mark.
    for booth in catalog.pack.booths where hallIDs.contains(booth.hall) {
      let rect = projection.rect(booth.rect)
      let exhibitor = (catalog.exhibitorsByBooth[booth.id] ?? []).first.map {
        catalog.pack.exhibitors[$0].name.text(language)
      }
      if rect.width >= booth.id.displayWidth + 2 && rect.height >= 3 {
        canvas.frame(rectClipped(rect, clip), style: Style(.dim))
        let room = rect.width - 2
        if let exhibitor, exhibitor.displayWidth <= room {
          labels.append((exhibitor, rect.x + 1, rect.y + 1, .normal, room))
          if rect.height >= 4 {
            labels.append((booth.id, rect.x + 1, rect.y + 2, Style(.dim), room))
          }
        } else {
          labels.append((booth.id, rect.x + 1, rect.y + 1, .normal, room))
          if rect.height >= 4, let exhibitor {
            labels.append(
              (exhibitor.truncated(toWidth: room), rect.x + 1, rect.y + 2, Style(.dim), room))
          }
        }
      } else {
        let center = projection.point(booth.rect.center)
        canvas.write("▪", x: center.x, y: center.y, style: Style(.dim), clip: clip)
      }
      let hit = Rect(x: rect.x, y: rect.y, width: max(1, rect.width), height: max(1, rect.height))
      if hit.x < clip.maxX, hit.maxX > clip.x, hit.y < clip.maxY, hit.maxY > clip.y {
        frame.hotspot(intersection(hit, clip), .booth(booth.id))
      }
    }
    // Facilities and entrances.
    for node in catalog.pack.walkways.nodes where node.floor == floor.id {
      guard let glyph = MapLegend.glyph(for: node) else { continue }
      let point = projection.point(node.point)
      canvas.write(glyph, x: point.x, y: point.y, style: Style(.highlight, bold: true), clip: clip)
    }
    // The route.
    let route = state.mapRoute
    let nodes = route.compactMap { catalog.node($0) }
    for (a, b) in zip(nodes, nodes.dropFirst()) where a.floor == floor.id && b.floor == floor.id {
      for point in MapProjection.line(projection.point(a.point), projection.point(b.point)) {
        canvas.write("•", x: point.x, y: point.y, style: Style(.route, bold: true), clip: clip)
      }
    }
    for (a, b) in zip(nodes, nodes.dropFirst()) where a.floor != b.floor {
      for node in [a, b] where node.floor == floor.id {
        let point = projection.point(node.point)
        canvas.write("⇅", x: point.x, y: point.y, style: Style(.route, bold: true), clip: clip)
      }
    }
    // Names over the marks, each whole or cut with an ellipsis, never overwritten.
    for label in labels where label.width >= 2 {
      let shown = label.text.truncated(toWidth: label.width)
      guard !shown.isEmpty else { continue }
      canvas.write(shown, x: label.x, y: label.y, style: label.style, clip: clip)
    }
    // Where you go and where you are: on top of everything.
    if let target = state.mapTarget, let node = catalog.node(target), node.floor == floor.id {
      let point = projection.point(node.point)
      canvas.write(
        "X", x: point.x, y: point.y, style: Style(.here, bold: true, reverse: true), clip: clip)
    }
    if let here = state.here, let node = catalog.node(here), node.floor == floor.id {
      let point = projection.point(node.point)
      canvas.write(
        "@", x: point.x, y: point.y, style: Style(.here, bold: true, reverse: true), clip: clip)
    }
    frame.canvas.copyRows(
      from: canvas, sourceY: clip.y, rows: clip.height, columns: clip.x..<clip.maxX, to: clip.y)
    drawLegend(&frame.canvas, mapArea: mapArea, legendWidth: legendWidth, floors: floors)
  }

  /// The part of `rect` inside `clip`.
  func intersection(_ rect: Rect, _ clip: Rect) -> Rect {
    let x = max(rect.x, clip.x)
    let y = max(rect.y, clip.y)
    return Rect(
      x: x, y: y, width: max(0, min(rect.maxX, clip.maxX) - x),
      height: max(0, min(rect.maxY, clip.maxY) - y))
  }

  func rectClipped(_ rect: Rect, _ clip: Rect) -> Rect {
    // Frames are only drawn when they fit on screen at least partly; the canvas clips the rest.
    rect.maxX <= clip.x || rect.x >= clip.maxX || rect.maxY <= clip.y || rect.y >= clip.maxY
      ? Rect(x: 0, y: 0, width: 0, height: 0) : rect
  }

  /// What the map centres on when zoomed: the target, else you, else the floor's middle.
  func focusPoint(on floor: Floor) -> PlanePoint? {
    for id in [state.mapTarget, state.here].compactMap({ $0 }) {
      if let node = catalog.node(id), node.floor == floor.id { return node.point }
    }
    return nil
  }

  func drawLegend(_ canvas: inout Canvas, mapArea: Rect, legendWidth: Int, floors: [Floor]) {
    var entries = [
      ("@", t("you are here", "您在这里")), ("X", t("destination", "目的地")), ("•", t("the way", "路线")),
      ("⇅", t("change floor", "换楼层")),
    ]
    entries += MapLegend.entries.map { ($0.glyph, language == .zh ? $0.zh : $0.en) }
    if legendWidth > 0 {
      let rect = Rect(
        x: mapArea.maxX + 1, y: mapArea.y, width: legendWidth - 1, height: mapArea.height)
      canvas.frame(rect, title: t("Legend", "图例"))
      for (index, entry) in entries.enumerated() where index < rect.height - 2 {
        canvas.write(
          "\(entry.0) \(entry.1)", x: rect.x + 2, y: rect.y + 1 + index, clip: rect.inset(1))
      }
    } else {
      // A no-break space keeps each mark with its meaning when the line wraps.
      let line = entries.map { "\($0.0)\u{00A0}\($0.1)" }.joined(separator: "  ")
      let rect = Rect(x: area.x + 1, y: mapArea.maxY, width: area.width - 2, height: 2)
      paragraph(line, &canvas, in: rect, from: rect.y, style: Style(.dim))
    }
  }
}

/// The symbols of the map, each with its meaning: information is never carried by colour alone.
enum MapLegend {
  static let entries: [(glyph: String, en: String, zh: String)] = [
    ("E", "entrance", "入口"), ("W", "restroom", "洗手间"), ("F", "food & water", "餐饮"),
    ("i", "information", "咨询台"), ("+", "first aid", "医疗点"), ("L", "lift", "电梯"),
    ("S", "stairs / escalator", "楼梯/扶梯"), ("M", "metro", "地铁"), ("▪", "booth", "展位"),
    ("⟨ ⟩", "zone", "展区"),
  ]

  static func glyph(for node: WalkwayNode) -> String? {
    switch node.kind {
    case .entrance: return "E"
    case .lift: return "L"
    case .stairs, .escalator: return "S"
    case .metro: return "M"
    case .facility:
      switch node.facility {
      case .restroom, .accessibleRestroom: return "W"
      case .food, .water: return "F"
      case .infoDesk, .lostAndFound: return "i"
      case .firstAid: return "+"
      default: return nil
      }
    default: return nil
    }
  }
}

/// From floor-plan metres to screen cells: fit the floor, then zoom around a focus and pan.
/// Cells are about twice as tall as wide, so a metre takes half as many rows as columns.
struct MapProjection {
  let originX: Double
  let originY: Double
  let scale: Double  // columns per metre
  let area: Rect

  init(floor: Floor, area: Rect, zoom: Int, panX: Int, panY: Int, focus: PlanePoint?) {
    self.area = area
    let bounds = floor.bounds
    let fit = min(
      Double(max(1, area.width - 1)) / max(1, bounds.w),
      2 * Double(max(1, area.height - 1)) / max(1, bounds.d))
    scale = fit * Double(1 << max(0, min(zoom, 6)))
    // The point shown at the centre of the area.
    let centre =
      zoom > 0 ? (focus ?? bounds.center) : bounds.center
    originX = centre.x - Double(area.width) / 2 / scale + Double(panX) / scale
    originY = centre.y - Double(area.height) / scale + Double(panY) * 2 / scale
  }

  func point(_ p: PlanePoint) -> Point {
    Point(
      x: area.x + ((p.x - originX) * scale).flooredInt,
      y: area.y + ((p.y - originY) * scale / 2).flooredInt)
  }

  func rect(_ r: PlaneRect) -> Rect {
    let topLeft = point(PlanePoint(x: r.x, y: r.y))
    let bottomRight = point(PlanePoint(x: r.maxX, y: r.maxY))
    return Rect(
      x: topLeft.x, y: topLeft.y, width: max(1, bottomRight.x - topLeft.x),
      height: max(1, bottomRight.y - topLeft.y))
  }

  /// The cells of a straight line (Bresenham), ends included.
  static func line(_ a: Point, _ b: Point) -> [Point] {
    var points: [Point] = []
    var x = a.x
    var y = a.y
    let dx = abs(b.x - a.x)
    let dy = -abs(b.y - a.y)
    let sx = a.x < b.x ? 1 : -1
    let sy = a.y < b.y ? 1 : -1
    var error = dx + dy
    // Bounded: a line is never longer than its two spans together.
    for _ in 0...(dx - dy) {
      points.append(Point(x: x, y: y))
      if x == b.x && y == b.y { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += sx
      }
      if doubled <= dx {
        error += dx
        y += sy
      }
    }
    return points
  }
}
