import Foundation
import GRDB
public import QuireCore

extension Catalogue {
    /// A document's rights facts and evidence; all unknown when none were set.
    public func rightsFacts(of id: DocumentID) throws(CatalogueError) -> RightsFacts {
        _ = try summary(of: id)
        return try read { db in try rightsFacts(db, id) }
    }

    /// Replaces a document's bibliographic facts (title and languages are kept), applies a change
    /// to its rights facts, and appends `event` (a `facts` entry) to its history, in one transaction.
    public func updateFacts(
        _ id: DocumentID, metadata: DocumentMetadata, rights change: RightsFactsChange, event: ClearanceEvent
    ) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            guard let existing = try DocumentRow.fetchOne(db, key: id.rawValue) else { throw CatalogueError.documentNotFound(id) }
            var kept = metadata
            kept.title = existing.title
            try DocumentRow(id: id, metadata: kept, createdAt: existing.createdAt).update(db)
            try ContributorRow.filter(Column("document_id") == id.rawValue).deleteAll(db)
            for (position, contributor) in metadata.contributors.enumerated() {
                try ContributorRow(document: id, position: position, contributor: contributor).insert(db)
            }
            let facts = change.applied(to: try rightsFacts(db, id))
            try db.execute(
                sql: """
                    INSERT INTO rights (document_id, official, speech, licence, rights_holder, us_notice, us_renewed, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (document_id) DO UPDATE SET official = excluded.official, speech = excluded.speech,
                        licence = excluded.licence, rights_holder = excluded.rights_holder, us_notice = excluded.us_notice,
                        us_renewed = excluded.us_renewed, updated_at = excluded.updated_at
                    """,
                arguments: [id.rawValue, facts.official?.rawValue, facts.speech?.rawValue, facts.licence, facts.rightsHolder, facts.usNotice, facts.usRenewed, now])
            for item in change.addEvidence {
                try db.execute(
                    sql: "INSERT INTO evidence (document_id, kind, value, sha256, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [id.rawValue, item.kind.rawValue, item.value, item.sha256, now])
            }
            try insert(db, event, at: now)
        }
    }

    /// Appends a transition, but only if the document is still `event.from` for its target: a
    /// concurrent decision makes this one fail with `clearance_conflict` instead of being lost.
    public func appendTransition(_ event: ClearanceEvent) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            guard try DocumentRow.fetchOne(db, key: event.document.rawValue) != nil else { throw CatalogueError.documentNotFound(event.document) }
            guard event.kind == .transition, let target = event.target, let from = event.from else {
                throw CatalogueError(.internalError, "a transition needs a target and a status to move from", remedy: "report this as a bug")
            }
            let current = ClearanceEvent.statuses(after: try history(db, event.document))[target] ?? .uncleared
            guard current == from else {
                throw CatalogueError(
                    .clearanceConflict, "the document became \(current.rawValue) for \(target.rawValue) while this decision was being made",
                    remedy: "look at 'quire clearance history \(event.document)' and decide again from the current status",
                    context: ErrorContext(document: event.document))
            }
            try insert(db, event, at: now)
        }
    }

    /// Appends an override (or any non-transition entry) to a document's history.
    public func appendEvent(_ event: ClearanceEvent) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            guard try DocumentRow.fetchOne(db, key: event.document.rawValue) != nil else { throw CatalogueError.documentNotFound(event.document) }
            try insert(db, event, at: now)
        }
    }

    /// A document's clearance history, oldest first.
    public func clearanceHistory(of id: DocumentID) throws(CatalogueError) -> [ClearanceEvent] {
        _ = try summary(of: id)
        return try read { db in try history(db, id) }
    }

    /// The clearance status of every document per target, for reports and `status`.
    public func clearanceStatuses() throws(CatalogueError) -> [DocumentID: [ClearanceTarget: ClearanceStatus]] {
        try read { db in
            var result: [DocumentID: [ClearanceTarget: ClearanceStatus]] = [:]
            for id in try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id") {
                guard let document = DocumentID(id) else { continue }
                result[document] = ClearanceEvent.statuses(after: try history(db, document))
            }
            return result
        }
    }

    private func rightsFacts(_ db: Database, _ id: DocumentID) throws -> RightsFacts {
        var facts = try Row.fetchOne(db, sql: "SELECT * FROM rights WHERE document_id = ?", arguments: [id.rawValue]).map(Self.rightsFacts(row:)) ?? RightsFacts()
        facts.evidence = try Row.fetchAll(db, sql: "SELECT kind, value, sha256 FROM evidence WHERE document_id = ? ORDER BY id", arguments: [id.rawValue])
            .compactMap(Self.evidence(row:))
        return facts
    }

    /// A `rights` row's facts (without evidence).
    static func rightsFacts(row: Row) -> RightsFacts {
        var facts = RightsFacts()
        facts.official = (row["official"] as String?).flatMap(OfficialWork.init(rawValue:))
        facts.speech = (row["speech"] as String?).flatMap(SpeechVenue.init(rawValue:))
        facts.licence = row["licence"]
        facts.rightsHolder = row["rights_holder"]
        facts.usNotice = row["us_notice"]
        facts.usRenewed = row["us_renewed"]
        return facts
    }

    /// An `evidence` row's item; nil for a kind this version does not know.
    static func evidence(row: Row) -> Evidence? {
        Evidence.Kind(rawValue: row["kind"]).map { Evidence(kind: $0, value: row["value"], sha256: row["sha256"]) }
    }

    func history(_ db: Database, _ id: DocumentID) throws -> [ClearanceEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM clearance_event WHERE document_id = ? ORDER BY sequence", arguments: [id.rawValue]).compactMap { row in
            Self.clearanceEvent(row: row, document: id)
        }
    }

    /// A `clearance_event` row as an entry; nil for a kind this version does not know.
    static func clearanceEvent(row: Row, document id: DocumentID) -> ClearanceEvent? {
        guard let kind = ClearanceEvent.Kind(rawValue: row["kind"]) else { return nil }
        let evidenceJSON: String = row["evidence"]
        let evidence = (try? JSONDecoder().decode([Evidence].self, from: Data(evidenceJSON.utf8))) ?? []
        return ClearanceEvent(
            document: id, kind: kind, target: (row["target"] as String?).flatMap(ClearanceTarget.init(rawValue:)),
            from: (row["from_status"] as String?).flatMap(ClearanceStatus.init(rawValue:)),
            to: (row["to_status"] as String?).flatMap(ClearanceStatus.init(rawValue:)),
            actor: row["actor"], reason: row["reason"], evidence: evidence,
            engineVerdict: (row["engine_verdict"] as String?).flatMap(Verdict.init(rawValue:)), rulesVersion: row["rules_version"],
            justification: row["justification"], detail: row["detail"], sequence: row["sequence"], at: row["at"])
    }

    /// Appends `event` with its sequence number and chain value (``ClearanceChain``), in the
    /// caller's write transaction.
    func insert(_ db: Database, _ event: ClearanceEvent, at now: String) throws {
        if let field = event.fieldWithControlCharacters { throw CatalogueError.controlCharacters(in: field, document: event.document) }
        let evidence = String(decoding: try JSONEncoder().encode(event.evidence), as: UTF8.self)
        let last = try Row.fetchOne(db, sql: "SELECT sequence, chain FROM clearance_event ORDER BY sequence DESC LIMIT 1")
        let used = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'clearance_event'") ?? 0
        let sequence = max(used, last?["sequence"] ?? 0) + 1
        let values: [String?] = [
            String(sequence), event.document.rawValue, event.kind.rawValue, event.target?.rawValue, event.from?.rawValue, event.to?.rawValue,
            event.actor, event.reason, evidence, event.engineVerdict?.rawValue, event.rulesVersion, event.justification, event.detail, now,
        ]
        let chain = ClearanceChain.link(previous: last?["chain"], values: values)
        try db.execute(
            sql: """
                INSERT INTO clearance_event (sequence, document_id, kind, target, from_status, to_status, actor, reason, evidence,
                                             engine_verdict, rules_version, justification, detail, at, chain)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: StatementArguments([sequence] + values.dropFirst().map { $0 as (any DatabaseValueConvertible)? } + [chain]))
    }
}
