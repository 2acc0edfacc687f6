import QuireCore

/// Builds the body's blocks from a page's content regions: the lines of a paragraph joined into
/// one line, line-end hyphens resolved, headings and centred blocks kept line by line, verse kept
/// line by line.
///
/// Running text (regions of paragraphs, captions and unclassified text, in order) is one stream of
/// lines, cut into paragraphs by ``ParagraphRule``; the OCR engine's own paragraph boundaries are
/// only a weak signal there, since Tesseract cuts typescripts into a region every line or two. A
/// paragraph whose lines are all centred in the text frame and narrower than it (a title page, a
/// heading an OCR engine did not tag) is written centred.
enum ParagraphBuilder {
    /// The blocks of `regions` in order (notes and furniture must already be taken out).
    static func blocks(_ regions: [TextRegion], frame: TextFrame?, pageWidth: Int, resolver: HyphenationResolver) -> [Block] {
        var blocks: [Block] = []
        var stream: [FlowLine] = []
        func flush() {
            for lines in paragraphs(stream, frame: frame, pageWidth: pageWidth) {
                let centred = frame.map { frame in lines.allSatisfy { $0.box.map { frame.isCentred($0, pageWidth: pageWidth) } ?? false } } ?? false
                blocks.append(block(centred ? .centred : .paragraph, lines, frame: frame, resolver: resolver))
            }
            stream = []
        }
        for region in regions {
            let lines = region.lines.filter { !$0.words.isEmpty }
            guard let first = lines.first else { continue }
            let flow = lines.enumerated().map { FlowLine(line: $1, startsRegion: $0 == 0) }
            // A region that starts with the second half of a word split at the end of the running
            // text (a heading or a table by the engine's guess) is running text too.
            let continuesWord = stream.last.map { ParagraphRule.continuesWord($0.line, into: first) } ?? false
            // A "heading" of full-width lines is running text the engine misjudged.
            let fullWidth = frame.map { frame in lines.allSatisfy { $0.box.map { $0.width * 4 > frame.width * 3 } ?? false } } ?? false
            switch region.role {
            case .paragraph, .caption, .other:
                stream += flow
            case .heading where continuesWord || fullWidth, .verse where continuesWord, .table where continuesWord:
                stream += flow
            case .heading:
                flush()
                blocks.append(block(.centred, lines, frame: frame, resolver: resolver))
            case .verse:
                flush()
                blocks.append(block(.verse, lines, frame: frame, resolver: resolver))
            case .table:
                flush()
                blocks.append(block(.lines, lines, frame: frame, resolver: resolver))
            case .marginalia:
                flush()
                stream = flow
                flush()
            case .footnote, .runningHeader, .pageNumber, .footer, .catchword, .signatureMark, .illustration:
                continue
            }
        }
        flush()
        return blocks.filter { !$0.lines.allSatisfy(\.isEmpty) }
    }

    private static func block(_ kind: BlockKind, _ lines: [TextLine], frame: TextFrame?, resolver: HyphenationResolver) -> Block {
        let printed = joinedLines(lines, resolver: resolver, keepLines: kind != .paragraph)
        var block = Block(kind: kind, lines: kind == .paragraph ? [printed.flatMap { $0 }] : printed)
        if let frame, let first = lines.first?.box, let last = lines.last?.box {
            block.startsIndented = frame.isIndented(first)
            block.endsShort = frame.endsShort(last)
        }
        if kind == .verse, lines.allSatisfy({ $0.box != nil }), let left = lines.compactMap({ $0.box?.left }).min() {
            // A verse line's indent in line heights from the stanza's leftmost line.
            let height = frame?.lineHeight ?? max(1, lines.compactMap { $0.box?.height }.max() ?? 1)
            block.lineIndents = lines.map { (($0.box?.left ?? left) - left + height / 2) / max(1, height) }
        }
        return block
    }

    /// The lines of one region grouped into paragraphs.
    static func paragraphs(_ lines: [TextLine], frame: TextFrame?, pageWidth: Int) -> [[TextLine]] {
        paragraphs(lines.enumerated().map { FlowLine(line: $1, startsRegion: $0 == 0) }, frame: frame, pageWidth: pageWidth)
    }

    /// A stream of running-text lines grouped into paragraphs by ``ParagraphRule``.
    static func paragraphs(_ lines: [FlowLine], frame: TextFrame?, pageWidth: Int) -> [[TextLine]] {
        var rule = ParagraphRule(frame: frame, pageWidth: pageWidth, pitch: ParagraphRule.linePitch(lines.map(\.line)))
        rule.oneLineRegions = lines.count >= 3 && lines.allSatisfy(\.startsRegion)
        rule.shortEndsUsual = ParagraphRule.shortEndsAreUsual(lines.map(\.line), frame: frame)
        var groups: [[TextLine]] = []
        for (index, flow) in lines.enumerated() {
            if index > 0, !groups.isEmpty, !rule.startsParagraph(flow, after: lines[index - 1].line) {
                groups[groups.count - 1].append(flow.line)
            } else {
                groups.append([flow.line])
            }
        }
        return groups
    }

