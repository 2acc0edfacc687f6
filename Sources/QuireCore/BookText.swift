/// A document's text joined across its pages, as a reader gets it: running heads, folios and
/// catch-words gone, words divided across pages whole, paragraphs that run on over a page break
/// in one piece, notes apart with their markers, and where each printed page begins. Release
/// writers (the e-book) read it; the wikitext generator makes it by the rules it writes Page:
/// pages with, so the two cannot disagree.
public struct BookText: Hashable, Sendable {
    /// The works, in reading order; a document of one work has one.
    public var works: [BookWork]
    /// The notes, indexed by ``BookInline/noteReference(_:)``.
    public var notes: [BookNote]
    /// Every page with text, in physical order, with its printed number when one was found.
    public var pages: [BookPage]

    /// A joined text.
    public init(works: [BookWork], notes: [BookNote], pages: [BookPage]) {
        self.works = works
        self.notes = notes
        self.pages = pages
    }

    /// The running text of every work and then every note, blocks separated by a blank line,
    /// the lines of verse and line blocks by a line break: what a reader of the book reads, for
    /// checks that a writer lost or added nothing.
    public var plainText: String {
        let blocks = works.flatMap(\.blocks).map { $0.lines.map(BookInline.plain).joined(separator: "\n") }
        let notes = notes.map { BookInline.plain($0.content) }
        return (blocks + notes).joined(separator: "\n\n")
    }
}

/// One page of the scan that holds text.
public struct BookPage: Hashable, Sendable {
    /// The physical page.
    public var number: PageNumber
    /// The number printed on it (`12`, `xii`), when one was found.
    public var printed: String?

    /// A page with its printed number.
    public init(number: PageNumber, printed: String?) {
        self.number = number
        self.printed = printed
    }
}

/// One work of the document: a chapter of the book.
public struct BookWork: Hashable, Sendable {
    /// Its title (the document's title for a document of one work).
    public var title: String
    /// Its blocks, in order.
    public var blocks: [BookBlock]

    /// A work with its blocks.
    public init(title: String, blocks: [BookBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// What a block of the joined text is.
public enum BookBlockKind: String, Hashable, Sendable, CaseIterable {
    /// Running text: one line.
    case paragraph
    /// A centred block: a heading, a title, a date line; each printed line kept.
    case centred
    /// Verse: each line kept, with its indent.
    case verse
    /// Lines kept as printed: a table, a list.
    case lines
}

/// A block of the joined text.
public struct BookBlock: Hashable, Sendable {
    /// How it is written.
    public var kind: BookBlockKind
    /// Its lines; a paragraph has one.
    public var lines: [[BookInline]]
    /// Per line, its indent in steps (verse), empty when none is known.
    public var indents: [Int]

    /// A block of lines.
    public init(kind: BookBlockKind, lines: [[BookInline]], indents: [Int] = []) {
        self.kind = kind
        self.lines = lines
        self.indents = indents
    }
}

/// Emphasis a transcript marked (Markdown `*italic*`, `**bold**`).
public struct BookEmphasis: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    /// Emphasis from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Italic.
    public static let italic = BookEmphasis(rawValue: 1)
    /// Bold.
    public static let bold = BookEmphasis(rawValue: 2)
}

/// A piece of a line of the joined text.
public enum BookInline: Hashable, Sendable {
    /// Text as read (never markup).
    case text(String)
    /// Text with emphasis (never empty emphasis).
    case emphasised(String, BookEmphasis)
    /// The marker of note N (an index into ``BookText/notes``).
    case noteReference(Int)
    /// The place where a physical page begins (an index into ``BookText/pages``).
    case pageStart(Int)

    /// The text of `inlines`, without markers and page starts.
    public static func plain(_ inlines: [BookInline]) -> String {
        inlines.reduce(into: "") { result, inline in
            switch inline {
            case .text(let text), .emphasised(let text, _): result += text
            case .noteReference, .pageStart: break
            }
        }
    }
}

/// A note: its text, joined when it runs on over a page break.
public struct BookNote: Hashable, Sendable {
    /// The note's text, possibly with page starts (a note continued on the next page).
    public var content: [BookInline]

    /// A note with its content.
    public init(content: [BookInline]) { self.content = content }
}
