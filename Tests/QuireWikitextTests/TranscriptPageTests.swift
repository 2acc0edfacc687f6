import QuireCore
@testable import QuireWikitext
import QuireTestSupport
import Testing

@Suite("Wikitext of split transcripts")
struct TranscriptPageTests {
    @Test("the text as typed, the OCR's running header, Markdown formatting in the wiki's form")
    func transcriptPage() throws {
        let ocr = try DiscursoSample.pages(tagged: false)
        let body = "# LA LUZ QUE SE ENCIENDE\n\nSeñoras, *señores*, queridos vecinos:\n\nPocas veces le toca a un modesto\npreceptor de **provincia** tomar la pala-\nbra, snake_case {{no}} ''así''."
        var pages: [PageNumber: PageSource] = [:]
        for (number, page) in ocr { pages[number] = .ocr(page) }
        pages[PageNumber(2)!] = .transcript(TranscriptText(text: body, ocr: ocr[PageNumber(2)!]))
        let generated = try WikitextGenerator(wiki: .es).generate(document: try DiscursoSample.metadata(), pages: pages)
        let page = try #require(generated.pages.first { $0.number == PageNumber(2)! })
        #expect(page.content.header.contains("DISCURSO EN LA BIBLIOTECA POPULAR"))
        #expect(page.content.level == .notProofread)
        let text = page.content.body
        #expect(text.hasPrefix("{{") || text.hasPrefix("<div"))
        #expect(text.contains("LA LUZ QUE SE ENCIENDE"))
        #expect(text.contains("Señoras, ''señores'', queridos vecinos:"))
        #expect(text.contains("Pocas veces le toca a un modesto preceptor de '''provincia''' tomar la pala- bra, snake_case"))
        #expect(!text.contains("{{no}}"))
        #expect(!text.contains("''así''"))
        #expect(page.printedNumber != nil)
    }

    @Test("an uncertain boundary makes the page level 2; emphasis across the page break is balanced")
    func uncertain() throws {
        let document = Generate.document()
        let pages: [PageNumber: PageSource] = [
            PageNumber(1)!: .transcript(TranscriptText(text: "uno dos *tres cuatro", flags: [.uncertainBoundary])),
            PageNumber(2)!: .transcript(TranscriptText(text: "cinco* seis siete")),
        ]
        let generated = try WikitextGenerator(wiki: .en).generate(document: document, pages: pages)
        #expect(generated.pages[0].content.level == .problematic)
        #expect(generated.pages[0].content.body == "uno dos ''tres cuatro''")
        #expect(generated.pages[1].content.body == "''cinco'' seis siete")
        #expect(generated.pages[1].content.level == .notProofread)
    }

    @Test("a paragraph ending at a page's end gets the wiki's mark; one running on does not")
    func paragraphEnd() throws {
        let pages: [PageNumber: PageSource] = [
            PageNumber(1)!: .transcript(TranscriptText(text: "Fin del párrafo.", endsParagraph: true)),
            PageNumber(2)!: .transcript(TranscriptText(text: "Otro párrafo que sigue", endsParagraph: false)),
            PageNumber(3)!: .transcript(TranscriptText(text: "en esta página.")),
        ]
        let english = try WikitextGenerator(wiki: .en).generate(document: Generate.document(), pages: pages)
        #expect(english.pages[0].content.body == "Fin del párrafo.\n{{nop}}")
        #expect(english.pages[1].content.body == "Otro párrafo que sigue")
        let italian = try WikitextGenerator(wiki: .it).generate(document: Generate.document(), pages: pages)
        #expect(italian.pages[1].content.body.hasPrefix("{{nop}}"))
    }

    @Test("a text without blank lines has one paragraph per line")
    func paragraphPerLine() {
        let blocks = TranscriptMarkup.blocks("Primera línea.\nSegunda línea.")
        #expect(blocks.count == 2)
        #expect(TranscriptMarkup.blocks("a\nb\n\nc").count == 2)
        #expect(TranscriptMarkup.headingText("## Capítulo I ##") == "Capítulo I")
        #expect(TranscriptMarkup.headingText("#hashtag") == nil)
    }
}
