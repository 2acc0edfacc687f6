import Foundation

/// The normalisation applied to ground truth and to OCR output alike before CER and WER are
/// computed (`quire eval`, `make bench`). It removes differences of encoding and transcription
/// convention, never differences of reading:
///
/// 1. Unicode NFKC (composes accents, unfolds ligatures such as ﬁ);
/// 2. look-alikes and historical letters mapped to their modern forms (``characterMap``):
///    long s `ſ` → `s`; MUFI private-use umlauts and `a/o/u` + combining e above → `ä ö ü`;
///    Cyrillic letters with diaeresis used for German umlauts → Latin;
/// 3. transcription markers dropped: `~~~` tokens (masked handwriting), a leading `_`
///    (underlined) or `^` (superscript), `⟦ ⟧` brackets;
/// 4. line-end hyphenation joined: `-`, `¬` or a soft hyphen at a line end followed by a letter;
/// 5. whitespace runs collapsed to one space, trimmed.
///
/// Case, punctuation and quotes are kept: getting them right is part of reading.
public struct EvaluationNormalizer: Sendable {
    /// Characters replaced before comparison (data; see the type's documentation).
    public static let characterMap: [Character: String] = [
        "ſ": "s", "\u{E42C}": "ä", "\u{E644}": "ö", "\u{E72B}": "ü",
        "a\u{0364}": "ä", "o\u{0364}": "ö", "u\u{0364}": "ü", "A\u{0364}": "Ä", "O\u{0364}": "Ö", "U\u{0364}": "Ü",
        "ӓ": "ä", "ӧ": "ö", "Ӓ": "Ä", "Ӧ": "Ö", "ӱ": "ü", "Ӱ": "Ü",
        "⟦": "", "⟧": "", "\u{00AD}": "",
    ]

    public init() {}

    /// The normalised text.
    public func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCompatibilityMapping
        let joined = TextNormalizer.joiningLineEndHyphens(composed)
        var mapped = ""
        mapped.reserveCapacity(joined.utf8.count)
        for character in joined { mapped += Self.characterMap[character] ?? String(character) }
        let words = mapped.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> Substring? in
            if word == "~~~" { return nil }
            var trimmed = word
            while let first = trimmed.first, first == "_" || first == "^", trimmed.count > 1 { trimmed = trimmed.dropFirst() }
            return trimmed
        }
        return words.joined(separator: " ")
    }

    /// CER and WER of `hypothesis` against `reference`, both normalised, with the reference's
    /// length in characters and words (for weighting totals).
    public func score(reference: String, hypothesis: String) -> Score {
        let ref = normalize(reference), hyp = normalize(hypothesis)
        let refChars = Array(ref), hypChars = Array(hyp)
        let refWords = ref.split(separator: " ").map(String.init), hypWords = hyp.split(separator: " ").map(String.init)
        return Score(
            characterErrors: EditDistance.distance(refChars, hypChars), characters: refChars.count,
            wordErrors: EditDistance.distance(refWords, hypWords), words: refWords.count)
    }
}

/// Error counts and reference sizes; sums of scores give weighted totals.
public struct Score: Hashable, Sendable, Codable {
    public var characterErrors: Int
    public var characters: Int
    public var wordErrors: Int
    public var words: Int

    public init(characterErrors: Int = 0, characters: Int = 0, wordErrors: Int = 0, words: Int = 0) {
        self.characterErrors = characterErrors
        self.characters = characters
        self.wordErrors = wordErrors
        self.words = words
    }

    /// Character error rate (errors ÷ reference characters).
    public var cer: Double { characters > 0 ? Double(characterErrors) / Double(characters) : (characterErrors > 0 ? 1 : 0) }
    /// Word error rate.
    public var wer: Double { words > 0 ? Double(wordErrors) / Double(words) : (wordErrors > 0 ? 1 : 0) }

    public static func + (lhs: Score, rhs: Score) -> Score {
        Score(characterErrors: lhs.characterErrors + rhs.characterErrors, characters: lhs.characters + rhs.characters,
              wordErrors: lhs.wordErrors + rhs.wordErrors, words: lhs.words + rhs.words)
    }
}
