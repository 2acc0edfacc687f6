import Foundation
import GRDB
@testable import QuireCatalogue
import QuireCore
import QuireTestSupport
import Testing

@Suite("Catalogue: split transcripts")
struct TranscriptStoreTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("discurso")!

    init() throws {
        let fixture = try CatalogueFixture(document: id, pages: 3)
        folder = fixture.folder
        catalogue = fixture.catalogue
    }

    func record(_ number: Int, level: PageQuality = .notProofread, flags: [String] = []) -> TranscriptPageRecord {
        TranscriptPageRecord(number: PageNumber(number)!, text: "Texto *de* la página \(number).", confidence: 0.9, level: level, flags: flags, reasons: flags.map { "because \($0)" })
    }

    @Test func migrationIsRegisteredAfterClearance() throws {
        let applied = try catalogue.appliedMigrations()
        #expect(applied.firstIndex(of: "v3-transcript") == applied.firstIndex(of: "v2-clearance").map { $0 + 1 })
    }

    @Test func storesReadsAndReplacesASplit() throws {
        let source = TranscriptSource(path: folder.file("discurso.txt"), sha256: String(repeating: "c", count: 64))
        try catalogue.storeTranscriptSplit(id, pages: [record(1), record(2, level: .problematic, flags: ["uncertain_boundary"])], source: source)
        let stored = try catalogue.transcriptPages(of: id)
        #expect(stored.count == 2)
        #expect(stored[PageNumber(2)!]?.flags == ["uncertain_boundary"])
        #expect(stored[PageNumber(2)!]?.reasons == ["because uncertain_boundary"])
        #expect(stored[PageNumber(1)!]?.text == "Texto *de* la página 1.")
        #expect(try catalogue.transcriptSource(of: id) == source)
        let pages = try catalogue.pages(of: id)
        #expect(pages[1].quality == .problematic)
        #expect(pages[1].flags.contains(.uncertainBoundary))
        #expect(pages[0].quality == .notProofread)

        // A split of part of the scan replaces only that part; a whole split replaces everything.
        try catalogue.storeTranscriptSplit(id, pages: [record(2)], source: source, range: 2...3)
        #expect(try catalogue.transcriptPages(of: id).keys.sorted() == [PageNumber(1)!, PageNumber(2)!])
        #expect(try catalogue.transcriptPages(of: id)[PageNumber(2)!]?.flags == [])
        try catalogue.storeTranscriptSplit(id, pages: [record(3)], source: source)
        #expect(try catalogue.transcriptPages(of: id).keys.sorted() == [PageNumber(3)!])
    }

    @Test func refusesUnknownPagesAndWritesNothing() throws {
        let source = TranscriptSource(path: folder.file("t.txt"), sha256: String(repeating: "c", count: 64))
        #expect(throws: CatalogueError.self) { try catalogue.storeTranscriptSplit(id, pages: [record(1), record(9)], source: source) }
        #expect(try catalogue.transcriptPages(of: id).isEmpty)
        #expect(throws: CatalogueError.self) { try catalogue.storeTranscriptSplit(DocumentID("other")!, pages: [], source: source) }
    }

    @Test func theTableRefusesLevelsAboveTwo() throws {
        #expect(throws: (any Error).self) {
            try catalogue.pool.write { db in
                try db.execute(sql: "INSERT INTO page_transcript VALUES ('discurso', 1, 'x', 0.5, 3, '', '[]', 't.txt', ?, 'now')", arguments: [String(repeating: "c", count: 64)])
            }
        }
    }
}
