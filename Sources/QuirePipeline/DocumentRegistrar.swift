public import QuireCatalogue
public import QuireCore

/// What `quire add` was asked to do.
public struct AddRequest: Sendable {
    /// Files and folders as the user gave them.
    public var paths: [String]
    /// The folder relative paths are read from.
    public var workingDirectory: String
    /// The document's slug; derived from the title when nil.
    public var documentID: DocumentID?
    public var metadata: DocumentMetadata
    /// Re-register files whose content changed, resetting their pages' OCR.
    public var acceptChanges: Bool
    /// Register digitally signed PDFs (refused otherwise, for a person to decide).
    public var acceptSignedPDF: Bool
    /// Register the files in a folder's subfolders too, in natural order by path.
    public var recursive: Bool

    public init(
        paths: [String], workingDirectory: String, documentID: DocumentID?, metadata: DocumentMetadata, acceptChanges: Bool,
        acceptSignedPDF: Bool = false, recursive: Bool = false
    ) {
        self.acceptSignedPDF = acceptSignedPDF
        self.recursive = recursive
        self.paths = paths
        self.workingDirectory = workingDirectory
        self.documentID = documentID
        self.metadata = metadata
        self.acceptChanges = acceptChanges
    }
}

/// What `quire add` did, file by file.
public struct AddReport: Sendable {
    /// One line of the report.
    public enum Entry: Sendable {
        /// Registered (or found registered) in the catalogue.
        case registered(path: String, format: SourceFormat, pageCount: Int, outcome: SourceOutcome)
        /// Not registered, with the reason.
        case failed(any QuireError)
        /// Inside a folder and not a scan: left out on purpose.
        case skipped(path: String, reason: String)
    }

    public var document: DocumentID
    /// True when the document did not exist before.
    public var created: Bool
    public var entries: [Entry]

    /// The files that could not be registered (refused by the catalogue or unreadable).
    public var failures: [any QuireError] {
        entries.compactMap { entry in
            switch entry {
            case .failed(let error): return error
            case .registered(_, _, _, .refused(let error)): return error
            default: return nil
            }
        }
    }

    /// Files whose content changed and were left as they were.
    public var unacceptedChanges: [String] {
        entries.compactMap { entry in
            if case .registered(let path, _, _, .changed(_, false)) = entry { return path }
            return nil
        }
    }

    /// Paths left out on purpose (files that are not scans, subfolders without `--recursive`).
    public var skipped: [String] {
        entries.compactMap { entry in
            if case .skipped(let path, _) = entry { return path }
            return nil
        }
    }

    /// Files now registered (new, unchanged or accepted changes).
    public var registeredCount: Int {
        entries.filter { entry in
            switch entry {
            case .registered(_, _, _, .refused), .registered(_, _, _, .changed(_, false)): return false
            case .registered: return true
            default: return false
            }
        }.count
    }
}

/// Registers documents and their files: the orchestration behind `quire add`.
public struct DocumentRegistrar: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// Inspects every file, then registers the usable ones in one catalogue transaction.
    /// Per-file problems are entries of the report; only catalogue failures throw.
    public func add(_ request: AddRequest) throws(CatalogueError) -> AddReport {
        let id = request.documentID ?? DocumentID.slug(fromTitle: request.metadata.title)
        let items = SourceScanner(workingDirectory: request.workingDirectory, acceptSignedPDF: request.acceptSignedPDF, recursive: request.recursive)
            .scan(request.paths)
        var candidates: [SourceCandidate] = []
        for case .candidate(let candidate) in items { candidates.append(candidate) }

        var outcomes: [String: SourceOutcome] = [:]
        var created = false
        if !candidates.isEmpty {
            let result = try catalogue.register(id, metadata: request.metadata, sources: candidates, acceptChanges: request.acceptChanges)
            created = result.created
            for source in result.sources { outcomes[source.path] = source.outcome }
        }
        let entries: [AddReport.Entry] = items.map { item in
            switch item {
            case .candidate(let candidate):
                return .registered(
                    path: candidate.absolutePath, format: candidate.format, pageCount: candidate.pageCount,
                    outcome: outcomes[candidate.absolutePath] ?? .unchanged)
            case .failure(let error): return .failed(error)
            case .skipped(let path, let reason): return .skipped(path: path, reason: reason)
            }
        }
        return AddReport(document: id, created: created, entries: entries)
    }
}
