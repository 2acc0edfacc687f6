import QuireCore

/// Finds a page's footnotes and places each as a `<ref>` at its marker in the body.
///
/// Note regions are those tagged `footnote`, or, on untagged pages, a region in the lower two
/// fifths of the page (or, without boxes, at the end of the page) whose first word is a note
/// marker that the body also has — or, when OCR lost the body's marker, that sits under a
/// footnote rule or is set in type at most 90% of the body's line height — with the regions
/// after it (the rule itself is dropped). A note region is cut into notes at
/// lines that start with a marker. Markers are superscript numbers (`¹`, `²³`), numbers in
/// brackets (`(1)`, `[1]`), symbols (`*`, `†`, `‡`, `§`, `¶`) and, at the start of a note only,
/// plain numbers (`1`, `1.`, `1)`), which OCR often makes of a superscript. In the body a marker
/// ends a word (`manos!¹`, `palabra(2),`) or stands alone after one. Notes are matched to markers
/// in order; a note without a marker keeps no place and is reported.
enum FootnoteExtractor {
    private static let superscripts: [Character: Int] = ["⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9]
    private static let symbols: Set<Character> = ["*", "†", "‡", "§", "¶"]
    private static let closers: Set<Character> = [",", ".", ";", ":", "!", "?", ")", "»", "”", "’", "\"", "'"]

    /// The regions split into content and notes.
    static func separate(_ regions: [TextRegion], pageHeight: Int) -> (content: [TextRegion], notes: [TextRegion]) {
        if regions.contains(where: { $0.role == .footnote }) {
            return (regions.filter { $0.role != .footnote }, regions.filter { $0.role == .footnote })
        }
        let bodyMarkers = Set(regions.flatMap { $0.lines.flatMap { $0.words.compactMap { bodyMarker($0.text)?.marker } } })
        let widest = regions.compactMap { $0.box?.width }.max() ?? 0
        for (index, region) in regions.enumerated() where index > 0 && region.role == .paragraph {
            guard let first = region.lines.first?.words.first else { continue }
            let lowEnough = region.box.map { $0.top * 5 >= pageHeight * 3 } ?? (region.lines.first?.box.map { $0.top * 5 >= pageHeight * 3 } ?? (index == regions.count - 1))
            guard lowEnough else { continue }
            // Under a footnote rule: notes, even without a marker (a note continued from the
            // previous page starts without one).
            let ruled = index >= 2 && isSeparatorRule(regions[index - 1], pageHeight: pageHeight, widest: widest)
            if ruled { return (Array(regions[..<(index - 1)]), Array(regions[index...])) }
            // Else a marker that the body also has, or two of a note block's signs: a marker,
            // type smaller than the body's, a wide gap above (OCR drops a full-width rule).
            let found = noteMarker(first.text)
            if let marker = found?.marker, bodyMarkers.contains(marker) {
                return (Array(regions[..<index]), Array(regions[index...]))
            }
            if noteSigns(regions, at: index, marker: found) >= 2 {
                return (Array(regions[..<index]), Array(regions[index...]))
            }
        }
        return (regions, [])
    }

    /// How many of a note block's signs the region at `index` shows: a marker (a plain number
    /// `1.` counts only beside smaller type, since numbered paragraphs start so too), type
    /// smaller than the body's, and a gap above it of more than two of the body's line pitches.
    private static func noteSigns(_ regions: [TextRegion], at index: Int, marker: (marker: NoteMarker, rest: String, plain: Bool)?) -> Int {
        let smaller = isSmallerType(regions[index...], than: regions[..<index])
        let gap = hasWideGap(before: index, in: regions)
        // A plain number that goes on from the numbers starting the body's lines (`11.` under
        // `10.`) is the next item of a numbered list or catalogue, not a note.
        if let marker, marker.plain, case .number(let value) = marker.marker, continuesNumbering(value, in: regions[..<index]) { return 0 }
        let marked = marker.map { !$0.plain || smaller } ?? false
        // Without a marker (a note continued from the previous page), a block of one line is
        // more often a catchword, an imprint or a footer line than a note.
        if !marked, regions[index...].flatMap(\.lines).count < 2 { return 0 }
        // Notes are set within the text's column; a foot line reaching out of it is the page's
        // furniture (a printout's source line, a library stamp).
        guard insideColumn(regions[index...], of: regions[..<index]) else { return 0 }
        return [smaller, gap, marked].filter { $0 }.count
    }

    /// Whether a line of `body` starts with the plain number just before `value` (`10.`, `10)`).
    private static func continuesNumbering(_ value: Int, in body: ArraySlice<TextRegion>) -> Bool {
        body.flatMap(\.lines).contains { line in
            guard let first = line.words.first?.text, let found = noteMarker(first), found.plain, case .number(let number) = found.marker else { return false }
            return number == value - 1
        }
    }

    /// Whether every line of `notes` lies within the body's left and right edges, give or take
    /// one body line height.
    private static func insideColumn(_ notes: ArraySlice<TextRegion>, of body: ArraySlice<TextRegion>) -> Bool {
        let lines = body.flatMap(\.lines).compactMap(\.box)
        let heights = lines.map(\.height).sorted()
        guard let left = lines.map(\.x).min(), let right = lines.map({ $0.x + $0.width }).max(), !heights.isEmpty else { return false }
        let slack = heights[heights.count / 2]
        return notes.flatMap(\.lines).compactMap(\.box).allSatisfy { $0.x >= left - slack && $0.x + $0.width <= right + slack }
    }

    /// Whether the region's first line starts more than two body line pitches below the last
    /// line of the text above it (the blank, or the rule OCR did not report, over a note block).
    private static func hasWideGap(before index: Int, in regions: [TextRegion]) -> Bool {
        let above = regions[..<index].flatMap(\.lines).compactMap(\.box)
        guard let top = regions[index].lines.first?.box?.y, let last = above.max(by: { $0.y < $1.y }),
              let pitch = medianPitch(regions[..<index]) else { return false }
        return top - last.y > pitch * 2
    }

    /// The median distance between the tops of consecutive lines within regions (nil under 3).
    private static func medianPitch(_ regions: ArraySlice<TextRegion>) -> Int? {
        let pitches = regions.flatMap { region in
            zip(region.lines, region.lines.dropFirst()).compactMap { a, b -> Int? in
                guard let top = a.box?.y, let next = b.box?.y, next > top else { return nil }
                return next - top
            }
        }.sorted()
        return pitches.count >= 2 ? pitches[pitches.count / 2] : nil
    }

    /// A footnote rule, as ``NoiseFilter`` leaves it: an empty `other` region, thin and narrow.
    private static func isSeparatorRule(_ region: TextRegion, pageHeight: Int, widest: Int) -> Bool {
        guard region.role == .other, region.lines.allSatisfy(\.words.isEmpty), let box = region.box else { return false }
        return box.width > 0 && box.height * 100 <= pageHeight && box.width * 2 <= widest
    }

    /// Whether the lines of `notes` are at most 90% as tall as the body's, by median line height
    /// (line boxes include accents and descenders, so 9 pt notes under 11 pt text measure ~0.85),
    /// or, with two note lines or more, set at most 90% of the body's line pitch.
    private static func isSmallerType(_ notes: ArraySlice<TextRegion>, than body: ArraySlice<TextRegion>) -> Bool {
        func medianHeight(_ regions: ArraySlice<TextRegion>) -> Double? {
            let heights = regions.flatMap { $0.lines.compactMap { $0.box?.height } }.filter { $0 > 0 }.sorted()
            return heights.isEmpty ? nil : Double(heights[heights.count / 2])
        }
        guard let note = medianHeight(notes), let text = medianHeight(body), body.flatMap(\.lines).count >= 3 else { return false }
        if note <= text * 0.90 { return true }
        guard let notePitch = medianPitch(notes.prefix(1)), let bodyPitch = medianPitch(body) else { return false }
        return notePitch * 10 <= bodyPitch * 9
    }

    /// The notes of note regions: a new note at every line that starts with a marker; lines
    /// before the first marker form a note without one (a continuation from the previous page).
    static func notes(_ regions: [TextRegion], resolver: HyphenationResolver) -> [Note] {
        var groups: [(marker: NoteMarker?, lines: [TextLine])] = []
        for line in regions.flatMap(\.lines) {
            guard let first = line.words.first else { continue }
            if let found = noteMarker(first.text), !found.plain || expectsNote(found.marker, after: groups.last?.marker, first: groups.isEmpty) {
                var line = line
                if found.rest.isEmpty { line.words.removeFirst() } else { line.words[0].text = found.rest }
                groups.append((found.marker, [line]))
            } else if groups.isEmpty {
                groups.append((nil, [line]))
            } else {
                groups[groups.count - 1].lines.append(line)
            }
        }
        return groups.map { group in
            Note(tokens: ParagraphBuilder.joinedLines(group.lines, resolver: resolver, keepLines: false).first ?? [], marker: group.marker)
        }.filter { !$0.tokens.isEmpty }
    }

    /// A plain number starts a note on the first line, or when it follows the previous note's.
    private static func expectsNote(_ marker: NoteMarker, after previous: NoteMarker?, first: Bool) -> Bool {
        if first { return true }
        guard case .number(let value) = marker, case .number(let before)? = previous else { return false }
        return value == before + 1
    }

    /// Places the notes with markers at their markers in `blocks`; returns the notes that found
    /// no marker (in order).
    static func anchor(_ notes: [Note], in blocks: inout [Block]) -> [Int] {
        var positions: [(block: Int, line: Int, token: Int)] = []
        for (b, block) in blocks.enumerated() {
            for (l, line) in block.lines.enumerated() { for t in line.indices { positions.append((b, l, t)) } }
        }
        var used = Set<Int>()
        var cursor = 0
        var unanchored: [Int] = []
        for (index, note) in notes.enumerated() {
            guard let marker = note.marker else { unanchored.append(index); continue }
            let order = Array(cursor..<positions.count) + Array(0..<cursor)
            let hit = order.first { position in
                guard !used.contains(position) else { return false }
                let (b, l, t) = positions[position]
                return bodyMarker(blocks[b].lines[l][t].text)?.marker == marker
            }
            guard let hit else { unanchored.append(index); continue }
            used.insert(hit)
            cursor = hit + 1
            let (b, l, t) = positions[hit]
            place(note: index, at: &blocks[b].lines[l], token: t)
        }
        return unanchored
    }

    /// Replaces the marker of the token with the note (a lone marker goes to the word before it).
    private static func place(note: Int, at line: inout [Token], token index: Int) {
        let text = line[index].text
        guard let found = bodyMarker(text) else { return }
        let before = String(text[..<found.range.lowerBound])
        let after = String(text[found.range.upperBound...])
        var parts: [Part] = []
        if !before.isEmpty { parts.append(.text(before)) }
        parts.append(.note(note))
        if !after.isEmpty { parts.append(.text(after)) }
        if before.isEmpty, index > 0 {
            line[index - 1].parts += parts
            line.remove(at: index)
        } else {
            line[index].parts = parts
        }
    }

    /// A marker at the end of a body word, with its range (closing punctuation may follow).
    static func bodyMarker(_ text: String) -> (marker: NoteMarker, range: Range<String.Index>)? {
        var end = text.endIndex
        while end > text.startIndex, case let previous = text[text.index(before: end)], closers.contains(previous), previous != ")" {
            end = text.index(before: end)
        }
        let head = text[..<end]
        var start = end
        while start > head.startIndex, superscripts[head[head.index(before: start)]] != nil { start = head.index(before: start) }
        if start < end, let value = Int(head[start..<end].map { String(superscripts[$0] ?? 0) }.joined()) {
            return (.number(value), start..<end)
        }
        if let close = head.last, close == ")" || close == "]", let opening = head.lastIndex(of: close == ")" ? "(" : "[") {
            let digits = head[head.index(after: opening)..<head.index(before: end)]
            if (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) {
                return (.number(value), opening..<end)
            }
        }
        start = end
        while start > head.startIndex, symbols.contains(head[head.index(before: start)]) { start = head.index(before: start) }
        if start < end, head.distance(from: start, to: end) <= 3 {
            return (.symbol(String(head[start..<end])), start..<end)
        }
        return nil
    }

    /// A marker at the start of a note's first word, the rest of that word, and whether it is a
    /// plain number (`1`, `1.`, `1)`), which starts a note only where a note can be expected.
    static func noteMarker(_ word: String) -> (marker: NoteMarker, rest: String, plain: Bool)? {
        let chars = Array(word)
        var count = 0
        while count < chars.count, superscripts[chars[count]] != nil { count += 1 }
        if count > 0, let value = Int(chars[..<count].map { String(superscripts[$0] ?? 0) }.joined()) {
            return (.number(value), String(chars[count...]), false)
        }
        while count < chars.count, symbols.contains(chars[count]) { count += 1 }
        if count > 0, count <= 3 { return (.symbol(String(chars[..<count])), String(chars[count...]), false) }
        var core = Substring(word)
        var plain = true
        if core.hasPrefix("("), core.hasSuffix(")") || core.hasPrefix("["), core.hasSuffix("]") {
            core = core.dropFirst().dropLast()
            plain = false
        } else if core.hasSuffix(")") || core.hasSuffix(".") {
            core = core.dropLast()
        }
        if (1...3).contains(core.count), core.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(core) {
            return (.number(value), "", plain)
        }
        return nil
    }
}
