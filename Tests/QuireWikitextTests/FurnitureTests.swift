import QuireCore
@testable import QuireWikitext
import Testing

/// Page furniture on recorded text models: running heads, folios, signature marks, catch-words,
/// noise, and the licence on the main page.
@Suite("Page furniture")
struct FurnitureTests {
    static let body = PageBuilder.justified(String(repeating: "palabra de prueba para llenar la línea ", count: 12))

    /// A word with its box (the page builder's 10 px a character, 30 px a line).
    static func word(_ text: String, x: Int, y: Int, confidence: Double = 0.95, height: Int = 30) -> Word {
        Word(text: text, box: BoundingBox(x: x, y: y, width: max(1, text.count * 10), height: height), confidence: confidence)
    }

    /// A region of one line holding `words`.
    static func line(_ words: [Word]) -> TextRegion {
        let box = BoundingBox.union(of: words.compactMap(\.box))
        return TextRegion(role: .paragraph, lines: [TextLine(words: words, box: box)], box: box)
    }

    /// A page of body text with `foot` lines added below the text block, `gap` px under it.
    static func page(header: TextRegion? = nil, body: [String] = FurnitureTests.body, foot: [[Word]] = [], gap: Int = 60) -> PageText {
        var page = header.map { PageBuilder.page(header: $0, [PageBuilder.paragraph(body, indent: 3)]) } ?? PageBuilder.page([PageBuilder.paragraph(body, indent: 3)])
        let bottom = page.regions.compactMap(\.box?.bottom).max() ?? 0
        for (index, words) in foot.enumerated() {
            let y = bottom + gap + index * 40
            page.regions.append(line(words.map { Word(text: $0.text, box: $0.box.map { BoundingBox(x: $0.x, y: y, width: $0.width, height: $0.height) }, confidence: $0.confidence) }))
        }
        if !foot.isEmpty { page.height = (page.regions.compactMap(\.box?.bottom).max() ?? 0) + 100 }
        return page
    }

    // MARK: running heads

    @Test func alternatingVersoAndRectoHeadsOfAShortExcerptGoToTheHeader() throws {
        let pages = [
            PageBuilder.page(header: PageBuilder.headerRegion(left: "6", centre: "AUTHOR NAME"), [PageBuilder.paragraph(Self.body, indent: 3)]),
            PageBuilder.page(header: PageBuilder.headerRegion(centre: "THE TITLE", right: "7"), [PageBuilder.paragraph(Self.body, indent: 3)]),
        ]
        let document = try Generate.run(.en, pages)
        #expect(document.pages.map(\.content.header) == ["{{rh|6|AUTHOR NAME|}}", "{{rh||THE TITLE|7}}"])
        #expect(document.pages.allSatisfy { !$0.content.body.contains("AUTHOR") && !$0.content.body.contains("TITLE") })
        #expect(document.pages.map(\.printedNumber?.value) == [6, 7])
    }

    @Test func headsThatAreOnlyANumberInTheTypewritersStyleAreFolios() throws {
        // `I.`, `2.`, `3.` at the top right: the `I.` is a folio because the others agree with it.
        let pages = ["I.", "2.", "3."].map { PageBuilder.page(header: PageBuilder.headerRegion(right: $0), [PageBuilder.paragraph(Self.body, indent: 3)]) }
        let document = try Generate.run(.en, pages)
        #expect(document.pages.map(\.content.header) == ["{{rh|||I.}}", "{{rh|||2.}}", "{{rh|||3.}}"])
        #expect(document.pages.map(\.printedNumber?.value) == [1, 2, 3])
        #expect(document.pages.allSatisfy { $0.content.body.hasPrefix("palabra") })
    }

    @Test func aScrapWhereTheOtherPagesPrintTheirFolioIsAMisreadFolio() throws {
        // One other page prints its folio there: the scrap goes to the header as read.
        let pages = ["2.", "Se"].map { PageBuilder.page(header: PageBuilder.headerRegion(right: $0), [PageBuilder.paragraph(Self.body, indent: 3)]) }
        let document = try Generate.run(.en, pages)
        #expect(document.pages[1].content.header == "{{rh|||Se}}")
        #expect(document.pages[1].printedNumber == nil)
        #expect(document.pages[1].content.body.hasPrefix("palabra"))
    }

