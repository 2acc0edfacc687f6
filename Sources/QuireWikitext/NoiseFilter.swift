import QuireCore

/// Drops what OCR reads from dirt rather than ink: specks and the dark strip a scanner leaves
/// along an edge. The rules are deliberately narrow, so that real punctuation stays:
///
/// - a word with no letter or digit is a speck when its confidence is below 0.5 or its box is
///   less than 40 % as tall as the page's median word (a dot of dust, a scratch);
/// - a word inside the outer 5 % of the page width (or 3 % of its height) is scanner border
///   when it holds no two letters in a row (or its confidence is below 0.5) and no word of its
///   line outside the band is within two word heights of it (`|`, `I]`, `:;` read from a dark
///   strip); a page number near a tight crop is kept;
/// - a line left with nothing but at most three speck characters (`.`, `'`, `~`, `|`, `”`…) is
///   dropped, as are lines and regions left empty, and illustration regions, which hold no text;
/// - a line read with less than 50 % confidence is debris when it is a scrap (three characters
///   at most) in type less than half or more than twice the page's median word height, or
///   standing alone (no other line within one and a half word heights above or below it and
///   six beside it), or
///   when it is a streak (any length) taller than three word heights and narrower than it is
///   tall: a speck, an ornament, a margin read sideways. Lines read with confidence (a lone
///   `I.`, a numbered item `8.`) are never dropped by these rules.
///
/// Dropped words stay in the catalogue's stored OCR, for audit; only the wikitext leaves them out.
enum NoiseFilter {
    private static let speckCharacters: Set<Character> = [".", ",", "'", "`", "´", "‘", "’", "“", "”", "„", "·", "•", ":", ";", "~", "^", "_", "|", "¨", "°", "\"", "-"]

    /// The page without specks and borders; the input's regions, roles and order otherwise.
    static func clean(_ page: PageText) -> PageText {
        let heights = page.regions.flatMap { $0.lines.flatMap { $0.words.compactMap { $0.box?.height } } }
        let medianHeight = TextFrame.percentile(heights, 0.5)
        var cleaned = page
        let widest = page.regions.compactMap { $0.box?.width }.max() ?? 0
        cleaned.regions = page.regions.compactMap { region -> TextRegion? in
            guard region.role != .illustration else { return nil }
            // A footnote rule: kept, emptied, as a landmark for the footnote finder.
            if isRule(region, page: page, widest: widest) { return TextRegion(role: .other, lines: [], box: region.box) }
            var region = region
            region.lines = region.lines.compactMap { line -> TextLine? in
                var line = line
                let words = line.words
                line.words = words.indices.filter { index in
                    let word = words[index]
                    return !word.text.isEmpty && !isSpeck(word, medianHeight: medianHeight) && !isBorder(at: index, in: words, page: page)
                }.map { words[$0] }
                let text = line.words.map(\.text).joined()
                if line.words.isEmpty || (text.count <= 3 && text.allSatisfy(speckCharacters.contains)) { return nil }
                return line
            }
            return region.lines.isEmpty ? nil : region
        }
        return withoutDebrisLines(cleaned, medianHeight: medianHeight)
    }

    /// The page without its low-confidence scraps and streaks (see the type's summary).
    static func withoutDebrisLines(_ page: PageText, medianHeight: Int?) -> PageText {
        guard let medianHeight, medianHeight > 0 else { return page }
        let boxes = page.regions.flatMap { $0.lines.map(lineBox) }
        var page = page
        var index = 0
        page.regions = page.regions.compactMap { region -> TextRegion? in
            guard !region.lines.isEmpty else { return region }
            var region = region
            region.lines = region.lines.filter { line in
                defer { index += 1 }
                return !isDebris(line, box: boxes[index], others: boxes.enumerated().filter { $0.offset != index }.compactMap(\.element), medianHeight: medianHeight)
            }
            return region.lines.isEmpty ? nil : region
        }
        return page
    }

    private static func lineBox(_ line: TextLine) -> BoundingBox? {
        line.box ?? BoundingBox.union(of: line.words.compactMap(\.box))
    }

    private static func isDebris(_ line: TextLine, box: BoundingBox?, others: [BoundingBox], medianHeight: Int) -> Bool {
        let known = line.words.compactMap(\.confidence)
        guard let box, !known.isEmpty, known.reduce(0, +) / Double(known.count) < 0.5 else { return false }
        if box.height > medianHeight * 3 && box.width < box.height { return true }  // a streak
        let characters = line.words.map(\.text).joined().count
        guard characters <= 3 else { return false }
        if box.height * 2 < medianHeight || box.height > medianHeight * 2 { return true }
        let reach = medianHeight * 3 / 2
        return !others.contains { other in
            other.bottom + reach >= box.top && other.top - reach <= box.bottom && other.right >= box.left - reach * 4 && other.left <= box.right + reach * 4
        }
    }

    /// A region of rule-like ink only: no letter or digit, at most 1% of the page high and at
    /// most half as wide as the widest region (how OCR reports a footnote rule).
    static func isRule(_ region: TextRegion, page: PageText, widest: Int) -> Bool {
        guard let box = region.box, box.width > 0, box.height * 100 <= page.height, box.width * 2 <= widest else { return false }
        return !region.lines.flatMap(\.words).contains { $0.text.contains(where: isWordCharacter) }
    }

    private static func isWordCharacter(_ char: Character) -> Bool { char.isLetter || char.isNumber }

    private static func isSpeck(_ word: Word, medianHeight: Int?) -> Bool {
        guard !word.text.contains(where: isWordCharacter) else { return false }
        if let confidence = word.confidence, confidence < 0.5 { return true }
        if let box = word.box, let medianHeight, medianHeight > 0, box.height * 10 < medianHeight * 4 { return true }
        return false
    }

    private static func isBorder(at index: Int, in words: [Word], page: PageText) -> Bool {
        let word = words[index]
        guard let box = word.box, inEdgeBand(box, page: page) else { return false }
        if PrintedPageNumber(word.text) != nil, (word.confidence ?? 1) >= 0.5 { return false }  // a folio near a tight crop
        let chars = Array(word.text)
        let hasTwoLetters = zip(chars, chars.dropFirst()).contains { $0.isLetter && $1.isLetter }
        guard !hasTwoLetters || (word.confidence ?? 1) < 0.5 else { return false }
        // Apart from the line's text: no word outside the band within two word heights.
        let reach = box.height * 2
        return !words.contains { other in
            guard let otherBox = other.box, !inEdgeBand(otherBox, page: page) else { return false }
            return max(otherBox.left - box.right, box.left - otherBox.right) <= reach
        }
    }

    private static func inEdgeBand(_ box: BoundingBox, page: PageText) -> Bool {
        guard page.width > 0, page.height > 0 else { return false }
        let bandX = page.width / 20
        let bandY = page.height * 3 / 100
        return box.right <= bandX || box.left >= page.width - bandX || box.bottom <= bandY || box.top >= page.height - bandY
    }
}
