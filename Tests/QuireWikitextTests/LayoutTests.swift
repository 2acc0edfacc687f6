import QuireCore
import QuireWikitext
import Testing

@Suite("Printed page numbers and <pagelist>")
struct PageListTests {
    @Test("printed numbers", arguments: [
        ("12", 12, PrintedPageNumber.Style.arabic), ("xii", 12, .romanLower), ("XII", 12, .romanUpper),
        ("- 7 -", 7, .arabic), ("[3]", 3, .arabic), ("(iv)", 4, .romanLower), ("— 3 —", 3, .arabic),
        ("MMXXVI", 2026, .romanUpper), ("i", 1, .romanLower),
    ])
    func parses(text: String, value: Int, style: PrintedPageNumber.Style) {
        #expect(PrintedPageNumber(text) == PrintedPageNumber(value: value, style: style))
    }

    @Test("not printed numbers", arguments: ["IIII", "VX", "Iv", "12.", "0", "123456", "", "s:", "I.", "a", "1a"])
    func rejects(text: String) {
        #expect(PrintedPageNumber(text) == nil)
    }

    @Test func romanNumeralsRoundTrip() {
        for value in 1...3999 {
            let roman = PrintedPageNumber.roman(value)
            #expect(roman.flatMap(PrintedPageNumber.romanValue) == value)
        }
        #expect(PrintedPageNumber.roman(0) == nil && PrintedPageNumber.roman(4000) == nil)
        #expect(PrintedPageNumber(value: 14, style: .romanLower)?.text == "xiv")
        #expect(PrintedPageNumber(value: 14, style: .romanUpper)?.displayMode == "highroman")
    }

    static func numbers(_ pairs: [(Int, Int, PrintedPageNumber.Style)]) -> [PageNumber: PrintedPageNumber] {
        var out: [PageNumber: PrintedPageNumber] = [:]
        for (page, value, style) in pairs {
            if let number = PageNumber(page), let printed = PrintedPageNumber(value: value, style: style) { out[number] = printed }
        }
        return out
    }

    @Test("pagelists", arguments: [
        ([(2, 1, PrintedPageNumber.Style.arabic), (3, 2, .arabic), (4, 3, .arabic)], 4, "<pagelist 1=– 2=1 />"),
        ([(1, 1, .arabic), (2, 2, .arabic)], 5, "<pagelist />"),
        ([], 5, "<pagelist />"),
        ([(3, 1, .romanLower), (4, 2, .romanLower), (6, 4, .romanLower), (8, 1, .arabic), (9, 2, .arabic)], 10,
         "<pagelist 1to2=– 3=1 3to7=roman 8=1 />"),
        ([(10, 8, .arabic), (12, 9, .arabic), (13, 10, .arabic)], 13, "<pagelist 1to9=– 10=8 11=– 12=9 />"),
        ([(2, 2, .romanUpper), (3, 3, .romanUpper), (5, 1, .arabic), (6, 2, .arabic)], 6, "<pagelist 1=– 2to4=highroman 5=1 />"),
    ])
    func pagelist(pairs: [(Int, Int, PrintedPageNumber.Style)], count: Int, expected: String) {
        #expect(PageListBuilder.pagelist(numbers: Self.numbers(pairs), pageCount: count, unnumberedLabel: "–") == expected)
    }
}

@Suite("Running headers across the document")
struct RunningHeaderTests {
    static let body = PageBuilder.justified(String(repeating: "palabra de prueba para llenar la línea ", count: 12))

    /// Five pages: page 1 a title page, pages 2–5 numbered 1–4 with the title centred and the
    /// number alternately right and left, as OCR gives it (untagged).
    static func book(misread: String? = nil) -> [PageText] {
        var pages = [PageBuilder.page([PageBuilder.region(.paragraph, ["TÍTULO DEL LIBRO"], centred: true), PageBuilder.paragraph(["Un autor"])])]
        for printed in 1...4 {
            let number = printed == 3 ? (misread ?? "3") : String(printed)
            let header = printed.isMultiple(of: 2)
                ? PageBuilder.headerRegion(left: number, centre: "HISTORIA DE CHILE")
                : PageBuilder.headerRegion(centre: "HISTORIA DE CHILE", right: number)
            pages.append(PageBuilder.page(header: header, [PageBuilder.paragraph(body, indent: 3)]))
        }
        return pages
    }