    @Test func aFolioMisreadWhereTheSequenceGivesANumberIsThatNumber() throws {
        // `2.`, `3.` on pages 1 and 2 give page 3 the folio 4: `Se` there is it misread, on
        // either side of the spread (the verso's `IF` at the left too).
        for (scrap, left) in [("Se", false), ("IF", true), ("9", false)] {  // `9` read with 29%
            var misread = left ? PageBuilder.headerRegion(left: scrap) : PageBuilder.headerRegion(right: scrap)
            if scrap == "9" { misread.lines[0].words[0].confidence = 0.29 }
            let headers = [PageBuilder.headerRegion(left: "2."), PageBuilder.headerRegion(right: "3."), misread]
            let document = try Generate.run(.en, headers.map { PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)]) })
            #expect(document.pages[2].content.header == (left ? "{{rh|4||}}" : "{{rh|||4}}"), "\(scrap)")
            #expect(document.pages[2].printedNumber?.value == 4)
            #expect(document.pages[2].content.body.hasPrefix("palabra"))
        }
        // A word of five letters or more there is no folio, and nothing is put in its place.
        let word = [PageBuilder.headerRegion(right: "2."), PageBuilder.headerRegion(right: "3."), PageBuilder.headerRegion(right: "Notas")]
        let kept = try Generate.run(.en, word.map { PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)]) })
        #expect(!kept.pages[2].content.header.contains("4"))
        #expect(kept.pages[2].printedNumber == nil)
    }

    @Test func aScrapLeftOutAsDebrisWhereTheFacingPageSetsItsFolioIsTheFolio() throws {
        // Versos print `10`, `12` at the top left; the recto between them has `y` read with 14%
        // at the top right, the mirror image of their place: the sequence's 11, not debris.
        func pages(_ scrap: TextRegion) -> [PageText] {
            [PageBuilder.headerRegion(left: "10"), scrap, PageBuilder.headerRegion(left: "12")].map { PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)]) }
        }
        var recto = PageBuilder.headerRegion(right: "y")
        recto.lines[0].words[0].confidence = 0.14
        let document = try Generate.run(.en, pages(recto))
        #expect(document.pages[1].content.header == "{{rh|||11}}")
        #expect(document.pages[1].printedNumber?.value == 11)
        #expect(document.pages[1].content.body.hasPrefix("palabra"))
        // In the middle of the head, where no page prints a folio, it stays debris.
        var centred = PageBuilder.headerRegion(centre: "y")
        centred.lines[0].words[0].confidence = 0.14
        let elsewhere = try Generate.run(.en, pages(centred))
        #expect(!elsewhere.pages[1].content.header.contains("11"))
        #expect(elsewhere.pages[1].printedNumber == nil)
    }

    @Test func aFolioReadWithLettersForDigitsIsTheNumberOneOtherFolioGivesIt() throws {
        // `ss` (55) on the recto before a verso's `56.`, at the mirror image of its place: the
        // one number read gives the page's offset, and the letters read as digits agree with it.
        let document = try Generate.run(.en, [PageBuilder.headerRegion(right: "ss"), PageBuilder.headerRegion(left: "56.")].map {
            PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)])
        })
        #expect(document.pages[0].content.header == "{{rh|||55}}")
        #expect(document.pages.map(\.printedNumber?.value) == [55, 56])
        #expect(document.pages[0].content.body.hasPrefix("palabra"))
        // Letters that read as another number are not a folio.
        let other = try Generate.run(.en, [PageBuilder.headerRegion(right: "sz"), PageBuilder.headerRegion(left: "56.")].map {
            PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)])
        })
        #expect(other.pages[0].printedNumber == nil)
        #expect(!other.pages[0].content.header.contains("5"))
    }

    @Test func aShortExcerptsOnlyFolioAndALetterReadForTheNextBearEachOtherOut() throws {
        // `vi` and `4` disagree, so neither was accepted; `S` at the mirror image of the `4`'s
        // place on the next page reads as 5: both are folios.
        let headers = [PageBuilder.headerRegion(left: "vi", centre: "PRÓLOGO"), PageBuilder.headerRegion(left: "4", centre: "DE MI TIERRA"),
                       PageBuilder.headerRegion(centre: "DE MI TIERRA", right: "S")]
        let document = try Generate.run(.en, headers.map { PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)]) })
        #expect(document.pages[2].content.header == "{{rh||DE MI TIERRA|5}}")
        #expect(document.pages.map(\.printedNumber?.value) == [nil, 4, 5])
        // The preface's `vi`, read with little confidence, is of another sequence: not made 1.
        var poorly = headers
        poorly[0].lines[0].words[0].confidence = 0.28
        let roman = try Generate.run(.en, poorly.map { PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)]) })
        #expect(roman.pages[0].content.header.hasPrefix("{{rh|vi|"))
    }

    @Test func lettersOCRPutsForDigitsReadAsANumber() {
        #expect(RunningHeaderDetector.lookalikeNumber("ss")?.value == 55)
        #expect(RunningHeaderDetector.lookalikeNumber("ıı")?.value == 11)
        #expect(RunningHeaderDetector.lookalikeNumber("I0.")?.value == 10)
        #expect(RunningHeaderDetector.lookalikeNumber("Se") == nil)
        #expect(RunningHeaderDetector.lookalikeNumber("") == nil)
    }

    @Test func importedCatchWordsAndSignatureMarksGoToTheFooter() throws {
        var page = PageBuilder.page([PageBuilder.paragraph(Self.body)])
        page.regions.append(TextRegion(role: .signatureMark, lines: [TextLine(words: [Word(text: "B"), Word(text: "2")])]))
        page.regions.append(TextRegion(role: .catchword, lines: [TextLine(words: [Word(text: "tiem-")])]))
        let document = try Generate.run(.en, [page])
        #expect(document.pages[0].content.footer == "{{rh|B 2||tiem-}}")
        #expect(!document.pages[0].content.body.contains("tiem-"))
    }

    @Test func aFolioTheOCRBarelyReadIsStillTheHead() throws {
        // `10` read with 16% confidence, alone at the top: not a stamp to look past.
        let header = Self.line([Self.word("10", x: 480, y: 40, confidence: 0.16)])
        let document = try Generate.run(.en, [PageBuilder.page(header: header, [PageBuilder.paragraph(Self.body, indent: 3)])])
        #expect(document.pages[0].content.header == "{{rh||10|}}")
        #expect(document.pages[0].content.body.hasPrefix("palabra"))
    }

    @Test func aHeadTheOCRBarelyReadIsAHeadWhenAnotherPageBearsItOut() throws {
        let read = Self.line([Self.word("Vorrede.", x: 460, y: 40)])
        let barely = Self.line([Self.word("Vorrede.", x: 460, y: 40, confidence: 0.05), Self.word("y", x: 560, y: 40, confidence: 0.14)])
        let pages = [read, barely, read].map { PageBuilder.page(header: $0, [PageBuilder.paragraph(Self.body, indent: 3)]) }
        let document = try Generate.run(.en, pages)
        #expect(document.pages.map(\.content.header) == Array(repeating: "{{rh||Vorrede.|}}", count: 3))
        #expect(document.pages.allSatisfy { $0.content.body.hasPrefix("palabra") })
        // A scrap read as poorly, with no folio beside it, is no head however often it recurs.
        let scrap = Self.line([Self.word("ee", x: 460, y: 40, confidence: 0.05)])
        let scraps = try Generate.run(.en, (1...3).map { _ in PageBuilder.page(header: scrap, [PageBuilder.paragraph(Self.body, indent: 3)]) })
        #expect(scraps.pages.allSatisfy { $0.content.header.isEmpty })
    }

    @Test func aSpeckThatReadsAsANumberIsNotPartOfTheHead() throws {
        // An ornament's speck read as `1` (8 px high, 25%) beside the folio `24`.
        let header = Self.line([Self.word("1", x: 300, y: 50, confidence: 0.25, height: 8), Self.word("24", x: 480, y: 40)])
        let document = try Generate.run(.en, [PageBuilder.page(header: header, [PageBuilder.paragraph(Self.body, indent: 3)])])
        #expect(document.pages[0].content.header == "{{rh||24|}}")
    }

    @Test func aTopLineOfDebrisOnlyIsNoise() throws {
        // `ey` read at 38% above the text, no head: neither header nor the body's first words.
        let debris = Self.line([Self.word("ey", x: 480, y: 40, confidence: 0.38)])
        let document = try Generate.run(.en, [PageBuilder.page(header: debris, [PageBuilder.paragraph(Self.body, indent: 3)])])
        #expect(document.pages[0].content.header.isEmpty)
        #expect(document.pages[0].content.body.hasPrefix("palabra"))
    }

    @Test func aLoneRomanNumeralWithAStopThatNoOtherPageAgreesWithIsAHeading() throws {
        let document = try Generate.run(.en, [PageBuilder.page(header: PageBuilder.headerRegion(centre: "I."), [PageBuilder.paragraph(Self.body, indent: 3)])])
        #expect(document.pages[0].content.header.isEmpty)
        #expect(document.pages[0].content.body.hasPrefix("{{center|I.}}"))
    }

    @Test func aDecoratedFolioInSeveralWordsIsANumber() throws {
        let pages = [PageBuilder.page(header: PageBuilder.headerRegion(centre: "— 13 —"), [PageBuilder.paragraph(Self.body, indent: 3)])]
        let document = try Generate.run(.en, pages)
        #expect(document.pages[0].content.header == "{{rh||— 13 —|}}")
        #expect(document.pages[0].printedNumber?.value == 13)
    }

    @Test func aShortDocumentsHeadIsFoundByItsTitle() throws {
        let pages = [PageBuilder.page(header: PageBuilder.headerRegion(centre: "DE MI TIERRA"), [PageBuilder.paragraph(Self.body, indent: 3)])]
        let titled = try Generate.run(.en, pages, document: Generate.document("De mi tierra"))
        #expect(titled.pages[0].content.header == "{{rh||DE MI TIERRA|}}")
        #expect(!titled.pages[0].content.body.contains("TIERRA"))
        // The same line in a document of another title is a heading of the body.
        let other = try Generate.run(.en, pages, document: Generate.document("Cuentos"))
        #expect(other.pages[0].content.header.isEmpty)
        #expect(other.pages[0].content.body.contains("DE MI TIERRA"))
    }

    @Test func aHeadWithAnOCRErrorStillRepeats() throws {
        let pages = ["HISTORIA DE LA REPUBLICA", "HISTORIA DE LA REPUBL1CA", "HISTORIA DE LA REPÚBLICA"].map {
            PageBuilder.page(header: PageBuilder.headerRegion(centre: $0), [PageBuilder.paragraph(Self.body, indent: 3)])
        }
        let document = try Generate.run(.en, pages)
        #expect(document.pages.allSatisfy { $0.content.header.contains("HISTORIA DE LA") && !$0.content.body.contains("HISTORIA") })
    }

    @Test func aChapterOpeningWithoutAHeadKeepsItsHeadingInTheBody() throws {
        var pages = [PageBuilder.page(header: PageBuilder.headerRegion(centre: "CAPÍTULO TERCERO"), [PageBuilder.paragraph(Self.body, indent: 3)])]
        for number in 8...9 {
            pages.append(PageBuilder.page(header: PageBuilder.headerRegion(centre: "HISTORIA DE CHILE", right: String(number)), [PageBuilder.paragraph(Self.body, indent: 3)]))
        }
        let document = try Generate.run(.en, pages, document: Generate.document("Historia de Chile"))
        #expect(document.pages[0].content.header.isEmpty)
        #expect(document.pages[0].content.body.hasPrefix("{{center|CAPÍTULO TERCERO}}"))
        #expect(document.pages.dropFirst().map(\.content.header) == ["{{rh||HISTORIA DE CHILE|8}}", "{{rh||HISTORIA DE CHILE|9}}"])
    }

    // MARK: foot of the page

    @Test func signatureMarkAndCatchWordGoToTheFooter() throws {
        let first = Self.page(foot: [[Self.word("B", x: 480, y: 0), Self.word("2", x: 500, y: 0), Self.word("Siguiente", x: 810, y: 0)]])
        let second = Self.page(body: ["Siguiente página de prueba"] + Self.body)
        let document = try Generate.run(.en, [first, second])
        #expect(document.pages[0].content.footer == "{{rh||B 2|Siguiente}}")
        #expect(!document.pages[0].content.body.contains("Siguiente") && !document.pages[0].content.body.contains("B 2"))
        #expect(document.pages[1].content.body.hasPrefix("Siguiente página"))
    }

    @Test func aWordSetCloseAfterASignatureMarkIsTheCatchWord() throws {
        // `D3 … tödts`: the next page's first word is misread (`gddtliche`), so only the
        // signature mark shows that `tödts` is the catch-word.
        let second = Self.page(body: ["gddtliche página de prueba"] + Self.body)
        for mark in [Self.word("D3", x: 760, y: 0), Self.word("D3", x: 480, y: 0)] {  // set close, or apart
            let first = Self.page(foot: [[mark, Self.word("tödts", x: 820, y: 0)]])
            let document = try Generate.run(.en, [first, second])
            #expect(document.pages[0].content.footer == (mark.box?.left == 760 ? "{{rh|||D3 tödts}}" : "{{rh||D3|tödts}}"))
            #expect(!document.pages[0].content.body.contains("D3") && !document.pages[0].content.body.contains("tödts"))
        }
    }

    @Test func aSignatureMarkReadWithLittleConfidenceStaysInTheFooter() throws {
        let first = Self.page(foot: [[Self.word("D3", x: 480, y: 0, confidence: 0.16), Self.word("Siguiente", x: 810, y: 0)]])
        let second = Self.page(body: ["Siguiente página de prueba"] + Self.body)
        let document = try Generate.run(.en, [first, second])
        #expect(document.pages[0].content.footer == "{{rh||D3|Siguiente}}")
    }

    @Test func aCatchWordOnTheLastTextLineLeavesTheLineInTheBody() throws {
        let first = Self.page(foot: [[Self.word("Fin", x: 100, y: 0), Self.word("del", x: 140, y: 0), Self.word("texto.", x: 180, y: 0), Self.word("Otra", x: 860, y: 0)]])
        let second = Self.page(body: ["Otra página de prueba"] + Self.body)
        let document = try Generate.run(.en, [first, second])
        #expect(document.pages[0].content.footer == "{{rh|||Otra}}")
        #expect(document.pages[0].content.body.contains("Fin del texto.") && !document.pages[0].content.body.contains("Otra"))
    }

    @Test func aCatchWordUnderTextThatEndsEarlyIsFurnitureOnlyWhenTheNextPageBearsItOut() throws {
        // The text ends half-way down the page; the catch-word `An-` sits under it at the right.
        let short = Array(Self.body.prefix(3))
        let first = Self.page(body: short, foot: [[Self.word("An-", x: 870, y: 0)]], gap: 10)
        var tall = first
        tall.height = 1400
        let bornOut = try Generate.run(.en, [tall, Self.page(body: ["ANNOTATIONES"] + Self.body)])
        #expect(bornOut.pages[0].content.footer == "{{rh|||An-}}")
        #expect(!bornOut.pages[1].content.body.contains("{{hwe"))
        let notBornOut = try Generate.run(.en, [tall, Self.page(body: ["OTRA COSA"] + Self.body)])
        #expect(notBornOut.pages[0].content.footer.isEmpty)
    }

    @Test func aSpeakersNameOpeningTwoPagesTightToTheTextIsNotAHead() throws {
        let pages = (1...2).map { _ in PageBuilder.page([PageBuilder.paragraph(["HAMLET."] + Self.body)]) }
        let document = try Generate.run(.en, pages)
        #expect(document.pages.allSatisfy { $0.content.header.isEmpty && $0.content.body.hasPrefix("HAMLET.") })
    }

    @Test func signatureMarks() {
        for mark in ["B", "D 3", "D3", "A a 2", "A iij", "* 4", "*4", "b", "Aa", "A 13ij", "B 1v"] { #expect(PageMarks.isSignature(mark), "\(mark)") }
        for text in ["FIN", "palabra", "El Autor", "3", "", "Madrid 4", "A 123", "A 13ijv", "13ij"] { #expect(!PageMarks.isSignature(text), "\(text)") }
    }

    @Test func catchWordsRepeatTheNextPagesFirstWordAsOCRAndPrintersLeaveIt() {
        #expect(PageMarks.repeats("Akinſon.", nextFirstWord: "Akinſ."))  // a speaker's name shortened
        #expect(PageMarks.repeats("Akinſon.", nextFirstWord: "Afinſ:"))  // … and misread
        #expect(!PageMarks.repeats("Akinſon.", nextFirstWord: "Akinſ"))  // no stop: not shortened
        #expect(!PageMarks.repeats("Akinſon.", nextFirstWord: "Ak."))  // too short to tell
        #expect(PageMarks.repeats("wortet/", nextFirstWord: "wvortet/vnd"))  // a letter read in too many
        #expect(!PageMarks.repeats("wortet", nextFirstWord: "Antwort"))
    }

    @Test func aSignatureMarkWithItsLeafNumberMisreadAndTheCatchWordGoToTheFooter() throws {
        // `A iij` read `A 13ij`, the catch-word `wortet?` read with no confidence.
        let first = Self.page(foot: [[Self.word("A", x: 480, y: 0, confidence: 0.83), Self.word("13ij", x: 500, y: 0, confidence: 0.32), Self.word("wortet?", x: 830, y: 0, confidence: 0)]])
        let second = Self.page(body: ["gebraucht página de prueba"] + Self.body)
        let document = try Generate.run(.en, [first, second])
        #expect(document.pages[0].content.footer == "{{rh||A 13ij|wortet?}}")
        #expect(!document.pages[0].content.body.contains("13ij") && !document.pages[0].content.body.contains("wortet"))
    }

    @Test func aCatchWordTheOCRBarelyReadIsFurnitureWhenTheNextPageBearsItOut() throws {
        // `Akinſon.` read at 19% (passed over as a stamp); the next page opens `Akinſ.`.
        let first = Self.page(foot: [[Self.word("Akinſon,", x: 820, y: 0, confidence: 0.19)]])
        let bornOut = try Generate.run(.en, [first, Self.page(body: ["Akinſ. página de prueba"] + Self.body)])
        #expect(bornOut.pages[0].content.footer == "{{rh|||Akinſon,}}")
        #expect(!bornOut.pages[0].content.body.contains("Akinſon"))
        let notBornOut = try Generate.run(.en, [first, Self.page(body: ["Otra página de prueba"] + Self.body)])
        #expect(notBornOut.pages[0].content.footer.isEmpty)
    }

    @Test func dashesReadAsLettersBesideAFolioAreLeftOut() throws {
        // `— 14 —` read `5 14 meme`: the dashes are flat, read with little confidence.
        let header = Self.line([Self.word("5", x: 420, y: 50, confidence: 0.22, height: 8), Self.word("14", x: 480, y: 40), Self.word("meme", x: 520, y: 50, confidence: 0.03, height: 6)])
        let document = try Generate.run(.en, [PageBuilder.page(header: header, [PageBuilder.paragraph(Self.body, indent: 3)])])
        #expect(document.pages[0].content.header == "{{rh||14|}}")
        #expect(document.pages[0].content.body.hasPrefix("palabra"))
        // A word read with confidence stays, however small.
        let small = Self.line([Self.word("vi", x: 420, y: 50, height: 8), Self.word("14", x: 480, y: 40)])
        let kept = try Generate.run(.en, [PageBuilder.page(header: small, [PageBuilder.paragraph(Self.body, indent: 3)])])
        #expect(kept.pages[0].content.header.contains("vi") || kept.pages[0].content.body.contains("vi"))
    }

    @Test func aLoneFolioAtTheFootIsNeverPartOfACrossPageWord() throws {
        // Page 1 ends `encare-` with the folio `4` under it; page 2 goes on with `cimiento`.
        var firstBody = Self.body
        firstBody[firstBody.count - 1] = "la hora del recuerdo cariñoso y melancólico, la del encare-"
        let first = Self.page(body: firstBody, foot: [[Self.word("4", x: 495, y: 0)]])
        let second = Self.page(body: ["cimiento entusiasta, y también la del juicio sereno"] + Self.body)
        let document = try Generate.run(.en, [first, second])
        #expect(document.pages[0].content.footer == "{{rh||4|}}")
        #expect(document.pages[0].content.body.hasSuffix("{{hws|encare|encarecimiento}}"))
        #expect(document.pages[1].content.body.hasPrefix("{{hwe|cimiento|encarecimiento}}"))
    }

    @Test func aNumberNeverCompletesAWordBegunInLetters() throws {
        // The folio missed (set in a text line): `encare-` and `4` are not one word.
        var firstBody = Self.body
        firstBody[firstBody.count - 1] = "la hora del recuerdo cariñoso y melancólico, la del encare-"
        let second = Self.page(body: ["4 cimiento entusiasta, y también la del juicio sereno"] + Self.body)
        let document = try Generate.run(.en, [Self.page(body: firstBody), second])
        #expect(!document.pages[0].content.body.contains("{{hws"))
        #expect(!document.pages[1].content.body.contains("{{hwe"))
    }

    // MARK: noise

    @Test func specksAndStreaksAreDroppedButRealShortLinesStay() throws {
        var page = Self.page()
        let bottom = page.regions.compactMap(\.box?.bottom).max() ?? 0
        // A speck read as two letters, alone in the margin; a streak read sideways; both unsure.
        page.regions.insert(Self.line([Self.word("ey", x: 700, y: 20, confidence: 0.38)]), at: 0)
        page.regions.append(Self.line([Self.word("Kr", x: 880, y: bottom + 40, confidence: 0.3, height: 200)]))
        // A real heading `I.` and a numbered item `8.`, read with confidence.
        page.regions.insert(Self.line([Self.word("I.", x: 490, y: 60)]), at: 1)
        page.regions.append(Self.line([Self.word("8.", x: 100, y: bottom + 300)]))
        page.height = bottom + 500
        let document = try Generate.run(.en, [page])
        let body = document.pages[0].content.body
        #expect(!body.contains("ey") && !body.contains("Kr"))
        #expect(body.contains("I.") && body.contains("8."))
    }

    // MARK: licence

    @Test func theMainPageCarriesTheEnginesLicenceInTheProfilesPlace() throws {
        let pages = [PageBuilder.page([PageBuilder.paragraph(Self.body)])]
        let english = try Generate.run(.en, pages, options: GenerationOptions(licenceTemplates: ["PD-old-70", "PD-1996|country=ES"]))
        #expect(english.mainPages.map(\.wikitext) == [
            "{{header|title=Libro|author=|previous=|next=}}\n{{PD-old-70}}\n{{PD-1996|country=ES}}\n<pages index=\"Libro.pdf\" from=1 to=1 />",
        ])
        #expect(english.mainPages.allSatisfy { $0.flags.isEmpty })
        let spanish = try Generate.run(.es, pages, options: GenerationOptions(licenceTemplates: ["PD-old-70"]))
        #expect(spanish.mainPages.map(\.wikitext) == ["<pages index=\"Libro.pdf\" from=1 to=1 />\n{{PD-old-70}}"])
    }

    @Test func aVerdictWithoutATemplateFlagsTheMainPage() throws {
        let pages = [PageBuilder.page([PageBuilder.paragraph(Self.body)])]
        let none = try Generate.run(.en, pages, options: GenerationOptions(licenceTemplates: []))
        #expect(none.mainPages.allSatisfy { $0.flags == [.missingLicence] && !$0.wikitext.contains("PD") })
        #expect(none.manifest.last?.flags == ["missing_licence"])
        let unknown = try Generate.run(.en, pages)
        #expect(unknown.mainPages.allSatisfy { $0.flags.isEmpty })
    }

    @Test("folio readings", arguments: [
        ("2.", [2]), ("I0.", [10]), ("II.", [2, 11]), ("8,", [8]), ("xii", [12]), ("palabra", []), ("I.", [1]),
    ])
    func readings(text: String, values: [Int]) {
        #expect(Set(PrintedPageNumber.readings(text).map(\.value)) == Set(values))
    }
}

