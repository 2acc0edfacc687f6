import Foundation
public import QuireCore

/// The invisible text of one page as PDF content: every word drawn in render mode 3 (neither
/// filled nor stroked) in the glyphless font, stretched to its box's width, all words of a line
/// at the line's height on one baseline (each in the font variant whose ascent and descent give
/// its own box), with a space after every word but a line's last, so
/// that extraction never runs words together, in the reading order of the text model.
public struct TextLayer: Sendable {
    /// The page's text; word boxes in image pixels, origin top left.
    public var text: PageText
    /// Points per image pixel horizontally and vertically (72 / dpi for a scan drawn at its size).
    public var scaleX: Double
    public var scaleY: Double
    /// The page height in points (PDF's origin is at the bottom).
    public var pageHeight: Double

    public init(text: PageText, scaleX: Double, scaleY: Double, pageHeight: Double) {
        self.text = text
        self.scaleX = scaleX
        self.scaleY = scaleY
        self.pageHeight = pageHeight
    }

    /// The operators, and the font variants they use (resources named by
    /// `FontMetrics.resourceName`); empty when the page has no placed word. Text state that does
    /// not change is not written again: the font only when the variant or size changes, and a
    /// line's later words placed relative to the word before (`Td`).
    func content() -> (operators: String, fonts: Set<FontMetrics>) {
        var out = ""
        var fonts = Set<FontMetrics>()
        var font: (metrics: FontMetrics, size: String)?
        for region in text.regions {
            for line in region.lines {
                var placed = Self.placedWords(line)
                guard let top = placed.map(\.box.top).min(), let bottom = placed.map(\.box.bottom).max(), bottom > top else { continue }
                Self.separate(&placed, minimumGap: Int((Double(bottom - top) * Self.minimumGap).rounded(.up)))
                // One size and baseline for the whole line: poppler builds lines only from words
                // of the same size (within 5%) on one baseline, and otherwise reorders them.
                let height = Double(bottom - top)
                // The baseline at the highest word bottom: a font's descent cannot be negative, so
                // every word's box must reach down to the baseline at least.
                let baselinePixels = Double(placed.map(\.box.bottom).min() ?? bottom)
                let size = height * scaleY
                let baseline = pageHeight - baselinePixels * scaleY
                var previousX: Double?
                for (index, word) in placed.enumerated() {
                    // The word's own box through its font's ascent and descent.
                    let metrics = FontMetrics(above: (baselinePixels - Double(word.box.top)) / height, below: (Double(word.box.bottom) - baselinePixels) / height)
                    fonts.insert(metrics)
                    let next = index + 1 < placed.count ? placed[index + 1].box.left : nil
                    let sizeText = PDFSyntax.number(size)
                    if font?.metrics != metrics || font?.size != sizeText {
                        out += "/\(metrics.resourceName) \(sizeText) Tf "
                        font = (metrics, sizeText)
                    }
                    out += draw(word.text, box: word.box, size: size, baseline: baseline, after: previousX, spaceUntil: next)
                    previousX = Self.rounded(Double(word.box.left) * scaleX)
                }
            }
        }
        return (out.isEmpty ? "" : "BT\n3 Tr\n" + out + "ET\n", fonts)
    }

