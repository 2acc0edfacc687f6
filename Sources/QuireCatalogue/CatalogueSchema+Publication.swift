import GRDB

extension CatalogueSchema {
    /// "v4-publication": every revision Quire saved on a wiki, so that a rerun (after `kill -9`
    /// or a dropped connection) knows what is done and never edits twice. One row per saved
    /// revision; the latest row of a title on a wiki is its state.
    static func publication(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE published_revision (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                api_url TEXT NOT NULL CHECK (api_url <> ''),
                title TEXT NOT NULL CHECK (title <> ''),
                page_number INTEGER CHECK (page_number IS NULL OR page_number >= 1),
                revision_id INTEGER NOT NULL CHECK (revision_id >= 1),
                content_sha1 TEXT NOT NULL CHECK (length(content_sha1) = 40),
                revision_timestamp TEXT NOT NULL CHECK (revision_timestamp <> ''),
                recorded_at TEXT NOT NULL,
                UNIQUE (api_url, revision_id)
            ) STRICT;
            CREATE INDEX published_revision_by_title ON published_revision(api_url, title);
            CREATE INDEX published_revision_by_document ON published_revision(document_id);
            """)
    }
}
