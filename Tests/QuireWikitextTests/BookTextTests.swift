import QuireCore
import QuireWikitext
import Testing

/// The joined text (``BookText``) follows the same page rules as the Page: pages: divided words
/// whole, paragraphs running on over a page break unless they end at its foot, notes continued on
/// the next page as one note, running heads and folios left out.
@Suite("Joined text across pages")
struct BookTextTests {
    static let full = BoundaryTests.full

    static func book(_ pages: [PageText], wiki: WikiCode = .es, options: GenerationOptions = GenerationOptions()) throws -> BookText {
        var sources: [PageNumber: PageSource] = [:]
        for (index, page) in pages.enumerated() {
            if let number = PageNumber(index + 1) { sources[number] = .ocr(page) }
        }
        return try WikitextGenerator(wiki: wiki).bookText(document: Generate.document(), pages: sources, options: options)
    }

    static func paragraphs(_ book: BookText) -> [String] {
        book.works.flatMap(\.blocks).map { $0.lines.map(BookInline.plain).joined(separator: "\n") }
    }

    @Test("a word divided across pages is whole, on every profile", arguments: WikiCode.allCases)
    func dividedWord(wiki: WikiCode) throws {
        let book = try Self.book(BoundaryTests.split("la bi-", "blioteca,"), wiki: wiki)
        let text = Self.paragraphs(book)
        #expect(text.count == 1, "\(text)")
        #expect(text.first?.contains("la biblioteca, " + Self.full) == true, "\(text)")
        // The second page starts after the word: its page start follows "biblioteca,".
        let line = try #require(book.works.first?.blocks.first?.lines.first)
        let start = try #require(line.firstIndex(of: .pageStart(1)))
        #expect(BookInline.plain(Array(line[..<start])).hasSuffix("la biblioteca, "))
    }

    @Test func aCompoundKeepsItsHyphen() throws {
        let options = GenerationOptions(lexicon: SpanishLexiconFixture.lexicon)
        let text = Self.paragraphs(try Self.book(BoundaryTests.split("casa franco-", "chilena de"), options: options))
        #expect(text.first?.contains("casa franco-chilena de") == true, "\(text)")
    }

    @Test("a paragraph runs on over the page break, and ends at the foot when the rule says so, whatever the wiki marks", arguments: [WikiCode.es, .de, .en])
    func paragraphs(wiki: WikiCode) throws {
        let runOn = try Self.book([
            PageBuilder.page([PageBuilder.paragraph([Self.full, Self.full + " y"])]),
            PageBuilder.page([PageBuilder.paragraph(["luego " + Self.full, "fin."])]),
        ], wiki: wiki)
        #expect(Self.paragraphs(runOn) == [Self.full + " " + Self.full + " y luego " + Self.full + " fin."])
        let ends = try Self.book([
            PageBuilder.page([PageBuilder.paragraph([Self.full, "fin del párrafo."])]),
            PageBuilder.page([PageBuilder.paragraph(["Otro " + Self.full, "fin."], indent: 4)]),
        ], wiki: wiki)
        #expect(Self.paragraphs(ends) == [Self.full + " fin del párrafo.", "Otro " + Self.full + " fin."])
    }

    @Test func aNoteContinuedOnTheNextPageIsOneNoteWithOneMarker() throws {
        let first = FootnoteTests.page(body: [FootnoteTests.line, "fin¹ de página."], notes: ["¹ Nota larga que sigue en la"], tagged: true)
        let second = FootnoteTests.page(body: ["Nueva página de texto.", FootnoteTests.line], notes: ["página siguiente."], tagged: true)
        let book = try Self.book([first, second])
        #expect(book.notes.map { BookInline.plain($0.content) } == ["Nota larga que sigue en la página siguiente."])
        let references = book.works.flatMap(\.blocks).flatMap(\.lines).flatMap { $0 }.filter { if case .noteReference = $0 { true } else { false } }
        #expect(references == [.noteReference(0)])
        #expect(!book.plainText.contains("¹"))
    }

    @Test func runningHeadsAndFoliosAreLeftOutAndPrintedNumbersKept() throws {
        let pages = (1...4).map { n in
            PageBuilder.page(
                header: PageBuilder.headerRegion(left: n % 2 == 0 ? "\(n + 9)" : "", centre: "HISTORIA DEL LIBRO", right: n % 2 == 1 ? "\(n + 9)" : ""),
                [PageBuilder.paragraph([Self.full, Self.full + " y"])])
        }
        let book = try Self.book(pages)
        #expect(!book.plainText.contains("HISTORIA"))
        #expect(!book.plainText.contains("10"))
        #expect(book.pages.map(\.printed) == ["10", "11", "12", "13"])
        #expect(Self.paragraphs(book).count == 1)
    }

    @Test func worksAreKeptApartAndVerseKeepsItsIndents() throws {
        var verse = PageBuilder.page([PageBuilder.region(.verse, ["En un lugar de la Mancha", "de cuyo nombre no quiero", "acordarme"])])
        // Indent the second line by two line heights.
        for w in verse.regions[0].lines[1].words.indices { verse.regions[0].lines[1].words[w].box?.x += 60 }
        verse.regions[0].lines[1].box?.x += 60
        let pages = [PageBuilder.page([PageBuilder.paragraph([Self.full, "fin."])]), verse]
        let works = [WorkSpan(title: "Uno", from: PageNumber(1)!, to: PageNumber(1)!), WorkSpan(title: "Dos", from: PageNumber(2)!, to: PageNumber(2)!)]
        let book = try Self.book(pages, options: GenerationOptions(works: works))
        #expect(book.works.map(\.title) == ["Uno", "Dos"])
        let stanza = try #require(book.works.last?.blocks.first)
        #expect(stanza.kind == .verse)
        #expect(stanza.indents == [0, 2, 0])
    }

    @Test func aTranscriptsEmphasisIsKeptAndItsParagraphsRunOnUnlessTheyEndOnThePage() throws {
        let sources: [PageNumber: PageSource] = [
            PageNumber(1)!: .transcript(TranscriptText(text: "Dijo *muy* claro y **fuerte** que", endsParagraph: false)),
            PageNumber(2)!: .transcript(TranscriptText(text: "seguía. Fin.", endsParagraph: true)),
        ]
        let book = try WikitextGenerator(wiki: .es).bookText(document: Generate.document(), pages: sources)
        let line = try #require(book.works.first?.blocks.first?.lines.first)
        #expect(line.contains(.emphasised("muy", .italic)))
        #expect(line.contains(.emphasised("fuerte", .bold)))
        #expect(Self.paragraphs(book) == ["Dijo muy claro y fuerte que seguía. Fin."])
    }
}
