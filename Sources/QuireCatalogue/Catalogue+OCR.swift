public import QuireCore
import Foundation
import GRDB

/// What came of claiming a page for reading.
public enum PageClaim: Hashable, Sendable {
    /// This process reads it now.
    case claimed
    /// Another running process (this id) is reading it.
    case heldBy(Int32)
    /// It got its text since the batch was planned.
    case alreadyDone
}

/// One page waiting for text: where its image is.
public struct PageJob: Hashable, Sendable {
    public var document: DocumentID
    public var number: PageNumber
    public var source: PageImageSource
    /// The document's languages, for engines that need them.
    public var languages: LanguageSet
    /// Failed or interrupted attempts so far.
    public var attempts: Int
}

extension Catalogue {
    /// How many failed or interrupted attempts quarantine a page.
    public static let maximumAttempts = 2

    /// The pages of `documents` (all when nil) still without text, in document and page order.
    /// Pages that exhausted their attempts are quarantined here and returned separately, with the
    /// pages quarantined by earlier runs, so that every run reports what it skipped.
    public func pagesNeedingText(documents: [DocumentID]?) throws(CatalogueError) -> (jobs: [PageJob], quarantined: [PageJob]) {
        let now = timestamp
        return try write { db in
            var sql = """
                SELECT page.document_id, page.number, page.page_index, page.failures, page.state,
                       source_file.path, source_file.format, document.languages
                FROM page
                JOIN source_file ON source_file.id = page.source_file_id
                JOIN document ON document.id = page.document_id
                WHERE page.state IN ('pending', 'failed', 'quarantined')
                """
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let documents {
                sql += " AND page.document_id IN (\(documents.map { _ in "?" }.joined(separator: ",")))"
                arguments = documents.map(\.rawValue)
            }
            sql += " ORDER BY page.document_id, page.number"
            var jobs: [PageJob] = []
            var quarantined: [PageJob] = []
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
                guard let id = DocumentID(row["document_id"]), let number = PageNumber(row["number"]),
                      let format = SourceFormat(rawValue: row["format"]), let languages = LanguageSet(row["languages"]) else { continue }
                let job = PageJob(
                    document: id, number: number,
                    source: PageImageSource(path: absolutePath(forStored: row["path"]), pageIndex: row["page_index"], format: format),
                    languages: languages, attempts: row["failures"])
                if (row["state"] as String?) == PageState.quarantined.rawValue {
                    quarantined.append(job)
                } else if job.attempts >= Self.maximumAttempts {
                    try db.execute(
                        sql: "UPDATE page SET state = 'quarantined', updated_at = ? WHERE document_id = ? AND number = ?",
                        arguments: [now, id.rawValue, number.rawValue])
                    quarantined.append(job)
                } else {
                    jobs.append(job)
                }
            }
            return (jobs, quarantined)
        }
    }

    /// Claims a page for `owner` before reading it and counts the attempt, so that a crash or
    /// kill during it is remembered (a page that keeps failing ends up quarantined instead of
    /// blocking every rerun) and another `quire ocr` on the same document leaves the page to this
    /// one. A page claimed by a process that still runs is not taken; a claim whose process is
    /// gone (killed, crashed) is taken over. A page that got its text meanwhile is not claimed.
    public func claim(_ document: DocumentID, _ number: PageNumber, by owner: ProcessIdentity = .current) throws(CatalogueError) -> PageClaim {
        let now = timestamp
        return try write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT state, claim_pid, claim_start FROM page WHERE document_id = ? AND number = ?", arguments: [document.rawValue, number.rawValue])
            guard let row else { throw CatalogueError.documentNotFound(document) }
            if (row["state"] as String?) == PageState.done.rawValue { return .alreadyDone }
            if let pid: Int32 = row["claim_pid"] {
                let holder = ProcessIdentity(pid: pid, start: row["claim_start"] ?? "")
                if holder != owner, holder.isRunning { return .heldBy(pid) }
            }
            try db.execute(
                sql: """
                    UPDATE page SET failures = failures + 1, last_error = 'interrupted during OCR', claim_pid = ?, claim_start = ?, updated_at = ?
                    WHERE document_id = ? AND number = ?
                    """,
                arguments: [owner.pid, owner.start, now, document.rawValue, number.rawValue])
            return .claimed
        }
    }

    /// Stores a page's text and level in one transaction: the page is done and its attempts reset.
    public func recordText(_ document: DocumentID, _ number: PageNumber, text: PageText, quality: PageQuality) throws(CatalogueError) {
        let now = timestamp
        let json: String
        do {
            json = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        } catch {
            throw CatalogueError(.internalError, "cannot encode the text of page \(number)", remedy: "report this as a bug", context: ErrorContext(page: number.rawValue, document: document))
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO page_text (document_id, number, engine, mean_confidence, model_json, created_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (document_id, number) DO UPDATE SET engine = excluded.engine,
                        mean_confidence = excluded.mean_confidence, model_json = excluded.model_json, created_at = excluded.created_at
                    """,
                arguments: [document.rawValue, number.rawValue, text.provenance?.engine ?? "unknown", text.meanConfidence, json, now])
            try db.execute(
                sql: "UPDATE page SET state = 'done', quality = ?, flags = ?, failures = 0, last_error = NULL, claim_pid = NULL, claim_start = NULL, updated_at = ? WHERE document_id = ? AND number = ?",
                arguments: [quality.rawValue, text.flags.map(\.rawValue).sorted().joined(separator: ","), now, document.rawValue, number.rawValue])
        }
    }

    /// Records a failed attempt (already counted by ``claim(_:_:by:)``), releasing the claim; the page is
    /// quarantined once it has failed ``maximumAttempts`` times. Returns the page's new state.
    @discardableResult
    public func recordFailure(_ document: DocumentID, _ number: PageNumber, error: any QuireError) throws(CatalogueError) -> PageState {
        let now = timestamp
        return try write { db in
            let attempts = try Int.fetchOne(db, sql: "SELECT failures FROM page WHERE document_id = ? AND number = ?", arguments: [document.rawValue, number.rawValue]) ?? 0
            let state: PageState = attempts >= Self.maximumAttempts ? .quarantined : .failed
            try db.execute(
                sql: "UPDATE page SET state = ?, last_error = ?, claim_pid = NULL, claim_start = NULL, updated_at = ? WHERE document_id = ? AND number = ?",
                arguments: [state.rawValue, "\(error.code.rawValue): \(error.message)", now, document.rawValue, number.rawValue])
            return state
        }
    }

    /// Gives quarantined pages (of `documents`, or all) a fresh start.
    public func releaseQuarantine(documents: [DocumentID]?) throws(CatalogueError) -> Int {
        let now = timestamp
        return try write { db in
            var sql = "UPDATE page SET state = 'pending', failures = 0, updated_at = ? WHERE state = 'quarantined'"
            var arguments: [(any DatabaseValueConvertible)?] = [now]
            if let documents {
                sql += " AND document_id IN (\(documents.map { _ in "?" }.joined(separator: ",")))"
                arguments += documents.map(\.rawValue)
            }
            try db.execute(sql: sql, arguments: StatementArguments(arguments))
            return db.changesCount
        }
    }

    /// A page's stored text, when it has one.
    public func text(_ document: DocumentID, _ number: PageNumber) throws(CatalogueError) -> PageText? {
        let json = try read { db in
            try String.fetchOne(db, sql: "SELECT model_json FROM page_text WHERE document_id = ? AND number = ?", arguments: [document.rawValue, number.rawValue])
        }
        guard let json else { return nil }
        do {
            return try PageText.decodeJSON(json)
        } catch {
            throw CatalogueError(.catalogueDamaged, "the stored text of page \(number) cannot be read", remedy: "run 'quire ocr' on the page again", context: ErrorContext(page: number.rawValue, document: document))
        }
    }
}
