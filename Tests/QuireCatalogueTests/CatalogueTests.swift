import Foundation
import GRDB
@testable import QuireCatalogue
import QuireCore
import QuireTestSupport
import Testing

@Suite("Catalogue")
struct CatalogueTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
    }

    static func metadata(_ title: String = "Discurso de prueba") -> DocumentMetadata {
        DocumentMetadata(
            title: title,
            contributors: [Contributor(role: .author, identity: .person(name: "Ana Pérez", born: HistoricalDate(year: 1890), death: .died(HistoricalDate(year: 1951))))],
            publication: Publication(date: HistoricalDate(year: 1931), place: "Valdivia", country: CountryCode("CL")),
            languages: LanguageSet("spa")!, wikiFileName: "Discurso 1931.tif")
    }

    func candidate(_ name: String, sha: Character = "a", pages: Int = 3, format: SourceFormat = .tiff) -> SourceCandidate {
        SourceCandidate(absolutePath: folder.file(name), sha256: String(repeating: sha, count: 64), byteSize: 100, format: format, pageCount: pages)
    }

    @Test func usesWALAndForeignKeys() throws {
        let mode = try catalogue.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let keys = try catalogue.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(keys == 1)
        #expect(try catalogue.appliedMigrations() == ["v1-foundation", "v2-clearance", "v3-transcript", "v4-publication", "v5-created", "v6-ebook-target", "v7-history-chain", "v8-page-claims", "v9-proofreading", "v10-double-review"])
        #expect(try catalogue.quickCheck() == "ok")
    }

    @Test func createRefusesAnExistingFile() {
        #expect(throws: CatalogueError.self) { try Catalogue.create(at: catalogue.path) }
    }

    @Test func registersPagesInOrderAndKeepsMetadata() throws {
        let id = DocumentID("discurso-1931")!
        let result = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif"), candidate("b.png", sha: "b", pages: 1, format: .png), candidate("t.txt", sha: "c", pages: 0, format: .text)])
        #expect(result.created)
        #expect(result.sources.map(\.outcome) == [.added(firstPage: PageNumber(1), pageCount: 3), .added(firstPage: PageNumber(4), pageCount: 1), .added(firstPage: nil, pageCount: 0)])
        let pages = try catalogue.pages(of: id)
        #expect(pages.map(\.number.rawValue) == [1, 2, 3, 4])
        #expect(pages.map(\.pageIndex) == [0, 1, 2, 0])
        #expect(pages.allSatisfy { $0.state == .pending })
        #expect(pages[3].sourcePath == folder.file("b.png"))
        let summary = try catalogue.summary(of: id)
        #expect(summary.pageCount == 4)
        #expect(summary.scanFileCount == 2 && summary.transcriptFileCount == 1)
        #expect(summary.metadata == Self.metadata())
        #expect(summary.progress == 0)
    }

    @Test func addingAgainIsIdempotent() throws {
        let id = DocumentID("doc")!
        _ = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif")])
        let again = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif")])
        #expect(!again.created)
        #expect(again.sources.map(\.outcome) == [.unchanged])
        #expect(try catalogue.pages(of: id).count == 3)
    }

    @Test func addingFilesWithoutRepeatingFactsKeepsThem() throws {
        let id = DocumentID("doc")!
        _ = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif")])
        let bare = DocumentMetadata(title: Self.metadata().title, languages: LanguageSet("spa")!)
        _ = try catalogue.register(id, metadata: bare, sources: [candidate("b.tif", sha: "b")])
        #expect(try catalogue.metadata(of: id) == Self.metadata())
        var unpublished = bare
        unpublished.publication.unpublished = true
        _ = try catalogue.register(id, metadata: unpublished, sources: [])
        let after = try catalogue.metadata(of: id)
        #expect(after.publication.unpublished && after.publication.date == nil)
        #expect(after.publication.country == CountryCode("CL"))
    }

    @Test func changedFileIsReportedAndOnlyAcceptedOnRequest() throws {
        let id = DocumentID("doc")!
        _ = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif")])
        try catalogue.pool.write { db in try db.execute(sql: "UPDATE page SET state = 'done', quality = 1 WHERE number = 2") }
        let reported = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif", sha: "f")])
        #expect(reported.sources.map(\.outcome) == [.changed(previousSHA256: String(repeating: "a", count: 64), accepted: false)])
        #expect(try catalogue.sources(of: id).first?.sha256 == String(repeating: "a", count: 64))
        #expect(try catalogue.pages(of: id)[1].state == .done)

        let accepted = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif", sha: "f")], acceptChanges: true)
        #expect(accepted.sources.map(\.outcome) == [.changed(previousSHA256: String(repeating: "a", count: 64), accepted: true)])
        #expect(try catalogue.sources(of: id).first?.sha256 == String(repeating: "f", count: 64))
        #expect(try catalogue.pages(of: id).allSatisfy { $0.state == .pending && $0.quality == nil })

        let otherCount = try catalogue.register(id, metadata: Self.metadata(), sources: [candidate("a.tif", sha: "e", pages: 5)], acceptChanges: true)
        guard case .refused(let error) = otherCount.sources[0].outcome else { Issue.record("expected a refusal"); return }
        #expect(error.code == .fileChanged)
    }

    @Test func fileOfAnotherDocumentIsRefusedNamingIt() throws {
        _ = try catalogue.register(DocumentID("first")!, metadata: Self.metadata("First"), sources: [candidate("a.tif")])
        let byPath = try catalogue.register(DocumentID("second")!, metadata: Self.metadata("Second"), sources: [candidate("a.tif", sha: "b"), candidate("c.tif", sha: "c")])
        guard case .refused(let error) = byPath.sources[0].outcome else { Issue.record("expected a refusal"); return }
        #expect(error.code == .fileRegisteredElsewhere)
        #expect(error.message.contains("'first'"))
        #expect(byPath.sources[1].outcome == .added(firstPage: PageNumber(1), pageCount: 3))

        let byContent = try catalogue.register(DocumentID("third")!, metadata: Self.metadata("Third"), sources: [candidate("copy-of-a.tif", sha: "a")])
        guard case .refused(let contentError) = byContent.sources[0].outcome else { Issue.record("expected a refusal"); return }
        #expect(contentError.message.contains("'first'"))
        #expect(!byContent.created)
        #expect(throws: CatalogueError.self) { try catalogue.summary(of: DocumentID("third")!) }
    }

    @Test func sameContentTwiceInOneDocumentIsSkipped() throws {
        let result = try catalogue.register(DocumentID("doc")!, metadata: Self.metadata(), sources: [candidate("a.tif"), candidate("a-copy.tif")])
        #expect(result.sources[1].outcome == .duplicateOf(path: folder.file("a.tif")))
        #expect(try catalogue.pages(of: DocumentID("doc")!).count == 3)
    }

    @Test func slugCollisionWithAnotherTitleIsRefused() throws {
        _ = try catalogue.register(DocumentID("doc")!, metadata: Self.metadata("One"), sources: [candidate("a.tif")])
        #expect(throws: CatalogueError.self) {
            try catalogue.register(DocumentID("doc")!, metadata: Self.metadata("Another"), sources: [candidate("b.tif", sha: "b")])
        }
    }

    @Test func pathsInsideTheCatalogueFolderAreStoredRelative() throws {
        #expect(catalogue.storedPath(forAbsolute: folder.file("scans/a.tif")) == "scans/a.tif")
        #expect(catalogue.storedPath(forAbsolute: "/elsewhere/a.tif") == "/elsewhere/a.tif")
        #expect(catalogue.absolutePath(forStored: "scans/a.tif") == folder.file("scans/a.tif"))
    }

    @Test func schemaEnforcesEnumsAndReferences() throws {
        _ = try catalogue.register(DocumentID("doc")!, metadata: Self.metadata(), sources: [candidate("a.tif")])
        #expect(throws: DatabaseError.self) {
            try catalogue.pool.write { db in try db.execute(sql: "UPDATE page SET state = 'finished' WHERE number = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try catalogue.pool.write { db in try db.execute(sql: "UPDATE page SET quality = 5 WHERE number = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try catalogue.pool.write { db in
                try db.execute(sql: "INSERT INTO page (document_id, number, source_file_id, page_index, updated_at) VALUES ('nobody', 1, 1, 9, 'now')")
            }
        }
    }

    @Test func catalogueOfANewerQuireIsRefused() throws {
        try catalogue.pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        do {
            _ = try Catalogue.open(at: catalogue.path)
            Issue.record("a newer catalogue was opened")
        } catch {
            #expect(error.code == .catalogueTooNew)
            #expect(error.remedy.contains("upgrade Quire"))
        }
    }

    @Test func somethingElseIsNotACatalogue() throws {
        let path = try folder.write("notes.sqlite", text: "just some text, not SQLite at all")
        do {
            _ = try Catalogue.open(at: path)
            Issue.record("a text file was opened as a catalogue")
        } catch {
            #expect(error.code == .catalogueDamaged)
        }
    }

    @Test func reopeningKeepsEverything() throws {
        _ = try catalogue.register(DocumentID("doc")!, metadata: Self.metadata(), sources: [candidate("a.tif")])
        let reopened = try Catalogue.open(at: catalogue.path)
        #expect(try reopened.summaries().map(\.id.rawValue) == ["doc"])
        #expect(try reopened.metadata(of: DocumentID("doc")!) == Self.metadata())
    }
}

