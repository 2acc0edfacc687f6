import QuireCore
import QuireWikitext
import Testing

/// Text flow (issue 20 part 3): paragraphs rebuilt from the lines' geometry across the OCR
/// engine's over-split regions, line-end hyphens in their variants, words split across pages,
/// `{{nop}}` only at a real paragraph end.
@Suite("Text flow")
struct TextFlowTests {
    /// A hand-made line: its text, its left edge in characters from the text block's margin, and
    /// its top in px; `region` numbers the OCR region it belongs to (a new number starts one).
    struct Line {
        var text: String
        var indent = 0
        var top: Int
        var region: Int
    }

    static let charWidth = 10
    static let lineHeight = 30
    static let full = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete"

    /// Lines laid out on a 1000 px wide page with the text block from x = 100 to x = 900: words
    /// boxed by characters, one region per `region` number in order.
    static func page(_ lines: [Line], role: (Int) -> RegionRole = { _ in .paragraph }) -> PageText {
        var regions: [TextRegion] = []
        var current: Int?
        for line in lines {
            var x = 100 + line.indent * charWidth
            var words: [Word] = []
            for word in line.text.split(separator: " ") {
                words.append(Word(text: String(word), box: BoundingBox(x: x, y: line.top, width: word.count * charWidth, height: lineHeight), confidence: 0.95))
                x += (word.count + 1) * charWidth
            }
            let textLine = TextLine(words: words, box: BoundingBox.union(of: words.compactMap(\.box)))
            if current != line.region {
                regions.append(TextRegion(role: role(line.region), lines: []))
                current = line.region
            }
            regions[regions.count - 1].lines.append(textLine)
        }
        for index in regions.indices { regions[index].box = BoundingBox.union(of: regions[index].lines.compactMap(\.box)) }
        return PageText(width: 1000, height: 1400, dpi: 300, regions: regions)
    }

    /// Full lines of 80 characters (to the right margin), from `full`'s words.
    static func fullLine(_ seed: Int) -> String {
        let words = full.split(separator: " ").map(String.init)
        var line = ""
        var index = seed
        while line.count < 80 {
            let word = words[index % words.count]
            line = line.isEmpty ? word : line + " " + word
            index += 1
        }
        return String(line.prefix(80)).trimmingCharacters(in: .whitespaces)
    }

    static func body(_ pages: [PageText], wiki: WikiCode = .en, lexicon: Lexicon? = nil, language: String = "spa") throws -> [String] {
        try Generate.run(wiki, pages, options: GenerationOptions(lexicon: lexicon), document: Generate.document(language: language)).pages.map(\.content.body)
    }

    static func paragraphs(_ body: String) -> [String] {
        body.components(separatedBy: "\n\n")
    }

    // MARK: paragraphs

    @Test func anIndentStartsAParagraphAcrossOverSplitRegions() throws {
        // A typescript as Tesseract cuts it: a region every line or two, with no regard to paragraphs.
        let lines = [
            Line(text: "Primero " + Self.fullLine(1), indent: 5, top: 100, region: 0),
            Line(text: Self.fullLine(2), top: 140, region: 1),
            Line(text: "fin del primero.", top: 180, region: 1),
            Line(text: "Segundo " + Self.fullLine(3), indent: 5, top: 220, region: 1),
            Line(text: Self.fullLine(4), top: 260, region: 2),
            Line(text: Self.fullLine(5), top: 300, region: 3),
            Line(text: "fin del segundo.", top: 340, region: 4),
        ]
        let body = try Self.body([Self.page(lines)])[0]
        let paragraphs = Self.paragraphs(body)
        #expect(paragraphs.count == 2, "\(body)")
        #expect(paragraphs.first?.hasPrefix("Primero") == true && paragraphs.first?.hasSuffix("fin del primero.") == true, "\(body)")
        #expect(paragraphs.last?.hasPrefix("Segundo") == true && paragraphs.last?.hasSuffix("fin del segundo.") == true, "\(body)")
    }

