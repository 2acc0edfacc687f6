public import QuireCatalogue
import Foundation
import QuireCore
import QuirePipeline
import QuireOCR
import QuireWikitext

/// The room's work on the catalogue, apart from HTTP: pages as the editor sees them, saves,
/// drafts, history and find-and-replace. What the tools made of each page (its wikitext fields
/// from OCR, import or split) is generated once per document and kept until its text changes.
public final class ProofreadingRoom: Sendable {
    public let catalogue: Catalogue
    private let generated = GeneratedFields()

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// The wiki whose conventions a document is written for: its first language's Wikisource.
    static func wiki(for metadata: DocumentMetadata) -> WikiCode {
        WikiCode(primaryLanguageOf: metadata)
    }

    /// The tools' fields of every page of `id` (empty when no page has text yet). Made once per
    /// state of the document's text; requests that arrive while it is being made wait for it.
    func toolFields(_ id: DocumentID) async throws -> [PageNumber: PageContent] {
        let stamp = try catalogue.latestTextTime(of: id) ?? ""
        return try await generated.fields(id, stamp: stamp) { [catalogue] in try Self.generateFields(id, stamp: stamp, catalogue: catalogue) }
    }

    /// Makes every document's fields in the background, so that the first page opened after the
    /// server starts does not wait for its whole document to be generated.
    public func warmUp() async {
        for summary in (try? catalogue.summaries()) ?? [] {
            if Task.isCancelled { return }
            _ = try? await toolFields(summary.id)
        }
    }

    static func generateFields(_ id: DocumentID, stamp: String, catalogue: Catalogue) throws -> [PageNumber: PageContent] {
        guard !stamp.isEmpty else { return [:] }
        let metadata = try catalogue.metadata(of: id)
        let found = try WikitextExport(catalogue: catalogue).pageSources(of: id)
        // Only the Page: fields are wanted: a plain scan name and work title stand in for the
        // document's, which the wiki's title rules may refuse (the room still shows the pages).
        let numbers = found.sources.keys.sorted()
        let works = numbers.first.flatMap { first in numbers.last.map { [WorkSpan(title: "Work", from: first, to: $0)] } } ?? []
        let document = try WikitextGenerator(wiki: wiki(for: metadata)).generate(
            document: found.metadata, pages: found.sources, options: GenerationOptions(scan: .file("Scan.pdf"), works: works))
        return Dictionary(document.pages.map { ($0.number, $0.content) }, uniquingKeysWith: { $1 })
    }

    /// One page as the editor takes it, for `account`.
    func page(_ id: DocumentID, _ number: PageNumber, account: String) async throws -> PageView? {
        guard let location = try catalogue.pageLocation(id, number) else { return nil }
        let entry = location.entry
        let metadata = try catalogue.metadata(of: id)
        let text = entry.state == .done ? try catalogue.text(id, number) : nil
        let tool = try await toolFields(id)[number]
        let words = (text?.words ?? []).map { word in
            PageView.WordBox(text: word.text, box: word.box.map { [$0.x, $0.y, $0.width, $0.height] }, confidence: word.confidence)
        }
        let ocr = PageView.Fields(
            header: tool?.header ?? "", body: tool?.body ?? "", footer: tool?.footer ?? "",
            level: (tool?.level ?? entry.quality ?? (text == nil ? .withoutText : .notProofread)).rawValue)
        return PageView(
            document: id.rawValue, title: metadata.title, number: number.rawValue, pageCount: location.pageCount,
            previous: location.previous?.rawValue, next: location.next?.rawValue,
            image: location.source != nil ? "/scan/\(id.rawValue)/\(number.rawValue)" : nil,
            width: text?.width ?? 0, height: text?.height ?? 0, words: words, ocr: ocr,
            current: try catalogue.currentRevision(id, number).map(PageView.RevisionView.init),
            draft: try catalogue.draft(id, number, account: account).map {
                PageView.DraftView(fields: PageView.Fields($0.edit), baseRevision: $0.baseRevision, savedAt: $0.savedAt)
            },
            palette: SpecialCharacters.palette(for: Self.wiki(for: metadata)),
            ocrRunning: OCRActivity.isRunning(catalogue: catalogue.path))
    }

    /// Formats a browser shows as they are, with their media types; the others (TIFF, PDF,
    /// DjVu, JPEG 2000, PNM) get a JPEG preview made once by Leptonica (``PagePreview``).
    static let browserFormats: [SourceFormat: String] = [.png: "image/png", .jpeg: "image/jpeg", .gif: "image/gif", .webp: "image/webp", .bmp: "image/bmp"]

