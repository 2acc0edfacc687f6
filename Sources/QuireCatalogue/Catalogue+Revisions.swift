public import QuireCore
import Foundation
import GRDB

/// One saved state of a page by a person: its three ProofreadPage fields, its level and who set
/// it, who saved it, when, and the revision it was based on (nil: based on the OCR).
public struct PageRevision: Hashable, Sendable, Codable {
    public var id: Int64
    public var document: DocumentID
    public var number: PageNumber
    public var header: String
    public var body: String
    public var footer: String
    public var mark: PageLevelMark
    /// The account that saved this revision.
    public var user: String
    public var baseRevision: Int64?
    /// ISO 8601.
    public var createdAt: String
}

/// The text and level a person asks to save.
public struct PageEdit: Hashable, Sendable, Codable {
    public var header: String
    public var body: String
    public var footer: String
    public var level: PageQuality

    public init(header: String, body: String, footer: String, level: PageQuality) {
        self.header = header
        self.body = body
        self.footer = footer
        self.level = level
    }
}

/// What became of a save.
public enum SaveOutcome: Hashable, Sendable {
    /// Stored as this new revision.
    case saved(PageRevision)
    /// Refused: the page changed since the revision the edit was based on; nothing was written.
    /// The current revision is given so that the person can merge.
    case conflict(current: PageRevision)
    /// Refused: the person may not set that level; nothing was written.
    case levelRefused(LevelRefusal)
}

/// A person's unsaved work on a page, autosaved by the editor.
public struct PageDraft: Hashable, Sendable, Codable {
    public var edit: PageEdit
    public var baseRevision: Int64?
    public var savedAt: String
}

extension Catalogue {
    /// The page's current revision (its latest), nil when no person has saved it.
    public func currentRevision(_ document: DocumentID, _ number: PageNumber) throws(CatalogueError) -> PageRevision? {
        try read { db in try Self.currentRevision(db, document, number) }
    }

