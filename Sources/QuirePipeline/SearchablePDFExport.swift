import Foundation
import QuireAlign
public import QuireCatalogue
public import QuireClearance
public import QuireCore
import QuireRelease
import QuireWikitext

/// A document as a searchable PDF or DjVu, in one call: the clearance gate for ``ClearanceTarget/commons``
/// (where such a scan goes), each page's current text from the catalogue — the latest revision a
/// person saved in the proofreading room, else a split transcript, put on the OCR's boxes
/// (``LayerRealignment``), else the OCR — over the registered
/// scan: images passed through, or a registered PDF kept as it is with the layer grafted on.
/// Re-exporting starts again from the registered scan, so a new layer replaces Quire's old one
/// and nothing else changes.
public struct SearchablePDFExport: Sendable {
    public let catalogue: Catalogue

    public init(catalogue: Catalogue) { self.catalogue = catalogue }

    /// What to make and who asks.
    public struct Request: Sendable {
        public var document: DocumentID
        /// The file to write.
        public var output: String
        /// PDF or DjVu.
        public var kind: SearchableBuild.Kind
        /// A folder for temporary files.
        public var scratch: String
        public var consent: SearchableBuild.Consent
        /// An override of the clearance gate, with its reason.
        public var override: String?
        public var actor: String?
        public var command: String
        public var asOf: CalendarDate

        public init(
            document: DocumentID, output: String, kind: SearchableBuild.Kind = .pdf, scratch: String, consent: SearchableBuild.Consent = SearchableBuild.Consent(), override: String? = nil,
            actor: String? = nil, command: String, asOf: CalendarDate
        ) {
            self.document = document
            self.output = output
            self.kind = kind
            self.scratch = scratch
            self.consent = consent
            self.override = override
            self.actor = actor
            self.command = command
            self.asOf = asOf
        }
    }

    /// What was written.
    public struct Result: Sendable {
        public var passage: ClearanceGate.Passage
        public var pages: Int
        /// Pages written without a text layer, because they have no text yet.
        public var pagesWithoutText: [PageNumber]
        /// Pages whose layer is a person's revision or a split transcript realigned onto the OCR's boxes.
        public var realignedPages: Int
    }

    /// Checks the gate (exit 9 without clearance or override), then writes the PDF.
    public func export(_ request: Request) throws -> Result {
        let id = request.document
        let desk = ClearanceDesk(catalogue: catalogue)
        let dossier = try desk.dossier(id, asOf: request.asOf)
        let passage = try ClearanceGate(desk: desk).check(
            id, dossier: dossier, target: .commons, override: request.override, actor: request.actor, command: request.command)
        let metadata = dossier.metadata
        let pages = try catalogue.pages(of: id)
        let formats = Dictionary(try catalogue.sources(of: id).map { ($0.path, $0.format) }) { first, _ in first }
        let sources = try pages.map { page throws -> PageImageSource in
            guard let format = formats[page.sourcePath], FileManager.default.fileExists(atPath: page.sourcePath) else {
                throw PipelineError(.unreadableFile, "the page's scan is missing", remedy: "put the file back where it was added, or add it again", context: ErrorContext(file: page.sourcePath, page: page.number.rawValue, document: id))
            }
            return PageImageSource(path: page.sourcePath, pageIndex: page.pageIndex, format: format)
        }
        let licence = dossier.rights.licence ?? dossier.evaluation[.commons].templates.first
        let info = PDFDocumentInfo(
            title: metadata.title, authors: metadata.contributors(.author).map(\.displayName),
            language: metadata.languages.primary.iso6391 ?? metadata.languages.primary.tesseractCode, licence: licence)
        let build = try SearchableBuild(output: request.output, kind: request.kind, pages: sources, info: info, scratch: request.scratch, consent: request.consent)
        let transcript = try catalogue.transcriptPages(of: id)
        let revisions = try catalogue.currentRevisions(of: id)
        let wiki = WikiCode(primaryLanguageOf: metadata)
        var missing: [PageNumber] = []
        var realigned = 0
        for (page, source) in zip(pages, sources) {
            let ocr = page.state == .done ? try catalogue.text(id, page.number) : nil
            var text = ocr
            if let revision = revisions[page.number] {
                text = LayerRealignment.realign(Self.printed(WikitextExport.content(revision), wiki: wiki), onto: ocr ?? PageText(width: 0, height: 0, regions: []))
                realigned += 1
            } else if let split = transcript[page.number] {
                text = LayerRealignment.realign(Self.plain(split.text), onto: ocr ?? PageText(width: 0, height: 0, regions: []))
                realigned += 1
            }
            if text == nil { missing.append(page.number) }
            try build.add(source, text: text)
        }
        try build.finish()
        return Result(passage: passage, pages: pages.count, pagesWithoutText: missing, realignedPages: realigned)
    }

    /// A page a person saved, as printed on the scan: the running head, the body (a word divided
    /// across pages as printed, `bi-`), the notes' texts, the footer, each read as a reader sees
    /// the wikitext (``PlainPageFields``).
    static func printed(_ content: PageContent, wiki: WikiCode) -> String {
        let fields = PlainPageFields(content, wiki: wiki)
        return ([fields.header, fields.body] + fields.notes + [fields.footer]).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A transcript's words without its Markdown emphasis and heading marks.
    static func plain(_ markdown: String) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = Substring(line)
            while text.first == "#" || text.first == ">" { text = text.dropFirst() }
            return text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "__", with: "")
        }.joined(separator: "\n")
    }
}
