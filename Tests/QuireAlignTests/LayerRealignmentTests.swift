import QuireCore
@testable import QuireAlign
import Testing

@Suite("Text layer realignment")
struct LayerRealignmentTests {
    /// Two OCR lines with read errors, as Tesseract gives them.
    let ocr = PageText(width: 1000, height: 400, regions: [
        TextRegion(role: .paragraph, lines: [
            TextLine(words: [
                Word(text: "Tbe", box: BoundingBox(x: 10, y: 10, width: 60, height: 30)),
                Word(text: "qnick", box: BoundingBox(x: 90, y: 10, width: 100, height: 30)),
                Word(text: "brown", box: BoundingBox(x: 210, y: 10, width: 110, height: 30)),
            ], box: BoundingBox(x: 10, y: 10, width: 310, height: 30)),
            TextLine(words: [
                Word(text: "fox", box: BoundingBox(x: 10, y: 60, width: 60, height: 30)),
                Word(text: "j", box: BoundingBox(x: 90, y: 60, width: 20, height: 30)),
                Word(text: "umps.", box: BoundingBox(x: 112, y: 60, width: 100, height: 30)),
            ], box: BoundingBox(x: 10, y: 60, width: 202, height: 30)),
        ]),
    ])

    @Test func correctedWordsTakeTheBoxesOfTheWordsTheyReplace() {
        let page = LayerRealignment.realign("The quick brown\nfox jumps.", onto: ocr)
        #expect(page.words.map(\.text) == ["The", "quick", "brown", "fox", "jumps."])
        #expect(page.words[0].box == BoundingBox(x: 10, y: 10, width: 60, height: 30))
        #expect(page.words[1].box == BoundingBox(x: 90, y: 10, width: 100, height: 30))
        #expect(page.regions[0].lines.count == 2)
        #expect(page.regions[0].lines[1].words.map(\.text) == ["fox", "jumps."])
    }

    @Test func wordsWithoutAnOCRCounterpartStayOnTheirLineWithoutABox() {
        let page = LayerRealignment.realign("The quick little brown fox jumps over.", onto: ocr)
        #expect(page.words.map(\.text) == ["The", "quick", "little", "brown", "fox", "jumps", "over."])
        let first = page.regions[0].lines[0].words
        #expect(first.map(\.text) == ["The", "quick", "little", "brown"])
        #expect(first[2].box == nil)  // placed by the layer between 'quick' and 'brown'
        #expect(page.regions[0].lines[1].words.last?.text == "over.")
    }

    @Test func withoutOCRTheWordsAreKeptWithoutBoxes() {
        let page = LayerRealignment.realign("Una línea", onto: PageText(width: 0, height: 0, regions: []))
        #expect(page.words.map(\.text) == ["Una", "línea"])
        #expect(page.words.allSatisfy { $0.box == nil })
    }
}
