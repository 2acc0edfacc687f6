import Foundation
import QuireOCR
public import QuireCatalogue
public import QuireClearance
public import QuireCore
public import QuireWikitext

/// A document's wikitext, generated from the texts in the catalogue.
public struct WikitextExport: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// What generation produced, and the pages left out because they have no text yet.
    public struct Result: Sendable {
        public var document: GeneratedDocument
        public var pagesWithoutText: [PageNumber]
    }

    /// Generates every page of `id` that has text, for `wiki`, with the document's metadata.
    /// `lexicon` decides line-end hyphens (see ``lexicon(for:tessdata:cacheFolder:)``);
    /// `licenceTemplates` go on the main pages (see ``licenceTemplates(of:wiki:asOf:)``);
    /// `longS` says what becomes of a long s (nil keeps it).
    public func generate(
        _ id: DocumentID, wiki: WikiCode, user: String = "", lexicon: Lexicon? = nil, works: [WorkSpan] = [], licenceTemplates: [String]? = nil, longS: LongSStyle? = nil
    ) throws -> Result {
        let found = try pageSources(of: id)
        let options = GenerationOptions(user: user, lexicon: lexicon, scan: found.scan, works: works, licenceTemplates: licenceTemplates, longS: longS)
        let generated = try WikitextGenerator(wiki: wiki).generate(document: found.metadata, pages: found.sources, options: options)
        return Result(document: generated, pagesWithoutText: found.missing)
    }

    /// Each page's current text as the generator takes it (a split known text over OCR), the
    /// pages without text, the document's metadata, and the scan when it is a folder of images.
    /// Throws when no page has text.
    public func pageSources(of id: DocumentID) throws -> (metadata: DocumentMetadata, sources: [PageNumber: PageSource], missing: [PageNumber], scan: ScanSource?) {
        let metadata = try catalogue.metadata(of: id)
        var sources: [PageNumber: PageSource] = [:]
        var missing: [PageNumber] = []
        let pages = try catalogue.pages(of: id)
        // A folder of single images without one scan file on the wiki: each page is its image's
        // own File (the Index then lists links, [[Page:Scan 001.jpg|1]]).
        var scan: ScanSource?
        if metadata.wikiFileName == nil, !pages.isEmpty, pages.allSatisfy({ $0.pageIndex == 0 }),
           Set(pages.map(\.sourcePath)).count == pages.count {
            scan = .images(Dictionary(uniqueKeysWithValues: pages.map { ($0.number, ($0.sourcePath as NSString).lastPathComponent) }))
        }
        let transcript = try catalogue.transcriptPages(of: id)
        for page in pages {
            if let split = transcript[page.number] {
                // A split known text wins over OCR; the OCR still gives the running header.
                let ocr = page.state == .done ? try catalogue.text(id, page.number) : nil
                sources[page.number] = .transcript(Self.transcriptText(split, ocr: ocr))
            } else if page.state == .done, let text = try catalogue.text(id, page.number) {
                sources[page.number] = .ocr(text)
            } else {
                missing.append(page.number)
            }
        }
        guard !sources.isEmpty else {
            throw PipelineError(
                .invalidInput, "no page has text yet", remedy: "run 'quire ocr \(id)' first (or import or split texts)",
                context: ErrorContext(document: id))
        }
        return (metadata, sources, missing, scan)
    }

    /// The licence templates of the clearance engine's verdict for `wiki`'s Wikisource as of
    /// `asOf` (what `quire clearance show` lists): for the main pages and the scan's description
    /// page. Empty when the verdict has none; nil for a wiki the engine has no target for.
    public func licenceTemplates(of id: DocumentID, wiki: WikiCode, asOf: CalendarDate) throws -> [String]? {
        guard let target = ClearanceTarget(wikisource: wiki.rawValue) else { return nil }
        return try ClearanceDesk(catalogue: catalogue).dossier(id, asOf: asOf).evaluation[target].templates
    }

    /// A stored split page as the generator takes it: an uncertain boundary stays
    /// `uncertain_boundary`, any other reason for level 2 becomes `low_confidence`.
    static func transcriptText(_ split: TranscriptPageRecord, ocr: PageText?) -> TranscriptText {
        var flags = Set<PageFlag>()
        if split.flags.contains(PageFlag.uncertainBoundary.rawValue) { flags.insert(.uncertainBoundary) }
        if split.level == .problematic && flags.isEmpty { flags.insert(.lowConfidence) }
        return TranscriptText(text: split.text, ocr: ocr, flags: flags, endsParagraph: split.endsParagraph)
    }

    /// The dictionary words of the document's languages from their Tesseract models, or nil with
    /// the reason when none can be read (hyphenation then uses the document's own words).
    ///
    /// The lexicon of a set of models is cached in `cacheFolder` as its sorted keys, named by the
    /// models' sizes and dates, so that it is built once and then loaded in milliseconds.
    public func lexicon(for id: DocumentID, tessdata: String, cacheFolder: String) throws -> (lexicon: Lexicon?, problems: [any QuireError]) {
        let languages = try catalogue.metadata(of: id).languages.languages
        let modelKeys = languages.compactMap { try? TesseractWordList.cacheKey(for: $0, tessdata: tessdata) }
        let cached = modelKeys.count == languages.count && !languages.isEmpty
            ? (cacheFolder as NSString).appendingPathComponent("\(modelKeys.joined(separator: "+")).lexicon-\(Self.lexiconCacheVersion)") : nil
        if let cached, let bytes = FileManager.default.contents(atPath: cached), let lexicon = Lexicon(sortedKeys: [UInt8](bytes)) {
            return (lexicon, [])
        }
        var words: [String] = []
        var problems: [any QuireError] = []
        for language in languages {
            do { words += try TesseractWordList.words(for: language, tessdata: tessdata, cacheFolder: cacheFolder) } catch { problems.append(error) }
        }
        guard !words.isEmpty else { return (nil, problems) }
        let lexicon = Lexicon(words: words)
        if let cached, problems.isEmpty {
            // A cache that cannot be written only costs the next run the building again.
            try? FileManager.default.createDirectory(atPath: cacheFolder, withIntermediateDirectories: true)
            try? Data(lexicon.sortedKeys).write(to: URL(fileURLWithPath: cached), options: .atomic)
        }
        return (lexicon, problems)
    }

    /// Changes when ``Lexicon``'s keys change (case folding, normalisation), so that an older
    /// cache is not read.
    static let lexiconCacheVersion = 1

    /// Parses `TITLE=FROM-TO` or `TITLE=FROM.BLOCK-TO` (physical pages; BLOCK counts the
    /// paragraphs of the first page from 0, for a work that starts mid-page): one work of a scan
    /// that holds several, such as a pamphlet of speeches.
    public static func work(_ text: String) -> WorkSpan? {
        guard let separator = text.lastIndex(of: "=") else { return nil }
        let title = text[..<separator].trimmingCharacters(in: .whitespaces)
        let range = text[text.index(after: separator)...].split(separator: "-", omittingEmptySubsequences: false)
        guard !title.isEmpty, range.count == 2, let to = Int(range[1]).flatMap(PageNumber.init) else { return nil }
        let start = range[0].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(start.count), let from = Int(start[0]).flatMap(PageNumber.init) else { return nil }
        let block = start.count == 2 ? Int(start[1]) : 0
        guard let block, block >= 0, from <= to else { return nil }
        return WorkSpan(title: title, from: from, firstBlock: block, to: to)
    }

    /// A file name for a wiki title: `/`, `:`, `\` and control characters become `_`; the rest of
    /// the title (accents included) is kept, so files sort and read like the titles. A name over
    /// ``maximumNameBytes`` of UTF-8 (file systems allow 255 bytes, and the temporary name adds
    /// some) is cut at a character boundary and ends with `~` and 8 hex digits of the title's
    /// SHA-256, so two long titles never share a file; the manifest keeps the whole title.
    public static func fileName(for title: String) -> String {
        let safe = String(title.map { character -> Character in
            if character == "/" || character == ":" || character == "\\" || character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "_" }
            return character
        })
        let trimmed = safe.hasPrefix(".") ? "_" + safe.dropFirst() : safe
        let suffix = ".wikitext"
        guard trimmed.utf8.count + suffix.utf8.count > maximumNameBytes else { return trimmed + suffix }
        return cut(trimmed, toBytes: maximumNameBytes - suffix.utf8.count - 9) + "~" + hashTag(title) + suffix
    }

    /// File names for `titles`, one each and all different: ``fileName(for:)``, and where two
    /// titles would share a name (`A/B` and `A_B`), the later one gets the `~HASH` ending.
    public static func fileNames(for titles: [String]) -> [String] {
        var used = Set<String>()
        return titles.map { title in
            var name = fileName(for: title)
            if used.contains(name) {
                let suffix = ".wikitext"
                let stem = String(name.dropLast(suffix.count))
                name = cut(stem, toBytes: maximumNameBytes - suffix.utf8.count - 9) + "~" + hashTag(title) + suffix
            }
            used.insert(name)
            return name
        }
    }

    /// The longest file name written, in UTF-8 bytes: 255 less room for the temporary's ending.
    public static let maximumNameBytes = 200

    private static func hashTag(_ title: String) -> String { String(SHA256.hex(of: Array(title.utf8)).prefix(8)) }

    private static func cut(_ text: String, toBytes limit: Int) -> String {
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            if bytes + size > limit { break }
            result.append(character)
            bytes += size
        }
        return result
    }
}
