import QuireCore
import QuireWikitext
import Testing

@Suite("Line-end hyphenation")
struct HyphenationTests {
    @Test("with the Spanish word list", arguments: [
        ("franco", "chilena", HyphenDecision.keep),    // both words, the joined form is not
        ("en", "cuentro", .join), ("lás", "tima", .join), ("vo", "sotros", .join), ("he", "rrero", .join),
        ("re", "cién", .join), ("desa", "nimarse", .join), ("fo", "rraron", .join), ("silen", "cioso", .join),
        ("sola", "mente", .join),                       // both words, but so is the joined form
        ("aun", "que", .join), ("verda", "dera", .join), ("aque", "llos", .join), ("ver", "güenza", .join),
        ("bi", "bliotecaria", .join), ("teórico-prác", "tico", .join),
    ])
    func spanishSample(left: String, right: String, decision: HyphenDecision) {
        let resolver = HyphenationResolver(lexicon: SpanishLexiconFixture.lexicon)
        #expect(resolver.decide(left: left, right: right) == decision)
    }

    @Test("without a word list", arguments: [
        ("bi", "blioteca", false, HyphenDecision.join), ("franco", "chilena", false, .join),
        ("anglo", "Saxon", false, .keep), ("Ost", "Berlin", false, .keep), ("BIBLIO", "TECA", false, .join),
        ("1914", "1918", false, .keep), ("franco", "Chilena", true, .join),
    ])
    func withoutWordList(left: String, right: String, marked: Bool, decision: HyphenDecision) {
        #expect(HyphenationResolver(lexicon: nil).decide(left: left, right: right, marked: marked) == decision)
    }

    @Test func documentEvidenceDecidesBeforeTheWordList() {
        let keep = HyphenationResolver(lexicon: Lexicon(words: ["francochilena"]), documentWords: ["franco-chilena": 2])
        #expect(keep.decide(left: "franco", right: "chilena") == .keep)
        let join = HyphenationResolver(lexicon: SpanishLexiconFixture.lexicon, documentWords: ["francochilena": 1])
        #expect(join.decide(left: "franco", right: "chilena") == .join)
    }

    @Test func lexiconIgnoresCaseAndReadsWordLists() {
        let lexicon = Lexicon(wordList: "Chile\n  franco \n\nCHILENA\n")
        #expect(lexicon.count == 3)
        #expect(lexicon.contains("chile") && lexicon.contains("FRANCO") && lexicon.contains("Chilena"))
        #expect(!lexicon.contains("francochilena"))
    }

    /// The sorted buffer: every word found, its neighbours in sort order not, whatever the case
    /// or Unicode normalisation; and the keys read back as a cache give the same lexicon.
    @Test func lexiconFindsEveryWordAndReadsItsKeysBack() throws {
        let words = ["árbol", "a", "ab", "abc", "b", "zeta", "Ñandú", "e\u{301}l", "straße", "ſeyn"]
        let lexicon = Lexicon(words: words + ["ARBOL", "ab"])
        #expect(lexicon.count == words.count + 1)
        for word in words { #expect(lexicon.contains(word), "\(word)") }
        #expect(lexicon.contains("ÁRBOL") && lexicon.contains("él") && lexicon.contains("ñandú") && lexicon.contains("arbol"))
        for absent in ["", "aa", "abcd", "c", "zetas", "ſey", "á"] { #expect(!lexicon.contains(absent), "\(absent)") }
        let reread = try #require(Lexicon(sortedKeys: lexicon.sortedKeys))
        #expect(reread == lexicon)
        #expect(Lexicon(words: []).count == 0 && Lexicon(words: []).contains("a") == false)
    }

    @Test("a cache that is not strictly sorted keys is refused", arguments: ["b\na\n", "a\na\n", "a\n\nb\n", "a\nb"])
    func lexiconRefusesBadKeys(text: String) {
        #expect(Lexicon(sortedKeys: Array(text.utf8)) == nil)
    }

    /// The rule applied by the body builder: halves joined inside a page, compounds kept, marks
    /// (`¬`, ALTO `HYP`) always joined, a line starting with punctuation never merged.
    @Test func paragraphsJoinLinesByTheRule() throws {
        let options = GenerationOptions(lexicon: SpanishLexiconFixture.lexicon)
        var page = PageBuilder.page([
            PageBuilder.paragraph(["gerente de la casa franco-", "chilena de Talca y en-", "cuentro de la Wör¬", "ter y la biblio"]),
        ])
        page.regions[0].lines[3].endsWithHyphenationMark = true
        page.regions[0].lines.append(TextLine(words: [Word(text: "teca"), Word(text: "y"), Word(text: "algo-")]))
        page.regions[0].lines.append(TextLine(words: [Word(text: "«dicho»")]))
        let body = try #require(try Generate.run(.es, [page], options: options).pages.first?.content.body)
        #expect(body == "gerente de la casa franco-chilena de Talca y encuentro de la Wörter y la biblioteca y algo- «dicho»")
    }
}

/// Checks the word-list fixture against Tesseract's Spanish dictionary when the tools are here.
@Suite("Lexicon fixture provenance")
struct LexiconProvenanceTests {
    static let traineddata = "/usr/share/tesseract-ocr/5/tessdata/spa.traineddata"
    static var toolsPresent: Bool {
        TesseractDictionary.isExecutable("/usr/bin/dawg2wordlist") && TesseractDictionary.isExecutable("/usr/bin/combine_tessdata") && TesseractDictionary.exists(traineddata)
    }

    @Test(.enabled(if: toolsPresent, "skipped: dawg2wordlist, combine_tessdata or spa.traineddata is not installed"))
    func fixtureIsASubsetOfTesseractsSpanishDictionary() throws {
        let words = try TesseractDictionary.spanishDictionary(traineddata: Self.traineddata)
        let fixture = SpanishLexiconFixture.words.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(fixture.filter { !words.contains($0) }.isEmpty)
        #expect(SpanishLexiconFixture.absent.filter { words.contains($0) }.isEmpty)
    }
}
