/// Aligns two word sequences — a known text and the OCR of its pages — monotonically, in time
/// near-linear in their length: word n-grams that occur exactly once on each side are anchors;
/// the longest chain of anchors in the same order on both sides is kept (longest increasing
/// subsequence); between two anchors the search repeats with shorter n-grams unique to that gap,
/// and gaps small enough are aligned word by word by dynamic programming (edit costs below).
///
/// Costs of the word-level alignment, in hundredths: a word only on one side costs 100; equal
/// keys 0; similar keys (character edit distance at most half the longer key) twice their
/// normalised distance; an OCR word divided at its page's end (`bi-`) that begins the known word
/// 20; two dissimilar words side by side 190, just under two unpaired words, so that garbled
/// words pair up by position ("weak" pairs, used for page placement but not counted as found);
/// 195 when one word stands alone on its line and the other does not, so that a lone line the
/// OCR misread (a page number, a signature mark) pairs with a lone line of the OCR. Different
/// keys that both have a digit are never similar (`15` is not `5`, `7000` not `700`).
struct AnchoredAligner {
    /// How one word of the known text was paired.
    enum Pairing: Equatable {
        /// With OCR word `index`, as the same word (exactly or through OCR errors).
        case strong(Int)
        /// With OCR word `index` by position only.
        case weak(Int)

        var ocrIndex: Int {
            switch self {
            case .strong(let index), .weak(let index): index
            }
        }

        /// The same pairing with the OCR index mapped (from a filtered OCR sequence back to all words).
        func mapped(_ transform: (Int) -> Int) -> Pairing {
            switch self {
            case .strong(let index): .strong(transform(index))
            case .weak(let index): .weak(transform(index))
            }
        }

        var isStrong: Bool { if case .strong = self { true } else { false } }
    }

    /// Largest gap (cells) aligned word by word; bigger gaps without anchors stay unpaired.
    static let maximumCells = 4_000_000

    private let known: [Int32]
    private let ocr: [Int32]
    private let knownScalars: [[Unicode.Scalar]]
    private let ocrScalars: [[Unicode.Scalar]]
    private let dividedAtPageEnd: [Bool]

    private let knownAlone: [Bool]
    private let ocrAlone: [Bool]

    /// `knownAlone`/`ocrAlone`: the word is the only one on its line.
    init(known: [String], ocr: [String], dividedAtPageEnd: [Bool], knownAlone: [Bool], ocrAlone: [Bool]) {
        self.knownAlone = knownAlone
        self.ocrAlone = ocrAlone
        var ids: [String: Int32] = [:]
        func id(_ key: String) -> Int32 {
            if let existing = ids[key] { return existing }
            let new = Int32(ids.count)
            ids[key] = new
            return new
        }
        self.known = known.map(id)
        self.ocr = ocr.map(id)
        knownScalars = known.map { Array($0.unicodeScalars) }
        ocrScalars = ocr.map { Array($0.unicodeScalars) }
        self.dividedAtPageEnd = dividedAtPageEnd
    }

    /// The pairing of each known word, or nil for words the OCR does not have.
    func align() -> [Pairing?] {
        var pairs = [Pairing?](repeating: nil, count: known.count)
        var work: [(known: Range<Int>, ocr: Range<Int>, gram: Int)] = [(0..<known.count, 0..<ocr.count, 3)]
        while let (k, o, gram) = work.popLast() {
            guard !k.isEmpty, !o.isEmpty else { continue }
            if k.count * o.count <= 40_000 {
                edge(k, o, into: &pairs)
                continue
            }
            let chain = anchors(k, o, gram: gram)
            if chain.isEmpty {
                if gram > 1 {
                    work.append((k, o, gram - 1))
                } else if k.count * o.count <= Self.maximumCells {
                    edge(k, o, into: &pairs)
                }
                continue
            }
            var kStart = k.lowerBound, oStart = o.lowerBound
            for (kAnchor, oAnchor) in chain {
                for step in 0..<gram { pairs[kAnchor + step] = .strong(oAnchor + step) }
                work.append((kStart..<kAnchor, oStart..<oAnchor, gram))
                kStart = kAnchor + gram
                oStart = oAnchor + gram
            }
            work.append((kStart..<k.upperBound, oStart..<o.upperBound, gram))
        }
        return pairs
    }

    /// Anchors in a gap: n-grams of `gram` words unique on both sides, longest common order,
    /// non-overlapping.
    private func anchors(_ k: Range<Int>, _ o: Range<Int>, gram: Int) -> [(Int, Int)] {
        guard k.count >= gram, o.count >= gram else { return [] }
        func hash(_ sequence: [Int32], _ start: Int) -> UInt64 {
            var value: UInt64 = 1469598103934665603
            for index in start..<(start + gram) { value = (value ^ UInt64(UInt32(bitPattern: sequence[index]))) &* 1099511628211 }
            return value
        }
        // position, or -1 when the n-gram occurs more than once
        var knownGrams: [UInt64: Int] = [:]
        knownGrams.reserveCapacity(k.count)
        for start in k.lowerBound...(k.upperBound - gram) {
            let h = hash(known, start)
            knownGrams[h] = knownGrams[h] == nil ? start : -1
        }
        var ocrGrams: [UInt64: Int] = [:]
        ocrGrams.reserveCapacity(o.count)
        for start in o.lowerBound...(o.upperBound - gram) {
            let h = hash(ocr, start)
            guard knownGrams[h] != nil else { continue }
            ocrGrams[h] = ocrGrams[h] == nil ? start : -1
        }
        var candidates: [(Int, Int)] = []
        for (h, oPosition) in ocrGrams where oPosition >= 0 {
            if let kPosition = knownGrams[h], kPosition >= 0, known[kPosition..<(kPosition + gram)] == ocr[oPosition..<(oPosition + gram)] {
                candidates.append((kPosition, oPosition))
            }
        }
        candidates.sort { $0.0 < $1.0 }
        return Self.longestIncreasing(candidates, gram: gram)
    }

