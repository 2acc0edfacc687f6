public import QuireCore
import Foundation
import GRDB

/// A file that `quire add` inspected and wants registered.
public struct SourceCandidate: Hashable, Sendable {
    /// The file's absolute, standardised path.
    public var absolutePath: String
    /// Lowercase hex SHA-256 of its bytes.
    public var sha256: String
    public var byteSize: Int64
    public var format: SourceFormat
    /// Pages it holds (0 for a transcript).
    public var pageCount: Int

    public init(absolutePath: String, sha256: String, byteSize: Int64, format: SourceFormat, pageCount: Int) {
        self.absolutePath = absolutePath
        self.sha256 = sha256
        self.byteSize = byteSize
        self.format = format
        self.pageCount = pageCount
    }
}

/// What registering one file did.
public enum SourceOutcome: Hashable, Sendable {
    /// Newly registered as physical pages `first…first+count-1` (none for a transcript).
    case added(firstPage: PageNumber?, pageCount: Int)
    /// Already registered with the same content: nothing to do.
    case unchanged
    /// Registered before with other content. When accepted, the new fingerprint was stored and the
    /// file's pages were reset for OCR; otherwise nothing changed.
    case changed(previousSHA256: String, accepted: Bool)
    /// The same bytes are already registered in this document under another path: skipped.
    case duplicateOf(path: String)
    /// Not registered, for the reason given.
    case refused(CatalogueError)
}

/// What happened to one file given to `register`.
public struct SourceResult: Hashable, Sendable {
    /// The file's absolute path.
    public var path: String
    public var outcome: SourceOutcome
}

/// The outcome of one `register` call.
public struct RegistrationResult: Hashable, Sendable {
    public var document: DocumentID
    /// True when the document was created by this call.
    public var created: Bool
    /// Per file, in the order given.
    public var sources: [SourceResult]
}

extension Catalogue {
    /// Registers a document (creating it when new) and its source files, in one transaction.
    ///
    /// Per file: an unchanged file is left alone; a changed one is reported and, with
    /// `acceptChanges`, re-fingerprinted with its pages reset to pending (only when its page count
    /// is the same); a file registered under another document, by path or by content, is refused
    /// naming that document. New scan pages are numbered after the document's last page.
    /// An existing document keeps its title (a different one is refused as a slug collision) and
    /// every fact not given again (see ``merge(stored:given:)``).
    public func register(
        _ id: DocumentID, metadata: DocumentMetadata, sources: [SourceCandidate], acceptChanges: Bool = false
    ) throws(CatalogueError) -> RegistrationResult {
        let now = timestamp
        return try write { db in
            var created = false
            if let existing = try DocumentRow.fetchOne(db, key: id.rawValue) {
                guard existing.title == metadata.title else {
                    throw CatalogueError(
                        .documentExists, "a document '\(id)' already exists with the title \"\(existing.title)\"",
                        remedy: "to add files to it, repeat its title; for a different work, choose another --id", context: ErrorContext(document: id))
                }
                let stored = existing.metadata(contributors: [])
                try DocumentRow(id: id, metadata: Self.merge(stored: stored, given: metadata), createdAt: existing.createdAt).update(db)
                if !metadata.contributors.isEmpty { try replaceContributors(db, id: id, metadata.contributors) }
            } else {
                try DocumentRow(id: id, metadata: metadata, createdAt: now).insert(db)
                try replaceContributors(db, id: id, metadata.contributors)
                created = true
            }
            var results: [SourceResult] = []
            for source in sources {
                let outcome = try registerSource(db, document: id, source: source, acceptChanges: acceptChanges, now: now)
                results.append(SourceResult(path: source.absolutePath, outcome: outcome))
            }
            // A new document that received no file is not kept: nothing was registered.
            let anyRegistered = results.contains { result in
                switch result.outcome {
                case .added, .unchanged, .changed(_, true): true
                default: false
                }
            }
            if created && !anyRegistered {
                try DocumentRow.deleteOne(db, key: id.rawValue)
                created = false
            }
            return RegistrationResult(document: id, created: created, sources: results)
        }
    }

