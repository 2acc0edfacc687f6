import QuireCore
import QuireWikitext
import Testing

/// ProofreadPage's reading of Page: text in the corners the PHP regular expressions leave, each
/// checked against the literal regular expressions of ``ProofreadPageOracle`` as well.
@Suite("ProofreadPage parsing rules")
struct PageContentParsingTests {
    @Test("the Swift parser reads as the PHP expressions do", arguments: [
        "<noinclude><pagequality level=\"3\" user=\"Ana\" />H</noinclude>B<noinclude>F</noinclude>",
        "<noinclude><pagequality level=\"3\" user=\"Ana\" />H</noinclude>B<noinclude>F</noinclude>\n",   // `$` before a final newline
        "<noinclude><pagequality level=\"2\" user=\"X\" />H\n\n</noinclude>Body\n",                    // header and body only
        "<noinclude><pagequality level=\"1\" user=\"X\" ></pagequality>H</noinclude>B<noinclude></noinclude>",
        "<noinclude><pagequality level=\"1\" user=\"X\"  >  </pagequality>H</noinclude>B<noinclude></noinclude>",
        "<noinclude><pagequality level=\"4\" user=\"A\"B\" />H</noinclude>B<noinclude></noinclude>",  // the lazy user
        "<noinclude>{{pagequality|2}}rest</noinclude>B",
        "<noinclude>{{PAGEQUALITY|4|Bob}}<div>H</noinclude>B</div>",
        "<noinclude><pagequality level=\"1\" user=\"\" />pre<div class=\"pagetext\">H</noinclude>B<noinclude>F</div>\n</noinclude>",
        "<noinclude><pagequality level=\"1\" user=\"\" />H</noinclude>a</noinclude>b",
        "<noinclude>no tag</noinclude>B<noinclude>F</div></noinclude>",
        "<noinclude><pagequality level=\"1\" user=\"\" />H",
        "text <noinclude>x</noinclude>",
        "",
    ])
    func matchesTheOracle(text: String) {
        #expect(ProofreadPageOracle.reading(of: PageContent(wikitext: text)) == ProofreadPageOracle.read(text))
    }

    @Test func cornerCasesReadAsTheWikiReadsThem() {
        let lazyUser = PageContent(wikitext: "<noinclude><pagequality level=\"4\" user=\"A\"B\" />H</noinclude>B<noinclude></noinclude>")
        #expect(lazyUser.user == "A\"B" && lazyUser.level == .validated)
        let wrapped = PageContent(wikitext: "<noinclude><pagequality level=\"1\" user=\"\" />pre<div class=\"pagetext\">H</noinclude>B<noinclude>F</div>\n</noinclude>")
        #expect(wrapped.header == "H" && wrapped.footer == "F")
        // PCRE works on bytes: `\n*` takes the LF of a CRLF and leaves the CR in the header. (ICU
        // treats CRLF as one unit, so the oracle is not asked about this one.)
        let crlf = PageContent(wikitext: "<noinclude><pagequality level=\"1\" user=\"X\" />H\r\n</noinclude>B<noinclude>F</noinclude>")
        #expect(crlf.header == "H\r")
        let untagged = PageContent(wikitext: "<noinclude>no tag</noinclude>B<noinclude>F</div></noinclude>")
        #expect(untagged.header == "no tag" && untagged.footer == "F</div>" && untagged.level == .notProofread)
        let trailing = PageContent(wikitext: "<noinclude><pagequality level=\"3\" user=\"Ana\" />H</noinclude>B<noinclude>F</noinclude>\n")
        #expect(trailing.footer == "F" && trailing.body == "B")
    }

    @Test func editFormTrimmingIsPHPsRtrim() {
        let page = PageContent(header: "h\u{A0}", body: "b \t\r\n", footer: "f\u{0B}", level: .notProofread)
        #expect(page.header == "h\u{A0}" && page.body == "b" && page.footer == "f")
    }
}

@Suite("ProofreadPage JSON form")
struct PageContentJSONTests {
    @Test func writesWhatPHPsJsonEncodeWrites() {
        let page = PageContent(header: "{{rh|2|DISCURSO|}}", body: "Señoras \"y\" <ref>x</ref>\n\\ 😀", footer: "<references/>", level: .notProofread, user: "")
        #expect(page.json == #"{"header":"{{rh|2|DISCURSO|}}","body":"Se\u00f1oras \"y\" <ref>x<\/ref>\n\\ \ud83d\ude00","footer":"<references\/>","level":{"level":1,"user":null}}"#)
        let withUser = PageContent(body: "", level: .proofread, user: "Ana María")
        #expect(withUser.json == #"{"header":"","body":"","footer":"","level":{"level":3,"user":"Ana Mar\u00eda"}}"#)
    }

    @Test func readsItBack() throws {
        let page = PageContent(untrimmedHeader: "h\n", body: "Señoras\t😀", footer: "<references/>", level: .problematic, user: "Ana")
        #expect(try PageContent(json: page.json) == page)
        let loose = try PageContent(json: #"{"header":"","body":"b","footer":"","level":{"level":"2"}}"#)
        #expect(loose.level == .problematic && loose.user == "")
    }

    @Test("malformed JSON is refused", arguments: [
        "", "[]", "{}", #"{"header":"","body":"","footer":""}"#, #"{"header":"","body":"","footer":"","level":{"level":5}}"#,
        #"{"header":1,"body":"","footer":"","level":{"level":1}}"#, #"{"header":"","body":"","footer":"","level":{"user":"x"}}"#,
    ])
    func refused(json: String) {
        #expect(throws: WikitextError.self) { try PageContent(json: json) }
    }
}
