/// Where a page is in the OCR/import pipeline.
public enum PageState: String, CaseIterable, Sendable, Codable {
    /// Registered; no text yet.
    case pending
    /// Has text (OCR, import or split), possibly flagged.
    case done
    /// The last attempt failed; it will be retried.
    case failed
    /// Failed twice: skipped by reruns until a person intervenes.
    case quarantined
}
