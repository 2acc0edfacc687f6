import QuireCore
import QuireWikitext
import Testing

@Suite("The body")
struct BodyTests {
    static let full = "una línea completa de texto justificado que llega de un margen al otro"

    @Test func paragraphsAreSplitAtIndentsAndBlankLines() throws {
        var page = PageBuilder.page([PageBuilder.paragraph([Self.full, "fin del primero.", "   Segundo párrafo " + "que empieza con sangría y sigue", Self.full])])
        // A sangría as printed: the third line starts three characters in.
        let indent = 3 * PageBuilder.charWidth
        for w in page.regions[0].lines[2].words.indices { page.regions[0].lines[2].words[w].box?.x += indent }
        page.regions[0].lines[2].box?.x += indent
        let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
        #expect(body == Self.full + " fin del primero.\n\nSegundo párrafo que empieza con sangría y sigue " + Self.full)
    }

    @Test func aBlankLineBetweenLinesSplitsTheParagraph() throws {
        var page = PageBuilder.page([PageBuilder.paragraph([Self.full, "termina aquí", "Otro empieza", "y termina."])])
        for l in 2...3 {
            page.regions[0].lines[l].box?.y += 60
            for w in page.regions[0].lines[l].words.indices { page.regions[0].lines[l].words[w].box?.y += 60 }
        }
        let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
        #expect(body == Self.full + " termina aquí\n\nOtro empieza y termina.")
    }

    @Test("headings are centred per profile", arguments: [
        (WikiCode.en, "{{center|CAPÍTULO PRIMERO<br />La partida}}"),
        (.fr, "{{c|CAPÍTULO PRIMERO<br />La partida}}"),
        (.it, "{{Centrato|CAPÍTULO PRIMERO<br />La partida}}"),
        (.es, "<div style=\"text-align:center;\">CAPÍTULO PRIMERO<br />La partida</div>"),
        (.de, "<div style=\"text-align:center;\">CAPÍTULO PRIMERO<br />La partida</div>"),
    ])
    func headings(wiki: WikiCode, expected: String) throws {
        let page = PageBuilder.page([PageBuilder.region(.heading, ["CAPÍTULO PRIMERO", "La partida"]), PageBuilder.paragraph([Self.full, "y fin."])])
        let body = try #require(try Generate.run(wiki, [page]).pages.first?.content.body)
        #expect(body == expected + "\n\n" + Self.full + " y fin.")
    }

    @Test func headingArgumentsAreEscapedForTemplates() throws {
        let page = PageBuilder.page([PageBuilder.region(.heading, ["A=B | C"]), PageBuilder.paragraph([Self.full])])
        let body = try #require(try Generate.run(.en, [page]).pages.first?.content.body)
        #expect(body.hasPrefix("{{center|A&#61;B &#124; C}}\n\n"))
    }

    @Test func verseKeepsItsLines() throws {
        let page = PageBuilder.page([PageBuilder.region(.verse, ["Caminante, son tus huellas", "el camino y nada más;", "* caminante, no hay camino"])])
        let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
        #expect(body == "<poem>\nCaminante, son tus huellas\nel camino y nada más;\n&#42; caminante, no hay camino\n</poem>")
    }

    @Test func specksAndScannerBordersAreDropped() throws {
        var page = PageBuilder.page([PageBuilder.paragraph([Self.full, "y el final."]), PageBuilder.paragraph([".", "'"])])
        // A low-confidence comma in the text, a tiny dot, and a strip at the right edge.
        page.regions[0].lines[0].words.insert(Word(text: ",", box: BoundingBox(x: 95, y: 100, width: 4, height: 5), confidence: 0.9), at: 0)
        page.regions[0].lines[1].words.append(Word(text: "~", box: BoundingBox(x: 400, y: 140, width: 8, height: 28), confidence: 0.2))
        let strip = TextLine(words: [Word(text: "|", box: BoundingBox(x: 975, y: 500, width: 10, height: 300), confidence: 0.7), Word(text: "l1", box: BoundingBox(x: 975, y: 820, width: 10, height: 30), confidence: 0.4)])
        page.regions.append(TextRegion(role: .paragraph, lines: [strip]))
        page.regions.append(TextRegion(role: .illustration, lines: [TextLine(words: [Word(text: "xx")])]))
        let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
        #expect(body == Self.full + " y el final.")
    }

    @Test func catchwordsAndSignatureMarksAreNotBody() throws {
        var page = PageBuilder.page([PageBuilder.paragraph([Self.full, "y fin."])])
        page.regions.append(TextRegion(role: .catchword, lines: [TextLine(words: [Word(text: "siguiente")])]))
        page.regions.append(TextRegion(role: .signatureMark, lines: [TextLine(words: [Word(text: "A2")])]))
        #expect(try Generate.run(.es, [page]).pages.first?.content.body == Self.full + " y fin.")
    }

    @Test func proofreadTextIsEscapedAndKeptAsParagraphs() throws {
        let text = ProofreadText(text: "Primera línea\nsigue aquí.\n\n\n* No es lista, {{ni plantilla}}.\n", header: "CABECERA  12", printedPageNumber: "12")
        let generated = try WikitextGenerator(wiki: .es).generate(document: Generate.document(), pages: [.first: .proofread(text)], options: GenerationOptions(user: "quire_bot"))
        let page = try #require(generated.pages.first)
        #expect(page.content.body == "Primera línea sigue aquí.\n\n&#42; No es lista, &#123;&#123;ni plantilla&#125;&#125;.")
        #expect(page.content.header == "CABECERA 12")
        #expect(page.content.level == .proofread)
        #expect(page.content.user == "Quire bot")
        #expect(page.printedNumber?.value == 12)
        #expect(generated.index.fields.first { $0.key == "Progress" }?.value == "V")
    }
}
