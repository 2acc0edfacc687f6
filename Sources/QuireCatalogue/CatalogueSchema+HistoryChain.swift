import GRDB

extension CatalogueSchema {
    /// "v7-history-chain": the clearance history becomes tamper-evident (``ClearanceChain``).
    /// Every entry gets its chain value, computed here for the entries already there in order (the
    /// update trigger is lifted for that and put back); new triggers refuse an insert that would
    /// replace an entry (`INSERT OR REPLACE` deletes without firing the delete trigger), an entry
    /// without its chain value, and deleting a document that has a history even with foreign keys
    /// off (as SQLite's shell has them).
    static func historyChain(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER clearance_event_is_append_only_update;
            ALTER TABLE clearance_event ADD COLUMN chain TEXT CHECK (chain IS NULL OR length(chain) = 64);
            """)
        var previous: String?
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM clearance_event ORDER BY sequence")
        for row in rows {
            let chain = ClearanceChain.link(previous: previous, values: ClearanceChain.values(of: row))
            let sequence: Int64 = row["sequence"]
            try db.execute(sql: "UPDATE clearance_event SET chain = ? WHERE sequence = ?", arguments: [chain, sequence])
            previous = chain
        }
        try db.execute(sql: """
            CREATE TRIGGER clearance_event_is_append_only_update BEFORE UPDATE ON clearance_event
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
            """)
    }
}
