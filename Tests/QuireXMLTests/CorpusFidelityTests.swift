import Foundation
import QuireCore
import QuireTestSupport
import QuireXML
import Testing

/// Importing the ALTO / PAGE ground truth of every shared corpus set and rendering plain text
/// reproduces the set's `.gt.txt` (one line per text line, a blank line between blocks) within
/// 0.5% CER, after the set's documented normalisation (``CorpusSet/normalisation``).
@Suite("Corpus fidelity")
struct CorpusFidelityTests {
    /// One shared corpus set and the normalisation its PROVENANCE.md asks for before scoring.
    struct CorpusSet: CustomTestStringConvertible, Sendable {
        var folder: String
        /// Replacements applied to both sides, in order (after NFC).
        var normalisation: [(from: String, to: String)]
        /// Whitespace-separated tokens dropped on both sides (editorial markers).
        var droppedTokens: Set<String> = []
        var testDescription: String { folder }
    }

    /// Every mark below is applied to both sides. Quire renders a line-end hyphenation mark as
    /// `-` (``PageText/plainText``), so sets that write it `¬` map `¬` to `-`.
    static let sets: [CorpusSet] = [
        // FoNDUE: `¬` marks end-of-line hyphenation.
        CorpusSet(folder: "es-fondue-print-19", normalisation: [("\u{00AC}", "-")]),
        CorpusSet(folder: "it-fondue-20c", normalisation: [("\u{00AC}", "-")]),
        // EHRI English: nothing special.
        CorpusSet(folder: "en-ehri-typewritten", normalisation: []),
        // EHRI German: Cyrillic look-alike umlauts in WL1375B310 → German umlauts.
        CorpusSet(folder: "de-ehri-typewritten", normalisation: [("\u{04D3}", "ä"), ("\u{04E7}", "ö"), ("\u{04D2}", "Ä")]),
        // DTA (PAGE 2019): long s and superscript-e umlauts (combining and MUFI private use).
        CorpusSet(folder: "de-ocrd-dta-print", normalisation: [
            ("ſ", "s"), ("a\u{0364}", "ä"), ("o\u{0364}", "ö"), ("u\u{0364}", "ü"),
            ("\u{E42C}", "ä"), ("\u{E644}", "ö"), ("\u{E72B}", "ü"),
        ]),
        // Tapuscorpus: `_` underline and `^` superscript prefixes; `~~~` masks handwriting.
        CorpusSet(folder: "fr-tapuscorpus-typewritten", normalisation: [("_", ""), ("^", "")], droppedTokens: ["~~~"]),
        // Stanford memorials: `^` superscript prefix, `⟦ ⟧` struck words.
        CorpusSet(folder: "en-stanford-memorials-1905", normalisation: [("^", ""), ("⟦", ""), ("⟧", "")]),
    ]

    @Test("imported ground truth reproduces .gt.txt within 0.5% CER", .enabled(if: RepositoryPaths.hasSharedCorpora, "\(RepositoryPaths.sharedMissingMessage)"), arguments: sets)
    func fidelity(set: CorpusSet) throws {
        let pairs = try Self.pairs(in: set.folder)
        try #require(!pairs.isEmpty, "no XML with a .gt.txt beside it in \(set.folder)")
        var edits = 0
        var characters = 0
        for (xml, groundTruth) in pairs {
            let page = try XMLImport.read(fileAt: xml)
            let expected = Self.normalised(try String(contentsOfFile: groundTruth, encoding: .utf8), set)
            let actual = Self.normalised(page.plainText, set)
            let distance = Self.levenshtein(Array(actual.unicodeScalars), Array(expected.unicodeScalars))
            #expect(Double(distance) <= 0.02 * Double(max(expected.unicodeScalars.count, 1)), "page \(xml): \(distance) edits")
            edits += distance
            characters += expected.unicodeScalars.count
        }
        let cer = Double(edits) / Double(max(characters, 1))
        #expect(cer <= 0.005, "\(set.folder): CER \(cer) over \(pairs.count) pages")
    }

    /// `(xml, gt.txt)` paths of a set, sorted.
    static func pairs(in folder: String) throws -> [(String, String)] {
        let root = try #require(RepositoryPaths.sharedCorpora) + "/" + folder
        let names = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
        return names.filter { $0.hasSuffix(".xml") }.compactMap { name in
            let groundTruth = root + "/" + String(name.dropLast(4)) + ".gt.txt"
            return FileManager.default.fileExists(atPath: groundTruth) ? (root + "/" + name, groundTruth) : nil
        }
    }

    /// NFC, the set's replacements, dropped tokens, spaces collapsed, runs of blank lines as one.
    static func normalised(_ text: String, _ set: CorpusSet) -> String {
        var result = text.precomposedStringWithCanonicalMapping
        for (from, to) in set.normalisation { result = result.replacingOccurrences(of: from, with: to) }
        let lines = result.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: \.isWhitespace).filter { !set.droppedTokens.contains(String($0)) }.joined(separator: " ")
        }
        var collapsed: [String] = []
        for line in lines where !(line.isEmpty && (collapsed.last?.isEmpty ?? true)) { collapsed.append(line) }
        return collapsed.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Edit distance (insertions, deletions, substitutions), two rows.
    static func levenshtein<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] : 1 + min(previous[j - 1], previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    @Test func levenshteinCountsEdits() {
        #expect(Self.levenshtein(Array("kitten"), Array("sitting")) == 3)
        #expect(Self.levenshtein(Array(""), Array("abc")) == 3)
        #expect(Self.levenshtein(Array("same"), Array("same")) == 0)
    }
}
