import QuireCore
import QuireWikitext
import Testing

@Suite("Footnotes")
struct FootnoteTests {
    static let line = "texto corrido de la página que llena la línea entera de margen a margen sin"

    static func page(body: [String], notes: [String], tagged: Bool) -> PageText {
        var page = PageBuilder.page([PageBuilder.paragraph(body), PageBuilder.region(tagged ? .footnote : .paragraph, notes)])
        // Move the notes to the foot of the page, below a gap.
        if let last = page.regions.indices.last {
            let shift = page.height * 4 / 5 - (page.regions[last].box?.top ?? 0)
            for l in page.regions[last].lines.indices {
                page.regions[last].lines[l].box?.y += shift
                for w in page.regions[last].lines[l].words.indices { page.regions[last].lines[l].words[w].box?.y += shift }
            }
            page.regions[last].box?.y += shift
        }
        return page
    }

    @Test("a note goes to its marker", arguments: [true, false])
    func noteAtMarker(tagged: Bool) throws {
        let page = Self.page(body: [Self.line, "fin de las manos!¹ y sigue."], notes: ["¹ El orador aludía a su infancia."], tagged: tagged)
        for wiki in [WikiCode.es, .en] {
            let content = try #require(try Generate.run(wiki, [page]).pages.first?.content)
            #expect(content.body == Self.line + " fin de las manos!<ref>El orador aludía a su infancia.</ref> y sigue.")
            #expect(content.footer == (wiki == .en ? "{{smallrefs}}" : "<references/>"))
        }
    }

    @Test func severalNotesInOrderWithAssortedMarkers() throws {
        let page = Self.page(
            body: [Self.line, "uno¹, dos (2) y tres* fin."],
            notes: ["¹ Primera nota que", "sigue en otra línea.", "2. Segunda.", "* Tercera."], tagged: true)
        let content = try #require(try Generate.run(.es, [page]).pages.first?.content)
        #expect(content.body == Self.line + " uno<ref>Primera nota que sigue en otra línea.</ref>, dos<ref>Segunda.</ref> y tres<ref>Tercera.</ref> fin.")
    }

    @Test func aNoteWithoutItsMarkerIsKeptAndFlagged() throws {
        let page = Self.page(body: [Self.line, "sin marcas."], notes: ["³ Nota huérfana."], tagged: true)
        let generated = try #require(try Generate.run(.es, [page]).pages.first)
        #expect(generated.content.body == "<ref>Nota huérfana.</ref>" + Self.line + " sin marcas.")
        #expect(generated.wikitextFlags.contains(.unmatchedFootnote))
        #expect(generated.content.level == .problematic)
    }

    @Test func aNoteContinuedOnTheNextPageIsNamedAndFollowed() throws {
        let first = Self.page(body: [Self.line, "fin¹ de página."], notes: ["¹ Nota larga que sigue en la"], tagged: true)
        let second = Self.page(body: ["Nueva página de texto.", Self.line], notes: ["página siguiente."], tagged: true)
        for wiki in [WikiCode.en, .de] {
            let pages = try Generate.run(wiki, [first, second]).pages
            #expect(pages[0].content.body.contains("fin<ref name=\"p1n1\">Nota larga que sigue en la</ref> de página."))
            #expect(pages[1].content.body.hasPrefix("<ref follow=\"p1n1\">página siguiente.</ref>Nueva página"))
            #expect(pages[1].content.footer == (wiki == .en ? "{{smallrefs}}" : "<references/>"))
            #expect(pages.allSatisfy { !$0.wikitextFlags.contains(.unmatchedFootnote) })
        }
    }

    @Test func noteTextIsEscapedLikeTheBody() throws {
        let page = Self.page(body: [Self.line, "marca*."], notes: ["* Véase {{plantilla}} y </ref> aquí."], tagged: true)
        let content = try #require(try Generate.run(.es, [page]).pages.first?.content)
        #expect(content.body.hasSuffix("marca<ref>Véase &#123;&#123;plantilla&#125;&#125; y &lt;/ref> aquí.</ref>."))
    }
}
