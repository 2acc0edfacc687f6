import Foundation
import QuireCore

/// Reads the body of a Page: page as a person saved it (wikitext, `quire serve`) back into a
/// draft for the joined text (``BookText``): what a reader of the transcluded page sees, without
/// the markup.
///
/// - Paragraphs at blank lines, the lines of a paragraph joined; `<br />` keeps a line break;
///   `<poem>` is verse (a blank line starts a stanza); headings (`== x ==`), centring templates
///   and centred `<div>`/`<center>` are centred blocks; list and table rows are lines.
/// - `''` and `'''` are italics and bold; `<ref>` is a note at its place (`follow=` continues
///   the previous page's note); `[[target|label]]` is its label, `[url label]` its label.
/// - Templates: the profile's page-end paragraph mark (`{{nop}}`) ends a paragraph (at the very
///   end or start of the page: the page's last, or the previous page's last, paragraph ends
///   there); a word divided across pages (`{{hws|ex|example}}`, `{{hwe|ample|example}}`,
///   `{{Pt|ex-|example}}`) is read whole on the first page and its end noted for the next; the
///   long-s template is `ſ`; a running-header template in the body is dropped; any other
///   template shows its unnamed arguments (`{{sc|Name}}` is `Name`), as ``PlainPageFields`` reads them.
/// - Tags not listed are dropped and their content kept; comments, `<section>` marks,
///   `<references />` and `<noinclude>` parts are dropped; character references are decoded;
///   `<nowiki>` content is text.
enum SavedPageReader {
    /// A page's body read back, with what it says about its page breaks.
    struct Reading {
        var blocks: [Block] = []
        var notes: [Note] = []
        /// The body starts with the paragraph mark: the previous page's paragraph ended there.
        var startsParagraph = false
        /// Whether the page's last paragraph ends at its foot: the mark at the very end; without
        /// it, the paragraph runs on where the wiki has a mark, and ends at a sentence's end
        /// where it has none.
        var endsParagraph = false
        /// The end of a word begun on the previous page, at the very start of this one.
        var wordEnd: WordHalf?
        /// The whole of a word continued on the next page, at the very end of this one.
        var wordStart: WordHalf?
    }

    /// One half of a word divided across pages, and the whole word when the markup gives it.
    struct WordHalf: Hashable {
        var part: String
        var whole: String?
    }

    /// Reads `body` by `profile`'s conventions.
    static func read(_ body: String, profile: WikiProfile) -> Reading {
        var scanner = Scanner(profile: profile)
        let text = scanner.inline(body)
        var reading = Reading()
        reading.notes = scanner.notes
        reading.blocks = blocks(text, scanner: &scanner, reading: &reading)
        // The word halves at the page's very start and end; their markers go.
        if let first = reading.blocks.first?.lines.first?.first, let index = Self.halfIndex(first.parts.first), !scanner.halves[index].isStart {
            reading.wordEnd = WordHalf(part: scanner.halves[index].part, whole: scanner.halves[index].whole)
        }
        if let last = reading.blocks.last?.lines.last?.last, let index = last.parts.lazy.compactMap(Self.halfIndex).last, scanner.halves[index].isStart {
            reading.wordStart = WordHalf(part: scanner.halves[index].part, whole: scanner.halves[index].whole)
        }
        for b in reading.blocks.indices {
            reading.blocks[b].lines = reading.blocks[b].lines.map { $0.map(Self.withoutHalves) }
        }
        if !reading.endsParagraph, let last = reading.blocks.last {
            if last.kind != .paragraph {
                reading.endsParagraph = true
            } else if case .none = profile.paragraphAtPageEnd {
                reading.endsParagraph = ParagraphRule.endsSentence(last.lines.last?.last?.text ?? "")
            }
        }
        return reading
    }

    /// The word half a part marks, if it is a half's marker.
    private static func halfIndex(_ part: Part?) -> Int? {
        guard case .text(let text)? = part, text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first,
              Marker.halfRange.contains(scalar.value) else { return nil }
        return Int(scalar.value - Marker.halfRange.lowerBound)
    }

    private static func withoutHalves(_ token: Token) -> Token {
        Token(parts: token.parts.filter { halfIndex($0) == nil })
    }

    // MARK: Blocks

