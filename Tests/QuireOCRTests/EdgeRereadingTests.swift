import QuireCore
@testable import QuireOCR
import Testing

/// Which words a page's second, targeted reading picks (``EdgeRereading``) and where its
/// readings go.
struct EdgeRereadingTests {
    /// A line of `words` (text, confidence) at `top`, 30 px high, words 60 px apart from `left`.
    func line(_ words: [(String, Double)], top: Int, left: Int = 100) -> TextLine {
        let placed = words.enumerated().map { index, word in
            Word(text: word.0, box: BoundingBox(x: left + index * 60, y: top, width: 50, height: 30), confidence: word.1)
        }
        return TextLine(words: placed, box: BoundingBox.union(of: placed.compactMap(\.box)))
    }

    /// A 1000×2000 page: a head line, twenty body lines, a foot line.
    func page(head: [(String, Double)], foot: [(String, Double)]) -> PageText {
        let body = (0..<20).map { line(Array(repeating: ("palabra", 0.6), count: 8), top: 300 + $0 * 60) }
        return PageText(width: 1000, height: 2000, regions: [
            TextRegion(role: .paragraph, lines: [line(head, top: 100)]),
            TextRegion(role: .paragraph, lines: body),
            TextRegion(role: .paragraph, lines: [line(foot, top: 1850, left: 600)]),
        ])
    }

    @Test func theHeadAndFootWordsReadWithLittleConfidenceAreReadAgainAndShortOnesAsDigitsToo() {
        let page = page(head: [("IF", 0.83), ("TITULO", 0.97)], foot: [("D", 0.5), ("tödts", 0.24)])
        let picked = EdgeRereading.candidates(page)
        let words = picked.map { page.regions[$0.region].lines[$0.line].words[$0.word].text }
        // The well-read head word is left; the second row at the top (the body's first line, in
        // the outer fifth) gives only its first and last words; the third row is not read.
        #expect(words == ["IF", "palabra", "palabra", "D", "tödts"])
        #expect(picked.first?.kinds == [.word, .digits])
        #expect(picked.last?.kinds == [.word])
        #expect(picked.allSatisfy { $0.region != 1 || [0, 7].contains($0.word) && $0.line == 0 })
        // The crop holds the word's box with a margin.
        let box = page.regions[0].lines[0].words[0].box!
        #expect(picked[0].crop.left < box.left && picked[0].crop.right > box.right && picked[0].crop.top < box.top && picked[0].crop.bottom > box.bottom)
    }

    @Test func wordsOutsideTheOuterFifthAreNotReadAgain() {
        var page = page(head: [("IF", 0.5)], foot: [("D", 0.5)])
        page.regions[0].lines[0] = line([("IF", 0.5)], top: 500)  // a "head" at a quarter of the page
        page.regions[2].lines[0] = line([("D", 0.5)], top: 1500)
        page.regions[1].lines = []
        #expect(EdgeRereading.candidates(page).isEmpty)
    }

    @Test func aScannersBorderIsNoRow() {
        // A dark strip along the top read as spaces, and one down the right edge read as a letter:
        // neither takes the place of the head row.
        var page = page(head: [("IF", 0.83)], foot: [("D", 0.5)])
        let strip = Word(text: "  ", box: BoundingBox(x: 0, y: 0, width: 1000, height: 60), confidence: 0.95)
        let edge = Word(text: "I", box: BoundingBox(x: 960, y: 0, width: 40, height: 2000), confidence: 0.3)
        page.regions.insert(TextRegion(role: .paragraph, lines: [TextLine(words: [strip], box: strip.box), TextLine(words: [edge], box: edge.box)]), at: 0)
        let words = EdgeRereading.candidates(page).map { page.regions[$0.region].lines[$0.line].words[$0.word].text }
        #expect(words.first == "IF")
        #expect(!words.contains("I") && !words.contains("  "))
        #expect(words.filter { $0 == "palabra" }.count == 2)  // the second row: the body's first line
    }

    @Test func readingsBecomeAlternatesAndTheWordsTextStays() {
        let page = page(head: [("IF", 0.83)], foot: [("D", 0.5)])
        let head = EdgeRereading.candidates(page)[0]
        let result = EdgeRereading.attaching([head: [WordReading(text: "15", confidence: 0.9, kind: .digits)]], to: page)
        let word = result.regions[0].lines[0].words[0]
        #expect(word.text == "IF" && word.confidence == 0.83)
        #expect(word.alternates == [WordReading(text: "15", confidence: 0.9, kind: .digits)])
        #expect(result.words.filter { $0.alternates != nil }.count == 1)
        #expect(result.plainText == page.plainText)
    }
}
