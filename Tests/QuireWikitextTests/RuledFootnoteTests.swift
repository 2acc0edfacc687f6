import QuireCore
import QuireWikitext
import Testing

/// Footnotes as OCR reports them: no region roles, markers misread, a rule as a blank region.
@Suite("Footnotes found by their rule")
struct RuledFootnoteTests {
    /// A page of `body` lines at 60 px, a thin rule region, then `note` lines at 48 px.
    static func page(body: [String], note: [String]) -> PageText {
        var regions: [TextRegion] = []
        var y = 300
        func line(_ text: String, height: Int) -> TextLine {
            defer { y += height + 10 }
            let words = text.split(separator: " ").enumerated().map { index, word in
                Word(text: String(word), box: BoundingBox(x: 300 + index * 90, y: y, width: 80, height: height), confidence: 0.95)
            }
            return TextLine(words: words, box: BoundingBox(x: 300, y: y, width: 1100, height: height))
        }
        let bodyLines = body.map { line($0, height: 60) }
        regions.append(TextRegion(role: .paragraph, lines: bodyLines, box: BoundingBox.union(of: bodyLines.compactMap(\.box))))
        y = 1990
        regions.append(TextRegion(role: .paragraph, lines: [TextLine(words: [Word(text: " ")], box: BoundingBox(x: 300, y: 1985, width: 300, height: 12))], box: BoundingBox(x: 300, y: 1985, width: 300, height: 12)))
        y = 2005
        let noteLines = note.map { line($0, height: 48) }
        regions.append(TextRegion(role: .paragraph, lines: noteLines, box: BoundingBox.union(of: noteLines.compactMap(\.box))))
        return PageText(width: 1748, height: 2480, dpi: 300, regions: regions)
    }

    @Test func aContinuedNoteUnderTheRuleFollowsThePreviousPage() throws {
        let first = Self.page(body: ["Primera línea del texto", "con una nota¹ aquí", "y el final de página."], note: ["¹ Esta nota empieza aquí y", "sigue en la página siguiente"])
        let second = Self.page(body: ["Texto de la segunda página", "que continúa el discurso", "hasta su final."], note: ["donde la nota termina."])
        let document = DocumentMetadata(title: "Notas", languages: LanguageSet("spa")!, wikiFileName: "Notas.pdf")
        let generated = try WikitextGenerator(wiki: .en).generate(document: document, pages: [PageNumber(1)!: .ocr(first), PageNumber(2)!: .ocr(second)])
        let body2 = generated.pages[1].content.body
        #expect(!body2.contains("final.\n\ndonde"))  // the continuation is no longer a paragraph of the body…
        #expect(body2.contains("<ref follow="))  // …for a note that follows the previous page's
        #expect(generated.pages[0].content.body.contains("<ref name="))
        #expect(generated.pages[1].content.footer.contains("smallrefs"))
    }
}
