import GRDB
public import QuireCore

extension Catalogue {
    /// When the document's text last changed: the latest time a page's text (recognised or
    /// imported) or split known text was stored — and, with `includingRevisions`, a person saved
    /// a page in the proofreading room — ISO 8601 UTC (`2026-12-07T18:52:13Z`); nil when no page
    /// has text. A release stamped with it is the same for the same catalogue state. (The room's
    /// cache of the tool's own text leaves revisions out: a save does not change what the tool made.)
    public func latestTextTime(of id: DocumentID, includingRevisions: Bool = false) throws(CatalogueError) -> String? {
        let revisions = includingRevisions ? " UNION ALL SELECT created_at AS at FROM page_revision WHERE document_id = ?1" : ""
        return try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT max(at) FROM (
                        SELECT created_at AS at FROM page_text WHERE document_id = ?1
                        UNION ALL SELECT created_at AS at FROM page_transcript WHERE document_id = ?1\(revisions))
                    """,
                arguments: [id.rawValue])
        }
    }
}
