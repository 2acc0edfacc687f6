public import QuireCore

extension WikitextGenerator {
    /// The document's text joined across pages (``BookText``), by the rules its Page: pages are
    /// written with: the same furniture, notes, paragraphs and line-end hyphens, and at each page
    /// break the same decisions — a word divided across the break is written whole where the
    /// first page ends (as the profiles that complete it on the first page do), a paragraph runs
    /// on unless ``PageBoundary`` found it ends at the foot of the page (whether or not the wiki
    /// has a mark for that), a note continued on the next page is one note.
    ///
    /// Throws like ``generate(document:pages:options:)`` for works out of order; needs no scan
    /// name and no user.
    ///
    /// `saved` holds the pages a person saved (`quire serve`), as saved: their bodies are read
    /// back by ``SavedPageReader`` in place of what the tool made of them, and the page breaks
    /// next to them follow what the person wrote (``SavedPages``).
    public func bookText(
        document: DocumentMetadata, pages: [PageNumber: PageSource], saved: [PageNumber: PageContent] = [:], options: GenerationOptions = GenerationOptions()
    ) throws(WikitextError) -> BookText {
        let sources = pages.sorted { $0.key < $1.key }
        var prepared = try prepare(document: document, sources: sources, options: options)
        let readings = SavedPages.replace(&prepared.drafts, with: saved, profile: profile)
        BookTextBuilder.assignWorks(prepared.works, to: &prepared.drafts)
        PageBoundary.apply(&prepared.drafts, profile: profile, resolver: prepared.resolver, wordSplit: .completeOnFirstPage)
        SavedPages.settleBreaks(&prepared.drafts, readings: readings)
        // A reader's edition: a long s is kept only when asked to; the template shows a round s.
        let modernise = (options.longS ?? profile.readerLongS) != .keep
        return BookTextBuilder.build(prepared.drafts, works: prepared.works.map(\.title), modernisingLongS: modernise)
    }
}

/// Reads prepared page drafts as one running text.
enum BookTextBuilder {
    /// Tags each block with the work it belongs to: the last work that starts at or before it
    /// (blocks before the first work belong to it).
    static func assignWorks(_ works: [WorkSpan], to drafts: inout [PageDraft]) {
        guard works.count > 1 else { return }
        for d in drafts.indices {
            for b in drafts[d].blocks.indices {
                let page = drafts[d].number
                let index = works.lastIndex { $0.from < page || ($0.from == page && $0.firstBlock <= b) } ?? 0
                drafts[d].blocks[b].work = index
            }
        }
    }

