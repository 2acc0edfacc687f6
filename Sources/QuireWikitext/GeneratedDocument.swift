public import QuireCore

/// What generation found worth a person's attention on a page, beside the input's ``PageFlag``s.
public enum WikitextFlag: String, CaseIterable, Sendable, Codable {
    /// The OCR text contained markup (`{{`, `<ref>`, `''`…) that was neutralised.
    case neutralisedMarkup = "neutralised_markup"
    /// A footnote whose marker was not found in the body; its `<ref>` is at the start of the body.
    case unmatchedFootnote = "unmatched_footnote"
    /// The Page: text is larger than the wiki accepts (`$wgMaxArticleSize`): it must not be sent.
    case contentTooLarge = "content_too_large"
    /// A main page without a licence template: the clearance engine's verdict for the wiki gave
    /// none (a document cleared against the engine), so a person adds the right one.
    case missingLicence = "missing_licence"
}

/// The text of one physical page given to the generator.
public enum PageSource: Hashable, Sendable {
    /// Recognised or imported text, with layout: levels 0–2.
    case ocr(PageText)
    /// Text a person proofread: level 3, under the publishing account.
    case proofread(ProofreadText)
    /// A page's part of a known text (match & split): levels 0–2, the text as typed.
    case transcript(TranscriptText)
}

/// A person's proofread text of a page, as plain text (not wikitext).
public struct ProofreadText: Hashable, Sendable {
    /// The body: paragraphs separated by blank lines; the lines of a paragraph are joined.
    public var text: String
    /// The running header as plain text, if the person kept it.
    public var header: String?
    /// The number printed on the page, if any (`12`, `xii`), for the `<pagelist>`.
    public var printedPageNumber: String?

    /// Proofread text with an optional header and printed number.
    public init(text: String, header: String? = nil, printedPageNumber: String? = nil) {
        self.text = text
        self.header = header
        self.printedPageNumber = printedPageNumber
    }
}

/// Where the scan lives on the wiki.
public enum ScanSource: Hashable, Sendable {
    /// One multi-page file (`Discurso 1931.pdf`): pages are `Page:FILE/N`, the Index uses `<pagelist>`.
    case file(String)
    /// One image per page (`Scan 001.jpg`): pages are `Page:IMAGE`, the Index lists links.
    case images([PageNumber: String])
}

/// One work of a scan that holds several (speeches of a pamphlet): each gets its own main page,
/// and pages it shares with another work get `<section>` marks.
public struct WorkSpan: Hashable, Sendable {
    /// The main page's title.
    public var title: String
    /// The physical page where the work begins.
    public var from: PageNumber
    /// The index of the body block (paragraph, heading, centred block; 0-based) on `from` where
    /// the work begins; 0 for the top of the page.
    public var firstBlock: Int
    /// The physical page where the work ends; it ends there where the next work begins, or at
    /// the foot of the page.
    public var to: PageNumber

    /// A work from `from` (at block `firstBlock`) to `to`.
    public init(title: String, from: PageNumber, firstBlock: Int = 0, to: PageNumber) {
        self.title = title
        self.from = from
        self.firstBlock = firstBlock
        self.to = to
    }
}

/// Choices of one generation run.
public struct GenerationOptions: Hashable, Sendable {
    /// The account that publishes: written as `user` of every page's `pagequality` tag; required
    /// when a page is proofread (level 3).
    public var user: String
    /// How levels are chosen.
    public var quality: QualityPolicy
    /// Known words for line-end hyphens (Tesseract's dictionary of the language); nil to decide
    /// from the document alone (see ``HyphenationResolver``).
    public var lexicon: Lexicon?
    /// The scan on the wiki; nil to use the document's `wikiFileName`.
    public var scan: ScanSource?
    /// The works the scan holds, in order; empty for one work titled like the document and
    /// spanning every page.
    public var works: [WorkSpan]
    /// The licence templates the clearance engine chose for this wiki (`PD-old-80`), written on
    /// every main page in the profile's place; empty flags the main pages `missing_licence`;
    /// nil (not looked up) writes none and flags nothing.
    public var licenceTemplates: [String]?
    /// What becomes of the long s; nil for the default: kept on Page: text (the proofreaders'
    /// transcription), the profile's ``WikiProfile/readerLongS`` in the joined text.
    public var longS: LongSStyle?

    /// Options with defaults: no user, the default policy, no word list, one work.
    public init(
        user: String = "", quality: QualityPolicy = QualityPolicy(), lexicon: Lexicon? = nil, scan: ScanSource? = nil, works: [WorkSpan] = [],
        licenceTemplates: [String]? = nil, longS: LongSStyle? = nil
    ) {
        self.longS = longS
        self.licenceTemplates = licenceTemplates
        self.user = user
        self.quality = quality
        self.lexicon = lexicon
        self.scan = scan
        self.works = works
    }
}

/// One generated Page: page.
public struct GeneratedPage: Hashable, Sendable {
    /// The physical page.
    public let number: PageNumber
    /// Its full title (`Página:Discurso 1931.pdf/3`).
    public let title: String
    /// Header, body, footer, level and user.
    public let content: PageContent
    /// The number printed on the page, when one was found.
    public let printedNumber: PrintedPageNumber?
    /// The input's flags and those generation set (blank, low confidence, sanitised text…).
    public let pageFlags: Set<PageFlag>
    /// Flags of wikitext generation.
    public let wikitextFlags: Set<WikitextFlag>

    /// The page may be sent to the wiki (it is not too large).
    public var isPublishable: Bool { !wikitextFlags.contains(.contentTooLarge) }

    /// Every reason code, sorted: for the manifest, the catalogue and reports.
    public var reasons: [String] { (pageFlags.map(\.rawValue) + wikitextFlags.map(\.rawValue)).sorted() }
}

/// A generated wiki page other than a Page: (the Index, a main page).
public struct GeneratedWikiPage: Hashable, Sendable {
    /// The full title.
    public let title: String
    /// The wikitext.
    public let wikitext: String
    /// What a person should look at (``WikitextFlag/missingLicence``).
    public let flags: Set<WikitextFlag>

    /// A page with its title, text and flags.
    public init(title: String, wikitext: String, flags: Set<WikitextFlag> = []) {
        self.title = title
        self.wikitext = wikitext
        self.flags = flags
    }
}

/// A line of the manifest: what to publish, at which level, and why to look.
public struct ManifestEntry: Hashable, Sendable, Codable {
    /// The full title.
    public let title: String
    /// The level, for Page: pages; nil for the Index and main pages.
    public let level: PageQuality?
    /// Reason codes (flags), sorted.
    public let flags: [String]
}

/// Everything generated for a document.
public struct GeneratedDocument: Hashable, Sendable {
    /// The Page: pages in physical order.
    public let pages: [GeneratedPage]
    /// The Index page.
    public let index: IndexPage
    /// One main-namespace page per work.
    public let mainPages: [GeneratedWikiPage]

    /// Every page to publish with its level and flags: Page: pages, then the Index, then the
    /// main pages.
    public var manifest: [ManifestEntry] {
        pages.map { ManifestEntry(title: $0.title, level: $0.content.level, flags: $0.reasons) }
            + [ManifestEntry(title: index.title, level: nil, flags: [])]
            + mainPages.map { ManifestEntry(title: $0.title, level: nil, flags: $0.flags.map(\.rawValue).sorted()) }
    }
}
