public import QuireCore

/// Puts a page's current text (a proofread or split transcript) on the boxes of its OCR, for a
/// text layer: the words are aligned to the OCR's words by edit distance (a corrected word takes
/// the box of the OCR word it replaces); a word with no OCR counterpart joins the line of the
/// word before it (or after it, at a line's start) without a box, and the layer writer gives it a
/// share of the line between its neighbours. No word of the current text is dropped.
public enum LayerRealignment {
    /// The current `text` (words separated by white space, lines by newlines) as a text model
    /// with the OCR's geometry. Without OCR words to align to, the words keep no box.
    public static func realign(_ text: String, onto ocr: PageText) -> PageText {
        let target = text.split(whereSeparator: \.isWhitespace).map(String.init)
        // The OCR words with where they stand: region, line, word.
        var slots: [(region: Int, line: Int, word: Word)] = []
        for (r, region) in ocr.regions.enumerated() {
            for (l, line) in region.lines.enumerated() {
                for word in line.words { slots.append((r, l, word)) }
            }
        }
        var result = ocr
        for r in result.regions.indices {
            for l in result.regions[r].lines.indices { result.regions[r].lines[l].words = [] }
        }
        guard !slots.isEmpty else {
            result.regions = target.isEmpty ? [] : [TextRegion(role: .paragraph, lines: [TextLine(words: target.map { Word(text: $0) })])]
            return result
        }
        let pairs = align(target, slots.map(\.word.text))
        // Each target word's slot: its OCR word's, or (inserted) the previous target word's line.
        var lastSlot: Int?
        var pending: [String] = []  // inserted before any aligned word: go to the first line
        for (index, match) in pairs.enumerated() {
            let word = target[index]
            if let slot = match {
                for early in pending { place(Word(text: early), at: slots[slot].region, slots[slot].line, in: &result) }
                pending = []
                place(Word(text: word, box: slots[slot].word.box, confidence: slots[slot].word.confidence), at: slots[slot].region, slots[slot].line, in: &result)
                lastSlot = slot
            } else if let slot = lastSlot {
                place(Word(text: word), at: slots[slot].region, slots[slot].line, in: &result)
            } else {
                pending.append(word)
            }
        }
        for early in pending { place(Word(text: early), at: slots[0].region, slots[0].line, in: &result) }
        for r in result.regions.indices {
            result.regions[r].lines.removeAll { $0.words.isEmpty }
        }
        result.regions.removeAll { $0.lines.isEmpty }
        return result
    }

    private static func place(_ word: Word, at region: Int, _ line: Int, in page: inout PageText) {
        page.regions[region].lines[line].words.append(word)
    }

    /// For each word of `target`, the index of the OCR word it is aligned to, or nil (inserted):
    /// a word-level Levenshtein alignment in which substituting one word for another costs their
    /// character edit distance over the longer length (so `tbe` → `the` is cheap, and a
    /// substitution never costs more than deleting and inserting).
    static func align(_ target: [String], _ ocr: [String]) -> [Int?] {
        let n = target.count, m = ocr.count
        guard n > 0 else { return [] }
        guard m > 0 else { return Array(repeating: nil, count: n) }
        let a = target.map { Array($0.lowercased()) }, b = ocr.map { Array($0.lowercased()) }
        var cost = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { cost[i][0] = Double(i) }
        for j in 0...m { cost[0][j] = Double(j) }
        for i in 1...n {
            for j in 1...m {
                let substitution = a[i - 1] == b[j - 1] ? 0 : Double(EditDistance.distance(a[i - 1], b[j - 1])) / Double(max(a[i - 1].count, b[j - 1].count))
                cost[i][j] = min(cost[i - 1][j - 1] + substitution * 1.5, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
            }
        }
        var matches = [Int?](repeating: nil, count: n)
        var (i, j) = (n, m)
        while i > 0 && j > 0 {
            let substitution = a[i - 1] == b[j - 1] ? 0 : Double(EditDistance.distance(a[i - 1], b[j - 1])) / Double(max(a[i - 1].count, b[j - 1].count))
            if cost[i][j] == cost[i - 1][j - 1] + substitution * 1.5 {
                matches[i - 1] = j - 1
                i -= 1
                j -= 1
            } else if cost[i][j] == cost[i - 1][j] + 1 {
                i -= 1
            } else {
                j -= 1
            }
        }
        return matches
    }
}
