public import QuireCore
public import QuireWikitext

/// One page to put on a wiki, as export and publish see it.
public struct PublicationItem: Hashable, Sendable {
    /// What kind of page it is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case page, index, main

        /// The content model the page has on a wiki with ProofreadPage.
        public var contentModel: String {
            switch self {
            case .page: "proofread-page"
            case .index: "proofread-index"
            case .main: "wikitext"
            }
        }
    }

    /// Page:, Index or main namespace.
    public var kind: Kind
    /// The full title, with the namespace name of the wiki's profile (`Página:X.pdf/3`).
    public var title: String
    /// The physical page, for Page: pages.
    public var pageNumber: PageNumber?
    /// The wikitext.
    public var text: String
    /// The quality level, for Page: pages.
    public var level: PageQuality?
    /// Reason codes (flags) of generation, sorted.
    public var flags: [String]
    /// False when the page must not be sent (larger than the wiki accepts).
    public var isPublishable: Bool

    /// The title without its namespace prefix, for Page: and Index pages.
    func titleRest(profile: WikiProfile) -> String {
        let prefix = (kind == .page ? profile.pageNamespace.name : profile.indexNamespace.name) + ":"
        return kind != .main && title.hasPrefix(prefix) ? String(title.dropFirst(prefix.count)) : title
    }
}

extension GeneratedDocument {
    /// Page: pages in physical order, then the Index, then the main pages: the order in which a
    /// wiki should receive them (transclusions find their pages).
    public var publicationItems: [PublicationItem] {
        pages.map {
            PublicationItem(kind: .page, title: $0.title, pageNumber: $0.number, text: $0.content.wikitext, level: $0.content.level, flags: $0.reasons, isPublishable: $0.isPublishable)
        }
            + [PublicationItem(kind: .index, title: index.title, pageNumber: nil, text: index.wikitext, level: nil, flags: [], isPublishable: true)]
            + mainPages.map { PublicationItem(kind: .main, title: $0.title, pageNumber: nil, text: $0.wikitext, level: nil, flags: [], isPublishable: true) }
    }

    /// The Index alone, for a scan whose Page: pages people create on the wiki: ProofreadPage
    /// fills each new one from the file's text layer and the Index's header and footer fields.
    public var indexOnlyPublicationItems: [PublicationItem] {
        publicationItems.filter { $0.kind == .index }
    }
}

/// Reads the quality level of a Page: text saved on a wiki: its `<pagequality level="N"` tag,
/// or nil when there is none (the wiki then treats it as level 1).
public enum PageQualityTag {
    /// The level the tag names.
    public static func level(in text: String) -> PageQuality? {
        guard let range = text.range(of: "<pagequality level=\"") else { return nil }
        let digits = text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits).flatMap(PageQuality.init(rawValue:))
    }
}
