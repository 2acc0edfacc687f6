/// Removes characters that must never reach the catalogue or wikitext from recognised text:
/// NUL and other C0/C1 controls, bidirectional marks, overrides and isolates, U+FFFD replacement
/// characters and noncharacters (quality bar O-8). The one list for every module: wikitext
/// removes the same, plus the line-layout controls CR and FF. Callers flag the page
/// `sanitised_text` when anything changed.
public enum TextSanitizer {
    /// Whether a scalar is removed.
    public static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F...0x9F: true  // controls except tab, LF, FF, CR
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true  // bidi controls
        case 0xFFFD: true  // a decoder's replacement: the character is lost, not text
        case 0xFDD0...0xFDEF: true  // noncharacters
        default: scalar.value & 0xFFFE == 0xFFFE  // U+FFFE, U+FFFF and their equivalents in every plane
        }
    }

    /// True for a scalar that changes how a terminal shows the text instead of showing itself:
    /// every C0 control (line breaks, carriage return, escape sequences), DEL and C1, and the
    /// bidirectional marks, overrides and isolates.
    public static func rewritesDisplay(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text without removed scalars, and whether any were removed.
    public static func sanitize(_ text: String) -> (text: String, changed: Bool) {
        guard text.unicodeScalars.contains(where: isRemoved) else { return (text, false) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !isRemoved($0) })
        return (String(scalars), true)
    }

    /// The page with every word sanitised; words left empty are dropped; flagged when changed,
    /// with the original words kept in ``PageText/sanitisedOriginals`` for audit.
    public static func sanitize(_ page: PageText) -> PageText {
        var result = page
        var originals: [String] = []
        for r in result.regions.indices {
            for l in result.regions[r].lines.indices {
                result.regions[r].lines[l].words = result.regions[r].lines[l].words.compactMap { word in
                    let (clean, didChange) = sanitize(word.text)
                    if didChange { originals.append(word.text) }
                    guard !clean.isEmpty else { return nil }
                    var copy = word
                    copy.text = clean
                    return copy
                }
            }
        }
        if !originals.isEmpty {
            result.flags.insert(.sanitisedText)
            result.sanitisedOriginals = (result.sanitisedOriginals ?? []) + originals
        }
        return result
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks (Unicode's definition).
    public var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
