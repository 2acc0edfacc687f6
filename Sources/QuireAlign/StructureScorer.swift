/// Scores the structure of a document's `Page:` pages against its ground truth, page by page:
/// furniture in the right field, paragraph breaks, line-end hyphens, words divided across
/// pages, footnotes, noise and the body's text. Pure: the caller reads the ground truth
/// (``StructureTruth``) and renders the pages' fields to plain text (``StructureHypothesis``).
///
/// Matching is tolerant where OCR errs: a zone or a footnote is found where its words occur with
/// at most 30% of their characters edited; paragraph breaks are placed through the longest
/// common subsequence of the two bodies' words.
public enum StructureScorer {
    /// Characters that end a line as a hyphen.
    static let hyphenMarks: Set<Character> = ["-", "¬", "⸗", "\u{00AD}", "‐"]
    /// Marks that only ever divide a word (a `-` may also be a compound's own hyphen).
    static let divisionMarks: Set<Character> = ["¬", "⸗", "\u{00AD}"]
    /// How many words at each end of the body are searched for furniture left in it.
    static let furnitureWindow = 15

    /// One count record per page (`hypotheses[i]` nil: the page gave no `Page:` page).
    public static func score(truth: [StructureTruth], hypotheses: [StructureHypothesis?]) -> [StructureCounts] {
        let compounds = Set(truth.flatMap { page in page.allLines.flatMap(compoundsWrittenInLine) })
        var counts = truth.indices.map { index in
            page(truth[index], index < hypotheses.count ? hypotheses[index] : nil, compounds: compounds)
        }
        // Words divided across a page break.
        for index in truth.indices.dropLast() {
            guard let last = truth[index].blocks.last?.last, let first = truth[index + 1].blocks.first?.first,
                  let division = division(last, first, compounds: compounds), division.joins else { continue }
            counts[index].crossPageExpected += 1
            let before = index < hypotheses.count ? hypotheses[index]?.endsWithDividedWord : nil
            let after = index + 1 < hypotheses.count ? hypotheses[index + 1]?.startsWithDividedWord : nil
            if let before, let after, FuzzyText.similar(fold(before.whole), division.joined), FuzzyText.similar(fold(after.whole), division.joined) {
                counts[index].crossPageRight += 1
            }
        }
        return counts
    }

    /// The counts of one page.
    static func page(_ truth: StructureTruth, _ hypothesis: StructureHypothesis?, compounds: Set<String>) -> StructureCounts {
        var counts = StructureCounts()
        counts.pages = 1
        let hypothesis = hypothesis ?? StructureHypothesis(body: "")
        let header = FuzzyText.words(hypothesis.header), footer = FuzzyText.words(hypothesis.footer)
        let body = FuzzyText.words(hypothesis.body)
        scoreZones(truth.zones, header: header, footer: footer, body: body, into: &counts)
        for line in truth.blocks.joined() {
            let words = FuzzyText.words(line.text)
            if words.count >= 3, FuzzyText.occurs(words, in: header + footer), !FuzzyText.occurs(words, in: body) { counts.bodyLinesInFurniture += 1 }
        }
        let paragraphs = hypothesis.paragraphs
        scoreBreaks(truth.blocks, paragraphs, into: &counts)
        scoreDivisions(truth.blocks, body: hypothesis.body, compounds: compounds, into: &counts)
        scoreFootnotes(truth.footnotes, notes: hypothesis.notes, body: body, into: &counts)
        counts.noiseParagraphs = noise(paragraphs, truth: truth).count
        let truthBody = truth.blocks.map { $0.map(\.text).joined(separator: "\n") }.joined(separator: "\n\n")
        counts.body = EvaluationNormalizer().score(reference: truthBody, hypothesis: hypothesis.body)
        var expected: [String: Int] = [:], found: [String: Int] = [:]
        for word in FuzzyText.words(truthBody) { expected[word, default: 0] += 1 }
        for word in body { found[word, default: 0] += 1 }
        counts.bodyWords = expected.values.reduce(0, +)
        counts.bodyWordsFound = expected.reduce(0) { $0 + min($1.value, found[$1.key] ?? 0) }
        return counts
    }

    // MARK: Furniture

    static func scoreZones(_ zones: [StructureTruth.Zone], header: [String], footer: [String], body: [String], into counts: inout StructureCounts) {
        for zone in zones {
            let words = FuzzyText.words(zone.text)
            guard !words.isEmpty else { continue }
            let (own, other) = zone.field == .footer ? (footer, header) : (header, footer)
            let window = max(furnitureWindow, words.count + 5)
            let ends = Array(body.prefix(window)) + ["\u{1}"] + Array(body.suffix(window))
            var tally = counts[zone.kind]
            tally.expected += 1
            if FuzzyText.occurs(words, in: own) {
                tally.right += 1
            } else if FuzzyText.occurs(words, in: other) {
                tally.otherField += 1
            } else if FuzzyText.occurs(words, in: ends) {
                tally.inBody += 1
            } else {
                tally.missing += 1
            }
            counts[zone.kind] = tally
        }
    }

