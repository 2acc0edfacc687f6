/// The ascent and descent of a variant of the glyphless font, in thousandths of the font size:
/// a word drawn with it at the line's size on the line's baseline has a box from `ascent` above
/// the baseline to `descent` below it.
public struct FontMetrics: Hashable, Sendable, Comparable {
    public var ascent: Int
    public var descent: Int

    /// Steps the metrics are rounded up to, so that a document needs few variants.
    static let step = 25

    /// The variant whose box reaches `above` and `below` the baseline (fractions of the size),
    /// rounded up to the step; poppler ignores a descent of 0 (and then assumes 0.35), so the
    /// smallest descent is one thousandth.
    init(above: Double, below: Double) {
        func rounded(_ value: Double) -> Int { Int((max(0, value) * 1000 / Double(Self.step)).rounded(.up)) * Self.step }
        ascent = max(Self.step, min(2900, rounded(above)))
        descent = max(1, min(2900, rounded(below)))
    }

    init(ascent: Int, descent: Int) {
        self.ascent = ascent
        self.descent = descent
    }

    /// The font's name in a page's resources.
    var resourceName: String { "Q\(ascent)_\(descent)" }

    public static func < (a: FontMetrics, b: FontMetrics) -> Bool { (a.ascent, a.descent) < (b.ascent, b.descent) }
}
