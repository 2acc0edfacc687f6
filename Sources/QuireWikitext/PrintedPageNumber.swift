/// A page number as printed on the page: arabic (`12`) or roman (`xii`, `XII`).
public struct PrintedPageNumber: Hashable, Sendable, CustomStringConvertible {
    /// How the number is written.
    public enum Style: String, Hashable, Sendable, CaseIterable {
        /// `12`.
        case arabic
        /// `xii`, ProofreadPage's display mode `roman`.
        case romanLower
        /// `XII`, ProofreadPage's display mode `highroman`.
        case romanUpper
    }

    /// The number's value (≥ 1).
    public let value: Int
    /// Its style.
    public let style: Style

    /// A number with its style; nil below 1 or, for roman numbers, above 3999.
    public init?(value: Int, style: Style) {
        guard value >= 1, style == .arabic || value <= 3999 else { return nil }
        self.value = value
        self.style = style
    }

    /// Reads a printed page number token: arabic digits (at most 5) or a canonical roman numeral
    /// in one case, optionally inside the decorations printers use (`- 12 -`, `[12]`, `(xii)`,
    /// `— 3 —`). A trailing full stop is refused: `12.` and `I.` are more often headings.
    public init?(_ text: String) {
        let decorations: Set<Character> = ["-", "–", "—", "[", "]", "(", ")", "·", "•", " "]
        var core = Substring(text)
        while let first = core.first, decorations.contains(first) { core = core.dropFirst() }
        while let last = core.last, decorations.contains(last) { core = core.dropLast() }
        guard !core.isEmpty, core.count <= 12 else { return nil }
        if core.count <= 5, core.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(core), value >= 1 {
            self.init(value: value, style: .arabic)
        } else if core.allSatisfy({ "ivxlcdm".contains($0) }), let value = Self.romanValue(core.uppercased()) {
            self.init(value: value, style: .romanLower)
        } else if core.allSatisfy({ "IVXLCDM".contains($0) }), let value = Self.romanValue(String(core)) {
            self.init(value: value, style: .romanUpper)
        } else {
            return nil
        }
    }

    /// The readings a folio may have once OCR has had its way with it, most likely first: the
    /// strict reading; then, for a token standing where a folio stands, a trailing `.` or `,`
    /// (typewritten `2.`), and letters OCR puts for digits (`I0.` is 10, `II.` may be 11 or ii).
    /// A reading that is not strict counts only where another page's number agrees with it, or
    /// (``isPlainArabic``) when it is digits with a stop.
    public static func readings(_ text: String) -> [PrintedPageNumber] {
        var out: [PrintedPageNumber] = []
        func add(_ number: PrintedPageNumber?) { if let number, !out.contains(number) { out.append(number) } }
        add(PrintedPageNumber(text))
        var core = Substring(text)
        while let last = core.last, ".,:;".contains(last) { core = core.dropLast() }
        guard !core.isEmpty else { return out }
        add(PrintedPageNumber(String(core)))
        let lookalikes: [Character: Character] = ["I": "1", "l": "1", "|": "1", "O": "0", "o": "0"]
        let digits = String(core.map { lookalikes[$0] ?? $0 })
        if digits != String(core), digits.allSatisfy({ $0.isASCII && $0.isNumber || "-–—[]() ".contains($0) }) { add(PrintedPageNumber(digits)) }
        return out
    }

    /// Digits, with or without a trailing stop or comma (`12`, `12.`, `- 12 -`): a number
    /// alone at the head or foot of a page that is a folio whatever the other pages say.
    public static func isPlainArabic(_ text: String) -> Bool {
        var core = Substring(text)
        while let last = core.last, ".,".contains(last) { core = core.dropLast() }
        return PrintedPageNumber(String(core))?.style == .arabic
    }

    /// The number as it would be printed in its style.
    public var text: String {
        switch style {
        case .arabic: String(value)
        case .romanLower: (Self.roman(value) ?? String(value)).lowercased()
        case .romanUpper: Self.roman(value) ?? String(value)
        }
    }

    /// The same as ``text``.
    public var description: String { text }

    /// The `<pagelist>` display mode of the style, or nil for the default (`normal`).
    public var displayMode: String? {
        switch style {
        case .arabic: nil
        case .romanLower: "roman"
        case .romanUpper: "highroman"
        }
    }

    private static let romanDigits: [(value: Int, symbol: String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// The canonical upper-case roman numeral of 1…3999 (`XIV`); nil outside that range.
    public static func roman(_ value: Int) -> String? {
        guard (1...3999).contains(value) else { return nil }
        var rest = value
        var out = ""
        for (digit, symbol) in romanDigits {
            while rest >= digit {
                out += symbol
                rest -= digit
            }
        }
        return out
    }

    /// The value of a canonical upper-case roman numeral; nil for non-canonical forms (`IIII`,
    /// `VX`), so that stray letters are not taken for numbers.
    public static func romanValue(_ text: String) -> Int? {
        var total = 0
        var rest = Substring(text)
        for (digit, symbol) in romanDigits {
            while rest.hasPrefix(symbol) {
                total += digit
                rest = rest.dropFirst(symbol.count)
            }
        }
        guard rest.isEmpty, total > 0, roman(total) == text else { return nil }
        return total
    }
}
