public import QuireCore
import Foundation

/// Settings of a Tesseract engine, shared by every worker of a batch.
public struct TesseractOptions: Sendable, Hashable {
    public var languages: LanguageSet
    /// The tessdata folder (see ``TessdataLocator``).
    public var tessdata: String
    /// Tesseract's page segmentation mode (`--psm`), 3 (fully automatic) by default.
    public var pageSegmentationMode: Int
    public var preprocess: PreprocessMode
    /// Seconds one page may take before recognition is stopped and the page flagged.
    public var deadline: Double
    /// The resolution assumed for images that do not state one, and used to render PDF pages.
    public var defaultDPI: Int
    /// In `auto` mode, a result with a mean word confidence below this is retried.
    public var retryBelowConfidence: Double
    /// Take a PDF or DjVu page's existing text layer instead of OCR (pages without one are OCR'd).
    public var useTextLayer: Bool
    /// Detect each page's script and read blackletter pages with the language's blackletter model
    /// (see ``ScriptChoice``), when that model and `osd` are installed.
    public var detectScript: Bool

    public init(
        languages: LanguageSet, tessdata: String, pageSegmentationMode: Int = 3, preprocess: PreprocessMode = .auto,
        deadline: Double = 180, defaultDPI: Int = 300, retryBelowConfidence: Double = 0.72, useTextLayer: Bool = false,
        detectScript: Bool = true
    ) {
        self.detectScript = detectScript
        self.useTextLayer = useTextLayer
        self.languages = languages
        self.tessdata = tessdata
        self.pageSegmentationMode = pageSegmentationMode
        self.preprocess = preprocess
        self.deadline = deadline
        self.defaultDPI = defaultDPI
        self.retryBelowConfidence = retryBelowConfidence
    }
}

/// Tesseract through its C API: one instance per worker, initialised once and reused for every
/// page, with Leptonica preprocessing chosen per page (see ``PreprocessMode``).
public final class TesseractEngine: OCREngine {
    public let identity: EngineIdentity
    let options: TesseractOptions
    private let api: TesseractAPI
    private lazy var orientationAPI: TesseractAPI? = try? TesseractAPI(languages: LanguageSet("osd")!, tessdata: options.tessdata)
    /// The languages blackletter pages are read with, when script detection applies.
    private let blackletterLanguages: LanguageSet?
    /// Their engine, loaded at the first blackletter page (nil until then, or if it fails to load).
    /// (Each reading sets its page segmentation mode itself.)
    private lazy var blackletterAPI: TesseractAPI? = blackletterLanguages.flatMap { try? TesseractAPI(languages: $0, tessdata: options.tessdata) }
    /// The script verdicts of each document's pages, shared with the run's other workers.
    private let scriptMemory: ScriptMemory
    private let loader: PageImageLoader

    /// Images smaller than this on either side are not OCR'd (`too_small`).
    static let minimumSide = 16
    /// Tesseract rejects images wider or taller than this; larger pages are scaled down.
    static let maximumSide = 32767

    /// Loads the models; throws `missing_dependency` when the languages cannot be loaded.
    /// `scriptMemory` is shared by the engines of one run (see ``ScriptMemory``).
    public init(options: TesseractOptions, scratchFolder: String? = nil, scriptMemory: ScriptMemory = ScriptMemory()) throws(OCRError) {
        self.options = options
        self.scriptMemory = scriptMemory
        api = try TesseractAPI(languages: options.languages, tessdata: options.tessdata)
        api.setPageSegmentationMode(options.pageSegmentationMode)
        identity = EngineIdentity(name: "tesseract", version: TesseractCalls.version())
        let tessdata = options.tessdata
        let installed = { (code: String) in FileManager.default.fileExists(atPath: (tessdata as NSString).appendingPathComponent(code + ".traineddata")) }
        blackletterLanguages = options.detectScript && installed("osd") ? ScriptChoice.blackletterLanguages(for: options.languages, isInstalled: installed) : nil
        loader = PageImageLoader(pdfDPI: options.defaultDPI, scratch: scratchFolder ?? NSTemporaryDirectory())
    }

    public func recognize(_ source: PageImageSource) throws -> PageText {
        try recognize(source, document: nil)
    }

