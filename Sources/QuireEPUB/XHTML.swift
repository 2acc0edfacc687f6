import QuireCore

/// Writing text into XHTML and XML: every string from a document (OCR text, titles, names) goes
/// through ``text(_:)`` or ``attribute(_:)``, so it can never become markup, and characters XML
/// does not allow (controls, bidirectional overrides, noncharacters) are left out.
enum XHTML {
    /// Text content: `&`, `<`, `>` as references (so `]]>` and `<script>` stay text).
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: if allowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// An attribute value (in double quotes): as text, and `"` as a reference.
    static func attribute(_ value: String) -> String {
        text(value).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Whether XML 1.0 allows the scalar and it is not one the sanitiser removes; tab and line
    /// feed are kept, other controls (CR, FF included) dropped.
    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar == "\n" { return true }
        if scalar.value < 0x20 { return false }
        return !TextSanitizer.isRemoved(scalar)
    }

    /// Whether the text's first strong character is written right to left (Hebrew, Arabic,
    /// Syriac, Thaana, N'Ko and their presentation forms).
    static func startsRightToLeft(_ value: String) -> Bool {
        for scalar in value.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
            default: return false
            }
        }
        return false
    }

    /// A complete XHTML content document in the book's language.
    static func document(title: String, language: String, bodyAttributes: String = "", body: String, stylesheet: String = "../style.css") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(attribute(language))" xml:lang="\(attribute(language))">
        <head>
        <meta charset="UTF-8"/>
        <title>\(text(title))</title>
        <link rel="stylesheet" type="text/css" href="\(stylesheet)"/>
        </head>
        <body\(bodyAttributes)>
        \(body)
        </body>
        </html>

        """
    }

    /// The book's style sheet: centred blocks, verse with its indents, notes, page-break marks.
    static let stylesheet = """
        body { margin: 0 5%; line-height: 1.4; }
        h1, h2, .centred { text-align: center; }
        h1 { font-size: 1.6em; margin: 2em 0 1em; }
        h2 { font-size: 1.2em; margin: 1.5em 0 1em; }
        p { margin: 0 0 0.6em; text-indent: 0; }
        .verse { margin: 1em 0 1em 2em; }
        .verse p { margin: 0; padding-left: 2em; text-indent: -2em; }
        .i1 { margin-left: 1em; } .i2 { margin-left: 2em; } .i3 { margin-left: 3em; }
        .i4 { margin-left: 4em; } .i5 { margin-left: 5em; } .i6 { margin-left: 6em; }
        .lines { white-space: normal; }
        a[role="doc-noteref"] { text-decoration: underline; }
        aside { font-size: 0.9em; margin-top: 0.6em; }
        .notes { border-top: 1px solid; margin-top: 2em; padding-top: 0.5em; }
        .front p { text-align: center; }
        .cover { text-align: center; margin: 0; }
        .cover img { max-width: 100%; max-height: 100%; }

        """
}
