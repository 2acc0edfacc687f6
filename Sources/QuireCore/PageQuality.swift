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

extension PageQuality {
    /// The level a tool gives a page it produced: 0 when the page has no text (blank,
    /// illustration only, too small to read), 2 when it timed out, was sanitised or its mean word
    /// confidence is below `lowConfidence`, else 1. Never 3 or 4: those need a person.
    public static func suggested(for page: PageText, lowConfidence: Double = 0.60) -> PageQuality {
        if page.isEmpty && !page.flags.contains(.ocrTimeout) { return .withoutText }
        if !page.flags.isDisjoint(with: [.ocrTimeout, .sanitisedText, .uncertainBoundary, .lowConfidence]) { return .problematic }
        if let confidence = page.meanConfidence, confidence < lowConfidence { return .problematic }
        return .notProofread
    }
}
