import Foundation
import QuireCore
@testable import QuireOCR
import QuireTestSupport
import Testing

/// Real Tesseract on real and synthetic pages; skipped when the language data is missing.
enum Tessdata {
    static var locator: TessdataLocator? { try? TessdataLocator(explicit: nil, environment: ProcessInfo.processInfo.environment) }
    static var hasSpanish: Bool { locator?.installedLanguages.contains(LanguageCode(tesseract: "spa")!) ?? false }
}

@Suite("Tesseract engine", .enabled(if: Tessdata.hasSpanish, "needs tesseract-ocr-spa (Scripts/bootstrap installs it)"))
struct TesseractEngineTests {
    static var locator: TessdataLocator? { Tessdata.locator }

    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory() }

    func engine(_ mode: PreprocessMode = .auto, deadline: Double = 120) throws -> TesseractEngine {
        let tessdata = try #require(Self.locator).folder
        return try TesseractEngine(options: TesseractOptions(languages: LanguageSet("spa")!, tessdata: tessdata, preprocess: mode, deadline: deadline), scratchFolder: folder.path)
    }

    @Test func readsTheBundledSampleAccurately() throws {
        let engine = try engine()
        let sample = RepositoryPaths.bundledSample
        for page in [2, 4] {
            let text = try engine.recognize(PageImageSource(path: sample + "/discurso.tif", pageIndex: page - 1, format: .tiff))
            let truth = try String(contentsOfFile: sample + String(format: "/gt/page-%03d.gt.txt", page), encoding: .utf8)
            #expect(TestMetrics.cer(reference: truth, hypothesis: text.plainText) < 0.02, "page \(page)")
            #expect(text.width == 1748 && text.height == 2480)
            #expect(text.dpi == 300)
            #expect((text.meanConfidence ?? 0) > 0.85)
            #expect(text.provenance?.engine.hasPrefix("tesseract") == true)
            let firstLine = try #require(text.regions.first?.lines.first)
            #expect(firstLine.baseline?.points.count == 2)
            #expect(firstLine.words.allSatisfy { $0.box != nil && $0.confidence != nil })
        }
    }

    @Test func oneEngineIsReusedForManyPages() throws {
        let engine = try engine(.none)
        let sample = RepositoryPaths.bundledSample + "/discurso.tif"
        let first = try engine.recognize(PageImageSource(path: sample, pageIndex: 1, format: .tiff))
        _ = try engine.recognize(PageImageSource(path: sample, pageIndex: 2, format: .tiff))
        let again = try engine.recognize(PageImageSource(path: sample, pageIndex: 1, format: .tiff))
        #expect(first.plainText == again.plainText)
    }

    @Test func blankPageIsFlaggedNotFailed() throws {
        let path = try folder.write("blank.png", bytes: ImageFixtures.png(width: 600, height: 800))
        let text = try engine().recognize(PageImageSource(path: path, format: .png))
        #expect(text.isEmpty)
        #expect(text.flags.contains(.blankPage))
        #expect(PageQuality.suggested(for: text) == .withoutText)
    }

    @Test("tiny images are not OCR-able", arguments: [(1, 1), (2, 36)])
    func tinyImages(width: Int, height: Int) throws {
        let path = try folder.write("tiny.png", bytes: ImageFixtures.png(width: width, height: height) { _, _ in 0 })
        let text = try engine().recognize(PageImageSource(path: path, format: .png))
        #expect(text.flags == [.tooSmall])
        #expect(!text.flags.contains(.blankPage))
    }

    @Test func imageWiderThanTesseractAllowsIsScaledNotEmpty() throws {
        let path = try folder.write("wide.png", bytes: ImageFixtures.png(width: 40_000, height: 60) { x, y in (y > 20 && y < 40 && x % 400 < 200) ? 0 : 255 })
        let text = try engine(.none).recognize(PageImageSource(path: path, format: .png))
        #expect(text.width <= 32767)
        #expect(!text.flags.contains(.tooSmall))
    }

    @Test func truncatedImageIsAClearError() throws {
        let full = ImageFixtures.png(width: 300, height: 300) { x, _ in x % 7 == 0 ? 0 : 255 }
        let path = try folder.write("cut.png", bytes: Array(full.prefix(full.count / 2)))
        do {
            _ = try engine().recognize(PageImageSource(path: path, format: .png))
            Issue.record("half a PNG was read without an error")
        } catch let error as OCRError {
            #expect(error.code == .invalidInput)
            #expect(error.context.file == path)
        }
    }

    @Test func decompressionBombIsRefusedBeforeDecoding() throws {
        let path = try folder.write("bomb.png", bytes: ImageFixtures.pngHeaderOnly(width: 100_000, height: 100_000))
        #expect(throws: OCRError.self) { try engine().recognize(PageImageSource(path: path, format: .png)) }
    }

    @Test func deadlineStopsAPageAndFlagsIt() throws {
        let text = try engine(.none, deadline: 0.001).recognize(PageImageSource(path: RepositoryPaths.bundledSample + "/discurso.tif", pageIndex: 2, format: .tiff))
        #expect(text.flags.contains(.ocrTimeout))
        #expect(!text.flags.contains(.blankPage))
        #expect(PageQuality.suggested(for: text) == .problematic)
    }

    @Test(.enabled(if: ExternalTool.pdfinfo.executablePath != nil, "needs poppler-utils"))
    func pdfPagesAreRendered() throws {
        let path = try folder.write("empty page.pdf", bytes: ImageFixtures.pdf(pages: 2))
        let text = try engine().recognize(PageImageSource(path: path, pageIndex: 1, format: .pdf))
        #expect(text.flags.contains(.blankPage))
        #expect(text.width == 1242 && text.dpi == 300)  // A6 at 300 dpi
    }

    @Test(.enabled(if: ExternalTool.pdfinfo.executablePath != nil, "needs poppler-utils"))
    func textLayerIsTakenWhenAskedAndOCRFillsPagesWithoutOne() throws {
        let path = try folder.write("layer.pdf", bytes: ImageFixtures.pdf(pages: 2, text: [0: "Hola mundo desde la capa"]))
        let tessdata = try #require(Self.locator).folder
        let engine = try TesseractEngine(options: TesseractOptions(languages: LanguageSet("spa")!, tessdata: tessdata, useTextLayer: true), scratchFolder: folder.path)
        let first = try engine.recognize(PageImageSource(path: path, pageIndex: 0, format: .pdf))
        #expect(first.plainText == "Hola mundo desde la capa")
        #expect(first.provenance?.engine.contains("pdftotext") == true)
        let second = try engine.recognize(PageImageSource(path: path, pageIndex: 1, format: .pdf))
        #expect(second.provenance?.engine.hasPrefix("tesseract") == true)
        #expect(second.flags.contains(.blankPage))
    }

    @Test(.enabled(if: ExternalTool.pdfinfo.executablePath != nil, "needs poppler-utils"))
    func scannedPDFPageIsTakenAtItsImagesOwnSize() throws {
        // 150 dpi: a render at the default 300 dpi would give 1200×1600 pixels.
        let path = try folder.write("scan.pdf", bytes: ImageFixtures.imagePDF(width: 600, height: 800, dpi: 150))
        let loaded = try PageImageLoader(scratch: folder.path).load(PageImageSource(path: path, pageIndex: 0, format: .pdf))
        let geometry = LeptonicaCalls.geometry(loaded.image)
        #expect(geometry.width == 600 && geometry.height == 800)
        #expect(loaded.dpi == 150)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix("pdf") })  // nothing left behind
    }

    @Test func pageThatIsNotOneCoveringImageIsRenderedAtItsImagesResolution() {
        let info = "Page    1 size: 595 x 842 pts (A4)\nPage    1 rot:  0\n"
        let header = "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio\n----\n"
        let scan = header + "   1     0 image    2480  3508  gray    1   8  jpeg   no        10  0   300   300  523K  6.2%\n"
        #expect(PDFPageLayout.parse(info: info, imageList: scan)?.reading(preferred: 300) == .embeddedImage(jpeg: true, dpi: 300))
        let small = header + "   1     0 image     400   300  rgb     3   8  image  no        10  0   200   200  52K  6.2%\n"
        #expect(PDFPageLayout.parse(info: info, imageList: small)?.reading(preferred: 300) == .render(dpi: 200))
        let rotated = info.replacingOccurrences(of: "rot:  0", with: "rot:  90")
        #expect(PDFPageLayout.parse(info: rotated, imageList: scan)?.reading(preferred: 300) == .render(dpi: 300))
        #expect(PDFPageLayout.parse(info: info, imageList: header)?.reading(preferred: 300) == .render(dpi: 300))
    }

    @Test func resolutionIsLoweredForHugePages() {
        #expect(PageImageLoader.resolution(forPageSizeLine: "Page    1 size: 595.276 x 841.89 pts (A4)", preferred: 300) == 300)
        let poster = PageImageLoader.resolution(forPageSizeLine: "Page    1 size: 7200 x 7200 pts", preferred: 300)
        #expect(poster < 300)
        #expect(Double(poster * 100) * Double(poster * 100) <= Double(SourceInspector.pixelCap))
    }

    @Test func missingLanguageFailsAtInitialisation() throws {
        let tessdata = try #require(Self.locator).folder
        #expect(throws: OCRError.self) { try TesseractAPI(languages: LanguageSet("qqq")!, tessdata: tessdata) }
    }
}

