/// A point in page pixels, origin at the top left.
public struct Point: Hashable, Sendable, Codable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in page pixels, origin at the top left.
public struct BoundingBox: Hashable, Sendable, Codable {
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

    /// The box from its left, top, right and bottom edges (right and bottom exclusive).
    public init(left: Int, top: Int, right: Int, bottom: Int) {
        self.init(x: left, y: top, width: right - left, height: bottom - top)
    }

    public var left: Int { x }
    public var top: Int { y }
    public var right: Int { x + width }
    public var bottom: Int { y + height }
    public var area: Int { width * height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The smallest box holding both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return BoundingBox(left: min(left, other.left), top: min(top, other.top), right: max(right, other.right), bottom: max(bottom, other.bottom))
    }

    /// The smallest box holding all of `boxes`; nil when there are none.
    public static func union(of boxes: some Sequence<BoundingBox>) -> BoundingBox? {
        boxes.reduce(nil) { partial, box in partial.map { $0.union(box) } ?? box }
    }
}

/// A text line's baseline as a polyline (ALTO BASELINE, PAGE Baseline, Tesseract's two points).
public struct Baseline: Hashable, Sendable, Codable {
    /// At least two points, left to right.
    public var points: [Point]
    public init(points: [Point]) { self.points = points }
}
