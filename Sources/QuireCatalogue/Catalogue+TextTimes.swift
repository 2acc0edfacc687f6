import GRDB
public import QuireCore

extension Catalogue {
    /// When the document's text last changed: the latest time a page's text (recognised or
    /// imported) or split known text was stored, ISO 8601 UTC (`2026-12-07T18:52:13Z`); nil when
    /// no page has text. A release stamped with it is the same for the same catalogue state.
    public func latestTextTime(of id: DocumentID) throws(CatalogueError) -> String? {
        try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT max(at) FROM (
                        SELECT created_at AS at FROM page_text WHERE document_id = ?
                        UNION ALL SELECT created_at AS at FROM page_transcript WHERE document_id = ?)
                    """,
                arguments: [id.rawValue, id.rawValue])
        }
    }
}
