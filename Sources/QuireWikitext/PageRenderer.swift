/// Writes a page draft as the header, body and footer wikitext of a profile: OCR text escaped,
/// our markup as it is.
struct PageRenderer {
    let profile: WikiProfile
    /// What becomes of a long s in the text (``LongSStyle/template`` only with a profile that
    /// has a long-s template).
    let longS: LongSStyle

    /// Set when escaping changed some OCR text (the page is flagged `neutralised_markup`).
    private(set) var neutralised = false

    init(profile: WikiProfile, longS: LongSStyle = .keep) {
        self.profile = profile
        self.longS = longS
    }

    /// The header field: the running header in the profile's form.
    mutating func header(_ draft: PageDraft) -> String {
        if let plain = draft.plainHeader { return escape(plain, .text, lineStart: true) }
        return draft.header.map { runningTitle($0) } ?? ""
    }

    /// The footer field: a running footer, then the references tag when the page has notes.
    mutating func footer(_ draft: PageDraft) -> String {
        var lines: [String] = []
        if let footer = draft.footer {
            let text = runningTitle(footer)
            if !text.isEmpty { lines.append(text) }
        }
        if !draft.notes.isEmpty { lines.append(profile.referencesTag) }
        return lines.joined(separator: "\n")
    }

    /// The body: the prefix, notes that have no marker on this page, the blocks separated by
    /// blank lines, and the suffix.
    mutating func body(_ draft: PageDraft) -> String {
        var start = draft.prefix
        for index in draft.leadingNotes + draft.unanchoredNotes {
            start += note(index, in: draft, context: .text)
        }
        var blocks: [String] = []
        for block in draft.blocks {
            var text = self.block(block, in: draft)
            if let begin = block.sectionBegin { text = "<section begin=\"\(begin)\" />" + text }
            if let end = block.sectionEnd { text += "<section end=\"\(end)\" />" }
            blocks.append(text)
        }
        return start + blocks.joined(separator: "\n\n") + draft.suffix
    }

    /// `{{rh|left|centre|right}}`, the slots joined by spaces, or nothing, per profile.
    mutating func runningTitle(_ title: RunningTitle) -> String {
        guard !title.isEmpty else { return "" }
        switch profile.runningHeader {
        case .template(let name):
            let slots = [title.left, title.centre, title.right].map { escape($0, .templateArgument, lineStart: true) }
            return "{{\(name)|" + slots.joined(separator: "|") + "}}"
        case .plainText:
            let text = [title.left, title.centre, title.right].filter { !$0.isEmpty }.joined(separator: " ")
            return escape(text, .text, lineStart: true)
        case .omitted:
            return ""
        }
    }

    private mutating func block(_ block: Block, in draft: PageDraft) -> String {
        switch block.kind {
        case .paragraph:
            return block.lines.map { line($0, in: draft, context: .text) }.joined(separator: " ")
        case .centred:
            switch profile.centring {
            case .template(let name):
                let lines = block.lines.map { line($0, in: draft, context: .templateArgument) }
                return "{{\(name)|" + lines.joined(separator: "<br />") + "}}"
            case .htmlDiv:
                let lines = block.lines.map { line($0, in: draft, context: .text) }
                return "<div style=\"text-align:center;\">" + lines.joined(separator: "<br />") + "</div>"
            }
        case .verse:
            let lines = block.lines.map { line($0, in: draft, context: .text) }
            return "<poem>\n" + lines.joined(separator: "\n") + "\n</poem>"
        case .lines:
            return block.lines.map { line($0, in: draft, context: .text) }.joined(separator: "<br />\n")
        }
    }

    /// One printed line (or a paragraph's joined lines): its words separated by spaces.
    private mutating func line(_ tokens: [Token], in draft: PageDraft, context: EscapeContext) -> String {
        var words: [String] = []
        for (index, token) in tokens.enumerated() {
            var word = ""
            for (partIndex, part) in token.parts.enumerated() {
                switch part {
                case .text(let text): word += escape(text, context, lineStart: index == 0 && partIndex == 0)
                case .note(let index): word += note(index, in: draft, context: context)
                case .raw(let markup): word += markup
                }
            }
            words.append(word)
        }
        return words.joined(separator: " ")
    }

    /// `<ref>…</ref>`, `<ref name="…">…</ref>` or `<ref follow="…">…</ref>`.
    private mutating func note(_ index: Int, in draft: PageDraft, context: EscapeContext) -> String {
        guard draft.notes.indices.contains(index) else { return "" }
        let note = draft.notes[index]
        var open = "<ref>"
        if let follow = note.follow {
            open = "<ref follow=\"\(follow)\">"
        } else if let name = note.name {
            open = "<ref name=\"\(name)\">"
        }
        var inner = draft
        inner.notes[index].tokens = []  // a note never holds itself
        return open + line(note.tokens, in: inner, context: context) + "</ref>"
    }

    private mutating func escape(_ text: String, _ context: EscapeContext, lineStart: Bool) -> String {
        let escaped = WikitextEscaper.escape(text, context: context, atLineStart: lineStart)
        if escaped != text { neutralised = true }
        switch longS {
        case .keep: return escaped
        case .modernise: return LongSStyle.modernised(escaped)
        case .template: return profile.longSTemplate.map { LongSStyle.templated(escaped, template: $0) } ?? escaped
        }
    }
}
