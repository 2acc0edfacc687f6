/// Where a page break falls among the words of the text that the alignment could not tie to
/// either page (the *gap* between the last word settled on one page and the first settled on the
/// next): running heads, page numbers, signature marks, catch-words, notes, and words the OCR
/// misread or missed.
///
/// Each gap word gets the side of the break the evidence puts it on:
/// - **observed**: its key is that of an unsettled OCR word at the head or foot of one page (before
///   its first settled word or after its last), and of no unsettled word of the other (a page
///   number typed at the foot and printed at the head, a catch-word the OCR read);
/// - **inferred** (weighs almost as much, but leaves the break uncertain): the same inside the
///   page (a line the alignment could not take in order, such as a note read early), a strong
///   pair that did not settle, a catch-word (``PageFurniture/textCatchWords(_:)``) or a signature
///   mark (`A ij`, `D 3`, `* 4`) at the foot, a page number alone on its line where all of this
///   document's observed page numbers are (two at least: foot or head);
/// - **typographic** (a guess): a page number where most of the document's observed ones are; a
///   weak pair (by position) between two words alone on their lines puts the word on its OCR
///   word's page.
///
/// The cut is the start of a line of the gap that contradicts the least evidence (a cut inside a
/// line costs one and a half words, so that one common word the OCR has elsewhere does not cut a
/// line); among equals, the earliest when some word is evidenced at the foot (what follows the
/// last lines of a page starts the next), else the nearest to the share of unpaired OCR at the
/// foot and the head. Gap words that no observed evidence (or their line, in a text that keeps the
/// printed lines) puts on the side the cut gives them are *unplaced*: the break is then uncertain.
struct BreakPlacement {
    /// The side of a break a word belongs to.
    enum Side { case before, after }

    /// What places one gap word.
    enum Evidence {
        /// Shown by the OCR at a page's head or foot: the only evidence that places a word.
        case observed(Side)
        /// Shown by the OCR inside a page, or by the form of page furniture.
        case inferred(Side)
        /// On a line of the text that holds a word settled on that page, when the text keeps the
        /// printed lines (a printed line is never cut): places the word, weighing as observed.
        case sameLine(Side)
        /// A guess: a page number where most of the document's are, a pairing by position.
        case typographic(Side)
        case none
    }

    /// Weight of evidence against a cut; a cut inside a line of the text costs ``midLineCost``.
    static let observedWeight = 1.0
    static let inferredWeight = 0.8
    static let typographicWeight = 0.6
    static let midLineCost = 1.5

    /// The chosen cut (index of the first known word of the later page) and the gap words that
    /// no observed evidence places on the side the cut gives them.
    struct Choice {
        var cut: Int
        var unplaced: Int
    }

    /// Chooses the cut among `gap` (known word indices) and `gap.upperBound` given each word's
    /// evidence; `startsLine(i)` tells whether word i begins a line; ties go to the earliest cut
    /// after foot evidence, else nearest `preferred`.
    static func choose(gap: Range<Int>, evidence: [Evidence], startsLine: (Int) -> Bool, preferred: Int) -> Choice {
        let hasFootEvidence = evidence.contains {
            switch $0 {
            case .observed(.before), .inferred(.before), .sameLine(.before), .typographic(.before): true
            default: false
            }
        }
        var best: (cost: Double, distance: Int, cut: Int)?
        for cut in gap.lowerBound...gap.upperBound {
            var cost = startsLine(cut) ? 0 : midLineCost
            for (offset, item) in evidence.enumerated() {
                let side: Side = gap.lowerBound + offset < cut ? .before : .after
                switch item {
                case .observed(let placed) where placed != side, .sameLine(let placed) where placed != side: cost += observedWeight
                case .inferred(let placed) where placed != side: cost += inferredWeight
                case .typographic(let placed) where placed != side: cost += typographicWeight
                default: break
                }
            }
            // Ties: after foot evidence (a catch-word, a signature mark: the last lines of a page)
            // the earliest cut, else the nearest to `preferred`.
            let distance = hasFootEvidence ? cut : abs(cut - preferred)
            if let current = best, current.cost < cost - 1e-9 || (abs(current.cost - cost) <= 1e-9 && current.distance <= distance) { continue }
            best = (cost, distance, cut)
        }
        let cut = best?.cut ?? gap.upperBound
        var unplaced = 0
        for (offset, item) in evidence.enumerated() {
            let side: Side = gap.lowerBound + offset < cut ? .before : .after
            switch item {
            case .observed(let placed) where placed == side, .sameLine(let placed) where placed == side: continue
            default: unplaced += 1
            }
        }
        return Choice(cut: cut, unplaced: unplaced)
    }
}

