import Foundation
import GRDB
public import QuireCore

/// One document's clearance inputs as the catalogue holds them: what the engine reads and the
/// history the workflow's statuses come from.
public struct ClearanceRecord: Sendable {
    public var id: DocumentID
    public var metadata: DocumentMetadata
    public var rights: RightsFacts
    /// Oldest first.
    public var history: [ClearanceEvent]
}

/// What changes whenever any document's clearance inputs change: the number of documents, the
/// last history entry (every change of facts or status appends one), and the last document
/// registered. A reader holding results made at one version may reuse them while it stays equal.
public struct ClearanceVersion: Hashable, Sendable {
    public var documents: Int
    public var lastEntry: Int
    public var lastRegistered: String
}

extension Catalogue {
    /// Every document's clearance inputs, read in one transaction with one query per table (not
    /// per document), in document order: what reports and overviews over thousands of documents
    /// read.
    public func clearanceRecords() throws(CatalogueError) -> [ClearanceRecord] {
        try read { db in
            var contributors: [String: [Contributor]] = [:]
            for row in try ContributorRow.order(Column("document_id"), Column("position")).fetchAll(db) {
                if let contributor = row.contributor { contributors[row.documentId, default: []].append(contributor) }
            }
            var rights: [String: RightsFacts] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM rights") {
                rights[row["document_id"]] = Self.rightsFacts(row: row)
            }
            for row in try Row.fetchAll(db, sql: "SELECT document_id, kind, value, sha256 FROM evidence ORDER BY id") {
                guard let item = Self.evidence(row: row) else { continue }
                rights[row["document_id"], default: RightsFacts()].evidence.append(item)
            }
            var history: [String: [ClearanceEvent]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM clearance_event ORDER BY sequence") {
                let key: String = row["document_id"]
                guard let id = DocumentID(key), let event = Self.clearanceEvent(row: row, document: id) else { continue }
                history[key, default: []].append(event)
            }
            return try DocumentRow.order(Column("id")).fetchAll(db).compactMap { row in
                guard let id = DocumentID(row.id) else { return nil }
                return ClearanceRecord(
                    id: id, metadata: row.metadata(contributors: contributors[row.id] ?? []), rights: rights[row.id] ?? RightsFacts(),
                    history: history[row.id] ?? [])
            }
        }
    }

    /// The documents whose history gained an entry after `sequence`, in document order.
    public func documents(withEntriesAfter sequence: Int) throws(CatalogueError) -> [DocumentID] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT document_id FROM clearance_event WHERE sequence > ? ORDER BY document_id", arguments: [sequence])
                .compactMap(DocumentID.init)
        }
    }

    /// The current ``ClearanceVersion``: three index lookups.
    public func clearanceVersion() throws(CatalogueError) -> ClearanceVersion {
        try read { db in
            ClearanceVersion(
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                lastEntry: try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM clearance_event") ?? 0,
                lastRegistered: try String.fetchOne(db, sql: "SELECT MAX(created_at) || MAX(id) FROM document") ?? "")
        }
    }
}
