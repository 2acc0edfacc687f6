import Foundation
import QuireCore
import QuireTestSupport
import QuireWikitext
import Testing

/// Real English Wikisource Page: text (`../shared/corpora/wikisource-samples`, see its
/// PROVENANCE.md): three pages of the Pentagon Papers in the pre-2014 form, with the
/// `<div class="pagetext">` wrapper that ProofreadPage still strips when it reads a page.
@Suite("Real Wikisource pages", .enabled(if: RepositoryPaths.hasSharedCorpora, Comment(rawValue: RepositoryPaths.sharedMissingMessage)))
struct WikisourceSampleTests {
    static func pages() throws -> [String] {
        let root = try #require(RepositoryPaths.sharedCorpora, Comment(rawValue: RepositoryPaths.sharedMissingMessage))
        let text = try String(contentsOfFile: root + "/wikisource-samples/enwikisource-pentagon-papers-Page-ns-3pages.wikitext", encoding: .utf8)
        // The pages were concatenated without separators; each starts with its own tag.
        let marker = "<noinclude><pagequality"
        var pages: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            let end = after.range(of: marker)?.lowerBound ?? rest.endIndex
            pages.append(String(rest[start.lowerBound..<end]))
            rest = rest[end...]
        }
        return pages
    }

    @Test func threePagesAreFound() throws {
        let pages = try Self.pages()
        #expect(pages.count == 3)
        #expect(pages.joined() == (try String(contentsOfFile: (RepositoryPaths.sharedCorpora ?? "") + "/wikisource-samples/enwikisource-pentagon-papers-Page-ns-3pages.wikitext", encoding: .utf8)))
    }

    @Test func eachPageReadsAsTheWikiReadsIt() throws {
        let pages = try Self.pages()
        for (index, text) in pages.enumerated() {
            let content = PageContent(wikitext: text)
            #expect(content.level == .validated)
            #expect(content.user == "Digipoke")
            #expect(content.header.hasPrefix("<p style='text-align:center; font-size:83%;'><b>Declassified</b>"))
            #expect(!content.header.contains("<div class=\"pagetext\">"))
            #expect(!content.header.hasSuffix("\n"))
            #expect(ProofreadPageOracle.reading(of: content) == ProofreadPageOracle.read(text))
            let afterHeader = try #require(text.range(of: "</noinclude>"))
            if index < 2 {
                // Header, body and footer: the body is what stands between the header's close
                // and the footer's open, the footer loses the wrapper's `</div>`.
                #expect(content.footer == "<references/>")
                let footerOpen = try #require(text.range(of: "<noinclude>", options: .backwards))
                #expect(content.body == String(text[afterHeader.upperBound..<footerOpen.lowerBound]))
            } else {
                // The sample's last page was cut before its footer: header and body only.
                #expect(content.footer == "")
                #expect(content.body == String(text[afterHeader.upperBound...]))
                #expect(content.body.hasSuffix("|}"))
            }
        }
    }

    /// What ProofreadPage writes back after reading `text`, derived by editing the original:
    /// the wrapper and the header's trailing newlines dropped, the footer's `</div>` dropped, an
    /// empty footer block added where there was none.
    static func savedForm(of text: String) throws -> String {
        let close = try #require(text.range(of: "</noinclude>"))
        var head = String(text[..<close.lowerBound]).replacingOccurrences(of: "<div class=\"pagetext\">", with: "")
        while head.hasSuffix("\n") { head.removeLast() }
        var tail = String(text[close.upperBound...])
        if tail.hasSuffix("</div></noinclude>") {
            tail = String(tail.dropLast("</div></noinclude>".count)) + "</noinclude>"
        } else {
            tail += "<noinclude></noinclude>"
        }
        return head + "</noinclude>" + tail
    }

    @Test func reSerialisingKeepsTheContentAndDropsOnlyTheLegacyWrapper() throws {
        for text in try Self.pages() {
            let content = PageContent(wikitext: text)
            let saved = content.wikitext
            #expect(saved == (try Self.savedForm(of: text)))
            #expect(PageContent(wikitext: saved) == content)
            #expect(PageContent(wikitext: saved).wikitext == saved)
            #expect(try PageContent(json: content.json) == content)
        }
    }

    @Test func currentFormPagesRoundTripByteForByte() throws {
        for text in try Self.pages() {
            let saved = PageContent(wikitext: text).wikitext
            #expect(PageContent(wikitext: saved).wikitext == saved)
            #expect(ProofreadPageOracle.read(saved) == ProofreadPageOracle.reading(of: PageContent(wikitext: saved)))
        }
    }
}