    @Test func headersAndNumbersFoundByPositionAndRepetition() throws {
        let document = try Generate.run(.en, Self.book())
        #expect(document.pages.map(\.content.header) == [
            "", "{{rh||HISTORIA DE CHILE|1}}", "{{rh|2|HISTORIA DE CHILE|}}", "{{rh||HISTORIA DE CHILE|3}}", "{{rh|4|HISTORIA DE CHILE|}}",
        ])
        #expect(document.pages.allSatisfy { !$0.content.body.contains("HISTORIA") })
        #expect(document.pages.first?.content.body.hasPrefix("{{center|TÍTULO DEL LIBRO}}") == true)
        #expect(document.index.fields.first { $0.key == "Pages" }?.value == "<pagelist 1=– 2=1 />")
    }

    @Test func aMisreadFolioIsTheNumberTheSequenceGivesIt() throws {
        let document = try Generate.run(.it, Self.book(misread: "s:"))
        #expect(document.pages[3].content.header == "{{RigaIntestazione||HISTORIA DE CHILE|3}}")
        #expect(document.pages.map(\.printedNumber?.value) == [nil, 1, 2, 3, 4])
        #expect(document.index.fields.first { $0.key == "Pagine" }?.value == "<pagelist 1=– 2=1 />")
    }

    @Test func aFolioOutOfSequenceIsNotCounted() throws {
        let document = try Generate.run(.es, Self.book(misread: "9"))
        #expect(document.pages[3].content.header == "HISTORIA DE CHILE 9")
        #expect(document.pages[3].printedNumber == nil)
        #expect(document.index.fields.first { $0.key == "Pages" }?.value == "<pagelist 1=– 2=1 />")
    }

    @Test func importedRolesAreTakenAsTheyAre() throws {
        var page = PageBuilder.page([PageBuilder.paragraph(Self.body)])
        page.regions.insert(TextRegion(role: .runningHeader, lines: [TextLine(words: [Word(text: "CAPÍTULO"), Word(text: "PRIMERO")])]), at: 0)
        page.regions.append(TextRegion(role: .pageNumber, lines: [TextLine(words: [Word(text: "vii")])], box: BoundingBox(x: 480, y: 1300, width: 30, height: 30)))
        let document = try Generate.run(.fr, [page])
        #expect(document.pages[0].content.header == "{{nr||CAPÍTULO PRIMERO|}}")
        #expect(document.pages[0].content.footer == "{{nr||vii|}}")
        #expect(document.pages[0].printedNumber == PrintedPageNumber(value: 7, style: .romanLower))
        #expect(document.index.fields.first { $0.key == "Pages" }?.value == "<pagelist 1=7;roman />")
    }

    @Test func aCentredFolioAtTheFootIsARunningFooter() throws {
        let pages = (1...3).map { n -> PageText in
            var page = PageBuilder.page([PageBuilder.paragraph(Self.body, indent: 3)])
            let y = (page.regions.last?.box?.bottom ?? 0) + 80
            let folio = Word(text: String(n + 10), box: BoundingBox(x: 490, y: y, width: 20, height: 30), confidence: 0.9)
            page.regions.append(TextRegion(role: .paragraph, lines: [TextLine(words: [folio], box: folio.box)], box: folio.box))
            page.height = y + 100
            return page
        }
        let document = try Generate.run(.en, pages)
        #expect(document.pages.map(\.content.footer) == ["{{rh||11|}}", "{{rh||12|}}", "{{rh||13|}}"])
        #expect(document.pages.allSatisfy { !$0.content.body.hasSuffix("1") && !$0.content.body.contains(" 12") })
        #expect(document.index.fields.first { $0.key == "Pages" }?.value == "<pagelist 1=11 />")
    }

    @Test func aHeadingAtTheTopThatDoesNotRepeatIsBody() throws {
        let pages = [
            PageBuilder.page(header: PageBuilder.headerRegion(centre: "CAPÍTULO I"), [PageBuilder.paragraph(Self.body, indent: 3)]),
            PageBuilder.page(header: PageBuilder.headerRegion(centre: "CAPÍTULO II"), [PageBuilder.paragraph(Self.body, indent: 3)]),
        ]
        let document = try Generate.run(.es, pages)
        #expect(document.pages.allSatisfy { $0.content.header.isEmpty })
        #expect(document.pages[0].content.body.hasPrefix("<div style=\"text-align:center;\">CAPÍTULO I</div>\n\n"))
    }
}
