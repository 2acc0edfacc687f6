import Foundation
import QuireCore
import QuireTestSupport
import QuireWikitext
import Testing

/// An independent check of escaped text: the patterns the MediaWiki parser reads as markup,
/// written as regular expressions from `wikisource-format.md` and `quality-bar.md`.
enum MarkupTriggers {
    static let inline: [(name: String, pattern: String)] = [
        ("tag or comment", #"<[A-Za-z/!?]"#), ("template open", #"\{\{"#), ("template close", #"\}\}"#),
        ("table open", #"\{\|"#), ("table close", #"\|\}"#), ("link open", #"\[\["#), ("link close", #"\]\]"#),
        ("external link", #"\[(?i:https?:|ftp:|//|mailto:|news:|irc:)"#), ("signature", #"~~~"#),
        ("behaviour switch", #"__[A-Za-z]+__"#), ("italic or bold", #"''"#),
    ]
    static let lineStart: [(name: String, pattern: String)] = [
        ("preformatted", #"(?m)^[ \t]"#), ("list", #"(?m)^[*#:;]"#), ("heading", #"(?m)^="#), ("rule", #"(?m)^----"#),
    ]

    /// The names of the triggers found; `argument` adds `|` and `=`.
    static func find(in text: String, argument: Bool = false) -> [String] {
        var all = inline + lineStart
        if argument { all += [("pipe", #"\|"#), ("equals", "=")] }
        return all.filter { text.range(of: $0.pattern, options: .regularExpression) != nil }.map(\.name)
    }
}

@Suite("Escaping (W-1…W-9)")
struct EscapingTests {
    /// OCR text of the quality bar's cases, each a line as OCR could read it.
    static let cases: [String] = [
        "</noinclude> and <noinclude> in the text",                       // W-1
        "{{ and }} and {{{1}}} and a | pipe",                               // W-2
        "signed ~~~~ and dated ~~~~~ and ~~~",                              // W-3
        " leading space", "* star", "# hash", ": colon", "; semicolon", "= equals =", "{| table", "---- rule",  // W-4
        "__NOTOC__ {{DISPLAYTITLE:x}} {{subst:x}} {{#invoke:}}",           // W-5
        "<ref>note</ref> <pages index=x/> <section begin=a/> </nowiki> <!-- open",  // W-6
        "[[Category:X]] [[File:Y]] [[fr:Z]] [http://example.org x] [//example.org y]",  // W-7
        "''quoted'' and '''bold''' and ''''' five",                         // W-8
        "AT&amp;T &#123; &lt;tag&gt; &copy;", "a<b and c>d", "{", "}", "[", "]", "{[x]}",
    ]

    @Test("escaped text holds no markup and shows the same text", arguments: cases)
    func escapedTextIsInert(text: String) {
        let escaped = WikitextEscaper.escape(text)
        #expect(MarkupTriggers.find(in: escaped).isEmpty, "\(escaped)")
        #expect(WikitextEscaper.unescape(escaped) == text)
        let argument = WikitextEscaper.escape(text, context: .templateArgument)
        #expect(MarkupTriggers.find(in: argument, argument: true).isEmpty, "\(argument)")
        #expect(WikitextEscaper.unescape(argument) == text)
    }

    @Test("only what must be is touched", arguments: [
        ("Plain text, with punctuation: «¿sí?» — 3 < 4 > 2 & so on.", "Plain text, with punctuation: «¿sí?» — 3 < 4 > 2 & so on."),
        ("l'homme d'État", "l'homme d'État"),
        ("a_b and ~~ and a - b", "a_b and ~~ and a - b"),
        ("''", "'&#39;"), ("'''", "'&#39;'"), ("{{x}}", "&#123;&#123;x&#125;&#125;"),
        ("<ref>", "&lt;ref>"), ("~~~~", "&#126;&#126;&#126;&#126;"), ("__NOTOC__", "&#95;_NOTOC&#95;_"),
        ("* item", "&#42; item"), (" x", "&#32;x"), ("&amp;", "&amp;amp;"), ("[[a]]", "&#91;&#91;a&#93;&#93;"),
    ])
    func minimalChanges(input: String, output: String) {
        #expect(WikitextEscaper.escape(input) == output)
    }

    @Test func multiLineTextEscapesEveryLineStart() {
        let escaped = WikitextEscaper.escape("one\n* two\n three\n----")
        #expect(escaped == "one\n&#42; two\n&#32;three\n&#45;---")
        #expect(MarkupTriggers.find(in: escaped).isEmpty)
    }

    @Test func sanitisingRemovesWhatCoreRemovesPlusLineLayout() {
        let (clean, changed) = WikitextEscaper.sanitise("a\u{0}b\u{7}c\u{202E}d\u{FFFD}e\tf\ng\u{2067}h\r\u{0C}i\u{200F}\u{FFFF}\u{1FFFE}")
        #expect(clean == "abcde\tf\nghi")
        #expect(changed)
        for value: UInt32 in [0x0, 0x202E, 0xFFFD, 0x200E, 0xFDD0, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(TextSanitizer.isRemoved(scalar) && WikitextEscaper.sanitise(String(scalar)).changed, "U+\(String(scalar.value, radix: 16))")
        }
        #expect(WikitextEscaper.sanitise("Canción").changed == false)
        #expect(WikitextEscaper.sanitise("Cancio\u{301}n").text.unicodeScalars.count == "Canción".unicodeScalars.count)
    }

    /// A page whose every word is one of the cases: the split into header/body/footer survives
    /// (W-1), the body shows the OCR text, and nothing in it is markup.
    @Test func generatedPageOfHostileTextStaysIntact() throws {
        let lines = Self.cases.filter { !$0.hasPrefix(" ") }
        let page = PageBuilder.page(lines.map { PageBuilder.paragraph([$0]) })
        let document = DocumentMetadata(title: "Hostile", languages: try #require(LanguageSet("eng")), wikiFileName: "Hostile.pdf")
        for wiki in WikiCode.allCases {
            let generated = try WikitextGenerator(wiki: wiki).generate(document: document, pages: [.first: .ocr(page)])
            let content = try #require(generated.pages.first?.content)
            let reading = ProofreadPageOracle.read(content.wikitext)
            #expect(reading == ProofreadPageOracle.reading(of: content))
            #expect(reading.level == 1 && reading.footer.isEmpty && reading.header.isEmpty)
            let paragraphs = content.body.components(separatedBy: "\n\n")
            #expect(paragraphs.count == lines.count)
            for (paragraph, line) in zip(paragraphs, lines) {
                #expect(WikitextEscaper.unescape(paragraph) == line.split(separator: " ").joined(separator: " "))
                #expect(MarkupTriggers.find(in: paragraph).isEmpty, "\(wiki): \(paragraph)")
            }
            #expect(generated.pages.first?.wikitextFlags.contains(.neutralisedMarkup) == true)
        }
    }

    @Test func controlCharactersFlagThePage() throws {
        let page = TextFixtures.page([["Texto\u{202E} con\u{0} control"]])
        let document = DocumentMetadata(title: "X", languages: try #require(LanguageSet("spa")), wikiFileName: "X.pdf")
        let generated = try WikitextGenerator(wiki: .es).generate(document: document, pages: [.first: .ocr(page)])
        let first = try #require(generated.pages.first)
        #expect(first.content.body == "Texto con control")
        #expect(first.pageFlags.contains(.sanitisedText))
        #expect(first.content.level == .problematic)
    }

    /// W-9: a page larger than `$wgMaxArticleSize` is generated but marked unpublishable.
    @Test func oversizedPageIsFlaggedNotPublishable() throws {
        let word = String(repeating: "palabra", count: 100)
        let line = Array(repeating: word, count: 40).joined(separator: " ")
        let page = TextFixtures.page(Array(repeating: [line], count: 80))
        let document = DocumentMetadata(title: "Big", languages: try #require(LanguageSet("spa")), wikiFileName: "Big.pdf")
        let generated = try WikitextGenerator(wiki: .es).generate(document: document, pages: [.first: .ocr(page)])
        let first = try #require(generated.pages.first)
        #expect(first.content.wikitext.utf8.count > 2 * 1024 * 1024)
        #expect(first.wikitextFlags.contains(.contentTooLarge))
        #expect(!first.isPublishable)
        #expect(generated.manifest.first?.flags.contains("content_too_large") == true)
    }
}
