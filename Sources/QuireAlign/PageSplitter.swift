public import QuireCore

/// Match & split: cuts a known text (a typed or born-digital transcript) at the page breaks of
/// its scan, so that each page gets exactly the part of the text printed on it.
///
/// 1. The text and each page's OCR become words with comparison keys (``AlignmentKeys``: case,
///    typography, ligatures, long s and punctuation folded; line-end hyphens joined; a word
///    divided at a page's end kept as its first half).
/// 2. ``AnchoredAligner`` pairs the words: rare n-grams as anchors, dynamic programming between.
///    Running headers, page numbers and notes the text lacks are OCR words left unpaired; words
///    the OCR misread pair by similarity or position.
/// 3. Each page receives the text from its first paired word to the next page's first paired
///    word. Unpaired words between two pages are shared in proportion to the unpaired OCR words
///    at the foot of one and the head of the other (with none, they go where the document's page
///    numbers were found at other breaks: the foot or the head), and the cut moves to the nearest
///    start of a line of the text among them. A boundary's confidence is the share of the eight words around it
///    that the OCR confirmed, less 15% per unpaired word; below 0.75 both pages are level 2.
/// 4. Cuts fall between words: a word divided across pages goes whole to the page where it starts;
///    a cut before the first word of a line takes the whole line (its Markdown `#` or `>` too).
public enum PageSplitter {
    /// Below this confidence a page is level 2.
    public static let lowConfidence = 0.75
    /// A split is refused when less of the text than this is found in the scan.
    public static let minimumFoundShare = 0.6
    /// …with a run of at least this many consecutive words of the text found nowhere (a part
    /// the scan lacks); misses spread over the text are poor OCR, not a partial match.
    public static let missingTextRun = 50
    /// …or when more than this share of the pages with text receive none of it.
    public static let maximumUncoveredShare = 0.34
    /// Pages with fewer OCR words than this (a lone page number) count as blank.
    static let minimumPageWords = 5
    /// A text keeps the printed lines when it begins a line at least at this share of the OCR's
    /// line breaks inside confirmed text.
    static let printedLineShare = 0.5
    /// Runs of this many unpaired OCR words inside a page's text are reported as missing.
    static let missingRun = 8

    /// Splits `text` onto `pages` (in physical order). Throws only for a text without words.
    public static func split(_ text: String, pages: [SplitInputPage], file: String = "text") throws(AlignError) -> SplitResult {
        let known = AlignmentKeys.transcriptTokens(text)
        guard !known.isEmpty else {
            throw AlignError(.emptyInput, "the text has no words", remedy: "give the file that holds the transcript", context: ErrorContext(file: file))
        }
        let ocr = AlignmentKeys.ocrTokens(pages.map(\.text))
        let knownAlone = known.indices.map { known[$0].startsLine && ($0 + 1 == known.count || known[$0 + 1].startsLine) }
        let ocrAlone = ocr.indices.map { index in
            let line = (ocr[index].page, ocr[index].line)
            return (index == 0 || (ocr[index - 1].page, ocr[index - 1].line) != line) && (index + 1 == ocr.count || (ocr[index + 1].page, ocr[index + 1].line) != line)
        }
        // Catch-words, of the OCR and of the text, stay out of the alignment (see PageFurniture).
        let ocrCatchWords = PageFurniture.ocrCatchWords(ocr)
        let alignedOCR = ocr.indices.filter { !ocrCatchWords[$0] }
        let knownCatchWords = PageFurniture.textCatchWords(known)
        let alignedKnown = known.indices.filter { !knownCatchWords[$0] }
        let alignedPairs = AnchoredAligner(
            known: alignedKnown.map { known[$0].key }, ocr: alignedOCR.map { ocr[$0].key },
            dividedAtPageEnd: alignedOCR.map { ocr[$0].hyphenatedAtPageEnd },
            knownAlone: alignedKnown.map { knownAlone[$0] }, ocrAlone: alignedOCR.map { ocrAlone[$0] }).align()
        var pairs = [AnchoredAligner.Pairing?](repeating: nil, count: known.count)
        for (index, pairing) in zip(alignedKnown, alignedPairs) { pairs[index] = pairing?.mapped { alignedOCR[$0] } }
        let hasBlankLine = text.trimmingWhitespace.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .contains { $0.allSatisfy(\.isWhitespace) }
        return Assembly(
            text: text, known: known, ocr: ocr, pairs: pairs, pages: pages, hasBlankLine: hasBlankLine,
            knownAlone: knownAlone, ocrAlone: ocrAlone, catchWords: knownCatchWords).result()
    }

