import Foundation
import QuireCore
@testable import QuireOCR
import QuireTestSupport
import Testing

/// The blackletter rule: which languages read a Fraktur page, and when a page counts as one.
struct ScriptChoiceTests {
    @Test("a language with a blackletter model is replaced by it, others kept", arguments: [
        ("deu", "frk"), ("deu+eng", "frk+eng"), ("eng+deu", "eng+frk"), ("frk+deu", "frk"),
    ])
    func blackletterLanguages(requested: String, expected: String) throws {
        let set = try #require(LanguageSet(requested))
        let languages = ScriptChoice.blackletterLanguages(for: set, isInstalled: { _ in true })
        #expect(languages == LanguageSet(expected))
    }

    @Test func noBlackletterModelMeansNoDetection() throws {
        #expect(ScriptChoice.blackletterLanguages(for: try #require(LanguageSet("spa+eng")), isInstalled: { _ in true }) == nil)
        #expect(ScriptChoice.blackletterLanguages(for: try #require(LanguageSet("frk")), isInstalled: { _ in true }) == nil)
        #expect(ScriptChoice.blackletterLanguages(for: try #require(LanguageSet("deu")), isInstalled: { $0 != "frk" }) == nil)
    }

    /// Scripts `osd` reported on pages of the tune half: blackletter books, German typescripts
    /// (where it guesses wildly, with low confidence) and an Antiqua exhibition catalogue.
    @Test("recorded detections", arguments: [
        ("Fraktur", 29.78, true), ("Fraktur", 5.79, true), ("Fraktur", 7.37, true),
        ("Latin", 17.71, false), ("Latin", 5.22, false), ("Greek", 0.59, false), ("Cyrillic", 0.23, false),
        ("Fraktur", 0.5, false),
    ])
    func recordedDetections(name: String, confidence: Double, blackletter: Bool) {
        #expect(ScriptChoice.readsAsBlackletter(DetectedScript(name: name, confidence: confidence)) == blackletter)
    }

    @Test func nothingDetectedKeepsTheRequestedModel() {
        #expect(!ScriptChoice.readsAsBlackletter(nil))
    }

    @Test("a document is settled by its first pages all alike, never once they disagree", arguments: [
        (3, 0, true), (5, 0, true), (0, 3, false), (0, 4, false),
        (2, 0, nil), (0, 2, nil), (0, 0, nil), (3, 1, nil), (1, 3, nil), (6, 6, nil),
    ] as [(Int, Int, Bool?)])
    func settledVerdicts(blackletter: Int, other: Int, settled: Bool?) {
        #expect(ScriptChoice.settledVerdict(blackletter: blackletter, other: other) == settled)
    }

    @Test("only a confidently named script counts toward settling a document", arguments: [
        ("Fraktur", 5.79, true), ("Latin", 17.71, true), ("Latin", 2.0, true),
        ("Greek", 0.59, false), ("Cyrillic", 0.23, false), ("Fraktur", 0.5, false),
    ])
    func countsTowardSettling(name: String, confidence: Double, counts: Bool) {
        #expect(ScriptChoice.countsTowardSettling(DetectedScript(name: name, confidence: confidence)) == counts)
        #expect(!ScriptChoice.countsTowardSettling(nil))
    }

    @Test func memoryKeepsEachDocumentAndLanguageApart() throws {
        let memory = ScriptMemory()
        let deu = try #require(LanguageSet("deu")), deuEng = try #require(LanguageSet("deu+eng"))
        for _ in 0..<ScriptChoice.pagesToSettle { memory.record("book", languages: deu, blackletter: true) }
        #expect(memory.settled("book", languages: deu) == true)
        #expect(memory.settled("book", languages: deuEng) == nil)
        #expect(memory.settled("letters", languages: deu) == nil)
        memory.record("book", languages: deu, blackletter: false)
        #expect(memory.settled("book", languages: deu) == nil)
    }
}

/// Real Tesseract on two tune-half pages asked for as `deu`: the blackletter one is read with
/// `frk`, the typescript with `deu`, and the choice is in the page's provenance.
@Suite("Script detection with Tesseract", .enabled(if: ScriptDetectionPages.available, "needs ../shared/corpora and tesseract-ocr-deu, -frk, -osd"))
struct ScriptDetectionTests {
    func read(_ path: String, detect: Bool = true, memory: ScriptMemory = ScriptMemory(), document: String? = nil) throws -> PageText {
        let folder = try TemporaryDirectory()
        let tessdata = try #require(Tessdata.locator).folder
        let options = TesseractOptions(languages: LanguageSet("deu")!, tessdata: tessdata, detectScript: detect)
        let engine = try TesseractEngine(options: options, scratchFolder: folder.path, scriptMemory: memory)
        return try engine.recognize(PageImageSource(path: path, pageIndex: 0, format: path.hasSuffix(".tif") ? .tiff : .jpeg), document: document)
    }

    @Test func blackletterPageIsReadWithTheFrakturModel() throws {
        let path = try #require(ScriptDetectionPages.fraktur)
        let detail = try #require(try read(path).provenance?.detail)
        #expect(detail.contains("lang frk"), "\(detail)")
        #expect(detail.contains("script Fraktur"), "\(detail)")
    }

    @Test func typescriptStaysWithTheRequestedModel() throws {
        let path = try #require(ScriptDetectionPages.typescript)
        let detail = try #require(try read(path).provenance?.detail)
        #expect(detail.contains("lang deu") && !detail.contains("frk"), "\(detail)")
    }

    /// A typescript page of a document settled as blackletter is read with `frk` without
    /// detection (which would have kept `deu`), and says so; the same page alone is detected.
    @Test func aSettledDocumentsPagesAreNotDetected() throws {
        let path = try #require(ScriptDetectionPages.typescript)
        let memory = ScriptMemory()
        for _ in 0..<ScriptChoice.pagesToSettle { memory.record("book", languages: LanguageSet("deu")!, blackletter: true) }
        let settled = try #require(try read(path, memory: memory, document: "book").provenance?.detail)
        #expect(settled.contains("lang frk") && settled.contains("as the document's first"), "\(settled)")
        let alone = try #require(try read(path, memory: memory, document: "letters").provenance?.detail)
        #expect(alone.contains("lang deu") && !alone.contains("frk"), "\(alone)")
    }

    @Test func detectionCanBeTurnedOff() throws {
        let path = try #require(ScriptDetectionPages.fraktur)
        let detail = try #require(try read(path, detect: false).provenance?.detail)
        #expect(detail.contains("lang deu") && !detail.contains("frk"), "\(detail)")
    }
}

enum ScriptDetectionPages {
    static let fraktur = RepositoryPaths.sharedCorpora.map { $0 + "/de-ocrd-dta-print-2/GT-PAGE/aepinus_bekentnis_1548_0006.tif" }
    static let typescript = RepositoryPaths.sharedCorpora.map { $0 + "/de-ehri-typewritten/german/EHRI-NISKO-19391207_DE_01.jpg" }
    static var available: Bool {
        guard let fraktur, let typescript, FileManager.default.fileExists(atPath: fraktur), FileManager.default.fileExists(atPath: typescript),
              let installed = Tessdata.locator?.installedLanguages.map(\.tesseractCode) else { return false }
        return ["deu", "frk", "osd"].allSatisfy(installed.contains)
    }
}
