import QuireCore

/// ProofreadPage's reading of Page: wikitext (`PageContentHandler::unserializeContentInWikitext`),
/// rule for rule. The PHP uses PCRE with `/s` and without `/D`, so `$` also matches before a final
/// line break; that detail is kept.
///
/// 1. `^<noinclude>(.*?)\n*</noinclude>(.*)<noinclude>(.*?)</noinclude>$` gives header, body and
///    footer: the header ends at the first `</noinclude>` (its trailing newlines dropped), the
///    footer starts after the last `<noinclude>`;
/// 2. else `^<noinclude>(.*?)\n*</noinclude>(.*?)$` gives header and body (a final `\n` dropped);
/// 3. else all of it is the body.
///
/// The header must then start with `<pagequality level="([0-4])" user="(.*?)" *(?:/>|> *</pagequality>)`
/// or the legacy `{{PageQuality|N|user}}` (case-insensitive), which sets level and user;
/// otherwise the level is 1 with no user and the header is kept as it is. Only when a tag was
/// found are the deprecated wrappers cleaned: everything up to the first `<div class="pagetext">`
/// (else `<div>`) is dropped from the header and, if so, a trailing `</div>` from the last part.
///
/// The work is done on UTF-8 bytes, as PCRE without `/u` does, so a combining mark after a
/// delimiter or a `\r\n` line break is treated as the wiki treats it.
///
/// Not reproduced: MediaWiki's normalisation of the user name (`User::newFromName`), which
/// empties an invalid name; Quire writes only valid names.
enum PageContentParser {
    private typealias Bytes = ArraySlice<UInt8>
    private static let open = Array("<noinclude>".utf8)
    private static let close = Array("</noinclude>".utf8)
    private static let newline = UInt8(ascii: "\n")

    /// The content ProofreadPage reads from `text`.
    static func parse(_ text: String) -> PageContent {
        let bytes = Bytes(text.utf8)
        var header: Bytes = []
        var body = bytes
        var footer: Bytes = []
        var lastPart = LastPart.header
        if bytes.starts(with: open), let firstClose = find(close, in: bytes.dropFirst(open.count)) {
            header = dropTrailingNewlines(bytes[(bytes.startIndex + open.count)..<firstClose])
            let rest = bytes[(firstClose + close.count)...]
            if let core = withoutFinalClose(rest), let lastOpen = findLast(open, in: core) {
                body = core[..<lastOpen]
                footer = core[(lastOpen + open.count)...]
                lastPart = .footer
            } else {
                body = dollarTrimmed(rest)
                lastPart = .body
            }
        }
        guard let tag = parseQualityTag(header) ?? parseLegacyTemplate(header) else {
            return PageContent(untrimmedHeader: string(header), body: string(body), footer: string(footer), level: .notProofread, user: "")
        }
        header = tag.rest
        if let unwrapped = unwrappedHeader(header) {
            header = unwrapped
            switch lastPart {
            case .footer: footer = withoutClosingDiv(footer)
            case .body: body = withoutClosingDiv(body)
            case .header: break  // PHP passes an unused '' here
            }
        }
        return PageContent(untrimmedHeader: string(header), body: string(body), footer: string(footer), level: tag.level, user: string(tag.user))
    }

    private enum LastPart { case header, body, footer }

    private struct QualityTag {
        let level: PageQuality
        let user: Bytes
        let rest: Bytes
    }

    /// `rest` without the `</noinclude>` that `</noinclude>$` matches: at the very end, or before
    /// a final line break.
    private static func withoutFinalClose(_ rest: Bytes) -> Bytes? {
        if rest.count >= close.count, rest.suffix(close.count).elementsEqual(close) { return rest.dropLast(close.count) }
        if rest.last == newline, rest.count > close.count, rest.dropLast().suffix(close.count).elementsEqual(close) {
            return rest.dropLast(close.count + 1)
        }
        return nil
    }