    /// Reads a page of `document`: script detection may be skipped when the document's first
    /// detected pages settled it (``ScriptChoice/settledVerdict(blackletter:other:)``).
    public func recognize(_ source: PageImageSource, document: String?) throws -> PageText {
        let context = ErrorContext(file: source.path, page: source.pageIndex + 1)
        if options.useTextLayer, let layer = try TextLayerReader().read(source) {
            return TextSanitizer.sanitize(layer)
        }
        let (decoded, fileDPI) = try loader.load(source)
        guard var page = LeptonicaCalls.readable(decoded) else {
            throw OCRError(.invalidInput, "the image's pixel format cannot be converted for OCR", remedy: "re-export it as 8-bit grey or RGB", context: context)
        }
        var (width, height, _, _) = LeptonicaCalls.geometry(page)
        var dpi = fileDPI >= 70 ? fileDPI : options.defaultDPI
        guard width >= Self.minimumSide, height >= Self.minimumSide else {
            return PageText(width: width, height: height, dpi: dpi, regions: [], flags: [.tooSmall], provenance: provenance("not OCR-able: \(width)×\(height) px"))
        }
        if max(width, height) > Self.maximumSide {
            let factor = Double(Self.maximumSide - 1) / Double(max(width, height))
            guard let smaller = LeptonicaCalls.scaled(page, by: factor) else {
                throw OCRError(.imageTooLarge, "the page is \(width)×\(height) px and cannot be scaled below 32767 px", remedy: "scale the scan down", context: context)
            }
            page = smaller
            (width, height, _, _) = LeptonicaCalls.geometry(page)
            dpi = max(1, Int(Double(dpi) * factor))
        }
        let reader = chooseReader(page, dpi: dpi, document: document)
        var result: PageText
        if options.preprocess == .auto {
            result = try automatic(page, dpi: dpi, reader: reader)
        } else {
            result = try run(page, mode: options.preprocess, dpi: dpi, reader: reader)
            if readsAsRows(result) { result = try run(page, mode: options.preprocess, dpi: dpi, reader: reader, psm: TableLayout.rowsMode) }
        }
        result = TextSanitizer.sanitize(result)
        if result.isEmpty && !result.flags.contains(.ocrTimeout) { result.flags.insert(.blankPage) }
        return result
    }

    /// `none` first — the page as decoded, as the `tesseract` CLI reads it; if that looks poor
    /// (or found no word at all), `sauvola`; if that too looks poor, the page turned as orientation
    /// detection says. The best attempt by ``score(_:against:)`` wins. A page is never skipped on
    /// an estimate of its ink: faint typescript can look blank to a fixed threshold.
    private func automatic(_ page: PixImage, dpi: Int, reader: Reader) throws -> PageText {
        var attempts = [try run(page, mode: .none, dpi: dpi, reader: reader)]
        guard !attempts[0].flags.contains(.ocrTimeout) else { return attempts[0] }
        // Ink is estimated on a quarter-size image: the share of dark pixels barely changes, and
        // this runs on every page.
        let ink = LeptonicaCalls.sampled(page, by: 0.25).flatMap(LeptonicaCalls.grey).map(LeptonicaCalls.inkFraction) ?? 0
        if attempts[0].isEmpty || looksPoor(attempts[0], ink: ink), let grey = LeptonicaCalls.grey(page) {
            attempts.append(try run(grey, mode: .sauvola, dpi: dpi, reader: reader))
            if attempts.allSatisfy({ $0.isEmpty || looksPoor($0, ink: ink) }), let turned = turnedUpright(grey) {
                attempts.append(try run(turned.image, mode: .none, dpi: dpi, reader: reader, note: "rotated \(turned.quarterTurns * 90)°"))
            }
        }
        let most = attempts.map { Self.characterCount($0) }.max() ?? 0
        let winner = attempts.indices.max { score(attempts[$0], against: most) < score(attempts[$1], against: most) } ?? 0
        var best = attempts[winner]
        // A table read column by column: the page as decoded, read again in rows (only when that
        // path won; the retries' images are gone by now).
        if winner == 0 && readsAsRows(best) {
            best = try run(page, mode: .none, dpi: dpi, reader: reader, psm: TableLayout.rowsMode)
        }
        if attempts.count > 1 {
            let detail = best.provenance?.detail ?? ""
            best.provenance?.detail = detail + "; auto: best of \(attempts.count) attempts"
        }
        return best
    }

    /// Whether a result of automatic segmentation is a table to read again in rows (``TableLayout``;
    /// only when the user left `--psm` at 3).
    private func readsAsRows(_ page: PageText) -> Bool {
        options.pageSegmentationMode == 3 && !page.flags.contains(.ocrTimeout) && TableLayout.readsAsRows(page)
    }

    private func run(_ page: PixImage, mode: PreprocessMode, dpi: Int, reader: Reader, psm: Int? = nil, note: String? = nil) throws -> PageText {
        let input = mode == .none || mode == .auto ? page : (LeptonicaCalls.grey(page) ?? page)
        let (image, description) = Preprocessor.prepare(input, mode: mode)
        let (width, height, _, _) = LeptonicaCalls.geometry(image)
        let api = reader.api
        let segmentation = psm ?? options.pageSegmentationMode
        api.setPageSegmentationMode(segmentation)
        api.setImage(image, dpi: dpi)
        let outcome = withExtendedLifetime(image) { api.recognize(deadline: options.deadline) }
        var page = api.results(width: width, height: height, dpi: dpi)
        api.clear()
        if outcome.timedOut { page.flags.insert(.ocrTimeout) }
        let language = "lang \(api.languages)" + (reader.note.map { " (\($0))" } ?? "")
        page.provenance = provenance("preprocess \([note, description].compactMap { $0 }.joined(separator: ", ")); \(language); psm \(segmentation)\(psm == nil ? "" : " (rows across columns)")")
        return page
    }

