import QuireCore
import QuireTestSupport
import QuireWikitext
import Testing

/// The long s: kept on Page: text unless asked, modernised or templated on request; a reader's
/// edition follows the wiki's readers.
@Suite("Long s")
struct LongSTests {
    static let page = TextFixtures.page([["Das Haus iſt ſchön, ſo ﬅeht es"]])

    static func body(_ wiki: WikiCode, _ longS: LongSStyle?) throws -> String {
        try Generate.run(wiki, [page], options: GenerationOptions(longS: longS)).pages[0].content.body
    }

    @Test func roundForms() {
        #expect(LongSStyle.modernised("iſt ﬅ ẛ Straße") == "ist st ṡ Straße")
        #expect(LongSStyle.modernised("plain") == "plain")
    }

    @Test("Page: text", arguments: WikiCode.allCases)
    func pageText(wiki: WikiCode) throws {
        #expect(try Self.body(wiki, nil).contains("iſt ſchön, ſo ﬅeht"))
        #expect(try Self.body(wiki, .keep).contains("iſt ſchön, ſo ﬅeht"))
        #expect(try Self.body(wiki, .modernise).contains("ist schön, so steht"))
        if let template = wiki.profile.longSTemplate {
            #expect(try Self.body(wiki, .template).contains("i{{\(template)}}t {{\(template)}}chön, {{\(template)}}o {{\(template)}}teht"))
        } else {
            #expect(throws: WikitextError.self) { try Self.body(wiki, .template) }
        }
    }

    @Test func enHasTheLsTemplate() {
        #expect(WikiCode.en.profile.longSTemplate == "ls")
    }

    /// The joined text of an e-book: the profile's reader convention by default, kept on request,
    /// round under the template (as a transcluded `{{ls}}` shows); proofread text too.
    @Test("joined text", arguments: WikiCode.allCases)
    func joinedText(wiki: WikiCode) throws {
        func text(_ longS: LongSStyle?) throws -> String {
            let sources: [PageNumber: PageSource] = [PageNumber(1)!: .ocr(Self.page), PageNumber(2)!: .proofread(ProofreadText(text: "Er iſt da."))]
            let book = try WikitextGenerator(wiki: wiki).bookText(document: Generate.document(), pages: sources, options: GenerationOptions(longS: longS))
            return book.works.flatMap(\.blocks).flatMap(\.lines).map(BookInline.plain).joined(separator: " ")
        }
        let modern = "Das Haus ist schön, so steht es"
        #expect(try text(nil).contains(wiki.profile.readerLongS == .keep ? "iſt ſchön" : modern))
        #expect(try text(.keep).contains("iſt ſchön, ſo ﬅeht") && text(.keep).contains("Er iſt da."))
        #expect(try text(.modernise).contains(modern) && text(.modernise).contains("Er ist da."))
        #expect(try text(.template).contains(modern))
    }
}
