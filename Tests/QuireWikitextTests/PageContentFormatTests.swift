import QuireCore
import QuireWikitext
import Testing

@Suite("ProofreadPage Page: format")
struct PageContentFormatTests {
    @Test func serialisesExactly() {
        let page = PageContent(header: "{{rh|2|DISCURSO|}}", body: "Texto.", footer: "<references/>", level: .notProofread, user: "QuireBot")
        #expect(page.wikitext == "<noinclude><pagequality level=\"1\" user=\"QuireBot\" />{{rh|2|DISCURSO|}}</noinclude>Texto.<noinclude><references/></noinclude>")
        #expect(PageContent(body: "", level: .withoutText).wikitext == "<noinclude><pagequality level=\"0\" user=\"\" /></noinclude><noinclude></noinclude>")
    }

    @Test func fieldsAreRightTrimmedLikeTheEditForm() {
        let page = PageContent(header: "h \n", body: "b\n\n", footer: " f ", level: .problematic)
        #expect(page.header == "h" && page.body == "b" && page.footer == " f")
    }

    @Test("parse round trip", arguments: [
        PageContent(header: "", body: "Uno\n\nDos", footer: "", level: .notProofread, user: ""),
        PageContent(header: "{{rh|1|T|}}", body: "Cuerpo con </div> dentro", footer: "<references/>", level: .proofread, user: "Ana"),
        PageContent(body: "", level: .withoutText, user: "Bot"),
    ])
    func roundTrip(page: PageContent) {
        #expect(PageContent(wikitext: page.wikitext) == page)
    }

    @Test func headerNewlinesBeforeTheCloseAreDropped() {
        let page = PageContent(wikitext: "<noinclude><pagequality level=\"2\" user=\"X\" />Cabecera\n\n</noinclude>Cuerpo<noinclude>Pie</noinclude>")
        #expect(page.header == "Cabecera" && page.body == "Cuerpo" && page.footer == "Pie" && page.level == .problematic && page.user == "X")
    }

    @Test func withoutNoincludeEverythingIsBodyAtLevelOne() {
        let page = PageContent(wikitext: "Solo texto")
        #expect(page.body == "Solo texto" && page.level == .notProofread && page.user == "" && page.header.isEmpty)
    }

    @Test func malformedQualityTagsLeaveLevelOneAndKeepTheTag() {
        for tag in ["<pagequality level='3' user='X' />", "<pagequality user=\"X\" level=\"3\" />", "<pagequality level=\"5\" user=\"X\" />"] {
            let page = PageContent(wikitext: "<noinclude>\(tag)</noinclude>B<noinclude></noinclude>")
            #expect(page.level == .notProofread, "\(tag)")
            #expect(page.header == tag)
        }
    }

    @Test func legacyTemplateIsRead() {
        let page = PageContent(wikitext: "<noinclude>{{PageQuality|3|Ana}}<div class=\"pagetext\">H</noinclude>B<noinclude>F</div></noinclude>")
        #expect(page.level == .proofread && page.user == "Ana")
        #expect(page.footer == "F")
    }

    @Test func firstCloseEndsTheHeaderAndLastBlockIsTheFooter() {
        let page = PageContent(wikitext: "<noinclude><pagequality level=\"1\" user=\"\" />H</noinclude>a<noinclude>x</noinclude>b<noinclude>F</noinclude>")
        #expect(page.header == "H")
        #expect(page.body == "a<noinclude>x</noinclude>b")
        #expect(page.footer == "F")
    }
}
