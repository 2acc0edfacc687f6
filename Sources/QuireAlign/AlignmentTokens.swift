import QuireCore

/// A word of the known text: where it sits in the text (so the text can be cut between words
/// without touching what lies between them) and its comparison key.
struct TranscriptToken: Sendable {
    /// UTF-8 offsets of the word in the transcript, `start..<end` (a word hyphenated at a line
    /// end of the transcript spans both halves).
    var start: Int
    var end: Int
    /// Folded form compared with OCR: lower case, typography folded, punctuation dropped.
    var key: String
    /// The word begins a line of the transcript.
    var startsLine: Bool
}

/// A word of a page's OCR, in reading order.
struct OCRToken: Sendable {
    var key: String
    /// Index of the page (in the input's order) the word was read on.
    var page: Int
    /// Line of that page (0-based), for "within one line" measures.
    var line: Int
    /// The word ended its region's last line with a division hyphen (`bi-`): the rest of the
    /// word is elsewhere, usually on the next page.
    var hyphenatedAtPageEnd: Bool
}

/// Turns texts into comparison keys. Keys fold what does not change a reading: case,
/// typography (ligatures, long s, quotes, dashes; ``TextNormalizer/foldings``), accents kept,
/// punctuation dropped. Words with no letter or digit left are skipped.
enum AlignmentKeys {
    static let normalizer = TextNormalizer(options: [.typography, .caseFold])

    /// The key of one word, or nil when nothing comparable is left (punctuation, markup).
    static func key(_ word: Substring) -> String? {
        var key = ""
        for character in normalizer.normalize(String(word)) where character.isLetter || character.isNumber {
            key.append(character)
        }
        return key.isEmpty ? nil : key
    }

    /// Markdown markup around words (`*`, `_`, `#`, `>`), which never counts as text.
    static func isMarkup(_ character: Character) -> Bool { character == "*" || character == "_" || character == "#" || character == ">" }

