public import QuireCore

/// Everything an e-book is made from: the joined text, the bibliographic facts, the rights as
/// cleared, the source, and the times that make the file reproducible. A value: the same book
/// always gives the same bytes.
public struct EPUBBook: Hashable, Sendable {
    /// A stable unique identifier (`urn:quire:…`), the same for every export of the document.
    public var identifier: String
    /// Title, contributors, publication, publisher, languages.
    public var metadata: DocumentMetadata
    /// The joined text: works, notes, pages.
    public var text: BookText
    /// What the rights page and `dc:rights` say.
    public var rights: RightsStatement
    /// Where the text comes from.
    public var source: SourceNote
    /// `dcterms:modified`: the latest revision of the text, `CCYY-MM-DDThh:mm:ssZ`.
    public var modified: String
    /// A cover image, when one is made.
    public var cover: CoverImage?
    /// The program that made the book (`Quire 0.1.0`).
    public var generator: String

    /// A book with all its parts.
    public init(
        identifier: String, metadata: DocumentMetadata, text: BookText, rights: RightsStatement, source: SourceNote,
        modified: String, cover: CoverImage? = nil, generator: String
    ) {
        self.identifier = identifier
        self.metadata = metadata
        self.text = text
        self.rights = rights
        self.source = source
        self.modified = modified
        self.cover = cover
        self.generator = generator
    }
}

/// The rights as the clearance engine and the rights officer left them, in words a reader
/// understands. Never states a licence the work does not carry.
public struct RightsStatement: Hashable, Sendable {
    /// The one-line `dc:rights` (`Public domain in the United States and Spain.`).
    public var summary: String
    /// The rights page's paragraphs (the jurisdictions and rules cited, or the licence and its
    /// holder, or why the work is not cleared).
    public var paragraphs: [String]
    /// The licence's legal code, when the work is released under one.
    public var licenceURL: String?

    /// A statement with its summary, paragraphs and licence link.
    public init(summary: String, paragraphs: [String], licenceURL: String? = nil) {
        self.summary = summary
        self.paragraphs = paragraphs
        self.licenceURL = licenceURL
    }
}

/// Where the text comes from: the institution, the scan, the catalogue's record.
public struct SourceNote: Hashable, Sendable {
    /// The institution that publishes the e-book, when named.
    public var institution: String?
    /// The scan's file name(s).
    public var scan: String
    /// The catalogue's document id.
    public var document: DocumentID
    /// `dc:source`: the printed edition the page numbers refer to.
    public var edition: String

    /// A source note.
    public init(institution: String?, scan: String, document: DocumentID, edition: String) {
        self.institution = institution
        self.scan = scan
        self.document = document
        self.edition = edition
    }
}

/// A cover image: its bytes and kind.
public struct CoverImage: Hashable, Sendable {
    /// The image file's bytes.
    public var bytes: [UInt8]
    /// `jpeg`, `png` or `gif`: the kinds every reading system shows.
    public var kind: Kind

    /// The image kinds an EPUB 3 reading system must show (core media types).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case jpeg, png, gif

        /// The media type.
        public var mediaType: String { "image/\(rawValue)" }
        /// The file extension.
        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
    }

    /// A cover of `kind` with its bytes.
    public init(bytes: [UInt8], kind: Kind) {
        self.bytes = bytes
        self.kind = kind
    }
}

/// One file inside the EPUB container.
public struct EPUBFile: Hashable, Sendable {
    /// The path inside the container (`EPUB/text/chapter-001.xhtml`).
    public var path: String
    /// The bytes.
    public var bytes: [UInt8]
    /// Stored without compression (`mimetype`, images).
    public var stored: Bool

    /// A file of the container.
    public init(path: String, bytes: [UInt8], stored: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.stored = stored
    }
}
