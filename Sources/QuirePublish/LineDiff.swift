/// A line diff of two texts, for `--dry-run`: lines only in the old text start with `-`, lines
/// only in the new one with `+`, and unchanged lines next to a change with a space (one line of
/// context). Longest common subsequence; texts over ``maximumLines`` get a one-line summary.
public enum LineDiff {
    /// Above this many lines on either side the diff is summarised.
    public static let maximumLines = 3000

    /// The diff of `old` to `new`; empty when they are equal.
    public static func render(old: String, new: String) -> String {
        if old == new { return "" }
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count <= maximumLines, b.count <= maximumLines else {
            return "~ the texts differ (\(a.count) lines on the wiki, \(b.count) lines new)\n"
        }
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((" ", a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                lines.append(("-", a[i])); i += 1
            } else {
                lines.append(("+", b[j])); j += 1
            }
        }
        var output = ""
        for (index, line) in lines.enumerated() {
            let nearChange = line.mark != " "
                || (index > 0 && lines[index - 1].mark != " ") || (index + 1 < lines.count && lines[index + 1].mark != " ")
            if nearChange { output += "\(line.mark)\(line.text)\n" }
        }
        return output
    }
}
