/// Text written into HTML (the clearance report, the proofreading room): `&`, `<`, `>`, `"` and
/// `'` as references, so that no title, name, reason or OCR text can become markup, in element
/// content or in a quoted attribute value alike.
public enum HTMLText {
    /// `text` safe in HTML content and in quoted attributes.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
