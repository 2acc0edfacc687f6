import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
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

        @OptionGroup(title: "Who made it, when and where it was published")
        var work: WorkFactsOptions

        @OptionGroup(title: "Rights facts and evidence (see 'quire clearance set')")
        var rights: RightsOptions

        @Option(name: .customLong("wiki-file"), help: ArgumentHelp("The scan's file name on the wiki, e.g. \"Discurso 1972.pdf\".", valueName: "name"))
        var wikiFile: String?

        @Option(name: .customLong("id"), help: ArgumentHelp("The document's slug (default: made from the title).", valueName: "slug"))
        var id: String?

        @Flag(name: .customLong("accept-changes"), help: "Re-register files whose content changed, resetting their pages for OCR.")
        var acceptChanges = false

        @Flag(name: .long, help: "Register the files in a folder's subfolders too, in natural order by path (otherwise subfolders are skipped and named).")
        var recursive = false

        @Flag(name: .customLong("accept-signed-pdf"), help: "Register digitally signed PDFs (refused otherwise, for a person to decide; Quire never modifies them).")
        var acceptSignedPDF = false

        func validate() throws {
            if let id, DocumentID(id) == nil {
                throw ValidationError("--id '\(id)' is not a slug: use 1–64 lowercase letters, digits, '-', '_' or '.', starting with a letter or digit")
            }
            guard let languages = LanguageSet(lang) else {
                throw ValidationError("--lang '\(lang)' is not a list of Tesseract language codes such as spa or spa+eng")
            }
            // Tesseract's own codes, or a model installed under another name (a custom one).
            let installed = Set((try? TessdataLocator(explicit: nil, environment: ProcessInfo.processInfo.environment))?.installedLanguages ?? [])
            for language in languages.languages where !TesseractLanguages.isKnown(language) && !installed.contains(language) {
                if let meant = TesseractLanguages.suggestion(for: language.tesseractCode) {
                    throw ValidationError("--lang: '\(language)' is not a Tesseract language code: did you mean \(meant)? (Tesseract names languages by ISO 639-2/T codes: spa, deu, fra…)")
                }
                throw ValidationError("--lang: '\(language)' is not a language Tesseract knows; use its ISO 639-2/T codes (spa, deu, fra…; 'tesseract --list-langs' lists those installed)")
            }
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--title must not be empty") }
        }

        func run() throws {
            guard let languages = LanguageSet(lang) else { throw ValidationError("--lang '\(lang)' is not a list of language codes") }
            let metadata = DocumentMetadata(
                title: title.trimmingCharacters(in: .whitespaces), contributors: try work.contributors(), publication: work.publication,
                languages: languages, publisher: work.publisher, wikiFileName: wikiFile)
            let request = AddRequest(
                paths: paths, workingDirectory: FileManager.default.currentDirectoryPath,
                documentID: id.flatMap(DocumentID.init), metadata: metadata, acceptChanges: acceptChanges, acceptSignedPDF: acceptSignedPDF,
                recursive: recursive)
            if let tessdata = try? TessdataLocator(explicit: nil, environment: ProcessInfo.processInfo.environment) {
                for language in languages.languages where !tessdata.installedLanguages.contains(language) {
                    Terminal.warning("language data '\(language)' is not installed in \(tessdata.folder): install \(language.debianPackage) before 'quire ocr'")
                }
            }
            let report: AddReport
            let catalogue = try catalogueOptions.open()
            report = try DocumentRegistrar(catalogue: catalogue).add(request)
            try recordRights(report, catalogue: catalogue)

            if output.json {
                try Terminal.json(AddReportJSON(report))
            } else {
                AddReportText.print(report)
            }
            let failures = report.failures
            // A change not accepted is a conflict with the catalogue.
            try QuireExit.endBatch(
                succeeded: report.registeredCount, failed: failures.count + report.unacceptedChanges.count,
                firstFailure: QuireExit.code(for: failures.first?.code.category ?? .conflict))
            // Nothing registered at all (everything skipped): say so and fail, so a script stops here.
            if report.registeredCount == 0 { throw ExitCode(QuireExit.code(for: ErrorCategory.input)) }
        }

        /// Facts given at `add` go through the clearance desk, so they enter the history: for a new
        /// document every fact given (author and dates, publication, country…) with the rights
        /// facts; for a document that existed, what changed.
        private func recordRights(_ report: AddReport, catalogue: Catalogue) throws {
            let change = try FactsChange(work: nil, rights: rights)
            guard (try? catalogue.summary(of: report.document)) != nil else { return }
            let actor = ActorOptions.current() ?? "quire add"
            let desk = ClearanceDesk(catalogue: catalogue)
            if report.created {
                try desk.recordFactsGivenAtAdd(report.document, rights: change, actor: actor, reason: "given at 'quire add'")
            } else if !change.isEmpty {
                try desk.setFacts(report.document, change, actor: actor, reason: "given at 'quire add'")
            }
        }
    }
}
