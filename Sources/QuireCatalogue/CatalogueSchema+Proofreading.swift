import GRDB

extension CatalogueSchema {
    /// "v9-proofreading": the proofreading room (`quire serve`). Accounts with a role and a bcrypt
    /// hash; sessions stored by the SHA-256 of their cookie (a stolen catalogue holds no usable
    /// cookie) with their CSRF token; every save of a page as a revision (its three fields, its
    /// level and who set it, who saved it and the revision it was based on), never updated; and
    /// one autosaved draft per page and account.
    static func proofreading(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account (
                name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 85),
                role TEXT NOT NULL CHECK (role IN ('proofreader', 'rights-officer', 'admin')),
                password_hash TEXT NOT NULL CHECK (password_hash <> ''),
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE session (
                token_sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(token_sha256) = 64),
                account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE page_revision (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id TEXT NOT NULL,
                number INTEGER NOT NULL,
                header TEXT NOT NULL,
                body TEXT NOT NULL,
                footer TEXT NOT NULL,
                level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
                level_user TEXT NOT NULL,
                user TEXT NOT NULL CHECK (user <> ''),
                base_revision INTEGER REFERENCES page_revision(id),
                created_at TEXT NOT NULL,
                FOREIGN KEY (document_id, number) REFERENCES page(document_id, number) ON DELETE CASCADE
            ) STRICT;
            CREATE INDEX page_revision_by_page ON page_revision(document_id, number, id);
            CREATE TRIGGER page_revision_is_append_only BEFORE UPDATE ON page_revision
            BEGIN
                SELECT RAISE(ABORT, 'page revisions are append-only: save a new revision instead');
            END;

            CREATE TABLE page_draft (
                document_id TEXT NOT NULL,
                number INTEGER NOT NULL,
                account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                header TEXT NOT NULL,
                body TEXT NOT NULL,
                footer TEXT NOT NULL,
                level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
                base_revision INTEGER,
                saved_at TEXT NOT NULL,
                PRIMARY KEY (document_id, number, account),
                FOREIGN KEY (document_id, number) REFERENCES page(document_id, number) ON DELETE CASCADE
            ) STRICT;
            """)
    }
}
