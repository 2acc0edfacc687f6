import QuireCore

/// One chapter of the book: a work, or the part of a work from one heading to the next.
struct Chapter: Hashable, Sendable {
    /// The file name inside `EPUB/text/` (`chapter-001.xhtml`).
    var file: String
    /// The title shown in the table of contents.
    var title: String
    /// The blocks.
    var blocks: [BookBlock]
    /// Whether the first block is the chapter's heading (written as `<h2>`).
    var opensWithHeading: Bool
}

/// Where a printed page begins: the file and the anchor.
struct PageLocation: Hashable, Sendable {
    var label: String
    var href: String
}

/// Cuts the joined text into chapters and writes them, with their notes and page-break marks.
struct ChapterWriter {
    let text: BookText
    let language: String

    /// The chapters: one per work, each cut again at every heading (a centred block after
    /// running text) so that a long work is not one file and the table of contents lists them.
    func chapters() -> [Chapter] {
        var chapters: [Chapter] = []
        for work in text.works {
            var current: [BookBlock] = []
            var title = work.title
            var heading = false
            var firstOfWork = true
            func close() {
                guard !current.isEmpty else { return }
                chapters.append(Chapter(file: Self.fileName(chapters.count + 1), title: title, blocks: current, opensWithHeading: heading))
                current = []
                firstOfWork = false
            }
            for (index, block) in work.blocks.enumerated() {
                let startsHeading = block.kind == .centred && (index == 0 || work.blocks[index - 1].kind != .centred)
                if startsHeading && index > 0 && !current.isEmpty {
                    close()
                }
                if current.isEmpty {
                    heading = block.kind == .centred
                    let own = Self.headingTitle(block)
                    title = firstOfWork && text.works.count > 1 ? work.title : (heading && !own.isEmpty ? own : work.title)
                }
                current.append(block)
            }
            close()
        }
        return chapters
    }

    /// `chapter-001.xhtml`: numbered so that files sort in reading order.
    static func fileName(_ number: Int) -> String {
        let digits = String(number)
        return "chapter-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".xhtml"
    }

    /// A centred block's text as a title: its lines joined, shortened to 120 characters.
    static func headingTitle(_ block: BookBlock) -> String {
        let joined = block.lines.map { BookInline.plain($0).trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
        return joined.count > 120 ? String(joined.prefix(119)) + "…" : joined
    }

    /// Every chapter's XHTML, and where each printed page begins.
    func render(_ chapters: [Chapter]) -> (files: [String: String], pages: [Int: PageLocation]) {
        // Each note is written in the chapter of its first reference; notes never referenced, in the last.
        var home: [Int: Int] = [:]
        for (c, chapter) in chapters.enumerated() {
            for block in chapter.blocks {
                for line in block.lines {
                    for case .noteReference(let n) in line where home[n] == nil { home[n] = c }
                }
            }
        }
        for n in text.notes.indices where home[n] == nil { home[n] = max(0, chapters.count - 1) }
        var files: [String: String] = [:]
        var pages: [Int: PageLocation] = [:]
        var referenced = Set<Int>()
        for (c, chapter) in chapters.enumerated() {
            var state = InlineState(file: chapter.file, notesFile: { n in chapters[home[n] ?? 0].file })
            var body = "<section epub:type=\"chapter\">\n"
            for (b, block) in chapter.blocks.enumerated() {
                body += self.block(block, heading: b == 0 && chapter.opensWithHeading, state: &state) + "\n"
            }
            let notes = text.notes.indices.filter { home[$0] == c }
            if !notes.isEmpty {
                body += "<section class=\"notes\" epub:type=\"footnotes\">\n"
                for n in notes {
                    let content = inline(text.notes[n].content, state: &state)
                    let back = state.references[n].map { "<a href=\"\($0)\" role=\"doc-backlink\">\(n + 1).</a> " } ?? "\(n + 1). "
                    body += "<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"note-\(n + 1)\"\(direction(text.notes[n].content))><p>\(back)\(content)</p></aside>\n"
                }
                body += "</section>\n"
            }
            body += "</section>"
            referenced.formUnion(state.references.keys)
            pages.merge(state.pages) { first, _ in first }
            files[chapter.file] = XHTML.document(title: chapter.title, language: language, body: body)
        }
        return (files, pages)
    }

    /// What inline writing keeps track of in one file.
    struct InlineState {
        let file: String
        let notesFile: (Int) -> String
        /// Per note, the link back to its first reference.
        var references: [Int: String] = [:]
        var pages: [Int: PageLocation] = [:]
    }

    private func block(_ block: BookBlock, heading: Bool, state: inout InlineState) -> String {
        let lines = block.lines.map { inline($0, state: &state) }
        let dir = direction(block.lines.first ?? [])
        switch block.kind {
        case .paragraph:
            return "<p\(dir)>\(lines.joined(separator: " "))</p>"
        case .centred:
            let tag = heading ? "h2" : "p"
            return "<\(tag) class=\"centred\"\(dir)>\(lines.joined(separator: "<br/>"))</\(tag)>"
        case .verse:
            let written = lines.enumerated().map { index, line in
                let indent = index < block.indents.count ? min(6, block.indents[index]) : 0
                return "<p\(indent > 0 ? " class=\"i\(indent)\"" : "")>\(line)</p>"
            }
            return "<div class=\"verse\"\(dir)>\n\(written.joined(separator: "\n"))\n</div>"
        case .lines:
            return "<p class=\"lines\"\(dir)>\(lines.joined(separator: "<br/>\n"))</p>"
        }
    }

    /// ` dir="rtl"` when the text starts right to left.
    private func direction(_ inlines: [BookInline]) -> String {
        XHTML.startsRightToLeft(BookInline.plain(inlines)) ? " dir=\"rtl\"" : ""
    }

    /// Inlines as XHTML: text escaped, note references as `noteref` links, page starts as
    /// `pagebreak` marks where a number was printed.
    func inline(_ inlines: [BookInline], state: inout InlineState) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let value):
                out += XHTML.text(value)
            case .emphasised(let value, let style):
                var written = XHTML.text(value)
                if style.contains(.italic) { written = "<i>" + written + "</i>" }
                if style.contains(.bold) { written = "<b>" + written + "</b>" }
                out += written
            case .noteReference(let n):
                var id = ""
                if state.references[n] == nil {
                    state.references[n] = "\(state.file)#ref-\(n + 1)"
                    id = " id=\"ref-\(n + 1)\""
                }
                out += "<a epub:type=\"noteref\" role=\"doc-noteref\"\(id) href=\"\(state.notesFile(n))#note-\(n + 1)\">\(n + 1)</a>"
            case .pageStart(let p):
                guard text.pages.indices.contains(p), state.pages[p] == nil, let printed = text.pages[p].printed else { continue }
                let id = "page-\(text.pages[p].number.rawValue)"
                state.pages[p] = PageLocation(label: printed, href: "\(state.file)#\(id)")
                out += "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"\(id)\" title=\"\(XHTML.attribute(printed))\"></span>"
            }
        }
        return out
    }
}
