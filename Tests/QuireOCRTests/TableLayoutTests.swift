import QuireCore
@testable import QuireOCR
import Testing

/// The table rule on small synthetic PSM 3 results: rows across columns, or running text.
struct TableLayoutTests {
    /// One line at row `row` (40 px apart), from `left` to `right`.
    func line(_ text: String, row: Int, left: Int, right: Int) -> TextLine {
        let box = BoundingBox(left: left, top: 100 + row * 40, right: right, bottom: 130 + row * 40)
        return TextLine(words: text.split(separator: " ").map { Word(text: String($0), box: box) }, box: box)
    }

    func region(_ lines: [TextLine]) -> TextRegion { TextRegion(role: .paragraph, lines: lines) }

    func page(_ regions: [TextRegion]) -> PageText { PageText(width: 1500, height: 2200, regions: regions) }

    /// A catalogue page as PSM 3 cuts it: numbers, titles and prices in three column blocks.
    func catalogue(rows: Int) -> PageText {
        page([
            region((0..<rows).map { line("\(112 + $0).", row: $0, left: 230, right: 300) }),
            region((0..<rows).map { line("Strasse in Venedig", row: $0, left: 320, right: 700) }),
            region((0..<rows).map { line("\(200 + 25 * $0). —", row: $0, left: 1150, right: 1280) }),
        ])
    }

    @Test func catalogueColumnsAreRows() {
        #expect(TableLayout.readsAsRows(catalogue(rows: 12)))
    }

    @Test func aShortListIsNotATable() {
        #expect(!TableLayout.readsAsRows(catalogue(rows: 3)))
    }

    @Test func runningTextWithAPageNumberIsNotATable() {
        let text = region((1..<30).map { line("und so weiter mit dem Text der Seite", row: $0, left: 200, right: 1300) })
        #expect(!TableLayout.readsAsRows(page([region([line("— 10 —", row: 0, left: 650, right: 850)]), text])))
    }

    @Test func twoColumnsOfTextAreNotATable() {
        let left = region((0..<30).map { line("the left column of text", row: $0, left: 100, right: 700) })
        let right = region((0..<30).map { line("the right column of text", row: $0, left: 800, right: 1400) })
        #expect(!TableLayout.readsAsRows(page([left, right])))
    }

    @Test func numbersWithNoTextBesideThemAreNotATable() {
        let numbers = region((0..<12).map { line("\($0 * 5).", row: $0 * 2, left: 100, right: 160) })
        let text = region((0..<12).map { line("a line of verse between the numbers", row: $0 * 2 + 1, left: 200, right: 1300) })
        #expect(!TableLayout.readsAsRows(page([numbers, text])))
    }

    @Test("number-only lines", arguments: [("112.", true), ("220. —", true), ("1,50", true), ("— 10 —", true), ("Fr. 600. —", false), ("—", false), ("12a", false)])
    func numberOnly(text: String, expected: Bool) {
        #expect(TableLayout.isNumberOnly(line(text, row: 0, left: 0, right: 100)) == expected)
    }
}