/// Words cut into punctuation and core on their bytes when they are ASCII, as on their
/// characters otherwise: both ways give the same parts.
@Suite("Word parts")
struct WordPartsTests {
    @Test("ASCII words cut as characters would cut them", arguments: [
        "bi-", "(1914)", "...", "", "a", "\"Hola,\"", "--x--", "don't", "A1b2", "\r\n", "`~!@", "ab\u{7F}",
    ])
    func asciiMatchesCharacters(word: String) {
        let parts = WordParts(word)
        let chars = Array(word)
        let isWordChar: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        if let first = chars.firstIndex(where: isWordChar), let last = chars.lastIndex(where: isWordChar) {
            #expect([parts.prefix, parts.core, parts.suffix] == [String(chars[..<first]), String(chars[first...last]), String(chars[(last + 1)...])])
        } else {
            #expect([parts.prefix, parts.core, parts.suffix] == [word, "", ""])
        }
    }

    @Test func otherWordsKeepTheirMarks() {
        let marked = WordParts("«¿bi-"), accented = WordParts("e\u{301}l,")
        #expect([marked.prefix, marked.core, marked.suffix] == ["«¿", "bi", "-"])
        #expect([accented.prefix, accented.core, accented.suffix] == ["", "e\u{301}l", ","])
    }
}
