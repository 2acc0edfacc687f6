/// ProofreadPage's quality levels, 0–4, with the extension's own names.
///
/// A tool creates pages at 0, 1 or 2; 3 only for text a person proofread; never 4, which the wiki
/// reaches from 3 by a different user.
public enum PageQuality: Int, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Level 0: a blank or illustration-only page, with an empty body.
    case withoutText = 0
    /// Level 1: raw OCR, the default.
    case notProofread = 1
    /// Level 2: something is wrong and a person should look.
    case problematic = 2
    /// Level 3: proofread by a person.
    case proofread = 3
    /// Level 4: validated by a second person on the wiki.
    case validated = 4

    /// ProofreadPage's English name of the level (`proofreadpage_quality1_category`).
    public var name: String {
        switch self {
        case .withoutText: "Without text"
        case .notProofread: "Not proofread"
        case .problematic: "Problematic"
        case .proofread: "Proofread"
        case .validated: "Validated"
        }
    }

    /// Whether a tool may create a page at this level on its own.
    public var isToolAssignable: Bool { self != .validated }

    public var description: String { "\(rawValue) (\(name))" }
    public static func < (lhs: PageQuality, rhs: PageQuality) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The one rule by which a tool levels the pages it produced: the catalogue when a page is read
/// (the level `quire status` counts), the wikitext when the page is generated. ProofreadPage's
/// levels are claims a person relies on, so the rule never claims more than the evidence holds:
/// level 0 ("without text") only for a page that was read and found empty, never for one that
/// could not be read (too small, timed out); level 1 only for text with no sign of trouble; else 2.
public struct QualityPolicy: Hashable, Sendable {
    /// A page whose mean word confidence is below this gets level 2 and `low_confidence`.
    public var lowConfidenceThreshold: Confidence
    /// Flags that make a page with text level 2.
    public var problemFlags: Set<PageFlag>

    /// Flags that say the page was not read, so its emptiness proves nothing: level 2, not 0.
    public static let unreadFlags: Set<PageFlag> = [.ocrTimeout, .tooSmall]

    /// The default policy: below 0.75 mean confidence, or flagged low confidence, sanitised
    /// text, an uncertain boundary, an OCR timeout or too small an image, is problematic.
    public init(
        lowConfidenceThreshold: Confidence = 0.75,
        problemFlags: Set<PageFlag> = [.lowConfidence, .sanitisedText, .uncertainBoundary, .ocrTimeout, .tooSmall]
    ) {
        self.lowConfidenceThreshold = lowConfidenceThreshold
        self.problemFlags = problemFlags
    }

    /// The level of a page a tool produced and the flags that explain it: without text, 0 (and
    /// `blank_page` unless it is `illustration_only`), or 2 when it was not read; with text, 2
    /// for a problem flag or a mean confidence below the threshold (which adds
    /// `low_confidence`), else 1. Never 3 or 4: those need a person.
    public func level(hasText: Bool, flags: Set<PageFlag>, meanConfidence: Confidence?) -> (level: PageQuality, flags: Set<PageFlag>) {
        var flags = flags
        guard hasText else {
            if !flags.isDisjoint(with: Self.unreadFlags) { return (.problematic, flags) }
            if !flags.contains(.illustrationOnly) { flags.insert(.blankPage) }
            return (.withoutText, flags)
        }
        if let meanConfidence, meanConfidence < lowConfidenceThreshold { flags.insert(.lowConfidence) }
        return (flags.isDisjoint(with: problemFlags) ? .notProofread : .problematic, flags)
    }
}

extension PageQuality {
    /// The level a tool gives an OCR page when it is read, by ``QualityPolicy`` (the same rule
    /// the wikitext applies when it generates the page).
    public static func suggested(for page: PageText, policy: QualityPolicy = QualityPolicy()) -> PageQuality {
        policy.level(hasText: !page.isEmpty, flags: page.flags, meanConfidence: page.meanConfidence).level
    }
}
