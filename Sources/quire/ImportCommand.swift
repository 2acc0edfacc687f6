import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireXML

extension Quire {
    /// `quire import`: ALTO, PAGE-XML and hOCR from other engines, into a document or converted.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach ALTO, PAGE-XML or hOCR results to a document's pages, or convert them (--to).",
            discussion: """
                'quire import DOC FILES…' stores each file's text on the page whose image has the same \
                base name (p3.xml → p3.jpg), or by order when no name matches, or as --map FILE=PAGE \
                says; the pages then flow through 'quire wikitext' like OCR'd ones, with their region \
                roles used for headers, page numbers and footnotes. 'quire import FILES… --to FORMAT' \
                converts instead and prints (txt pages separated by form feeds, json one line per \
                file; one XML file at a time, or --out DIR). Files are parsed safely: no network, no \
                entities, no DTD, 20 MiB at most, regular files only.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions

        @Argument(help: ArgumentHelp("A document slug followed by result files; or, with --to, only files.", valueName: "document-or-file"))
        var arguments: [String]

        @Option(name: .customLong("to"), help: ArgumentHelp("Convert to this format instead of attaching.", valueName: "format"))
        var format: OCRFormat?

        @Option(help: ArgumentHelp("With --to: write NAME.EXT files here instead of printing.", valueName: "dir"))
        var out: String?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Explicit matches, FILE=PAGE (physical page numbers).", valueName: "file=page"))
        var map: [String] = []

        func validate() throws {
            if format == nil {
                guard arguments.count >= 2, DocumentID(arguments[0]) != nil else {
                    throw ValidationError("give a document slug and the files to attach, or --to FORMAT to convert files")
                }
            } else if !map.isEmpty {
                throw ValidationError("--map matches files to a document's pages; it does not go with --to")
            }
            for entry in map where entry.split(separator: "=").count != 2 || Int(entry.split(separator: "=").last ?? "").flatMap(PageNumber.init) == nil {
                throw ValidationError("--map '\(entry)' is not FILE=PAGE with a page number from 1")
            }
        }

        func run() throws {
            if let format { try convert(arguments, to: format) } else { try attach() }
        }

        private func attach() throws {
            guard let id = DocumentID(arguments[0]) else { throw ValidationError("'\(arguments[0])' is not a document slug") }
            let working = FileManager.default.currentDirectoryPath
            let files = arguments.dropFirst().map { CatalogueLocator.absolutePath($0, relativeTo: working) }
            var mapping: [String: PageNumber] = [:]
            for entry in map {
                let parts = entry.split(separator: "=").map(String.init)
                if let page = Int(parts[1]).flatMap(PageNumber.init) { mapping[CatalogueLocator.absolutePath(parts[0], relativeTo: working)] = page }
            }
            let result: (matching: ImportAttachment.Matching, outcomes: [ImportAttachment.Outcome]) = try ImportAttachment(catalogue: try catalogueOptions.open()).attach(files, to: id, map: mapping)
            var attached = 0
            var failures: [any QuireError] = []
            for outcome in result.outcomes {
                switch outcome {
                case .attached(let file, let page, let words):
                    Terminal.out("attached   \(file) → page \(page) (\(words) words)")
                    attached += 1
                case .failed(let error):
                    Terminal.error(error.description)
                    failures.append(error)
                }
            }
            Terminal.note("Imported \(attached) of \(result.outcomes.count) file(s) into '\(id)', matched \(result.matching.rawValue)\(mapping.isEmpty ? "" : " and by --map").")
            try QuireExit.endBatch(succeeded: attached, failures: failures)
        }

        private func convert(_ files: [String], to format: OCRFormat) throws {
            let isXML = [.alto, .hocr, .page].contains(format)
            if isXML && out == nil && files.count > 1 {
                throw ValidationError("an XML format holds one page: convert one file at a time, or pass --out DIR")
            }
            let output = try out.map { try OCROutput(folder: $0, formats: [format], inputs: files) }
            var failures: [any QuireError] = []
            for file in files {
                let text: PageText
                do {
                    text = try XMLImport.read(fileAt: file)
                } catch {
                    Terminal.error(error.description)
                    failures.append(error)
                    continue
                }
                if let output {
                    if let error = output.write(text, base: ImportAttachment.baseName(file)) { Terminal.error(error.description); failures.append(error) }
                    continue
                }
                var data = try format.render(text, imageFileName: nil)
                if format == .json { data = try JSONEncoder().encode(text) + Data("\n".utf8) }
                if format == .txt { data += Data("\u{0C}".utf8) }
                FileHandle.standardOutput.write(data)
            }
            try QuireExit.endBatch(succeeded: files.count - failures.count, failures: failures)
        }
    }
}
