import QuireCore

/// Builds the body's blocks from a page's content regions: the lines of a paragraph joined into
/// one line, line-end hyphens resolved, headings and centred blocks kept line by line, verse kept
/// line by line.
///
/// A region of running text is cut into paragraphs where a line is indented after a line that
/// ends short of the margin or ends a sentence (unless both are centred lines), or where a blank
/// line's height separates two lines. A paragraph whose lines are all centred in the text frame and narrower than it (a
/// title page, a heading an OCR engine did not tag) is written centred.
enum ParagraphBuilder {
    /// The blocks of `regions` in order (notes and furniture must already be taken out).
    static func blocks(_ regions: [TextRegion], frame: TextFrame?, pageWidth: Int, resolver: HyphenationResolver) -> [Block] {
        var blocks: [Block] = []
        for region in regions {
            switch region.role {
            case .heading:
                blocks.append(block(.centred, region.lines, frame: frame, resolver: resolver))
            case .verse:
                blocks.append(block(.verse, region.lines, frame: frame, resolver: resolver))
            case .table:
                blocks.append(block(.lines, region.lines, frame: frame, resolver: resolver))
            case .paragraph, .caption, .marginalia, .other:
                for lines in paragraphs(region.lines, frame: frame, pageWidth: pageWidth) {
                    let centred = frame.map { frame in lines.allSatisfy { $0.box.map { frame.isCentred($0, pageWidth: pageWidth) } ?? false } } ?? false
                    blocks.append(block(centred ? .centred : .paragraph, lines, frame: frame, resolver: resolver))
                }
            case .footnote, .runningHeader, .pageNumber, .footer, .catchword, .signatureMark, .illustration:
                continue
            }
        }
        return blocks.filter { !$0.lines.allSatisfy(\.isEmpty) }
    }

    private static func block(_ kind: BlockKind, _ lines: [TextLine], frame: TextFrame?, resolver: HyphenationResolver) -> Block {
        let printed = joinedLines(lines, resolver: resolver, keepLines: kind != .paragraph)
        var block = Block(kind: kind, lines: kind == .paragraph ? [printed.flatMap { $0 }] : printed)
        if let frame, let first = lines.first?.box, let last = lines.last?.box {
            block.startsIndented = frame.isIndented(first)
            block.endsShort = frame.endsShort(last)
        }
        return block
    }

    /// The region's lines grouped into paragraphs.
    static func paragraphs(_ lines: [TextLine], frame: TextFrame?, pageWidth: Int) -> [[TextLine]] {
        var groups: [[TextLine]] = []
        for line in lines {
            if let previous = groups.last?.last, let frame, let box = line.box, let previousBox = previous.box {
                let bothCentred = frame.isCentred(box, pageWidth: pageWidth) && frame.isCentred(previousBox, pageWidth: pageWidth)
                let indentedAfterEnd = !bothCentred && frame.isIndented(box) && (frame.endsShort(previousBox) || endsSentence(previous.text))
                let blankLineBetween = box.top - previousBox.bottom > max(frame.lineHeight, min(box.height, previousBox.height))
                if !indentedAfterEnd && !blankLineBetween {
                    groups[groups.count - 1].append(line)
                    continue
                }
            } else if !groups.isEmpty {
                groups[groups.count - 1].append(line)
                continue
            }
            groups.append([line])
        }
        return groups
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !"»”’\"')]".contains($0) }) else { return false }
        return ".!?:…".contains(last)
    }

    /// The lines as tokens, each line-end hyphen resolved: joined lines merge their halves into
    /// one word; with `keepLines` the lines stay apart except where a word was split.
    static func joinedLines(_ lines: [TextLine], resolver: HyphenationResolver, keepLines: Bool) -> [[Token]] {
        var out: [[Token]] = []
        for line in lines {
            var tokens = line.words.map { Token($0.text) }
            guard !tokens.isEmpty else { continue }
            if line.endsWithHyphenationMark {
                // The mark is not in the text: it is written as a hyphen known to be one of division.
                tokens[tokens.count - 1] = Token(tokens[tokens.count - 1].text + "-", hyphenMarked: true)
            }
            if let previous = out.last?.last, let first = tokens.first, let merged = merge(previous, first, resolver: resolver) {
                out[out.count - 1][out[out.count - 1].count - 1] = merged
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

    /// `left` (a word ending a line with a hyphen) and `right` (the next line's first word) as one
    /// word, per ``HyphenationResolver``; nil when `left` does not end with a hyphen or `right` does
    /// not start with a letter.
    static func merge(_ left: Token, _ right: Token, resolver: HyphenationResolver) -> Token? {
        guard left.isPlain, right.isPlain else { return nil }
        let split = splitAtHyphen(left)
        guard let split else { return nil }
        let rightParts = WordParts(right.text)
        guard rightParts.prefix.isEmpty, let firstLetter = rightParts.core.first, firstLetter.isLetter || firstLetter.isNumber else { return nil }
        let decision = resolver.decide(left: WordParts(split.stem).core, right: rightParts.core, marked: split.marked)
        let text = split.stem + (decision == .keep ? split.hyphen : "") + right.text
        return Token(text, hyphenMarked: right.hyphenMarked)
    }

    /// A word ending with a hyphen of division: the text before it, the hyphen as printed, and
    /// whether it is certainly hyphenation.
    static func splitAtHyphen(_ token: Token) -> (stem: String, hyphen: String, marked: Bool)? {
        let text = token.text
        if token.hyphenMarked, text.hasSuffix("-") {
            let stem = String(text.dropLast())
            return WordParts(stem).core.isEmpty ? nil : (stem, "-", true)
        }
        guard WordParts.endsWithHyphen(text), let last = text.last else { return nil }
        return (String(text.dropLast()), String(last), WordParts.certainHyphens.contains(last))
    }
}
