import QuireCore
import Foundation

/// Where a run of OCR text will stand in the wikitext.
public enum EscapeContext: Sendable {
    /// Running text: a paragraph, a verse line, a note.
    case text
    /// An argument of a template, where `|` and `=` are syntax too.
    case templateArgument
}

/// Makes OCR text safe to put into wikitext: nothing it contains becomes markup, and the text a
/// reader sees is exactly the text given.
///
/// The rule is to neutralise only what would be read as markup, by replacing one character of
/// each offending run with its character reference (`&#123;` for `{`, `&lt;` for `<`), which
/// the parser shows as the character but never reads as syntax; ``unescape(_:)`` undoes it, which
/// is how tests prove that the visible text is unchanged. What is neutralised
/// (`wikisource-format.md`, "Text that must not become markup"; `quality-bar.md` W-1…W-8):
///
/// - `<` before a letter, `/`, `!` or `?`: every tag (`<noinclude>`, `<ref>`, `</nowiki>`,
///   `<pages …>`, `<section …/>`) and every comment opener `<!--`;
/// - `{` and `}` in runs of two or more or beside `|` (`{{`, `}}`, `{{{1}}}`, `{|`, `|}`), and a
///   `{` ending / `}` starting the run, since our own markup may stand next to it;
/// - `[` and `]` in runs of two or more, `[` before a URL (`[http…`, `[//…`, `[mailto:…`), a `[`
///   ending / `]` starting the run;
/// - the `:` of a URL protocol that starts a word (`http:`, `mailto:`…): MediaWiki turns a bare
///   URL into an external link (found by checking our output with mwparserfromhell);
/// - every second apostrophe of a run (`''`, `'''`);
/// - tildes in runs of three or more (signatures);
/// - the first `_` of every `__` (behaviour switches such as `__NOTOC__`);
/// - `&` that starts a character reference (`&amp;`, `&#123;`);
/// - at the start of a line: a space or tab (preformatted), `*`, `#`, `:`, `;` (lists), `=`
///   (headings) and the first `-` of `----`;
/// - in template arguments also `|`, `=`, and an apostrophe at either end.
public enum WikitextEscaper {
    /// `text` with every markup trigger neutralised. `atLineStart` says whether the text begins a
    /// line of wikitext (a paragraph, a verse line); a line break inside `text` starts a line too.
    public static func escape(_ text: String, context: EscapeContext = .text, atLineStart: Bool = true) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lineStart = atLineStart
        for (i, char) in chars.enumerated() {
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if lineStart, let reference = lineStartReference(char, chars: chars, at: i) {
                out += reference
            } else if let reference = inlineReference(char, previous: previous, next: next, chars: chars, at: i, context: context) {
                out += reference
            } else {
                out.append(char)
            }
            lineStart = char == "\n"
        }
        return out
    }

    /// Decodes the character references the escaper writes (decimal, hexadecimal and the named
    /// `&lt;`, `&gt;`, `&amp;`, `&quot;`): the text a reader sees in escaped OCR text.
    public static func unescape(_ wikitext: String) -> String {
        var out = ""
        var rest = Substring(wikitext)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let tail = rest[amp...]
            if let semicolon = tail.prefix(12).firstIndex(of: ";"), let decoded = decode(tail[tail.index(after: amp)..<semicolon]) {
                out.append(decoded)
                rest = tail[tail.index(after: semicolon)...]
            } else {
                out.append("&")
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }

    /// Sanitised OCR text (`quality-bar.md` O-8): NFC, without what Core's ``TextSanitizer``
    /// removes (controls, bidirectional marks, U+FFFD, noncharacters) and without CR and FF, which
    /// are layout rather than text here (tab and line feed stay). `changed` says whether anything
    /// was removed, so the page can be flagged `sanitised_text`.
    public static func sanitise(_ text: String) -> (text: String, changed: Bool) {
        // Most words need nothing: no removable scalar, and none from U+0300 on (where combining
        // marks start), so already in NFC.
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 && !isRemovable($0) }) { return (text, false) }
        var scalars = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if isRemovable(scalar) {
                changed = true
            } else {
                scalars.append(scalar)
            }
        }
        return (String(scalars).precomposedStringWithCanonicalMapping, changed)
    }

    private static func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\r" || scalar == "\u{0C}" || TextSanitizer.isRemoved(scalar)
    }

    private static func lineStartReference(_ char: Character, chars: [Character], at i: Int) -> String? {
        switch char {
        case " ": "&#32;"
        case "\t": "&#9;"
        case "*", "#", ":", ";", "=": reference(char)
        case "-" where chars.count >= i + 4 && chars[(i + 1)..<(i + 4)].allSatisfy({ $0 == "-" }): "&#45;"
        default: nil
        }
    }

    private static func inlineReference(
        _ char: Character, previous: Character?, next: Character?, chars: [Character], at i: Int, context: EscapeContext
    ) -> String? {
        switch char {
        case "<":
            guard let next, next.isLetter || next == "/" || next == "!" || next == "?" else { return nil }
            return "&lt;"
        case "&":
            return startsReference(chars, at: i) ? "&amp;" : nil
        case "{":
            return previous == "{" || next == "{" || next == "|" || next == nil ? reference(char) : nil
        case "}":
            return previous == "}" || next == "}" || previous == "|" || previous == nil ? reference(char) : nil
        case "[":
            return previous == "[" || next == "[" || next == nil || startsURL(chars, at: i + 1) ? reference(char) : nil
        case "]":
            return previous == "]" || next == "]" || previous == nil ? reference(char) : nil
        case "'":
            if context == .templateArgument && (previous == nil || next == nil) { return reference(char) }
            return apostropheRunPosition(chars, at: i) % 2 == 1 ? reference(char) : nil
        case "~":
            return tildeRunLength(chars, at: i) >= 3 ? reference(char) : nil
        case "_":
            return next == "_" && underscoreRunPosition(chars, at: i) % 2 == 0 ? reference(char) : nil
        case ":":
            return endsFreeLinkProtocol(chars, at: i) ? reference(char) : nil
        case "|", "=":
            return context == .templateArgument ? reference(char) : nil
        default:
            return nil
        }
    }

    /// `&#NN;` for an ASCII character (`&lt;` for `<`).
    static func reference(_ char: Character) -> String {
        if char == "<" { return "&lt;" }
        guard let scalar = char.unicodeScalars.first else { return String(char) }
        return "&#\(scalar.value);"
    }

    /// The 0-based position of `chars[i]` in its run of apostrophes.
    private static func apostropheRunPosition(_ chars: [Character], at i: Int) -> Int {
        var position = 0
        var j = i - 1
        while j >= 0, chars[j] == "'" { position += 1; j -= 1 }
        return position
    }

    private static func underscoreRunPosition(_ chars: [Character], at i: Int) -> Int {
        var position = 0
        var j = i - 1
        while j >= 0, chars[j] == "_" { position += 1; j -= 1 }
        return position
    }

    private static func tildeRunLength(_ chars: [Character], at i: Int) -> Int {
        var start = i
        while start > 0, chars[start - 1] == "~" { start -= 1 }
        var end = i
        while end + 1 < chars.count, chars[end + 1] == "~" { end += 1 }
        return end - start + 1
    }

    /// `&name;`, `&#123;` or `&#x7B;` starts at `i`.
    private static func startsReference(_ chars: [Character], at i: Int) -> Bool {
        var j = i + 1
        var body = ""
        while j < chars.count, chars[j] != ";", body.count <= 32 {
            body.append(chars[j])
            j += 1
        }
        guard j < chars.count, chars[j] == ";", !body.isEmpty else { return false }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            if digits.first == "x" || digits.first == "X" {
                return digits.count > 1 && digits.dropFirst().allSatisfy(\.isHexDigit)
            }
            return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        }
        return body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }

    /// The URL protocols of MediaWiki's default `$wgUrlProtocols` that matter after `[`.
    private static let urlProtocols = [
        "//", "http:", "https:", "ftp:", "ftps:", "mailto:", "news:", "irc:", "ircs:", "gopher:", "nntp:",
        "worldwind:", "telnet:", "svn:", "git:", "mms:", "sftp:", "ssh:", "sip:", "sips:", "xmpp:", "geo:",
        "urn:", "magnet:", "tel:", "sms:", "bitcoin:", "redis:", "matrix:",
    ]

    /// The colon at `i` ends a named URL protocol that starts a word (`http:` in `x http://…`),
    /// which MediaWiki would make a free external link.
    private static func endsFreeLinkProtocol(_ chars: [Character], at i: Int) -> Bool {
        for scheme in urlProtocols where scheme.hasSuffix(":") {
            let name = Array(scheme.dropLast())
            guard i >= name.count else { continue }
            let start = i - name.count
            guard String(chars[start..<i]).lowercased() == String(name) else { continue }
            if start == 0 || !(chars[start - 1].isLetter || chars[start - 1].isNumber) { return true }
        }
        return false
    }

    /// A URL protocol (case-insensitive) starts at `i`.
    private static func startsURL(_ chars: [Character], at i: Int) -> Bool {
        guard i < chars.count else { return false }
        let head = String(chars[i..<min(chars.count, i + 12)]).lowercased()
        return urlProtocols.contains { head.hasPrefix($0) }
    }

    private static func decode(_ entity: Substring) -> Character? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        default: break
        }
        guard entity.hasPrefix("#") else { return nil }
        let digits = entity.dropFirst()
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits)
        }
        return value.flatMap(Unicode.Scalar.init).map(Character.init)
    }
}