    /// The lines as tokens, each line-end hyphen resolved: joined lines merge their halves into
    /// one word; with `keepLines` the lines stay apart except where a word was split.
    static func joinedLines(_ lines: [TextLine], resolver: HyphenationResolver, keepLines: Bool) -> [[Token]] {
        var out: [[Token]] = []
        for line in lines {
            var tokens = tokens(of: line)
            guard !tokens.isEmpty else { continue }
            if let previous = out.last?.last, let first = tokens.first, let merged = merge(previous, first, resolver: resolver) {
                out[out.count - 1][out[out.count - 1].count - 1] = merged
                tokens.removeFirst()
                out[out.count - 1] += tokens
            } else if let first = tokens.first, let merged = mergeAfterLoneDash(out.last ?? [], first, resolver: resolver) {
                // `perma -` + `nent`: the dash read as a word of its own goes with the word.
                out[out.count - 1].removeLast(2)
                out[out.count - 1].append(merged)
                tokens.removeFirst()
                out[out.count - 1] += tokens
            } else if !keepLines, !out.isEmpty {
                out[out.count - 1] += tokens
            } else {
                out.append(tokens)
            }
        }
        return out
    }

    /// A line's words as tokens. A source's hyphenation mark (ALTO `HYP`, not in the text) is
    /// written as a hyphen known to be one of division.
    static func tokens(of line: TextLine) -> [Token] {
        var tokens = line.words.map { Token($0.text) }
        guard let last = tokens.last else { return [] }
        if line.endsWithHyphenationMark {
            tokens[tokens.count - 1] = Token(last.text + "-", hyphenMark: .certain)
        }
        return tokens
    }

    /// The word before a line-final dash that the OCR engine read as a word of its own
    /// (`perma -`), joined with `right` as for a doubtful mark; nil when `line` does not end so.
    static func mergeAfterLoneDash(_ line: [Token], _ right: Token, resolver: HyphenationResolver) -> Token? {
        guard line.count >= 2, let dash = line.last, dash.isPlain, dash.text.count == 1, let mark = dash.text.first,
              WordParts.hyphens[mark] != nil, line[line.count - 2].isPlain, line[line.count - 2].text.last?.isLetter == true else { return nil }
        return merge(Token(line[line.count - 2].text + String(mark), hyphenMark: .doubtful), right, resolver: resolver)
    }

    /// `left` (a word ending a line with a hyphen) and `right` (the next line's first word) as one
    /// word, per ``HyphenationResolver``; nil when `left` does not end with a hyphen, `right` does
    /// not start with a letter, or the mark is doubtful and the joined word unknown.
    static func merge(_ left: Token, _ right: Token, resolver: HyphenationResolver) -> Token? {
        guard left.isPlain, right.isPlain else { return nil }
        guard let split = splitAtHyphen(left) else { return misreadJoin(left, right, resolver: resolver) }
        let rightParts = WordParts(right.text)
        guard rightParts.prefix.isEmpty, let firstLetter = rightParts.core.first, firstLetter.isLetter || firstLetter.isNumber else { return nil }
        guard let decision = resolver.decide(left: WordParts(split.stem).core, right: rightParts.core, mark: split.mark) else { return nil }
        let text = split.stem + (decision == .keep ? split.hyphen : "") + right.text
        return Token(text, hyphenMark: right.hyphenMark)
    }

    /// `left` and `right` as one word where OCR lost or misread the division hyphen between them
    /// (``HyphenationResolver/misreadJoin(left:right:trailingMark:)``): `left` may end with one
    /// punctuation mark, which goes.
    private static func misreadJoin(_ left: Token, _ right: Token, resolver: HyphenationResolver) -> Token? {
        let leftParts = WordParts(left.text)
        let rightParts = WordParts(right.text)
        guard leftParts.suffix.count <= 1, rightParts.prefix.isEmpty,
              let word = resolver.misreadJoin(left: leftParts.core, right: rightParts.core, trailingMark: !leftParts.suffix.isEmpty) else { return nil }
        return Token(leftParts.prefix + word + rightParts.suffix, hyphenMark: right.hyphenMark)
    }

    /// A word ending with a hyphen of division: the text before it, the hyphen as it is written
    /// when kept, and how sure the mark is.
    static func splitAtHyphen(_ token: Token) -> (stem: String, hyphen: String, mark: HyphenMark)? {
        let text = token.text
        guard let last = text.last, let before = text.dropLast().last, before.isLetter || before.isNumber else { return nil }
        let stem = String(text.dropLast())
        if let kind = WordParts.hyphens[last] {
            return (stem, WordParts.printed(last), token.hyphenMark ?? kind)
        }
        if WordParts.doubtfulHyphens.contains(last), before.isLetter { return (stem, String(last), .doubtful) }
        return nil
    }
}
