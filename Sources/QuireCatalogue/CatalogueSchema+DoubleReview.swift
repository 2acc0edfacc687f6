import GRDB

extension CatalogueSchema {
    /// "v10-double-review": double review of clearance decisions (issue 17, CRMS's rule). The
    /// history accepts `vote` entries (one officer's decision of a target in review), so the table
    /// is rebuilt with every row, and its chain value, copied as it was, in order (SQLite cannot
    /// change a CHECK); the append-only triggers go with the old table and are made again, and the
    /// trigger on `document` that names the table is dropped first and made again after (a rename
    /// checks every trigger). Catalogue-wide settings get a table, with who set each and when.
    static func doubleReview(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER document_with_history_is_kept;
            CREATE TABLE clearance_event_v10 (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES document(id),
                kind TEXT NOT NULL CHECK (kind IN ('facts', 'transition', 'override', 'vote')),
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
                chain TEXT CHECK (chain IS NULL OR length(chain) = 64),
                CHECK ((kind = 'transition') = (from_status IS NOT NULL AND to_status IS NOT NULL)),
                CHECK ((kind = 'facts') = (target IS NULL)),
                CHECK (kind <> 'vote' OR to_status IN ('cleared', 'rejected'))
            ) STRICT;
            INSERT INTO clearance_event_v10 SELECT * FROM clearance_event ORDER BY sequence;
            DROP TABLE clearance_event;
            ALTER TABLE clearance_event_v10 RENAME TO clearance_event;
            CREATE INDEX clearance_event_by_document ON clearance_event(document_id, sequence);

            CREATE TRIGGER clearance_event_is_append_only_update BEFORE UPDATE ON clearance_event
            BEGIN
                SELECT RAISE(ABORT, 'clearance history is append-only: add a correcting entry instead');
            END;
            CREATE TRIGGER clearance_event_is_append_only_delete BEFORE DELETE ON clearance_event
            BEGIN
                SELECT RAISE(ABORT, 'clearance history is append-only: add a correcting entry instead');
            END;
            CREATE TRIGGER clearance_event_no_replace BEFORE INSERT ON clearance_event
            WHEN NEW.sequence IS NOT NULL AND EXISTS (SELECT 1 FROM clearance_event WHERE sequence = NEW.sequence)
            BEGIN
                SELECT RAISE(ABORT, 'clearance history is append-only: an entry cannot be replaced');
            END;
            CREATE TRIGGER clearance_event_needs_chain BEFORE INSERT ON clearance_event
            WHEN NEW.chain IS NULL
            BEGIN
                SELECT RAISE(ABORT, 'clearance history entries are added by Quire, with their chain value');
            END;
            CREATE TRIGGER document_with_history_is_kept BEFORE DELETE ON document
            WHEN EXISTS (SELECT 1 FROM clearance_event WHERE document_id = OLD.id)
            BEGIN
                SELECT RAISE(ABORT, 'a document with a clearance history cannot be deleted');
            END;

            CREATE TABLE catalogue_setting (
                name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
                value TEXT NOT NULL,
                set_by TEXT NOT NULL CHECK (set_by <> ''),
                set_at TEXT NOT NULL
            ) STRICT;
            """)
    }
}