    /// A position as the content writes it (``PDFSyntax/number(_:)``: thousandths of a point;
    /// hundredths ran the words of a page drawn far smaller than its text model together).
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// A right-to-left word's letters in the order they stand on the page, left to right (readers
    /// take glyphs in page order and turn right-to-left runs back into reading order); any
    /// other word as it is.
    /// Only the run from the first to the last right-to-left letter is turned: poppler reads the
    /// punctuation around it (`העיר.`) in page order.
    static func visualOrder(_ word: String) -> String {
        let characters = Array(word)
        let rightToLeft = { (c: Character) in c.unicodeScalars.first.map(isRightToLeft) ?? false }
        guard let first = characters.firstIndex(where: rightToLeft), let last = characters.lastIndex(where: rightToLeft) else { return word }
        return String(characters[..<first] + characters[first...last].reversed() + characters[(last + 1)...])
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and
    /// the historic right-to-left scripts of plane 1.
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    /// The smallest gap between two words of a line, as a fraction of the line's height (the font
    /// size): `pdftotext -raw` prints a space between two words only when their glyphs are more
    /// than 0.15 of the font size apart (measured with poppler 22.12), so words whose scanned
    /// boxes touch would run together.
    static let minimumGap = 0.16

    /// Narrows words that stand closer than `minimumGap` pixels to the next one, each giving up
    /// half the shortfall (keeping at least a pixel).
    static func separate(_ words: inout [(text: String, box: BoundingBox)], minimumGap: Int) {
        guard words.count > 1 else { return }
        for index in 0..<(words.count - 1) {
            let (left, right) = (words[index].box, words[index + 1].box)
            let shortfall = minimumGap - (right.left - left.right)
            guard shortfall > 0 else { continue }
            let fromLeft = min(shortfall / 2 + shortfall % 2, max(0, left.width - 1)), fromRight = min(shortfall / 2, max(0, right.width - 1))
            words[index].box = BoundingBox(left: left.left, top: left.top, right: left.right - fromLeft, bottom: left.bottom)
            words[index + 1].box = BoundingBox(left: right.left + fromRight, top: right.top, right: right.right, bottom: right.bottom)
        }
    }

    /// The line's words with a box each: a word without one is given a share of the line's box
    /// by its length between its neighbours' boxes (never dropped); without any box to go by the
    /// line is left out of the layer.
    static func placedWords(_ line: TextLine) -> [(text: String, box: BoundingBox)] {
        let words = line.words.filter { !$0.text.allSatisfy(\.isWhitespace) }  // nothing to find in a blank
        guard !words.isEmpty else { return [] }
        if words.allSatisfy({ $0.box != nil && !$0.box!.isEmpty }) { return words.map { ($0.text, $0.box!) } }
        guard let lineBox = line.box ?? BoundingBox.union(of: words.compactMap(\.box)), !lineBox.isEmpty else { return [] }
        var result: [(text: String, box: BoundingBox)] = []
        var index = 0
        while index < words.count {
            if let box = words[index].box, !box.isEmpty {
                result.append((words[index].text, box))
                index += 1
                continue
            }
            // A run of boxless words between the previous box's right and the next box's left.
            var end = index
            while end < words.count, words[end].box?.isEmpty ?? true { end += 1 }
            let left = result.last?.box.right ?? lineBox.left
            let right = end < words.count ? words[end].box!.left : lineBox.right
            let run = words[index..<end]
            let weights = run.map { Double($0.text.count + 1) }
            let total = weights.reduce(0, +)
            var x = Double(left)
            let span = Double(max(right - left, run.count))
            for (word, weight) in zip(run, weights) {
                let width = span * weight / total
                let box = BoundingBox(x: Int(x.rounded()), y: lineBox.y, width: max(1, Int((x + width).rounded()) - Int(x.rounded())), height: lineBox.height)
                result.append((word.text, box))
                x += width
            }
            index = end
        }
        return result
    }

    /// One word stretched (`Tz`) to its box's width, on the line's baseline — placed by `Tm`
    /// for a line's first word, by `Td` from the word before (at `after`, points) for the
    /// others — then a space stretched to fill the gap up to the next word's left edge
    /// (`spaceUntil`, pixels).
    private func draw(_ word: String, box: BoundingBox, size: Double, baseline: Double, after previousX: Double?, spaceUntil next: Int?) -> String {
        let units = Array(Self.visualOrder(word).utf16)
        let glyph = Double(GlyphlessFont.advance) / 1000 * size
        let stretch = units.isEmpty ? 100 : 100 * Double(box.width) * scaleX / (Double(units.count) * glyph)
        let x = Self.rounded(Double(box.left) * scaleX)
        // Both positions rounded as written, so that moves add up to the same place as `Tm`.
        let place = previousX.map { "\(PDFSyntax.number(x - $0)) 0 Td" }
            ?? "1 0 0 1 \(PDFSyntax.number(x)) \(PDFSyntax.number(baseline)) Tm"
        var out = "\(PDFSyntax.number(stretch)) Tz \(place) <\(units.map(PDFSyntax.hex16).joined())> Tj"
        if let next {
            // The space stretched to end exactly where the next word begins: a space in the
            // word's own string, overrunning a close next word, let poppler run them together.
            let gap = max(0.01, Double(next - box.right) * scaleX)
            out += " \(PDFSyntax.number(100 * gap / glyph)) Tz <0020> Tj"
        }
        return out + "\n"
    }
}