/// Page furniture recognised by its form: signature marks in the text, catch-words in the OCR.
enum PageFurniture {
    /// Whether a line of text is a signature mark: one or two capitals (or one to three `*`),
    /// then one or two numbers in digits or lower-case Roman numerals (`A ij`, `D 3`, `* 4`,
    /// `Aa 2`, `C iiij`).
    static func isSignatureMark(_ line: Substring) -> Bool {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard (2...3).contains(parts.count), let head = parts.first else { return false }
        let letters = head.allSatisfy { $0 == "*" } ? head.count <= 3
            : head.count <= 2 && head.first?.isUppercase == true && head.allSatisfy(\.isLetter)
        guard letters else { return false }
        return parts.dropFirst().allSatisfy { part in
            let body = part.hasSuffix(".") ? part.dropLast() : part
            return !body.isEmpty && body.count <= 5 && (body.allSatisfy { $0.isASCII && $0.isNumber } || body.allSatisfy { "ivxj".contains($0) })
        }
    }

    /// Whether `catchKey` can be the catch-word of a page whose text begins with `nextKey`: the
    /// same word, or its first part when the catch-word is divided (`kön-` before `können`), with
    /// at most one letter misread in a word of five letters or more.
    static func isCatchWord(_ catchKey: String, before nextKey: String) -> Bool {
        guard catchKey.count >= 2, nextKey.count >= catchKey.count else { return false }
        if nextKey.hasPrefix(catchKey) { return true }
        // One misread letter in a longer word (`Pedrille` for `Pedrillo`).
        guard catchKey.count >= 5 else { return false }
        let distance = AnchoredAligner.boundedDistance(Array(catchKey.unicodeScalars), Array(nextKey.unicodeScalars.prefix(catchKey.unicodeScalars.count)), limit: 1)
        return distance != nil
    }

    /// Lines between a catch-word and the first line of the next page's text (running head, page
    /// number, signature mark), and the most words each may have.
    static let catchWordReach = 4
    static let furnitureLineWords = 6

    /// Words of the text that are catch-words: a word alone on its line that begins a line at
    /// most ``catchWordReach`` lines later, every line between having at most
    /// ``furnitureLineWords`` words (`Ob` / `7` / `Ob nun gleich …`). They are left out of the
    /// alignment, so that they do not take the OCR of the word they repeat.
    static func textCatchWords(_ known: [TranscriptToken]) -> [Bool] {
        var result = [Bool](repeating: false, count: known.count)
        for index in known.indices where known[index].startsLine && index + 1 < known.count && known[index + 1].startsLine {
            var line = index + 1
            for _ in 0..<catchWordReach {
                guard line < known.count else { break }
                if isCatchWord(known[index].key, before: known[line].key) {
                    result[index] = true
                    break
                }
                var next = line + 1
                while next < known.count, !known[next].startsLine { next += 1 }
                if next - line > furnitureLineWords { break }
                line = next
            }
        }
        return result
    }

    /// OCR words that are catch-words: the last word of one of a page's last two lines, on a line
    /// of at most three words, that begins the first line of text of one of the next page's first
    /// four lines. They are left out of the alignment (a text without them must not pair the next
    /// page's first word with them) and count as unpaired OCR at the page's foot.
    static func ocrCatchWords(_ ocr: [OCRToken]) -> [Bool] {
        var result = [Bool](repeating: false, count: ocr.count)
        // Per page (tokens are in page order): indices of its tokens, grouped by line in order.
        var lines = [[[Int]]](repeating: [], count: (ocr.last?.page ?? -1) + 1)
        for (index, token) in ocr.enumerated() {
            if let last = lines[token.page].last?.last, ocr[last].line == token.line {
                lines[token.page][lines[token.page].count - 1].append(index)
            } else {
                lines[token.page].append([index])
            }
        }
        for page in lines.indices.dropLast() {
            let heads = lines[page + 1].prefix(4).compactMap(\.first).map { ocr[$0].key }
            for line in lines[page].suffix(2) where line.count <= 3 {
                guard let last = line.last else { continue }
                if heads.contains(where: { isCatchWord(ocr[last].key, before: $0) }) { result[last] = true }
            }
        }
        return result
    }
}
