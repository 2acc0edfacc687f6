import QuireCore

/// The properties in an hOCR `title` attribute: `bbox 0 0 640 480; baseline 0.01 -6; x_wconf 96`.
///
/// Properties are separated by `;` (outside double quotes, so `image "a;b.tif"` stays whole);
/// each is a name followed by values.
struct HOCRProperties {
    /// Property name → its values, as written.
    private(set) var values: [String: [String]] = [:]

    /// Parses a `title` attribute; unparseable parts are skipped.
    init(_ title: String?) {
        guard let title else { return }
        var current = ""
        var quoted = false
        var parts: [String] = []
        for character in title {
            if character == "\"" { quoted.toggle() }
            if character == ";", !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        for part in parts {
            let tokens = part.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let name = tokens.first else { continue }
            values[name] = Array(tokens.dropFirst())
        }
    }

    /// The values of `name` as numbers (non-numbers dropped).
    func numbers(_ name: String) -> [Double] {
        (values[name] ?? []).compactMap(Double.init).filter(\.isFinite)
    }

    /// `bbox x0 y0 x1 y1`.
    var box: BoundingBox? { ReaderSupport.box(corners: numbers("bbox")) }

    /// `x_wconf` (0–100), else the mean of `x_confs` (0–100, or 0–1 as Kraken writes).
    var confidence: Confidence? {
        if let word = numbers("x_wconf").first {
            let isFraction = word > 0 && word < 1 && word != word.rounded()
            return Self.clamped(isFraction ? word : word / 100)
        }
        let characters = numbers("x_confs")
        guard !characters.isEmpty else { return nil }
        let mean = characters.reduce(0, +) / Double(characters.count)
        return Self.clamped(characters.contains { $0 > 1 } ? mean / 100 : mean)
    }

    private static func clamped(_ value: Double) -> Confidence { min(max(value, 0), 1) }

    /// `baseline slope offset` (Tesseract: from the bottom-left corner of `box`) as a polyline;
    /// a longer list is read as absolute points.
    func baseline(in box: BoundingBox?) -> Baseline? {
        let values = ReaderSupport.numbers(in: (self.values["baseline"] ?? []).joined(separator: " "))
        if values.count == 2, let box {
            guard let startOffset = ReaderSupport.integer(values[1]), let endOffset = ReaderSupport.integer(values[1] + values[0] * Double(box.width)) else { return nil }
            return Baseline(points: [Point(x: box.left, y: box.bottom + startOffset), Point(x: box.right, y: box.bottom + endOffset)])
        }
        guard values.count >= 4, values.count % 2 == 0, let points = ReaderSupport.points(values.map { "\($0)" }.joined(separator: " ")) else { return nil }
        return Baseline(points: points)
    }

    /// `scan_res 300 300`: the horizontal resolution.
    var resolution: Int? { numbers("scan_res").first.flatMap(ReaderSupport.integer).flatMap { $0 > 0 && $0 < 100_000 ? $0 : nil } }
}
