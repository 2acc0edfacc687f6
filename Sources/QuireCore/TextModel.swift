/// What a region of a page is, as OCR layout analysis, ALTO tags, SegmOnto zones and PAGE-XML
/// region types say. Wikitext generation puts headers and page numbers in the header field and
/// footnotes into `<ref>`.
public enum RegionRole: String, CaseIterable, Sendable, Codable {
    case paragraph
    case heading
    case runningHeader = "running-header"
    case pageNumber = "page-number"
    case footnote
    case marginalia
    case caption
    case footer
    case catchword
    case signatureMark = "signature-mark"
    case table
    case illustration
    case verse
    case other
}

/// A confidence in 0…1 (Tesseract's 0–100 and ALTO's WC are converted on the way in).
public typealias Confidence = Double

/// A word as recognised, with its box and confidence.
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    public var box: BoundingBox?
    public var confidence: Confidence?

    public init(text: String, box: BoundingBox? = nil, confidence: Confidence? = nil) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }
}

/// A printed line: words in reading order.
public struct TextLine: Hashable, Sendable, Codable {
    public var words: [Word]
    public var box: BoundingBox?
    public var baseline: Baseline?
    /// True when the line ends with a hyphenation mark that the source marked as such (ALTO `HYP`,
    /// `¬`, a soft hyphen); the mark itself is not part of the last word's text.
    public var endsWithHyphenationMark: Bool

    public init(words: [Word], box: BoundingBox? = nil, baseline: Baseline? = nil, endsWithHyphenationMark: Bool = false) {
        self.words = words
        self.box = box
        self.baseline = baseline
        self.endsWithHyphenationMark = endsWithHyphenationMark
    }

    /// The words joined by single spaces.
    public var text: String { words.map(\.text).joined(separator: " ") }
}

/// A block of lines with one role.
public struct TextRegion: Hashable, Sendable, Codable {
    public var role: RegionRole
    public var lines: [TextLine]
    public var box: BoundingBox?

    public init(role: RegionRole, lines: [TextLine], box: BoundingBox? = nil) {
        self.role = role
        self.lines = lines
        self.box = box
    }
}

/// Where a page's text came from: an engine run, an import, a split transcript, a person.
public struct TextProvenance: Hashable, Sendable, Codable {
    /// `tesseract 5.3.0`, `alto-import`, `match-and-split`, …
    public var engine: String
    /// Settings or path that produced it (languages, preprocessing that won), free text.
    public var detail: String?
    /// The file it was read from, for imports.
    public var source: String?

    public init(engine: String, detail: String? = nil, source: String? = nil) {
        self.engine = engine
        self.detail = detail
        self.source = source
    }
}

/// Things worth a person's attention on a page, stored as reason codes.
public enum PageFlag: String, CaseIterable, Sendable, Codable {
    case blankPage = "blank_page"
    case tooSmall = "too_small"
    case ocrTimeout = "ocr_timeout"
    case lowConfidence = "low_confidence"
    case sanitisedText = "sanitised_text"
    case uncertainBoundary = "uncertain_boundary"
    case illustrationOnly = "illustration_only"
}

/// The engine-neutral text of one page: regions → lines → words, in reading order.
public struct PageText: Hashable, Sendable, Codable {
    /// Image size in pixels.
    public var width: Int
    public var height: Int
    /// Scan resolution, when known.
    public var dpi: Int?
    public var regions: [TextRegion]
    public var flags: Set<PageFlag>
    public var provenance: TextProvenance?
    /// For audit (quality bar O-8): the words as the engine or file gave them, before
    /// ``TextSanitizer`` changed or removed them, in reading order; nil when nothing was sanitised.
    public var sanitisedOriginals: [String]?

    public init(width: Int, height: Int, dpi: Int? = nil, regions: [TextRegion], flags: Set<PageFlag> = [], provenance: TextProvenance? = nil) {
        self.width = width
        self.height = height
        self.dpi = dpi
        self.regions = regions
        self.flags = flags
        self.provenance = provenance
    }

    /// Every word of the page in reading order.
    public var words: [Word] { regions.flatMap { $0.lines.flatMap(\.words) } }

    /// The mean of the word confidences that are known; nil when none is.
    public var meanConfidence: Confidence? {
        let known = words.compactMap(\.confidence)
        guard !known.isEmpty else { return nil }
        return known.reduce(0, +) / Double(known.count)
    }

    /// True when the page holds no word.
    public var isEmpty: Bool { regions.allSatisfy { $0.lines.allSatisfy(\.words.isEmpty) } }

    /// Plain text: one line per printed line, a blank line between regions; hyphenation marks
    /// kept visible as `-` so the text reads as printed.
    public var plainText: String {
        regions.map { region in
            region.lines.map { line in line.text + (line.endsWithHyphenationMark ? "-" : "") }.joined(separator: "\n")
        }
        .filter { !$0.isEmpty }
        .joined(separator: "\n\n")
    }
}
