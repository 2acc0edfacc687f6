public import QuireCore

/// Marks errors of alignment and splitting.
public enum AlignDomain: ErrorDomain {}
/// An error of match & split: a known text that cannot be split onto a scan.
public typealias AlignError = DomainError<AlignDomain>

/// Why a page's split needs a person's eye, as stable codes for JSON and the catalogue.
public enum SplitFlag: String, CaseIterable, Sendable, Codable, Comparable {
    /// The OCR of the page is empty: the page gets no text.
    case blankPage = "blank_page"
    /// Where this page starts or ends in the text is not certain.
    case uncertainBoundary = "uncertain_boundary"
    /// Few words of the page's part of the text were found in its OCR.
    case lowMatch = "low_match"
    /// Words printed on the page (beyond running headers and notes) are not in the text.
    case textMissingFromTranscript = "text_missing_from_transcript"
    /// Words of the text near this page were not found in the scan (a page missing from the
    /// scan, or text the print does not have).
    case transcriptTextNotInScan = "transcript_text_not_in_scan"
    /// The page has printed text but no part of the known text: it keeps its OCR.
    case pageNotInTranscript = "page_not_in_transcript"

    public static func < (lhs: SplitFlag, rhs: SplitFlag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the flag makes the page level 2 (problematic).
    public var isProblem: Bool {
        switch self {
        case .uncertainBoundary, .lowMatch, .textMissingFromTranscript, .transcriptTextNotInScan: true
        case .blankPage, .pageNotInTranscript: false
        }
    }
}

/// One page of a document to split onto: its physical number and its OCR (nil when it has none).
public struct SplitInputPage: Sendable {
    public var number: PageNumber
    public var text: PageText?

    public init(number: PageNumber, text: PageText?) {
        self.number = number
        self.text = text
    }
}

/// One page's share of the known text.
public struct SplitPage: Hashable, Sendable, Codable {
    /// Physical page number.
    public var number: PageNumber
    /// The known text printed on this page, cut between words, as typed (Markdown kept).
    public var text: String
    /// How sure the alignment is, 0–1.
    public var confidence: Double
    public var flags: [SplitFlag]
    /// Sentences explaining the flags.
    public var reasons: [String]
    /// Words of the known text on this page, and how many of them the OCR confirmed.
    public var words: Int
    public var wordsFound: Int
    /// False when the page has no part of the known text (blank, or not in the text): it keeps
    /// whatever text it had.
    public var hasText: Bool
    /// The page's part ends where a paragraph of the text ends (the next page starts a new one).
    public var endsParagraph: Bool = false

    /// The level the page gets: 0 blank, 2 when a flag is a problem or confidence is low, else 1.
    /// A page without any of the text keeps the level of its own text; 1 is given here.
    public var level: PageQuality {
        if flags.contains(.blankPage) { return .withoutText }
        if !hasText { return .notProofread }
        if flags.contains(where: \.isProblem) || confidence < PageSplitter.lowConfidence { return .problematic }
        return .notProofread
    }
}

/// The whole split: every page, plus what was learnt about the text as a whole.
public struct SplitResult: Hashable, Sendable {
    public var pages: [SplitPage]
    /// Words of the known text, and how many the OCR confirmed.
    public var words: Int
    public var wordsFound: Int
    /// Pages with printed text that received none of the known text.
    public var pagesWithoutTranscript: [PageNumber]
    /// Pages with printed text in all.
    public var pagesWithText: Int
    /// The longest run of consecutive words of the text that the OCR did not confirm.
    public var longestRunNotFound: Int = 0

    /// Share of the known text found in the scan, 0–1.
    public var foundShare: Double { words == 0 ? 0 : Double(wordsFound) / Double(words) }

    /// Pages whose boundary or content is uncertain (level 2).
    public var problematicPages: [PageNumber] { pages.filter { $0.hasText && $0.level == .problematic }.map(\.number) }

    /// Refuses a split that should not be stored: a text that does not match the scan (another
    /// work or language), or matches only part of it (under ``PageSplitter/minimumFoundShare``
    /// found with a run of ``PageSplitter/missingTextRun`` words found nowhere, or too many pages
    /// without any of it). `file` names the text in the message.
    public func checkAcceptable(file: String, document: DocumentID? = nil) throws(AlignError) {
        let context = ErrorContext(file: file, document: document)
        let percent = Int((foundShare * 100).rounded())
        if foundShare < PageSplitter.minimumFoundShare / 2 {
            throw AlignError(
                .invalidInput, "the text does not match the scan: only \(percent)% of its words were found in the OCR",
                remedy: "check that it is the text of this document and in the same language as the scan (and that the pages were OCR'd with the right language)",
                context: context)
        }
        // Under the minimum share, a text is a partial match when a long stretch of it is found
        // nowhere; words missed here and there (poor OCR, such as Fraktur photographed with its
        // facing page) leave it a split whose pages are flagged `low_match`.
        if foundShare < PageSplitter.minimumFoundShare, longestRunNotFound >= PageSplitter.missingTextRun {
            throw AlignError(
                .invalidInput, "only \(percent)% of the text's words were found in the scan, so it matches only part of it",
                remedy: "split a text that holds only what the scan prints, or choose the pages it covers with --pages FROM-TO",
                context: context)
        }
        if pagesWithText > 0, Double(pagesWithoutTranscript.count) > Double(pagesWithText) * PageSplitter.maximumUncoveredShare {
            throw AlignError(
                .invalidInput,
                "the text matches only \(pagesWithText - pagesWithoutTranscript.count) of the \(pagesWithText) pages with text; pages \(PageSplitter.describe(pagesWithoutTranscript)) are not in it",
                remedy: "choose the pages the text covers with --pages FROM-TO, or complete the text",
                context: context)
        }
    }
}
