import QuireCore
import QuireWikitext
import Testing

/// Footnotes found by two of a note block's signs (a marker, smaller type, a wide gap above), on
/// untagged pages without a rule, where the body's marker is missing or misread.
@Suite("Footnotes found by their signs")
struct FootnoteSignTests {
    static let bodyLines = ["Primera línea del texto corrido de la página", "que sigue con otra línea más del discurso", "y otra más para que haya cuerpo bastante", "hasta el final de esta página impresa."]

    /// A page of `body` lines (50 px high, 60 px pitch, x 300–1400), then, `gap` px below the
    /// last body line's top, `foot` lines of `height` px at `pitch`, starting at x `footLeft`.
    static func page(body: [String] = bodyLines, foot: [String], gap: Int, height: Int, pitch: Int, footLeft: Int = 300) -> PageText {
        func line(_ text: String, x: Int, y: Int, height: Int) -> TextLine {
            let words = text.split(separator: " ").enumerated().map { index, word in
                Word(text: String(word), box: BoundingBox(x: x + index * 90, y: y, width: 80, height: height), confidence: 0.95)
            }
            return TextLine(words: words, box: BoundingBox(x: x, y: y, width: 1100, height: height))
        }
        let top = 1500
        let bodyLines = body.enumerated().map { line($1, x: 300, y: top + $0 * 60, height: 50) }
        let footTop = top + (body.count - 1) * 60 + gap
        let footLines = foot.enumerated().map { line($1, x: footLeft, y: footTop + $0 * pitch, height: height) }
        return PageText(width: 1748, height: 2480, dpi: 300, regions: [
            TextRegion(role: .paragraph, lines: bodyLines, box: BoundingBox.union(of: bodyLines.compactMap(\.box))),
            TextRegion(role: .paragraph, lines: footLines, box: BoundingBox.union(of: footLines.compactMap(\.box))),
        ])
    }

    @Test func aMarkedNoteBelowAGapIsANoteEvenInBodyType() throws {
        // `†` starts the block, a gap of three pitches above it; the body's `†` was not read.
        let page = Self.page(foot: ["† Nota del editor sobre", "el discurso."], gap: 180, height: 50, pitch: 60)
        let generated = try #require(try Generate.run(.es, [page]).pages.first)
        #expect(generated.content.body.hasPrefix("<ref>Nota del editor sobre el discurso.</ref>"))
        #expect(generated.wikitextFlags.contains(.unmatchedFootnote))
        #expect(generated.content.level == .problematic)
    }

    @Test func aSmallBlockBelowAGapWithoutMarkerContinuesThePreviousPagesNote() throws {
        let first = Self.page(body: Self.bodyLines.dropLast() + ["con una nota* al pie."], foot: ["* Nota larga que empieza", "aquí y sigue en la"], gap: 180, height: 40, pitch: 48)
        let second = Self.page(foot: ["página siguiente, donde", "termina la nota."], gap: 180, height: 40, pitch: 48)
        let generated = try Generate.run(.en, [first, second])
        let body = generated.pages[1].content.body
        #expect(body.hasPrefix("<ref follow=\"p1n1\">página siguiente, donde termina la nota.</ref>"))
        #expect(!body.contains("\n\npágina"))
        #expect(!generated.pages[1].wikitextFlags.contains(.unmatchedFootnote))
    }

    @Test func aSmallBlockSetCloseBelowTheBodyStaysText() throws {
        // Smaller type alone (no marker, no gap) is a quotation, not a note.
        let page = Self.page(foot: ["una cita en letra menor", "que sigue al texto."], gap: 60, height: 40, pitch: 48)
        let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
        #expect(!body.contains("<ref"))
        #expect(body.contains("una cita en letra menor"))
    }

    @Test func theNextItemOfANumberedListInSmallerTypeStaysText() throws {
        // A catalogue read in rows: `11.` below a gap, in smaller type, goes on from the body's
        // `10.`; smaller type and a plain number would otherwise make it a note.
        let body = ["9. Ein Schulausflug im Schwarzwald 1250.", "Jean Meunier, in Brüssel.", "10. Fischer am Skagerrak 1000.", "Karl Weber, in Basel."]
        let page = Self.page(body: body, foot: ["11. Auf einer holländischen Messe", "2500."], gap: 180, height: 40, pitch: 48)
        let generated = try #require(try Generate.run(.de, [page]).pages.first)
        #expect(!generated.content.body.contains("<ref"))
        #expect(generated.content.body.contains("11. Auf einer holländischen Messe"))
        #expect(!generated.wikitextFlags.contains(.unmatchedFootnote))
    }

    @Test func aNumberedParagraphBelowAGapStaysText() throws {
        // A plain number and a gap, in the body's type: a numbered paragraph.
        let page = Self.page(foot: ["2. Segundo punto del", "programa de gobierno."], gap: 180, height: 50, pitch: 60)
        let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
        #expect(!body.contains("<ref"))
    }

    @Test func aLoneSmallLineOrALineOutsideTheColumnStaysText() throws {
        // One small line at the foot (a catchword, an imprint), and a small two-line block that
        // reaches left of the text's column (a printout's source line).
        let lone = Self.page(foot: ["Imprenta Nacional"], gap: 180, height: 40, pitch: 48)
        let outside = Self.page(foot: ["Fuente: http://ejemplo.org/texto", "Curso de literatura"], gap: 180, height: 40, pitch: 48, footLeft: 120)
        for page in [lone, outside] {
            let body = try #require(try Generate.run(.es, [page]).pages.first?.content.body)
            #expect(!body.contains("<ref"))
        }
    }

    @Test func tighterLinePitchCountsAsSmallerType() throws {
        // Line boxes as tall as the body's (OCR pads them) but set at 80% of its pitch.
        let page = Self.page(foot: ["página siguiente, donde", "termina la nota larga", "de la página anterior."], gap: 180, height: 50, pitch: 48)
        let generated = try #require(try Generate.run(.es, [page]).pages.first)
        #expect(generated.content.body.hasPrefix("<ref>página siguiente"))
        #expect(generated.wikitextFlags.contains(.unmatchedFootnote))
    }
}
