import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline

extension Quire {
    /// `quire add`: registers a document and its scans or transcript.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a document from scans (images, folders, TIFF, PDF, DjVu) or a transcript.",
            discussion: """
                Every source page is recorded with its file, SHA-256 and physical page number. Adding \
                the same files again changes nothing; a file whose content changed is reported \
                (--accept-changes re-registers it and redoes its OCR). In a folder, files that are \
                not scans are skipped; name a transcript (.txt, .md) explicitly.
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("Scan files, folders of page images, or a UTF-8 transcript.", valueName: "path"))
        var paths: [String]

        @Option(help: "The work's title, as on the wiki.")
        var title: String

        @Option(help: ArgumentHelp("Languages of the text, Tesseract codes joined by + (spa, deu_latf, spa+eng).", valueName: "codes"))
        var lang: String

        @Option(help: ArgumentHelp("An author: \"Name (1908–1973)\", \"Name (b. 1950)\", anonymous or unknown. Repeatable.", valueName: "name"))
        var author: [String] = []

        @Option(help: ArgumentHelp("A translator, in the same form. Repeatable.", valueName: "name"))
        var translator: [String] = []

        @Option(help: ArgumentHelp("An editor, in the same form. Repeatable.", valueName: "name"))
        var editor: [String] = []

        @Option(help: ArgumentHelp("An illustrator, in the same form. Repeatable.", valueName: "name"))
        var illustrator: [String] = []

        @Option(help: ArgumentHelp("First publication: 1972, 1972-09-04, 1970s or 19th century.", valueName: "date"))
        var published: String?

        @Flag(help: "The work was never published (a manuscript, an unprinted speech).")
        var unpublished = false

        @Option(help: ArgumentHelp("Place of publication as printed.", valueName: "place"))
        var place: String?

        @Option(help: ArgumentHelp("Country of first publication, ISO 3166-1 (CL, ES, US).", valueName: "code"))
        var country: String?

        @Option(help: ArgumentHelp("Publisher as printed.", valueName: "name"))
        var publisher: String?

        @Option(name: .customLong("wiki-file"), help: ArgumentHelp("The scan's file name on the wiki, e.g. \"Discurso 1972.pdf\".", valueName: "name"))
        var wikiFile: String?

        @Option(name: .customLong("id"), help: ArgumentHelp("The document's slug (default: made from the title).", valueName: "slug"))
        var id: String?

        @Flag(name: .customLong("accept-changes"), help: "Re-register files whose content changed, resetting their pages for OCR.")
        var acceptChanges = false

        @Flag(name: .customLong("accept-signed-pdf"), help: "Register digitally signed PDFs (refused otherwise, for a person to decide; Quire never modifies them).")
        var acceptSignedPDF = false

        func validate() throws {
            if let id, DocumentID(id) == nil {
                throw ValidationError("--id '\(id)' is not a slug: use 1–64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit")
            }
            if LanguageSet(lang) == nil { throw ValidationError("--lang '\(lang)' is not a list of Tesseract language codes such as spa or spa+eng") }
            if let published, HistoricalDate.parse(published) == nil {
                throw ValidationError("--published '\(published)' is not a date: use 1972, 1972-09-04, 1970s or 19th century")
            }
            if published != nil && unpublished { throw ValidationError("--published and --unpublished contradict each other") }
            if let country, CountryCode(country) == nil { throw ValidationError("--country '\(country)' is not an ISO 3166-1 alpha-2 code such as CL") }
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title must not be empty") }
            _ = try contributors()
        }

        private func contributors() throws -> [Contributor] {
            var list: [Contributor] = []
            for (names, role) in [(author, ContributorRole.author), (translator, .translator), (editor, .editor), (illustrator, .illustrator)] {
                for name in names {
                    do { list.append(try Contributor.parse(name, role: role)) } catch { throw ValidationError("--\(role.rawValue): \(error.message) — \(error.remedy)") }
                }
            }
            return list
        }

        func run() throws {
            guard let languages = LanguageSet(lang) else { throw ValidationError("--lang '\(lang)' is not a list of language codes") }
            let metadata = DocumentMetadata(
                title: title.trimmingCharacters(in: .whitespaces), contributors: try contributors(),
                publication: Publication(
                    date: published.flatMap(HistoricalDate.parse), place: place, country: country.flatMap(CountryCode.init), unpublished: unpublished),
                languages: languages, publisher: publisher, wikiFileName: wikiFile)
            let request = AddRequest(
                paths: paths, workingDirectory: FileManager.default.currentDirectoryPath,
                documentID: id.flatMap(DocumentID.init), metadata: metadata, acceptChanges: acceptChanges, acceptSignedPDF: acceptSignedPDF)
            let report: AddReport
            do {
                report = try DocumentRegistrar(catalogue: try catalogueOptions.open()).add(request)
            } catch {
                throw QuireExit.fail(error)
            }
            if output.json {
                try Terminal.json(AddReportJSON(report))
            } else {
                AddReportText.print(report)
            }
            let failures = report.failures
            if !failures.isEmpty || !report.unacceptedChanges.isEmpty {
                if report.registeredCount > 0 { throw ExitCode(QuireExit.partial) }
                if let first = failures.first { throw ExitCode(QuireExit.code(for: first.code.category)) }
                throw ExitCode(QuireExit.code(for: ErrorCategory.conflict))
            }
        }
    }
}
