import Foundation
import QuireCore
@testable import QuireOCR
import QuireTestSupport
import Testing

@Suite("Source inspection")
struct SourceInspectorTests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory() }

    @Test func pngHeaderIsRead() throws {
        let path = try folder.write("page.png", bytes: ImageFixtures.png(width: 120, height: 80) { x, _ in x < 60 ? 0 : 255 })
        let inspection = try SourceInspector.inspect(path: path, format: .png)
        #expect(inspection.pageCount == 1)
        #expect(inspection.firstPageSize?.width == 120 && inspection.firstPageSize?.height == 80)
    }

    @Test func pnmHeaderIsRead() throws {
        let path = try folder.write("page.pgm", bytes: ImageFixtures.pgm(width: 33, height: 44))
        let inspection = try SourceInspector.inspect(path: path, format: .pnm)
        #expect(inspection.firstPageSize?.width == 33)
    }

    @Test func decompressionBombIsRefusedBeforeDecoding() throws {
        let path = try folder.write("bomb.png", bytes: ImageFixtures.pngHeaderOnly(width: 100_000, height: 100_000))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 < 1024)
        do {
            _ = try SourceInspector.inspect(path: path, format: .png)
            Issue.record("a 10 Gpx header was accepted")
        } catch {
            #expect(error.code == .imageTooLarge)
            #expect(error.message.contains("120 Mpx"))
            #expect(error.context.file == path)
        }
    }

    @Test func truncatedHeaderIsAnInputError() throws {
        let full = ImageFixtures.png(width: 50, height: 50)
        let path = try folder.write("cut.png", bytes: Array(full.prefix(20)))
        #expect(throws: OCRError.self) { try SourceInspector.inspect(path: path, format: .png) }
    }

    @Test func multiPageTIFFIsCountedWithoutDecoding() throws {
        let sample = RepositoryPaths.bundledSample + "/discurso.tif"
        let inspection = try SourceInspector.inspect(path: sample, format: .tiff)
        #expect(inspection.pageCount == 4)
        #expect(inspection.firstPageSize?.width == 1748 && inspection.firstPageSize?.height == 2480)
    }

    @Test func fiveThousandPageTIFFIsCountedAndReadOnePageAtATime() throws {
        let path = try folder.write("huge.tif", bytes: ImageFixtures.multiPageTIFF(pages: 5000) { $0 == 4999 ? 0 : 255 })
        #expect(try SourceInspector.inspect(path: path, format: .tiff).pageCount == 5000)
        let last = try #require(LeptonicaCalls.readTIFF(path: path, page: 4999))
        let first = try #require(LeptonicaCalls.readTIFF(path: path, page: 0))
        #expect(LeptonicaCalls.geometry(last).width == 8)
        #expect(LeptonicaCalls.inkFraction(last) == 1)  // the black page: the one asked for
        #expect(LeptonicaCalls.inkFraction(first) == 0)
    }

    @Test(.enabled(if: ExternalTool.pdfinfo.executablePath != nil, "needs pdfinfo (poppler-utils)"))
    func pdfPagesAreCounted() throws {
        let path = try folder.write("three pages.pdf", bytes: ImageFixtures.pdf(pages: 3))
        #expect(try SourceInspector.inspect(path: path, format: .pdf).pageCount == 3)
    }

    @Test(.enabled(if: ExternalTool.pdfinfo.executablePath != nil, "needs pdfinfo (poppler-utils)"))
    func brokenPDFIsAnInputError() throws {
        let path = try folder.write("broken.pdf", bytes: Array("%PDF-1.4\nthis is not a pdf".utf8))
        do {
            _ = try SourceInspector.inspect(path: path, format: .pdf)
            Issue.record("a broken PDF was accepted")
        } catch {
            #expect(error.code == .invalidInput)
        }
    }

    @Test func missingProgramNamesItsPackage() {
        let tool = ExternalTool(name: "quire-no-such-program", package: "quire-no-such-package")
        do {
            _ = try tool.run([], context: ErrorContext(file: "x.pdf"))
            Issue.record("a missing program ran")
        } catch {
            #expect(error.code == .missingDependency)
            #expect(error.remedy.contains("quire-no-such-package"))
        }
    }
}

@Suite("Tessdata")
struct TessdataTests {
    static var systemTessdata: Bool { (try? TessdataLocator(explicit: nil, environment: [:])) != nil }

    @Test(.enabled(if: systemTessdata, "needs tesseract-ocr language data (Scripts/bootstrap installs it)"))
    func findsSystemLanguages() throws {
        let locator = try TessdataLocator(explicit: nil, environment: [:])
        let installed = Set(locator.installedLanguages.map(\.tesseractCode))
        #expect(installed.contains("eng"))
        try locator.requireInstalled(LanguageSet("eng")!)
    }

    @Test func missingLanguageNamesThePackage() throws {
        let folder = try TemporaryDirectory()
        try folder.write("eng.traineddata", text: "not a real model, only its name matters here")
        let locator = try TessdataLocator(explicit: folder.path, environment: [:])
        #expect(locator.installedLanguages.map(\.tesseractCode) == ["eng"])
        do {
            try locator.requireInstalled(LanguageSet("eng+fra")!)
            Issue.record("a missing language passed")
        } catch {
            #expect(error.code == .missingDependency)
            #expect(error.remedy.contains("tesseract-ocr-fra"))
            #expect(error.message.contains("'fra'"))
        }
    }

    @Test func environmentPrefixIsHonoured() throws {
        let folder = try TemporaryDirectory()
        try folder.write("tessdata/spa.traineddata", text: "x")
        let locator = try TessdataLocator(explicit: nil, environment: ["TESSDATA_PREFIX": folder.path])
        #expect(locator.folder == folder.file("tessdata"))
    }

    @Test func explicitFolderMustExist() {
        #expect(throws: OCRError.self) { try TessdataLocator(explicit: "/no/such/folder", environment: [:]) }
    }

    @Test func linkedLibraryVersions() {
        #expect(EngineVersions.tesseract.first?.isNumber == true)
        #expect(EngineVersions.leptonica.hasPrefix("leptonica-"))
    }
}