    // MARK: Paragraph breaks

    static func scoreBreaks(_ blocks: [[StructureTruth.Line]], _ paragraphs: [String], into counts: inout StructureCounts) {
        let truthBlocks = blocks.map { FuzzyText.words($0.map(\.text).joined(separator: "\n")) }.filter { !$0.isEmpty }
        let hypothesisBlocks = paragraphs.map(FuzzyText.words).filter { !$0.isEmpty }
        let truthStarts = starts(of: truthBlocks), hypothesisStarts = starts(of: hypothesisBlocks)
        counts.breaksExpected += truthStarts.count
        counts.breaksFound += hypothesisStarts.count
        let pairs = FuzzyText.alignment(truthBlocks.flatMap { $0 }, hypothesisBlocks.flatMap { $0 })
        var unused = Set(hypothesisStarts)
        for start in truthStarts {
            // The hypothesis break must fall after the last word paired before the truth's break
            // and no later than the first word paired after it.
            let low = (pairs.last { $0.0 < start }?.1 ?? -1) + 1
            let high = pairs.first { $0.0 >= start }?.1 ?? Int.max
            if let hit = unused.filter({ $0 >= low && $0 <= high }).min() {
                unused.remove(hit)
                counts.breaksRight += 1
            }
        }
        for (previous, next) in zip(paragraphs, paragraphs.dropFirst()) {
            guard let end = previous.last, hyphenMarks.contains(end),
                  previous.dropLast().last?.isLetter == true,
                  let first = next.first(where: { !$0.isWhitespace }), first.isLowercase else { continue }
            counts.breaksInsideWord += 1
        }
    }

    /// The word index where each block after the first starts.
    private static func starts(of blocks: [[String]]) -> [Int] {
        var out: [Int] = [], offset = 0
        for block in blocks {
            if offset > 0 { out.append(offset) }
            offset += block.count
        }
        return out
    }

    // MARK: Line-end hyphens

    /// A word divided at a line end: its halves, the joined word, whether it should be joined.
    struct Division {
        var first: String
        var second: String
        var joins: Bool
        var joined: String { first + second }
        var compound: String { first + "-" + second }
    }

