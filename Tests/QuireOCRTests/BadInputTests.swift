import Foundation
import QuireCore
@testable import QuireOCR
import QuireTestSupport
import Testing

/// Inputs of quality-bar I-10, O-1, O-3 and the DjVu path: each is read, or refused clearly.
@Suite("Unusual and hostile scans", .enabled(if: Tessdata.hasSpanish, "needs tesseract-ocr-spa (Scripts/bootstrap installs it)"))
struct BadInputTests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory(prefix: "quire bad input") }

    func engine() throws -> TesseractEngine {
        try TesseractEngine(options: TesseractOptions(languages: LanguageSet("spa")!, tessdata: try #require(Tessdata.locator).folder), scratchFolder: folder.path)
    }

    static func program(_ name: String) -> String? { ExternalTool(name: name, package: "").executablePath }

    @Test("pixel formats are normalised for OCR", arguments: [
        ("sixteen-bit.png", ImageFixtures.png16(width: 240, height: 120), SourceFormat.png, true),
        ("palette-alpha.png", ImageFixtures.pngPaletteWithAlpha(width: 240, height: 120), .png, true),
        ("cmyk.tif", ImageFixtures.tiffCMYK(width: 240, height: 120), .tiff, true),
    ])
    func pixelFormats(name: String, bytes: [UInt8], format: SourceFormat, mustRead: Bool) throws {
        let path = try folder.write(name, bytes: bytes)
        #expect(SourceFormat.sniff(Array(bytes.prefix(64))) == format)
        #expect(try SourceInspector.inspect(path: path, format: format).pageCount == 1)
        do {
            let text = try engine().recognize(PageImageSource(path: path, format: format))
            #expect(text.width == 240 && text.height == 120)
        } catch let error as OCRError {
            // Leptonica may refuse a format; then the error must name the file and say what to do.
            #expect(!mustRead, "\(name) was not read: \(error)")
            #expect(error.context.file == path)
            #expect(!error.remedy.isEmpty)
        }
    }

    @Test(.enabled(if: program("qpdf") != nil && program("pdfinfo") != nil, "needs qpdf and poppler-utils"))
    func encryptedPDFIsRefusedWithAdvice() throws {
        let plain = try folder.write("plain.pdf", bytes: ImageFixtures.pdf(pages: 1))
        let locked = folder.file("locked.pdf")
        let result = try CommandRunner.run(try #require(Self.program("qpdf")), ["--encrypt", "secret", "owner", "256", "--", plain, locked], in: folder.path)
        #expect(result.status == 0)
        do {
            _ = try SourceInspector.inspect(path: locked, format: .pdf)
            Issue.record("an encrypted PDF was accepted")
        } catch {
            #expect(error.code == .encryptedPDF)
            #expect(error.remedy.contains("qpdf --decrypt"))
        }
    }

    @Test(.enabled(if: program("pdfinfo") != nil, "needs poppler-utils"))
    func pdfWithoutPagesIsRefused() throws {
        let path = try folder.write("empty.pdf", bytes: ImageFixtures.pdf(pages: 0))
        do {
            _ = try SourceInspector.inspect(path: path, format: .pdf)
            Issue.record("a PDF without pages was accepted")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.context.file == path)
        }
    }

    @Test(.enabled(if: program("cjb2") != nil && program("ddjvu") != nil, "needs djvulibre-bin"))
    func djvuPagesAreCountedAndRendered() throws {
        let pbm = try folder.write("page.pbm", bytes: ImageFixtures.pbm(width: 400, height: 200))
        let djvu = folder.file("page one.djvu")
        #expect(try CommandRunner.run(try #require(Self.program("cjb2")), [pbm, djvu], in: folder.path).status == 0)
        let head = [UInt8](try Data(contentsOf: URL(fileURLWithPath: djvu)).prefix(64))
        #expect(SourceFormat.sniff(head) == .djvu)
        #expect(try SourceInspector.inspect(path: djvu, format: .djvu).pageCount == 1)
        let text = try engine().recognize(PageImageSource(path: djvu, format: .djvu))
        #expect(text.width == 400 && text.height == 200)
    }
}
