import QuireCore
@testable import QuireWikitext
import Testing

/// Head and foot words read a second time on their own (``Word/alternates``): the folio,
/// catch-word and signature rules take a re-reading only where other evidence bears it out, and
/// the body always keeps the page's own reading.
@Suite("Furniture from re-read head and foot words")
struct RereadFurnitureTests {
    typealias F = FurnitureTests

    /// `word` with its box read again as `readings` (kind, text, confidence).
    static func reread(_ word: Word, _ readings: [(WordReading.Kind, String, Double)]) -> Word {
        var word = word
        word.alternates = readings.map { WordReading(text: $0.1, confidence: $0.2, kind: $0.0) }
        return word
    }

    static func page(header words: [Word]) -> PageText {
        PageBuilder.page(header: F.line(words), [PageBuilder.paragraph(F.body, indent: 3)])
    }

    @Test func aFolioMisreadAwayFromTheOtherPagesFoliosIsTheNumberItsReReadingAndTheSequenceAgreeOn() throws {
        // `2.` and `3.` at the right give page 3 the folio 4; its `IF` (83%) stands at the left,
        // where no other page prints one, and reads `4` when read again as digits.
        let misread = Self.reread(F.word("IF", x: 100, y: 40, confidence: 0.83), [(.word, "IF", 0.7), (.digits, "4", 0.91)])
        let pages = [PageBuilder.page(header: PageBuilder.headerRegion(right: "2."), [PageBuilder.paragraph(F.body, indent: 3)]),
                     PageBuilder.page(header: PageBuilder.headerRegion(right: "3."), [PageBuilder.paragraph(F.body, indent: 3)]),
                     Self.page(header: [misread])]
        let document = try Generate.run(.en, pages)
        #expect(document.pages[2].content.header == "{{rh|4||}}")
        #expect(document.pages[2].printedNumber?.value == 4)
        #expect(document.pages[2].content.body.hasPrefix("palabra"))
        // Tesseract's confidence in digits read alone says little: the sequence decides.
        let unsure = Self.reread(F.word("IF", x: 100, y: 40, confidence: 0.83), [(.digits, "4", 0.26)])
        #expect(try Generate.run(.en, Array(pages.prefix(2)) + [Self.page(header: [unsure])]).pages[2].printedNumber?.value == 4)
        // Read again as another number, it is not the folio.
        let other = Self.reread(F.word("IF", x: 100, y: 40, confidence: 0.83), [(.digits, "17", 0.91)])
        let kept = try Generate.run(.en, Array(pages.prefix(2)) + [Self.page(header: [other])])
        #expect(kept.pages[2].printedNumber == nil)
        #expect(!kept.pages[2].content.header.contains("4"))
        // A number the page read with confidence is as printed, whatever its re-reading says
        // (a roman `vi` among the prelims is not the arabic 4 the sequence gives).
        let roman = Self.reread(F.word("vi", x: 100, y: 40, confidence: 0.9), [(.digits, "4", 0.91)])
        let printed = try Generate.run(.en, Array(pages.prefix(2)) + [Self.page(header: [roman])])
        #expect(printed.pages[2].printedNumber?.value != 4)
        #expect(!printed.pages[2].content.header.contains("4"))
    }

    @Test func foliosTheOCRMisreadOnEveryPageAreFoundByTheirReReadings() throws {
        // No page's folio was read as a number; read again as digits they follow one another.
        let scraps = [("IF", "15"), ("De", "16"), ("Ir", "17")]
        let pages = scraps.map { scrap, digits in
            Self.page(header: [Self.reread(F.word(scrap, x: 870, y: 40, confidence: 0.6), [(.digits, digits, 0.88)])])
        }
        let document = try Generate.run(.en, pages)
        #expect(document.pages.map(\.content.header) == ["{{rh|||15}}", "{{rh|||16}}", "{{rh|||17}}"])
        #expect(document.pages.map(\.printedNumber?.value) == [15, 16, 17])
        // Readings with little confidence, or that do not follow one another, are not folios.
        let weak = scraps.map { scrap, digits in Self.page(header: [Self.reread(F.word(scrap, x: 870, y: 40, confidence: 0.6), [(.digits, digits, 0.3)])]) }
        #expect(try Generate.run(.en, weak).pages.allSatisfy { $0.printedNumber == nil })
        let scattered = zip(scraps, ["15", "40", "9"]).map { scrap, digits in
            Self.page(header: [Self.reread(F.word(scrap.0, x: 870, y: 40, confidence: 0.6), [(.digits, digits, 0.88)])])
        }
        #expect(try Generate.run(.en, scattered).pages.allSatisfy { $0.printedNumber == nil })
    }