    @Test func aRegionBoundaryAloneDoesNotStartAParagraph() throws {
        // A new OCR region at the margin, after a full line that does not end a sentence.
        let lines = [
            Line(text: Self.fullLine(1), top: 60, region: 0),
            Line(text: Self.fullLine(2), top: 100, region: 0),
            Line(text: Self.fullLine(3), top: 140, region: 1),
            Line(text: "y termina aquí.", top: 180, region: 2),
        ]
        #expect(Self.paragraphs(try Self.body([Self.page(lines)])[0]).count == 1)
    }

    @Test func whenEveryLineIsARegionTheRegionsAreTheItems() throws {
        // A list as the engine reads it: a region per line, nothing else to go by.
        let lines = (0..<4).map { Line(text: "Artículo \($0) del catálogo", top: 100 + 40 * $0, region: $0) }
        #expect(Self.paragraphs(try Self.body([Self.page(lines)])[0]).count == 4)
    }

    @Test func aVerticalGapStartsAParagraph() throws {
        // Block paragraphs without indent, one blank line apart: one region for both.
        let lines = [
            Line(text: Self.fullLine(1), top: 100, region: 0),
            Line(text: Self.fullLine(2), top: 140, region: 0),
            Line(text: Self.fullLine(3), top: 180, region: 0),
            Line(text: Self.fullLine(4), top: 260, region: 0),
            Line(text: Self.fullLine(5), top: 300, region: 0),
        ]
        let paragraphs = Self.paragraphs(try Self.body([Self.page(lines)])[0])
        #expect(paragraphs.count == 2, "\(paragraphs)")
        #expect(paragraphs.last?.hasPrefix(Self.fullLine(4)) == true)
    }

    @Test("a word hyphenated at a line end stays in one paragraph across a region boundary, an indent and a gap", arguments: [
        (5, 140), (0, 220), (5, 220),
    ])
    func aHyphenatedWordIsNeverSplitByAParagraph(indent: Int, top: Int) throws {
        let lines = [
            Line(text: Self.fullLine(1), top: 20, region: 0),
            Line(text: Self.fullLine(2), top: 60, region: 0),
            Line(text: "la dirección perma-", top: 100, region: 0),
            Line(text: "nente " + Self.fullLine(3), indent: indent, top: top, region: 1),
            Line(text: Self.fullLine(4), top: top + 40, region: 1),
        ]
        let body = try Self.body([Self.page(lines)])[0]
        #expect(!body.contains("\n\n"), "\(body)")
        #expect(body.contains("permanente"), "\(body)")
    }

    // MARK: line-end hyphens

    @Test("hyphen variants are joined", arguments: ["bi-", "bi¬", "bi⸗", "bi=", "bi~", "bi\u{00AD}", "bi\u{2010}", "bi -"])
    func hyphenVariantsJoin(end: String) throws {
        let lines = [
            Line(text: Self.fullLine(1), top: 100, region: 0),
            Line(text: "la " + end, top: 140, region: 0),
            Line(text: "blioteca " + Self.fullLine(2), top: 180, region: 0),
        ]
        // The word list knows `biblioteca`: a dash read as a word of its own joins only then.
        let body = try Self.body([Self.page(lines)], lexicon: SpanishLexiconFixture.lexicon)[0]
        #expect(body.contains(" la biblioteca "), "\(body)")
    }

    @Test("hyphens that stay", arguments: [
        ("1914-", "1918", "1914-1918"),            // a digit
        ("anglo-", "Saxon", "anglo-Saxon"),        // an upper-case second half
        ("franco-", "chilena", "franco-chilena"),  // two known words, their join unknown
        ("franco=", "chilena", "franco-chilena"),  // OCR's `=` for a hyphen is written as one
    ])
    func hyphensThatStay(end: String, start: String, written: String) throws {
        let lines = [
            Line(text: Self.fullLine(1), top: 100, region: 0),
            Line(text: "la " + end, top: 140, region: 0),
            Line(text: start + " " + Self.fullLine(2), top: 180, region: 0),
        ]
        let body = try Self.body([Self.page(lines)], lexicon: SpanishLexiconFixture.lexicon)[0]
        #expect(body.contains(" " + written + " "), "\(body)")
    }

