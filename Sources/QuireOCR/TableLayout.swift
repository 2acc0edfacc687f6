public import QuireCore

/// Pages laid out in rows across columns — exhibition catalogues, price lists, tables of
/// contents: numbers in one column, titles in the next, prices in a third. Tesseract's automatic
/// segmentation (PSM 3) cuts such a page into column blocks and reads each column top to bottom,
/// so every row comes apart (number, then all the titles, then all the prices). Read as one
/// uniform block (PSM 6) the rows stay whole. This rule says, from a PSM 3 result, whether the
/// page is such a table: many lines that hold nothing but numbers and stand beside a line of text
/// of another block on the same row.
public enum TableLayout {
    /// The page segmentation mode a table page is read again with.
    public static let rowsMode = 6
    /// At least this many number-only lines beside text (a list, not a page number or two).
    public static let minimumNumberLines = 8
    /// …and at least this share of all the page's lines.
    public static let minimumNumberShare = 0.2

    /// Whether `page` (read with PSM 3) is laid out in rows across columns.
    public static func readsAsRows(_ page: PageText) -> Bool {
        var lines: [(region: Int, line: TextLine)] = []
        for (index, region) in page.regions.enumerated() {
            for line in region.lines where !line.words.isEmpty { lines.append((index, line)) }
        }
        guard lines.count >= minimumNumberLines else { return false }
        let besideText = lines.filter { entry in
            isNumberOnly(entry.line) && lines.contains { other in
                other.region != entry.region && !isNumberOnly(other.line) && sameRow(entry.line.box, other.line.box)
            }
        }
        return besideText.count >= minimumNumberLines && Double(besideText.count) >= minimumNumberShare * Double(lines.count)
    }

    /// A line whose every word is a number (`112.`, `220.`, `1,50`) or a dash.
    static func isNumberOnly(_ line: TextLine) -> Bool {
        var digits = false
        for word in line.words {
            for scalar in word.text.unicodeScalars {
                if ("0"..."9").contains(scalar) { digits = true; continue }
                guard ".,:;-–—)(".unicodeScalars.contains(scalar) else { return false }
            }
        }
        return digits
    }

    /// Two boxes on one row: their vertical extents overlap by at least half the smaller height,
    /// side by side.
    static func sameRow(_ a: BoundingBox?, _ b: BoundingBox?) -> Bool {
        guard let a, let b else { return false }
        let overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
        let smaller = min(a.bottom - a.top, b.bottom - b.top)
        let apart = a.right <= b.left || b.right <= a.left
        return smaller > 0 && overlap * 2 >= smaller && apart
    }
}
