public import QuireCore

/// The field of a ProofreadPage `Page:` page that a piece of text belongs in.
public enum PageField: String, Sendable, Codable, CaseIterable {
    case header, body, footer
}

/// The kinds of page furniture that structural evaluation scores, each expected outside the body.
public enum FurnitureKind: String, Sendable, Codable, CaseIterable {
    /// A running title (`RunningTitleZone`, PAGE `header`): the header field.
    case runningHead = "running-head"
    /// A printed page number (`NumberingZone`, PAGE `page-number`): the header field when printed
    /// in the top half of the page, the footer field when printed in the bottom half.
    case pageNumber = "page-number"
    /// Catch-words, signature marks and footers: the footer field.
    case footer
}

/// A ground-truth page reduced to what structural evaluation scores: the furniture zones with
/// the field each belongs in, the body's blocks (regions) as printed lines, and the footnotes.
public struct StructureTruth: Hashable, Sendable {
    /// One zone of furniture.
    public struct Zone: Hashable, Sendable {
        public var kind: FurnitureKind
        public var text: String
        public var field: PageField

        /// A zone of `kind` whose `text` belongs in `field`.
        public init(kind: FurnitureKind, text: String, field: PageField) {
            self.kind = kind
            self.text = text
            self.field = field
        }
    }

    /// A printed line and whether the source marked its line-end hyphen (ALTO `HYP`, `¬`).
    public struct Line: Hashable, Sendable {
        public var text: String
        public var markedHyphen: Bool

        /// A line as printed; `markedHyphen` when its hyphenation mark was removed on import.
        public init(_ text: String, markedHyphen: Bool = false) {
            self.text = text
            self.markedHyphen = markedHyphen
        }
    }

    public var zones: [Zone]
    /// The body's blocks in reading order: a paragraph break is expected between two blocks.
    public var blocks: [[Line]]
    /// Footnotes (PAGE `footnote` and `footnote-continued`), expected as `<ref>`.
    public var footnotes: [String]
    /// Every line of the page, whatever its role (marginalia included): text that is none of
    /// these is noise.
    public var allLines: [String]

    /// A page given as its parts.
    public init(zones: [Zone], blocks: [[Line]], footnotes: [String], allLines: [String]? = nil) {
        self.zones = zones
        self.blocks = blocks
        self.footnotes = footnotes
        self.allLines = allLines ?? (zones.map(\.text) + blocks.flatMap { $0.map(\.text) } + footnotes)
    }

    /// Roles that are neither body nor scored furniture nor footnotes: marginalia, illustrations,
    /// and `other` (digitisation artefacts such as a PDF's own footer, stamps, drop capitals).
    /// Their text in the body is not noise, and not expected either.
    static let unscoredRoles: Set<RegionRole> = [.marginalia, .illustration, .other]

    /// The truth of a plain transcription (`NAME.gt.txt`): blocks separated by blank lines, no
    /// zones or footnotes known.
    public init(plainText: String) {
        var blocks: [[Line]] = [], current: [Line] = []
        for line in plainText.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line).trimmingWhitespace
            if text.isEmpty {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(Line(text))
            }
        }
        if !current.isEmpty { blocks.append(current) }
        self.init(zones: [], blocks: blocks, footnotes: [])
    }

    /// The truth of a page imported from ALTO or PAGE-XML, by its regions' roles.
    public init(page: PageText) {
        var zones: [Zone] = [], blocks: [[Line]] = [], footnotes: [String] = [], all: [String] = []
        for region in page.regions {
            let lines = region.lines.map { Line($0.text, markedHyphen: $0.endsWithHyphenationMark) }.filter { !$0.text.isEmpty }
            guard !lines.isEmpty else { continue }
            all += lines.map(\.text)
            let text = lines.map(\.text).joined(separator: " ")
            switch region.role {
            case .runningHeader: zones.append(Zone(kind: .runningHead, text: text, field: .header))
            case .pageNumber: zones.append(Zone(kind: .pageNumber, text: text, field: Self.half(of: region, in: page)))
            case .footer, .catchword, .signatureMark: zones.append(Zone(kind: .footer, text: text, field: .footer))
            case .footnote: footnotes.append(lines.map(\.text).joined(separator: "\n"))
            case let role where Self.unscoredRoles.contains(role): continue
            default: blocks.append(lines)
            }
        }
        self.init(zones: zones, blocks: blocks, footnotes: footnotes, allLines: all)
    }

    /// The header field for a region in the top half of the page, else the footer field.
    private static func half(of region: TextRegion, in page: PageText) -> PageField {
        guard let box = region.box, page.height > 0 else { return .header }
        return (box.top + box.bottom) / 2 <= page.height / 2 ? .header : .footer
    }
}

/// What a `Page:` page gives a volunteer, as plain text per field (markup already rendered:
/// templates to their text, `<ref>` contents taken out into ``notes``).
public struct StructureHypothesis: Hashable, Sendable {
    /// A word divided across a page break (`{{hws|PART|WHOLE}}` / `{{hwe|PART|WHOLE}}`).
    public struct DividedWord: Hashable, Sendable {
        public var part: String
        public var whole: String

        /// The part printed on this page and the whole word.
        public init(part: String, whole: String) {
            self.part = part
            self.whole = whole
        }
    }

    public var header: String
    /// The body: paragraphs separated by blank lines.
    public var body: String
    public var footer: String
    /// The contents of the page's `<ref>` tags, in order.
    public var notes: [String]
    /// The word the body ends with, divided onto the next page.
    public var endsWithDividedWord: DividedWord?
    /// The word the body starts with, begun on the page before.
    public var startsWithDividedWord: DividedWord?

    /// A page's fields.
    public init(header: String = "", body: String, footer: String = "", notes: [String] = [], endsWithDividedWord: DividedWord? = nil, startsWithDividedWord: DividedWord? = nil) {
        self.header = header
        self.body = body
        self.footer = footer
        self.notes = notes
        self.endsWithDividedWord = endsWithDividedWord
        self.startsWithDividedWord = startsWithDividedWord
    }

    /// The body's paragraphs (blank-line separated), trimmed, empty ones left out.
    public var paragraphs: [String] {
        var out: [String] = [], current: [Substring] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { out.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: "\n")) }
        return out.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
    }
}

extension String {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
