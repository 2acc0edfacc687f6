import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuireEPUB
import QuirePipeline
import QuireTestSupport
import Testing

@Suite("E-book export: gate, rights page, reproducibility")
struct EbookExportTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let id = DocumentID("discurso")!
    let asOf = CalendarDate("2026-11-24")!

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        try folder.write("p1.png", bytes: ImageFixtures.png(width: 20, height: 20))
        try folder.write("p2.png", bytes: ImageFixtures.png(width: 20, height: 20) { x, _ in UInt8(x) })
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: ["p1.png", "p2.png"], workingDirectory: folder.path, documentID: id,
            metadata: DocumentMetadata(title: "Discurso", languages: LanguageSet("spa")!), acceptChanges: false))
        try catalogue.recordText(id, PageNumber(1)!, text: TextFixtures.page([["Señores: la biblioteca es de todos, y"]]), quality: .notProofread)
        try catalogue.recordText(id, PageNumber(2)!, text: TextFixtures.page([["su lectura también."]]), quality: .notProofread)
    }

    func request(override: String? = nil, cover: Bool = false) -> EbookExport.Request {
        EbookExport.Request(document: id, wiki: .es, cover: cover, override: override, actor: "Ana", command: "quire export --format epub", asOf: asOf, generator: "Quire test")
    }

    func facts(licence: String? = nil) throws {
        var change = FactsChange()
        change.contributors = [Contributor(role: .author, identity: .person(name: "Ana Pérez", born: nil, death: .died(HistoricalDate(year: 1930))))]
        change.published = HistoricalDate(year: 1925)
        change.country = CountryCode("ES")
        if let licence { change.rights.licence = .some(licence) }
        _ = try ClearanceDesk(catalogue: catalogue).setFacts(id, change, actor: "Ana", reason: "record")
    }

    func clear() throws {
        let desk = ClearanceDesk(catalogue: catalogue)
        _ = try desk.move(id, target: .ebook, to: .inReview, actor: "Ana", reason: "check", asOf: asOf)
        _ = try desk.move(id, target: .ebook, to: .cleared, actor: "Ana", reason: "public domain", asOf: asOf)
    }

    func rightsPage(_ result: EbookExport.Result) throws -> String {
        let file = try #require(try EPUBWriter.read(result.bytes).first { $0.path == "EPUB/text/rights.xhtml" })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test func anUnclearedDocumentIsRefusedAndNothingIsRecorded() throws {
        try facts()
        #expect { try EbookExport(catalogue: catalogue).export(request()) } throws: { error in
            (error as? PipelineError)?.code == .clearanceRequired
        }
        #expect(try catalogue.clearanceHistory(of: id).allSatisfy { $0.kind != .override })
    }

    @Test func anOverrideIsRecordedAndTheRightsPageClaimsNoLicence() throws {
        try facts(licence: "CC-BY-SA-4.0")  // a licence on record without evidence: not relied on
        let result = try EbookExport(catalogue: catalogue).export(request(override: "proof copy for the board"))
        guard case .overridden(status: .uncleared, let pending) = result.passage else {
            Issue.record("expected an override of an uncleared document, got \(result.passage)")
            return
        }
        // Made, not yet written: the override enters the history only when the caller records it.
        #expect(try catalogue.clearanceHistory(of: id).allSatisfy { $0.kind != .override })
        try ClearanceGate(desk: ClearanceDesk(catalogue: catalogue)).record(pending)
        let override = try #require(try catalogue.clearanceHistory(of: id).last)
        #expect(override.kind == .override && override.target == .ebook && override.reason == "proof copy for the board")
        let page = try rightsPage(result)
        #expect(page.contains("have not been cleared"))
        #expect(!page.contains("released under"))
        #expect(!page.contains("creativecommons.org"))
        #expect(result.book.rights.licenceURL == nil)
    }

    @Test func aClearedPublicDomainWorkCitesItsRules() throws {
        try facts()
        try clear()
        let result = try EbookExport(catalogue: catalogue).export(request())
        #expect(result.passage == .cleared(factsChangedSinceDecision: false))
        #expect(result.book.rights.summary.hasPrefix("Public domain in the United States"))
        let page = try rightsPage(result)
        #expect(page.contains("17 USC 304(b)"))
        #expect(page.contains("LPI"))
        #expect(!page.contains("licen"))
        #expect(result.book.text.plainText == "Señores: la biblioteca es de todos, y su lectura también.")
    }

    @Test func twoExportsOfTheSameStateAreByteIdenticalAndStampedWithTheLatestText() throws {
        try facts()
        try clear()
        let one = try EbookExport(catalogue: catalogue).export(request(cover: true))
        let two = try EbookExport(catalogue: catalogue).export(request(cover: true))
        #expect(one.bytes == two.bytes)
        #expect(one.book.cover?.kind == .png)
        #expect(one.book.modified == (try catalogue.latestTextTime(of: id)))
    }

    /// The book reads a page as a person saved it in the proofreading room (its wikitext read
    /// back: emphasis, notes, a word divided across the break), the other pages as the OCR has
    /// them, and is stamped with the time of the latest save.
    @Test func aPageSavedByAPersonIsReadAsSaved() throws {
        try facts()
        try clear()
        let before = try EbookExport(catalogue: catalogue).export(request())
        let edit = PageEdit(header: "{{rh||DISCURSO|}}", body: "''su'' lectura también,<ref>Nota del editor.</ref> y de {{sc|Nadie}}.", footer: "<references/>", level: .proofread)
        _ = try catalogue.saveRevision(id, PageNumber(2)!, edit: edit, base: nil, user: "Ana", role: .proofreader)
        let after = try EbookExport(catalogue: catalogue).export(request())
        #expect(after.book.text.plainText == "Señores: la biblioteca es de todos, y su lectura también, y de Nadie.\n\nNota del editor.")
        #expect(after.book.text.notes.map { BookInline.plain($0.content) } == ["Nota del editor."])
        #expect(after.book.text.works.first?.blocks.first?.lines.first?.contains(.emphasised("su", BookEmphasis.italic)) == true)
        let saved = try #require(try catalogue.currentRevision(id, PageNumber(2)!))
        #expect(after.book.modified == saved.createdAt)
        #expect(after.book.modified >= before.book.modified)
    }

    /// A scan that is a multi-page TIFF (or a PDF, DjVu, JPEG 2000…) still gives a cover: its
    /// first page as JPEG, the same bytes each time.
    @Test func aTIFFScanGivesAJPEGCover() throws {
        let tiff = try folder.write("scan.tif", bytes: ImageFixtures.multiPageTIFF(pages: 2, side: 40) { UInt8(60 * $0) })
        let scanned = DocumentID("tiff")!
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: [tiff], workingDirectory: folder.path, documentID: scanned,
            metadata: DocumentMetadata(title: "Tiff", languages: LanguageSet("spa")!), acceptChanges: false))
        try catalogue.recordText(scanned, PageNumber(1)!, text: TextFixtures.page([["Primera página."]]), quality: .notProofread)
        let make = {
            try EbookExport(catalogue: self.catalogue).export(EbookExport.Request(
                document: scanned, wiki: .es, cover: true, override: "a test of covers from TIFF scans", actor: "Ana", command: "quire export --format epub",
                asOf: self.asOf, generator: "Quire test"))
        }
        let one = try make(), two = try make()
        #expect(one.coverProblem == nil, "\(one.coverProblem ?? "")")
        let cover = try #require(one.book.cover)
        #expect(cover.kind == .jpeg && Array(cover.bytes.prefix(2)) == [0xFF, 0xD8])
        #expect(one.bytes == two.bytes)
    }

    @Test func rightsFromALicenceNameItsLegalCodeAndHolder() {
        let verdict = TargetVerdict(verdict: .free, templates: ["CC-BY-SA-4.0"], reasons: ["ebook: released under CC-BY-SA-4.0"], ruleIDs: ["ebook.licences"])
        let statement = EbookRights.statement(EbookRights.Input(
            passage: .cleared(factsChangedSinceDecision: false), overrideReason: nil, verdict: verdict, licence: "CC-BY-SA-4.0",
            rightsHolder: "Fundación X", rulesVersion: "rules-2026.1", asOf: asOf, licenceRuleID: "ebook.licences"))
        #expect(statement.summary == "Released under CC-BY-SA-4.0 by Fundación X.")
        #expect(statement.licenceURL == "https://creativecommons.org/licenses/by-sa/4.0/legalcode")
        // Cleared against a verdict that is not free: no licence and no public domain claimed.
        let review = EbookRights.statement(EbookRights.Input(
            passage: .cleared(factsChangedSinceDecision: false), overrideReason: nil, verdict: TargetVerdict(verdict: .needsReview, reasons: ["r"]),
            licence: "CC-BY-SA-4.0", rightsHolder: nil, rulesVersion: "rules-2026.1", asOf: asOf, licenceRuleID: "ebook.licences"))
        #expect(review.licenceURL == nil)
        #expect(!review.summary.contains("Public domain") && !review.summary.contains("Released"))
    }
}