@Suite("Text sanitising")
struct SanitizerTests {
    @Test func controlsAndBidiOverridesAreRemovedAndFlagged() {
        var page = TextFixtures.page([["a\u{0}b c\u{202E}d e\u{FFFD}"]])
        page = TextSanitizer.sanitize(page)
        #expect(page.plainText == "ab cd e")
        #expect(page.flags.contains(.sanitisedText))
        #expect(PageQuality.suggested(for: page) == .problematic)
        #expect(!TextSanitizer.sanitize(TextFixtures.page([["limpio"]])).flags.contains(.sanitisedText))
    }

    @Test func theOriginalWordsAreKeptForAudit() throws {
        let page = TextSanitizer.sanitize(TextFixtures.page([["ok a\u{0}b \u{202E}\u{FFFD} fin"]]))
        #expect(page.plainText == "ok ab fin")
        #expect(page.sanitisedOriginals == ["a\u{0}b", "\u{202E}\u{FFFD}"])  // the second word was removed altogether
        let stored = try JSONDecoder().decode(PageText.self, from: JSONEncoder().encode(page))
        #expect(stored.sanitisedOriginals == page.sanitisedOriginals)
        // Texts stored before this field existed still decode.
        var old = try JSONSerialization.jsonObject(with: JSONEncoder().encode(TextFixtures.page([["x"]]))) as? [String: Any]
        old?.removeValue(forKey: "sanitisedOriginals")
        let data = try JSONSerialization.data(withJSONObject: old ?? [:])
        #expect(try JSONDecoder().decode(PageText.self, from: data).sanitisedOriginals == nil)
        #expect(TextSanitizer.sanitize(TextFixtures.page([["limpio"]])).sanitisedOriginals == nil)
    }
}

