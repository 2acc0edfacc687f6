import QuireAlign
import QuireCore

/// Synthetic pages and texts for the splitter's tests.
enum SplitFixtures {
    /// A page of OCR from plain text: blank lines separate regions, lines are lines, spaces words.
    static func page(_ text: String) -> PageText {
        let regions = text.components(separatedBy: "\n\n").map { block in
            TextRegion(role: .paragraph, lines: block.split(separator: "\n").map { line in
                TextLine(words: line.split(separator: " ").map { Word(text: String($0), confidence: 0.9) })
            })
        }
        return PageText(width: 1000, height: 1400, regions: regions)
    }

    /// Input pages numbered from 1; nil texts are pages without OCR.
    static func input(_ texts: [String?]) -> [SplitInputPage] {
        texts.enumerated().map { SplitInputPage(number: PageNumber($0.offset + 1)!, text: $0.element.map(page)) }
    }

    /// A deterministic generator of words that read like prose.
    struct Prose {
        private var state: UInt64
        private static let syllables = ["la", "ma", "con", "tre", "dis", "por", "que", "ven", "mi", "ra", "lo", "gen", "sal", "cu", "bri", "to", "ne", "pa", "ri", "vol"]
        private static let common = ["de", "la", "el", "en", "y", "que", "a", "los", "se", "del", "las", "un", "por", "con"]

        init(seed: UInt64) { state = seed }

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        /// A word: one in three a common short word, else two to four syllables.
        mutating func word() -> String {
            if next(3) == 0 { return Self.common[next(Self.common.count)] }
            return (0..<(2 + next(3))).map { _ in Self.syllables[next(Self.syllables.count)] }.joined()
        }

        /// Lines of about `width` characters.
        mutating func lines(_ count: Int, width: Int = 60) -> [String] {
            (0..<count).map { _ in
                var line = word()
                while line.count < width { line += " " + word() }
                return line
            }
        }
    }

    /// Garbles one character in every `every`-th word (OCR noise).
    static func noisy(_ line: String, every: Int, seed: UInt64) -> String {
        var prose = Prose(seed: seed)
        return line.split(separator: " ").map { word -> String in
            guard word.count > 3, prose.next(every) == 0 else { return String(word) }
            var characters = Array(word)
            let index = prose.next(characters.count)
            characters[index] = ["e", "c", "o", "l", "1", "n"][prose.next(6)]
            return String(characters)
        }.joined(separator: " ")
    }

    /// The index of the word each split page starts with, counted over whitespace words of the
    /// pages' texts.
    static func startWords(_ result: SplitResult) -> [Int] {
        var starts: [Int] = []
        var count = 0
        for page in result.pages where page.hasText {
            starts.append(count)
            count += page.text.split(whereSeparator: \.isWhitespace).count
        }
        return starts
    }
}
