import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireTestSupport
import Testing

@Suite("quire add orchestration")
struct DocumentRegistrarTests {
    let folder: TemporaryDirectory
    let registrar: DocumentRegistrar

    init() throws {
        folder = try TemporaryDirectory()
        registrar = DocumentRegistrar(catalogue: try Catalogue.create(at: folder.file("quire.sqlite")))
    }

    func request(_ paths: [String], title: String = "Actas", id: String? = nil, acceptChanges: Bool = false) -> AddRequest {
        AddRequest(
            paths: paths, workingDirectory: folder.path, documentID: id.flatMap(DocumentID.init),
            metadata: DocumentMetadata(title: title, languages: LanguageSet("spa")!), acceptChanges: acceptChanges)
    }

    @Test func folderPagesFollowNaturalOrderAndTranscriptsInFoldersAreSkipped() throws {
        for name in ["p10.png", "p2.png", "p1.png"] {
            try folder.write("scans/\(name)", bytes: ImageFixtures.png(width: 20, height: 20 + Int(name.dropFirst().dropLast(4))!))
        }
        try folder.write("scans/notes.txt", text: "apuntes")
        try folder.write("scans/.DS_Store", bytes: [0, 1, 2])
        let report = try registrar.add(request(["scans"]))
        #expect(report.created)
        #expect(report.document.rawValue == "actas")
        let pages = try registrar.catalogue.pages(of: report.document)
        #expect(pages.map { ($0.sourcePath as NSString).lastPathComponent } == ["p1.png", "p2.png", "p10.png"])
        #expect(report.failures.isEmpty)
        let skipped = report.entries.compactMap { entry -> String? in
            if case .skipped(let path, _) = entry { return (path as NSString).lastPathComponent }
            return nil
        }
        #expect(skipped == ["notes.txt"])
    }

    @Test func badFilesFailAloneAndTheRestIsRegistered() throws {
        let good = try folder.write("good.png", bytes: ImageFixtures.png(width: 30, height: 30))
        let empty = try folder.write("empty.png", bytes: [])
        let heic = try folder.write("photo.jpg", bytes: [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0])
        let latin1 = try folder.write("speech.txt", bytes: Array("Discurso del se".utf8) + [0xF1] + Array("or".utf8))
        let bomb = try folder.write("bomb.png", bytes: ImageFixtures.pngHeaderOnly(width: 100_000, height: 100_000))
        let report = try registrar.add(request([good, empty, heic, latin1, bomb, folder.file("missing.tif")]))
        #expect(report.registeredCount == 1)
        let codes = report.failures.map(\.code)
        #expect(codes == [.emptyInput, .unsupportedFormat, .invalidText, .imageTooLarge, .unreadableFile])
        #expect(report.failures.allSatisfy { $0.context.file != nil })
        #expect(try registrar.catalogue.pages(of: report.document).count == 1)
    }

    @Test func transcriptIsRegisteredWithoutPages() throws {
        let text = try folder.write("discurso.txt", text: "Señoras y señores:\r\n\r\nHe dicho.\n")
        let report = try registrar.add(request([text], title: "Discurso"))
        #expect(report.registeredCount == 1)
        #expect(try registrar.catalogue.summary(of: report.document).transcriptFileCount == 1)
        #expect(try registrar.catalogue.pages(of: report.document).isEmpty)
    }

    @Test func rerunIsIdempotentAndAChangedFileIsReported() throws {
        let path = try folder.write("a.png", bytes: ImageFixtures.png(width: 10, height: 10))
        _ = try registrar.add(request([path]))
        let again = try registrar.add(request([path]))
        guard case .registered(_, _, _, .unchanged) = again.entries[0] else { Issue.record("expected unchanged"); return }
        try folder.write("a.png", bytes: ImageFixtures.png(width: 10, height: 10) { _, _ in 0 })
        let changed = try registrar.add(request([path]))
        #expect(changed.unacceptedChanges == [path])
        let accepted = try registrar.add(request([path], acceptChanges: true))
        #expect(accepted.unacceptedChanges.isEmpty)
        #expect(accepted.registeredCount == 1)
    }

    @Test func bundledSampleRegistersFourPagesAndItsTranscript() throws {
        let sample = RepositoryPaths.bundledSample
        let report = try registrar.add(request([sample + "/discurso.tif", sample + "/discurso.txt"], title: "La luz que se enciende", id: "luz"))
        #expect(report.failures.isEmpty)
        let summary = try registrar.catalogue.summary(of: DocumentID("luz")!)
        #expect(summary.pageCount == 4)
        #expect(summary.transcriptFileCount == 1)
        let sources = try registrar.catalogue.sources(of: DocumentID("luz")!)
        let expected = SHA256.hex(of: try [UInt8](Data(contentsOf: URL(fileURLWithPath: sample + "/discurso.tif"))))
        #expect(sources.first?.sha256 == expected)
    }
}