    /// The joined text of `drafts` (in physical order, page boundaries applied).
    static func build(_ drafts: [PageDraft], works titles: [String], modernisingLongS modernise: Bool) -> BookText {
        var works = titles.map { BookWork(title: $0, blocks: []) }
        var notes: [BookNote] = []
        var pages: [BookPage] = []
        var pending: [BookInline] = []  // page starts not yet placed
        var runsOn = false  // the previous page's last paragraph continues on this page
        var previous: PageDraft?
        for draft in drafts {
            pages.append(BookPage(number: draft.number, printed: draft.printedNumber?.description))
            pending.append(.pageStart(pages.count - 1))
            // Notes: a continuation joins the previous page's last note.
            var noteIndex: [Int: Int] = [:]
            for (local, note) in draft.notes.enumerated() {
                let content = inlines(note.tokens, noteIndex: [:], modernisingLongS: modernise)
                if note.follow != nil, let last = notes.indices.last {
                    if !content.isEmpty { notes[last].content += [.text(" ")] + content }
                    noteIndex[local] = last
                } else {
                    notes.append(BookNote(content: content))
                    noteIndex[local] = notes.count - 1
                }
            }
            let adjacent = previous.map { $0.number.next == draft.number } ?? false
            if draft.savedBreaks?.startsParagraph == true { runsOn = false }
            var unanchored = draft.unanchoredNotes.compactMap { noteIndex[$0] }.map(BookInline.noteReference)
            for (b, block) in draft.blocks.enumerated() {
                var lines = block.lines.map { inlines($0, noteIndex: noteIndex, modernisingLongS: modernise) }
                guard !lines.isEmpty else { continue }
                lines[0] = pending + unanchored + lines[0]
                pending = []
                unanchored = []
                let work = min(block.work, works.count - 1)
                if b == 0, runsOn, adjacent, block.kind == .paragraph, works[work].blocks.last?.kind == .paragraph,
                   let last = works[work].blocks.indices.last {
                    works[work].blocks[last].lines[0] += [.text(" ")] + lines[0]
                    continue
                }
                let indents = block.lineIndents.count == lines.count && block.lineIndents.contains(where: { $0 > 0 }) ? block.lineIndents : []
                works[work].blocks.append(BookBlock(kind: kind(block.kind), lines: lines, indents: indents))
            }
            if !unanchored.isEmpty {
                // A page with notes but no body: the markers stand alone.
                let work = draft.blocks.last.map { min($0.work, works.count - 1) } ?? works.count - 1
                works[work].blocks.append(BookBlock(kind: .paragraph, lines: [pending + unanchored]))
                pending = []
            }
            if let last = draft.blocks.last {
                runsOn = last.kind == .paragraph && !endsParagraph(draft, last: last)
            } else {
                runsOn = false
            }
            previous = draft
        }
        if !pending.isEmpty, let work = works.indices.last {
            // Pages without text at the end: their starts are at the end of the text.
            if works[work].blocks.isEmpty { works[work].blocks.append(BookBlock(kind: .paragraph, lines: [pending])) } else {
                let last = works[work].blocks.count - 1
                let line = works[work].blocks[last].lines.count - 1
                works[work].blocks[last].lines[line] += pending
            }
        }
        return BookText(works: works, notes: notes, pages: pages)
    }

    /// Whether the page's last paragraph ends there: found by ``PageBoundary`` for OCR, given
    /// for a split text, and for a person's proofread text when its last word ends a sentence.
    private static func endsParagraph(_ draft: PageDraft, last: Block) -> Bool {
        if let saved = draft.savedBreaks { return saved.endsParagraph }
        if draft.isTranscript { return draft.transcriptEndsParagraph }
        if draft.isProofread { return ParagraphRule.endsSentence(last.lines.last?.last?.text ?? "") }
        return draft.endsParagraphAtFoot
    }

    private static func kind(_ kind: BlockKind) -> BookBlockKind {
        switch kind {
        case .paragraph: .paragraph
        case .centred: .centred
        case .verse: .verse
        case .lines: .lines
        }
    }

    /// A printed line's words as inlines: words separated by a space, notes at their markers,
    /// our markup read back (`&#45;` is a hyphen, `''` and `'''` switch italic and bold).
    static func inlines(_ tokens: [Token], noteIndex: [Int: Int], modernisingLongS modernise: Bool) -> [BookInline] {
        var result: [BookInline] = []
        var text = ""
        var style = BookEmphasis()
        func flush() {
            if !text.isEmpty { result.append(style.isEmpty ? .text(text) : .emphasised(text, style)) }
            text = ""
        }
        for (index, token) in tokens.enumerated() {
            if index > 0 { text += " " }
            for part in token.parts {
                switch part {
                case .text(let piece): text += modernise ? LongSStyle.modernised(piece) : piece
                case .raw(let markup):
                    switch markup {
                    case "&#45;": text += "-"
                    case "''": flush(); style.formSymmetricDifference(.italic)
                    case "'''": flush(); style.formSymmetricDifference(.bold)
                    default: break
                    }
                case .note(let local):
                    guard let global = noteIndex[local] else { continue }
                    flush()
                    result.append(.noteReference(global))
                }
            }
        }
        flush()
        return result
    }
}
