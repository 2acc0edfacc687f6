import GRDB

extension CatalogueSchema {
    /// "v6-ebook-target": the clearance history accepts the `ebook` target (an e-book the
    /// institution publishes). SQLite cannot change a CHECK, so the table is rebuilt with every
    /// row copied as it was, in order; the append-only triggers are dropped with the old table
    /// (which fires none of them) and created again on the new one.
    static func ebookTarget(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE clearance_event_v5 (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES document(id),
                kind TEXT NOT NULL CHECK (kind IN ('facts', 'transition', 'override')),
                target TEXT CHECK (target IS NULL OR target IN
                    ('en.wikisource', 'es.wikisource', 'fr.wikisource', 'de.wikisource', 'it.wikisource', 'commons', 'ebook')),
                from_status TEXT CHECK (from_status IS NULL OR from_status IN ('uncleared', 'in-review', 'cleared', 'rejected')),
                to_status TEXT CHECK (to_status IS NULL OR to_status IN ('uncleared', 'in-review', 'cleared', 'rejected')),
                actor TEXT NOT NULL CHECK (actor <> ''),
                reason TEXT NOT NULL CHECK (reason <> ''),
                evidence TEXT NOT NULL DEFAULT '[]',
                engine_verdict TEXT CHECK (engine_verdict IS NULL OR engine_verdict IN ('free', 'not-free', 'needs-review')),
                rules_version TEXT,
                justification TEXT,
                detail TEXT,
                at TEXT NOT NULL,
                CHECK ((kind = 'transition') = (from_status IS NOT NULL AND to_status IS NOT NULL)),
                CHECK ((kind = 'facts') = (target IS NULL))
            ) STRICT;
            INSERT INTO clearance_event_v5 SELECT * FROM clearance_event ORDER BY sequence;
            DROP TABLE clearance_event;
            ALTER TABLE clearance_event_v5 RENAME TO clearance_event;
            CREATE INDEX clearance_event_by_document ON clearance_event(document_id, sequence);

            CREATE TRIGGER clearance_event_is_append_only_update BEFORE UPDATE ON clearance_event
            BEGIN
                SELECT RAISE(ABORT, 'clearance history is append-only: add a correcting entry instead');
            END;
            CREATE TRIGGER clearance_event_is_append_only_delete BEFORE DELETE ON clearance_event
            BEGIN
                SELECT RAISE(ABORT, 'clearance history is append-only: add a correcting entry instead');
            END;
            """)
    }
}
