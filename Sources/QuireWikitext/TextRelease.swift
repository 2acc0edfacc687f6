/// A text released without a scan (a speech published as a file): main-namespace wikitext, one
/// page per speech or chapter, with the profile's header template on each.
///
/// - **Parts** start at headings: Markdown headings of the text's highest level (`#` when there
///   is one, else `##`…), or, in a text without Markdown headings, a short line standing alone
///   between blank lines that begins with a word of ``partWords`` (`CAPÍTULO II`, `Discurso…`).
///   Text before the first heading stays on the main page, which also lists the parts; each part
///   opens with its heading, centred. A text with one part or none is one page.
/// - **Page markers** are honoured: a form feed, `[p. 12]`, `{{page|12}}` and a line `— 12 —`
///   (also with `-` or `–`) become an anchor `<span id="p12"></span>` where the page begins, so
///   `[[Title#p12]]` links to it; a form feed starts the page after the last one named.
/// - The body is read like a split transcript (``TranscriptMarkup``): paragraphs at blank lines,
///   Markdown italics, bold and headings in the wiki's form, everything else escaped.
public struct TextRelease: Sendable {
    public let profile: WikiProfile

    public init(wiki: WikiCode) { profile = wiki.profile }

    /// Words that open a chapter or speech heading in plain text, per language (data).
    public static let partWords: Set<String> = [
        "capítulo", "capitulo", "discurso", "parte", "chapter", "speech", "part", "address",
        "chapitre", "discours", "partie", "kapitel", "rede", "teil", "capitolo", "discorso",
    ]

    /// The pages of `text`, titled under `title`.
    ///
    /// Throws when `title` would not be a main-namespace title (`Template:…`, `w:…`).
    public func pages(of text: String, title: String, author: String? = nil) throws(WikitextError) -> [GeneratedWikiPage] {
        if let prefix = ReservedTitlePrefixes.reserved(in: title, profile: profile) { throw .titleOutsideMainNamespace(title, prefix: prefix) }
        let lines = Self.markingPages(text)
        let parts = Self.parts(lines)
        var pages: [GeneratedWikiPage] = []
        let titles = parts.named.map { "\(title)/\(Self.titleSafe($0.heading))" }
        let introduction = parts.introduction.joined(separator: "\n").trimmingWhitespace
        if parts.named.count <= 1 {
            var body = lines.joined(separator: "\n")
            if parts.named.isEmpty { body = introduction }
            pages.append(GeneratedWikiPage(title: title, wikitext: header(title: title, section: nil, author: author, previous: nil, next: nil) + render(body)))
            return pages
        }
        var main = render(introduction)
        let list = zip(parts.named, titles).map { part, full in "* [[\(full)|\(WikitextEscaper.escape(part.heading, context: .text, atLineStart: false))]]" }.joined(separator: "\n")
        main = main.isEmpty ? list : main + "\n\n" + list
        pages.append(GeneratedWikiPage(title: title, wikitext: header(title: title, section: nil, author: author, previous: nil, next: nil) + main))
        for (index, part) in parts.named.enumerated() {
            let previous = index > 0 ? "[[\(titles[index - 1])]]" : nil
            let next = index + 1 < titles.count ? "[[\(titles[index + 1])]]" : nil
            let body = render(part.lines.joined(separator: "\n"))
            pages.append(GeneratedWikiPage(title: titles[index], wikitext: header(title: title, section: part.heading, author: author, previous: previous, next: next) + body))
        }
        return pages
    }

    /// The profile's header template line, or nothing when the wiki has none for the main namespace.
    private func header(title: String, section: String?, author: String?, previous: String?, next: String?) -> String {
        guard case .template(let name) = profile.mainPageHeader else { return "" }
        let arg = { (text: String) in WikitextEscaper.escape(text, context: .templateArgument, atLineStart: false) }
        var fields = ["title=\(arg(title))", "author=\(author.map(arg) ?? "")"]
        if let section { fields.append("section=\(arg(section))") }
        fields += ["previous=\(previous ?? "")", "next=\(next ?? "")"]
        return "{{\(name)|" + fields.joined(separator: "|") + "}}\n\n"
    }

