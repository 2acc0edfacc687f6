public import ArgumentParser
import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
import QuirePipeline

extension Quire {
    /// `quire ocr`: OCR scans, either files directly or a catalogue's documents.
    struct OCR: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "OCR image, PDF and DjVu files (text to stdout), or the pages of catalogue documents not yet done.",
            discussion: """
                With files, prints their text as 'tesseract FILE -' does, pages separated by form \
                feeds; '-' reads an image or PDF from standard input ('quire ocr - < scan.jpg', or \
                with no arguments from a pipe), and a last '-' after files is standard output, as \
                in 'quire ocr scan.jpg -'. A name that is neither a file nor a document is reported \
                as 'no such file' (exit 4). With document slugs (or --all), OCRs their pages that have no text yet, \
                page by page into the catalogue: interrupted and run again, it continues where it \
                stopped. A page that fails twice is quarantined (--retry-quarantined frees it).
                """)

        @OptionGroup var catalogueOptions: CatalogueOptions
        @OptionGroup var engine: EngineOptions

        @Argument(help: ArgumentHelp("Image, PDF or DjVu files ('-': standard input); or document slugs.", valueName: "file-or-document"))
        var targets: [String] = []

        @Flag(help: "OCR every document in the catalogue.")
        var all = false

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Output formats written under --out.", valueName: "format"))
        var format: [OCRFormat] = []

        @Option(help: ArgumentHelp("Folder for per-page output files (created when missing); with files, FILE.pdf or FILE.djvu writes one searchable PDF or DjVu of every page instead.", valueName: "dir"))
        var out: String?

        @Flag(name: .customLong("accept-signed-pdf"), help: "With --out FILE.pdf: write a digitally signed input PDF anyway (its signature no longer verifies).")
        var acceptSignedPDF = false

        @Flag(name: .customLong("redo-text"), help: "With --out FILE.pdf: add Quire's layer to an input PDF that already has text.")
        var redoText = false

        @Flag(help: "Print a JSON summary for scripts instead of text.")
        var json = false

        @Flag(name: .customLong("retry-quarantined"), help: "Give quarantined pages another two attempts.")
        var retryQuarantined = false

        @Flag(help: "OCR the documents' pages again, also those that have text. A page a person saved in 'quire serve' keeps their text as the current one; the new OCR is stored beside it.")
        var force = false

        func validate() throws {
            if targets.isEmpty && !all && !Terminal.standardInputIsData {
                throw ValidationError("name files or documents to OCR ('-' reads an image or PDF from standard input), or pass --all")
            }
            if all && !targets.isEmpty { throw ValidationError("--all OCRs every document; do not name targets with it") }
            if !format.isEmpty && out == nil { throw ValidationError("--format needs --out DIR") }
            if force && targets.isEmpty && !all { throw ValidationError("--force OCRs catalogue documents again: name them or pass --all") }
            if searchablePDF != nil && !format.isEmpty { throw ValidationError("--out FILE.pdf or FILE.djvu writes a searchable file; --format is for --out DIR") }
            if searchablePDF != nil && all { throw ValidationError("--out FILE.pdf makes a PDF from files; for catalogue documents use 'quire export DOC --format pdf'") }
            if (acceptSignedPDF || redoText) && searchablePDF == nil { throw ValidationError("--accept-signed-pdf and --redo-text go with --out FILE.pdf") }
        }

        /// The searchable PDF or DjVu to write, when --out names a .pdf or .djvu file.
        var searchablePDF: String? {
            guard let out, SearchableBuild.Kind(path: out) != nil else { return nil }
            return out
        }

        func run() throws {
            let workingDirectory = FileManager.default.currentDirectoryPath
            let output = searchablePDF == nil ? try out.map { try OCROutput(folder: $0, formats: format.isEmpty ? [.txt] : format) } : nil
            if all {
                try OCRDocuments(engine: engine, catalogueOptions: catalogueOptions, documents: nil, output: output, json: json, retryQuarantined: retryQuarantined, force: force).run()
                return
            }
            // `cat scan.jpg | quire ocr`: with nothing named, the image comes on standard input.
            let arguments = targets.isEmpty ? ["-"] : targets
            let resolved: OCRTargets
            var catalogue: Catalogue??
            resolved = try OCRTargets.resolve(arguments, workingDirectory: workingDirectory) { id in
                if catalogue == nil { catalogue = .some(try catalogueOptions.openIfPresent()) }
                guard let opened = catalogue ?? nil else { return false }
                return (try? opened.summary(of: id)) != nil
            }
            switch resolved {
            case .files(let files):
                let pdf = searchablePDF.map { OCRFiles.SearchableOutput(path: $0, consent: SearchableBuild.Consent(acceptSigned: acceptSignedPDF, redoText: redoText)) }
                try OCRFiles(engine: engine, files: files, output: output, json: json, searchable: pdf).run(workingDirectory: workingDirectory)
            case .documents(let ids):
                if searchablePDF != nil { throw ValidationError("--out FILE.pdf makes a PDF from files; for catalogue documents use 'quire export DOC --format pdf'") }
                try OCRDocuments(engine: engine, catalogueOptions: catalogueOptions, documents: ids, output: output, json: json, retryQuarantined: retryQuarantined, force: force).run()
            }
        }
    }
}

