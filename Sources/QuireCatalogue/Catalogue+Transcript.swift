public import QuireCore
import Foundation
import GRDB

/// One page's part of a known text (match & split), as stored.
public struct TranscriptPageRecord: Hashable, Sendable {
    public var number: PageNumber
    /// The text as typed (Markdown kept).
    public var text: String
    /// The alignment's confidence, 0–1.
    public var confidence: Double
    /// The page's level: 0, 1 or 2.
    public var level: PageQuality
    /// Reason codes (`uncertain_boundary`, …) and the sentences explaining them.
    public var flags: [String]
    public var reasons: [String]
    /// The part ends where a paragraph of the text ends.
    public var endsParagraph: Bool

    public init(number: PageNumber, text: String, confidence: Double, level: PageQuality, flags: [String], reasons: [String], endsParagraph: Bool = false) {
        self.endsParagraph = endsParagraph
        self.number = number
        self.text = text
        self.confidence = confidence
        self.level = level
        self.flags = flags
        self.reasons = reasons
    }
}

/// The transcript a document's split came from.
public struct TranscriptSource: Hashable, Sendable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }
}

extension Catalogue {
    /// Replaces the split of `document` (of its pages in `range`, or of all) with `pages` in one
    /// transaction: the previous split's rows there go, each page given here gets its text and its
    /// level (`page.quality`; an uncertain boundary also flags the page `uncertain_boundary`).
    /// Pages not given keep their OCR; splits of other ranges (other works of the scan) stay.
    public func storeTranscriptSplit(_ document: DocumentID, pages: [TranscriptPageRecord], source: TranscriptSource, range: ClosedRange<Int>? = nil) throws(CatalogueError) {
        _ = try summary(of: document)
        let known = Set(try self.pages(of: document).map(\.number))
        if let unknown = pages.first(where: { !known.contains($0.number) }) {
            throw CatalogueError(
                .invalidInput, "the document has no page \(unknown.number)", remedy: "split onto the document's own pages",
                context: ErrorContext(page: unknown.number.rawValue, document: document))
        }
        guard source.sha256.count == 64, pages.allSatisfy({ $0.level <= .problematic && (0...1).contains($0.confidence) }) else {
            throw CatalogueError(.internalError, "a split page has a level above 2, a confidence outside 0–1 or a bad fingerprint", remedy: "report this as a bug", context: ErrorContext(document: document))
        }
        let now = timestamp
        let path = storedPath(forAbsolute: source.path)
        try write { db in
            try db.execute(
                sql: "DELETE FROM page_transcript WHERE document_id = ? AND number BETWEEN ? AND ?",
                arguments: [document.rawValue, range?.lowerBound ?? 1, range?.upperBound ?? Int.max])
            // A replaced split's boundary flags go with it (only splits set that flag).
            for row in try Row.fetchAll(
                db, sql: "SELECT number, flags FROM page WHERE document_id = ? AND number BETWEEN ? AND ? AND flags LIKE '%uncertain_boundary%'",
                arguments: [document.rawValue, range?.lowerBound ?? 1, range?.upperBound ?? Int.max]) {
                let flags: String = row["flags"]
                let kept = flags.split(separator: ",").filter { $0 != PageFlag.uncertainBoundary.rawValue }.joined(separator: ",")
                try db.execute(sql: "UPDATE page SET flags = ? WHERE document_id = ? AND number = ?", arguments: [kept, document.rawValue, row["number"] as Int])
            }
            for page in pages {
                let reasons = String(decoding: (try? JSONEncoder().encode(page.reasons)) ?? Data("[]".utf8), as: UTF8.self)
                try db.execute(
                    sql: """
                        INSERT INTO page_transcript (document_id, number, text, confidence, quality, flags, reasons_json, ends_paragraph, transcript_path, transcript_sha256, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [document.rawValue, page.number.rawValue, page.text, page.confidence, page.level.rawValue,
                                page.flags.sorted().joined(separator: ","), reasons, page.endsParagraph, path, source.sha256, now])
                var flags = Set((try String.fetchOne(db, sql: "SELECT flags FROM page WHERE document_id = ? AND number = ?", arguments: [document.rawValue, page.number.rawValue]) ?? "")
                    .split(separator: ",").map(String.init))
                if page.flags.contains(PageFlag.uncertainBoundary.rawValue) { flags.insert(PageFlag.uncertainBoundary.rawValue) }
                try db.execute(
                    sql: "UPDATE page SET quality = ?, flags = ?, updated_at = ? WHERE document_id = ? AND number = ?",
                    arguments: [page.level.rawValue, flags.sorted().joined(separator: ","), now, document.rawValue, page.number.rawValue])
            }
        }
    }

    /// The stored split of `document`, by page (empty when it has none).
    public func transcriptPages(of document: DocumentID) throws(CatalogueError) -> [PageNumber: TranscriptPageRecord] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT number, text, confidence, quality, flags, reasons_json, ends_paragraph FROM page_transcript WHERE document_id = ? ORDER BY number", arguments: [document.rawValue])
        }
        var pages: [PageNumber: TranscriptPageRecord] = [:]
        for row in rows {
            guard let number = PageNumber(row["number"]), let level = PageQuality(rawValue: row["quality"]) else { continue }
            let flags: String = row["flags"]
            let reasonsJSON: String = row["reasons_json"]
            let reasons = (try? JSONDecoder().decode([String].self, from: Data(reasonsJSON.utf8))) ?? []
            pages[number] = TranscriptPageRecord(
                number: number, text: row["text"], confidence: row["confidence"], level: level,
                flags: flags.split(separator: ",").map(String.init), reasons: reasons, endsParagraph: row["ends_paragraph"])
        }
        return pages
    }

    /// The transcript the document's split came from, when it has one (the first page's, when
    /// parts of the scan were split from several).
    public func transcriptSource(of document: DocumentID) throws(CatalogueError) -> TranscriptSource? {
        let row = try read { db in
            try Row.fetchOne(db, sql: "SELECT transcript_path, transcript_sha256 FROM page_transcript WHERE document_id = ? ORDER BY number LIMIT 1", arguments: [document.rawValue])
        }
        guard let row else { return nil }
        return TranscriptSource(path: absolutePath(forStored: row["transcript_path"]), sha256: row["transcript_sha256"])
    }
}
