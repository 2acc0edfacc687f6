import Foundation
import QuireCore
@testable import QuireRelease
import QuireTestSupport
import Testing

@Suite("DjVu writer")
struct DjVuWriterTests {
    @Test func hiddenTextIsPageRegionLineWordFromTheBottomLeft() {
        let text = samplePage().text
        let sexpr = DjVuWriter.hiddenText(text, width: 600, height: 400)
        #expect(sexpr.hasPrefix("(page 0 0 600 400"))
        // "Había" at x 40…150, y 50…80 from the top: 320…350 from the bottom.
        #expect(sexpr.contains("(word 40 320 150 350 \"Había\")"))
        #expect(sexpr.components(separatedBy: "(line ").count - 1 == 2)
        #expect(sexpr.components(separatedBy: "(word ").count - 1 == text.words.count)
    }

    @Test func stringsAreQuotedForDjvused() {
        #expect(DjVuWriter.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(DjVuWriter.quoted("x\u{1}y") == "\"x\\001y\"")
        #expect(DjVuWriter.quoted("Straße") == "\"Straße\"")
    }

    @Test(.enabled(if: PDFTools.path("c44") != nil && PDFTools.path("djvutxt") != nil, "needs djvulibre-bin"))
    func pagesAreEncodedAndCarryTheirText() throws {
        let folder = try TemporaryDirectory()
        let image = try folder.write("page.pgm", bytes: ImageFixtures.pgm(width: 600, height: 400, value: 230))
        let path = folder.file("out.djvu")
        let writer = try DjVuWriter(path: path, scratch: folder.path)
        try writer.addPage(image: image, bilevel: false, dpi: 100, width: 600, height: 400, text: samplePage().text)
        try writer.finish()
        let words = try PDFTools.run("djvutxt", [path], in: folder.path).standardOutput
            .split(whereSeparator: { $0.isWhitespace || ("\u{1C}"..."\u{1F}").contains($0) }).map(String.init)  // djvutxt ends zones with separators
        #expect(words == samplePage().text.words.map(\.text))
        let dump = try PDFTools.run("djvudump", [path], in: folder.path).standardOutput
        #expect(dump.contains("DjVu 600x400") && dump.contains("100 dpi") && dump.contains("TXTz"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".part") })
    }
}
