import QuireCore

/// A piece of a word as it will be written: OCR text (escaped when written), a note placed at
/// its marker, or markup of ours written as it is.
enum Part: Hashable, Sendable {
    case text(String)
    case note(Int)
    case raw(String)
}

/// A word of the body as it will be written, possibly holding note references or templates.
struct Token: Hashable, Sendable {
    var parts: [Part]
    /// How sure the word's final mark is to be a hyphen of division, when known from elsewhere
    /// than the character itself: `.certain` for a source's hyphenation mark (ALTO `HYP`),
    /// `.doubtful` for a dash the OCR engine read as a word of its own.
    var hyphenMark: HyphenMark?

    init(_ text: String, hyphenMark: HyphenMark? = nil) {
        parts = [.text(text)]
        self.hyphenMark = hyphenMark
    }

    init(parts: [Part]) { self.parts = parts }

    /// The OCR text of the word, without notes and markup.
    var text: String {
        parts.reduce(into: "") { result, part in if case .text(let text) = part { result += text } }
    }

    /// True when the word holds only plain text.
    var isPlain: Bool { parts.allSatisfy { if case .text = $0 { true } else { false } } }
}

/// How a block of the body is written.
enum BlockKind: Hashable, Sendable {
    /// Lines joined into one paragraph.
    case paragraph
    /// Centred lines (a heading, a title page block), joined by `<br />`.
    case centred
    /// Verse: each line kept, inside `<poem>`.
    case verse
    /// Each line kept with `<br />` (tables and lists as printed).
    case lines
}

/// A block of the body: a paragraph, a heading, a stanza.
struct Block: Hashable, Sendable {
    var kind: BlockKind
    /// The lines; a paragraph has one.
    var lines: [[Token]]
    /// `<section begin="…" />` before the block.
    var sectionBegin: String?
    /// `<section end="…" />` after the block.
    var sectionEnd: String?
    /// Whether the block's first printed line is indented (nil when unknown).
    var startsIndented: Bool?
    /// Whether the block's last printed line ends short of the right margin (nil when unknown).
    var endsShort: Bool?
    /// Per printed line, its indent in line heights from the block's leftmost line (verse); empty
    /// when unknown. Wikitext does not write it; the joined text (``BookText``) keeps it.
    var lineIndents: [Int] = []
    /// The work the block belongs to (an index into the works), for the joined text.
    var work = 0
}

/// A note of the page: its text, the marker that announces it, and its `name`/`follow`.
struct Note: Hashable, Sendable {
    var tokens: [Token]
    var marker: NoteMarker?
    /// `name` when the note continues on the next page.
    var name: String?
    /// `follow` when the note continues one of the previous page.
    var follow: String?
}

/// A running header or footer: what is printed at the left, centre and right.
struct RunningTitle: Hashable, Sendable {
    var left: String
    var centre: String
    var right: String

    var isEmpty: Bool { left.isEmpty && centre.isEmpty && right.isEmpty }
}

/// Everything known about one page before it is written.
struct PageDraft: Sendable {
    let number: PageNumber
    var header: RunningTitle?
    var footer: RunningTitle?
    var blocks: [Block] = []
    var notes: [Note] = []
    /// Notes not placed at a marker: written at the start of the body.
    var unanchoredNotes: [Int] = []
    /// Markup of ours before the body (a `{{nop}}` of the previous page's paragraph end).
    var prefix = ""
    /// Notes written at the very start (continuations of the previous page's last note).
    var leadingNotes: [Int] = []
    /// Markup of ours after the body.
    var suffix = ""
    /// The page holds a person's proofread text: page-boundary rules leave it alone.
    var isProofread = false
    /// The page holds a split known text: page-boundary rules leave it alone too.
    var isTranscript = false
    /// A split text's part on this page ends a paragraph.
    var transcriptEndsParagraph = false
    /// For a page as a person saved it: whether its last paragraph ends at its foot, and
    /// whether its text starts a new paragraph (``SavedPageReader``); nil for other pages.
    var savedBreaks: (endsParagraph: Bool, startsParagraph: Bool)?
    /// Plain header text of a proofread page.
    var plainHeader: String?
    /// The flags the input carried plus those found while building.
    var pageFlags: Set<PageFlag> = []
    /// Flags of wikitext generation.
    var wikitextFlags: Set<WikitextFlag> = []
    /// The printed page number accepted for the `<pagelist>`.
    var printedNumber: PrintedPageNumber?
    /// ``PageBoundary`` found that the last paragraph ends exactly at the foot of the page (the
    /// profile's mark, if it has one, is written; the joined text starts a new paragraph).
    var endsParagraphAtFoot = false

    init(number: PageNumber) { self.number = number }

    /// True when the page has no body text.
    var hasNoText: Bool { blocks.allSatisfy { $0.lines.allSatisfy(\.isEmpty) } && notes.isEmpty }
}

/// A footnote marker: a number (printed `¹`, `(1)`, `1`) or a symbol (`*`, `†`).
enum NoteMarker: Hashable, Sendable {
    case number(Int)
    case symbol(String)
}