    /// The folder beside the catalogue where previews are kept (`quire-previews/`); it may be
    /// deleted at any time and is filled again as pages are opened.
    public var previewFolder: String { (catalogue.directory as NSString).appendingPathComponent("quire-previews") }

    /// Where a page's scan is, when it has one.
    func scanSource(_ id: DocumentID, _ number: PageNumber) throws -> (source: PageImageSource, sha256: String)? {
        guard let location = try catalogue.pageLocation(id, number), let source = location.source else { return nil }
        return (source, location.sourceSHA256)
    }

    /// The scan of a page as the browser takes it, with its media type: an image file as it is
    /// when the browser reads its format, else the cached preview (made now when missing).
    func scan(_ id: DocumentID, _ number: PageNumber) throws -> (data: Data, mediaType: String)? {
        guard let (source, sha256) = try scanSource(id, number) else { return nil }
        if source.pageIndex == 0, let type = Self.browserFormats[source.format] {
            return FileManager.default.contents(atPath: source.path).map { ($0, type) }
        }
        let cached = (previewFolder as NSString).appendingPathComponent("\(sha256.prefix(32))-\(source.pageIndex)-\(PagePreview.maximumWidth).jpg")
        if let data = FileManager.default.contents(atPath: cached) { return (data, "image/jpeg") }
        try FileManager.default.createDirectory(atPath: previewFolder, withIntermediateDirectories: true)
        let data = try PagePreview.jpeg(of: source, scratch: NSTemporaryDirectory())
        // Written whole then renamed (Quire's one way to write a file), so a crash never leaves
        // half a preview; a cache that cannot be written costs the next request the decoding again.
        try? OutputFile.write(data, to: cached)
        return (data, "image/jpeg")
    }

    /// Find-and-replace over the current bodies of a document's pages: the changes it would
    /// make (`apply` empty), or, for the pages in `apply`, saves each as a new revision by
    /// `account` keeping its level (a page changed meanwhile is skipped and reported).
    func replace(_ id: DocumentID, find: String, with replacement: String, apply: Set<Int>, account: Account) async throws -> (changes: [ReplaceChange], conflicts: [Int]) {
        guard !find.isEmpty else { return ([], []) }
        let tool = try await toolFields(id)
        let revisions = try catalogue.currentRevisions(of: id)
        var changes: [ReplaceChange] = []
        var conflicts: [Int] = []
        for entry in try catalogue.pages(of: id) {
            let current = revisions[entry.number]
            let header = current?.header ?? tool[entry.number]?.header ?? ""
            let body = current?.body ?? tool[entry.number]?.body ?? ""
            let footer = current?.footer ?? tool[entry.number]?.footer ?? ""
            let count = body.components(separatedBy: find).count - 1
            guard count > 0 else { continue }
            let after = body.replacingOccurrences(of: find, with: replacement)
            changes.append(ReplaceChange(number: entry.number.rawValue, count: count, before: body, after: after))
            guard apply.contains(entry.number.rawValue) else { continue }
            let level = current?.mark.level ?? tool[entry.number]?.level ?? entry.quality ?? .notProofread
            let outcome = try catalogue.saveRevision(
                id, entry.number, edit: PageEdit(header: header, body: after, footer: footer, level: level),
                base: current?.id, user: account.name, role: account.role)
            if case .saved = outcome { continue }
            conflicts.append(entry.number.rawValue)
        }
        return (changes, conflicts)
    }
}

/// The tools' fields per document, with the text time they were made for; one generation at a
/// time per document and text time, shared by everyone waiting for it.
private actor GeneratedFields {
    private var cache: [DocumentID: (stamp: String, task: Task<[PageNumber: PageContent], any Error>)] = [:]

    func fields(_ id: DocumentID, stamp: String, make: @escaping @Sendable () throws -> [PageNumber: PageContent]) async throws -> [PageNumber: PageContent] {
        if let entry = cache[id], entry.stamp == stamp { return try await entry.task.value }
        let task = Task.detached(priority: .utility) { try make() }
        cache[id] = (stamp, task)
        do {
            return try await task.value
        } catch {
            if cache[id]?.stamp == stamp { cache[id] = nil }  // a failed generation is tried again next time
            throw error
        }
    }
}