    /// The longest chain of candidates increasing on both sides and at least `gram` apart.
    static func longestIncreasing(_ candidates: [(Int, Int)], gram: Int) -> [(Int, Int)] {
        // Patience sorting on the OCR position (candidates are sorted by known position, all distinct).
        var tails: [Int] = []  // index into candidates of the smallest tail of each length
        var previous = [Int](repeating: -1, count: candidates.count)
        for (index, candidate) in candidates.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[tails[mid]].1 < candidate.1 { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            chain.append(candidates[cursor])
            cursor = previous[cursor]
        }
        chain.reverse()
        // Keep anchors that do not overlap the one kept before.
        var kept: [(Int, Int)] = []
        for anchor in chain {
            if let last = kept.last, anchor.0 < last.0 + gram || anchor.1 < last.1 + gram { continue }
            kept.append(anchor)
        }
        return kept
    }

    /// Aligns a gap, minding the text's two ends: before the first anchor the OCR may hold pages
    /// the text lacks (a title page), after the last one pages it does not cover. There the OCR is
    /// cut to a window beside the anchor (four times the text's words, plus 2,000), and pairs are
    /// sought nearest the anchor, so that the text's first and last words do not pair with a
    /// common word pages away.
    private func edge(_ k: Range<Int>, _ o: Range<Int>, into pairs: inout [Pairing?]) {
        let window = 4 * k.count + 2000
        if k.upperBound == known.count && k.lowerBound > 0 {
            dynamic(k, o.lowerBound..<min(o.upperBound, o.lowerBound + window), nearStart: true, into: &pairs)
        } else if k.lowerBound == 0 && k.upperBound < known.count {
            dynamic(k, max(o.lowerBound, o.upperBound - window)..<o.upperBound, nearStart: false, into: &pairs)
        } else {
            dynamic(k, o, nearStart: false, into: &pairs)
        }
    }

    /// Word-level alignment of a gap by dynamic programming (Needleman–Wunsch with the costs in
    /// the type's documentation); traceback prefers pairs nearest the gap's end, or its start
    /// with `nearStart` (the sequences are then aligned from their ends).
    private func dynamic(_ k: Range<Int>, _ o: Range<Int>, nearStart: Bool, into pairs: inout [Pairing?]) {
        // Position i (1-based) of the gap's words, in the order the programme reads them.
        func kAt(_ i: Int) -> Int { nearStart ? k.upperBound - i : k.lowerBound + i - 1 }
        func oAt(_ j: Int) -> Int { nearStart ? o.upperBound - j : o.lowerBound + j - 1 }
        let rows = k.count, columns = o.count
        let width = columns + 1
        var cost = [Int32](repeating: 0, count: width)
        var move = [UInt8](repeating: 0, count: (rows + 1) * width)  // 0 diagonal strong, 1 diagonal weak, 2 up (known only), 3 left (ocr only)
        for j in 0...columns { cost[j] = Int32(j * 100); move[j] = 3 }
        for i in 1...rows {
            var diagonal = cost[0]
            cost[0] = Int32(i * 100)
            move[i * width] = 2
            let kIndex = kAt(i)
            for j in 1...columns {
                let oIndex = oAt(j)
                let (pairCost, strong) = substitution(kIndex, oIndex)
                let viaPair = diagonal + pairCost
                let viaUp = cost[j] + 100
                let viaLeft = cost[j - 1] + 100
                diagonal = cost[j]
                var best = viaPair, step: UInt8 = strong ? 0 : 1
                if viaUp < best { best = viaUp; step = 2 }
                if viaLeft < best { best = viaLeft; step = 3 }
                cost[j] = best
                move[i * width + j] = step
            }
        }
        var i = rows, j = columns
        while i > 0 || j > 0 {
            switch move[i * width + j] {
            case 0, 1:
                let index = oAt(j)
                pairs[kAt(i)] = move[i * width + j] == 0 ? .strong(index) : .weak(index)
                i -= 1; j -= 1
            case 2: i -= 1
            default: j -= 1
            }
        }
    }

    /// The cost of pairing two words, and whether they are the same word.
    private func substitution(_ kIndex: Int, _ oIndex: Int) -> (Int32, Bool) {
        if known[kIndex] == ocr[oIndex] { return (0, true) }
        let a = knownScalars[kIndex], b = ocrScalars[oIndex]
        if dividedAtPageEnd[oIndex], b.count >= 2, a.count > b.count, Array(a.prefix(b.count)) == b { return (20, true) }
        let longer = max(a.count, b.count)
        let limit = longer / 2
        let weak: Int32 = knownAlone[kIndex] == ocrAlone[oIndex] ? 190 : 195
        if abs(a.count - b.count) > limit { return (weak, false) }
        // Numbers (page numbers, prices, dates) are the same word only when equal: `15` is not `5`
        // (a word with one letter misread as a digit, `c1erk`, is compared as usual).
        if a.contains(where: \.isDigit), b.contains(where: \.isDigit) { return (weak, false) }
        guard let distance = Self.boundedDistance(a, b, limit: limit) else { return (weak, false) }
        return (Int32(200 * distance / max(longer, 1)), true)
    }

    /// Levenshtein distance when at most `limit`, else nil.
    static func boundedDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let value = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

private extension Unicode.Scalar {
    /// An ASCII digit.
    var isDigit: Bool { ("0"..."9").contains(self) }
}
