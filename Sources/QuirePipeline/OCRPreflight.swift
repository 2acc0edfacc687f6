public import QuireCatalogue
public import QuireCore

/// The preflight of a catalogue batch, per document: a document whose language data is missing
/// is refused alone, named, with its pages left for a later run, while the other documents are
/// read. Only documents with pages still to read are checked, so a model removed after a
/// document was done does not fail every later batch.
public enum OCRPreflight {
    /// What the batch can read, and what it refused.
    public struct Plan: Sendable {
        /// Documents whose languages are installed, in the catalogue's order.
        public var ready: [DocumentID]
        /// The languages of the ready documents, without repeats (for the engine's first model).
        public var languages: [LanguageSet]
        /// One error per refused document, naming it, the pages left and what to install.
        public var refused: [PipelineError]
        /// Pages of the refused documents left without text.
        public var refusedPages: Int
    }

    /// Checks `documents` (nil: every document) of `catalogue`: each one's languages, or
    /// `override` when given, must pass `requireInstalled`.
    public static func plan(
        _ catalogue: Catalogue, documents: [DocumentID]?, override: LanguageSet?, requireInstalled: (LanguageSet) throws -> Void
    ) throws -> Plan {
        let summaries = try documents.map { ids in try ids.map { try catalogue.summary(of: $0) } } ?? catalogue.summaries()
        var plan = Plan(ready: [], languages: [], refused: [], refusedPages: 0)
        for summary in summaries {
            let languages = override ?? summary.metadata.languages
            let toRead = summary.pageCount - summary.pagesByState[.done, default: 0] - summary.pagesByState[.quarantined, default: 0]
            do {
                if toRead > 0 { try requireInstalled(languages) }
                plan.ready.append(summary.id)
                if !plan.languages.contains(languages) { plan.languages.append(languages) }
            } catch let error as any QuireError {
                plan.refusedPages += toRead
                plan.refused.append(PipelineError(
                    error.code, "\(error.message); its \(toRead) page\(toRead == 1 ? "" : "s") without text \(toRead == 1 ? "is" : "are") left for a later run",
                    remedy: error.remedy, context: ErrorContext(document: summary.id)))
            }
        }
        return plan
    }
}
