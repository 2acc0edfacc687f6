public import QuireCore

/// The Wikisource editions Quire writes for, as `--wiki` takes them.
public enum WikiCode: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// English Wikisource.
    case en
    /// Spanish Wikisource.
    case es
    /// French Wikisource.
    case fr
    /// German Wikisource.
    case de
    /// Italian Wikisource.
    case it

    /// This wiki's conventions.
    public var profile: WikiProfile { WikiProfile.table[self] ?? WikiProfile.english }

    /// The language code, which is also the wiki's subdomain.
    public var description: String { rawValue }

    /// The wiki of a document's primary language, English when Quire writes for none.
    public init(primaryLanguageOf metadata: DocumentMetadata) {
        self = metadata.languages.primary.iso6391.flatMap(WikiCode.init(rawValue:)) ?? .en
    }
}

/// A namespace of a wiki: its local name and its number.
public struct WikiNamespace: Hashable, Sendable {
    /// The localised name, as it prefixes titles (`Página`).
    public let name: String
    /// The namespace number on that wiki.
    public let id: Int

    /// A namespace with its name and number.
    public init(name: String, id: Int) {
        self.name = name
        self.id = id
    }
}

/// How a wiki writes the running header (and running footer) of a Page:.
public enum RunningHeaderStyle: Hashable, Sendable {
    /// A three-slot template, `{{NAME|left|centre|right}}`.
    case template(String)
    /// The printed text as a plain line, slots joined by spaces.
    case plainText
    /// Left out: the wiki does not keep running headers.
    case omitted
}

/// How a wiki writes a word hyphenated across a page break.
public enum WordSplitStyle: Hashable, Sendable {
    /// `{{START|ex|example}}` at the end of the page, `{{END|ample|example}}` at the start of the next.
    case startEndTemplates(start: String, end: String)
    /// `{{NAME|ex-|example}}` at the end of the page, `{{NAME|ample|}}` at the start of the next.
    case partTemplate(String)
    /// The first part with a bare trailing `-`: ProofreadPage removes it and joins the next page
    /// with no space when the pages are transcluded.
    case bareHyphen
    /// The whole word on the first page, the next page starting after it.
    case completeOnFirstPage
}

/// How a wiki marks a paragraph that ends exactly at the foot of a page.
public enum PageEndParagraphMark: Hashable, Sendable {
    /// Nothing is written.
    case none
    /// This exact text is appended to the page's body (e.g. `"\n{{nop}}"`).
    case appendToPage(String)
    /// This exact text is put before the next page's body (e.g. `"{{nop}}\n"`).
    case prependToNextPage(String)
}

/// How a wiki centres a heading or a centred block.
public enum CentringStyle: Hashable, Sendable {
    /// `{{NAME|text}}`.
    case template(String)
    /// `<div style="text-align:center;">text</div>`, which needs no template.
    case htmlDiv
}

/// Where a main page carries the licence templates the clearance engine chose.
public enum LicencePlacement: Hashable, Sendable {
    /// Right after the header template, before `<pages>` (en: `{{header}}` then `{{PD-old}}`).
    case afterHeader
    /// At the end of the page, after `<pages>`.
    case endOfPage
}

/// What a main-namespace page puts above its `<pages … />` tag.
public enum MainPageHeaderStyle: Hashable, Sendable {
    /// `{{NAME|title=…|author=…|previous=…|next=…}}` on its own line.
    case template(String)
    /// `header=1` on the `<pages>` tag: ProofreadPage draws the header from the Index.
    case pagesAttribute
    /// Nothing: a person adds the wiki's own header.
    case none
}

/// The fields of an Index page that Quire can fill, in ProofreadPage's English naming.
public enum IndexField: String, CaseIterable, Sendable {
    /// Fields of the book: what it is, who made it, where and when it was published.
    case type, title, language, volume, author, translator, editor, illustrator, school, publisher
    /// Fields of the edition, the scan and the transcription.
    case address, year, key, isbn, oclc, lccn, bnfArk, arc, source, image, progress, pages, volumes
    /// Fields of presentation: remarks, layout, and the default header and footer of new pages.
    case remarks, width, css, header, footer
}

/// The progress states of an Index page.
public enum IndexProgress: String, CaseIterable, Sendable {
    /// Every page validated.
    case done
    /// Proofread, waiting for validation.
    case toValidate
    /// Pages to be proofread.
    case toProofread
    /// Ready for match and split.
    case matchAndSplit
    /// Needs a text layer.
    case needsOCR
    /// The source file is incorrect.
    case sourceIncorrect
    /// The `<pagelist>` is still needed.
    case pagelistNeeded
}

/// One Index field as a wiki names it.
public struct IndexFieldName: Hashable, Sendable {
    /// The field's meaning.
    public let field: IndexField
    /// The key in that wiki's `MediaWiki:Proofreadpage_index_data_config.json`.
    public let key: String