    @Test func twoKnownHalvesJoinInALanguageWithSolidCompounds() throws {
        let lexicon = Lexicon(words: ["herz", "krank", "der", "war"])
        let lines = [
            Line(text: Self.fullLine(1), top: 100, region: 0),
            Line(text: "der herz-", top: 140, region: 0),
            Line(text: "krank war " + Self.fullLine(2), top: 180, region: 0),
        ]
        #expect(try Self.body([Self.page(lines)], lexicon: lexicon, language: "deu")[0].contains(" der herzkrank war "))
        #expect(try Self.body([Self.page(lines)], lexicon: lexicon, language: "spa")[0].contains(" der herz-krank war "))
    }

    @Test("a hyphen OCR lost or misread is restored where the joined word is known", arguments: [
        ("Kine", "dern", "Kindern"),      // `⸗` read as a letter
        ("drei", "zehn", "drei zehn"),     // two known words: left alone
        ("anwend,", "bar,", "anwendbar,"), // `⸗` read as a comma
        ("drei»", "zehn", "dreizehn"),     // `⸗` read as a guillemet
        ("Tag:", "zehn", "Tag: zehn"),     // a colon and an unknown join: left alone
    ])
    func misreadHyphens(end: String, start: String, written: String) throws {
        let lexicon = Lexicon(words: ["kindern", "kind", "anwendbar", "dreizehn", "drei", "zehn", "tag", "und"])
        let lines = [
            Line(text: Self.fullLine(1), top: 100, region: 0),
            Line(text: "und " + end, top: 140, region: 0),
            Line(text: start + " und " + Self.fullLine(2), top: 180, region: 0),
        ]
        let body = try Self.body([Self.page(lines)], lexicon: lexicon, language: "deu")[0]
        #expect(body.contains("und " + written + " und"), "\(body)")
    }

    // MARK: page boundaries

    @Test("a word split across pages with a Fraktur or OCR hyphen", arguments: ["bi⸗", "bi=", "bi¬"])
    func crossPageVariants(end: String) throws {
        let pages = [
            Self.page([Line(text: Self.fullLine(1), top: 100, region: 0), Line(text: "la " + Self.fullLine(2).prefix(70) + " " + end, top: 140, region: 0)]),
            Self.page([Line(text: "blioteca, " + Self.fullLine(3), top: 100, region: 0), Line(text: "fin.", top: 140, region: 0)]),
        ]
        let bodies = try Self.body(pages)
        #expect(bodies[0].hasSuffix("{{hws|bi|biblioteca}}"), "\(bodies[0])")
        #expect(bodies[1].hasPrefix("{{hwe|blioteca|biblioteca}},"), "\(bodies[1])")
    }

    @Test("{{nop}} only where the paragraph really ends at the foot of the page", arguments: [
        ("fin del párrafo.", 5, true),          // a short last line with a sentence end
        (fullLine(7) + ".", 5, true),           // a full line ending a sentence, the next page indented
        (fullLine(7), 5, false),                // mid-sentence, though the next page is indented
        ("mitad de una frase", 5, false),       // a short line without a sentence end
        (fullLine(7) + ".", 0, false),          // a full line ending a sentence, the next page not indented
    ])
    func nopOnlyAtARealParagraphEnd(last: String, nextIndent: Int, expected: Bool) throws {
        let pages = [
            Self.page([Line(text: Self.fullLine(1), top: 100, region: 0), Line(text: Self.fullLine(2), top: 140, region: 0), Line(text: last, top: 180, region: 0)]),
            Self.page([Line(text: "Otro " + Self.fullLine(3), indent: nextIndent, top: 100, region: 0), Line(text: Self.fullLine(4), top: 140, region: 0), Line(text: "fin.", top: 180, region: 0)]),
        ]
        let bodies = try Self.body(pages)
        #expect(bodies[0].hasSuffix("\n{{nop}}") == expected, "\(bodies[0])")
    }

    @Test func noNopBeforeALowerCaseStart() throws {
        let pages = [
            Self.page([Line(text: Self.fullLine(1), top: 100, region: 0), Line(text: "fin del párrafo.", top: 140, region: 0)]),
            Self.page([Line(text: "sigue " + Self.fullLine(3), indent: 5, top: 100, region: 0), Line(text: "fin.", top: 140, region: 0)]),
        ]
        #expect(!(try Self.body(pages)[0].contains("{{nop}}")))
    }
}
