import Foundation
import GRDB
@testable import QuireCatalogue
import QuireCore
import QuireTestSupport
import Testing

/// The clearance history is tamper-evident: what an SQL shell can still do to the file is found.
@Suite("Catalogue: the clearance history's hash chain")
struct ClearanceChainTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("discurso")!

    init() throws {
        let fixture = try CatalogueFixture(document: id, pages: 2)
        folder = fixture.folder
        catalogue = fixture.catalogue
        try catalogue.appendTransition(transition(.uncleared, .inReview))
        try catalogue.appendTransition(transition(.inReview, .rejected))
    }

    func transition(_ from: ClearanceStatus, _ to: ClearanceStatus) -> ClearanceEvent {
        ClearanceEvent(document: id, kind: .transition, target: .esWikisource, from: from, to: to, actor: "Ana", reason: "step", engineVerdict: .free, rulesVersion: "r")
    }

    /// A raw connection to the file, as an SQL shell has it (foreign keys off).
    func shell(_ sql: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: folder.file("quire.sqlite"), configuration: configuration)
        try queue.write { db in try db.execute(sql: sql) }
    }

    func expectDamaged(_ message: String, expectingHead head: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sourceLocation: sourceLocation) { try catalogue.verifyClearanceHistory(expectingHead: head) } throws: { error in
            guard let error = error as? CatalogueError else { return false }
            return error.code == .catalogueDamaged && error.message.contains(message)
        }
    }

    @Test func aHistoryWrittenByQuireVerifiesAndItsHeadMoves() throws {
        let first = try catalogue.verifyClearanceHistory()
        #expect(first.entries == 2 && first.head?.count == 64)
        try catalogue.appendTransition(transition(.rejected, .inReview))
        let second = try catalogue.verifyClearanceHistory(expectingHead: first.head)
        #expect(second.entries == 3 && second.head != first.head)
        // A head that never was in the chain is refused.
        expectDamaged("no longer passes through", expectingHead: String(repeating: "0", count: 64))
    }

    /// The probe's case: `INSERT OR REPLACE` rewrote "rejected" as "cleared" in place.
    @Test func replacingAnEntryIsRefused() throws {
        #expect(throws: DatabaseError.self) {
            try shell("INSERT OR REPLACE INTO clearance_event (sequence, document_id, kind, target, from_status, to_status, actor, reason, at, chain) VALUES (2, 'discurso', 'transition', 'es.wikisource', 'in-review', 'cleared', 'Ana', 'step', 'now', '\(String(repeating: "a", count: 64))')")
        }
        #expect(try catalogue.clearanceHistory(of: id).last?.to == .rejected)
        try catalogue.verifyClearanceHistory()
    }

    @Test func aForgedEntryIsFound() throws {
        let head = try catalogue.verifyClearanceHistory().head
        try shell("INSERT INTO clearance_event (document_id, kind, target, from_status, to_status, actor, reason, at, chain) VALUES ('discurso', 'transition', 'es.wikisource', 'rejected', 'cleared', 'Chief', 'forged', 'now', '\(String(repeating: "b", count: 64))')")
        expectDamaged("entry #3 (document 'discurso') does not match")
        // A forger who knows the scheme computes a right-looking chain over a rewritten entry;
        // the head kept outside the catalogue catches that.
        try shell("""
            DROP TRIGGER clearance_event_is_append_only_delete;
            DELETE FROM clearance_event WHERE sequence = 3;
            CREATE TRIGGER clearance_event_is_append_only_delete BEFORE DELETE ON clearance_event BEGIN SELECT RAISE(ABORT, 'x'); END;
            DROP TRIGGER clearance_event_is_append_only_update;
            UPDATE clearance_event SET to_status = 'cleared' WHERE sequence = 2;
            """)
        try rechain()
        try catalogue.verifyClearanceHistory()
        expectDamaged("no longer passes through", expectingHead: head)
    }

    /// What a forger who read ``ClearanceChain`` would do: compute every chain value again.
    func rechain() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: folder.file("quire.sqlite"), configuration: configuration)
        try queue.write { db in
            var previous: String?
            for row in try Row.fetchAll(db, sql: "SELECT * FROM clearance_event ORDER BY sequence") {
                let chain = ClearanceChain.link(previous: previous, values: ClearanceChain.values(of: row))
                try db.execute(sql: "UPDATE clearance_event SET chain = ? WHERE sequence = ?", arguments: [chain, row["sequence"] as Int64])
                previous = chain
            }
            try db.execute(sql: "CREATE TRIGGER clearance_event_is_append_only_update BEFORE UPDATE ON clearance_event BEGIN SELECT RAISE(ABORT, 'x'); END;")
        }
    }

    @Test func anEntryRewrittenWithTheTriggersDroppedIsFound() throws {
        try shell("DROP TRIGGER clearance_event_is_append_only_update")
        expectDamaged("'clearance_event_is_append_only_update' was removed")
        try shell("""
            UPDATE clearance_event SET to_status = 'cleared' WHERE sequence = 2;
            CREATE TRIGGER clearance_event_is_append_only_update BEFORE UPDATE ON clearance_event BEGIN SELECT RAISE(ABORT, 'x'); END;
            """)
        expectDamaged("entry #2 (document 'discurso') does not match")
    }

    @Test func aDocumentWithHistoryCannotBeDeletedEvenWithForeignKeysOff() throws {
        #expect(throws: DatabaseError.self) { try shell("DELETE FROM document WHERE id = 'discurso'") }
        #expect(try catalogue.clearanceHistory(of: id).count == 2)
    }

    @Test func anEntryWithoutItsChainIsRefused() throws {
        #expect(throws: DatabaseError.self) {
            try shell("INSERT INTO clearance_event (document_id, kind, actor, reason, at) VALUES ('discurso', 'facts', 'a', 'b', 'now')")
        }
    }

    /// A catalogue from before the chain: its entries get their chain values in order, and the
    /// history verifies and stays append-only.
    @Test func anOlderHistoryIsChainedWhenUpgraded() throws {
        let path = folder.file("v6.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try CatalogueSchema.migrator.migrate(queue, upTo: "v6-ebook-target")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO document (id, title, languages, created_at) VALUES ('viejo', 'Viejo', 'spa', 'then')")
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at) VALUES ('viejo', 'override', 'commons', 'Ana', 'test upload', 't1')")
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, actor, reason, at) VALUES ('viejo', 'facts', 'Bea', 'licence', 't2')")
            }
        }
        let upgraded = try Catalogue.open(at: path)
        #expect(try upgraded.verifyClearanceHistory().entries == 2)
        try upgraded.appendEvent(ClearanceEvent(document: DocumentID("viejo")!, kind: .override, target: .ebook, actor: "Ana", reason: "proof", detail: "x"))
        #expect(try upgraded.verifyClearanceHistory().entries == 3)
        #expect(throws: DatabaseError.self) { try upgraded.pool.write { db in try db.execute(sql: "UPDATE clearance_event SET reason = 'x'") } }
    }

    /// The double-review migration rebuilds the table: every entry and chain value is kept (the
    /// head kept before still verifies), the protections are back, and a vote can be recorded.
    @Test func theDoubleReviewUpgradeKeepsTheChainAndItsProtections() throws {
        let path = folder.file("v9.sqlite")
        let head: String?
        do {
            let queue = try DatabaseQueue(path: path)
            try CatalogueSchema.migrator.migrate(queue, upTo: "v6-ebook-target")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO document (id, title, languages, created_at) VALUES ('viejo', 'Viejo', 'spa', 'then')")
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, target, actor, reason, at) VALUES ('viejo', 'override', 'commons', 'Ana', 'test upload', 't1')")
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, actor, reason, at) VALUES ('viejo', 'facts', 'Bea', 'licence', 't2')")
            }
            try CatalogueSchema.migrator.migrate(queue, upTo: "v9-proofreading")
            head = try queue.read { db in try String.fetchOne(db, sql: "SELECT chain FROM clearance_event ORDER BY sequence DESC LIMIT 1") }
        }
        let upgraded = try Catalogue.open(at: path)
        #expect(try upgraded.verifyClearanceHistory(expectingHead: head).entries == 2)
        try upgraded.appendEvent(ClearanceEvent(document: DocumentID("viejo")!, kind: .vote, target: .commons, to: .cleared, actor: "Ana", reason: "free"))
        #expect(try upgraded.clearanceHistory(of: DocumentID("viejo")!).last?.kind == .vote)
        #expect(try upgraded.verifyClearanceHistory(expectingHead: head).entries == 3)
        #expect(throws: DatabaseError.self) { try upgraded.pool.write { db in try db.execute(sql: "UPDATE clearance_event SET reason = 'x'") } }
        #expect(throws: DatabaseError.self) { try upgraded.pool.write { db in try db.execute(sql: "DELETE FROM document") } }
        // A vote is a decision: never a move to review or back to uncleared.
        #expect(throws: DatabaseError.self) {
            try upgraded.pool.write { db in
                try db.execute(sql: "INSERT INTO clearance_event (document_id, kind, target, to_status, actor, reason, at, chain) VALUES ('viejo', 'vote', 'commons', 'in-review', 'a', 'b', 'c', '\(String(repeating: "a", count: 64))')")
            }
        }
    }
}
