public import QuireCore
import Foundation
import GRDB

/// One document's state at a glance, for `quire status`.
public struct DocumentSummary: Hashable, Sendable, Codable {
    public var id: DocumentID
    public var metadata: DocumentMetadata
    /// Scan pages registered.
    public var pageCount: Int
    /// Pages per pipeline state (states with no page are absent).
    public var pagesByState: [PageState: Int]
    /// Pages per quality level, for pages that have one.
    public var pagesByQuality: [PageQuality: Int]
    /// Registered files: scans and transcripts.
    public var scanFileCount: Int
    public var transcriptFileCount: Int
    /// When the document was registered (ISO 8601).
    public var createdAt: String

    /// Share of pages with text, 0…1 (1 for a document without pages).
    public var progress: Double {
        pageCount == 0 ? 1 : Double(pagesByState[.done, default: 0]) / Double(pageCount)
    }
}

/// One registered file.
public struct SourceFileEntry: Hashable, Sendable, Codable {
    /// Absolute path.
    public var path: String
    public var sha256: String
    public var byteSize: Int64
    public var format: SourceFormat
    public var pageCount: Int
    public var addedAt: String
}

/// One page of a document, for `quire status DOC`.
public struct PageEntry: Hashable, Sendable, Codable {
    public var number: PageNumber
    /// The file the page image is in (absolute) and the 0-based page within it.
    public var sourcePath: String
    public var pageIndex: Int
    public var state: PageState
    public var quality: PageQuality?
    public var flags: [PageFlag]
    public var failures: Int
    public var lastError: String?
    public var meanConfidence: Double?
}

extension Catalogue {
    /// Every document, ordered by id.
    public func summaries() throws(CatalogueError) -> [DocumentSummary] {
        try read { db in try DocumentRow.order(Column("id")).fetchAll(db).map { try summary(db, $0) } }
    }

    /// One document's summary; throws `document_not_found` when absent.
    public func summary(of id: DocumentID) throws(CatalogueError) -> DocumentSummary {
        let found = try read { db in try DocumentRow.fetchOne(db, key: id.rawValue).map { try summary(db, $0) } }
        guard let found else { throw .documentNotFound(id) }
        return found
    }

    /// A document's metadata; throws `document_not_found` when absent.
    public func metadata(of id: DocumentID) throws(CatalogueError) -> DocumentMetadata {
        try summary(of: id).metadata
    }

    /// A document's registered files, in registration order.
    public func sources(of id: DocumentID) throws(CatalogueError) -> [SourceFileEntry] {
        try read { db in
            try SourceFileRow.filter(Column("document_id") == id.rawValue).order(Column("id")).fetchAll(db).map { row in
                SourceFileEntry(
                    path: absolutePath(forStored: row.path), sha256: row.sha256, byteSize: row.byteSize,
                    format: SourceFormat(rawValue: row.format) ?? .text, pageCount: row.pageCount, addedAt: row.addedAt)
            }
        }
    }

    /// A document's pages in physical order; throws `document_not_found` when absent.
    public func pages(of id: DocumentID) throws(CatalogueError) -> [PageEntry] {
        _ = try summary(of: id)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT page.number, source_file.path, page.page_index, page.state, page.quality, page.flags,
                       page.failures, page.last_error, page_text.mean_confidence
                FROM page
                JOIN source_file ON source_file.id = page.source_file_id
                LEFT JOIN page_text ON page_text.document_id = page.document_id AND page_text.number = page.number
                WHERE page.document_id = ?
                ORDER BY page.number
                """, arguments: [id.rawValue])
            return rows.compactMap { row -> PageEntry? in
                guard let number = PageNumber(row["number"]) else { return nil }
                let flagText: String = row["flags"]
                return PageEntry(
                    number: number, sourcePath: absolutePath(forStored: row["path"]), pageIndex: row["page_index"],
                    state: PageState(rawValue: row["state"]) ?? .pending,
                    quality: (row["quality"] as Int?).flatMap(PageQuality.init(rawValue:)),
                    flags: flagText.split(separator: ",").compactMap { PageFlag(rawValue: String($0)) },
                    failures: row["failures"], lastError: row["last_error"], meanConfidence: row["mean_confidence"])
            }
        }
    }

    private func summary(_ db: Database, _ row: DocumentRow) throws -> DocumentSummary {
        let contributors = try ContributorRow.filter(Column("document_id") == row.id).order(Column("position")).fetchAll(db).compactMap(\.contributor)
        var byState: [PageState: Int] = [:]
        for stateRow in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM page WHERE document_id = ? GROUP BY state", arguments: [row.id]) {
            if let state = PageState(rawValue: stateRow["state"]) { byState[state] = stateRow["n"] }
        }
        var byQuality: [PageQuality: Int] = [:]
        for qualityRow in try Row.fetchAll(db, sql: "SELECT quality, COUNT(*) AS n FROM page WHERE document_id = ? AND quality IS NOT NULL GROUP BY quality", arguments: [row.id]) {
            if let quality = PageQuality(rawValue: qualityRow["quality"]) { byQuality[quality] = qualityRow["n"] }
        }
        let pageCount = byState.values.reduce(0, +)
        let scans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source_file WHERE document_id = ? AND format <> 'text'", arguments: [row.id]) ?? 0
        let texts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM source_file WHERE document_id = ? AND format = 'text'", arguments: [row.id]) ?? 0
        return DocumentSummary(
            id: DocumentID(row.id) ?? DocumentID.slug(fromTitle: row.id), metadata: row.metadata(contributors: contributors),
            pageCount: pageCount, pagesByState: byState, pagesByQuality: byQuality,
            scanFileCount: scans, transcriptFileCount: texts, createdAt: row.createdAt)
    }
}
