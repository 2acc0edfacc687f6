/// Levenshtein distance over any sequences of equatable elements (characters for CER, words for
/// WER), in O(n·m) time and O(min(n, m)) memory.
public enum EditDistance {
    /// The number of insertions, deletions and substitutions turning `source` into `target`.
    public static func distance<Element: Equatable>(_ source: [Element], _ target: [Element]) -> Int {
        let (short, long) = source.count <= target.count ? (source, target) : (target, source)
        guard !short.isEmpty else { return long.count }
        var previous = Array(0...short.count)
        var current = [Int](repeating: 0, count: short.count + 1)
        for (i, longElement) in long.enumerated() {
            current[0] = i + 1
            for (j, shortElement) in short.enumerated() {
                let substitution = previous[j] + (longElement == shortElement ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[short.count]
    }

    /// Character error rate of `hypothesis` against `reference`: distance ÷ reference length
    /// (1 when the reference is empty and the hypothesis is not, 0 when both are empty).
    public static func characterErrorRate(reference: String, hypothesis: String) -> Double {
        rate(Array(reference), Array(hypothesis))
    }

    /// Word error rate: the same over space-separated words.
    public static func wordErrorRate(reference: String, hypothesis: String) -> Double {
        rate(reference.split(separator: " ").map(String.init), hypothesis.split(separator: " ").map(String.init))
    }

    private static func rate<Element: Equatable>(_ reference: [Element], _ hypothesis: [Element]) -> Double {
        guard !reference.isEmpty else { return hypothesis.isEmpty ? 0 : 1 }
        return Double(distance(reference, hypothesis)) / Double(reference.count)
    }
}
