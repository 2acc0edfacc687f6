import QuireWikitext
import Testing

/// Bare URLs in OCR text must not become external links (quality bar W-7); found by checking
/// generated pages with mwparserfromhell (Scripts/tests/wikitext-balance).
@Suite("Free external links")
struct FreeLinkEscapingTests {
    @Test("protocols that start a word are neutralised", arguments: [
        ("véase http://example.org hoy", "véase http&#58;//example.org hoy"),
        ("MAILTO:alguien@example.org", "MAILTO&#58;alguien@example.org"),
        ("[http://example.org x]", "&#91;http&#58;//example.org x]"),
    ])
    func neutralised(text: String, escaped: String) {
        #expect(WikitextEscaper.escape(text) == escaped)
        #expect(WikitextEscaper.unescape(WikitextEscaper.escape(text)) == text)
    }

    @Test("ordinary colons stay", arguments: ["Señores: el Chile", "3:45", "xhttp: no", "nota: news"])
    func untouched(text: String) {
        let escaped = WikitextEscaper.escape(text, atLineStart: false)
        #expect(escaped == text)
        #expect(WikitextEscaper.unescape(escaped) == text)
    }
}
