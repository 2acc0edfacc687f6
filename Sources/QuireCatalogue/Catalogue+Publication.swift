public import QuireCore
import GRDB

/// A revision Quire saved on a wiki.
public struct PublishedRevision: Hashable, Sendable {
    /// The document the page belongs to.
    public var document: DocumentID
    /// The wiki's `api.php` URL.
    public var apiURL: String
    /// The full title as the wiki spells it.
    public var title: String
    /// The physical page, for Page: pages; nil for the Index and main pages.
    public var pageNumber: PageNumber?
    /// The revision id the wiki gave.
    public var revisionID: Int
    /// SHA-1 (40 hex digits) of the text saved.
    public var contentSHA1: String
    /// The revision's timestamp as the wiki gave it (ISO 8601).
    public var timestamp: String

    /// A record of one saved revision.
    public init(document: DocumentID, apiURL: String, title: String, pageNumber: PageNumber?, revisionID: Int, contentSHA1: String, timestamp: String) {
        self.document = document
        self.apiURL = apiURL
        self.title = title
        self.pageNumber = pageNumber
        self.revisionID = revisionID
        self.contentSHA1 = contentSHA1
        self.timestamp = timestamp
    }
}

extension Catalogue {
    /// Records a saved revision in its own transaction. Recording the same revision twice (a
    /// rerun that found its earlier edit on the wiki) keeps one row.
    public func recordPublished(_ revision: PublishedRevision) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM document WHERE id = ?", arguments: [revision.document.rawValue]) == true else {
                throw CatalogueError.documentNotFound(revision.document)
            }
            try db.execute(
                sql: """
                    INSERT INTO published_revision
                        (document_id, api_url, title, page_number, revision_id, content_sha1, revision_timestamp, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (api_url, revision_id) DO NOTHING
                    """,
                arguments: [
                    revision.document.rawValue, revision.apiURL, revision.title, revision.pageNumber?.rawValue,
                    revision.revisionID, revision.contentSHA1.lowercased(), revision.timestamp, now,
                ])
        }
    }

    /// The latest recorded revision of each title of `document` on the wiki at `apiURL`.
    public func publishedRevisions(of document: DocumentID, apiURL: String) throws(CatalogueError) -> [String: PublishedRevision] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT title, page_number, revision_id, content_sha1, revision_timestamp FROM published_revision
                    WHERE document_id = ? AND api_url = ? ORDER BY id
                    """,
                arguments: [document.rawValue, apiURL])
            var latest: [String: PublishedRevision] = [:]
            for row in rows {
                let title: String = row["title"]
                latest[title] = PublishedRevision(
                    document: document, apiURL: apiURL, title: title, pageNumber: (row["page_number"] as Int?).flatMap(PageNumber.init),
                    revisionID: row["revision_id"], contentSHA1: row["content_sha1"], timestamp: row["revision_timestamp"])
            }
            return latest
        }
    }

    /// How many revisions are recorded for `document` (every wiki).
    public func publishedRevisionCount(of document: DocumentID) throws(CatalogueError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM published_revision WHERE document_id = ?", arguments: [document.rawValue]) ?? 0 }
    }
}
