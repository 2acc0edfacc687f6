import Foundation
import GRDB
@testable import QuireCatalogue
import QuireCore
import QuireTestSupport
import Testing

@Suite("Catalogue: rights facts and the append-only clearance history")
struct ClearanceHistoryTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("discurso")!

    init() throws {
        let fixture = try CatalogueFixture(document: id, pages: 2)
        folder = fixture.folder
        catalogue = fixture.catalogue
    }

    func transition(_ from: ClearanceStatus, _ to: ClearanceStatus, target: ClearanceTarget = .esWikisource) -> ClearanceEvent {
        ClearanceEvent(document: id, kind: .transition, target: target, from: from, to: to, actor: "Ana", reason: "step", engineVerdict: .free, rulesVersion: "r")
    }

    func factsEvent(_ detail: String = "licence: unknown → CC-BY-SA-4.0") -> ClearanceEvent {
        ClearanceEvent(document: id, kind: .facts, actor: "Ana", reason: "permission received", detail: detail)
    }

    @Test func historyCannotBeUpdatedOrDeletedEvenWithSQL() throws {
        try catalogue.appendTransition(transition(.uncleared, .inReview))
        try catalogue.appendTransition(transition(.inReview, .cleared))
        let before = try catalogue.clearanceHistory(of: id)
        for sql in [
            "UPDATE clearance_event SET to_status = 'rejected'",
            "UPDATE clearance_event SET reason = 'rewritten' WHERE sequence = 1",
            "DELETE FROM clearance_event",
            "DELETE FROM clearance_event WHERE sequence = 2",
            "DELETE FROM document",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try catalogue.pool.write { db in try db.execute(sql: sql) } }
        }
        #expect(try catalogue.clearanceHistory(of: id) == before)
        #expect(ClearanceEvent.statuses(after: before)[.esWikisource] == .cleared)
        // A correction is a new entry.
        try catalogue.appendTransition(transition(.cleared, .inReview))
        #expect(try catalogue.clearanceHistory(of: id).count == 3)
    }

    @Test func aStaleDecisionIsRefusedNotLost() throws {
        try catalogue.appendTransition(transition(.uncleared, .inReview))
        try catalogue.appendTransition(transition(.inReview, .rejected))
        // Somebody else decided first: a decision taken from in-review no longer applies.
        #expect { try catalogue.appendTransition(transition(.inReview, .cleared)) } throws: { error in
            (error as? CatalogueError)?.code == .clearanceConflict
        }
        #expect(try catalogue.clearanceHistory(of: id).map(\.to) == [.inReview, .rejected])
        #expect(try catalogue.clearanceStatuses()[id]?[.esWikisource] == .rejected)
        #expect(try catalogue.clearanceStatuses()[id]?[.commons] == .uncleared)
    }

    @Test func factsEvidenceAndTheirEntryAreWrittenTogether() throws {
        let ticket = Evidence(kind: .ticket, value: "2026112410000001")
        let file = Evidence(kind: .file, value: "permiso.pdf", sha256: String(repeating: "b", count: 64))
        var metadata = try catalogue.metadata(of: id)
        metadata.publication.country = CountryCode("ES")
        try catalogue.updateFacts(
            id, metadata: metadata,
            rights: RightsFactsChange(speech: .some(.parliament), licence: .some("CC-BY-SA-4.0"), rightsHolder: .some("Fundación X"), addEvidence: [ticket, file]),
            event: factsEvent())
        // The same evidence again is not duplicated; a field set to nil is unset.
        try catalogue.updateFacts(id, metadata: metadata, rights: RightsFactsChange(speech: .some(nil), addEvidence: [ticket]), event: factsEvent("speech: parliament → unknown"))
        let rights = try catalogue.rightsFacts(of: id)
        #expect(rights.speech == nil)
        #expect(rights.licence == "CC-BY-SA-4.0")
        #expect(rights.rightsHolder == "Fundación X")
        #expect(rights.evidence == [ticket, file])
        #expect(try catalogue.metadata(of: id).publication.country == CountryCode("ES"))
        #expect(try catalogue.metadata(of: id).title == "Discurso de prueba")
        let history = try catalogue.clearanceHistory(of: id)
        #expect(history.map(\.kind) == [.facts, .facts])
        #expect(history.allSatisfy { $0.at != nil && $0.sequence != nil })
    }

    @Test func aFailedFactsUpdateWritesNothing() throws {
        let bad = Evidence(kind: .file, value: "x.pdf", sha256: "short")  // violates the schema's CHECK
        #expect(throws: CatalogueError.self) {
            try catalogue.updateFacts(id, metadata: try catalogue.metadata(of: id), rights: RightsFactsChange(licence: .some("CC0-1.0"), addEvidence: [bad]), event: factsEvent())
        }
        #expect(try catalogue.rightsFacts(of: id) == RightsFacts())
        #expect(try catalogue.clearanceHistory(of: id).isEmpty)
    }

    @Test func schemaRefusesMalformedEntries() throws {
        // With a chain value, so that the constraints are what refuses them.
        let chain = String(repeating: "a", count: 64)
        for sql in [
            "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at, chain) VALUES ('discurso', 'transition', 'commons', 'a', 'b', 'now', '\(chain)')",
            "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at, chain) VALUES ('discurso', 'facts', 'commons', 'a', 'b', 'now', '\(chain)')",
            "INSERT INTO clearance_event (document_id, kind, actor, reason, at, chain) VALUES ('discurso', 'facts', '', 'b', 'now', '\(chain)')",
            "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at, chain) VALUES ('discurso', 'override', 'xx.wikisource', 'a', 'b', 'now', '\(chain)')",
            "INSERT INTO clearance_event (document_id, kind, actor, reason, at, chain) VALUES ('nobody', 'facts', 'a', 'b', 'now', '\(chain)')",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try catalogue.pool.write { db in try db.execute(sql: sql) } }
        }
    }

    @Test func aVersionOneCatalogueIsUpgradedKeepingItsDocuments() throws {
        let path = folder.file("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1-foundation", migrate: CatalogueSchema.foundation)
            try migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO document (id, title, languages, created_at) VALUES ('viejo', 'Viejo', 'spa', 'then')")
            }
        }
        let upgraded = try Catalogue.open(at: path)
        #expect(try upgraded.appliedMigrations() == ["v1-foundation", "v2-clearance", "v3-transcript", "v4-publication", "v5-created", "v6-ebook-target", "v7-history-chain", "v8-page-claims", "v9-proofreading", "v10-double-review"])
        #expect(try upgraded.rightsFacts(of: DocumentID("viejo")!) == RightsFacts())
        #expect(try upgraded.clearanceStatuses()[DocumentID("viejo")!]?[.enWikisource] == .uncleared)
    }

    @Test func aVersionFourHistoryIsKeptAndStaysAppendOnlyWhenTheEbookTargetIsAdded() throws {
        let path = folder.file("v4.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1-foundation", migrate: CatalogueSchema.foundation)
            migrator.registerMigration("v2-clearance", migrate: CatalogueSchema.clearance)
            migrator.registerMigration("v3-transcript", migrate: CatalogueSchema.transcript)
            migrator.registerMigration("v4-publication", migrate: CatalogueSchema.publication)
            try migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO document (id, title, languages, created_at) VALUES ('viejo', 'Viejo', 'spa', 'then')")
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at) VALUES ('viejo', 'override', 'commons', 'Ana', 'test upload', 't1')")
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, actor, reason, at) VALUES ('viejo', 'facts', 'Bea', 'licence', 't2')")
            }
            #expect(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at) VALUES ('viejo', 'override', 'ebook', 'a', 'b', 'c')") }
            }
        }
        let upgraded = try Catalogue.open(at: path)
        let id = DocumentID("viejo")!
        let history = try upgraded.clearanceHistory(of: id)
        #expect(history.map(\.actor) == ["Ana", "Bea"])
        #expect(history.first?.target == .commons)
        try upgraded.appendEvent(ClearanceEvent(document: id, kind: .override, target: .ebook, actor: "Ana", reason: "proof copy", detail: "quire export"))
        #expect(try upgraded.clearanceHistory(of: id).last?.target == .ebook)
        #expect(throws: DatabaseError.self) { try upgraded.pool.write { db in try db.execute(sql: "UPDATE clearance_event SET reason = 'x'") } }
        #expect(throws: DatabaseError.self) { try upgraded.pool.write { db in try db.execute(sql: "DELETE FROM clearance_event") } }
    }
}
