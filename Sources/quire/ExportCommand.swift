public import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireWikitext

extension ExportFormat: ExpressibleByArgument {}

extension Quire {
    /// `quire export`: a document's pages as an XML import file, pagefromfile input or files.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a document's Page:, Index and main pages for a wiki: XML import, pywikibot pagefromfile, or files.",
            discussion: """
                xml: a MediaWiki import file (export format 0.11, valid against export-0.11.xsd) with \
                the wiki's namespaces, content models proofread-page / proofread-index / wikitext, \
                sha1, contributor and comment — for Special:Import or importDump.php on self-hosted \
                and test wikis. pagefromfile: input for pywikibot's pagefromfile.py. files: one \
                file per page plus manifest.json. --out is a file for xml and pagefromfile ('-' for \
                standard output), a folder for files. An --override-clearance is recorded in the \
                document's history once the export is written, never for an export that failed.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions

        @Argument(help: ArgumentHelp("The document's slug.", valueName: "document"))
        var document: String

        @OptionGroup var generation: GenerationOptions

        @Option(help: ArgumentHelp("What to write.", valueName: "format"))
        var format: ExportFormat

        @Option(help: ArgumentHelp("The file (xml, pagefromfile; '-' for standard output) or folder (files) to write.", valueName: "path"))
        var out: String

        @Option(help: ArgumentHelp("The account named in pagequality tags and as the revisions' contributor.", valueName: "name"))
        var user: String = ""

        func validate() throws {
            if DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
            if out.isEmpty { throw ValidationError("--out needs a path ('-' for standard output)") }
            if out == OutputPath.standardOutput && format == .files {
                throw ValidationError("--format files writes a folder of files; '-' (standard output) takes one file: use --format xml or pagefromfile, or name a folder")
            }
        }

        func run() throws {
            guard let id = DocumentID(document) else { throw ValidationError("'\(document)' is not a document slug") }
            let result: WikitextExport.Result
            let files: [ExportFile]
            let catalogue: Catalogue
            let pendingOverride: ClearanceGate.PendingOverride?
            do {
                catalogue = try catalogueOptions.open()
                pendingOverride = try generation.gate(id, catalogue: catalogue, command: "quire export --format \(format.rawValue)")
                result = try generation.generate(id, catalogue: catalogue, user: user)
                let source = try catalogue.metadata(of: id).wikiFileName.map { "the scan \($0)" } ?? "its page images"
                let provenance = DocumentExport.Provenance(
                    contributor: user.isEmpty ? "Quire" : user,
                    comment: "Quire \(QuireVersion.number): text of '\(id)' from \(source)",
                    timestamp: ISO8601DateFormatter().string(from: Date()), generator: "Quire \(QuireVersion.number)")
                files = try DocumentExport.render(result.document.publicationItems, profile: generation.wiki.profile, format: format, provenance: provenance)
            } catch {
                throw QuireExit.fail(error)
            }
            switch format {
            case .xml, .pagefromfile:
                guard let file = files.first else { throw QuireExit.fail(CoreError(.internalError, "the export produced no file", remedy: "report this as a bug")) }
                if out == OutputPath.standardOutput {
                    FileHandle.standardOutput.write(Data(file.bytes))
                } else {
                    try createFolder(OutputPath.folder(of: out))
                    try write(file.bytes, to: out)
                }
            case .files:
                try createFolder(out)
                for file in files { try write(file.bytes, to: OutputPath.join(out, file.name)) }
            }
            // The export exists: only now does an override enter the history.
            try generation.clearance.record(pendingOverride, catalogue: catalogue)
            let pages = result.document.pages.count
            Terminal.note("Exported \(pages) Page: pages, the Index page and \(result.document.mainPages.count) main page(s) for \(generation.wiki.rawValue) as \(format.rawValue) to \(out == OutputPath.standardOutput ? "standard output" : out)")
            if !result.pagesWithoutText.isEmpty { throw ExitCode(QuireExit.partial) }
        }

        /// Creates `folder` and its parents when missing (nothing to do for the current folder).
        private func createFolder(_ folder: String) throws {
            guard !folder.isEmpty else { return }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw QuireExit.fail(CoreError(.outputNotWritable, "the output folder cannot be created", remedy: "choose another --out path", context: ErrorContext(file: folder)))
            }
        }

        private func write(_ bytes: [UInt8], to path: String) throws {
            do { try AtomicFile.write(Data(bytes), to: path) } catch { throw QuireExit.fail(error) }
        }
    }
}
