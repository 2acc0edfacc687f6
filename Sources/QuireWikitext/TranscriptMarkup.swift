/// Reads a known text as typed — plain text or light Markdown — into body blocks, so that a
/// transcript's formatting reaches the wiki and nothing else of it becomes markup:
///
/// - paragraphs are separated by blank lines, and the lines of a paragraph are joined with a
///   space (a text with no blank line at all has one paragraph per line); words and hyphens are
///   kept exactly as typed;
/// - a line `# Heading` (up to six `#`) is a heading, written centred in the wiki's way, as
///   headings are on Page: pages;
/// - `*x*` and `_x_` are italics (`''x''`), `**x**` and `__x__` bold (`'''x'''`), at word edges
///   only (`snake_case` stays); emphasis left open at a page's end is closed there, and a closing
///   mark at the start of a page (the page began inside emphasis) is opened at its block's start;
/// - `> ` before a line is dropped (a quoted paragraph); form feeds count as line breaks.
///
/// Everything else is text, escaped by the renderer like OCR text.
enum TranscriptMarkup {
    /// The blocks of a page's (or a part's) text.
    static func blocks(_ text: String) -> [Block] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let hasBlankLine = lines.drop { $0.allSatisfy(\.isWhitespace) }.reversed().drop { $0.allSatisfy(\.isWhitespace) }.contains { $0.allSatisfy(\.isWhitespace) }
        var blocks: [Block] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(Block(kind: .paragraph, lines: [emphasised(paragraph)])) }
            paragraph = []
        }
        for line in lines {
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty {
                flush()
                continue
            }
            if let heading = headingText(trimmed) {
                flush()
                blocks.append(Block(kind: .centred, lines: [emphasised(heading.split(separator: " ").map(String.init))]))
                continue
            }
            var content = Substring(trimmed)
            if content.hasPrefix("> ") || content == ">" { content = content.dropFirst().drop(while: { $0 == " " }) }
            paragraph += content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if !hasBlankLine { flush() }
        }
        flush()
        return blocks
    }

    /// The text of a `#` heading line, or nil.
    static func headingText(_ line: String) -> String? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " else { return nil }
        let text = rest.trimmingWhitespace.replacing(#/\s+#+$/#, with: "")
        return text.isEmpty ? nil : text
    }

    /// Words as tokens, with emphasis marks at word edges turned into wiki quotes.
    static func emphasised(_ words: [String]) -> [Token] {
        var italic = false, bold = false
        var tokens: [Token] = []
        var openAtStart: [String] = []
        for word in words {
            var parts: [Part] = []
            var body = Substring(word)
            // Opening marks before the word's text.
            var leading = body.prefix(while: { $0 == "*" || $0 == "_" })
            if leading.count == body.count { leading = "" }  // a word made only of marks is text
            body = body.dropFirst(leading.count)
            var level = leading.count
            while level > 0 {
                if level >= 2 && !bold {
                    bold = true; parts.append(.raw("'''")); level -= 2
                } else if !italic {
                    italic = true; parts.append(.raw("''")); level -= 1
                } else {
                    parts.append(.text(String(repeating: "*", count: level))); level = 0
                }
            }
            // Closing marks after the word's text, before trailing punctuation.
            let punctuation = body.reversed().prefix(while: { ".,;:!?)»”\"'".contains($0) })
            var core = body.dropLast(punctuation.count)
            let marks = core.reversed().prefix(while: { $0 == "*" || $0 == "_" }).count
            var closing = 0
            if marks > 0 && marks < core.count {
                core = core.dropLast(marks)
                closing = marks
            }
            if !core.isEmpty { parts.append(.text(String(core))) }
            level = closing
            while level > 0 {
                if level >= 2 && bold {
                    bold = false; parts.append(.raw("'''")); level -= 2
                } else if italic {
                    italic = false; parts.append(.raw("''")); level -= 1
                } else if level >= 2 {
                    openAtStart.append("'''"); parts.append(.raw("'''")); level -= 2
                } else {
                    openAtStart.append("''"); parts.append(.raw("''")); level -= 1
                }
            }
            if !punctuation.isEmpty { parts.append(.text(String(punctuation.reversed()))) }
            tokens.append(Token(parts: parts))
        }
        if let first = tokens.first, !openAtStart.isEmpty {
            tokens[0] = Token(parts: openAtStart.map { Part.raw($0) } + first.parts)
        }
        if !tokens.isEmpty {
            if italic { tokens[tokens.count - 1].parts.append(.raw("''")) }
            if bold { tokens[tokens.count - 1].parts.append(.raw("'''")) }
        }
        return tokens
    }
}


extension Substring {
    var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
