import Foundation
import QuireCore
@testable import QuireRelease
import QuireTestSupport
import Testing

/// Poppler and qpdf read what the writer writes: the text, in order, on the words' boxes.
enum PDFTools {
    static func path(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    static var poppler: Bool { path("pdftotext") != nil && path("pdfimages") != nil }
    static var qpdf: Bool { path("qpdf") != nil }

    static func run(_ name: String, _ arguments: [String], in folder: String) throws -> CommandResult {
        try CommandRunner.run(try #require(path(name)), arguments, in: folder)
    }
}

/// A 600×400 grey page at 100 ppi with two lines of words, in the pixel coordinates of the scan.
func samplePage() -> (image: EncodedPageImage, text: PageText) {
    let (width, height) = (600, 400)
    let pixels = [UInt8](repeating: 255, count: width * height)
    let image = EncodedPageImage(encoding: .flate, width: width, height: height, bitsPerComponent: 8, colour: .gray, dpi: 100, bytes: ImageFixtures.zlibStored(pixels))
    func word(_ text: String, _ x: Int, _ y: Int, _ w: Int, _ h: Int) -> Word { Word(text: text, box: BoundingBox(x: x, y: y, width: w, height: h)) }
    let first = TextLine(words: [word("Había", 40, 50, 110, 30), word("una", 165, 58, 70, 22), word("vez", 250, 58, 66, 22), word("Straße", 330, 48, 140, 32)])
    let second = TextLine(words: [word("ſein", 40, 120, 90, 30), word("«œuvre»", 145, 122, 170, 28), word("1816.", 330, 120, 100, 30)])
    let text = PageText(width: width, height: height, dpi: 100, regions: [TextRegion(role: .paragraph, lines: [first, second])])
    return (image, text)
}

@Suite("Searchable PDF writer")
struct SearchablePDFTests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory() }

    func writeSample(pages: Int = 1) throws -> String {
        let path = folder.file("out.pdf")
        let writer = try SearchablePDFWriter(path: path, info: PDFDocumentInfo(title: "Cuentos", authors: ["Emilia Pardo Bazán"], language: "es", licence: "Public domain"))
        let sample = samplePage()
        for _ in 0..<pages { try writer.addPage(image: sample.image, text: sample.text) }
        try writer.finish()
        return path
    }

    @Test(.enabled(if: PDFTools.poppler, "needs poppler-utils"))
    func extractedTextIsTheModelsTextWordForWordInOrder() throws {
        let path = try writeSample()
        let out = try PDFTools.run("pdftotext", ["-enc", "UTF-8", path, "-"], in: folder.path)
        let words = out.standardOutput.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(words == samplePage().text.words.map(\.text))  // poppler's own reading order too
        let raw = try PDFTools.run("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"], in: folder.path)
        #expect(raw.standardOutput.split(separator: "\n").map(String.init).prefix(2) == ["Había una vez Straße", "ſein «œuvre» 1816."])
    }

    @Test(.enabled(if: PDFTools.poppler, "needs poppler-utils"))
    func extractedBoxesAreTheWordsBoxes() throws {
        let path = try writeSample()
        let out = try PDFTools.run("pdftotext", ["-bbox", path, "-"], in: folder.path).standardOutput
        let boxes = try wordBoxes(out)
        let expected = samplePage().text.words
        #expect(boxes.count == expected.count)
        for (found, word) in zip(boxes, expected) {
            let box = try #require(word.box)
            // Page points at 100 ppi: 0.72 pt per pixel.
            let truth = (Double(box.left) * 0.72, Double(box.top) * 0.72, Double(box.right) * 0.72, Double(box.bottom) * 0.72)
            #expect(found.text == word.text)
            #expect(iou(found.box, truth) >= 0.9, "\(word.text): \(found.box) against \(truth)")
        }
    }

    @Test(.enabled(if: PDFTools.qpdf && PDFTools.poppler, "needs qpdf and poppler-utils"))
    func fileIsCleanAndTheImageKeepsItsEncoding() throws {
        let path = try writeSample(pages: 3)
        let check = try PDFTools.run("qpdf", ["--check", path], in: folder.path)
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(!check.standardError.contains("WARNING"))
        let list = try PDFTools.run("pdfimages", ["-list", path], in: folder.path).standardOutput
        let rows = list.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.contains(" image ") && $0.contains("600") && $0.contains("100   100") })
        let info = try PDFTools.run("pdfinfo", [path], in: folder.path).standardOutput
        #expect(info.contains("Cuentos") && info.contains("Emilia Pardo Bazán") && info.range(of: #"Pages:\s+3\n"#, options: .regularExpression) != nil)
        #expect(info.contains("432 x 288 pts"))  // 600×400 px at 100 ppi
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: bytes, as: UTF8.self).contains("<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">Public domain</rdf:li>"))
    }

    @Test func unfinishedWriterLeavesNothingBehind() throws {
        let path = folder.file("never.pdf")
        do {
            let writer = try SearchablePDFWriter(path: path, info: PDFDocumentInfo())
            try writer.addPage(image: samplePage().image, text: samplePage().text)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func boxlessWordsAreGivenAShareOfTheLineNeverDropped() {
        let line = TextLine(
            words: [
                Word(text: "uno", box: BoundingBox(x: 0, y: 10, width: 30, height: 20)), Word(text: "dos"), Word(text: "tres"),
                Word(text: "cuatro", box: BoundingBox(x: 200, y: 10, width: 60, height: 20)),
            ],
            box: BoundingBox(x: 0, y: 8, width: 260, height: 24))
        let placed = TextLayer.placedWords(line)
        #expect(placed.map(\.text) == ["uno", "dos", "tres", "cuatro"])
        #expect(placed[1].box.left >= 30 && placed[2].box.right <= 200 && placed[1].box.right <= placed[2].box.left)
        #expect(placed[2].box.width > placed[1].box.width)  // longer word, wider share
    }

    @Test func rightToLeftWordsAreDrawnInPageOrderWithTheirPunctuationInPlace() {
        #expect(TextLayer.visualOrder("שלום") == "םולש")
        #expect(TextLayer.visualOrder("העיר.") == "ריעה.")
        #expect(TextLayer.visualOrder("«مرحبا»") == "«ابحرم»")
        #expect(TextLayer.visualOrder("Straße") == "Straße")
    }

    /// `(text, (xMin, yMin, xMax, yMax))` of every `<word>` in `pdftotext -bbox` output.
    func wordBoxes(_ html: String) throws -> [(text: String, box: (Double, Double, Double, Double))] {
        let pattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let field = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            let text = field(5).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            return (text, (Double(field(1))!, Double(field(2))!, Double(field(3))!, Double(field(4))!))
        }
    }

    func iou(_ a: (Double, Double, Double, Double), _ b: (Double, Double, Double, Double)) -> Double {
        let w = max(0, min(a.2, b.2) - max(a.0, b.0)), h = max(0, min(a.3, b.3) - max(a.1, b.1))
        let inter = w * h
        let union = (a.2 - a.0) * (a.3 - a.1) + (b.2 - b.0) * (b.3 - b.1) - inter
        return union > 0 ? inter / union : 0
    }
}