    /// `3–5, 8` for a list of pages.
    public static func describe(_ pages: [PageNumber]) -> String {
        var parts: [String] = []
        var index = 0
        let sorted = pages.sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1].rawValue == sorted[end].rawValue + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index])–\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}

/// Turns the pairing into pages: cuts, confidences, flags and reasons.
private struct Assembly {
    let text: String
    let known: [TranscriptToken]
    let ocr: [OCRToken]
    let pairs: [AnchoredAligner.Pairing?]
    let pages: [SplitInputPage]

    /// Whether the text separates paragraphs by blank lines (else each line is a paragraph).
    let hasBlankLine: Bool
    /// Words alone on their line, in the text and in the OCR.
    let knownAlone: [Bool]
    let ocrAlone: [Bool]
    /// Words of the text that are catch-words (``PageFurniture/textCatchWords(_:)``).
    let catchWords: [Bool]

    /// Whether a pairing places its known word on a page: a strong pair with another strong pair
    /// beside it (at most two words away in the text, three in the OCR, on the same page). Weak
    /// pairs are guesses by position, and a lone strong pair of a common word (`den` of a running
    /// head paired with a `den` of the page before) is chance: they do not decide where a page
    /// starts or ends, but are evidence for the break (``BreakPlacement``).
    private func settles(_ index: Int) -> Bool {
        guard let pairing = pairs[index], pairing.isStrong else { return false }
        let page = ocr[pairing.ocrIndex].page
        for neighbour in max(0, index - 2)...min(known.count - 1, index + 2) where neighbour != index {
            guard let other = pairs[neighbour], other.isStrong, ocr[other.ocrIndex].page == page else { continue }
            if abs(other.ocrIndex - pairing.ocrIndex) <= 3 { return true }
        }
        return false
    }

