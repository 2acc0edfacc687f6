import GRDB

/// The catalogue's schema as named migrations. A released migration is frozen: never edit one,
/// add the next. Each runs in one transaction with its bookkeeping row, so an interrupted
/// migration leaves the schema as it was and a rerun is idempotent.
enum CatalogueSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        migrator.registerMigration("v2-clearance", migrate: clearance)
        migrator.registerMigration("v3-transcript", migrate: transcript)
        migrator.registerMigration("v4-publication", migrate: publication)
        migrator.registerMigration("v5-created", migrate: created)
        migrator.registerMigration("v6-ebook-target", migrate: ebookTarget)
        migrator.registerMigration("v7-history-chain", migrate: historyChain)
        migrator.registerMigration("v8-page-claims", migrate: pageClaims)
        migrator.registerMigration("v9-proofreading", migrate: proofreading)
        migrator.registerMigration("v10-double-review", migrate: doubleReview)
        return migrator
    }

    /// "v5-created": when a work was made (`--created`), to its precision, as publication dates
    /// are stored (`1939`, `1930s`); terms of unpublished works may run from it.
    static func created(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE document ADD COLUMN created_date TEXT")
    }

    /// Documents, their contributors, source files, pages and page texts.
    static func foundation(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE document (
                id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
                title TEXT NOT NULL CHECK (title <> ''),
                languages TEXT NOT NULL CHECK (languages <> ''),
                publication_date TEXT,
                publication_place TEXT,
                country TEXT CHECK (country IS NULL OR length(country) = 2),
                unpublished INTEGER NOT NULL DEFAULT 0 CHECK (unpublished IN (0, 1)),
                publisher TEXT,
                wiki_file TEXT,
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE contributor (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                role TEXT NOT NULL CHECK (role IN ('author', 'translator', 'editor', 'illustrator')),
                kind TEXT NOT NULL CHECK (kind IN ('person', 'anonymous', 'unknown')),
                name TEXT CHECK ((kind = 'person') = (name IS NOT NULL)),
                born TEXT,
                death TEXT NOT NULL CHECK (death IN ('died', 'living', 'unknown')),
                died TEXT CHECK ((death = 'died') = (died IS NOT NULL)),
                PRIMARY KEY (document_id, position)
            ) STRICT;

            CREATE TABLE source_file (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                path TEXT NOT NULL UNIQUE CHECK (path <> ''),
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
                format TEXT NOT NULL CHECK (format IN
                    ('png', 'jpeg', 'tiff', 'jpeg2000', 'webp', 'gif', 'pnm', 'bmp', 'pdf', 'djvu', 'text')),
                page_count INTEGER NOT NULL CHECK (page_count >= 0),
                added_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX source_file_by_sha256 ON source_file(sha256);
            CREATE INDEX source_file_by_document ON source_file(document_id);

            CREATE TABLE page (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                number INTEGER NOT NULL CHECK (number >= 1),
                source_file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
                page_index INTEGER NOT NULL CHECK (page_index >= 0),
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'quarantined')),
                quality INTEGER CHECK (quality BETWEEN 0 AND 4),
                flags TEXT NOT NULL DEFAULT '',
                failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                last_error TEXT,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (document_id, number),
                UNIQUE (source_file_id, page_index)
            ) STRICT;

            CREATE TABLE page_text (
                document_id TEXT NOT NULL,
                number INTEGER NOT NULL,
                engine TEXT NOT NULL,
                mean_confidence REAL CHECK (mean_confidence IS NULL OR mean_confidence BETWEEN 0 AND 1),
                model_json TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (document_id, number),
                FOREIGN KEY (document_id, number) REFERENCES page(document_id, number) ON DELETE CASCADE
            ) STRICT;
            """)
    }
}
