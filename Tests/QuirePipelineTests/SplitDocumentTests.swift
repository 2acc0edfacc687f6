import Foundation
import QuireAlign
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireTestSupport
import Testing

@Suite("Match & split in the catalogue")
struct SplitDocumentTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("doc")!
    static let lines = [
        ["Primera línea del discurso que se lee en la página uno", "y sigue con más palabras de la misma página primera"],
        ["La segunda página empieza aquí con otras palabras", "distintas de las anteriores para que todo se alinee"],
        ["Tercera página del folleto, con su propio texto", "y el final del discurso, he dicho."],
    ]

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        var paths: [String] = []
        for index in 1...3 { paths.append(try folder.write("p\(index).png", bytes: ImageFixtures.png(width: 20, height: 20 + index))) }
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: paths, workingDirectory: folder.path, documentID: id, metadata: DocumentMetadata(title: "Doc", languages: LanguageSet("spa")!, wikiFileName: "Doc.pdf"), acceptChanges: false))
        for (index, page) in Self.lines.enumerated() {
            try catalogue.recordText(id, PageNumber(index + 1)!, text: TextFixtures.page([["\(index + 1)"], page]), quality: .notProofread)
        }
    }

    func write(_ text: String) throws -> String { try folder.write("t.txt", text: text) }

    @Test func aDryRunWritesNothingAndAnAcceptedSplitIsStored() throws {
        let text = try write(Self.lines.map { $0.joined(separator: " ") }.joined(separator: "\n\n"))
        let dry = try SplitDocument(catalogue: catalogue).split(id, textFile: text, dryRun: true)
        #expect(!dry.stored && dry.result.pages.count == 3)
        #expect(try catalogue.transcriptPages(of: id).isEmpty)
        let stored = try SplitDocument(catalogue: catalogue).split(id, textFile: text)
        #expect(stored.stored)
        let pages = try catalogue.transcriptPages(of: id)
        #expect(pages[PageNumber(2)!]?.text == Self.lines[1].joined(separator: " "))
        #expect(try catalogue.transcriptSource(of: id)?.sha256.count == 64)
        let generated = try WikitextExport(catalogue: catalogue).generate(id, wiki: .es)
        #expect(generated.document.pages[2].content.body == "Tercera página del folleto, con su propio texto y el final del discurso, he dicho.")
    }

    @Test func refusedTextsWriteNothing() throws {
        for bad in ["", "\u{0}\u{1}binary", "The quick brown fox jumps over the lazy dog again and again, every day of the week."] {
            let text = try write(bad)
            #expect(throws: (any Error).self) { try SplitDocument(catalogue: catalogue).split(id, textFile: text) }
        }
        let latin1 = try folder.write("latin1.txt", bytes: [0x53, 0x65, 0xF1, 0x6F, 0x72])
        do {
            _ = try SplitDocument(catalogue: catalogue).split(id, textFile: latin1)
            Issue.record("Latin-1 text was accepted")
        } catch let error as any QuireError {
            #expect(error.code == .invalidText && error.context.file == latin1)
        }
        #expect(try catalogue.transcriptPages(of: id).isEmpty)
    }

    @Test func pagesWithoutOCRAreNamed() throws {
        var paths: [String] = []
        for index in 4...5 { paths.append(try folder.write("p\(index).png", bytes: ImageFixtures.png(width: 20, height: 30 + index))) }
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: paths, workingDirectory: folder.path, documentID: id, metadata: DocumentMetadata(title: "Doc", languages: LanguageSet("spa")!, wikiFileName: "Doc.pdf"), acceptChanges: false))
        let text = try write(Self.lines.map { $0.joined(separator: " ") }.joined(separator: "\n\n"))
        do {
            _ = try SplitDocument(catalogue: catalogue).split(id, textFile: text)
            Issue.record("pages without OCR were taken for blank pages")
        } catch let error as any QuireError {
            #expect(error.message.contains("pages 4–5 have no text yet"))
        }
        #expect(try SplitDocument(catalogue: catalogue).split(id, textFile: text, pages: 1...3).result.pages.count == 3)
    }

    @Test func aTextCoveringPartOfTheScanGoesThroughPages() throws {
        let text = try write(Self.lines[1].joined(separator: "\n"))
        #expect(throws: (any Error).self) { try SplitDocument(catalogue: catalogue).split(id, textFile: text) }
        let outcome = try SplitDocument(catalogue: catalogue).split(id, textFile: text, pages: 2...2)
        #expect(outcome.result.pages.map(\.number) == [PageNumber(2)!])
        #expect(try catalogue.transcriptPages(of: id).keys.sorted() == [PageNumber(2)!])
    }
}
