import Foundation
import QuireCatalogue
import QuireCore
import QuirePipeline
import QuireTestSupport
import Testing

/// Issue 13 #3: one page-quality rule. The level the catalogue records when a page is read (what
/// `quire status` counts) is the level the wikitext gives the same page, and it never claims more
/// than the evidence holds.
@Suite("One page-quality rule")
struct PageQualityAgreementTests {
    static let lines = ["Señores: la biblioteca pública es de todos, y su lectura también lo es", "para quien quiera leer en ella cada tarde."]

    static func text(confidence: Double) -> PageText { TextFixtures.page([lines], confidence: confidence) }

    /// Pages as an engine returns them, and the level each must get.
    static let cases: [(page: PageText, level: PageQuality)] = {
        var sanitised = text(confidence: 0.95)
        sanitised.flags.insert(.sanitisedText)
        return [
            (text(confidence: 0.95), .notProofread),
            (text(confidence: 0.68), .problematic),  // between the two old thresholds (0.60 and 0.75)
            (text(confidence: 0.40), .problematic),
            (PageText(width: 1000, height: 1400, regions: [], flags: [.blankPage]), .withoutText),
            (PageText(width: 2, height: 36, regions: [], flags: [.tooSmall]), .problematic),  // not read: its emptiness proves nothing
            (PageText(width: 1000, height: 1400, regions: [], flags: [.ocrTimeout]), .problematic),
            (sanitised, .problematic),
        ]
    }()

    @Test func theCatalogueStatusAndWikitextGiveEachPageTheSameLevel() throws {
        let folder = try TemporaryDirectory()
        let catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        var pages: [String: PageText] = [:]
        for (index, item) in Self.cases.enumerated() {
            pages[try folder.write("p\(index + 1).png", bytes: ImageFixtures.png(width: 20, height: 20 + index))] = item.page
        }
        let id = DocumentID("levels")!
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: pages.keys.sorted { $0.compare($1, options: .numeric) == .orderedAscending }, workingDirectory: folder.path, documentID: id,
            metadata: DocumentMetadata(title: "Levels", languages: LanguageSet("spa")!), acceptChanges: false))
        _ = try OCRBatch(catalogue: catalogue, pool: PageWorkerPool(factory: FakeEngineFactory(pages: pages), workers: 1)).run(documents: nil)

        let recorded = try catalogue.pages(of: id)
        #expect(recorded.map(\.quality) == Self.cases.map(\.level))
        let generated = try WikitextExport(catalogue: catalogue).generate(id, wiki: .en).document.pages
        #expect(generated.map(\.content.level) == Self.cases.map(\.level))
        // `quire status` counts the recorded levels.
        let counts = Dictionary(grouping: Self.cases.map(\.level), by: { $0 }).mapValues(\.count)
        #expect(try catalogue.summary(of: id).pagesByQuality == counts)
    }

    @Test func aPageTheEngineCouldNotReadIsNeverWithoutText() {
        for flag in QualityPolicy.unreadFlags {
            #expect(PageQuality.suggested(for: PageText(width: 1000, height: 1400, regions: [], flags: [flag])) == .problematic)
        }
        #expect(PageQuality.suggested(for: PageText(width: 1000, height: 1400, regions: [])) == .withoutText)
    }
}
