/// How the zones of one kind of furniture fared: each expected zone is counted once, in the
/// first of right field, other field, body, missing that holds it.
public struct ZoneTally: Hashable, Sendable, Codable {
    public var expected = 0
    /// In the field it belongs in (header or footer).
    public var right = 0
    /// Out of the body, but in the other furniture field.
    public var otherField = 0
    /// Left at the top or the foot of the body.
    public var inBody = 0
    /// Found in no field (not read, or lost).
    public var missing = 0

    public init() {}

    /// Tallies summed field by field.
    public static func + (lhs: ZoneTally, rhs: ZoneTally) -> ZoneTally {
        var sum = lhs
        sum.expected += rhs.expected
        sum.right += rhs.right
        sum.otherField += rhs.otherField
        sum.inBody += rhs.inBody
        sum.missing += rhs.missing
        return sum
    }
}

/// The structural evaluation's counts for a page, a document or a set; sums give totals, and
/// the rates are computed from the sums.
public struct StructureCounts: Hashable, Sendable, Codable {
    public var pages = 0
    /// Furniture zones per kind.
    public var runningHeads = ZoneTally()
    public var pageNumbers = ZoneTally()
    public var footers = ZoneTally()
    /// Ground-truth body lines (three words or more) found in the header or footer field.
    public var bodyLinesInFurniture = 0

    /// Paragraph breaks: between the ground truth's body blocks; in the body; both at once.
    public var breaksExpected = 0
    public var breaksFound = 0
    public var breaksRight = 0
    /// Body paragraphs that end in a hyphen and go on with a lower-case word: a break inside a
    /// hyphenated word (must be 0).
    public var breaksInsideWord = 0

    /// Line-end hyphens of the ground truth that divide a word (a hyphenation mark, or `-` before
    /// a lower-case continuation whose compound is not written elsewhere): joined, left divided,
    /// or not readable in the body at all (OCR).
    public var joinsExpected = 0
    public var joinsRight = 0
    public var joinsMissed = 0
    /// Line-end hyphens of a compound (`franco-` `chilena` where `franco-chilena` is written
    /// elsewhere): kept, or wrongly removed.
    public var keepsExpected = 0
    public var keepsRight = 0
    public var keepsJoined = 0
    /// Words divided across a page break: `{{hws}}` on the first page and `{{hwe}}` on the next,
    /// both naming the whole word.
    public var crossPageExpected = 0
    public var crossPageRight = 0

    /// Footnotes: found in a `<ref>`, left in the body, found nowhere; refs matching no footnote.
    public var footnotesExpected = 0
    public var footnotesRight = 0
    public var footnotesInBody = 0
    public var footnotesMissing = 0
    public var refsSpurious = 0

    /// Body paragraphs that are not text of the page (specks, bleed-through).
    public var noiseParagraphs = 0

    /// Body against the ground truth's body, normalised as `quire eval`.
    public var body = Score()
    /// Ground-truth body words (multiset) and how many of them the body holds.
    public var bodyWords = 0
    public var bodyWordsFound = 0

    public init() {}

    /// Every zone kind together.
    public var zones: ZoneTally { runningHeads + pageNumbers + footers }
    /// Breaks found that are right, of breaks found.
    public var breakPrecision: Double? { ratio(breaksRight, breaksFound) }
    /// Expected breaks found, of expected breaks.
    public var breakRecall: Double? { ratio(breaksRight, breaksExpected) }
    /// Right joins of all joins made (right joins and compounds wrongly joined).
    public var joinPrecision: Double? { ratio(joinsRight, joinsRight + keepsJoined) }
    /// Right joins of the joins expected whose word the body has in some form.
    public var joinRecall: Double? { ratio(joinsRight, joinsRight + joinsMissed) }
    /// Share of the ground truth's body words found in the body.
    public var bodyWordShare: Double? { ratio(bodyWordsFound, bodyWords) }

    private func ratio(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    /// Counts summed field by field.
    public static func + (lhs: StructureCounts, rhs: StructureCounts) -> StructureCounts {
        var s = lhs
        s.pages += rhs.pages
        s.runningHeads = s.runningHeads + rhs.runningHeads
        s.pageNumbers = s.pageNumbers + rhs.pageNumbers
        s.footers = s.footers + rhs.footers
        s.bodyLinesInFurniture += rhs.bodyLinesInFurniture
        s.breaksExpected += rhs.breaksExpected
        s.breaksFound += rhs.breaksFound
        s.breaksRight += rhs.breaksRight
        s.breaksInsideWord += rhs.breaksInsideWord
        s.joinsExpected += rhs.joinsExpected
        s.joinsRight += rhs.joinsRight
        s.joinsMissed += rhs.joinsMissed
        s.keepsExpected += rhs.keepsExpected
        s.keepsRight += rhs.keepsRight
        s.keepsJoined += rhs.keepsJoined
        s.crossPageExpected += rhs.crossPageExpected
        s.crossPageRight += rhs.crossPageRight
        s.footnotesExpected += rhs.footnotesExpected
        s.footnotesRight += rhs.footnotesRight
        s.footnotesInBody += rhs.footnotesInBody
        s.footnotesMissing += rhs.footnotesMissing
        s.refsSpurious += rhs.refsSpurious
        s.noiseParagraphs += rhs.noiseParagraphs
        s.body = s.body + rhs.body
        s.bodyWords += rhs.bodyWords
        s.bodyWordsFound += rhs.bodyWordsFound
        return s
    }

    /// The tally of one furniture kind.
    public subscript(kind: FurnitureKind) -> ZoneTally {
        get {
            switch kind {
            case .runningHead: runningHeads
            case .pageNumber: pageNumbers
            case .footer: footers
            }
        }
        set {
            switch kind {
            case .runningHead: runningHeads = newValue
            case .pageNumber: pageNumbers = newValue
            case .footer: footers = newValue
            }
        }
    }
}
