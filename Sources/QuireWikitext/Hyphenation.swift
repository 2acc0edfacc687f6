import Foundation

/// A word list for deciding line-end hyphens: Tesseract's dictionary for the document's
/// language (`dawg2wordlist LANG.lstm-unicharset LANG.lstm-word-dawg`), a spelling dictionary, or
/// any list of known words. Lookups ignore case.
///
/// The words are kept as one sorted buffer of their keys (lower case, NFC), one per line, searched
/// by bisection: a 180,000-word list loads from ``sortedKeys`` in a few milliseconds, where a
/// `Set<String>` took a fifth of a 500-page e-book export to build.
public struct Lexicon: Hashable, Sendable {
    private let keys: [UInt8]
    /// Where each key starts in `keys`; the key runs to the next newline.
    private let starts: [Int32]

    /// A lexicon of `words` (case is ignored).
    public init(words: some Sequence<String>) {
        let sorted = Set(words.lazy.map(Self.key).filter { !$0.isEmpty && !$0.utf8.contains(Self.newline) })
            .map { Array($0.utf8) }
            .sorted { $0.lexicographicallyPrecedes($1) }
        var keys: [UInt8] = []
        var starts: [Int32] = []
        starts.reserveCapacity(sorted.count)
        for key in sorted {
            starts.append(Int32(keys.count))
            keys += key
            keys.append(Self.newline)
        }
        self.keys = keys
        self.starts = starts
    }

    /// A lexicon from a word-list file's text: one word per line, blank lines and surrounding
    /// spaces ignored.
    public init(wordList: String) {
        self.init(words: wordList.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// A lexicon from ``sortedKeys`` as an earlier lexicon wrote them (a cache); nil when the
    /// bytes are not keys in strictly increasing order, one per line.
    public init?(sortedKeys: [UInt8]) {
        guard sortedKeys.isEmpty || sortedKeys.last == Self.newline, sortedKeys.count < Int(Int32.max) else { return nil }
        var starts: [Int32] = []
        var start = 0
        var previous: Range<Int>?
        for (index, byte) in sortedKeys.enumerated() where byte == Self.newline {
            let range = start..<index
            guard !range.isEmpty else { return nil }
            if let previous, !sortedKeys[previous].lexicographicallyPrecedes(sortedKeys[range]) { return nil }
            starts.append(Int32(start))
            previous = range
            start = index + 1
        }
        self.keys = sortedKeys
        self.starts = starts
    }

    /// The keys in increasing byte order, one per line: what ``init(sortedKeys:)`` reads back.
    public var sortedKeys: [UInt8] { keys }

    /// How many words it holds.
    public var count: Int { starts.count }

    /// Whether the word is known, ignoring case.
    public func contains(_ word: String) -> Bool {
        var probe = Self.key(word)
        return probe.withUTF8 { probe in
            keys.withUnsafeBufferPointer { keys in
                var low = 0
                var high = starts.count
                while low < high {
                    let middle = (low + high) / 2
                    let start = Int(starts[middle])
                    var end = start
                    while keys[end] != Self.newline { end += 1 }
                    let candidate = UnsafeBufferPointer(rebasing: keys[start..<end])
                    if candidate.elementsEqual(probe) { return true }
                    if candidate.lexicographicallyPrecedes(probe) { low = middle + 1 } else { high = middle }
                }
                return false
            }
        }
    }

    private static let newline = UInt8(ascii: "\n")

    static func key(_ word: String) -> String {
        // Text with no scalar from U+0300 on (where combining marks start) is already in NFC:
        // skip Foundation's normalisation, which dominated loading a 180,000-word list.
        if word.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return word.lowercased() }
        return word.precomposedStringWithCanonicalMapping.lowercased()
    }
}

/// How sure a line-end mark is to be a hyphen of division.
enum HyphenMark: Hashable, Sendable {
    /// Certainly division (`¬`, a soft hyphen, ALTO `HYP`): the halves are joined.
    case certain
    /// Division or the word's own hyphen (`-`, `⸗`, `=`): ``HyphenationResolver`` decides.
    case ordinary
    /// Perhaps no hyphen at all (a dash read as a word of its own, a `:` or `»` that OCR made of
    /// a `⸗`): joined only where the document or the word list knows the joined word.
    case doubtful
}

/// What to do with a hyphen at the end of a line (or of a page).
public enum HyphenDecision: Hashable, Sendable {
    /// A hyphen of syllable division: remove it and join the halves (`bi-` + `bliotecaria`).
    case join
    /// A hyphen of the word itself: keep it and join without a space (`franco-` + `chilena`).
    case keep
}

/// The rule for line-end hyphens, applied inside a page and across page breaks alike.
///
/// With `left` the part before the hyphen (after its last inner hyphen, so `teórico-prác-` is
/// judged on `prác`) and `right` the first word of the next line, in this order:
///
/// 1. a hyphen the source marked as hyphenation (ALTO `HYP`, `¬`, a soft hyphen) joins;
/// 2. a digit beside the hyphen keeps it (`1914-` `1918`);
/// 3. the document decides where it can: the hyphenated form written elsewhere in the document
///    keeps it, the joined form written elsewhere joins (the more frequent wins, a tie joins);
/// 4. an upper-case `right` after a `left` that is not all upper case keeps it (`anglo-Saxon`,
///    `Ost-Berlin`): syllable division never capitalises the second half;
/// 5. with a word list: the joined form known joins; otherwise both halves known keeps
///    (`franco` and `chilena` are words, `francochilena` is not), except in a language that
///    writes its compounds solid (German, Dutch, the Nordic languages…), where a compound of two
///    known words (`herz-` `krank`) is divided like any word and joins; otherwise join;
/// 6. otherwise join, since in running text syllable division is far more common than a
///    compound broken at its hyphen.
///
/// Hyphens inside a line (`teórico-práctico`) are never touched.
public struct HyphenationResolver: Sendable {
    private let lexicon: Lexicon?
    private let documentWords: [String: Int]
    private let solidCompounds: Bool

