public import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
import QuirePipeline
import QuireWikitext

extension WikiCode: ExpressibleByArgument {}

extension Quire {
    /// `quire wikitext`: Page:, Index and main pages for a wiki.
    struct Wikitext: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a document's Page: pages, Index page and main page(s) as wikitext for a Wikisource.",
            discussion: """
                One file per page, named after its title, plus manifest.json (title → file, level, \
                flags). Running headers go to the header field with the wiki's template, footnotes \
                become <ref>, line-end hyphenation is joined, words split across pages and \
                paragraphs ending at a page end follow the wiki's conventions; OCR text never \
                becomes markup. --page N prints one Page: page to stdout instead, for proofreading: \
                that needs no clearance and records nothing. Files need the document cleared for \
                the wiki's Wikisource ('quire clearance'); otherwise the command stops with exit 9 \
                unless --override-clearance gives a reason, which is recorded.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions

        @Argument(help: ArgumentHelp("The document's slug.", valueName: "document"))
        var document: String

        @OptionGroup var generation: GenerationOptions

        @Option(help: ArgumentHelp("Folder for the files (created when missing).", valueName: "dir"))
        var out: String?

        @Option(help: ArgumentHelp("Print only this physical page's wikitext.", valueName: "n"))
        var page: Int?

        @Option(help: ArgumentHelp("The account named in pagequality tags (the one that will publish).", valueName: "name"))
        var user: String = ""

        func validate() throws {
            if DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
            try generation.requireWiki()
            if out == nil && page == nil { throw ValidationError("give --out DIR, or --page N to print one page") }
            if let page, page < 1 { throw ValidationError("--page counts from 1") }
        }

        func run() throws {
            guard let id = DocumentID(document) else { throw ValidationError("'\(document)' is not a document slug") }
            let result: WikitextExport.Result
            let catalogue: Catalogue
            let pendingOverride: ClearanceGate.PendingOverride?
            catalogue = try catalogueOptions.open()
            // One page printed for proofreading is not a release: no gate, no history entry.
            let use: ClearanceGate.Use = page != nil && out == nil ? .onePagePreview : .release
            pendingOverride = ClearanceGate.isGated(use) ? try generation.gate(id, catalogue: catalogue, command: "quire wikitext") : nil
            result = try generation.generate(id, catalogue: catalogue, user: user)
            if let page {
                guard let generated = result.document.pages.first(where: { $0.number.rawValue == page }) else {
                    throw CoreError(.invalidArgument, "page \(page) has no generated text", remedy: "check the page number with 'quire status \(id)'", context: ErrorContext(document: id))
                }
                FileHandle.standardOutput.write(Data(generated.content.wikitext.utf8))
                try generation.clearance.record(pendingOverride, catalogue: catalogue)
                return
            }
            if let out { try write(result.document, to: out) }
            // The files exist: only now does an override enter the history.
            try generation.clearance.record(pendingOverride, catalogue: catalogue)
            let generated = result.document.pages
            let levels = PageQuality.allCases.map { level in generated.filter { $0.content.level == level }.count }
            Terminal.note("Wikitext for \(generation.wiki.rawValue): \(generated.count) Page: pages (levels 0/1/2/3/4: \(levels.map(String.init).joined(separator: "/"))), the Index page and \(result.document.mainPages.count) main page(s) in \(out ?? "")")
            if !result.pagesWithoutText.isEmpty { throw ExitCode(QuireExit.partial) }
        }

        private func write(_ document: GeneratedDocument, to folder: String) throws {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CoreError(.outputNotWritable, "the output folder cannot be created", remedy: "choose another --out folder", context: ErrorContext(file: folder))
            }
            var entries: [ManifestJSON] = []
            let titles = document.pages.map(\.title) + [document.index.title] + document.mainPages.map(\.title)
            let texts = document.pages.map(\.content.wikitext) + [document.index.wikitext] + document.mainPages.map(\.wikitext)
            let names = WikitextExport.fileNames(for: titles)
            var files: [(path: String, data: Data)] = []
            for ((name, text), entry) in zip(zip(names, texts), document.manifest) {
                files.append(((folder as NSString).appendingPathComponent(name), Data(text.utf8)))
                entries.append(ManifestJSON(title: entry.title, file: name, level: entry.level?.rawValue, flags: entry.flags))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files.append(((folder as NSString).appendingPathComponent("manifest.json"), try encoder.encode(entries)))
            // All or nothing: every file is written to its temporary before any replaces its target.
            try OutputFile.writeAll(files)
        }
    }
}

/// One line of manifest.json.
struct ManifestJSON: Encodable {
    var title: String
    var file: String
    var level: Int?
    var flags: [String]
}