    /// A field and its local key.
    public init(_ field: IndexField, _ key: String) {
        self.field = field
        self.key = key
    }
}

/// A wiki's conventions as data: namespaces, templates, Index fields, level names.
///
/// The tables for en, es, fr, de and it are in `WikiProfile+Table.swift`; every choice that
/// `wikisource-format.md` marks "(verify)" is commented there with the safest form used.
public struct WikiProfile: Hashable, Sendable {
    /// Which wiki.
    public let code: WikiCode
    /// The Page: namespace (`Page` 104 on en).
    public let pageNamespace: WikiNamespace
    /// The Index: namespace (`Index` 106 on en).
    public let indexNamespace: WikiNamespace
    /// The author namespace's name, or nil where authors are main-namespace pages.
    public let authorNamespace: String?
    /// How running headers and footers are written.
    public let runningHeader: RunningHeaderStyle
    /// How a word split across pages is written.
    public let wordSplit: WordSplitStyle
    /// How a paragraph ending at a page end is marked.
    public let paragraphAtPageEnd: PageEndParagraphMark
    /// The footer of a page that has notes.
    public let referencesTag: String
    /// How headings and centred blocks are centred.
    public let centring: CentringStyle
    /// The Index fields this wiki has, in the order its form shows them.
    public let indexFields: [IndexFieldName]
    /// The Progress field's code for each state.
    public let progressCodes: [IndexProgress: String]
    /// What goes above `<pages>` on a main page.
    public let mainPageHeader: MainPageHeaderStyle
    /// The names of levels 0–4 on this wiki, for reports.
    public let levelNames: [String]
    /// The `<pagelist>` label of a page without a printed number.
    public let unnumberedPageLabel: String
    /// `$wgMaxArticleSize` in bytes: a Page: text larger than this is refused by the API.
    public let maxPageBytes: Int
    /// Where a main page carries its licence templates.
    public let licencePlacement: LicencePlacement
    /// The template that writes a long s on a Page: (`ls` on en), when the wiki has one.
    public let longSTemplate: String?
    /// What readers of the wiki's main pages see for a long s: the default of a reader's
    /// edition such as an e-book (``LongSStyle/keep`` or ``LongSStyle/modernise``).
    public let readerLongS: LongSStyle

    /// A profile from its parts, for a wiki the table does not hold (a self-hosted test wiki with
    /// the extension's default namespaces 250/252, say).
    public init(
        code: WikiCode, pageNamespace: WikiNamespace, indexNamespace: WikiNamespace, authorNamespace: String?,
        runningHeader: RunningHeaderStyle, wordSplit: WordSplitStyle, paragraphAtPageEnd: PageEndParagraphMark,
        referencesTag: String, centring: CentringStyle, indexFields: [IndexFieldName], progressCodes: [IndexProgress: String],
        mainPageHeader: MainPageHeaderStyle, levelNames: [String], unnumberedPageLabel: String, maxPageBytes: Int,
        licencePlacement: LicencePlacement = .endOfPage, longSTemplate: String? = nil, readerLongS: LongSStyle = .modernise
    ) {
        self.licencePlacement = licencePlacement
        self.longSTemplate = longSTemplate
        self.readerLongS = readerLongS
        self.code = code
        self.pageNamespace = pageNamespace
        self.indexNamespace = indexNamespace
        self.authorNamespace = authorNamespace
        self.runningHeader = runningHeader
        self.wordSplit = wordSplit
        self.paragraphAtPageEnd = paragraphAtPageEnd
        self.referencesTag = referencesTag
        self.centring = centring
        self.indexFields = indexFields
        self.progressCodes = progressCodes
        self.mainPageHeader = mainPageHeader
        self.levelNames = levelNames
        self.unnumberedPageLabel = unnumberedPageLabel
        self.maxPageBytes = maxPageBytes
    }

    /// The profile of a wiki.
    public static func named(_ code: WikiCode) -> WikiProfile { code.profile }

    /// The wiki's name for a quality level.
    public func levelName(_ level: PageQuality) -> String {
        levelNames.indices.contains(level.rawValue) ? levelNames[level.rawValue] : level.name
    }

    /// The local key of an Index field, when this wiki has the field.
    public func key(for field: IndexField) -> String? {
        indexFields.first { $0.field == field }?.key
    }

    /// `Page:Discurso 1931.pdf/7` for a page of a multi-page scan.
    public func pageTitle(file: String, page: PageNumber) -> String {
        "\(pageNamespace.name):\(file)/\(page.rawValue)"
    }

    /// `Page:Scan 001.jpg` for a single-image page.
    public func pageTitle(image: String) -> String {
        "\(pageNamespace.name):\(image)"
    }

    /// `Index:Discurso 1931.pdf`.
    public func indexTitle(file: String) -> String {
        "\(indexNamespace.name):\(file)"
    }
}