    /// A part's body: blocks rendered like a Page: body, page anchors written as markup.
    private func render(_ text: String) -> String {
        var draft = PageDraft(number: .first)
        draft.blocks = TranscriptMarkup.blocks(text).map { block in
            var block = block
            block.lines = block.lines.map { line in
                line.map { token in
                    Token(parts: token.parts.flatMap { part -> [Part] in
                        guard case .text(let text) = part, text.contains(Self.sentinel) else { return [part] }
                        return text.split(separator: Self.sentinel, omittingEmptySubsequences: true).map { piece in
                            piece.hasPrefix("p=") ? .raw("<span id=\"p\(piece.dropFirst(2))\"></span>") : .text(String(piece))
                        }
                    })
                }
            }
            return block
        }
        var renderer = PageRenderer(profile: profile)
        return renderer.body(draft)
    }

    private static let sentinel: Character = "\u{E000}"

    /// A heading usable in a title: characters a title cannot hold become spaces.
    private static func titleSafe(_ heading: String) -> String {
        let cleaned = heading.map { "#<>[]|{}/".contains($0) ? " " : $0 }
        return String(cleaned).split(separator: " ").joined(separator: " ")
    }

    /// Lines with page markers replaced by sentinel words (`\u{E000}p=12\u{E000}`).
    static func markingPages(_ text: String) -> [String] {
        var page = 1
        var result: [String] = []
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for rawLine in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let segments = rawLine.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            for (index, segment) in segments.enumerated() {
                var line = String(segment)
                if index > 0 {
                    page += 1
                    result.append("\(sentinel)p=\(page)\(sentinel)")
                }
                let trimmed = line.trimmingWhitespace
                if let match = trimmed.wholeMatch(of: #/[—–-]\s*([0-9]+|[ivxlcdmIVXLCDM]+)\s*[—–-]/#) {
                    if let number = Int(match.1) { page = number }
                    line = "\(sentinel)p=\(match.1)\(sentinel)"
                }
                line = line.replacing(#/\[(?:p|pp|pág|pag|page|s|S|P)\.?\s*([0-9]+|[ivxlcdm]+)\]|\{\{(?:page|Page|página|pagina|Seite)\|([0-9]+|[ivxlcdm]+)\}\}/#) { match in
                    let number = String(match.1 ?? match.2 ?? "")
                    if let value = Int(number) { page = value }
                    return "\(sentinel)p=\(number)\(sentinel)"
                }
                if index == 0 || !line.isEmpty { result.append(line) }
            }
        }
        return result
    }

    /// The text before the first heading, and each part with its heading and lines.
    static func parts(_ lines: [String]) -> (introduction: [String], named: [(heading: String, lines: [String])]) {
        let headingLevels = lines.compactMap { line -> Int? in
            guard TranscriptMarkup.headingText(line.trimmingWhitespace) != nil else { return nil }
            return line.trimmingWhitespace.prefix(while: { $0 == "#" }).count
        }
        let top = headingLevels.min()
        var introduction: [String] = []
        var named: [(heading: String, lines: [String])] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace
            var heading: String?
            if let top {
                if trimmed.prefix(while: { $0 == "#" }).count == top { heading = TranscriptMarkup.headingText(trimmed) }
            } else if isPlainHeading(trimmed), index == 0 || lines[index - 1].trimmingWhitespace.isEmpty,
                      index + 1 == lines.count || lines[index + 1].trimmingWhitespace.isEmpty {
                heading = trimmed
            }
            if let heading {
                named.append((heading, ["# " + heading]))  // the heading opens its part's body
                continue
            }
            if named.isEmpty { introduction.append(line) } else { named[named.count - 1].lines.append(line) }
        }
        return (introduction, named)
    }

    /// A short line whose first word opens a chapter or speech (``partWords``).
    static func isPlainHeading(_ line: String) -> Bool {
        guard !line.isEmpty, line.count <= 80, let first = line.split(separator: " ").first else { return false }
        let word = first.lowercased().filter(\.isLetter)
        return partWords.contains(word) && !line.hasSuffix(",")
    }
}
