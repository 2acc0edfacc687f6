import Foundation

/// Folds typographic differences that do not change what a text says, so that a transcript and
/// the OCR of its scan (or OCR and ground truth) can be compared word for word.
///
/// The folding is data: ``foldings`` maps characters to their plain forms (ligatures, long s,
/// MUFI private-use ligatures and umlauts, curly quotes, dashes, non-breaking spaces); the rest
/// is Unicode NFC and collapsed whitespace.
public struct TextNormalizer: Sendable {
    /// What to fold.
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Ligatures (ﬁ → fi), long s (ſ → s), quotes and dashes to ASCII forms.
        public static let typography = Options(rawValue: 1)
        /// Lowercase.
        public static let caseFold = Options(rawValue: 2)
        /// Join words hyphenated at line ends (`conoci-\nmiento` → `conocimiento`, also with `¬`).
        public static let joinLineEndHyphens = Options(rawValue: 4)
        /// Everything above.
        public static let all: Options = [.typography, .caseFold, .joinLineEndHyphens]
    }

    /// Characters and their plain forms.
    public static let foldings: [Character: String] = [
        "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
        "ſ": "s", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe",
        // MUFI private-use ligatures and letters of diplomatic transcriptions (Fraktur).
        "\u{F502}": "ch", "\u{EADA}": "st", "\u{EBA2}": "si", "\u{EBA6}": "ss", "\u{EBA7}": "ssi", "\u{F4F9}": "ll",
        "\u{EEC4}": "ck", "\u{EEC5}": "ct", "\u{EEDC}": "tz", "\u{E42C}": "ä", "\u{E644}": "ö", "\u{E72B}": "ü",
        "a\u{0364}": "ä", "o\u{0364}": "ö", "u\u{0364}": "ü", "ꝛ": "r", "⸗": "-",
        "“": "\"", "”": "\"", "„": "\"", "‟": "\"", "«": "\"", "»": "\"", "‹": "'", "›": "'",
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "´": "'", "`": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "…": "...", "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "\u{00AD}": "",
    ]

    public let options: Options

    public init(options: Options = .all) { self.options = options }

    /// The normalised text: NFC, folded as configured, whitespace runs collapsed to one space.
    public func normalize(_ text: String) -> String {
        var working = text.precomposedStringWithCanonicalMapping
        if options.contains(.joinLineEndHyphens) { working = Self.joiningLineEndHyphens(working) }
        var output = ""
        output.reserveCapacity(working.utf8.count)
        var pendingSpace = false
        for character in working {
            if character.isWhitespace {
                pendingSpace = !output.isEmpty
                continue
            }
            let folded = options.contains(.typography) ? (Self.foldings[character] ?? String(character)) : String(character)
            if folded.isEmpty { continue }
            if pendingSpace { output.append(" ") }
            pendingSpace = false
            output.append(options.contains(.caseFold) ? folded.lowercased() : folded)
        }
        return output
    }

    /// The normalised words.
    public func words(_ text: String) -> [String] {
        normalize(text).split(separator: " ").map(String.init)
    }

    /// Joins `letter-⏎letter` and `letter¬⏎letter` (with optional spaces around the line break).
    static func joiningLineEndHyphens(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if (character == "-" || character == "¬" || character == "\u{00AD}"), index > 0, characters[index - 1].isLetter {
                var next = index + 1
                while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
                if next < characters.count, characters[next].isNewline {
                    next += 1
                    while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
                    if next < characters.count, characters[next].isLetter {
                        index = next
                        continue
                    }
                }
            }
            result.append(character)
            index += 1
        }
        return result
    }
}
