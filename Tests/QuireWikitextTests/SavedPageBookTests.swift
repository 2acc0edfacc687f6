import QuireCore
import QuireWikitext
import Testing

/// The joined text reads a page a person saved (wikitext, `quire serve`) as a reader of the
/// transcluded page sees it: markup gone, emphasis and notes kept, page breaks as written.
@Suite("Joined text from pages people saved")
struct SavedPageBookTests {
    static let full = BoundaryTests.full

    /// The book of `pages` (OCR) with `saved` bodies in place of some of them.
    static func book(_ pages: [PageText], saved: [Int: String], wiki: WikiCode = .en) throws -> BookText {
        var sources: [PageNumber: PageSource] = [:]
        for (index, page) in pages.enumerated() {
            if let number = PageNumber(index + 1) { sources[number] = .ocr(page) }
        }
        var contents: [PageNumber: PageContent] = [:]
        for (number, body) in saved { contents[PageNumber(number)!] = PageContent(header: "{{rh|1|TITLE|}}", body: body, level: .proofread, user: "Ana") }
        return try WikitextGenerator(wiki: wiki).bookText(document: Generate.document(), pages: sources, saved: contents)
    }

    static func ocrPages(_ count: Int) -> [PageText] {
        (1...count).map { PageBuilder.page([PageBuilder.paragraph(["Texto \($0) " + full, "fin."])]) }
    }

    static func paragraphs(_ book: BookText) -> [String] { BookTextTests.paragraphs(book) }

    @Test func markupIsReadAsAReaderSeesIt() throws {
        let body = """
            <!-- a note to other proofreaders -->{{c|'''CAPÍTULO I'''}}

            Dijo [[Author:Ana Pérez|Ana]] a {{sc|Juan}}: ''¿vienes?''<ref>Pregunta retórica.</ref> &amp; <nowiki>''no''</nowiki>.<br />Segunda línea.

            == Versos ==
            <poem>
            Primer verso,
            segundo verso.
            </poem>
            <span style="color:red">Fin</span> del <section begin="a" />capítulo.
            """
        let book = try Self.book(Self.ocrPages(1), saved: [1: body])
        #expect(Self.paragraphs(book) == [
            "CAPÍTULO I",
            "Dijo Ana a Juan: ¿vienes? & ''no''.\nSegunda línea.",
            "Versos",
            "Primer verso,\nsegundo verso.",
            "Fin del capítulo.",
        ])
        let blocks = try #require(book.works.first?.blocks)
        #expect(blocks.map(\.kind) == [.centred, .lines, .centred, .verse, .paragraph])
        #expect(blocks[0].lines[0].contains(.emphasised("CAPÍTULO I", .bold)))
        #expect(blocks[1].lines[0].contains(.emphasised("¿vienes?", .italic)))
        #expect(book.notes.map { BookInline.plain($0.content) } == ["Pregunta retórica."])
        #expect(blocks[1].lines[0].contains(.noteReference(0)))
    }

    @Test("a word divided across two saved pages is read once, whole", arguments: [
        (WikiCode.en, "la {{hws|bi|biblioteca}}", "{{hwe|blioteca|biblioteca}}, uno"),
        (.it, "la {{Pt|bi-|biblioteca}}", "{{Pt|blioteca|}}, uno"),
    ])
    func dividedWordBetweenSavedPages(wiki: WikiCode, first: String, second: String) throws {
        let book = try Self.book(Self.ocrPages(2), saved: [1: first, 2: second], wiki: wiki)
        #expect(Self.paragraphs(book) == ["la biblioteca, uno"])
    }

    @Test func aSavedPageFinishesTheWordTheOCRPageBegan() throws {
        let ocr = BoundaryTests.split("la bi-", "blioteca,")
        // The person kept the tool's end-of-word template on page 2: the word is read once.
        let kept = try Self.book(ocr, saved: [2: "{{hwe|blioteca|biblioteca}}, corregido."])
        #expect(Self.paragraphs(kept).first?.hasSuffix("la biblioteca, corregido.") == true, "\(Self.paragraphs(kept))")
        // A saved page 1 ending with the start template, page 2 the tool's: the same.
        let first = try Self.book(ocr, saved: [1: "Corregido: la {{hws|bi|biblioteca}}"])
        #expect(Self.paragraphs(first).first?.hasPrefix("Corregido: la biblioteca, " + Self.full) == true, "\(Self.paragraphs(first))")
    }

    @Test func aParagraphEndsAtThePageFootOnlyWhereTheMarkSaysSo() throws {
        let runsOn = try Self.book(Self.ocrPages(2), saved: [1: "Primera parte de la frase.", 2: "sigue aquí."])
        #expect(Self.paragraphs(runsOn) == ["Primera parte de la frase. sigue aquí."])
        let ends = try Self.book(Self.ocrPages(2), saved: [1: "Fin del párrafo.\n{{nop}}", 2: "Otro párrafo."])
        #expect(Self.paragraphs(ends) == ["Fin del párrafo.", "Otro párrafo."])
        // it writes the mark at the start of the next page.
        let next = try Self.book(Self.ocrPages(2), saved: [1: "Fin del párrafo.", 2: "{{nop}}\nOtro párrafo."], wiki: .it)
        #expect(Self.paragraphs(next) == ["Fin del párrafo.", "Otro párrafo."])
        // es has no mark: a sentence's end at the foot ends the paragraph.
        let es = try Self.book(Self.ocrPages(2), saved: [1: "Fin del párrafo.", 2: "Otro párrafo."], wiki: .es)
        #expect(Self.paragraphs(es) == ["Fin del párrafo.", "Otro párrafo."])
    }

    @Test func aNoteContinuedOnASavedPageIsOneNote() throws {
        let book = try Self.book(Self.ocrPages(2), saved: [
            1: "Texto.<ref name=\"p1n1\">Nota que sigue</ref>\n{{nop}}",
            2: "<ref follow=\"p1n1\">en la página siguiente.</ref>Más texto.",
        ])
        #expect(book.notes.map { BookInline.plain($0.content) } == ["Nota que sigue en la página siguiente."])
        #expect(Self.paragraphs(book) == ["Texto.", "Más texto."])
    }

    @Test func hostileTextStaysText() throws {
        let book = try Self.book(Self.ocrPages(1), saved: [1: "a <script>alert(1)</script> b \u{F0001}c &lt;i&gt;"])
        #expect(Self.paragraphs(book) == ["a alert(1) b c <i>"])
    }
}
