import QuireCore

/// A line of running text, and whether the OCR engine began a region (its paragraph) with it.
struct FlowLine: Hashable, Sendable {
    var line: TextLine
    var startsRegion: Bool
}

/// Where a paragraph starts in a stream of running-text lines, in this order:
///
/// 1. never between a line ending with a hyphen (`-`, `¬`, `⸗`, `=`, a dash read as a word of its
///    own, ALTO `HYP`) and a line starting lower case: that is one word split across the lines;
/// 2. without boxes, or when every line is a region of its own (a list, a table of contents),
///    where the OCR engine began a region;
/// 3. between two centred lines only at a vertical gap (or a blank line's height between their
///    boxes: a title page's pitch is mostly gaps) or a new OCR region; between a centred line at
///    most three quarters as wide as the text frame and one not centred (a heading and the text
///    after it, or before it);
/// 4. at a vertical gap: the line starts more than 1.5 line pitches (the median distance between
///    consecutive line tops) below the one before; with fewer than four lines, a blank line's
///    height between the two line boxes (a double-spaced typescript has one between every line);
/// 5. never at a line starting with a lower-case word (`tn der`, after a `⸗` that OCR read as a
///    full stop), by the rules below;
/// 6. at an indented line (first-line indent against the text frame's left edge) after a line that
///    ends short of the right margin or ends a sentence; where most lines end short (verse, a
///    play's speeches), ending short says nothing, and only the sentence's end counts;
/// 7. where the OCR engine began a region and the line before ends a sentence (paragraphs set
///    without indent). The engine's region alone is not enough: Tesseract cuts typescripts into a
///    region every line or two.
struct ParagraphRule: Sendable {
    let frame: TextFrame?
    let pageWidth: Int
    /// Whether more than half of at least four lines end short of the frame's right margin.
    static func shortEndsAreUsual(_ lines: [TextLine], frame: TextFrame?) -> Bool {
        guard let frame else { return false }
        let boxes = lines.compactMap(\.box)
        guard boxes.count >= 4 else { return false }
        return boxes.filter(frame.endsShort).count * 2 > boxes.count
    }

    /// The median distance between the tops of consecutive lines, when there are enough lines.
    let pitch: Int?

    /// Every line is a region of its own (a list, a table of contents): the engine's regions are
    /// then the only evidence of where items start.
    var oneLineRegions = false

    /// Most lines end short of the right margin (verse, a play): a short line ends no paragraph
    /// by itself.
    var shortEndsUsual = false

    /// Whether `flow` starts a new paragraph after `previous`.
    func startsParagraph(_ flow: FlowLine, after previous: TextLine) -> Bool {
        if Self.continuesWord(previous, into: flow.line) { return false }
        guard !oneLineRegions, let frame, let box = flow.line.box, let previousBox = previous.box else { return flow.startsRegion }
        let centred = frame.isCentred(box, pageWidth: pageWidth)
        let previousCentred = frame.isCentred(previousBox, pageWidth: pageWidth)
        let blankLine = box.top - previousBox.bottom > max(frame.lineHeight, min(box.height, previousBox.height))
        let gap = pitch.map { (box.top - previousBox.top) * 2 > $0 * 3 } ?? blankLine
        if centred && previousCentred { return gap || blankLine || flow.startsRegion }
        if isHeadingLike(box, frame: frame) || isHeadingLike(previousBox, frame: frame) { return true }
        if gap { return true }
        // A paragraph does not start with a lower-case word (`tn der gemeine`, after a `⸗` read as `.`).
        if let word = flow.line.words.first?.text, let first = word.first, first.isLowercase, word.count >= 2, word.allSatisfy(\.isLetter) { return false }
        let previousEnds = Self.endsSentence(previous.text)
        if frame.isIndented(box) && (frame.endsShort(previousBox) && !shortEndsUsual || previousEnds) { return true }
        return flow.startsRegion && previousEnds
    }

    /// A centred line at most three quarters as wide as the frame: a heading, a title, a date line.
    func isHeadingLike(_ box: BoundingBox, frame: TextFrame) -> Bool {
        frame.isCentred(box, pageWidth: pageWidth) && box.width * 4 <= frame.width * 3
    }

    /// True when `line` starts with the second half of a word that `previous` ends with a hyphen:
    /// the previous line ends with a hyphen mark after a letter (or a hyphen read as a word of its
    /// own, or a source's hyphenation mark) and `line` starts with a lower-case letter.
    static func continuesWord(_ previous: TextLine, into line: TextLine) -> Bool {
        guard let first = line.words.first?.text.first, first.isLowercase else { return false }
        if previous.endsWithHyphenationMark { return true }
        let words = previous.words.map(\.text)
        guard let last = words.last else { return false }
        // A dash read as a word of its own after a word (`perma -`).
        if words.count >= 2, last.count == 1, let mark = last.first, WordParts.hyphens[mark] != nil,
           words[words.count - 2].last?.isLetter == true { return true }
        guard let split = ParagraphBuilder.splitAtHyphen(Token(last)) else { return false }
        return split.mark != .doubtful
    }

    /// Whether a line's text ends a sentence (closing quotes and brackets aside).
    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last(where: { !"»”’\"')]".contains($0) }) else { return false }
        return ".!?:…".contains(last)
    }

    /// The median distance between the tops of consecutive lines that follow each other down the
    /// page; nil with fewer than three such pairs (too few to tell a gap from the usual spacing).
    static func linePitch(_ lines: [TextLine]) -> Int? {
        let boxes = lines.compactMap(\.box)
        let steps = zip(boxes, boxes.dropFirst()).map { $1.top - $0.top }.filter { $0 > 0 }.sorted()
        guard steps.count >= 3 else { return nil }
        return steps[steps.count / 2]
    }
}
