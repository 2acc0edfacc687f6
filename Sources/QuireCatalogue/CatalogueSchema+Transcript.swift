import GRDB

extension CatalogueSchema {
    /// `v3-transcript`: the split of a known text (match & split). One row per page that received
    /// part of the text: the text as typed, the alignment's confidence, its flags and reasons, and
    /// whether the page's part ends a paragraph, and the SHA-256 of the transcript it came from. Pages keep their OCR in `page_text`; wikitext
    /// prefers a page's split text when it has one.
    static func transcript(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE page_transcript (
                document_id TEXT NOT NULL,
                number INTEGER NOT NULL,
                text TEXT NOT NULL,
                confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                quality INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 2),
                flags TEXT NOT NULL DEFAULT '',
                reasons_json TEXT NOT NULL DEFAULT '[]',
                ends_paragraph INTEGER NOT NULL DEFAULT 0 CHECK (ends_paragraph IN (0, 1)),
                transcript_path TEXT NOT NULL CHECK (transcript_path <> ''),
                transcript_sha256 TEXT NOT NULL CHECK (length(transcript_sha256) = 64),
                created_at TEXT NOT NULL,
                PRIMARY KEY (document_id, number),
                FOREIGN KEY (document_id, number) REFERENCES page(document_id, number) ON DELETE CASCADE
            ) STRICT;
            """)
    }
}
