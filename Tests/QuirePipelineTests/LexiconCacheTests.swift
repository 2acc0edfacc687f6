import Foundation
import QuireCatalogue
import QuireCore
import QuireOCR
import QuirePipeline
import QuireTestSupport
import Testing

private enum Tessdata {
    static var locator: TessdataLocator? { try? TessdataLocator(explicit: nil, environment: ProcessInfo.processInfo.environment) }
    static var hasSpanish: Bool { locator?.installedLanguages.contains(LanguageCode(tesseract: "spa")!) ?? false }
}

@Suite("The hyphenation lexicon's cache", .enabled(if: Tessdata.hasSpanish && FileManager.default.isExecutableFile(atPath: "/usr/bin/dawg2wordlist"), "needs tesseract-ocr-spa and dawg2wordlist"))
struct LexiconCacheTests {
    /// The first call builds the lexicon from Tesseract's word list and caches its keys; the
    /// second reads the cache and knows the same words; a damaged cache is built again.
    @Test func builtOnceThenReadBack() throws {
        let folder = try TemporaryDirectory()
        let cache = try TemporaryDirectory()
        let catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        try folder.write("p1.png", bytes: ImageFixtures.png(width: 20, height: 20))
        let id = DocumentID("libro")!
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: ["p1.png"], workingDirectory: folder.path, documentID: id,
            metadata: DocumentMetadata(title: "Libro", languages: LanguageSet("spa")!), acceptChanges: false))
        let tessdata = try #require(Tessdata.locator).folder
        let export = WikitextExport(catalogue: catalogue)

        let built = try #require(try export.lexicon(for: id, tessdata: tessdata, cacheFolder: cache.path).lexicon)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.contains(".lexicon-") })
        #expect(built.contains("biblioteca") && built.contains("BIBLIOTECA") && !built.contains("bibliotecax"))

        let read = try #require(try export.lexicon(for: id, tessdata: tessdata, cacheFolder: cache.path).lexicon)
        #expect(read == built)

        try cache.write(file, bytes: Array("zeta\nalfa\n".utf8))
        let rebuilt = try #require(try export.lexicon(for: id, tessdata: tessdata, cacheFolder: cache.path).lexicon)
        #expect(rebuilt == built)
    }
}
