/// What becomes of the long s of older prints (`ſ`, and its ligature `ﬅ` and dotted `ẛ`).
///
/// Wikisource communities decide it per wiki or per edition: English Wikisource transcribes it
/// with `{{ls}}`, which shows `ſ` on the Page: and `s` where the page is transcluded, or as a
/// plain `s` (Wikisource:Style guide); German Wikisource leaves it to each project's
/// Editionsrichtlinien (most modernise, `ſ wird zu s transkribiert`); the others modernise for
/// readers. A Page: keeps what the OCR read unless told otherwise, since it is the proofreaders'
/// transcription; a reader's edition (an e-book) follows the wiki's reader convention.
public enum LongSStyle: String, CaseIterable, Hashable, Sendable, Codable {
    /// As printed: `ſ`.
    case keep
    /// A round s: `ſ` → `s`, `ﬅ` → `st`, `ẛ` → `ṡ`.
    case modernise
    /// The wiki's long-s template (``WikiProfile/longSTemplate``) on Page: text; a reader's
    /// edition shows a round s, as the template does when transcluded.
    case template

    /// The round forms of the long-s letters.
    static let roundForms: [Unicode.Scalar: String] = ["ſ": "s", "\u{FB05}": "st", "ẛ": "ṡ"]

    /// `text` with every long s made round.
    public static func modernised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { roundForms[$0] != nil }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if let round = roundForms[scalar] { result += round } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// `text` (already escaped wikitext) with each long s written as `{{template}}`; the
    /// ligature `ﬅ` becomes `{{template}}t`.
    static func templated(_ text: String, template: String) -> String {
        guard text.unicodeScalars.contains(where: { roundForms[$0] != nil }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "ſ": result += "{{\(template)}}"
            case "\u{FB05}": result += "{{\(template)}}t"
            case "ẛ": result += "{{\(template)}}\u{307}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