    func result() -> SplitResult {
        let utf8 = Array(text.utf8)
        var ocrCount = [Int](repeating: 0, count: pages.count)
        for token in ocr { ocrCount[token.page] += 1 }
        var pairedOCR = [Bool](repeating: false, count: ocr.count), settledOCR = [Bool](repeating: false, count: ocr.count)
        var first = [Int?](repeating: nil, count: pages.count), last = [Int?](repeating: nil, count: pages.count)
        var firstStrong = first, lastStrong = last, firstAny = first, lastAny = last
        for (index, pairing) in pairs.enumerated() {
            guard let pairing else { continue }
            pairedOCR[pairing.ocrIndex] = true
            let page = ocr[pairing.ocrIndex].page
            if firstAny[page] == nil { firstAny[page] = index }
            lastAny[page] = index
            guard pairing.isStrong else { continue }
            if firstStrong[page] == nil { firstStrong[page] = index }
            lastStrong[page] = index
            guard settles(index) else { continue }
            settledOCR[pairing.ocrIndex] = true
            if first[page] == nil { first[page] = index }
            last[page] = index
        }
        // A page without settled words keeps its strong pairs, or its weak ones (its OCR is
        // poor, but it is the page's).
        for page in pages.indices where first[page] == nil {
            first[page] = firstStrong[page] ?? firstAny[page]
            last[page] = lastStrong[page] ?? lastAny[page]
        }
        // Pages that receive text, in order; alignment is monotone, so their ranges are too.
        let receiving = pages.indices.filter { first[$0] != nil }
        var cuts: [Int: Int] = [:]  // page index → first known word
        var boundaryConfidence: [Int: Double] = [:]  // page index → confidence of its start
        var flags = [Set<SplitFlag>](repeating: [], count: pages.count)
        var reasons = [[String]](repeating: [], count: pages.count)
        if let head = receiving.first, let start = first[head] {
            cuts[head] = 0
            if start >= 3 {
                flags[head].insert(.transcriptTextNotInScan)
                reasons[head].append("the first \(start) words of the text were not found in the scan; they are put on this page")
            }
        }
        let breaks = zip(receiving, receiving.dropFirst()).compactMap { a, b -> (a: Int, b: Int, lastA: Int, firstB: Int)? in
            guard let lastA = last[a], let firstB = first[b] else { return nil }
            return (a, b, lastA, firstB)
        }
        // What the OCR shows of each gap's words, and where this document prints its page numbers
        // (a number alone on its line), learnt from the breaks the OCR settled and the numbers it
        // placed: at a page's foot or at its head.
        let observed = breaks.map { observedEvidence(gap: ($0.lastA + 1)..<$0.firstB, a: $0.a, b: $0.b, settled: settledOCR) }
        var footLines = 0, headLines = 0
        for (item, evidence) in zip(breaks, observed) {
            if isLoneNumber(item.lastA) { footLines += 1 }
            if isLoneNumber(item.firstB) { headLines += 1 }
            for (offset, side) in evidence.enumerated() where isLoneNumber(item.lastA + 1 + offset) {
                if case .observed(.before) = side { footLines += 1 }
                if case .observed(.after) = side { headLines += 1 }
            }
        }
        let numbersAt: BreakPlacement.Side? = footLines == headLines ? nil : (footLines > headLines ? .before : .after)
        let numbersCertain = min(footLines, headLines) == 0 && max(footLines, headLines) >= 2
        let printedLines = keepsPrintedLines
        for (item, evidence) in zip(breaks, observed) {
            let (a, b, lastA, firstB) = item
            let gap = firstB - lastA - 1
            var cut = firstB
            var unplaced = 0
            if gap > 0 {
                let tail = unpairedOCR(page: a, after: pairs[lastA]?.ocrIndex, paired: pairedOCR)
                let head = unpairedOCR(page: b, before: pairs[firstB]?.ocrIndex, paired: pairedOCR)
                // With no evidence, in proportion to the unpaired OCR at the foot and head; with
                // none, where the document's page numbers are (at the foot: the gap ends this page;
                // else it starts the next, as a typed page header would).
                let proportional = tail + head > 0
                    ? lastA + 1 + Int((Double(gap) * Double(tail) / Double(tail + head)).rounded())
                    : (numbersAt == .before ? firstB : lastA + 1)
                let range = (lastA + 1)..<firstB
                let choice = BreakPlacement.choose(
                    gap: range, evidence: sharedLines(typographic(evidence, gap: range, numbersAt: numbersAt, numbersCertain: numbersCertain), gap: range, printedLines: printedLines),
                    startsLine: { known[$0].startsLine }, preferred: proportional)
                cut = choice.cut
                unplaced = choice.unplaced
                if gap >= 3 && gap > (tail + head) * 2 {
                    for page in [a, b] { flags[page].insert(.transcriptTextNotInScan) }
                    reasons[a].append("\(gap) words of the text between page \(pages[a].number) and page \(pages[b].number) were not found in the scan (a page missing from the scan?)")
                }
            }
            cuts[b] = cut
            let confidence = boundaryScore(at: cut, unplaced: unplaced)
            boundaryConfidence[b] = confidence
            if confidence < PageSplitter.lowConfidence || unplaced > 0 {
                flags[a].insert(.uncertainBoundary)
                flags[b].insert(.uncertainBoundary)
                let reason = unplaced > 0
                    ? "the break between page \(pages[a].number) and page \(pages[b].number) is uncertain: \(unplaced) word\(unplaced == 1 ? "" : "s") of the text there \(unplaced == 1 ? "was" : "were") not found at the foot or head of the OCR"
                    : "the break between page \(pages[a].number) and page \(pages[b].number) is uncertain: the OCR around it matches the text poorly"
                reasons[a].append(reason)
                reasons[b].append(reason)
            }
        }
        if let tailPage = receiving.last, let end = last[tailPage], known.count - end - 1 >= 3 {
            flags[tailPage].insert(.transcriptTextNotInScan)
            reasons[tailPage].append("the last \(known.count - end - 1) words of the text were not found in the scan; they are put on this page")
        }

        var result: [SplitPage] = []
        var wordsFound = 0
        var withoutTranscript: [PageNumber] = []
        var pagesWithText = 0
        for (index, page) in pages.enumerated() {
            let hasPrintedText = ocrCount[index] >= PageSplitter.minimumPageWords
            if hasPrintedText { pagesWithText += 1 }
            guard let start = cuts[index] else {
                var pageFlags: [SplitFlag] = [.blankPage]
                var pageReasons: [String] = []
                if hasPrintedText {
                    withoutTranscript.append(page.number)
                    pageFlags = [.pageNotInTranscript]
                    pageReasons = ["none of the text was found on this page (\(ocrCount[index]) words of OCR); it keeps its own text"]
                }
                result.append(SplitPage(number: page.number, text: "", confidence: hasPrintedText ? 0 : 1, flags: pageFlags, reasons: pageReasons, words: 0, wordsFound: 0, hasText: false))
                continue
            }
            let nextCut = receiving.first(where: { $0 > index }).flatMap { cuts[$0] } ?? known.count
            let range = start..<max(start, nextCut)
            let found = range.filter { if case .strong = pairs[$0] { true } else { false } }.count
            wordsFound += found
            var pageFlags = flags[index]
            var pageReasons = reasons[index]
            let share = range.isEmpty ? 0 : Double(found) / Double(range.count)
            if range.count >= PageSplitter.minimumPageWords && share < 0.6 {
                pageFlags.insert(.lowMatch)
                pageReasons.append("only \(Int((share * 100).rounded()))% of this page's part of the text was found in its OCR")
            }
            let missing = missingRuns(page: index, paired: pairedOCR)
            if missing > 0 {
                pageFlags.insert(.textMissingFromTranscript)
                pageReasons.append("about \(missing) words printed on this page are not in the text")
            }
            let nextBoundary = receiving.first(where: { $0 > index }).flatMap { boundaryConfidence[$0] } ?? 1
            let confidence = min(boundaryConfidence[index] ?? 1, nextBoundary) * min(1, share / 0.8)
            let slice = slice(range, utf8: utf8, isFirst: start == 0, isLast: nextCut == known.count)
            let endsParagraph = nextCut < known.count && !range.isEmpty && paragraphBreak(before: nextCut, utf8: utf8)
            result.append(SplitPage(
                number: page.number, text: slice, confidence: (confidence * 100).rounded() / 100,
                flags: pageFlags.sorted(), reasons: pageReasons, words: range.count, wordsFound: found, hasText: !range.isEmpty,
                endsParagraph: endsParagraph))
        }
        var longestRun = 0, run = 0
        for pairing in pairs {
            if pairing?.isStrong == true { run = 0 } else { run += 1; longestRun = max(longestRun, run) }
        }
        return SplitResult(
            pages: result, words: known.count, wordsFound: wordsFound, pagesWithoutTranscript: withoutTranscript, pagesWithText: pagesWithText,
            longestRunNotFound: longestRun)
    }

