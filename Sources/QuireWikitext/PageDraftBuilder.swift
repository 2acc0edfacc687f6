import QuireCore

/// Builds a page's draft: from OCR text with its furniture found, or from a person's proofread
/// text.
enum PageDraftBuilder {
    /// The draft of an OCR page: running header and footer, body blocks, notes at their markers.
    /// `hasIllustration` says whether the page (before cleaning) held an illustration region.
    static func ocr(_ number: PageNumber, page: PageText, furniture: PageFurniture, frame: TextFrame?, resolver: HyphenationResolver, hasIllustration: Bool) -> PageDraft {
        var draft = PageDraft(number: number)
        draft.header = furniture.header
        draft.footer = furniture.footer
        draft.printedNumber = furniture.printedNumber
        draft.pageFlags = page.flags
        let (content, noteRegions) = FootnoteExtractor.separate(furniture.regions, pageHeight: page.height)
        var blocks = ParagraphBuilder.blocks(content, frame: frame, pageWidth: page.width, resolver: resolver)
        let notes = FootnoteExtractor.notes(noteRegions, resolver: resolver)
        draft.unanchoredNotes = FootnoteExtractor.anchor(notes, in: &blocks)
        draft.blocks = blocks
        draft.notes = notes
        if page.flags.contains(.blankPage) || page.flags.contains(.illustrationOnly) {
            draft.clearBody()
        } else if draft.hasNoText && hasIllustration {
            draft.pageFlags.insert(.illustrationOnly)
        }
        return draft
    }

    /// The draft of proofread text: paragraphs at blank lines, each joined into one line.
    static func proofread(_ number: PageNumber, text: ProofreadText) -> PageDraft {
        var draft = PageDraft(number: number)
        draft.isProofread = true
        let (clean, changed) = WikitextEscaper.sanitise(text.text)
        if changed { draft.pageFlags.insert(.sanitisedText) }
        var paragraphs: [[String]] = [[]]
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1] += words
            }
        }
        draft.blocks = paragraphs.filter { !$0.isEmpty }.map { Block(kind: .paragraph, lines: [$0.map { Token($0) }]) }
        if let header = text.header {
            let (cleanHeader, headerChanged) = WikitextEscaper.sanitise(header)
            if headerChanged { draft.pageFlags.insert(.sanitisedText) }
            draft.plainHeader = cleanHeader.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        draft.printedNumber = text.printedPageNumber.flatMap(PrintedPageNumber.init)
        return draft
    }

    /// The page's text sanitised word by word (`quality-bar.md` O-8); words left empty are
    /// dropped. `changed` says whether anything was removed.
    static func sanitised(_ page: PageText) -> (page: PageText, changed: Bool) {
        var changed = false
        var page = page
        for r in page.regions.indices {
            for l in page.regions[r].lines.indices {
                page.regions[r].lines[l].words = page.regions[r].lines[l].words.compactMap { word in
                    let (text, removed) = WikitextEscaper.sanitise(word.text)
                    changed = changed || removed
                    let trimmed = text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 }) ? text : text.split(whereSeparator: \.isWhitespace).joined()
                    guard !trimmed.isEmpty else { return nil }
                    var word = word
                    word.text = trimmed
                    return word
                }
            }
        }
        return (page, changed)
    }
}

extension PageDraft {
    /// Empties the body and notes (a blank or illustration-only page).
    mutating func clearBody() {
        blocks = []
        notes = []
        unanchoredNotes = []
        leadingNotes = []
        prefix = ""
        suffix = ""
    }
}

extension QualityPolicy {
    /// The level of a draft and the flags that explain it: 3 for proofread text, else the one
    /// rule of ``QualityPolicy/level(hasText:flags:meanConfidence:)``. Never 4.
    func level(for draft: PageDraft, meanConfidence: Confidence?) -> (level: PageQuality, flags: Set<PageFlag>) {
        if draft.isProofread && !draft.hasNoText { return (.proofread, draft.pageFlags) }
        return level(hasText: !draft.hasNoText, flags: draft.pageFlags, meanConfidence: meanConfidence)
    }
}