    @Test func aCatchWordIsBorneOutByTheNextPageThroughItsReReading() throws {
        // `Edwin.` read `Editi` (60%); read again `Edwin.`, which the next page opens with.
        let catchWord = Self.reread(F.word("Editi", x: 840, y: 0, confidence: 0.6), [(.word, "Edwin.", 0.7)])
        let first = F.page(foot: [[catchWord]])
        let second = F.page(body: ["Edwin. página de prueba"] + F.body)
        let document = try Generate.run(.en, [first, second])
        #expect(document.pages[0].content.footer == "{{rh|||Edwin.}}")
        #expect(!document.pages[0].content.body.contains("Editi"))
        // A speck read before the word in the re-reading is left out.
        let specked = Self.reread(F.word("„SHi", x: 840, y: 0, confidence: 0.26), [(.word, ". Edwin,", 0.41)])
        let withSpeck = try Generate.run(.en, [F.page(foot: [[specked]]), second])
        #expect(withSpeck.pages[0].content.footer == "{{rh|||Edwin,}}")
        // A re-reading the next page does not bear out changes nothing.
        let unrelated = try Generate.run(.en, [first, F.page(body: ["Otra página de prueba"] + F.body)])
        #expect(!unrelated.pages[0].content.footer.contains("Edwin"))
    }

    @Test func aCatchWordReadAsDebrisIsKeptWhenItsReReadingIsConfident() throws {
        // `D4  ſo` with `ſo` read `o` at 43% (one letter with little confidence: debris), read
        // again `ſo` at 85%.
        let catchWord = Self.reread(F.word("o", x: 880, y: 0, confidence: 0.43), [(.word, "ſo", 0.85)])
        let document = try Generate.run(.en, [F.page(foot: [[F.word("D4", x: 480, y: 0), catchWord]]), F.page(body: ["ſo página de prueba"] + F.body)])
        #expect(document.pages[0].content.footer == "{{rh||D4|ſo}}")
        #expect(RunningHeaderDetector.furnitureReading(catchWord).text == "ſo")
        // Not confident enough, or not by enough more than the page's reading: the page's reading.
        #expect(RunningHeaderDetector.furnitureReading(Self.reread(catchWord, [(.word, "ſo", 0.45)])).text == "o")
        #expect(RunningHeaderDetector.furnitureReading(Self.reread(F.word("o", x: 880, y: 0, confidence: 0.7), [(.word, "ſo", 0.85)])).text == "o")
        #expect(RunningHeaderDetector.furnitureReading(Self.reread(catchWord, [(.digits, "50", 0.99)])).text == "o")
        // Nor is a number the page read replaced, nor a word by a re-reading of several words.
        #expect(RunningHeaderDetector.furnitureReading(Self.reread(F.word("-4—", x: 480, y: 0, confidence: 0.47), [(.word, "SS", 0.9)])).text == "-4—")
        #expect(RunningHeaderDetector.furnitureReading(Self.reread(catchWord, [(.word, "ſo 4", 0.9)])).text == "o")
    }

    @Test func theBodyKeepsThePagesOwnReadingOfAReReadWord() throws {
        // The last text line ends at the foot; its last word read again differently, with more
        // confidence: the body is the page's reading all the same.
        let last = Self.reread(F.word("texto.", x: 180, y: 0, confidence: 0.5), [(.word, "textos", 0.95)])
        let page = F.page(foot: [[F.word("Fin", x: 100, y: 0), F.word("del", x: 140, y: 0), last]], gap: 5)
        let document = try Generate.run(.en, [page])
        #expect(document.pages[0].content.body.contains("Fin del texto."))
        #expect(!document.pages[0].content.body.contains("textos"))
        #expect(document.pages[0].content.footer.isEmpty)
    }
}
