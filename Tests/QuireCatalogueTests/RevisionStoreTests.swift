import Foundation
import GRDB
@testable import QuireCatalogue
import QuireCore
import QuireTestSupport
import Testing

@Suite("Page revisions, drafts and accounts")
struct RevisionStoreTests {
    let id = DocumentID("discurso")!
    let one = PageNumber(1)!
    let fixture: CatalogueFixture
    var catalogue: Catalogue { fixture.catalogue }

    init() throws {
        fixture = try CatalogueFixture(document: DocumentID("discurso")!, pages: 2)
        try catalogue.recordText(id, one, text: TextFixtures.page([["Texto del OCR"]]), quality: .notProofread)
    }

    func edit(_ body: String, _ level: PageQuality = .proofread) -> PageEdit {
        PageEdit(header: "", body: body, footer: "", level: level)
    }

    func saved(_ outcome: SaveOutcome) throws -> PageRevision {
        guard case .saved(let revision) = outcome else { Issue.record("not saved: \(outcome)"); throw CancellationError() }
        return revision
    }

    @Test func aSaveBasedOnTheCurrentRevisionIsStoredAndSetsTheLevel() throws {
        let first = try saved(catalogue.saveRevision(id, one, edit: edit("Texto corregido"), base: nil, user: "ana", role: .proofreader))
        #expect(first.mark == PageLevelMark(level: .proofread, user: "ana"))
        #expect(try catalogue.currentRevision(id, one) == first)
        #expect(try catalogue.pages(of: id).first?.quality == .proofread)
        let second = try saved(catalogue.saveRevision(id, one, edit: edit("Texto corregido otra vez"), base: first.id, user: "ana", role: .proofreader))
        #expect(second.baseRevision == first.id)
        #expect(try catalogue.revisions(id, one).map(\.id) == [first.id, second.id])
    }

    @Test func aSaveBasedOnAStaleRevisionIsRefusedWithTheCurrentOne() throws {
        let ana = try saved(catalogue.saveRevision(id, one, edit: edit("de Ana"), base: nil, user: "ana", role: .proofreader))
        // Ben opened the page before Ana saved: his save is based on the OCR.
        let outcome = try catalogue.saveRevision(id, one, edit: edit("de Ben"), base: nil, user: "ben", role: .proofreader)
        #expect(outcome == .conflict(current: ana))
        #expect(try catalogue.currentRevision(id, one)?.body == "de Ana")
        #expect(try catalogue.revisions(id, one).count == 1)
    }

    @Test func validationIsRefusedToTheProofreaderAndAcceptedFromAnother() throws {
        let ana = try saved(catalogue.saveRevision(id, one, edit: edit("texto"), base: nil, user: "ana", role: .proofreader))
        let refused = try catalogue.saveRevision(id, one, edit: edit("texto", .validated), base: ana.id, user: "ana", role: .proofreader)
        #expect(refused == .levelRefused(.validationBySameUser(user: "ana")))
        #expect(try catalogue.revisions(id, one).count == 1)
        let ben = try saved(catalogue.saveRevision(id, one, edit: edit("texto", .validated), base: ana.id, user: "ben", role: .proofreader))
        #expect(ben.mark == PageLevelMark(level: .validated, user: "ben"))
    }

    @Test func reRecordingOCRKeepsThePersonsTextAndLevelCurrent() throws {
        let ana = try saved(catalogue.saveRevision(id, one, edit: edit("Texto de una persona"), base: nil, user: "ana", role: .proofreader))
        _ = try catalogue.requeueForOCR(documents: [id])
        try catalogue.recordText(id, one, text: TextFixtures.page([["Otro OCR"]]), quality: .problematic)
        #expect(try catalogue.currentRevision(id, one) == ana)
        #expect(try catalogue.pages(of: id).first?.quality == .proofread)
        // The new OCR is stored beside it.
        #expect(try catalogue.text(id, one)?.plainText.contains("Otro OCR") == true)
    }

    @Test func requeueingPutsOnlyDonePagesBackInTheQueue() throws {
        #expect(try catalogue.requeueForOCR(documents: [id]) == 1)
        #expect(try catalogue.pagesNeedingText(documents: [id]).jobs.map(\.number) == [one, PageNumber(2)!])
    }

    @Test func revisionsCannotBeRewritten() throws {
        _ = try saved(catalogue.saveRevision(id, one, edit: edit("texto"), base: nil, user: "ana", role: .proofreader))
        #expect(throws: DatabaseError.self) { try catalogue.pool.write { db in try db.execute(sql: "UPDATE page_revision SET body = 'otro'") } }
    }

    @Test func aDraftIsKeptPerPersonAndGoesWithTheirSave() throws {
        for name in ["ana", "ben"] { try catalogue.addAccount(name: name, role: .proofreader, passwordHash: "$2b$hash") }
        try catalogue.saveDraft(id, one, account: "ana", edit: edit("a medio escribir", .notProofread), base: nil)
        #expect(try catalogue.draft(id, one, account: "ana")?.edit.body == "a medio escribir")
        #expect(try catalogue.draft(id, one, account: "ben") == nil)
        _ = try saved(catalogue.saveRevision(id, one, edit: edit("terminado"), base: nil, user: "ana", role: .proofreader))
        #expect(try catalogue.draft(id, one, account: "ana") == nil)
    }

    @Test func sessionsAreFoundByTheirDigestUntilTheyExpireOrEnd() throws {
        try catalogue.addAccount(name: "ana", role: .proofreader, passwordHash: "$2b$hash")
        #expect(throws: CatalogueError.self) { try catalogue.addAccount(name: "ana", role: .admin, passwordHash: "$2b$other") }
        let digest = String(repeating: "d", count: 64), csrf = String(repeating: "c", count: 64)
        try catalogue.openSession(account: "ana", tokenSHA256: digest, csrfToken: csrf, expiresAt: Date().addingTimeInterval(60))
        #expect(try catalogue.session(tokenSHA256: digest)?.account.name == "ana")
        try catalogue.closeSession(tokenSHA256: digest)
        #expect(try catalogue.session(tokenSHA256: digest) == nil)
        try catalogue.openSession(account: "ana", tokenSHA256: digest, csrfToken: csrf, expiresAt: Date().addingTimeInterval(-60))
        #expect(try catalogue.session(tokenSHA256: digest) == nil)
    }
}

@Suite("An OCR batch's mark")
struct OCRActivityTests {
    @Test func theMarkIsSeenWhileHeldAndGoneOnceReleased() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("quire.sqlite")
        #expect(!OCRActivity.isRunning(catalogue: path))
        var activity = OCRActivity.begin(catalogue: path)
        #expect(activity != nil)
        #expect(OCRActivity.isRunning(catalogue: path))
        // Two batches may run at once; both hold the mark.
        var second = OCRActivity.begin(catalogue: path)
        activity = nil
        #expect(OCRActivity.isRunning(catalogue: path))
        second = nil
        #expect(!OCRActivity.isRunning(catalogue: path))
        _ = (activity, second)
    }
}
