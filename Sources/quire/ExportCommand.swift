public import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireWikitext

extension ExportFormat: ExpressibleByArgument {}
extension LongSStyle: ExpressibleByArgument {}

extension Quire {
    /// `quire export`: a document's pages as an XML import file, pagefromfile input or files.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a document's Page:, Index and main pages for a wiki (XML import, pywikibot pagefromfile, files), an EPUB 3 e-book, or a searchable PDF.",
            discussion: """
                xml: a MediaWiki import file (export format 0.11, valid against export-0.11.xsd) with \
                the wiki's namespaces, content models proofread-page / proofread-index / wikitext, \
                sha1, contributor and comment — for Special:Import or importDump.php on self-hosted \
                and test wikis. pagefromfile: input for pywikibot's pagefromfile.py. files: one \
                file per page plus manifest.json. epub: an EPUB 3 e-book of the joined text with a \
                table of contents, the printed page numbers, footnotes and a rights page from the \
                clearance verdict, gated by the 'ebook' clearance target; --wiki is optional there \
                (the document's language's profile). --out is a file for xml, pagefromfile and \
                epub ('-' for standard output), a folder for files. Several documents are taken with \
                --format epub only: --out is then a folder that gets one DOCUMENT.epub each. pdf: \
                the scan with each page's current text as an invisible, searchable layer, gated by \
                the 'commons' clearance target (several documents: DOCUMENT.pdf each in --out); djvu: the \
                same as a bundled DjVu with hidden text (djvulibre). An \
                --override-clearance is recorded in the document's history once the export is \
                written, never for an export that failed.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions

        @Argument(help: ArgumentHelp("The document's slug (several with --format epub).", valueName: "document"))
        var documents: [String]

        /// The one document of a wiki export.
        private var document: String { documents.first ?? "" }

        @OptionGroup var generation: GenerationOptions

        @Option(help: ArgumentHelp("What to write.", valueName: "format"))
        var format: ExportFormat

        @Option(help: ArgumentHelp("The file (xml, pagefromfile; '-' for standard output) or folder (files) to write.", valueName: "path"))
        var out: String

        @Option(help: ArgumentHelp("The account named in pagequality tags and as the revisions' contributor.", valueName: "name"))
        var user: String = ""

        @Option(help: ArgumentHelp("epub: the institution named in the note on the source (default: $QUIRE_INSTITUTION).", valueName: "name"))
        var institution: String?

        @Flag(help: "epub: make a cover from the first page's image (a PNG, JPEG or GIF page).")
        var cover = false

        @Flag(name: .customLong("accept-signed-pdf"), help: "pdf: write the layer onto a digitally signed PDF scan anyway (the copy is no longer signed).")
        var acceptSignedPDF = false

        @Flag(name: .customLong("redo-text"), help: "pdf: add Quire's layer to a PDF scan that already has text of its own.")
        var redoText = false

        func validate() throws {
            for document in documents where DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
            if out.isEmpty { throw ValidationError("--out needs a path ('-' for standard output)") }
            if out == OutputPath.standardOutput && (format == .files || documents.count > 1) {
                throw ValidationError("'-' (standard output) takes one file: name a folder for --format files or for several documents")
            }
            if (format == .pdf || format == .djvu) && out == OutputPath.standardOutput { throw ValidationError("--format \(format.rawValue) writes a file: name it with --out") }
            if format != .epub && format != .pdf && format != .djvu {
                try generation.requireWiki()
                if documents.count != 1 { throw ValidationError("give one document for --format \(format.rawValue); several are taken with --format epub, pdf or djvu") }
            }
        }

        func run() throws {
            if format == .epub { return try ebooks() }
            if format == .pdf || format == .djvu { return try searchablePDFs() }
            guard let id = DocumentID(document) else { throw ValidationError("'\(document)' is not a document slug") }
            let result: WikitextExport.Result
            let files: [ExportFile]
            let catalogue: Catalogue
            let pendingOverride: ClearanceGate.PendingOverride?
            catalogue = try catalogueOptions.open()
            pendingOverride = try generation.gate(id, catalogue: catalogue, command: "quire export --format \(format.rawValue)")
            result = try generation.generate(id, catalogue: catalogue, user: user)
            let source = try catalogue.metadata(of: id).wikiFileName.map { "the scan \($0)" } ?? "its page images"
            let provenance = DocumentExport.Provenance(
                contributor: user.isEmpty ? "Quire" : user,
                comment: "Quire \(QuireVersion.number): text of '\(id)' from \(source)",
                timestamp: ISO8601DateFormatter().string(from: Date()), generator: "Quire \(QuireVersion.number)")
            files = try DocumentExport.render(result.document.publicationItems, profile: generation.wiki.profile, format: format, provenance: provenance)
            switch format {
            case .xml, .pagefromfile:
                guard let file = files.first else { throw CoreError(.internalError, "the export produced no file", remedy: "report this as a bug") }
                if out == OutputPath.standardOutput {
                    FileHandle.standardOutput.write(Data(file.bytes))
                } else {
                    try createFolder(OutputPath.folder(of: out))
                    try write(file.bytes, to: out)
                }
            case .files:
                try createFolder(out)
                // All or nothing: every file is written to its temporary before any replaces its target.
                try OutputFile.writeAll(files.map { (OutputPath.join(out, $0.name), Data($0.bytes)) })
            case .epub, .pdf, .djvu:
                break  // written by ebook(_:) and searchablePDF(_:to:catalogue:)
            }
            // The export exists: only now does an override enter the history.
            try generation.clearance.record(pendingOverride, catalogue: catalogue)
            let pages = result.document.pages.count
            Terminal.note("Exported \(pages) Page: pages, the Index page and \(result.document.mainPages.count) main page(s) for \(generation.wiki.rawValue) as \(format.rawValue) to \(out == OutputPath.standardOutput ? "standard output" : out)")
            if !result.pagesWithoutText.isEmpty { throw ExitCode(QuireExit.partial) }
        }

        /// `--format epub` for every document given: one to `--out`, several to `--out/ID.epub`.
        private func ebooks() throws {
            try eachDocument(extension: "epub") { id, out, catalogue in try ebook(id, to: out, catalogue: catalogue) }
        }

        /// Runs `export` for every document given: one to `--out`, several to `--out/ID.EXT`. A
        /// batch goes on past a document that fails: exit 3 when some failed, the first failure's
        /// code when all did.
        private func eachDocument(extension ext: String, _ export: (DocumentID, String, Catalogue) throws -> Void) throws {
            let ids = documents.compactMap(DocumentID.init)
            let catalogue: Catalogue = try catalogueOptions.open()
            guard ids.count > 1 else {
                guard let id = ids.first else { throw ValidationError("give a document") }
                return try export(id, out, catalogue)
            }
            var failures: [any Error] = []
            for id in ids {
                do {
                    try export(id, OutputPath.join(out, "\(id).\(ext)"), catalogue)
                } catch let error where !(error is ValidationError) {
                    QuireExit.report(error)
                    failures.append(error)
                }
            }
            try QuireExit.endBatch(succeeded: ids.count - failures.count, failures: failures)
        }

        /// The e-book of one document, once it is cleared for `ebook` (or overridden).
        private func ebook(_ id: DocumentID, to out: String, catalogue: Catalogue) throws {
            let result: EbookExport.Result
            let environment = ProcessInfo.processInfo.environment
            result = try EbookExport(catalogue: catalogue).export(EbookExport.Request(
                document: id, wiki: generation.wikiOption, lexicon: try generation.lexicon(for: id, catalogue: catalogue), longS: generation.longS,
                works: generation.work.compactMap(WikitextExport.work),
                institution: institution ?? environment["QUIRE_INSTITUTION"].flatMap { $0.isEmpty ? nil : $0 }, cover: cover,
                override: generation.clearance.overrideClearance, actor: ActorOptions.current(), command: "quire export --format epub",
                asOf: Quire.Clearance.Evaluate.today(), generator: "Quire \(QuireVersion.number)"))
            switch result.passage {
            case .cleared(let changed):
                if changed { Terminal.warning("document '\(id)': facts changed after it was cleared for ebook; see 'quire clearance show \(id)'") }
            case .overridden(let status, _):
                Terminal.warning("document '\(id)' is \(status.rawValue) for ebook: going ahead by override, recorded in its history; the rights page says so")
            }
            if let problem = result.coverProblem { Terminal.warning("no cover: \(problem)") }
            if out == OutputPath.standardOutput {
                FileHandle.standardOutput.write(Data(result.bytes))
            } else {
                try createFolder(OutputPath.folder(of: out))
                try write(result.bytes, to: out)
            }
            // The book exists: only now does an override enter the history.
            if case .overridden(_, let pending) = result.passage { try generation.clearance.record(pending, catalogue: catalogue) }
            let printed = result.book.text.pages.filter { $0.printed != nil }.count
            Terminal.note("Exported an EPUB 3 e-book of '\(id)' to \(out == OutputPath.standardOutput ? "standard output" : out): \(result.book.text.pages.count) pages with text (\(printed) printed page numbers), notes: \(result.book.text.notes.count)")
            for number in result.pagesWithoutText {
                Terminal.warning("document '\(id)' page \(number): no text yet, left out (run 'quire ocr \(id)')")
            }
            if !result.pagesWithoutText.isEmpty { throw ExitCode(QuireExit.partial) }
        }

        /// `--format pdf` or `djvu` for every document given, as for e-books.
        private func searchablePDFs() throws {
            try eachDocument(extension: format.rawValue) { id, out, catalogue in try searchablePDF(id, to: out, catalogue: catalogue) }
        }

        /// The searchable PDF of one document, once it is cleared for `commons` (or overridden).
        private func searchablePDF(_ id: DocumentID, to out: String, catalogue: Catalogue) throws {
            try createFolder(OutputPath.folder(of: out))
            let scratch = NSTemporaryDirectory() + "quire-export-pdf-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let result: SearchablePDFExport.Result
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            result = try SearchablePDFExport(catalogue: catalogue).export(SearchablePDFExport.Request(
                document: id, output: out, kind: format == .djvu ? .djvu : .pdf, scratch: scratch, consent: SearchableBuild.Consent(acceptSigned: acceptSignedPDF, redoText: redoText),
                override: generation.clearance.overrideClearance, actor: ActorOptions.current(), command: "quire export --format pdf",
                asOf: Quire.Clearance.Evaluate.today()))
            switch result.passage {
            case .cleared(let changed):
                if changed { Terminal.warning("document '\(id)': facts changed after it was cleared for commons; see 'quire clearance show \(id)'") }
            case .overridden(let status, let pending):
                Terminal.warning("document '\(id)' is \(status.rawValue) for commons: going ahead by override, recorded in its history")
                try generation.clearance.record(pending, catalogue: catalogue)
            }
            Terminal.note("Exported a searchable \(format == .djvu ? "DjVu" : "PDF") of '\(id)' to \(out): \(result.pages) pages, \(result.pages - result.pagesWithoutText.count) with a text layer (\(result.realignedPages) from a person's revision or a transcript, on the OCR's boxes)")
            for number in result.pagesWithoutText {
                Terminal.warning("document '\(id)' page \(number): no text yet, the page has no layer (run 'quire ocr \(id)')")
            }
            if !result.pagesWithoutText.isEmpty { throw ExitCode(QuireExit.partial) }
        }

        /// Creates `folder` and its parents when missing (nothing to do for the current folder).
        private func createFolder(_ folder: String) throws {
            guard !folder.isEmpty else { return }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CoreError(.outputNotWritable, "the output folder cannot be created", remedy: "choose another --out path", context: ErrorContext(file: folder))
            }
        }

        private func write(_ bytes: [UInt8], to path: String) throws {
            try OutputFile.write(Data(bytes), to: path)
        }
    }
}