    /// Every revision of a page, oldest first.
    public func revisions(_ document: DocumentID, _ number: PageNumber) throws(CatalogueError) -> [PageRevision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM page_revision WHERE document_id = ? AND number = ? ORDER BY id", arguments: [document.rawValue, number.rawValue])
                .compactMap(Self.revision)
        }
    }

    /// One revision by id, when it belongs to the page.
    public func revision(_ id: Int64, of document: DocumentID, _ number: PageNumber) throws(CatalogueError) -> PageRevision? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM page_revision WHERE id = ? AND document_id = ? AND number = ?", arguments: [id, document.rawValue, number.rawValue])
                .flatMap(Self.revision)
        }
    }

    /// Everyone who saved a revision of a page of `document`, by name.
    public func revisionAuthors(of document: DocumentID) throws(CatalogueError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT user FROM page_revision WHERE document_id = ? ORDER BY user", arguments: [document.rawValue])
        }
    }

    /// The current revision of every page of a document that has one.
    public func currentRevisions(of document: DocumentID) throws(CatalogueError) -> [PageNumber: PageRevision] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM page_revision WHERE id IN
                    (SELECT MAX(id) FROM page_revision WHERE document_id = ? GROUP BY number)
                """, arguments: [document.rawValue])
            return Dictionary(rows.compactMap(Self.revision).map { ($0.number, $0) }, uniquingKeysWith: { $1 })
        }
    }

    /// Saves `edit` as a new revision of the page by `user`, if and only if the page's current
    /// revision is still `base` (nil: no person has saved it yet) and the level rules allow the
    /// level. Checked and written in one transaction, so two people saving the same page at once
    /// cannot both succeed: the second gets ``SaveOutcome/conflict(current:)``, never a lost
    /// update. Before any person saved it, the page's mark is the tool's level with no user.
    /// The page's level in `page.quality` follows the revision, and the user's draft is cleared.
    public func saveRevision(
        _ document: DocumentID, _ number: PageNumber, edit: PageEdit, base: Int64?, user: String, role: ProofreadingRole
    ) throws(CatalogueError) -> SaveOutcome {
        let now = timestamp
        return try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM page WHERE document_id = ? AND number = ?", arguments: [document.rawValue, number.rawValue]) == true else {
                throw CatalogueError(.invalidInput, "the document has no page \(number)", remedy: "open one of the document's pages", context: ErrorContext(page: number.rawValue, document: document))
            }
            let current = try Self.currentRevision(db, document, number)
            if let current, current.id != base { return .conflict(current: current) }
            if current == nil, base != nil {
                throw CatalogueError(.invalidInput, "revision \(base ?? 0) is not a revision of page \(number)", remedy: "reload the page", context: ErrorContext(page: number.rawValue, document: document))
            }
            let before: PageLevelMark
            if let current {
                before = current.mark
            } else {
                let quality = try Int.fetchOne(db, sql: "SELECT quality FROM page WHERE document_id = ? AND number = ?", arguments: [document.rawValue, number.rawValue])
                before = PageLevelMark(level: quality.flatMap(PageQuality.init(rawValue:)) ?? .notProofread, user: "")
            }
            if let refusal = ProofreadingLevels.refusal(from: before, to: edit.level, user: user, role: role) { return .levelRefused(refusal) }
            let mark = ProofreadingLevels.mark(after: before, level: edit.level, user: user)
            try db.execute(
                sql: """
                    INSERT INTO page_revision (document_id, number, header, body, footer, level, level_user, user, base_revision, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [document.rawValue, number.rawValue, edit.header, edit.body, edit.footer, mark.level.rawValue, mark.user, user, base, now])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: "UPDATE page SET quality = ?, updated_at = ? WHERE document_id = ? AND number = ?",
                arguments: [mark.level.rawValue, now, document.rawValue, number.rawValue])
            try db.execute(
                sql: "DELETE FROM page_draft WHERE document_id = ? AND number = ? AND account = ?",
                arguments: [document.rawValue, number.rawValue, user])
            return .saved(PageRevision(
                id: id, document: document, number: number, header: edit.header, body: edit.body, footer: edit.footer,
                mark: mark, user: user, baseRevision: base, createdAt: now))
        }
    }

    /// Stores (replacing) `account`'s draft of a page.
    public func saveDraft(_ document: DocumentID, _ number: PageNumber, account: String, edit: PageEdit, base: Int64?) throws(CatalogueError) {
        let now = timestamp
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO page_draft (document_id, number, account, header, body, footer, level, base_revision, saved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (document_id, number, account) DO UPDATE SET header = excluded.header, body = excluded.body,
                        footer = excluded.footer, level = excluded.level, base_revision = excluded.base_revision, saved_at = excluded.saved_at
                    """,
                arguments: [document.rawValue, number.rawValue, account, edit.header, edit.body, edit.footer, edit.level.rawValue, base, now])
        }
    }

    /// `account`'s draft of a page, when there is one.
    public func draft(_ document: DocumentID, _ number: PageNumber, account: String) throws(CatalogueError) -> PageDraft? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM page_draft WHERE document_id = ? AND number = ? AND account = ?", arguments: [document.rawValue, number.rawValue, account])
        }
        guard let row, let level = PageQuality(rawValue: row["level"]) else { return nil }
        return PageDraft(edit: PageEdit(header: row["header"], body: row["body"], footer: row["footer"], level: level), baseRevision: row["base_revision"], savedAt: row["saved_at"])
    }

    /// Drops `account`'s draft of a page.
    public func discardDraft(_ document: DocumentID, _ number: PageNumber, account: String) throws(CatalogueError) {
        try write { db in
            try db.execute(sql: "DELETE FROM page_draft WHERE document_id = ? AND number = ? AND account = ?", arguments: [document.rawValue, number.rawValue, account])
        }
    }

    static func currentRevision(_ db: Database, _ document: DocumentID, _ number: PageNumber) throws -> PageRevision? {
        try Row.fetchOne(db, sql: "SELECT * FROM page_revision WHERE document_id = ? AND number = ? ORDER BY id DESC LIMIT 1", arguments: [document.rawValue, number.rawValue])
            .flatMap(revision)
    }

    static func revision(_ row: Row) -> PageRevision? {
        guard let document = DocumentID(row["document_id"]), let number = PageNumber(row["number"]), let level = PageQuality(rawValue: row["level"]) else { return nil }
        return PageRevision(
            id: row["id"], document: document, number: number, header: row["header"], body: row["body"], footer: row["footer"],
            mark: PageLevelMark(level: level, user: row["level_user"]), user: row["user"], baseRevision: row["base_revision"], createdAt: row["created_at"])
    }
}
