import QuireCore

/// What happens where one page ends and the next begins, per profile: a word split across the
/// break, a paragraph that ends exactly at the foot of the page, a note that runs on.
///
/// Only physically adjacent OCR pages are joined; a person's proofread text is left as it is.
///
/// - Word split: the last word of a page ends with a division hyphen and the next page starts
///   with a letter. ``HyphenationResolver`` decides join or keep, then the profile writes it:
///   `{{hws|bi|bibliotecaria}}` … `{{hwe|bliotecaria|bibliotecaria}}` (en), `{{Pt|bi-|bibliotecaria}}`
///   … `{{Pt|bliotecaria|}}` (it), a bare trailing `bi-` (es, fr), or the whole word on the first
///   page (de). Where a bare hyphen cannot work — a compound whose hyphen must stay, or a page
///   whose body would not end with the hyphen — the word is completed on the first page.
/// - Paragraph end: the last block is a paragraph whose last line ends a sentence, the next page
///   does not start lower case, and either the last line ends short, or the next page's first line
///   is indented or a heading. The profile's mark is written (`\n{{nop}}` at the end on en,
///   `{{nop}}\n` at the start on it).
/// - Note continued: the next page's notes start with one without a marker while this page has
///   notes: this page's last note gets `name="pNnK"` and the continuation `follow="pNnK"`, at the
///   start of the next page's body.
enum PageBoundary {
    /// Applies the rules to the drafts, which must be in physical order. `wordSplit` overrides
    /// the profile's way of writing a word divided across pages (the joined text completes it
    /// on the first page).
    static func apply(_ drafts: inout [PageDraft], profile: WikiProfile, resolver: HyphenationResolver, wordSplit: WordSplitStyle? = nil) {
        guard drafts.count >= 2 else { return }
        for index in 0..<(drafts.count - 1) {
            guard drafts[index + 1].number == drafts[index].number.next, !drafts[index].isProofread, !drafts[index + 1].isProofread,
                  !drafts[index].isTranscript, !drafts[index + 1].isTranscript else { continue }
            var page = drafts[index]
            var next = drafts[index + 1]
            continueNote(&page, &next, resolver: resolver)
            if !splitWord(&page, &next, style: wordSplit ?? profile.wordSplit, resolver: resolver) {
                markParagraphEnd(&page, &next, profile: profile)
            }
            drafts[index] = page
            drafts[index + 1] = next
        }
        for index in drafts.indices { protectFinalDash(&drafts[index]) }
    }

    /// A body ending in a bare `-` loses it when pages are transcluded, on every wiki. A final
    /// dash that is not the first half of a word (`palabra -`, `1914 -`) is written `&#45;`.
    private static func protectFinalDash(_ page: inout PageDraft) {
        guard page.suffix.isEmpty, let block = page.blocks.indices.last, page.blocks[block].sectionEnd == nil,
              let line = page.blocks[block].lines.indices.last, let token = page.blocks[block].lines[line].last,
              case .text(let text)? = token.parts.last, text.hasSuffix("-"), !WordParts.endsWithHyphen(token.text) else { return }
        var parts = token.parts
        parts[parts.count - 1] = .text(String(text.dropLast()))
        parts.append(.raw("&#45;"))
        page.blocks[block].lines[line][page.blocks[block].lines[line].count - 1] = Token(parts: parts)
    }

    /// Links a note continued on the next page by `name`/`follow`.
    private static func continueNote(_ page: inout PageDraft, _ next: inout PageDraft, resolver: HyphenationResolver) {
        guard let first = next.notes.first, first.marker == nil, !page.notes.isEmpty else { return }
        let last = page.notes.count - 1
        let name = "p\(page.number.rawValue)n\(page.notes.count)"
        page.notes[last].name = name
        next.notes[0].follow = name
        next.unanchoredNotes.removeAll { $0 == 0 }
        next.leadingNotes.insert(0, at: 0)
        // A word split between the two parts of the note is completed in the first part.
        if let tail = page.notes[last].tokens.last, let head = next.notes[0].tokens.first,
           let merged = ParagraphBuilder.merge(tail, head, resolver: resolver) {
            page.notes[last].tokens[page.notes[last].tokens.count - 1] = merged
            next.notes[0].tokens.removeFirst()
        }
    }

