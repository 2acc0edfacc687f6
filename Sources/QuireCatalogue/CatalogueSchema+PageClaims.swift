import GRDB

extension CatalogueSchema {
    /// "v8-page-claims": who is reading a page now (``Catalogue/claim(_:_:by:)``): the process id
    /// and start time of the `quire ocr` that claimed it, cleared when its text or failure is
    /// recorded, so that two runs on one document share its pages instead of both reading all.
    static func pageClaims(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE page ADD COLUMN claim_pid INTEGER CHECK (claim_pid IS NULL OR claim_pid > 0);
            ALTER TABLE page ADD COLUMN claim_start TEXT;
            """)
    }
}
