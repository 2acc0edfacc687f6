/// Tolerant text comparison for structural evaluation: OCR misreads a letter or two of a running
/// head or a footnote, and that must not count as the zone being lost.
enum FuzzyText {
    /// The share of a needle's characters that may differ from where it is found (as the shared
    /// structure check's 70% longest match).
    static let tolerance = 0.3

    private static let normalizer = EvaluationNormalizer()

    /// Lower-case words of letters and digits (after the evaluation normalisation, so long s,
    /// look-alikes and line-end hyphens are folded); punctuation separates words.
    static func words(_ text: String) -> [String] {
        let normal = normalizer.normalize(text).lowercased()
        var out: [String] = [], current = ""
        for character in normal {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// True when `needle`'s words occur in `haystack`'s words with at most ``tolerance`` of their
    /// characters edited (a needle of one short word must occur exactly, as a whole word).
    static func occurs(_ needle: [String], in haystack: [String]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard !haystack.isEmpty else { return false }
        let need = Array(needle.joined(separator: " ")), hay = Array(" " + haystack.joined(separator: " ") + " ")
        if needle.count == 1, need.count <= 3 { return haystack.contains(needle[0]) }
        let allowed = Int(Double(need.count) * tolerance)
        return substringDistance(need, in: hay) <= allowed
    }

    /// The fewest edits that turn `needle` into some substring of `haystack` (Sellers' algorithm).
    static func substringDistance(_ needle: [Character], in haystack: [Character]) -> Int {
        var previous = Array(0...needle.count)
        var best = previous[needle.count]
        var current = previous
        for hayCharacter in haystack {
            current[0] = 0
            for (i, needCharacter) in needle.enumerated() {
                current[i + 1] = min(previous[i] + (needCharacter == hayCharacter ? 0 : 1), previous[i + 1] + 1, current[i] + 1)
            }
            best = min(best, current[needle.count])
            swap(&previous, &current)
        }
        return best
    }

    /// True when `word` is one of `vocabulary` or, for words of four letters or more, one edit
    /// away from one of them.
    static func near(_ word: String, in vocabulary: Set<String>) -> Bool {
        if vocabulary.contains(word) { return true }
        guard word.count >= 4 else { return false }
        let characters = Array(word)
        return vocabulary.contains { candidate in
            abs(candidate.count - characters.count) <= 1 && EditDistance.distance(Array(candidate), characters) <= 1
        }
    }

    /// True when two words are equal or, from five letters, within one edit per eight letters.
    static func similar(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let longer = max(a.count, b.count)
        guard longer >= 5, abs(a.count - b.count) <= longer / 8 + 1 else { return false }
        return EditDistance.distance(Array(a), Array(b)) <= max(1, longer / 8)
    }

    /// The longest common subsequence of two word lists, as index pairs in increasing order.
    static func alignment(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        let width = b.count + 1
        var table = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j] ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var pairs: [(Int, Int)] = [], i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
