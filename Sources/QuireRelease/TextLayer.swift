import Foundation
public import QuireCore

/// The invisible text of one page as PDF content: every word drawn in render mode 3 (neither
/// filled nor stroked) in the glyphless font, sized and stretched to cover its box exactly, with
/// a space after every word but a line's last, so that extraction never runs words together, in
/// the reading order of the text model.
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

    /// The operators, to be drawn with the glyphless font as resource `/\(fontName)`; empty when
    /// the page has no placed word.
    public func content(fontName: String) -> String {
        var out = ""
        for region in text.regions {
            for line in region.lines {
                let placed = Self.placedWords(line)
                for (index, word) in placed.enumerated() {
                    let last = index == placed.count - 1
                    out += draw(word.text, box: word.box, trailingSpace: !last, font: fontName)
                }
            }
        }
        return out.isEmpty ? "" : "BT\n3 Tr\n" + out + "ET\n"
    }

    /// The line's words with a box each: a word without one is given a share of the line's box
    /// by its length between its neighbours' boxes (never dropped); without any box to go by the
    /// line is left out of the layer.
    static func placedWords(_ line: TextLine) -> [(text: String, box: BoundingBox)] {
        let words = line.words.filter { !$0.text.isEmpty }
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

    private func draw(_ word: String, box: BoundingBox, trailingSpace: Bool, font: String) -> String {
        let units = Array(word.utf16)
        let size = max(0.5, Double(box.height) * scaleY)
        let natural = Double(units.count * GlyphlessFont.advance) / 1000 * size
        let stretch = natural > 0 ? 100 * Double(box.width) * scaleX / natural : 100
        let x = Double(box.left) * scaleX
        let y = pageHeight - Double(box.bottom) * scaleY + size * Double(GlyphlessFont.descent) / 1000
        let codes = (units + (trailingSpace ? [0x20] : [])).map(PDFSyntax.hex16).joined()
        return "/\(font) \(PDFSyntax.number(size)) Tf \(PDFSyntax.number(stretch)) Tz 1 0 0 1 \(PDFSyntax.number(x)) \(PDFSyntax.number(y)) Tm <\(codes)> Tj\n"
    }
}