    /// `^<pagequality level="([0-4])" user="(.*?)" *(?:/>|> *</pagequality>)(.*?)$`.
    private static func parseQualityTag(_ header: Bytes) -> QualityTag? {
        let prefix = Array("<pagequality level=\"".utf8)
        guard header.starts(with: prefix) else { return nil }
        var rest = header.dropFirst(prefix.count)
        guard let digit = rest.first, let level = levelDigit(digit) else { return nil }
        rest = rest.dropFirst()
        let userPrefix = Array("\" user=\"".utf8)
        guard rest.starts(with: userPrefix) else { return nil }
        rest = rest.dropFirst(userPrefix.count)
        // The lazy `(.*?)`: the first quote that the tag's ending follows.
        let selfClosing = Array("/>".utf8)
        let closingTag = Array("</pagequality>".utf8)
        var cursor = rest.startIndex
        while let quote = rest[cursor...].firstIndex(of: UInt8(ascii: "\"")) {
            var after = rest[(quote + 1)...].drop { $0 == UInt8(ascii: " ") }
            if after.starts(with: selfClosing) {
                return QualityTag(level: level, user: rest[..<quote], rest: dollarTrimmed(after.dropFirst(selfClosing.count)))
            }
            if after.first == UInt8(ascii: ">") {
                after = after.dropFirst().drop { $0 == UInt8(ascii: " ") }
                if after.starts(with: closingTag) {
                    return QualityTag(level: level, user: rest[..<quote], rest: dollarTrimmed(after.dropFirst(closingTag.count)))
                }
            }
            cursor = quote + 1
        }
        return nil
    }

    /// `^\{\{PageQuality\|([0-4])(?:\|(.*?))?\}\}(.*)` with `/is` (ASCII case folding only).
    private static func parseLegacyTemplate(_ header: Bytes) -> QualityTag? {
        let prefix = Array("{{pagequality|".utf8)
        guard header.count > prefix.count,
              zip(header.prefix(prefix.count), prefix).allSatisfy({ asciiLowercased($0) == $1 }) else { return nil }
        let digitIndex = header.startIndex + prefix.count
        guard let level = levelDigit(header[digitIndex]) else { return nil }
        let afterDigit = header[(digitIndex + 1)...]
        let braces = Array("}}".utf8)
        if afterDigit.first == UInt8(ascii: "|"), let end = find(braces, in: afterDigit.dropFirst()) {
            return QualityTag(level: level, user: afterDigit[(afterDigit.startIndex + 1)..<end], rest: afterDigit[(end + 2)...])
        }
        if afterDigit.starts(with: braces) {
            return QualityTag(level: level, user: [], rest: afterDigit.dropFirst(2))
        }
        return nil
    }

    private static func levelDigit(_ byte: UInt8) -> PageQuality? {
        (UInt8(ascii: "0")...UInt8(ascii: "4")).contains(byte) ? PageQuality(rawValue: Int(byte - UInt8(ascii: "0"))) : nil
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// `^(.*?)<div class="pagetext">(.*?)$`, else `^(.*?)<div>(.*?)$`: the header after the first
    /// wrapper, or nil when there is none.
    private static func unwrappedHeader(_ header: Bytes) -> Bytes? {
        for wrapper in [Array("<div class=\"pagetext\">".utf8), Array("<div>".utf8)] {
            if let found = find(wrapper, in: header) { return dollarTrimmed(header[(found + wrapper.count)...]) }
        }
        return nil
    }

    /// `^(.*?)</div>$`: the text before a closing `</div>` at the end (or before a final newline).
    private static func withoutClosingDiv(_ text: Bytes) -> Bytes {
        let div = Array("</div>".utf8)
        if text.count >= div.count, text.suffix(div.count).elementsEqual(div) { return text.dropLast(div.count) }
        if text.last == newline, text.count > div.count, text.dropLast().suffix(div.count).elementsEqual(div) {
            return text.dropLast(div.count + 1)
        }
        return text
    }

    /// What a lazy `(.*?)$` captures: the text without one final line break.
    private static func dollarTrimmed(_ text: Bytes) -> Bytes {
        text.last == newline ? text.dropLast() : text
    }

    private static func dropTrailingNewlines(_ text: Bytes) -> Bytes {
        var result = text
        while result.last == newline { result = result.dropLast() }
        return result
    }

    /// The index where `needle` first occurs in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: Bytes) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The index where `needle` last occurs in `haystack`.
    private static func findLast(_ needle: [UInt8], in haystack: Bytes) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.endIndex - needle.count
        while index >= haystack.startIndex {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// Slices are cut at ASCII delimiters, so they stay valid UTF-8.
    private static func string(_ bytes: Bytes) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