    /// The words of a transcript with their UTF-8 ranges; `letter-⏎letter` (also `¬`, `⸗` and a
    /// soft hyphen) makes one word, whose key joins the halves.
    static func transcriptTokens(_ text: String) -> [TranscriptToken] {
        let utf8 = Array(text.utf8)
        var tokens: [TranscriptToken] = []
        var index = 0
        var lineStart = true
        var pendingJoin: (start: Int, end: Int, key: String, startsLine: Bool, upper: Bool)?
        while index < utf8.count {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D || byte == 0x0C {
                lineStart = true
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            // A word: up to the next ASCII whitespace or a Unicode space.
            var end = index
            while end < utf8.count, !(utf8[end] == 0x20 || utf8[end] == 0x09 || utf8[end] == 0x0A || utf8[end] == 0x0D || utf8[end] == 0x0C) {
                end += 1
            }
            let word = String(decoding: utf8[index..<end], as: UTF8.self)
            let pieces = word.split(whereSeparator: { $0.isWhitespace })
            if pieces.count > 1 {
                // Non-ASCII spaces inside: keep the whole as one cut unit, keyed by its pieces.
                let key = pieces.compactMap { Self.key($0) }.joined()
                if !key.isEmpty { tokens.append(TranscriptToken(start: index, end: end, key: key, startsLine: lineStart)) }
                lineStart = false
                index = end
                continue
            }
            let startsLine = lineStart
            let trimmedMarkup = word.drop(while: isMarkup)
            let hyphenEnd = Self.endsWithDivision(trimmedMarkup)
            let atLineEnd = Self.lineEndFollows(utf8, from: end)
            let key = Self.key(Substring(word))
            if key != nil { lineStart = false }
            if let pending = pendingJoin {
                pendingJoin = nil
                if Self.continues(word, afterUpperCase: pending.upper), let key {
                    if hyphenEnd && atLineEnd {
                        pendingJoin = (pending.start, end, pending.key + key, pending.startsLine, pending.upper)
                    } else {
                        tokens.append(TranscriptToken(start: pending.start, end: end, key: pending.key + key, startsLine: pending.startsLine))
                    }
                    index = end
                    continue
                }
                tokens.append(TranscriptToken(start: pending.start, end: pending.end, key: pending.key, startsLine: pending.startsLine))
            }
            // A divided word alone on its line (a catch-word such as `kön-` at a page's foot) is
            // not joined with the next line, which may be the next page's running head.
            let aloneOnLine = startsLine && atLineEnd
            if let key {
                if hyphenEnd && atLineEnd && !aloneOnLine {
                    pendingJoin = (index, end, key, startsLine, Self.isUpperCase(trimmedMarkup))
                } else {
                    tokens.append(TranscriptToken(start: index, end: end, key: key, startsLine: startsLine))
                }
            }
            index = end
        }
        if let pending = pendingJoin {
            tokens.append(TranscriptToken(start: pending.start, end: pending.end, key: pending.key, startsLine: pending.startsLine))
        }
        return tokens
    }

    /// Whether `word` can be the rest of a word divided before it: it starts in lower case
    /// (`biblio-⏎teca`), or in upper case after an upper-case first part (`BIBLIO-⏎TECA`); a
    /// capitalised word after a division is a new word (a running header between the halves).
    static func continues(_ word: String, afterUpperCase: Bool) -> Bool {
        guard let mark = word.drop(while: isMarkup).first else { return false }
        let first = TextNormalizer.foldings[mark]?.first ?? mark
        guard first.isLetter else { return false }
        return first.isLowercase || (afterUpperCase && first.isUppercase)
    }

    /// True when every letter of `text` is upper case.
    static func isUpperCase(_ text: Substring) -> Bool {
        text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }

    /// True when only spaces separate `from` from one line break followed by more text on the
    /// next line (not a blank line: a hyphen before a paragraph break is not a division).
    private static func lineEndFollows(_ utf8: [UInt8], from: Int) -> Bool {
        var index = from
        while index < utf8.count, utf8[index] == 0x20 || utf8[index] == 0x09 { index += 1 }
        guard index < utf8.count, utf8[index] == 0x0A || utf8[index] == 0x0D else { return false }
        if utf8[index] == 0x0D, index + 1 < utf8.count, utf8[index + 1] == 0x0A { index += 1 }
        index += 1
        while index < utf8.count, utf8[index] == 0x20 || utf8[index] == 0x09 { index += 1 }
        return index < utf8.count && utf8[index] != 0x0A && utf8[index] != 0x0D && utf8[index] != 0x0C
    }

    /// The words of pages' OCR in reading order, line-end hyphens inside a page joined.
    static func ocrTokens(_ pages: [PageText?]) -> [OCRToken] {
        var tokens: [OCRToken] = []
        for (pageIndex, page) in pages.enumerated() {
            guard let page else { continue }
            // Lines numbered across the page; a division hyphen joins only inside its region, and
            // one left open at a region's end is a word divided towards elsewhere (the next page,
            // past the notes).
            var lineIndex = -1
            var carried: (key: String, upper: Bool, line: Int)?
            for region in page.regions {
                if let open = carried {
                    tokens.append(OCRToken(key: open.key, page: pageIndex, line: open.line, hyphenatedAtPageEnd: true))
                    carried = nil
                }
                for line in region.lines where !line.words.isEmpty {
                    lineIndex += 1
                    for (wordIndex, word) in line.words.enumerated() {
                        let text = word.text
                        let divided = wordIndex == line.words.count - 1 && (line.endsWithHyphenationMark || Self.endsWithDivision(text))
                        guard var key = Self.key(Substring(text)) else { continue }
                        var tokenLine = lineIndex
                        if let open = carried {
                            carried = nil
                            if Self.continues(text, afterUpperCase: open.upper) {
                                key = open.key + key
                                tokenLine = open.line
                            } else {
                                tokens.append(OCRToken(key: open.key, page: pageIndex, line: open.line, hyphenatedAtPageEnd: false))
                            }
                        }
                        if divided {
                            carried = (key, Self.isUpperCase(Substring(text)), tokenLine)
                        } else {
                            tokens.append(OCRToken(key: key, page: pageIndex, line: tokenLine, hyphenatedAtPageEnd: false))
                        }
                    }
                }
            }
            if let open = carried {
                tokens.append(OCRToken(key: open.key, page: pageIndex, line: open.line, hyphenatedAtPageEnd: true))
            }
        }
        return tokens
    }

    /// Marks of a word divided at a line end: hyphen, `¬`, soft hyphen, Fraktur's double hyphen `⸗`.
    static let divisionMarks: Set<Character> = ["-", "¬", "\u{00AD}", "⸗"]

    /// A division mark after a letter (or a ligature or letter that folds to one, such as MUFI's
    /// private-use `ch`) at the end of a word.
    static func endsWithDivision<S: StringProtocol>(_ text: S) -> Bool {
        guard let mark = text.last, divisionMarks.contains(mark), let before = text.dropLast().last else { return false }
        return before.isLetter || TextNormalizer.foldings[before]?.first?.isLetter == true
    }
}
