/// The marks printers set at the foot of a page for the binder and the reader, which belong in
/// the footer field: signature marks (`B`, `D 3`, `A a 2`, `A iij`, `* 4`) and catch-words (the
/// next page's first word, set alone at the right).
enum PageMarks {
    /// A signature mark: an optional `*` or `†`, a capital (or two, or one lower-case letter),
    /// an optional lower-case letter, and an optional arabic number or lower-case roman one
    /// with the printers' final `j` (`iij`), or such a number misread as digits and letters
    /// (`13ij`); `D3` written together counts too.
    static func isSignature(_ text: String) -> Bool {
        var tokens = text.split(separator: " ").map(String.init)
        if let first = tokens.first, first.count > 1, let star = first.first, "*†‡".contains(star) {  // `*4`
            tokens = [String(star), String(first.dropFirst())] + tokens.dropFirst()
        }
        if let first = tokens.first, first.count > 1, let letter = first.first, letter.isLetter, first.dropFirst().allSatisfy(\.isNumber) {
            tokens = [String(letter), String(first.dropFirst())] + tokens.dropFirst()
        }
        var rest = tokens[...]
        if let first = rest.first, first.allSatisfy({ "*†‡".contains($0) }) { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.joined().count <= 6 else { return false }
        if rest.count == 1, tokens.count > 1, isNumberMark(rest[rest.startIndex]) { return true }  // `* 4`
        guard let letters = rest.first, (1...2).contains(letters.count), letters.allSatisfy(\.isLetter),
              letters.first?.isUppercase == true || letters.count == 1 else { return false }
        rest = rest.dropFirst()
        if let next = rest.first, next.count == 1, next.allSatisfy(\.isLowercase), rest.count == 2 { rest = rest.dropFirst() }  // `A a 2`
        guard rest.count <= 1 else { return false }
        return rest.first.map { isNumberMark($0) || isMisreadNumberMark($0) } ?? true
    }

    /// `3`, `12`, `iij`, `v`: the number of a signature's leaf.
    private static func isNumberMark(_ text: String) -> Bool {
        (1...2).contains(text.count) && text.allSatisfy(\.isNumber) || (1...5).contains(text.count) && text.allSatisfy { "ivxj".contains($0) }
    }

    /// A leaf number the OCR read as a mix of digits and roman letters (`13ij` for `iij`, `1v`),
    /// two to four characters.
    private static func isMisreadNumberMark(_ text: String) -> Bool {
        (2...4).contains(text.count) && text.allSatisfy { ($0.isASCII && $0.isNumber) || "ivxjl".contains($0) }
            && text.contains(where: \.isNumber) && text.contains(where: \.isLetter)
    }

    /// A catch-word is the next page's first word: the same word, or, ending with a division
    /// hyphen, its first syllable (`An-` for `ANNOTATIONES`); from four letters on, one OCR
    /// error is allowed, the next word may run on (`wortet/` for OCR's `wortet/ond`) or have a
    /// letter too many read into it (`wvortet/vnd`), and the next page may print the word
    /// shortened with a stop (`Akinſ.` after the catch-word `Akinſon.`).
    static func repeats(_ word: String, nextFirstWord: String) -> Bool {
        let a = letters(word), b = letters(nextFirstWord)
        guard !a.isEmpty, !b.isEmpty else { return false }
        let hyphenated = word.last.map { "-⸗¬=".contains($0) } == true
        if a == b || hyphenated && a.count >= 2 && b.starts(with: a) { return true }
        guard a.count >= 4, b.count >= 4 else { return false }
        // The next page may print the word shortened with a stop (a speaker's name: `Akinſon.`
        // then `Akinſ.`), one error allowed.
        if let end = nextFirstWord.last, ".:".contains(end), b.count < a.count,
           RunningHeaderDetector.editDistance(String(a.prefix(b.count)), String(b), limit: 1) <= 1 { return true }
        let head = hyphenated || a.count < b.count ? Array(b.prefix(a.count)) : b
        if RunningHeaderDetector.editDistance(String(a), String(head), limit: 1) <= 1 { return true }
        // One letter too many read into the next page's word (`wvortet/vnd` for `wortet/vnd`).
        guard !hyphenated, a.count < b.count else { return false }
        return RunningHeaderDetector.editDistance(String(a), String(b.prefix(a.count + 1)), limit: 1) <= 1
    }

    /// Without a next page to compare with: a word that cannot end a text (lower-case, or ending
    /// with a division hyphen) is a catch-word.
    static func looksLikeCatchWord(_ word: String) -> Bool {
        guard let first = word.first(where: \.isLetter) else { return false }
        return first.isLowercase || word.last.map { "-⸗¬=".contains($0) } ?? false
    }

    private static func letters(_ text: String) -> [Character] {
        text.lowercased().filter(\.isLetter).map { $0 == "ſ" ? "s" : $0 }
    }
}
