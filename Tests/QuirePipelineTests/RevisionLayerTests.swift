import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline
import QuireTestSupport
import Testing

/// A searchable PDF's text layer carries a page as a person last saved it in the proofreading
/// room, on the OCR's boxes: what `pdftotext` gives back is the corrected text as printed.
@Suite("Searchable PDF from people's revisions")
struct RevisionLayerTests {
    @Test func aSavedPageIsTheLayersText() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            Issue.record("pdftotext (poppler-utils) is missing: run Scripts/bootstrap")
            return
        }
        let folder = try TemporaryDirectory()
        let catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        let id = DocumentID("hoja")!
        let paths = try (1...2).map { try folder.write("p\($0).png", bytes: ImageFixtures.png(width: 1000, height: 110 + $0)) }
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: paths, workingDirectory: folder.path, documentID: id, metadata: DocumentMetadata(title: "Hoja", languages: LanguageSet("eng")!), acceptChanges: false))
        try catalogue.recordText(id, PageNumber(1)!, text: TextFixtures.page([["1 HOJA"], ["Tbe quick brovvn fox jumps"]]), quality: .notProofread)
        try catalogue.recordText(id, PageNumber(2)!, text: TextFixtures.page([["over the lazy dog."]]), quality: .notProofread)
        let edit = PageEdit(header: "{{rh|1|HOJA|}}", body: "The ''quick'' brown<ref>A note.</ref> {{hws|fo|fox}}", footer: "<references/>", level: .proofread)
        _ = try catalogue.saveRevision(id, PageNumber(1)!, edit: edit, base: nil, user: "Ana", role: .proofreader)
        let output = folder.file("hoja.pdf")
        let result = try SearchablePDFExport(catalogue: catalogue).export(SearchablePDFExport.Request(
            document: id, output: output, scratch: folder.path, override: "a test of the layer", actor: "Ana", command: "quire export --format pdf",
            asOf: CalendarDate("2026-12-08")!))
        #expect(result.realignedPages == 1)
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-raw", "-enc", "UTF-8", output, "-"]
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pages = text.components(separatedBy: "\u{0C}").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(pages.first == "1 HOJA The quick brown fo- A note.")
        #expect(pages.dropFirst().first == "over the lazy dog.")
    }
}
