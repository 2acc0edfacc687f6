import Foundation
import GRDB
public import QuireCore

/// One document's pages as a batch view shows them: how many in each state, how many finished
/// since a moment, and the pages that failed or were quarantined with why.
public struct PageProgress: Sendable, Hashable {
    /// A page that failed or was quarantined.
    public struct Problem: Sendable, Hashable {
        public var number: Int
        public var state: PageState
        public var failures: Int
        public var error: String?
    }

    public var id: DocumentID
    public var title: String
    public var byState: [PageState: Int]
    /// Pages whose OCR or import finished (done, failed or quarantined) at or after the moment
    /// asked: the catalogue's times are to the second, so a page finished in the very second a
    /// batch view opened counts (a two-page run in a terminal can start and end in it).
    public var finishedSince: Int
    /// Pages a process is reading now (claimed).
    public var reading: Int
    public var problems: [Problem]
}

extension Catalogue {
    /// Every document's page states and, per document, the pages finished after `since` (an ISO
    /// 8601 time as the catalogue writes them), with at most `problemsPerDocument` failed or
    /// quarantined pages each: three queries, whatever the number of documents. What `quire ocr`
    /// or `import` writes as it goes, so a batch started in a terminal is seen too.
    public func pageProgress(since: String, problemsPerDocument: Int = 20) throws(CatalogueError) -> [PageProgress] {
        try read { db in
            var progress: [String: PageProgress] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, title FROM document ORDER BY id") {
                let key: String = row["id"]
                guard let id = DocumentID(key) else { continue }
                progress[key] = PageProgress(id: id, title: row["title"], byState: [:], finishedSince: 0, reading: 0, problems: [])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT document_id, state, COUNT(*) AS n, SUM(state <> 'pending' AND claim_pid IS NULL AND updated_at >= ?) AS recent,
                       SUM(claim_pid IS NOT NULL) AS reading
                FROM page GROUP BY document_id, state
                """, arguments: [since]) {
                let key: String = row["document_id"]
                guard let state = PageState(rawValue: row["state"]) else { continue }
                progress[key]?.byState[state] = row["n"]
                progress[key]?.finishedSince += row["recent"] ?? 0
                progress[key]?.reading += row["reading"] ?? 0
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT document_id, number, state, failures, last_error FROM page
                WHERE state IN ('failed', 'quarantined') ORDER BY document_id, number
                """) {
                let key: String = row["document_id"]
                guard let state = PageState(rawValue: row["state"]), (progress[key]?.problems.count ?? .max) < problemsPerDocument else { continue }
                progress[key]?.problems.append(PageProgress.Problem(number: row["number"], state: state, failures: row["failures"], error: row["last_error"]))
            }
            return progress.values.sorted { $0.id.rawValue < $1.id.rawValue }
        }
    }
}
