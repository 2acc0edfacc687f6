import QuireCore

/// Which words of a page are read a second time, and how (issue 20): folios, catch-words and
/// signature marks are short words at a page's head and foot that a whole-page reading often
/// misreads (a folio `15` read `IF`, a Fraktur catch-word at 20%). Each is read again on its own:
/// its box (a little wider) cropped, enlarged twice, read alone (``modes``), and a short one as
/// digits too. The readings become the word's ``Word/alternates``; its text stays the page's reading, so
/// the body never changes and only the furniture rules weigh them.
///
/// The words: those of the two rows of lines nearest the top and the two nearest the foot (a row
/// is a line and the lines level with it; lines without a letter or digit, and streaks taller
/// than three lines, are left out), within the outer fifth of the page; of a line of more
/// than four words only its first and last (where folios and catch-words stand); and only words
/// read with less than 90% confidence. A word of four characters or fewer is read as digits too.
enum EdgeRereading {
    /// A word to read again: where it is in the page's text, the box to crop, and the readings wanted.
    struct Candidate: Hashable {
        var region: Int
        var line: Int
        var word: Int
        var crop: BoundingBox
        var kinds: [WordReading.Kind]
    }

    /// Rows of lines read again at each edge.
    static let rowsPerEdge = 2
    /// The edge zone: the outer fifth of the page's height.
    static let edgeShare = 0.2
    /// Words read with this confidence or more are not read again.
    static let wellRead = 0.9
    /// A line of more words than this has only its first and last word read again.
    static let shortLine = 4
    /// A word of this many characters or fewer is read as digits too (a folio candidate).
    static let folioLength = 4
    /// How much the crop is enlarged.
    static let scale = 2.0
    /// Margin added around a word's box, as a share of its height (at least two pixels).
    static let margin = 0.25
    /// Tesseract's page segmentation modes each kind of reading is made in: a word as one line
    /// (7), digits as one line and as one word (8). On the tune half's head and foot zones, mode 7
    /// read more of them right than mode 8 (44 against 42 of 96), and either read some digits the
    /// other missed.
    static let modes: [WordReading.Kind: [Int]] = [.word: [7], .digits: [7, 8]]
    /// Seconds one word's reading may take.
    static let deadline = 5.0

    /// The words to read again, in reading order.
    static func candidates(_ page: PageText) -> [Candidate] {
        guard page.height > 0, page.width > 0 else { return [] }
        var lines: [(region: Int, line: Int, box: BoundingBox)] = []
        for (r, region) in page.regions.enumerated() where region.role != .illustration {
            for (l, line) in region.lines.enumerated() {
                // A "line" of no letter or digit (a scanner's dark border, read as spaces) is no row.
                if let box = line.box, line.words.contains(where: { $0.text.contains { $0.isLetter || $0.isNumber } }) { lines.append((r, l, box)) }
            }
        }
        guard lines.count >= 2 else { return [] }
        // Nor is a streak taller than three of the page's lines (a border strip down the page).
        let heights = lines.map(\.box.height).sorted()
        let tallest = heights[heights.count / 2] * 3
        lines.removeAll { $0.box.height > tallest }
        let zone = Int(Double(page.height) * edgeShare)
        let top = rows(lines.filter { $0.box.top < zone }.sorted { $0.box.top < $1.box.top })
        let foot = rows(lines.filter { $0.box.bottom > page.height - zone }.sorted { $0.box.bottom > $1.box.bottom })
        var chosen = Set<LineKey>()
        var result: [Candidate] = []
        for entry in top + foot {
            let key = LineKey(region: entry.region, line: entry.line)
            guard chosen.insert(key).inserted else { continue }
            let words = page.regions[entry.region].lines[entry.line].words
            let indices = words.count > shortLine ? [0, words.count - 1] : Array(words.indices)
            for index in indices {
                let word = words[index]
                guard (word.confidence ?? 0) < wellRead, let box = word.box, box.width >= 2, box.height >= 4 else { continue }
                let pad = max(2, Int(Double(box.height) * margin))
                let crop = BoundingBox(left: max(0, box.left - pad), top: max(0, box.top - pad), right: min(page.width, box.right + pad), bottom: min(page.height, box.bottom + pad))
                let short = word.text.filter { !$0.isWhitespace }.count <= folioLength
                result.append(Candidate(region: entry.region, line: entry.line, word: index, crop: crop, kinds: short ? [.word, .digits] : [.word]))
            }
        }
        return result.sorted { ($0.region, $0.line, $0.word) < ($1.region, $1.line, $1.word) }
    }

    /// The page with each candidate's readings kept as its word's alternates.
    static func attaching(_ readings: [Candidate: [WordReading]], to page: PageText) -> PageText {
        var result = page
        for (candidate, found) in readings where !found.isEmpty {
            guard result.regions.indices.contains(candidate.region),
                  result.regions[candidate.region].lines.indices.contains(candidate.line),
                  result.regions[candidate.region].lines[candidate.line].words.indices.contains(candidate.word) else { continue }
            result.regions[candidate.region].lines[candidate.line].words[candidate.word].alternates = found
        }
        return result
    }

    private struct LineKey: Hashable {
        var region: Int
        var line: Int
    }

    /// The first `rowsPerEdge` rows of lines sorted from the edge inwards: a row is the first
    /// line left and every line level with it (overlapping by half the smaller height).
    private static func rows(_ sorted: [(region: Int, line: Int, box: BoundingBox)]) -> [(region: Int, line: Int, box: BoundingBox)] {
        var remaining = sorted
        var result: [(region: Int, line: Int, box: BoundingBox)] = []
        for _ in 0..<rowsPerEdge {
            guard let edge = remaining.first else { break }
            let level = remaining.filter { candidate in
                let overlap = min(candidate.box.bottom, edge.box.bottom) - max(candidate.box.top, edge.box.top)
                return overlap * 2 >= min(candidate.box.height, edge.box.height)
            }
            result += level
            remaining.removeAll { candidate in level.contains { $0.region == candidate.region && $0.line == candidate.line } }
        }
        return result
    }
}
