import Foundation
public import QuireCatalogue
public import QuireClearance
public import QuireCore
public import QuireEPUB
import QuireOCR
public import QuireWikitext

/// A document as an EPUB 3 e-book, in one call: the clearance gate for ``ClearanceTarget/ebook``,
/// each page's current text from the catalogue (a person's latest revision where there is one),
/// joined across pages by the wikitext's rules (``WikitextGenerator/bookText(document:pages:saved:options:)``),
/// the rights page from the engine's verdict, the source note, an optional cover, and the EPUB's
/// bytes. The caller writes them.
public struct EbookExport: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// What to make and who asks.
    public struct Request: Sendable {
        public var document: DocumentID
        /// The wiki profile whose conventions the text follows; nil for the profile of the
        /// document's primary language (English when there is none).
        public var wiki: WikiCode?
        /// Known words for line-end hyphens.
        public var lexicon: Lexicon?
        /// What becomes of the long s; nil for the wiki profile's reader convention.
        public var longS: LongSStyle?
        /// The works of a scan that holds several (one chapter each, cut again at headings).
        public var works: [WorkSpan]
        /// The institution named in the source note.
        public var institution: String?
        /// Make a cover from the first page's image, when it is a PNG, JPEG or GIF file.
        public var cover: Bool
        /// An override of the clearance gate, with its reason.
        public var override: String?
        /// Who asks (recorded with an override).
        public var actor: String?
        /// The command line, recorded with an override.
        public var command: String
        /// The clearance engine's evaluation date.
        public var asOf: CalendarDate
        /// The program named in the book.
        public var generator: String

        /// A request with its choices.
        public init(
            document: DocumentID, wiki: WikiCode? = nil, lexicon: Lexicon? = nil, longS: LongSStyle? = nil, works: [WorkSpan] = [], institution: String? = nil,
            cover: Bool = false, override: String? = nil, actor: String? = nil, command: String, asOf: CalendarDate, generator: String
        ) {
            self.longS = longS
            self.document = document
            self.wiki = wiki
            self.lexicon = lexicon
            self.works = works
            self.institution = institution
            self.cover = cover
            self.override = override
            self.actor = actor
            self.command = command
            self.asOf = asOf
            self.generator = generator
        }
    }

    /// The e-book and what a person should know about it.
    public struct Result: Sendable {
        /// The EPUB file's bytes.
        public var bytes: [UInt8]
        /// The book it was made from.
        public var book: EPUBBook
        /// How the document passed the gate.
        public var passage: ClearanceGate.Passage
        /// Pages left out because they have no text yet.
        public var pagesWithoutText: [PageNumber]
        /// Why no cover was made although one was asked for, if so.
        public var coverProblem: String?
    }

    /// Checks the gate (exit 9 without clearance or override), then makes the book.
    public func export(_ request: Request) throws -> Result {
        let id = request.document
        let desk = ClearanceDesk(catalogue: catalogue)
        let dossier = try desk.dossier(id, asOf: request.asOf)
        let passage = try ClearanceGate(desk: desk).check(
            id, dossier: dossier, target: .ebook, override: request.override, actor: request.actor, command: request.command)
        let found = try WikitextExport(catalogue: catalogue).pageSources(of: id)
        let wiki = request.wiki ?? WikiCode(primaryLanguageOf: found.metadata)
        // A page a person saved in the proofreading room is read as they left it.
        let saved = try catalogue.currentRevisions(of: id).mapValues(WikitextExport.content)
        let text = try WikitextGenerator(wiki: wiki).bookText(
            document: found.metadata, pages: found.sources, saved: saved, options: GenerationOptions(lexicon: request.lexicon, works: request.works, longS: request.longS))
        let rights = EbookRights.statement(EbookRights.Input(
            passage: passage, overrideReason: request.override?.trimmingCharacters(in: .whitespacesAndNewlines),
            verdict: dossier.evaluation[.ebook], licence: dossier.rights.licence, rightsHolder: dossier.rights.rightsHolder,
            rulesVersion: dossier.evaluation.rulesVersion, asOf: request.asOf,
            licenceRuleID: desk.engine.rules.targets[.ebook]?.licenceRule.id ?? "ebook.licences"))
        guard let modified = try catalogue.latestTextTime(of: id, includingRevisions: true) else {
            throw PipelineError(.invalidInput, "no page has text yet", remedy: "run 'quire ocr \(id)' first", context: ErrorContext(document: id))
        }
        let sources = try catalogue.sources(of: id).filter { $0.format != .text }
        let scanName = found.metadata.wikiFileName
            ?? sources.first.map { ($0.path as NSString).lastPathComponent + (sources.count > 1 ? " and \(sources.count - 1) more file(s)" : "") }
            ?? "its page images"
        var cover: CoverImage?
        var coverProblem: String?
        if request.cover { (cover, coverProblem) = coverImage(of: id) }
        let book = EPUBBook(
            identifier: "urn:quire:document:\(id)", metadata: found.metadata, text: text, rights: rights,
            source: SourceNote(institution: request.institution, scan: scanName, document: id, edition: Self.edition(found.metadata)),
            modified: modified, cover: cover, generator: request.generator)
        return Result(bytes: try EPUBWriter.write(book), book: book, passage: passage, pagesWithoutText: found.missing, coverProblem: coverProblem)
    }

    /// The printed edition, for `dc:source`: `Title. Place: Publisher, 1931.`
    static func edition(_ metadata: DocumentMetadata) -> String {
        var text = metadata.title
        let place = [metadata.publication.place, metadata.publisher].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        let date = metadata.publication.date.map(\.description) ?? ""
        let imprint = [place, date].filter { !$0.isEmpty }.joined(separator: ", ")
        if !imprint.isEmpty { text += ". " + imprint }
        return text + "."
    }

    /// The first page's image as the cover: the file itself when it is a PNG, JPEG or GIF of its
    /// own (formats every reading system shows); otherwise (a TIFF, a PDF or DjVu page, JPEG 2000…)
    /// the page decoded as for OCR, scaled to at most 1,600 pixels wide and written as JPEG by
    /// Leptonica (``PagePreview``), the same bytes each time. Nil and why when it cannot be made.
    func coverImage(of id: DocumentID) -> (CoverImage?, String?) {
        let kinds: [SourceFormat: CoverImage.Kind] = [.png: .png, .jpeg: .jpeg, .gif: .gif]
        guard let first = try? catalogue.pages(of: id).first,
              let source = try? catalogue.sources(of: id).first(where: { $0.path == first.sourcePath }) else {
            return (nil, "the first page's image is not in the catalogue")
        }
        guard let data = FileManager.default.contents(atPath: source.path), SHA256.hex(of: [UInt8](data)) == source.sha256 else {
            return (nil, "the first page's image \(source.path) is missing or changed since it was added")
        }
        if let kind = kinds[source.format], first.pageIndex == 0 { return (CoverImage(bytes: [UInt8](data), kind: kind), nil) }
        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("quire-cover-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            let jpeg = try PagePreview.jpeg(of: PageImageSource(path: source.path, pageIndex: first.pageIndex, format: source.format), scratch: scratch)
            return (CoverImage(bytes: [UInt8](jpeg), kind: .jpeg), nil)
        } catch {
            return (nil, "the first page (\(source.format.rawValue)) cannot be made into a cover: \(error.message)")
        }
    }
}