    /// The engine that reads a page, and why when it is not the one asked for.
    private struct Reader {
        var api: TesseractAPI
        var note: String?
    }

    /// The requested languages' engine, or, when the language has a blackletter model and `osd`
    /// finds Fraktur on the page (``ScriptChoice``), the blackletter model's. A page of a document
    /// whose first detected pages settled its script takes their verdict without `osd`.
    private func chooseReader(_ page: PixImage, dpi: Int, document: String?) -> Reader {
        let requested = Reader(api: api, note: nil)
        guard blackletterLanguages != nil else { return requested }
        if let document, let settled = scriptMemory.settled(document, languages: options.languages) {
            guard settled, let blackletter = blackletterAPI else { return requested }
            return Reader(api: blackletter, note: "script Fraktur as the document's first \(ScriptChoice.pagesToSettle) pages, asked for \(options.languages)")
        }
        guard let grey = LeptonicaCalls.grey(page) else { return requested }
        let script = orientationAndScript(of: grey, dpi: dpi, sampling: ScriptChoice.sampledCharacters)?.script
        let blackletter = ScriptChoice.readsAsBlackletter(script)
        if let document, ScriptChoice.countsTowardSettling(script) {
            scriptMemory.record(document, languages: options.languages, blackletter: blackletter)
        }
        guard blackletter, let script, let reader = blackletterAPI else { return requested }
        return Reader(api: reader, note: "script \(script.name) \(String(format: "%.1f", script.confidence)), asked for \(options.languages)")
    }

    /// Characters `osd` classifies at least when the orientation is wanted (Tesseract's default).
    static let orientationSampledCharacters = 50

    /// What the `osd` model finds on `grey` (orientation and script) after classifying at least
    /// `sampling` characters; nil without the model or a result.
    private func orientationAndScript(of grey: PixImage, dpi: Int, sampling: Int) -> (quarterTurns: Int, confidence: Double, script: DetectedScript?)? {
        guard let osd = orientationAPI else { return nil }
        osd.setPageSegmentationMode(0)
        osd.setVariable("min_characters_to_try", String(sampling))
        osd.setImage(grey, dpi: dpi)
        defer { osd.clear() }
        return withExtendedLifetime(grey) { osd.detectOrientationScript() }
    }

    /// Orientation from the `osd` model, when installed and confident.
    private func turnedUpright(_ grey: PixImage) -> (image: PixImage, quarterTurns: Int)? {
        guard let (turns, confidence, _) = orientationAndScript(of: grey, dpi: options.defaultDPI, sampling: Self.orientationSampledCharacters), turns % 4 != 0, confidence > 2,
              let turned = LeptonicaCalls.rotated(grey, quarterTurns: turns) else { return nil }
        return (turned, turns)
    }

    /// Poor: a low mean confidence, or little text for the ink on the page.
    private func looksPoor(_ page: PageText, ink: Double) -> Bool {
        guard let confidence = page.meanConfidence else { return ink > 0.004 }
        let expectedCharacters = ink * Double(page.width * page.height) / 400  // ~400 dark px per glyph at 300 dpi
        return confidence < options.retryBelowConfidence || Double(Self.characterCount(page)) < expectedCharacters * 0.15
    }

    /// Mean confidence weighted by how much of the most text any attempt found.
    private func score(_ page: PageText, against most: Int) -> Double {
        guard most > 0 else { return 0 }
        return (page.meanConfidence ?? 0) * Double(Self.characterCount(page)) / Double(most)
    }

    static func characterCount(_ page: PageText) -> Int { page.words.reduce(0) { $0 + $1.text.count } }

    private func provenance(_ detail: String) -> TextProvenance {
        TextProvenance(engine: identity.description, detail: detail)
    }
}

/// Makes one ``TesseractEngine`` per worker.
public struct TesseractEngineFactory: OCREngineFactory {
    public let options: TesseractOptions
    public let scratchFolder: String?
    /// Shared by every engine the factory makes: the run's script verdicts per document.
    let scriptMemory = ScriptMemory()

    public init(options: TesseractOptions, scratchFolder: String? = nil) {
        self.options = options
        self.scratchFolder = scratchFolder
    }

    /// An engine for `languages` with the factory's other options.
    public func makeEngine(languages: LanguageSet) throws -> any OCREngine {
        var settings = options
        settings.languages = languages
        return try TesseractEngine(options: settings, scratchFolder: scratchFolder, scriptMemory: scriptMemory)
    }
}