    private static func blocks(_ text: String, scanner: inout Scanner, reading: inout Reading) -> [Block] {
        var blocks: [Block] = []
        var lines: [[String]] = []  // words of the block being read, by line
        var kind = BlockKind.paragraph
        var inPoem = false
        var seenText = false
        func flush() {
            let filled = lines.filter { !$0.isEmpty }
            if !filled.isEmpty {
                var blockKind = kind
                if blockKind == .paragraph && filled.count > 1 { blockKind = .lines }
                blocks.append(Block(kind: blockKind, lines: filled.map { $0.map { scanner.token($0) } }))
            }
            lines = []
            kind = inPoem ? .verse : .paragraph
        }
        func words(_ line: Substring) -> [String] {
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in rawLines.enumerated() {
            var line = rawLine.trimmingWhitespace
            if line.contains(Marker.paragraph) {
                // The paragraph mark: at the very start or end of the page it speaks of the break.
                let rest = rawLines[(index + 1)...].joined().replacingOccurrences(of: String(Marker.paragraph), with: "").trimmingWhitespace
                let before = line.prefix { $0 != Marker.paragraph }.trimmingWhitespace
                if !seenText && before.isEmpty { reading.startsParagraph = true }
                let after = line.drop { $0 != Marker.paragraph }.dropFirst().replacingOccurrences(of: String(Marker.paragraph), with: "").trimmingWhitespace
                if rest.isEmpty && after.isEmpty { reading.endsParagraph = true }
                lines.append(words(Substring(before)))
                if seenText || !before.isEmpty { flush() }
                seenText = seenText || !before.isEmpty
                line = after
            }
            if line.contains(Marker.poemStart) || line.contains(Marker.poemEnd) {
                flush()
                inPoem = line.contains(Marker.poemStart) && !line.contains(Marker.poemEnd)
                kind = inPoem ? .verse : .paragraph
                line = line.filter { $0 != Marker.poemStart && $0 != Marker.poemEnd }.trimmingWhitespace
                if line.isEmpty { continue }
            }
            if line.isEmpty {
                flush()
                continue
            }
            seenText = true
            if let heading = headingText(line) {
                flush()
                kind = .centred
                lines = [words(Substring(heading))]
                flush()
                continue
            }
            if line.first == Marker.centred {
                flush()
                kind = .centred
                line = String(line.dropFirst()).trimmingWhitespace
            }
            if let row = listOrTableRow(line) {
                if kind == .paragraph, !lines.isEmpty { flush() }
                if kind == .paragraph { kind = .lines }
                if !row.isEmpty { lines.append(words(Substring(row))) }
                continue
            }
            if kind == .lines { flush() }
            // A line break inside a block keeps the line; otherwise lines are joined.
            let pieces = line.split(separator: Marker.lineBreak, omittingEmptySubsequences: false)
            for (p, piece) in pieces.enumerated() {
                if p > 0 || inPoem || kind == .centred || lines.isEmpty { lines.append([]) }
                lines[lines.count - 1] += words(piece)
            }
        }
        flush()
        return blocks
    }

    /// The text of a `== heading ==` line, or nil.
    private static func headingText(_ line: String) -> String? {
        guard let match = line.wholeMatch(of: #/(={1,6})\s*(.*?)\s*\1/#) else { return nil }
        return match.output.2.isEmpty ? nil : String(match.output.2)
    }

    /// A list item's or table row's text (table syntax lines give ""), or nil for other lines.
    private static func listOrTableRow(_ line: String) -> String? {
        if line.hasPrefix("{|") || line.hasPrefix("|}") || line.hasPrefix("|-") { return "" }
        if line.hasPrefix("|+") { return String(line.dropFirst(2)) }
        if line.hasPrefix("|") || line.hasPrefix("!") {
            let separator = line.hasPrefix("!") ? "!!" : "||"
            let cells = line.dropFirst().components(separatedBy: separator).map { cell -> String in
                // `style="…" | content`: the attributes go.
                if let bar = cell.firstIndex(of: "|"), cell[..<bar].contains("=") { return String(cell[cell.index(after: bar)...]) }
                return cell
            }
            return cells.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        if let first = line.first, "*#:;".contains(first) { return String(line.drop { "*#:;".contains($0) }).trimmingWhitespace }
        return nil
    }
}

// MARK: Inline markup

/// Private-use characters standing for what the markup said, between reading and tokens.
private enum Marker {
    static let paragraph: Character = "\u{F0001}"
    static let poemStart: Character = "\u{F0002}"
    static let poemEnd: Character = "\u{F0003}"
    static let lineBreak: Character = "\u{F0004}"
    static let centred: Character = "\u{F0005}"
    /// Literal text number `i` (`<nowiki>`).
    static func literal(_ i: Int) -> String { String(UnicodeScalar(0xF1000 + i).map(Character.init) ?? " ") }
    /// Note number `i`.
    static func note(_ i: Int) -> String { String(UnicodeScalar(0xF2000 + i).map(Character.init) ?? " ") }
    /// Word half number `i`.
    static func half(_ i: Int) -> String { String(UnicodeScalar(0xF3000 + i).map(Character.init) ?? " ") }

    static let literalRange: ClosedRange<UInt32> = 0xF1000...0xF1FFF
    static let noteRange: ClosedRange<UInt32> = 0xF2000...0xF2FFF
    static let halfRange: ClosedRange<UInt32> = 0xF3000...0xF3FFF
    /// Every private-use character of planes 15 and 16, removed from the input first.
    static func isPrivate(_ scalar: UnicodeScalar) -> Bool { scalar.value >= 0xF0000 }
}

extension SavedPageReader {
    /// Replaces markup by text and markers, collecting notes, literals and word halves.
    fileprivate struct Scanner {
        let profile: WikiProfile
        var notes: [Note] = []
        var literals: [String] = []
        var halves: [(part: String, whole: String?, isStart: Bool)] = []

        init(profile: WikiProfile) { self.profile = profile }

        /// The text with its inline markup resolved (block structure kept as lines).
        mutating func inline(_ body: String) -> String {
            var text = String(String.UnicodeScalarView(body.unicodeScalars.filter { !Marker.isPrivate($0) }))
            text = text.replacing(#/(?s)<!--.*?(-->|$)/#, with: "")
            text = text.replacing(#/(?is)<nowiki>(.*?)</nowiki>/#) { match in
                literals.append(String(match.output.1))
                return Marker.literal(literals.count - 1)
            }
            text = text.replacing(#/(?is)<noinclude>.*?</noinclude>/#, with: "")
            text = text.replacing(#/(?is)<ref(\s[^>]*)?/>/#, with: "")
            text = text.replacing(#/(?is)<ref(\s[^>]*)?>(.*?)</ref>/#) { match in
                let attributes = String(match.output.1 ?? "")
                let content = resolved(String(match.output.2)).replacingOccurrences(of: "\n", with: " ")
                let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == Marker.paragraph || $0 == Marker.lineBreak }).map(String.init)
                let follow = Self.attribute("follow", in: attributes)
                notes.append(Note(tokens: [], marker: nil, name: Self.attribute("name", in: attributes), follow: follow))
                notes[notes.count - 1].tokens = words.map { token($0) }
                // A note continued from the previous page is read there, at its first marker.
                return follow == nil ? Marker.note(notes.count - 1) : ""
            }
            return resolved(text)
        }

        /// Links, templates, tags, in that order.
        private mutating func resolved(_ input: String) -> String {
            var text = input.replacing(#/\[\[([^\[\]|]*)\|([^\[\]]*)\]\]/#) { String($0.output.2) }
            text = text.replacing(#/\[\[([^\[\]|]*)\]\]/#) { String($0.output.1) }
            text = text.replacing(#/\[(?:https?:)?//[^\s\]]+\s+([^\]]*)\]/#) { String($0.output.1) }
            text = templatesExpanded(text)
            text = text.replacing(#/(?i)<br\s*/?>/#, with: String(Marker.lineBreak))
            text = text.replacing(#/(?i)<poem[^>]*>/#, with: "\n" + String(Marker.poemStart) + "\n")
            text = text.replacing(#/(?i)</poem\s*>/#, with: "\n" + String(Marker.poemEnd) + "\n")
            text = text.replacing(#/(?i)<(center|div[^>]*text-align:\s*center[^>]*)>/#, with: "\n\n" + String(Marker.centred))
            text = text.replacing(#/(?i)</?(div|center|p)(\s[^>]*)?>/#, with: "\n\n")
            text = text.replacing(#/(?i)</?[a-z][a-z0-9]*(\s[^>]*)?/?>/#, with: "")
            return text
        }

        /// Expands templates innermost first.
        private mutating func templatesExpanded(_ input: String) -> String {
            var text = input
            while let match = text.firstMatch(of: #/\{\{([^{}]*)\}\}/#) {
                text.replaceSubrange(match.range, with: expansion(String(match.output.1)))
            }
            return text
        }

        /// What one template shows in the transcluded text.
        private mutating func expansion(_ call: String) -> String {
            let name = Self.normalisedName(String(call.prefix { $0 != "|" }))
            let unnamed = PlainPageFields.unnamedArguments(of: call)
            func argument(_ i: Int) -> String { i < unnamed.count ? unnamed[i] : "" }
            if paragraphMarkNames.contains(name) { return String(Marker.paragraph) }
            if let template = profile.longSTemplate, name == Self.normalisedName(template) { return "ſ" }
            if headerNames.contains(name) { return "" }
            if centringNames.contains(name) { return "\n\n" + String(Marker.centred) + argument(0) + "\n\n" }
            switch profile.wordSplit {
            case .startEndTemplates(let start, let end) where name == Self.normalisedName(start) || name == Self.normalisedName(end):
                return half(part: argument(0), whole: argument(1), isStart: name == Self.normalisedName(start))
            case .partTemplate(let template) where name == Self.normalisedName(template):
                return half(part: argument(0), whole: argument(1), isStart: !argument(1).isEmpty)
            default: break
            }
            if name == "Hws" || name == "Hwe" { return half(part: argument(0), whole: argument(1), isStart: name == "Hws") }
            // Any other template: its unnamed arguments, as the plain fields read them.
            return unnamed.filter { !$0.isEmpty }.joined(separator: " ")
        }

        /// A word half: the whole word where it starts, the part where it ends.
        private mutating func half(part: String, whole: String, isStart: Bool) -> String {
            let whole = whole.isEmpty ? nil : whole
            halves.append((part.hasSuffix("-") && isStart ? String(part.dropLast()) : part, whole, isStart))
            let shown = isStart ? (whole ?? part) : part
            return Marker.half(halves.count - 1) + shown
        }

        private var paragraphMarkNames: Set<String> {
            var names: Set<String> = ["Nop"]
            switch profile.paragraphAtPageEnd {
            case .appendToPage(let mark), .prependToNextPage(let mark):
                if let match = mark.firstMatch(of: #/\{\{([^{}|]*)\}\}/#) { names.insert(Self.normalisedName(String(match.output.1))) }
            case .none: break
            }
            return names
        }

        private var headerNames: Set<String> {
            var names: Set<String> = ["Rh", "RunningHeader", "Running header"]
            if case .template(let name) = profile.runningHeader { names.insert(Self.normalisedName(name)) }
            return names
        }

        private var centringNames: Set<String> {
            var names: Set<String> = ["C", "Center", "Centre", "Centered", "Centrar", "Centrato", "Zentriert"]
            if case .template(let name) = profile.centring { names.insert(Self.normalisedName(name)) }
            return names
        }

        /// MediaWiki's title rules for a template name: trimmed, `_` as space, first letter upper.
        static func normalisedName(_ name: String) -> String {
            let trimmed = name.replacingOccurrences(of: "_", with: " ").trimmingWhitespace
            guard let first = trimmed.first else { return "" }
            return first.uppercased() + trimmed.dropFirst()
        }

        /// The value of attribute `name` in `<ref …>` attributes, quoted or not.
        static func attribute(_ name: String, in attributes: String) -> String? {
            for match in attributes.matches(of: #/([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'/>]+))/#) where match.output.1.lowercased() == name {
                return String(match.output.2 ?? match.output.3 ?? match.output.4 ?? "")
            }
            return nil
        }

        /// One word as a token: quotes as emphasis, note markers as notes, literals and
        /// character references as text.
        func token(_ word: String) -> Token {
            var parts: [Part] = []
            var text = ""
            func flush() {
                if !text.isEmpty { parts.append(.text(PlainPageFields.decodingReferences(text))) }
                text = ""
            }
            var quotes = 0
            func flushQuotes() {
                switch quotes {
                case 0: break
                case 1: text += "'"
                case 2: flush(); parts.append(.raw("''"))
                case 3: flush(); parts.append(.raw("'''"))
                case 4: text += "'"; flush(); parts.append(.raw("'''"))
                default: flush(); parts.append(.raw("'''")); parts.append(.raw("''"))
                }
                quotes = 0
            }
            for scalar in word.unicodeScalars {
                if scalar == "'" { quotes += 1; continue }
                flushQuotes()
                if Marker.noteRange.contains(scalar.value) {
                    flush()
                    parts.append(.note(Int(scalar.value - Marker.noteRange.lowerBound)))
                } else if Marker.literalRange.contains(scalar.value) {
                    let index = Int(scalar.value - Marker.literalRange.lowerBound)
                    flush()
                    if index < literals.count { parts.append(.text(literals[index])) }
                } else if Marker.halfRange.contains(scalar.value) {
                    flush()
                    parts.append(.text(Marker.half(Int(scalar.value - Marker.halfRange.lowerBound))))
                } else if !Marker.isPrivate(scalar) {
                    text.unicodeScalars.append(scalar)
                }
            }
            flushQuotes()
            flush()
            return Token(parts: parts)
        }
    }
}

/// Puts the pages a person saved into the joined text's drafts, and settles the page breaks
/// beside them, which ``PageBoundary`` leaves to the person's text.
enum SavedPages {
    /// Replaces the drafts of `saved` pages by their bodies read back, keeping the tool's
    /// printed page number. Returns the readings by draft index.
    static func replace(_ drafts: inout [PageDraft], with saved: [PageNumber: PageContent], profile: WikiProfile) -> [Int: SavedPageReader.Reading] {
        guard !saved.isEmpty else { return [:] }
        var readings: [Int: SavedPageReader.Reading] = [:]
        for index in drafts.indices {
            guard let content = saved[drafts[index].number] else { continue }
            let reading = SavedPageReader.read(content.body, profile: profile)
            var draft = PageDraft(number: drafts[index].number)
            draft.isProofread = true
            draft.printedNumber = drafts[index].printedNumber
            draft.blocks = reading.blocks
            draft.notes = reading.notes
            draft.savedBreaks = (reading.endsParagraph, reading.startsParagraph)
            drafts[index] = draft
            readings[index] = reading
        }
        return readings
    }

    /// At each break between adjacent pages of which one was saved: a word divided across it
    /// is read once, whole, on the first page (the end of it, and the punctuation after it,
    /// move up); a tool's page before a saved one ends its paragraph when the saved page starts
    /// with the mark, or when its own last line ends a sentence short of the margin and the
    /// saved page does not start in lower case.
    static func settleBreaks(_ drafts: inout [PageDraft], readings: [Int: SavedPageReader.Reading]) {
        guard !readings.isEmpty else { return }
        for index in drafts.indices.dropFirst() where drafts[index - 1].number.next == drafts[index].number {
            let before = readings[index - 1], after = readings[index]
            guard before != nil || after != nil else { continue }
            var previous = drafts[index - 1], page = drafts[index]
            if let end = after?.wordEnd {
                finishWord(on: &previous, from: &page, rest: end.part, whole: end.whole)
            } else if let start = before?.wordStart, let whole = start.whole, whole.hasPrefix(start.part) {
                finishWord(on: &previous, from: &page, rest: String(whole.dropFirst(start.part.count)), whole: whole)
            } else if before == nil, let previousEnd = previous.blocks.last?.lines.last?.last, previous.blocks.last?.kind == .paragraph {
                let startsLower = page.blocks.first?.lines.first?.first?.text.first?.isLowercase ?? false
                previous.endsParagraphAtFoot = (after?.startsParagraph ?? false)
                    || (ParagraphRule.endsSentence(previousEnd.text) && previous.blocks.last?.endsShort == true && !startsLower)
            }
            drafts[index - 1] = previous
            drafts[index] = page
        }
    }

    /// When `page` starts with `rest` (the end of a word divided across the break) and the
    /// page before ends with the word's start (`bi-`) or the whole word: the whole word, and
    /// any punctuation after `rest`, end the page before; `rest` leaves `page`.
    private static func finishWord(on previous: inout PageDraft, from page: inout PageDraft, rest: String, whole: String?) {
        guard !rest.isEmpty, let first = page.blocks.first?.lines.first?.first, first.isPlain, first.text.hasPrefix(rest),
              let b = previous.blocks.indices.last, let l = previous.blocks[b].lines.indices.last,
              let last = previous.blocks[b].lines[l].last, last.isPlain else { return }
        let head = last.text.hasSuffix("-") ? String(last.text.dropLast()) : last.text
        let joined = head + rest
        let trailing = String(first.text.dropFirst(rest.count))
        let word: String
        if let whole, last.text == whole || joined == whole {
            word = whole
        } else if whole == nil, last.text.hasSuffix("-") {
            word = joined
        } else if whole == nil, last.text.hasSuffix(rest), last.text.count > rest.count {
            word = last.text
        } else {
            return
        }
        previous.blocks[b].lines[l][previous.blocks[b].lines[l].count - 1] = Token(word + trailing)
        page.blocks[0].lines[0].removeFirst()
        if page.blocks[0].lines[0].isEmpty { page.blocks[0].lines.removeFirst() }
        if page.blocks[0].lines.isEmpty { page.blocks.removeFirst() }
    }
}
