import ArgumentParser
import Foundation
import QuireAlign
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireWikitext

extension Quire {
    /// `quire split`: match & split of a known text onto a document's pages, or a text-only
    /// release segmented into main-namespace pages.
    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split a known text (transcript) onto a document's scanned pages, or segment a text released without a scan.",
            discussion: """
                'quire split DOC --text speech.txt' aligns the text (plain or Markdown, UTF-8) to the \
                OCR of the document's pages and cuts it at the page breaks; each page gets its part, a \
                confidence and flags. Pages whose break is uncertain are level 2 and listed. Unless \
                --dry-run, the split is stored and 'quire wikitext' uses it instead of the OCR (the OCR \
                still gives running headers and page numbers). A text that does not match the scan, or \
                only part of it, is refused and nothing is stored.

                'quire split --text speech.txt --no-scan --wiki es --out DIR' writes main-namespace \
                pages instead: one per speech or chapter (from its headings), page markers (form feed, \
                [p. 12], {{page|12}}, — 12 —) kept as anchors, the wiki's header template on each.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("The document's slug (not with --no-scan).", valueName: "document"))
        var document: String?

        @Option(help: ArgumentHelp("The known text: plain text or Markdown, UTF-8, any line endings.", valueName: "file"))
        var text: String

        @Flag(help: "Show the split without storing it.")
        var dryRun = false

        @Option(help: ArgumentHelp("Split onto these physical pages only (the pages the text covers).", valueName: "from-to"))
        var pages: String?

        @Flag(help: "The text has no scan: write main-namespace pages (needs --wiki and --out).")
        var noScan = false

        @Option(help: ArgumentHelp("With --no-scan: the target wiki's profile.", valueName: "code"))
        var wiki: WikiCode?

        @Option(help: ArgumentHelp("With --no-scan: folder for the pages (created when missing).", valueName: "dir"))
        var out: String?

        @Option(help: ArgumentHelp("With --no-scan: the work's title (default: the file's name).", valueName: "title"))
        var title: String?

        @Option(help: ArgumentHelp("With --no-scan: the author, for the header template.", valueName: "name"))
        var author: String?

        func validate() throws {
            if noScan {
                if document != nil { throw ValidationError("--no-scan splits a text without a document; leave out '\(document ?? "")'") }
                if wiki == nil || out == nil { throw ValidationError("--no-scan needs --wiki CODE and --out DIR") }
                if dryRun || pages != nil { throw ValidationError("--dry-run and --pages go with a document, not with --no-scan") }
            } else {
                guard let document else { throw ValidationError("give the document to split onto, or --no-scan for a text without a scan") }
                if DocumentID(document) == nil { throw ValidationError("'\(document)' is not a document slug") }
                if wiki != nil || out != nil || title != nil || author != nil { throw ValidationError("--wiki, --out, --title and --author go with --no-scan; 'quire wikitext' writes a document's pages") }
                if let pages, Self.range(pages) == nil { throw ValidationError("--pages '\(pages)' is not FROM-TO with physical page numbers from 1") }
            }
        }

        static func range(_ text: String) -> ClosedRange<Int>? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 1, parts[0] <= parts[1] else { return nil }
            return parts[0]...parts[1]
        }

        func run() throws {
            if noScan { return try release() }
            guard let document, let id = DocumentID(document) else { throw ValidationError("give the document to split onto") }
            let path = CatalogueLocator.absolutePath(text, relativeTo: FileManager.default.currentDirectoryPath)
            let outcome: SplitDocument.Outcome
            do {
                outcome = try SplitDocument(catalogue: try catalogueOptions.open()).split(id, textFile: path, pages: pages.flatMap(Self.range), dryRun: dryRun)
            } catch {
                throw Self.naming(error, file: text)
            }
            let result = outcome.result
            if output.json {
                try Terminal.json(SplitJSON(result, stored: outcome.stored))
            } else {
                for page in result.pages {
                    var line = "page \(page.number): "
                    line += page.hasText ? "\(page.words) words (\(page.wordsFound) found in the OCR), confidence \(String(format: "%.2f", page.confidence)), level \(page.level.rawValue)" : (page.flags.contains(.blankPage) ? "blank, no text" : "no part of the text, keeps its OCR")
                    if !page.flags.isEmpty { line += " [" + page.flags.map(\.rawValue).joined(separator: ", ") + "]" }
                    Terminal.out(line)
                    for reason in page.reasons { Terminal.out("    " + reason) }
                }
            }
            let problems = result.problematicPages
            if !problems.isEmpty {
                Terminal.warning("document '\(id)': \(problems.count == 1 ? "page" : "pages") \(PageSplitter.describe(problems)) \(problems.count == 1 ? "is" : "are") level 2 (problematic): check \(problems.count == 1 ? "its" : "their") breaks against the scan")
            }
            let share = Int((result.foundShare * 100).rounded())
            Terminal.note(outcome.stored
                ? "Split stored: \(result.pages.filter(\.hasText).count) pages with text, \(share)% of the text's words found in the OCR; 'quire wikitext \(id)' uses it."
                : "Dry run: \(result.pages.filter(\.hasText).count) pages with text, \(share)% of the text's words found in the OCR; nothing stored.")
        }

        /// A text-only release: main-namespace pages in `--out`.
        private func release() throws {
            guard let wiki, let out else { throw ValidationError("--no-scan needs --wiki CODE and --out DIR") }
            let path = CatalogueLocator.absolutePath(text, relativeTo: FileManager.default.currentDirectoryPath)
            let content: String
            do { content = try SplitDocument.readText(path).text } catch { throw Self.naming(error, file: text) }
            let name = title ?? ((text as NSString).lastPathComponent as NSString).deletingPathExtension
            let pages: [GeneratedWikiPage] = try TextRelease(wiki: wiki).pages(of: content, title: name, author: author)
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw CoreError(.outputNotWritable, "the output folder cannot be created", remedy: "choose another --out folder", context: ErrorContext(file: out))
            }
            var manifest: [ManifestJSON] = []
            var files: [(path: String, data: Data)] = []
            for (page, file) in zip(pages, WikitextExport.fileNames(for: pages.map(\.title))) {
                files.append(((out as NSString).appendingPathComponent(file), Data(page.wikitext.utf8)))
                manifest.append(ManifestJSON(title: page.title, file: file, level: nil, flags: []))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files.append(((out as NSString).appendingPathComponent("manifest.json"), try encoder.encode(manifest)))
            try OutputFile.writeAll(files)
            if output.json { try Terminal.json(manifest) }
            Terminal.note("Text-only release for \(wiki.rawValue): \(pages.count) main-namespace page(s) in \(out)")
        }

        /// Errors about the text name it as the user typed it.
        private static func naming(_ error: any Error, file: String) -> any Error {
            guard let quire = error as? any QuireError, quire.context.file != nil else { return error }
            var context = quire.context
            context.file = file
            return PipelineError(quire.code, quire.message, remedy: quire.remedy, context: context)
        }
    }
}

/// `quire split --json`.
struct SplitJSON: Encodable {
    struct Page: Encodable {
        var number: Int
        var text: String
        var confidence: Double
        var flags: [String]
        var reasons: [String]
        var level: Int
        var words: Int
        var wordsFound: Int
        var hasText: Bool
    }

    var pages: [Page]
    var problematic: [Int]
    var foundShare: Double
    var stored: Bool

    init(_ result: SplitResult, stored: Bool) {
        pages = result.pages.map {
            Page(number: $0.number.rawValue, text: $0.text, confidence: $0.confidence, flags: $0.flags.map(\.rawValue), reasons: $0.reasons,
                 level: $0.level.rawValue, words: $0.words, wordsFound: $0.wordsFound, hasText: $0.hasText)
        }
        problematic = result.problematicPages.map(\.rawValue)
        foundShare = (result.foundShare * 1000).rounded() / 1000
        self.stored = stored
    }
}
