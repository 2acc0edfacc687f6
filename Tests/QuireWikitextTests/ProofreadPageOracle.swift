import Foundation
import QuireCore
import QuireWikitext

/// A second, independent reading of Page: wikitext: ProofreadPage's PHP regular expressions
/// (`PageContentHandler::unserializeContentInWikitext`) copied literally into
/// NSRegularExpression (ICU's `$`, like PCRE's, also matches before a final line break). Tests
/// read generated text with it and with ``PageContent/init(wikitext:)`` and expect the same.
enum ProofreadPageOracle {
    struct Reading: Equatable {
        var header: String
        var body: String
        var footer: String
        var level: Int
        var user: String
    }

    static func read(_ text: String) -> Reading {
        var header = ""
        var body = text
        var footer = ""
        var level = 1
        var user = ""
        var cleanBody = false, cleanFooter = false
        if let m = match(#"^<noinclude>(.*?)\n*</noinclude>(.*)<noinclude>(.*?)</noinclude>$"#, text) {
            (header, body, footer) = (m[1], m[2], m[3])
            cleanFooter = true
        } else if let m = match(#"^<noinclude>(.*?)\n*</noinclude>(.*?)$"#, text) {
            (header, body) = (m[1], m[2])
            cleanBody = true
        }
        var cleanHeader = false
        if let m = match(#"^<pagequality level="([0-4])" user="(.*?)" *(?:/>|> *</pagequality>)(.*?)$"#, header) {
            level = Int(m[1]) ?? 1
            user = m[2]
            header = m[3]
            cleanHeader = true
        } else if let m = match(#"^\{\{PageQuality\|([0-4])(?:\|(.*?))?\}\}(.*)"#, header, caseInsensitive: true) {
            level = Int(m[1]) ?? 1
            user = m[2]
            header = m[3]
            cleanHeader = true
        }
        if cleanHeader {
            var cleaned = false
            if let m = match(#"^(.*?)<div class="pagetext">(.*?)$"#, header) {
                header = m[2]
                cleaned = true
            } else if let m = match(#"^(.*?)<div>(.*?)$"#, header) {
                header = m[2]
                cleaned = true
            }
            if cleaned, cleanFooter, let m = match(#"^(.*?)</div>$"#, footer) { footer = m[1] }
            if cleaned, cleanBody, let m = match(#"^(.*?)</div>$"#, body) { body = m[1] }
        }
        return Reading(header: header, body: body, footer: footer, level: level, user: user)
    }

    /// The reading of a `PageContent` the Swift parser produced, for comparison.
    static func reading(of content: PageContent) -> Reading {
        Reading(header: content.header, body: content.body, footer: content.footer, level: content.level.rawValue, user: content.user)
    }

    /// The capture groups of the first match (unmatched groups as ""), or nil.
    private static func match(_ pattern: String, _ text: String, caseInsensitive: Bool = false) -> [String]? {
        var options: NSRegularExpression.Options = [.dotMatchesLineSeparators]
        if caseInsensitive { options.insert(.caseInsensitive) }
        guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let result = regex.firstMatch(in: text, options: [], range: range) else { return nil }
        let string = NSString(string: text)
        // Groups are cut in UTF-16 units, not in characters: a group may end inside `\r\n`.
        return (0..<result.numberOfRanges).map { index in
            let groupRange = result.range(at: index)
            return groupRange.location == NSNotFound ? "" : string.substring(with: groupRange)
        }
    }
}