    /// Languages (ISO 639-1) that write compounds as one word, so that two known halves at a
    /// line end are no sign of a hyphenated compound.
    public static let solidCompoundLanguages: Set<String> = ["de", "nl", "da", "sv", "nb", "nn", "no", "is", "fi", "et", "hu"]

    /// A resolver with an optional word list and the words the document writes inside lines
    /// (lower-cased; hyphenated compounds with their hyphen); `solidCompounds` when the
    /// document's language writes compounds solid (see ``solidCompoundLanguages``).
    public init(lexicon: Lexicon?, documentWords: [String: Int] = [:], solidCompounds: Bool = false) {
        self.lexicon = lexicon
        self.documentWords = documentWords
        self.solidCompounds = solidCompounds
    }

    /// The decision for `left` + hyphen + `right`; `marked` when the source marked the hyphen as
    /// hyphenation. `left` and `right` are the word cores, without the hyphen and punctuation.
    public func decide(left: String, right: String, marked: Bool = false) -> HyphenDecision {
        if marked { return .join }
        let lastPart = left.split(separator: "-").last.map(String.init) ?? left
        guard let leftEdge = lastPart.last, let rightEdge = right.first else { return .join }
        if leftEdge.isNumber || rightEdge.isNumber { return .keep }
        let joinedKey = Lexicon.key(left + right)
        let hyphenatedKey = Lexicon.key(left + "-" + right)
        let joinedCount = documentWords[joinedKey] ?? 0
        let hyphenatedCount = documentWords[hyphenatedKey] ?? 0
        if joinedCount > 0 || hyphenatedCount > 0 { return hyphenatedCount > joinedCount ? .keep : .join }
        if rightEdge.isUppercase && lastPart != lastPart.uppercased() { return .keep }
        if let lexicon {
            if lexicon.contains(lastPart + right) { return .join }
            if !solidCompounds && lexicon.contains(lastPart) && lexicon.contains(right) { return .keep }
        }
        return .join
    }

    /// The decision for a line-end mark of the given sureness: a certain mark joins, an ordinary
    /// one is decided by ``decide(left:right:marked:)``, a doubtful one by
    /// ``joinIfKnown(left:right:)`` (nil: not a split word).
    func decide(left: String, right: String, mark: HyphenMark) -> HyphenDecision? {
        switch mark {
        case .certain: .join
        case .ordinary: decide(left: left, right: right)
        case .doubtful: joinIfKnown(left: left, right: right)
        }
    }

    /// The decision for a doubtful mark (``HyphenMark/doubtful``): `.join` when the joined word is
    /// written elsewhere in the document more often than the hyphenated one, or is a word of six
    /// letters or more in the word list; nil (leave both words as they are) otherwise.
    public func joinIfKnown(left: String, right: String) -> HyphenDecision? {
        guard let leftEdge = left.last, let rightEdge = right.first, leftEdge.isLetter, rightEdge.isLowercase else { return nil }
        let joinedCount = documentWords[Lexicon.key(left + right)] ?? 0
        let hyphenatedCount = documentWords[Lexicon.key(left + "-" + right)] ?? 0
        if joinedCount > hyphenatedCount { return .join }
        if let lexicon, (left + right).count >= 6, lexicon.contains(left + right) { return .join }
        return nil
    }

