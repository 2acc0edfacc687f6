/// Removes characters that must never reach the catalogue or wikitext from recognised text:
/// NUL and other C0/C1 controls, bidirectional overrides and isolates, and U+FFFD replacement
/// characters (quality bar O-8). Callers flag the page `sanitised_text` when anything changed.
public enum TextSanitizer {
    /// Whether a scalar is removed.
    public static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B, 0x0E...0x1F, 0x7F...0x9F: true  // controls except tab, LF, FF, CR
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true  // bidi controls
        case 0xFFFD, 0xFFFE, 0xFFFF: true
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

    /// The page with every word sanitised; words left empty are dropped; flagged when changed.
    public static func sanitize(_ page: PageText) -> PageText {
        var result = page
        var changed = false
        for r in result.regions.indices {
            for l in result.regions[r].lines.indices {
                result.regions[r].lines[l].words = result.regions[r].lines[l].words.compactMap { word in
                    let (clean, didChange) = sanitize(word.text)
                    changed = changed || didChange
                    guard !clean.isEmpty else { return nil }
                    var copy = word
                    copy.text = clean
                    return copy
                }
            }
        }
        if changed { result.flags.insert(.sanitisedText) }
        return result
    }
}