    /// The OCR words of a page (words are in page order).
    private func ocrRange(_ page: Int) -> Range<Int> {
        var low = 0, high = ocr.count
        while low < high { let mid = (low + high) / 2; if ocr[mid].page < page { low = mid + 1 } else { high = mid } }
        var end = low
        high = ocr.count
        while end < high { let mid = (end + high) / 2; if ocr[mid].page <= page { end = mid + 1 } else { high = mid } }
        return low..<end
    }

    /// Whether known word `index` is a number standing alone on its line (`12`, `— 12 —`, `xiv.`),
    /// not a signature mark.
    private func isLoneNumber(_ index: Int) -> Bool {
        let key = known[index].key
        let number = key.allSatisfy { $0.isASCII && $0.isNumber } || (key.count <= 4 && key.allSatisfy { "ivxlc".contains($0) })
        return number && known[index].startsLine && (index + 1 == known.count || known[index + 1].startsLine)
            && !PageFurniture.isSignatureMark(lineText(index))
    }

    /// The raw text of the line that known word `index` begins, up to its last word.
    private func lineText(_ index: Int) -> Substring {
        var end = index + 1
        while end < known.count, !known[end].startsLine { end += 1 }
        let utf8 = text.utf8
        var from = utf8.index(utf8.startIndex, offsetBy: known[index].start)
        // From the line's start: marks without a key (`*` of `* 4`) belong to it.
        while from > utf8.startIndex, !"\n\r\u{0C}".utf8.contains(utf8[utf8.index(before: from)]) { from = utf8.index(before: from) }
        let to = utf8.index(utf8.startIndex, offsetBy: known[end - 1].end)
        return text[from..<to]
    }

