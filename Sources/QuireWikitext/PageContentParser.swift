import QuireCore

/// ProofreadPage's reading of Page: wikitext, rule for rule:
///
/// 1. `^<noinclude>(.*?)\n*</noinclude>(.*)<noinclude>(.*?)</noinclude>$` gives header, body and
///    footer: the header ends at the first `</noinclude>`, the footer is the last noinclude block,
///    trailing newlines of the header are dropped;
/// 2. else `^<noinclude>(.*?)\n*</noinclude>(.*?)$` gives header and body;
/// 3. else all of it is the body.
///
/// The header must then start with `<pagequality level="N" user="U" />` (or the legacy
/// `{{PageQuality|N|U}}`), which sets the level and user; otherwise the level is 1 with no user and
/// the header is kept as it is. A legacy trailing `</div>` is removed from the last part.
enum PageContentParser {
    private static let open = "<noinclude>"
    private static let close = "</noinclude>"

    static func parse(_ text: String) -> PageContent {
        var header = ""
        var body = text
        var footer = ""
        var lastPart: LastPart = .header
        if text.hasPrefix(open), let firstClose = text.range(of: close) {
            let rawHeader = text[text.index(text.startIndex, offsetBy: open.count)..<firstClose.lowerBound]
            let rest = text[firstClose.upperBound...]
            header = String(dropTrailingNewlines(rawHeader))
            if text.hasSuffix(close), let lastOpen = rest.range(of: open, options: .backwards),
               rest.distance(from: lastOpen.upperBound, to: rest.endIndex) >= close.count {
                body = String(rest[..<lastOpen.lowerBound])
                footer = String(rest[lastOpen.upperBound...].dropLast(close.count))
                lastPart = .footer
            } else {
                body = String(rest)
                lastPart = .body
            }
        }
        var level = PageQuality.notProofread
        var user = ""
        if let tag = parseQualityTag(header) ?? parseLegacyTemplate(header) {
            level = tag.level
            user = tag.user
            header = tag.rest
            switch lastPart {
            case .footer: footer = cleanTrailingDiv(footer)
            case .body: body = cleanTrailingDiv(body)
            case .header: header = cleanTrailingDiv(header)
            }
        }
        return PageContent(header: header, body: body, footer: footer, level: level, user: user)
    }

    private enum LastPart { case header, body, footer }

    private struct QualityTag {
        let level: PageQuality
        let user: String
        let rest: String
    }

    /// `<pagequality level="([0-4])" user="(.*?)" *(?:/>|></pagequality>)` at the start.
    private static func parseQualityTag(_ header: String) -> QualityTag? {
        let prefix = "<pagequality level=\""
        guard header.hasPrefix(prefix) else { return nil }
        var rest = header.dropFirst(prefix.count)
        guard let digit = rest.first, let value = digit.wholeNumberValue, let level = PageQuality(rawValue: value), ("0"..."4").contains(digit) else { return nil }
        rest = rest.dropFirst()
        guard rest.hasPrefix("\" user=\"") else { return nil }
        rest = rest.dropFirst("\" user=\"".count)
        // The lazy `(.*?)" *(?:/>|></pagequality>)`: the first quote followed by the tag's end.
        var cursor = rest.startIndex
        while let quote = rest[cursor...].firstIndex(of: "\"") {
            var after = rest[rest.index(after: quote)...]
            while after.hasPrefix(" ") { after = after.dropFirst() }
            for ending in ["/>", "></pagequality>"] where after.hasPrefix(ending) {
                return QualityTag(level: level, user: String(rest[..<quote]), rest: String(after.dropFirst(ending.count)))
            }
            cursor = rest.index(after: quote)
        }
        return nil
    }

    /// The legacy `{{PageQuality|N|user}}` (case-insensitive), at the start.
    private static func parseLegacyTemplate(_ header: String) -> QualityTag? {
        let prefix = "{{pagequality|"
        guard header.lowercased().hasPrefix(prefix) else { return nil }
        let rest = header.dropFirst(prefix.count)
        guard let digit = rest.first, ("0"..."4").contains(digit), let level = digit.wholeNumberValue.flatMap(PageQuality.init(rawValue:)) else { return nil }
        let afterDigit = rest.dropFirst()
        guard let end = afterDigit.range(of: "}}") else { return nil }
        let inner = afterDigit[..<end.lowerBound]
        let user: String
        if inner.isEmpty {
            user = ""
        } else if inner.hasPrefix("|") {
            user = String(inner.dropFirst())
        } else {
            return nil
        }
        return QualityTag(level: level, user: user, rest: String(afterDigit[end.upperBound...]))
    }

    private static func cleanTrailingDiv(_ text: String) -> String {
        guard text.hasSuffix("</div>") else { return text }
        return String(text.dropLast("</div>".count))
    }

    private static func dropTrailingNewlines(_ text: Substring) -> Substring {
        var result = text
        while result.hasSuffix("\n") { result = result.dropLast() }
        return result
    }
}
