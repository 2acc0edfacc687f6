import Foundation

/// A `Page:` page's fields as a reader sees them, for scoring against ground truth: templates
/// give their unnamed arguments (`{{rh|2|TITLE|}}` → `2 TITLE`), tags and quote marks go,
/// character references are decoded, `<ref>` contents are taken out into ``notes``, and a word
/// divided across pages (`{{hws}}`/`{{hwe}}` on en, `{{Pt}}` on it) is kept as printed on this
/// page, with the whole word noted.
public struct PlainPageFields: Sendable {
    public var header: String
    /// Paragraphs separated by blank lines.
    public var body: String
    public var footer: String
    /// The text of each `<ref>`, in order.
    public var notes: [String]
    /// The body's last word begins a word finished on the next page: (part here, whole word).
    public var endsWithDividedWord: (part: String, whole: String)?
    /// The body's first word finishes a word begun on the page before.
    public var startsWithDividedWord: (part: String, whole: String)?

    /// The fields of `content`, written for `wiki`.
    public init(_ content: PageContent, wiki: WikiCode) {
        var body = content.body
        var notes: [String] = []
        body = Self.replacing(Self.refPattern, in: body) { groups in
            notes.append(Self.plain(groups[1]))
            return ""
        }
        var ends: (String, String)?, starts: (String, String)?
        let (startName, endName): (String?, String?) = switch wiki.profile.wordSplit {
        case .startEndTemplates(let start, let end): (start, end)
        case .partTemplate(let name): (name, name)
        default: (nil, nil)
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        if let startName, let match = Self.template(startName, in: trimmed, atEnd: true) { ends = match }
        if let endName, let match = Self.template(endName, in: trimmed, atEnd: false) { starts = match }
        // A divided word's first part reads as printed, with its hyphen; the second part bare.
        if let startName {
            body = Self.replacing("\\{\\{\\s*\(NSRegularExpression.escapedPattern(for: startName))\\s*\\|([^|{}]*)\\|[^{}]*\\}\\}\\s*$", in: body) { "\($0[1])-" }
        }
        if let endName {
            body = Self.replacing("\\{\\{\\s*\(NSRegularExpression.escapedPattern(for: endName))\\s*\\|([^|{}]*)\\|[^{}]*\\}\\}", in: body) { $0[1] }
        }
        self.header = Self.plain(content.header)
        self.body = Self.plain(body)
        self.footer = Self.plain(content.footer)
        self.notes = notes
        self.endsWithDividedWord = ends
        self.startsWithDividedWord = starts
    }

    private static let refPattern = "<ref(?:\\s[^>]*)?>(.*?)</ref\\s*>"

    /// `{{NAME|part|whole}}` at the end (or the start) of `text`.
    private static func template(_ name: String, in text: String, atEnd: Bool) -> (String, String)? {
        let core = "\\{\\{\\s*\(NSRegularExpression.escapedPattern(for: name))\\s*\\|([^|{}]*)\\|([^|{}]*)\\}\\}"
        let pattern = atEnd ? core + "\\s*$" : "^\\s*" + core
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let part = Range(match.range(at: 1), in: text), let whole = Range(match.range(at: 2), in: text) else { return nil }
        return (String(text[part]), String(text[whole]))
    }

    /// Wikitext as the reader sees it (see the type's documentation).
    static func plain(_ wikitext: String) -> String {
        var text = replacing("<ref(?:\\s[^>]*)?/>", in: wikitext) { _ in "" }
        // Templates, innermost first: named arguments dropped, unnamed ones kept.
        while true {
            let next = replacing("\\{\\{([^{}]*)\\}\\}", in: text) { groups in
                unnamedArguments(of: groups[1]).filter { !$0.isEmpty }.joined(separator: " ")
            }
            if next == text { break }
            text = next
        }
        text = replacing("<br\\s*/?>", in: text) { _ in "\n" }
        text = replacing("</?[A-Za-z][^<>]*>", in: text) { _ in "" }
        text = text.replacingOccurrences(of: "'''", with: "").replacingOccurrences(of: "''", with: "")
        return decodingReferences(text)
    }

    /// The unnamed arguments of a template call's inside (`NAME|a|b=c|d` → `a`, `d`), trimmed,
    /// read as MediaWiki does: a field with `=` is a named parameter.
    static func unnamedArguments(of call: String) -> [String] {
        call.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
            .filter { !$0.contains("=") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static let namedReferences = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]

    /// `&#123;`, `&#x7B;` and the common named references decoded.
    static func decodingReferences(_ text: String) -> String {
        replacing("&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);", in: text) { groups in
            let name = groups[1]
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? groups[0]
            }
            if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? groups[0] }
            return namedReferences[name] ?? groups[0]
        }
    }

    /// `text` with every match of `pattern` (dot matches newlines) replaced by `transform` of its
    /// groups (0 = the whole match; an unmatched group is empty).
    static func replacing(_ pattern: String, in text: String, _ transform: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return text }
        var out = "", cursor = text.startIndex
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let whole = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { index in Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
            out += text[cursor..<whole.lowerBound]
            out += transform(groups)
            cursor = whole.upperBound
        }
        out += text[cursor...]
        return out
    }
}