    /// Unpaired OCR words of `page` after (or before) a paired OCR word.
    private func unpairedOCR(page: Int, after: Int? = nil, before: Int? = nil, paired: [Bool]) -> Int {
        var count = 0
        if let after {
            var index = after + 1
            while index < ocr.count, ocr[index].page == page { if !paired[index] { count += 1 }; index += 1 }
        }
        if let before {
            var index = before - 1
            while index >= 0, ocr[index].page == page { if !paired[index] { count += 1 }; index -= 1 }
        }
        return count
    }

    /// Unpaired OCR words of `page` in runs of at least ``PageSplitter/missingRun`` between two
    /// paired words (the head and foot of a page hold headers and notes the text may lack).
    private func missingRuns(page: Int, paired: [Bool]) -> Int {
        let indices = ocrRange(page)
        guard let firstPaired = indices.first(where: { paired[$0] }), let lastPaired = indices.last(where: { paired[$0] }) else { return 0 }
        var total = 0, run = 0
        for index in firstPaired...lastPaired {
            if paired[index] {
                if run >= PageSplitter.missingRun { total += run }
                run = 0
            } else {
                run += 1
            }
        }
        return total
    }

    /// How sure a cut before known word `cut` is: the share of the eight words around it that
    /// the OCR confirmed, less for each word at the break that the OCR does not place.
    private func boundaryScore(at cut: Int, unplaced: Int) -> Double {
        let window = max(0, cut - 4)..<min(known.count, cut + 4)
        guard !window.isEmpty else { return 0 }
        let strong = window.filter { pairs[$0]?.isStrong == true }.count
        return Double(strong) / Double(window.count) * max(0, 1 - 0.15 * Double(unplaced))
    }

    /// What the OCR shows of each word of a gap between pages `a` and `b`. Its key among the
    /// unsettled OCR words of one page only is observed when that word is at the page's head or
    /// foot (before its first settled word or after its last), inferred when it is inside (a line
    /// the alignment could not take in order: it steers the cut but leaves the break uncertain);
    /// else the page of its pairing is inferred (strong) or typographic (weak, when both words
    /// stand alone on their lines).
    private func observedEvidence(gap: Range<Int>, a: Int, b: Int, settled: [Bool]) -> [BreakPlacement.Evidence] {
        let keysA = unsettledKeys(page: a, settled: settled), keysB = unsettledKeys(page: b, settled: settled)
        return gap.map { index in
            let key = known[index].key
            // A single letter is too common to place anything; a number is not.
            let inA = keysA.any.contains(key), inB = keysB.any.contains(key)
            if inA != inB, key.count >= 2 || key.allSatisfy(\.isNumber) {
                let side: BreakPlacement.Side = inA ? .before : .after
                return (inA ? keysA : keysB).edge.contains(key) ? .observed(side) : .inferred(side)
            }
            if let pairing = pairs[index], pairing.isStrong || (knownAlone[index] && ocrAlone[pairing.ocrIndex]) {
                let side: BreakPlacement.Side = ocr[pairing.ocrIndex].page == a ? .before : .after
                return pairing.isStrong ? .inferred(side) : .typographic(side)
            }
            return .none
        }
    }

    /// Keys of the OCR words of a page that no word of the text settled (its furniture, notes,
    /// lines the alignment could not take in order), and of those at its head or foot.
    private func unsettledKeys(page: Int, settled: [Bool]) -> (any: Set<String>, edge: Set<String>) {
        let indices = ocrRange(page)
        let firstSettled = indices.first(where: { settled[$0] }) ?? indices.upperBound
        let lastSettled = indices.last(where: { settled[$0] }) ?? indices.lowerBound - 1
        var any = Set<String>(), edge = Set<String>()
        for index in indices where !settled[index] {
            any.insert(ocr[index].key)
            if index < firstSettled || index > lastSettled { edge.insert(ocr[index].key) }
        }
        return (any, edge)
    }

    /// Adds the evidence of form to words of a gap that the OCR does not show at a page's head or
    /// foot: a catch-word and a signature mark belong to the foot; a lone page number goes where
    /// the document's page numbers were observed (inferred when all of two or more were on one
    /// side, else a guess).
    private func typographic(_ evidence: [BreakPlacement.Evidence], gap: Range<Int>, numbersAt: BreakPlacement.Side?, numbersCertain: Bool) -> [BreakPlacement.Evidence] {
        var result = evidence
        for (offset, index) in gap.enumerated() {
            if case .observed = result[offset] { continue }
            guard known[index].startsLine else { continue }
            var lineEnd = index + 1
            while lineEnd < known.count, !known[lineEnd].startsLine { lineEnd += 1 }
            if catchWords[index] {
                result[offset] = .inferred(.before)
            } else if PageFurniture.isSignatureMark(lineText(index)) {
                for word in index..<min(lineEnd, gap.upperBound) { result[word - gap.lowerBound] = .inferred(.before) }
            } else if let numbersAt, isLoneNumber(index) {
                result[offset] = numbersCertain ? .inferred(numbersAt) : .typographic(numbersAt)
            }
        }
        return result
    }