    /// The division at the end of `line` when `next` goes on with a lower-case letter.
    static func division(_ line: StructureTruth.Line, _ next: StructureTruth.Line, compounds: Set<String>) -> Division? {
        var last = Substring(line.text.split(whereSeparator: \.isWhitespace).last ?? "")
        var mark: Character?
        if let end = last.last, hyphenMarks.contains(end) {
            mark = end
            last = last.dropLast()
        } else if !line.markedHyphen {
            return nil
        }
        let first = fold(String(last.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).last ?? ""))
        guard first.last?.isLetter == true, last.last?.isLetter == true else { return nil }
        let head = next.text.drop { $0.isWhitespace || (!$0.isLetter && !$0.isNumber && $0 != "-") }
        guard let initial = head.first, initial.isLowercase else { return nil }
        let second = fold(String(head.prefix { $0.isLetter || $0.isNumber }))
        guard !second.isEmpty else { return nil }
        let marked = line.markedHyphen || mark.map(divisionMarks.contains) == true
        return Division(first: first, second: second, joins: marked || !compounds.contains(first + "-" + second))
    }

    static func scoreDivisions(_ blocks: [[StructureTruth.Line]], body: String, compounds: Set<String>, into counts: inout StructureCounts) {
        let lines = blocks.flatMap { $0 }
        guard lines.count > 1 else { return }
        let tokens = hyphenTokens(body), printed = hyphenTokens(lines.map(\.text).joined(separator: " "))
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard let division = division(line, next, compounds: compounds) else { continue }
            // A form counts when the body has it more often than the page prints it inside lines
            // (a hyphen at a line end, with the second half on the next line, is not inside one).
            // The two forms differ by one character, so each is matched by its own shape: the
            // divided form has a hyphen (within the word, or at its end before the second half).
            func dividedCount(_ list: [String], acrossSpaces: Bool) -> Int {
                let whole = list.filter { token in
                    guard let hyphen = token.firstIndex(of: "-"), hyphen != token.startIndex else { return false }
                    return FuzzyText.similar(String(token[..<hyphen]), division.first) && FuzzyText.similar(String(token[token.index(after: hyphen)...]), division.second)
                }.count
                guard acrossSpaces else { return whole }
                let atSpace = zip(list, list.dropFirst()).filter { a, b in
                    a.last == "-" && FuzzyText.similar(String(a.dropLast()), division.first) && FuzzyText.similar(b, division.second)
                }.count
                return whole + atSpace
            }
            func joinedCount(_ list: [String]) -> Int { list.filter { !$0.contains("-") && FuzzyText.similar($0, division.joined) }.count }
            let divided = dividedCount(tokens, acrossSpaces: true) > dividedCount(printed, acrossSpaces: false)
            let joined = joinedCount(tokens) > joinedCount(printed)
            if division.joins {
                counts.joinsExpected += 1
                if divided { counts.joinsMissed += 1 } else if joined { counts.joinsRight += 1 }
            } else {
                counts.keepsExpected += 1
                if divided { counts.keepsRight += 1 } else if joined { counts.keepsJoined += 1 }
            }
        }
    }

    /// Compounds written with a hyphen inside a line (`franco-chilena`), folded.
    static func compoundsWrittenInLine(_ line: String) -> [String] {
        line.split(whereSeparator: \.isWhitespace).dropLast().compactMap { raw in
            let token = fold(String(raw).trimmingPunctuation)
            return token.contains("-") && token.first?.isLetter == true && token.last?.isLetter == true ? token : nil
        }
    }

    /// What OCR makes of a line-end hyphen (typewriter `~` and `=`, dashes): a word of the body
    /// ending in one was left divided.
    static let misreadHyphens: Set<Character> = ["~", "=", "–", "—", "_"]

    /// Body words, folded, with punctuation trimmed but a word's own or final hyphen kept (a final
    /// misread hyphen as `-`).
    static func hyphenTokens(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { raw in
            var token = String(raw).trimmingPunctuation
            if let end = raw.last, hyphenMarks.contains(end) || misreadHyphens.contains(end), token.last != "-" { token += "-" }
            return fold(token)
        }.filter { !$0.isEmpty }
    }

    /// Lower case after the evaluation normalisation's character map, hyphen marks as `-`.
    static func fold(_ text: String) -> String {
        var out = ""
        for character in text.precomposedStringWithCompatibilityMapping.lowercased() {
            if hyphenMarks.contains(character) { out.append("-") } else { out += EvaluationNormalizer.characterMap[character] ?? String(character) }
        }
        return out
    }

    // MARK: Footnotes and noise

    static func scoreFootnotes(_ footnotes: [String], notes: [String], body: [String], into counts: inout StructureCounts) {
        let noteWords = FuzzyText.words(notes.joined(separator: " "))
        for footnote in footnotes {
            let words = FuzzyText.words(footnote)
            guard !words.isEmpty else { continue }
            counts.footnotesExpected += 1
            if FuzzyText.occurs(words, in: noteWords) {
                counts.footnotesRight += 1
            } else if FuzzyText.occurs(words, in: body) {
                counts.footnotesInBody += 1
            } else {
                counts.footnotesMissing += 1
            }
        }
        let truthWords = FuzzyText.words(footnotes.joined(separator: " "))
        for note in notes {
            let words = FuzzyText.words(note)
            if !words.isEmpty, !FuzzyText.occurs(words, in: truthWords) { counts.refsSpurious += 1 }
        }
    }

    /// The body paragraphs of `hypothesis` counted as noise against `truth` (for reports).
    public static func noiseParagraphs(truth: StructureTruth, hypothesis: StructureHypothesis) -> [String] {
        noise(hypothesis.paragraphs, truth: truth)
    }

    /// The body paragraphs that are not text of the page: marks of one or two characters that
    /// are no line and no word of the page, or paragraphs most of whose words the page does not have and
    /// that do not match its text with at most half of their characters edited.
    /// Furniture left in the body is counted as such, not as noise.
    static func noise(_ paragraphs: [String], truth: StructureTruth) -> [String] {
        let vocabulary = Set(truth.allLines.flatMap(FuzzyText.words))
        let lines = Set(truth.allLines.map { FuzzyText.words($0).joined(separator: " ") })
        let rawLines = Set(truth.allLines.map(\.trimmingWhitespace))
        let zones = truth.zones.map { FuzzyText.words($0.text) }.filter { !$0.isEmpty }
        let pageText = Array(" " + truth.allLines.flatMap(FuzzyText.words).joined(separator: " ") + " ")
        return paragraphs.filter { paragraph in
            let words = FuzzyText.words(paragraph)
            if words.isEmpty { return !rawLines.contains(paragraph.trimmingWhitespace) }
            if zones.contains(where: { FuzzyText.occurs($0, in: words) }) { return false }
            if words.joined().count <= 2 { return !lines.contains(words.joined(separator: " ")) && !words.allSatisfy(vocabulary.contains) }
            guard words.filter({ FuzzyText.near($0, in: vocabulary) }).count * 2 < words.count else { return false }
            // Badly read text of the page is not noise: it still matches the page's text with
            // at most half of its characters edited.
            let text = Array(words.joined(separator: " "))
            return FuzzyText.substringDistance(text, in: pageText) * 2 > text.count
        }
    }
}

extension String {
    /// Without leading and trailing characters that are neither letters nor digits.
    var trimmingPunctuation: String {
        var slice = Substring(self)
        while let first = slice.first, !first.isLetter, !first.isNumber { slice = slice.dropFirst() }
        while let last = slice.last, !last.isLetter, !last.isNumber { slice = slice.dropLast() }
        return String(slice)
    }
}