    /// Writes a word split across the break; false when there is none.
    private static func splitWord(_ page: inout PageDraft, _ next: inout PageDraft, style wordSplit: WordSplitStyle, resolver: HyphenationResolver) -> Bool {
        guard next.prefix.isEmpty, next.unanchoredNotes.isEmpty,
              let lastBlock = page.blocks.indices.last, let lastLine = page.blocks[lastBlock].lines.indices.last,
              let leftToken = page.blocks[lastBlock].lines[lastLine].last, leftToken.isPlain,
              let split = ParagraphBuilder.splitAtHyphen(leftToken),
              let firstBlock = next.blocks.indices.first, let rightToken = next.blocks[firstBlock].lines.first?.first, rightToken.isPlain,
              page.blocks[lastBlock].kind == .paragraph, next.blocks[firstBlock].kind == .paragraph
        else { return false }
        let right = WordParts(rightToken.text)
        guard right.prefix.isEmpty, let firstChar = right.core.first, firstChar.isLetter || firstChar.isNumber else { return false }
        let left = WordParts(split.stem)
        guard left.suffix.isEmpty, !left.core.isEmpty else { return false }
        // A number never ends a word begun in letters (`encare-` … `4`): it is a folio the
        // furniture rules missed, not the word's second half.
        guard firstChar.isLetter || left.core.last?.isNumber == true else { return false }
        guard let decision = resolver.decide(left: left.core, right: right.core, mark: split.mark) else { return false }
        let hyphen = decision == .keep ? split.hyphen : ""
        let whole = left.core + hyphen + right.core
        let arg = { (text: String) in WikitextEscaper.escape(text, context: .templateArgument, atLineStart: false) }
        let bodyEndsWithToken = page.suffix.isEmpty && page.blocks[lastBlock].sectionEnd == nil
        var style = wordSplit
        if style == .bareHyphen && (decision == .keep || !bodyEndsWithToken) {
            style = .completeOnFirstPage
        }
        func setLeft(_ parts: [Part]) { page.blocks[lastBlock].lines[lastLine][page.blocks[lastBlock].lines[lastLine].count - 1] = Token(parts: parts) }
        func setRight(_ parts: [Part]) { next.blocks[firstBlock].lines[0][0] = Token(parts: parts) }
        let prefix: [Part] = left.prefix.isEmpty ? [] : [.text(left.prefix)]
        let suffix: [Part] = right.suffix.isEmpty ? [] : [.text(right.suffix)]
        switch style {
        case .startEndTemplates(let start, let end):
            setLeft(prefix + [.raw("{{\(start)|\(arg(left.core))|\(arg(whole))}}")])
            setRight([.raw("{{\(end)|\(arg(right.core))|\(arg(whole))}}")] + suffix)
        case .partTemplate(let name):
            setLeft(prefix + [.raw("{{\(name)|\(arg(left.core + split.hyphen))|\(arg(whole))}}")])
            setRight([.raw("{{\(name)|\(arg(right.core))|}}")] + suffix)
        case .bareHyphen:
            if leftToken.text.last != "-" { setLeft([.text(split.stem + "-")]) }  // `¬`, `⸗`, `=` or a soft hyphen becomes the bare hyphen
        case .completeOnFirstPage:
            setLeft([.text(split.stem + hyphen + rightToken.text)])
            next.blocks[firstBlock].lines[0].removeFirst()
            if next.blocks[firstBlock].lines.allSatisfy(\.isEmpty) {
                let removed = next.blocks.removeFirst()
                if let begin = removed.sectionBegin, !next.blocks.isEmpty, next.blocks[0].sectionBegin == nil { next.blocks[0].sectionBegin = begin }
            }
        }
        return true
    }

    /// Marks a paragraph that ends exactly at the foot of the page: its last line ends a sentence,
    /// and either ends short or the next page starts with an indented line or a heading, never
    /// with a lower-case word.
    private static func markParagraphEnd(_ page: inout PageDraft, _ next: inout PageDraft, profile: WikiProfile) {
        guard let last = page.blocks.last, let first = next.blocks.first, last.kind == .paragraph,
              first.kind == .paragraph || first.kind == .centred, page.suffix.isEmpty, next.prefix.isEmpty else { return }
        let lastText = last.lines.last?.last?.text ?? ""
        let nextText = first.lines.first?.first?.text ?? ""
        guard ParagraphRule.endsSentence(lastText), !(nextText.first?.isLowercase ?? true) else { return }
        guard last.endsShort == true || first.startsIndented == true || first.kind == .centred else { return }
        page.endsParagraphAtFoot = true
        switch profile.paragraphAtPageEnd {
        case .none: break
        case .appendToPage(let mark): page.suffix += mark
        case .prependToNextPage(let mark): next.prefix = mark + next.prefix
        }
    }
}
