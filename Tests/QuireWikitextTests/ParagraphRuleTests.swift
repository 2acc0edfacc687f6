import QuireCore
@testable import QuireWikitext
import Testing

/// The paragraph rule's use of lines that end short of the right margin.
struct ParagraphRuleTests {
    /// A line of `text` from `left` to `right` at row `row` (40 px a row, 30 px high).
    func line(_ text: String, left: Int, right: Int, row: Int) -> TextLine {
        let box = BoundingBox(left: left, top: 100 + row * 40, right: right, bottom: 130 + row * 40)
        return TextLine(words: text.split(separator: " ").map { Word(text: String($0), box: box) }, box: box)
    }

    let frame = TextFrame(left: 100, right: 1000, lineHeight: 30)

    func texts(_ lines: [TextLine]) -> [[String]] {
        ParagraphBuilder.paragraphs(lines, frame: frame, pageWidth: 1100).map { $0.map(\.text) }
    }

    @Test func whereMostLinesEndShortAnIndentedLineNeedsTheSentenceToEnd() {
        // A play in verse: speeches start at the margin with the speaker's name; a speech's
        // second verse is indented. Every line ends short, so only a full stop ends a speech.
        let play = [
            line("Pedrillo. Ihr müßt hier ja behutsam schweigen,", left: 100, right: 820, row: 0),
            line("Und Eifer und Gewandheit zeigen.", left: 200, right: 560, row: 1),
            line("Matrosen. Laßt uns nur machen!", left: 100, right: 600, row: 2),
            line("Es wird schon gehn.", left: 200, right: 420, row: 3),
            line("Akinson. Gott! laß sie nicht den Zweck erreichen,", left: 100, right: 860, row: 4),
            line("Und laß der Unschuld nichts geschehn!", left: 200, right: 600, row: 5),
        ]
        #expect(ParagraphRule.shortEndsAreUsual(play, frame: frame))
        let paragraphs = texts(play)
        let together = { (a: Int, b: Int) in paragraphs.contains { $0.contains(play[a].text) && $0.contains(play[b].text) } }
        #expect(together(0, 1), "\(paragraphs)")
        #expect(together(4, 5), "\(paragraphs)")
        // After a full stop the indented line does start one (`machen!` … `Es wird`).
        #expect(paragraphs.contains { $0.first == play[3].text }, "\(paragraphs)")
    }

    @Test func inProseALineEndingShortBeforeAnIndentStillEndsTheParagraph() {
        // Justified prose: the paragraph's last line ends short (without a full stop, the OCR
        // lost it), and the next one is indented.
        let prose = [
            line("a line of justified prose that runs to the right margin", left: 100, right: 1000, row: 0),
            line("and another one that also runs to the right margin", left: 100, right: 1000, row: 1),
            line("and the last line of the paragraph", left: 100, right: 600, row: 2),
            line("A new paragraph starts indented and runs on to the margin", left: 160, right: 1000, row: 3),
            line("and ends on this line that runs to the right margin too", left: 100, right: 1000, row: 4),
        ]
        #expect(!ParagraphRule.shortEndsAreUsual(prose, frame: frame))
        #expect(texts(prose).map(\.count) == [3, 2])
    }
}
