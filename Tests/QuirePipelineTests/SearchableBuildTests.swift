import Foundation
import QuireCore
@testable import QuirePipeline
import QuireRelease
import QuireTestSupport
import Testing

/// Input PDFs a person must decide on are refused before any page is read, and nothing is left
/// at the output path.
@Suite("Searchable PDF inputs", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo"), "needs poppler-utils"))
struct SearchableBuildTests {
    let folder: TemporaryDirectory
    init() throws { folder = try TemporaryDirectory() }

    func build(_ path: String, pages: Int = 1, consent: SearchableBuild.Consent = SearchableBuild.Consent()) throws -> SearchableBuild {
        let sources = (0..<pages).map { PageImageSource(path: path, pageIndex: $0, format: .pdf) }
        return try SearchableBuild(output: folder.file("out.pdf"), pages: sources, info: PDFDocumentInfo(), scratch: folder.path, consent: consent)
    }

    func code(_ work: () throws -> Void) -> ErrorCode? {
        do { try work() } catch let error as any QuireError { return error.code } catch { return .internalError }
        return nil
    }

    @Test func signedPDFIsRefusedUnlessAccepted() throws {
        let path = try folder.write("signed.pdf", bytes: ImageFixtures.signedPDF())
        #expect(code { _ = try build(path) } == .signedPDF)
        #expect(code { _ = try build(path, consent: SearchableBuild.Consent(acceptSigned: true)) } == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.file("out.pdf")))
    }

    @Test func pdfWithTextIsRefusedUnlessRedone() throws {
        let path = try folder.write("text.pdf", bytes: ImageFixtures.pdf(pages: 2, text: [1: "Ya tiene texto"]))
        #expect(code { _ = try build(path, pages: 2) } == .invalidInput)
        #expect(code { _ = try build(path, pages: 2, consent: SearchableBuild.Consent(redoText: true)) } == nil)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf"), "needs qpdf"))
    func encryptedPDFIsRefusedWithTheDecryptRemedy() throws {
        let plain = try folder.write("plain.pdf", bytes: ImageFixtures.pdf(pages: 1))
        let locked = folder.file("locked.pdf")
        let made = try CommandRunner.run("/usr/bin/qpdf", ["--encrypt", "", "owner", "256", "--", plain, locked], in: folder.path)
        try #require(made.status == 0)
        do {
            _ = try build(locked)
            Issue.record("an encrypted PDF was accepted")
        } catch let error as PipelineError {
            #expect(error.code == .encryptedPDF)
            #expect(error.remedy.contains("qpdf --decrypt"))
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/qpdf"), "needs qpdf"))
    func graftKeepsTheOriginalPagesAndAddsTheLayer() throws {
        let path = try folder.write("scan.pdf", bytes: ImageFixtures.imagePDF(width: 300, height: 200, dpi: 100))
        let pdf = try build(path)
        let word = Word(text: "injertado", box: BoundingBox(x: 20, y: 20, width: 200, height: 40))
        try pdf.add(PageImageSource(path: path, pageIndex: 0, format: .pdf), text: PageText(width: 300, height: 200, regions: [TextRegion(role: .paragraph, lines: [TextLine(words: [word])])]))
        try pdf.finish()
        let out = folder.file("out.pdf")
        let text = try CommandRunner.run("/usr/bin/pdftotext", ["-raw", out, "-"], in: folder.path).standardOutput
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "injertado")
        let images = try CommandRunner.run("/usr/bin/pdfimages", ["-list", out], in: folder.path).standardOutput
        let rows = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count == 1 && rows.first?[3] == "300" && rows.first?[4] == "200" && rows.first?[5] == "gray")  // the original image, unchanged
        let info = try CommandRunner.run("/usr/bin/pdfinfo", [out], in: folder.path).standardOutput
        #expect(info.contains("216 x 144 pts"))  // the original page size
    }
}