    /// Facts given again replace stored ones; facts left out keep their stored values, so adding
    /// more files without repeating every option loses nothing.
    static func merge(stored: DocumentMetadata, given: DocumentMetadata) -> DocumentMetadata {
        var merged = stored
        merged.languages = given.languages
        if let date = given.publication.date {
            merged.publication.date = date
            merged.publication.unpublished = false
        }
        if given.publication.unpublished {
            merged.publication.unpublished = true
            merged.publication.date = nil
        }
        if let place = given.publication.place { merged.publication.place = place }
        if let country = given.publication.country { merged.publication.country = country }
        if let publisher = given.publisher { merged.publisher = publisher }
        if let file = given.wikiFileName { merged.wikiFileName = file }
        return merged
    }

    private func replaceContributors(_ db: Database, id: DocumentID, _ contributors: [Contributor]) throws {
        try ContributorRow.filter(Column("document_id") == id.rawValue).deleteAll(db)
        for (position, contributor) in contributors.enumerated() {
            try ContributorRow(document: id, position: position, contributor: contributor).insert(db)
        }
    }

    private func registerSource(
        _ db: Database, document: DocumentID, source: SourceCandidate, acceptChanges: Bool, now: String
    ) throws -> SourceOutcome {
        let stored = storedPath(forAbsolute: source.absolutePath)
        let context = ErrorContext(file: source.absolutePath, document: document)
        if var row = try SourceFileRow.filter(Column("path") == stored).fetchOne(db) {
            guard row.documentId == document.rawValue else {
                return .refused(CatalogueError(
                    .fileRegisteredElsewhere, "already registered under document '\(row.documentId)'",
                    remedy: "a file belongs to one document; add it to '\(row.documentId)' or copy it", context: context))
            }
            if row.sha256 == source.sha256 { return .unchanged }
            let previous = row.sha256
            guard acceptChanges else { return .changed(previousSHA256: previous, accepted: false) }
            guard row.pageCount == source.pageCount else {
                return .refused(CatalogueError(
                    .fileChanged, "changed since it was registered and now has \(source.pageCount) pages instead of \(row.pageCount)",
                    remedy: "register the new version as a new document, or restore the original file", context: context))
            }
            row.sha256 = source.sha256
            row.byteSize = source.byteSize
            row.format = source.format.rawValue
            try row.update(db)
            try db.execute(
                sql: "DELETE FROM page_text WHERE (document_id, number) IN (SELECT document_id, number FROM page WHERE source_file_id = ?)",
                arguments: [row.id])
            try db.execute(
                sql: "UPDATE page SET state = 'pending', quality = NULL, flags = '', failures = 0, last_error = NULL, updated_at = ? WHERE source_file_id = ?",
                arguments: [now, row.id])
            return .changed(previousSHA256: previous, accepted: true)
        }
        if let twin = try SourceFileRow.filter(Column("sha256") == source.sha256).fetchOne(db) {
            guard twin.documentId == document.rawValue else {
                return .refused(CatalogueError(
                    .fileRegisteredElsewhere, "has the same content as \(twin.path), registered under document '\(twin.documentId)'",
                    remedy: "a scan belongs to one document; add the pages to '\(twin.documentId)' instead", context: context))
            }
            return .duplicateOf(path: absolutePath(forStored: twin.path))
        }
        var row = SourceFileRow(
            id: nil, documentId: document.rawValue, path: stored, sha256: source.sha256, byteSize: source.byteSize,
            format: source.format.rawValue, pageCount: source.pageCount, addedAt: now)
        try row.insert(db)
        guard source.format.isScan, source.pageCount > 0, let fileID = row.id else { return .added(firstPage: nil, pageCount: 0) }
        let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM page WHERE document_id = ?", arguments: [document.rawValue]) ?? 0
        for index in 0..<source.pageCount {
            try PageRow(
                documentId: document.rawValue, number: last + 1 + index, sourceFileId: fileID, pageIndex: index,
                state: PageState.pending.rawValue, quality: nil, flags: "", failures: 0, lastError: nil, updatedAt: now
            ).insert(db)
        }
        return .added(firstPage: PageNumber(last + 1), pageCount: source.pageCount)
    }
}
