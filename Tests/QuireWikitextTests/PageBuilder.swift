import QuireCore
import QuireWikitext

/// Text-model fixtures laid out like a printed page: a text block with margins, lines of words
/// with boxes, regions with roles. Unlike `TextFixtures.page`, text stays clear of the page edge,
/// where Quire looks for scanner borders.
enum PageBuilder {
    /// One region of a page under construction.
    struct Region {
        var role: RegionRole
        var lines: [String]
        /// Extra left indent of the first line, in characters.
        var indentFirst = 0
        /// Centre each line in the frame.
        var centred = false
        /// Extra space above the region, in px (a blank line is 40).
        var spaceBefore = 0
    }

    static let charWidth = 10
    static let lineHeight = 30

    /// A page of `width` × `height` px with its text block from x = 100 to x = width − 100.
    /// Lines stand 40 px apart, regions 20 px more; word boxes are shared out by characters.
    static func page(_ regions: [Region], width: Int = 1000, height: Int = 1400, top: Int = 100, confidence: Double = 0.95, flags: Set<PageFlag> = []) -> PageText {
        var y = top
        let left = 100
        let right = width - 100
        let built = regions.map { region -> TextRegion in
            y += region.spaceBefore
            let lines = region.lines.enumerated().map { index, text -> TextLine in
                defer { y += 40 }
                let length = text.count * charWidth
                var x = left + (index == 0 ? region.indentFirst * charWidth : 0)
                if region.centred { x = (left + right - length) / 2 }
                let words = text.split(separator: " ").map { word -> Word in
                    defer { x += (word.count + 1) * charWidth }
                    return Word(text: String(word), box: BoundingBox(x: x, y: y, width: word.count * charWidth, height: lineHeight), confidence: confidence)
                }
                return TextLine(words: words, box: BoundingBox.union(of: words.compactMap(\.box)))
            }
            y += 20
            return TextRegion(role: region.role, lines: lines, box: BoundingBox.union(of: lines.compactMap(\.box)))
        }
        return PageText(width: width, height: max(height, y + 100), dpi: 300, regions: built, flags: flags)
    }

    /// A paragraph region.
    static func paragraph(_ lines: [String], indent: Int = 0) -> Region { Region(role: .paragraph, lines: lines, indentFirst: indent) }

    /// A region with a role.
    static func region(_ role: RegionRole, _ lines: [String], centred: Bool = false) -> Region { Region(role: role, lines: lines, centred: centred) }

    /// Justified lines of about `length` characters from `words`, the last one shorter.
    static func justified(_ text: String, length: Int = 78) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + word.count + 1 > length {
                lines.append(current)
                current = String(word)
            } else {
                current = current.isEmpty ? String(word) : current + " " + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension PageBuilder {
    /// A running-header line: pieces at the left margin, centred, and at the right margin.
    static func headerRegion(left: String = "", centre: String = "", right: String = "", width: Int = 1000, y: Int = 40) -> TextRegion {
        var words: [Word] = []
        func place(_ text: String, at start: Int) {
            var x = start
            for word in text.split(separator: " ") {
                words.append(Word(text: String(word), box: BoundingBox(x: x, y: y, width: word.count * charWidth, height: lineHeight), confidence: 0.95))
                x += (word.count + 1) * charWidth
            }
        }
        if !left.isEmpty { place(left, at: 100) }
        if !centre.isEmpty { place(centre, at: (width - centre.count * charWidth) / 2) }
        if !right.isEmpty { place(right, at: width - 100 - right.count * charWidth) }
        let box = BoundingBox.union(of: words.compactMap(\.box))
        return TextRegion(role: .paragraph, lines: [TextLine(words: words, box: box)], box: box)
    }

    /// A page whose first region is `header` (untagged) followed by `regions`.
    static func page(header: TextRegion, _ regions: [Region], confidence: Double = 0.95) -> PageText {
        var page = page(regions, confidence: confidence)
        page.regions.insert(header, at: 0)
        return page
    }
}

/// Shorthands for running the generator in tests.
enum Generate {
    static func document(_ title: String = "Libro", file: String = "Libro.pdf", language: String = "spa") -> DocumentMetadata {
        DocumentMetadata(title: title, languages: LanguageSet(language) ?? LanguageSet([LanguageCode(iso6391: "es")].compactMap { $0 }), wikiFileName: file)
    }

    /// Pages 1…n from `pages`, generated for `wiki`.
    static func run(_ wiki: WikiCode, _ pages: [PageText], options: GenerationOptions = GenerationOptions(), document: DocumentMetadata? = nil) throws -> GeneratedDocument {
        var sources: [PageNumber: PageSource] = [:]
        for (index, page) in pages.enumerated() {
            if let number = PageNumber(index + 1) { sources[number] = .ocr(page) }
        }
        return try WikitextGenerator(wiki: wiki).generate(document: document ?? Self.document(), pages: sources, options: options)
    }
}
