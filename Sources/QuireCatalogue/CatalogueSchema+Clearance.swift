import GRDB

extension CatalogueSchema {
    /// Rights facts, evidence, and the append-only clearance history.
    ///
    /// The history is enforced in the database: triggers abort any UPDATE or DELETE of
    /// `clearance_event`, and it references its document without cascade, so a document with a
    /// history cannot be deleted either. A correction is a new entry.
    static func clearance(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE rights (
                document_id TEXT PRIMARY KEY NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                official TEXT CHECK (official IS NULL OR official IN ('state', 'us-federal')),
                speech TEXT CHECK (speech IS NULL OR speech IN ('public', 'parliament')),
                licence TEXT CHECK (licence IS NULL OR licence <> ''),
                rights_holder TEXT CHECK (rights_holder IS NULL OR rights_holder <> ''),
                us_notice INTEGER CHECK (us_notice IS NULL OR us_notice IN (0, 1)),
                us_renewed INTEGER CHECK (us_renewed IS NULL OR us_renewed IN (0, 1)),
                updated_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE evidence (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('ticket', 'url', 'file')),
                value TEXT NOT NULL CHECK (value <> ''),
                sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
                added_at TEXT NOT NULL,
                CHECK ((kind = 'file') = (sha256 IS NOT NULL))
            ) STRICT;
            CREATE UNIQUE INDEX evidence_once ON evidence(document_id, kind, value, ifnull(sha256, ''));

            CREATE TABLE clearance_event (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES document(id),
                kind TEXT NOT NULL CHECK (kind IN ('facts', 'transition', 'override')),
                target TEXT CHECK (target IS NULL OR target IN
                    ('en.wikisource', 'es.wikisource', 'fr.wikisource', 'de.wikisource', 'it.wikisource', 'commons')),
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
