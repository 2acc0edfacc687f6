import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline
@testable import QuireServer
import QuireTestSupport
import Testing

@Suite("The rights desk")
struct RightsDeskTests {
    let folder: TemporaryDirectory
    let catalogue: Catalogue
    let desk: RightsDesk
    let asOf = CalendarDate("2026-12-08")!

    init() throws {
        folder = try TemporaryDirectory()
        catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        for (index, name) in ["alpha", "beta"].enumerated() {
            try folder.write("\(name).png", bytes: ImageFixtures.png(width: 20 + index, height: 20))
            _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
                paths: ["\(name).png"], workingDirectory: folder.path, documentID: DocumentID(name)!,
                metadata: DocumentMetadata(title: name.capitalized, languages: LanguageSet("eng")!), acceptChanges: false))
        }
        desk = RightsDesk(catalogue: catalogue)
    }

    func facts(_ form: [String: String]) throws -> FactsChange {
        try DeskForms.factsChange(form).get()
    }

    @Test func onlyRightsOfficersActAndAdminsRead() {
        #expect(DeskAccess.act.allows(.rightsOfficer) && DeskAccess.read.allows(.rightsOfficer))
        #expect(DeskAccess.read.allows(.admin) && !DeskAccess.act.allows(.admin))
        #expect(!DeskAccess.read.allows(.proofreader) && !DeskAccess.act.allows(.proofreader))
    }

    @Test func onlyWebAddressesBecomeLinks() {
        for text in ["https://example.org/a?b=1&c=2", "http://archive.example/x"] { #expect(DeskLinks.isWebAddress(text), "\(text)") }
        for text in ["javascript:alert(1)", "JavaScript:alert(1)", " https://example.org", "https://", "data:text/html,x", "/etc/passwd", "https://exa mple.org", "http://x\u{0}y"] {
            #expect(!DeskLinks.isWebAddress(text), "\(text)")
        }
        #expect(DeskLinks.html("javascript:alert(1)") == "<span class=\"url\">javascript:alert(1)</span>")
        #expect(DeskLinks.html("https://e.org/?a=1&b=<2>").hasPrefix("<a href=\"https://e.org/?a=1&amp;b=&lt;2&gt;\""))
    }

    @Test func theFactsFormReadsLikeTheCommandLine() throws {
        let change = try facts([
            "contributors": "author: Ana Example (1820–1880)\ntranslator: Ben Other (b. 1950)", "contributors-before": "",
            "published": "1870", "country": "gb", "licence": "cc-by-sa-4.0", "us-notice": "no", "us-renewed": "", "evidence-url": "https://example.org/p",
        ])
        #expect(change.contributors?.map(\.role) == [.author, .translator])
        #expect(change.published == HistoricalDate(year: 1870) && change.country == CountryCode("GB"))
        #expect(change.rights.licence == .some("CC-BY-SA-4.0"))
        #expect(change.rights.usNotice == .some(false) && change.rights.usRenewed == .some(nil))
        #expect(change.rights.addEvidence == [Evidence(kind: .url, value: "https://example.org/p")])
        #expect(try facts(["published": "unpublished"]).unpublished)
        for bad in [["published": "soon"], ["country": "Chile"], ["evidence-url": "javascript:alert(1)"], ["contributors": "author: Ana (1990–1900–)"]] {
            #expect(throws: DeskFormError.self, "\(bad)") { try facts(bad) }
        }
    }

    @Test func contributorsShownInTheFormReadBackUnchanged() throws {
        let people = [
            Contributor(role: .author, identity: .person(name: "Ana Example", born: HistoricalDate(year: 1820), death: .died(HistoricalDate(year: 1880)))),
            Contributor(role: .editor, identity: .person(name: "Ben Other", born: HistoricalDate(year: 1950), death: .living)),
            Contributor(role: .translator, identity: .person(name: "Cy Third", born: nil, death: .unknown)),
            Contributor(role: .translator, identity: .person(name: "Di Fourth", born: HistoricalDate(year: 1900), death: .unknown)),
            Contributor(role: .author, identity: .person(name: "Ed Fifth", born: nil, death: .died(HistoricalDate(year: 1930)))),
            Contributor(role: .author, identity: .person(name: "Flo Sixth", born: nil, death: .living)),
            Contributor(role: .author, identity: .unknown),
            Contributor(role: .illustrator, identity: .anonymous),
        ]
        let shown = DeskForms.contributorLines(people)
        #expect(try facts(["contributors": shown, "contributors-before": ""]).contributors == people)
        // Left as shown, the contributors are not read (nothing to parse, nothing changes).
        #expect(try facts(["contributors": shown + "\r\n", "contributors-before": shown]).contributors == nil)
    }

    @Test func theOverviewFollowsEveryChangeOfFactsAndStatus() throws {
        let alpha = DocumentID("alpha")!
        var overview = try desk.overview(asOf: asOf)
        #expect(overview.report.rows.count == 2 * ClearanceTarget.allCases.count)
        #expect(overview.count("en.wikisource", .blocked) == 2)
        let blocked = RightsDesk.page(overview, target: .enWikisource, filter: .blocked, page: 1)
        #expect(blocked.total == 2 && blocked.rows.first?.missing.first?.hasPrefix("author") == true)

        var change = FactsChange()
        change.contributors = [Contributor(role: .author, identity: .person(name: "Ana Example", born: nil, death: .died(HistoricalDate(year: 1880))))]
        change.published = HistoricalDate(year: 1870)
        change.country = CountryCode("GB")
        try desk.desk.setFacts(alpha, change, actor: "rosa", reason: "title page")
        overview = try desk.overview(asOf: asOf)
        #expect(overview.report.rows.first { $0.document == "alpha" && $0.target == "en.wikisource" }?.verdict == "free")
        #expect(overview.count("en.wikisource", .blocked) == 1)

        #expect(desk.decide(alpha, targets: [.enWikisource, .commons], to: .inReview, actor: "rosa", reason: "facts in", justification: nil, asOf: asOf).isEmpty)
        #expect(desk.decide(alpha, targets: [.enWikisource], to: .cleared, actor: "rosa", reason: "free", justification: nil, asOf: asOf).isEmpty)
        overview = try desk.overview(asOf: asOf)
        #expect(overview.count("en.wikisource", .cleared) == 1 && overview.count("all", .cleared) == 1)
        #expect(RightsDesk.page(overview, target: nil, filter: .cleared, page: 1).rows.map(\.document) == ["alpha"])
        // Kept and updated document by document, it is what a full reading gives.
        let fresh = try RightsDesk(catalogue: catalogue).overview(asOf: asOf)
        #expect(overview.report.rows == fresh.report.rows && overview.report.documentFacts == fresh.report.documentFacts)
        #expect(overview.report.totals == fresh.report.totals && overview.report.totalsByTarget == fresh.report.totalsByTarget)
        #expect(overview.report.historyHead == fresh.report.historyHead && overview.index == fresh.index)
        // A second decision on a decided document is the workflow's conflict, as in the CLI.
        let again = desk.decide(alpha, targets: [.enWikisource], to: .rejected, actor: "raul", reason: "no", justification: nil, asOf: asOf)
        #expect(again.first?.1.code == .clearanceConflict)
    }

    @Test func pagingKeepsEveryRowOnce() throws {
        let overview = try desk.overview(asOf: asOf)
        let first = RightsDesk.page(overview, target: nil, filter: .all, page: 1)
        #expect(first.total == overview.report.rows.count && first.rows.count == min(RightsDesk.pageSize, first.total))
        #expect(RightsDesk.page(overview, target: nil, filter: .all, page: 99).rows.isEmpty)
    }

    @Test func bulkRecordsAreWhatEachDocumentReads() throws {
        var change = FactsChange()
        change.rights.licence = .some("CC0-1.0")
        change.rights.addEvidence = [Evidence(kind: .ticket, value: "123"), Evidence(kind: .url, value: "https://example.org")]
        try ClearanceDesk(catalogue: catalogue).setFacts(DocumentID("beta")!, change, actor: "rosa", reason: "permission")
        let records = try catalogue.clearanceRecords()
        #expect(records.map(\.id.rawValue) == ["alpha", "beta"])
        for record in records {
            #expect(record.metadata == (try catalogue.metadata(of: record.id)))
            #expect(record.rights == (try catalogue.rightsFacts(of: record.id)))
            #expect(record.history == (try catalogue.clearanceHistory(of: record.id)))
        }
        let version = try catalogue.clearanceVersion()
        try ClearanceDesk(catalogue: catalogue).move(DocumentID("alpha")!, target: .commons, to: .inReview, actor: "rosa", reason: "look", asOf: asOf)
        #expect(try catalogue.clearanceVersion() != version)
    }
}
