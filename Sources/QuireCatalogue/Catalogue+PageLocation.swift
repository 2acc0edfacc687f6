public import QuireCore
import Foundation
import GRDB

/// One page, where its scan is and which pages come before and after it: what the proofreading
/// room needs to show a page, read with a few indexed lookups instead of the whole document.
public struct PageLocation: Hashable, Sendable {
    public var entry: PageEntry
    /// The page's image; nil when its file is a text.
    public var source: PageImageSource?
    /// The fingerprint of the page's file.
    public var sourceSHA256: String
    public var previous: PageNumber?
    public var next: PageNumber?
    /// How many pages the document has.
    public var pageCount: Int
}

extension Catalogue {
    /// Page `number` of `id` with its scan and neighbours; nil when the document or the page does not exist.
    public func pageLocation(_ id: DocumentID, _ number: PageNumber) throws(CatalogueError) -> PageLocation? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT page.number, source_file.path, source_file.format, source_file.sha256, page.page_index, page.state,
                       page.quality, page.flags, page.failures, page.last_error, page_text.mean_confidence
                FROM page
                JOIN source_file ON source_file.id = page.source_file_id
                LEFT JOIN page_text ON page_text.document_id = page.document_id AND page_text.number = page.number
                WHERE page.document_id = ? AND page.number = ?
                """, arguments: [id.rawValue, number.rawValue]) else { return nil }
            let arguments: StatementArguments = [id.rawValue, number.rawValue]
            let previous = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM page WHERE document_id = ? AND number < ?", arguments: arguments)
            let next = try Int.fetchOne(db, sql: "SELECT MIN(number) FROM page WHERE document_id = ? AND number > ?", arguments: arguments)
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page WHERE document_id = ?", arguments: [id.rawValue]) ?? 0
            let path = absolutePath(forStored: row["path"])
            let format = SourceFormat(rawValue: row["format"]) ?? .text
            let flags: String = row["flags"]
            let entry = PageEntry(
                number: number, sourcePath: path, pageIndex: row["page_index"], state: PageState(rawValue: row["state"]) ?? .pending,
                quality: (row["quality"] as Int?).flatMap(PageQuality.init(rawValue:)),
                flags: flags.split(separator: ",").compactMap { PageFlag(rawValue: String($0)) },
                failures: row["failures"], lastError: row["last_error"], meanConfidence: row["mean_confidence"])
            return PageLocation(
                entry: entry, source: format == .text ? nil : PageImageSource(path: path, pageIndex: entry.pageIndex, format: format),
                sourceSHA256: row["sha256"], previous: previous.flatMap(PageNumber.init), next: next.flatMap(PageNumber.init), pageCount: count)
        }
    }
}