@Suite("Catalogue location")
struct CatalogueLocatorTests {
    @Test func walksUpFromTheWorkingDirectory() throws {
        let folder = try TemporaryDirectory()
        _ = try Catalogue.create(at: folder.file("quire.sqlite"))
        try FileManager.default.createDirectory(atPath: folder.file("a/b/c"), withIntermediateDirectories: true)
        let found = try CatalogueLocator.locateExisting(explicit: nil, environment: [:], workingDirectory: folder.file("a/b/c"))
        #expect(found == folder.file("quire.sqlite"))
    }

    @Test func explicitPathAndEnvironmentWin() throws {
        let folder = try TemporaryDirectory()
        _ = try Catalogue.create(at: folder.file("custom.sqlite"))
        #expect(try CatalogueLocator.locateExisting(explicit: "custom.sqlite", environment: [:], workingDirectory: folder.path) == folder.file("custom.sqlite"))
        #expect(try CatalogueLocator.locateExisting(explicit: nil, environment: ["QUIRE_CATALOGUE": folder.file("custom.sqlite")], workingDirectory: "/") == folder.file("custom.sqlite"))
        #expect(CatalogueLocator.pathForNewCatalogue(explicit: folder.path, environment: [:], workingDirectory: "/") == folder.file("quire.sqlite"))
    }

    @Test func missingCatalogueSaysHowToCreateOne() throws {
        let folder = try TemporaryDirectory()
        do {
            _ = try CatalogueLocator.locateExisting(explicit: nil, environment: [:], workingDirectory: folder.path)
            Issue.record("found a catalogue that does not exist")
        } catch {
            #expect(error.code == .catalogueNotFound)
            #expect(error.remedy.contains("quire init"))
        }
    }
}