/// Engine settings shared by OCR commands.
struct EngineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Languages, Tesseract codes joined by + (default: the document's; eng for files).", valueName: "codes"))
    var lang: String?

    @Option(help: ArgumentHelp("Tesseract page segmentation mode (0–13).", valueName: "n"))
    var psm: Int = 3

    @Option(help: ArgumentHelp("Folder with *.traineddata (default: TESSDATA_PREFIX, then the system's).", valueName: "dir"))
    var tessdata: String?

    // Optional, so that the help does not print this machine's core count as the default.
    @Option(name: .customLong("jobs"), help: ArgumentHelp("Pages read at once (default: the number of cores).", valueName: "n"))
    var requestedJobs: Int?

    /// The workers: as asked, or one per core.
    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: ArgumentHelp("Image preparation before OCR.", valueName: "mode"))
    var preprocess: PreprocessMode = .auto

    @Option(help: ArgumentHelp("Seconds one page may take before it is stopped and flagged.", valueName: "seconds"))
    var deadline: Double = 180

    @Option(help: ArgumentHelp("Resolution for images that do not state one, and for rendering PDF pages.", valueName: "dpi"))
    var dpi: Int = 300

    @Flag(name: .customLong("use-text-layer"), help: "Take a PDF or DjVu page's existing text layer instead of OCR (pages without one are OCR'd).")
    var useTextLayer = false

    @Flag(name: .customLong("detect-script"), inversion: .prefixedNo,
          help: "Detect each page's script and read blackletter (Fraktur) pages of deu with the frk model (needs osd and frk installed).")
    var detectScript = true

    func validate() throws {
        if let lang, LanguageSet(lang) == nil { throw ValidationError("--lang '\(lang)' is not a list of Tesseract language codes such as spa+eng") }
        if !(0...13).contains(psm) { throw ValidationError("--psm must be 0–13") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if deadline <= 0 { throw ValidationError("--deadline must be positive") }
        if !(70...1200).contains(dpi) { throw ValidationError("--dpi must be 70–1200") }
    }

    /// The tessdata folder, after checking that every language in `needed` is installed.
    func preflight(_ needed: [LanguageSet]) throws -> TessdataLocator {
        let locator = try TessdataLocator(explicit: tessdata, environment: ProcessInfo.processInfo.environment)
        for languages in needed { try locator.requireInstalled(languages) }
        return locator
    }

    /// A pool of `jobs` workers, each with its own Tesseract.
    func pool(tessdata: TessdataLocator, defaultLanguages: LanguageSet) -> PageWorkerPool {
        PageWorkerPool(factory: factory(tessdata: tessdata, defaultLanguages: defaultLanguages), workers: jobs)
    }

    /// The workers' engine maker, with these options.
    func factory(tessdata: TessdataLocator, defaultLanguages: LanguageSet) -> TesseractEngineFactory {
        TesseractEngineFactory(options: TesseractOptions(
            languages: defaultLanguages, tessdata: tessdata.folder, pageSegmentationMode: psm, preprocess: preprocess,
            deadline: deadline, defaultDPI: dpi, useTextLayer: useTextLayer, detectScript: detectScript))
    }
}

extension PreprocessMode: ExpressibleByArgument {}
