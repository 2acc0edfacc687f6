public import QuireCore

/// The content of one `Page:` page as ProofreadPage stores it: header, body, footer, a quality
/// level and the user who set it.
public struct PageContent: Hashable, Sendable, Codable {
    /// The `noinclude` header: running header, shown only on the Page: page.
    public var header: String
    /// The transcribed text, the only part transcluded into main pages.
    public var body: String
    /// The `noinclude` footer: `<references/>` when the page has notes.
    public var footer: String
    /// The proofreading level, 0–4.
    public var level: PageQuality
    /// The account that set the level; empty for none.
    public var user: String

    /// Fields are right-trimmed as ProofreadPage's edit form does, so a round trip is exact.
    public init(header: String = "", body: String, footer: String = "", level: PageQuality, user: String = "") {
        self.header = Self.rightTrimmed(header)
        self.body = Self.rightTrimmed(body)
        self.footer = Self.rightTrimmed(footer)
        self.level = level
        self.user = user
    }

    /// The parts exactly as given, without trimming: what ProofreadPage's parser yields for text
    /// saved by other means than the edit form (see ``PageContentParser``).
    public init(untrimmedHeader header: String, body: String, footer: String, level: PageQuality, user: String) {
        self.header = header
        self.body = body
        self.footer = footer
        self.level = level
        self.user = user
    }

    /// PHP's `rtrim`, which the edit form applies: spaces, tabs, line breaks, NUL and vertical
    /// tabs only (a trailing no-break space stays).
    static func rightTrimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, [" ", "\t", "\n", "\r", "\0", "\u{0B}"].contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The wikitext serialisation, a plain concatenation without added newlines:
    /// `<noinclude><pagequality level="N" user="U" />HEADER</noinclude>BODY<noinclude>FOOTER</noinclude>`.
    public var wikitext: String {
        "<noinclude><pagequality level=\"\(level.rawValue)\" user=\"\(user)\" />\(header)</noinclude>\(body)<noinclude>\(footer)</noinclude>"
    }

    /// Reads Page: wikitext by ProofreadPage's rules (see ``PageContentParser``); the parts are
    /// not trimmed, exactly as the wiki reads them.
    public init(wikitext: String) {
        self = PageContentParser.parse(wikitext)
    }
}