@Suite("Tesseract word lists", .enabled(if: Tessdata.hasSpanish && FileManager.default.isExecutableFile(atPath: "/usr/bin/dawg2wordlist"), "needs tesseract-ocr-spa and dawg2wordlist"))
struct TesseractWordListTests {
    @Test func spanishDictionaryIsUnpackedOnceAndCached() throws {
        let cache = try TemporaryDirectory()
        let tessdata = try #require(Tessdata.locator).folder
        let words = try TesseractWordList.words(for: LanguageCode(tesseract: "spa")!, tessdata: tessdata, cacheFolder: cache.path)
        #expect(words.count > 10_000)
        #expect(words.contains("biblioteca"))
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(cached.count == 1 && cached[0].hasPrefix("spa-"))
        #expect(try TesseractWordList.words(for: LanguageCode(tesseract: "spa")!, tessdata: tessdata, cacheFolder: cache.path) == words)
    }

    @Test func missingModelNamesItsPackage() throws {
        let cache = try TemporaryDirectory()
        let tessdata = try #require(Tessdata.locator).folder
        do {
            _ = try TesseractWordList.words(for: LanguageCode(tesseract: "qqq")!, tessdata: tessdata, cacheFolder: cache.path)
            Issue.record("a missing model gave words")
        } catch {
            #expect(error.remedy.contains("tesseract-ocr-qqq"))
        }
    }
}
