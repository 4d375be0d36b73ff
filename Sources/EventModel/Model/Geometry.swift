import Foundation

/// A point on a floor plan, in metres from the floor's origin (x east, y south).
public struct PlanePoint: Codable, Hashable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// Straight-line distance in metres.
  public func distance(to other: PlanePoint) -> Double {
    ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
  }
}

/// An axis-aligned rectangle on a floor plan, in metres: origin `x`,`y`, width `w`, depth `d`.
public struct PlaneRect: Codable, Hashable, Sendable {
  public var x: Double
  public var y: Double
  public var w: Double
  public var d: Double

  public init(x: Double, y: Double, w: Double, d: Double) {
    self.x = x
    self.y = y
    self.w = w
    self.d = d
  }

  public var maxX: Double { x + w }
  public var maxY: Double { y + d }
  public var center: PlanePoint { PlanePoint(x: x + w / 2, y: y + d / 2) }

  /// Whether `other` lies wholly inside this rectangle (edges may touch).
  public func contains(_ other: PlaneRect) -> Bool {
    let slack = 1e-9
    return other.x >= x - slack && other.y >= y - slack && other.maxX <= maxX + slack
      && other.maxY <= maxY + slack
  }

  /// Whether a point lies inside or on the edge.
  public func contains(_ point: PlanePoint) -> Bool {
    point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
  }
}

/// A place on Earth, WGS 84 degrees.
public struct GeoPoint: Codable, Hashable, Sendable {
  public var lat: Double
  public var lon: Double

  public init(lat: Double, lon: Double) {
    self.lat = lat
    self.lon = lon
  }

  /// Great-circle (haversine) distance in metres, on a sphere of the Earth's mean radius.
  public func distance(to other: GeoPoint) -> Double {
    let earthRadius = 6_371_008.8
    let phi1 = lat * .pi / 180
    let phi2 = other.lat * .pi / 180
    let deltaPhi = (other.lat - lat) * .pi / 180
    let deltaLambda = (other.lon - lon) * .pi / 180
    let a =
      sin(deltaPhi / 2) * sin(deltaPhi / 2) + cos(phi1) * cos(phi2) * sin(deltaLambda / 2)
      * sin(deltaLambda / 2)
    return 2 * earthRadius * atan2(a.squareRoot(), (1 - a).squareRoot())
  }

  /// Whether the coordinates are on the globe.
  public var isValid: Bool { (-90...90).contains(lat) && (-180...180).contains(lon) }
}
