import Foundation
import GRDB
@testable import QuireCatalogue
import QuireCore
import QuireTestSupport
import Testing

@Suite("Catalogue: published revisions (v4-publication)")
struct PublicationRecordTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("discurso-1931")!

    init() throws {
        let fixture = try CatalogueFixture(document: id, pages: 2)
        folder = fixture.folder
        catalogue = fixture.catalogue
    }

    func revision(_ title: String, _ revision: Int, sha: Character = "b", api: String = "https://es.wikisource.org/w/api.php") -> PublishedRevision {
        PublishedRevision(document: id, apiURL: api, title: title, pageNumber: PageNumber(1), revisionID: revision, contentSHA1: String(repeating: sha, count: 40), timestamp: "2026-11-25T00:00:00Z")
    }

    @Test func latestRevisionPerTitleAndWiki() throws {
        try catalogue.recordPublished(revision("Página:D.tif/1", 10))
        try catalogue.recordPublished(revision("Página:D.tif/1", 12, sha: "c"))
        try catalogue.recordPublished(revision("Página:D.tif/1", 3, api: "http://127.0.0.1:8080/api.php"))
        let es = try catalogue.publishedRevisions(of: id, apiURL: "https://es.wikisource.org/w/api.php")
        #expect(es["Página:D.tif/1"]?.revisionID == 12)
        #expect(es["Página:D.tif/1"]?.contentSHA1 == String(repeating: "c", count: 40))
        #expect(try catalogue.publishedRevisions(of: id, apiURL: "http://127.0.0.1:8080/api.php").count == 1)
        #expect(try catalogue.publishedRevisionCount(of: id) == 3)
    }

    @Test func recordingTheSameRevisionTwiceKeepsOneRow() throws {
        try catalogue.recordPublished(revision("Página:D.tif/1", 10))
        try catalogue.recordPublished(revision("Página:D.tif/1", 10))
        #expect(try catalogue.publishedRevisionCount(of: id) == 1)
    }

    @Test func unknownDocumentAndBadHashAreRefused() throws {
        var stranger = revision("X", 1)
        stranger.document = DocumentID("otro")!
        #expect(throws: CatalogueError.self) { try catalogue.recordPublished(stranger) }
        var short = revision("X", 2)
        short.contentSHA1 = "abc"
        #expect(throws: CatalogueError.self) { try catalogue.recordPublished(short) }
    }

    @Test func migrationIsRegisteredAfterTheFoundation() throws {
        let applied = try catalogue.appliedMigrations()
        #expect(applied.first == "v1-foundation")
        #expect(applied.firstIndex(of: "v4-publication") == applied.firstIndex(of: "v3-transcript").map { $0 + 1 })
    }
}
