import QuireCore
import QuireWikitext
import Testing

/// Page boundaries per profile: a word split across pages, a compound split across pages, a
/// paragraph that ends at the foot of a page.
@Suite("Page boundaries")
struct BoundaryTests {
    static let full = "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis"

    /// Page 1 ends with a full line ending `last`; page 2 starts with `first` at the margin.
    static func split(_ last: String, _ first: String, indentNext: Int = 0) -> [PageText] {
        [
            PageBuilder.page([PageBuilder.paragraph([full, full, full + " " + last])]),
            PageBuilder.page([PageBuilder.paragraph([first + " " + full, "fin."], indent: indentNext)]),
        ]
    }

    @Test("a word split across pages", arguments: [
        (WikiCode.en, "la {{hws|bi|biblioteca}}", "{{hwe|blioteca|biblioteca}}, uno"),
        (.it, "la {{Pt|bi-|biblioteca}}", "{{Pt|blioteca|}}, uno"),
        (.es, "la bi-", "blioteca, uno"),
        (.fr, "la bi-", "blioteca, uno"),
        (.de, "la biblioteca,", "uno"),
    ])
    func splitWord(wiki: WikiCode, end: String, start: String) throws {
        let pages = try Generate.run(wiki, Self.split("la bi-", "blioteca,")).pages
        #expect(pages[0].content.body.hasSuffix(" " + end), "\(pages[0].content.body)")
        #expect(pages[1].content.body.hasPrefix(start), "\(pages[1].content.body)")
    }

    @Test("a compound split across pages keeps its hyphen", arguments: [
        (WikiCode.en, "casa {{hws|franco|franco-chilena}}", "{{hwe|chilena|franco-chilena}} de"),
        (.it, "casa {{Pt|franco-|franco-chilena}}", "{{Pt|chilena|}} de"),
        (.es, "casa franco-chilena", "de"),   // a bare hyphen would be removed: completed on the first page
        (.de, "casa franco-chilena", "de"),
    ])
    func splitCompound(wiki: WikiCode, end: String, start: String) throws {
        let options = GenerationOptions(lexicon: SpanishLexiconFixture.lexicon)
        let pages = try Generate.run(wiki, Self.split("casa franco-", "chilena de"), options: options).pages
        #expect(pages[0].content.body.hasSuffix(end), "\(pages[0].content.body)")
        #expect(pages[1].content.body.hasPrefix(start), "\(pages[1].content.body)")
    }

    @Test("a paragraph ending at the foot of a page", arguments: [
        (WikiCode.en, "fin del párrafo.\n{{nop}}", "Otro"),
        (.it, "fin del párrafo.", "{{nop}}\nOtro"),
        (.fr, "fin del párrafo.", "<nowiki />\n\nOtro"),
        (.es, "fin del párrafo.", "Otro"),
        (.de, "fin del párrafo.", "Otro"),
    ])
    func paragraphEnd(wiki: WikiCode, end: String, start: String) throws {
        let pages = [
            PageBuilder.page([PageBuilder.paragraph([Self.full, "fin del párrafo."])]),
            PageBuilder.page([PageBuilder.paragraph(["Otro " + Self.full, "fin."], indent: 4)]),
        ]
        let generated = try Generate.run(wiki, pages).pages
        #expect(generated[0].content.body.hasSuffix(end), "\(generated[0].content.body)")
        #expect(generated[1].content.body.hasPrefix(start), "\(generated[1].content.body)")
    }

    @Test(arguments: WikiCode.allCases)
    func aParagraphRunningOnGetsNoMark(wiki: WikiCode) throws {
        let pages = [
            PageBuilder.page([PageBuilder.paragraph([Self.full, Self.full])]),
            PageBuilder.page([PageBuilder.paragraph(["sigue " + Self.full, "fin."])]),
        ]
        let generated = try Generate.run(wiki, pages).pages
        #expect(generated[0].content.body == Self.full + " " + Self.full)
        #expect(generated[1].content.body.hasPrefix("sigue "))
    }

    @Test func proofreadPagesAreLeftAsTheyAre() throws {
        let ocr = PageBuilder.page([PageBuilder.paragraph([Self.full, Self.full + " la bi-"])])
        let document = Generate.document()
        let generated = try WikitextGenerator(wiki: .en).generate(
            document: document,
            pages: [.first: .ocr(ocr), .first.next: .proofread(ProofreadText(text: "blioteca, dijo."))],
            options: GenerationOptions(user: "QuireBot"))
        #expect(generated.pages[0].content.body.hasSuffix("la bi-"))
        #expect(generated.pages[1].content.body == "blioteca, dijo.")
        #expect(generated.pages[1].content.level == .proofread)
        #expect(generated.pages[1].content.user == "QuireBot")
    }

    @Test func aFinalDashThatIsNotASplitWordIsProtected() throws {
        let pages = [
            PageBuilder.page([PageBuilder.paragraph([Self.full, "y entonces -"])]),
            PageBuilder.page([PageBuilder.paragraph(["Otra cosa " + Self.full, "fin."], indent: 4)]),
        ]
        for wiki in WikiCode.allCases {
            let body = try Generate.run(wiki, pages).pages[0].content.body
            #expect(!body.hasSuffix("-"), "\(wiki): \(body)")
            #expect(WikitextEscaper.unescape(body).hasPrefix(Self.full + " y entonces -"))
            // No {{nop}} follows on en either: the line does not end a sentence.
            #expect(body == Self.full + " y entonces &#45;")
        }
    }

    @Test func aHyphenMarkedByTheSourceBecomesABareHyphenAtThePageEnd() throws {
        var first = PageBuilder.page([PageBuilder.paragraph([Self.full, Self.full + " la bi"])])
        first.regions[0].lines[1].endsWithHyphenationMark = true
        let second = PageBuilder.page([PageBuilder.paragraph(["blioteca, " + Self.full, "fin."])])
        let es = try Generate.run(.es, [first, second]).pages
        #expect(es[0].content.body.hasSuffix(" la bi-"))
        let en = try Generate.run(.en, [first, second]).pages
        #expect(en[0].content.body.hasSuffix(" la {{hws|bi|biblioteca}}"))
        // Without a next page the mark still shows as the hyphen it is.
        #expect(try Generate.run(.en, [first]).pages[0].content.body.hasSuffix(" la bi-"))
    }

    @Test func anEmptyProofreadPageIsWithoutText() throws {
        let generated = try WikitextGenerator(wiki: .es).generate(
            document: Generate.document(), pages: [.first: .proofread(ProofreadText(text: "\n\n"))], options: GenerationOptions(user: "Ana"))
        #expect(generated.pages.first?.content.level == .withoutText)
    }
}