    /// The word that `left` (ending a line with no hyphen left, or with one OCR read as another
    /// character: `Kine`, `anwend,`, `dachr`) and `right` (starting the next line lower case)
    /// make, when OCR lost or misread a division hyphen: `left` or `right` is no word the word
    /// list knows (a fragment), `left` is not written elsewhere in the document, and `left` +
    /// `right`, or `left` less its last letter + `right`, is a known word of six letters or
    /// more. Nil otherwise, and always without a word list.
    public func misreadJoin(left: String, right: String, trailingMark: Bool) -> String? {
        guard let lexicon, let rightEdge = right.first, rightEdge.isLowercase, left.count >= 2,
              left.allSatisfy(\.isLetter), right.allSatisfy(\.isLetter),
              !lexicon.contains(left) || !lexicon.contains(right), (documentWords[Lexicon.key(left)] ?? 0) <= 1 else { return nil }
        var candidates = [left + right]
        if !trailingMark { candidates.append(String(left.dropLast()) + right) }
        return candidates.first { $0.count >= 6 && lexicon.contains($0) }
    }

    /// Counts the words written inside lines of `lines` (each line a list of word texts; a final
    /// hyphenated word and the word after it are left out, being the cases in question).
    static func documentWords(lines: [[String]]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var previousEndedWithHyphen = false
        for line in lines {
            for (index, word) in line.enumerated() {
                let isLast = index == line.count - 1
                if (isLast && WordParts.endsWithHyphen(word)) || (index == 0 && previousEndedWithHyphen) { continue }
                let core = WordParts(word).core
                if !core.isEmpty { counts[Lexicon.key(core), default: 0] += 1 }
            }
            previousEndedWithHyphen = line.last.map(WordParts.endsWithHyphen) ?? false
        }
        return counts
    }
}

/// A word's text cut into leading punctuation, the core (first to last letter or digit, inner
/// hyphens and apostrophes included) and trailing punctuation: `«¿bi-` → `«¿`, `bi`, `-`.
struct WordParts: Hashable, Sendable {
    let prefix: String
    let core: String
    let suffix: String

    /// Characters that end a line as a hyphen of division, and how sure each is: the not sign (a
    /// Fraktur print's division mark) and the soft hyphen are never part of a word; hyphen-minus,
    /// the Unicode hyphens, the double oblique hyphen `⸗` of Fraktur, and `=` and `~`, which OCR
    /// makes of a Fraktur double hyphen or a typewriter's hyphen, may be the word's own.
    static let hyphens: [Character: HyphenMark] = [
        "-": .ordinary, "\u{2010}": .ordinary, "\u{2011}": .ordinary, "⸗": .ordinary, "=": .ordinary, "~": .ordinary,
        "¬": .certain, "\u{00AD}": .certain,
    ]
    /// Marks that OCR makes of a Fraktur `⸗` at a line end but that are also punctuation: a line
    /// ending in one is joined to the next only where the joined word is known.
    static let doubtfulHyphens: Set<Character> = [":", "»", "«"]
    /// How a hyphen is written when the hyphen is kept: OCR's stand-ins become a hyphen-minus.
    static func printed(_ mark: Character) -> String { mark == "=" || mark == "~" ? "-" : String(mark) }

    init(_ text: String) {
        if let ascii = Self.asciiParts(text) {
            (prefix, core, suffix) = ascii
            return
        }
        let chars = Array(text)
        let isWordChar: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        guard let first = chars.firstIndex(where: isWordChar), let last = chars.lastIndex(where: isWordChar) else {
            prefix = text
            core = ""
            suffix = ""
            return
        }
        prefix = String(chars[..<first])
        core = String(chars[first...last])
        suffix = String(chars[(last + 1)...])
    }

    /// The parts of an ASCII word, cut on its bytes (where a letter or digit is `A-Z`, `a-z`,
    /// `0-9`, as `Character` says): most words of a page, without breaking the text into
    /// graphemes. Nil for any other text.
    private static func asciiParts(_ text: String) -> (prefix: String, core: String, suffix: String)? {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let isWordByte: (UInt8) -> Bool = { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
        }
        guard let first = utf8.firstIndex(where: isWordByte), let last = utf8.lastIndex(where: isWordByte) else { return (text, "", "") }
        let end = utf8.index(after: last)
        return (String(text[..<first]), String(text[first..<end]), String(text[end...]))
    }

    /// True when the word ends with a division hyphen after a letter or digit (`bi-`, `franco-`,
    /// `1914-`), not when it is a lone dash.
    static func endsWithHyphen(_ text: String) -> Bool {
        guard let last = text.last, hyphens[last] != nil else { return false }
        guard let before = text.dropLast().last else { return false }
        return before.isLetter || before.isNumber
    }
}