    /// Whether the text keeps the printed lines: where the OCR reads on from one line to the next
    /// (two confirmed words of the text in a row, the second beginning an OCR line), the text
    /// begins a line there too at least ``PageSplitter/printedLineShare`` of the time (a text
    /// wrapped otherwise, or typed a paragraph a line, does so only by chance).
    private var keepsPrintedLines: Bool {
        var breaks = 0, shared = 0
        for index in pairs.indices.dropFirst() {
            guard let pairing = pairs[index], pairing.isStrong, let previous = pairs[index - 1], previous.isStrong,
                  previous.ocrIndex + 1 == pairing.ocrIndex else { continue }
            let (before, word) = (ocr[previous.ocrIndex], ocr[pairing.ocrIndex])
            guard before.page == word.page, before.line != word.line else { continue }
            breaks += 1
            if known[index].startsLine { shared += 1 }
        }
        return breaks > 0 && Double(shared) >= PageSplitter.printedLineShare * Double(breaks)
    }

    /// In a text that keeps the printed lines, the gap words on the line of the last settled word
    /// before the gap go before the break, and those on the line of the first settled word after
    /// it go after: a printed line is never cut by a page break.
    private func sharedLines(_ evidence: [BreakPlacement.Evidence], gap: Range<Int>, printedLines: Bool) -> [BreakPlacement.Evidence] {
        guard !gap.isEmpty, printedLines else { return evidence }
        var result = evidence
        var index = gap.lowerBound
        while index < gap.upperBound, !known[index].startsLine {
            result[index - gap.lowerBound] = .sameLine(.before)
            index += 1
        }
        if gap.upperBound < known.count, !known[gap.upperBound].startsLine {
            var start = gap.upperBound - 1
            while start >= index, start >= gap.lowerBound {
                result[start - gap.lowerBound] = .sameLine(.after)
                if known[start].startsLine { break }
                start -= 1
            }
        }
        return result
    }

    /// The text of known words `range`, cut between words: a cut before a line's first word
    /// takes the line from its start (Markdown `#`, `>`, `*` before the word come along).
    private func slice(_ range: Range<Int>, utf8: [UInt8], isFirst: Bool, isLast: Bool) -> String {
        guard !range.isEmpty else { return "" }
        let from = isFirst ? 0 : cutOffset(range.lowerBound, utf8: utf8)
        let to = isLast ? utf8.count : cutOffset(range.upperBound, utf8: utf8)
        let raw = String(decoding: utf8[from..<max(from, to)], as: UTF8.self)
        return raw.trimmingWhitespace
    }

    /// Whether a paragraph of the text ends just before known word `word`: a blank line between
    /// it and the word before (or, in a text without blank lines, a line break).
    private func paragraphBreak(before word: Int, utf8: [UInt8]) -> Bool {
        guard word > 0 else { return false }
        var newlines = 0
        for byte in utf8[known[word - 1].end..<cutOffset(word, utf8: utf8)] where byte == 0x0A || byte == 0x0C {
            newlines += 1
        }
        if utf8[known[word - 1].end..<cutOffset(word, utf8: utf8)].allSatisfy({ $0 != 0x0A }) {
            // Old Mac line endings: count carriage returns instead.
            newlines = utf8[known[word - 1].end..<cutOffset(word, utf8: utf8)].filter { $0 == 0x0D }.count
        }
        return newlines >= (hasBlankLine ? 2 : 1)
    }

    private func cutOffset(_ word: Int, utf8: [UInt8]) -> Int {
        let token = known[word]
        guard token.startsLine else { return token.start }
        var offset = token.start
        while offset > 0, utf8[offset - 1] != 0x0A, utf8[offset - 1] != 0x0D, utf8[offset - 1] != 0x0C { offset -= 1 }
        return offset
    }
}

