import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline
import QuireTestSupport
import Testing

@Suite("Double review of clearance decisions")
struct DoubleReviewTests {
    let folder: TemporaryDirectory
    let desk: ClearanceDesk
    let id = DocumentID("libro")!
    let asOf = CalendarDate("2026-12-08")!

    init() throws {
        folder = try TemporaryDirectory()
        let catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        try folder.write("scan.png", bytes: ImageFixtures.png(width: 20, height: 20))
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: ["scan.png"], workingDirectory: folder.path, documentID: id,
            metadata: DocumentMetadata(title: "Libro", languages: LanguageSet("spa")!), acceptChanges: false))
        desk = ClearanceDesk(catalogue: catalogue)
        var change = FactsChange()
        change.contributors = [Contributor(role: .author, identity: .person(name: "Ana Example", born: nil, death: .died(HistoricalDate(year: 1880))))]
        change.published = HistoricalDate(year: 1870)
        change.country = CountryCode("ES")
        try desk.setFacts(id, change, actor: "rosa", reason: "title page")
        try desk.setDoubleReview(true, actor: "admin")
        try desk.move(id, target: .esWikisource, to: .inReview, actor: "rosa", reason: "facts in", asOf: asOf)
    }

    func status() throws -> ClearanceStatus? {
        try desk.dossier(id, asOf: asOf).statuses[.esWikisource]
    }

    @Test func theSettingIsOffUntilSetAndIsKept() throws {
        #expect(try desk.doubleReview())
        try desk.setDoubleReview(false, actor: "admin")
        #expect(try !desk.doubleReview())
    }

    @Test func twoOfficersWhoAgreeClear() throws {
        let first = try desk.move(id, target: .esWikisource, to: .cleared, actor: "rosa", reason: "died 1880", asOf: asOf)
        #expect(first.kind == .vote && first.to == .cleared)
        #expect(try status() == .inReview)
        let second = try desk.move(id, target: .esWikisource, to: .cleared, actor: "raul", reason: "checked the dates", asOf: asOf)
        #expect(second.kind == .transition && second.from == .inReview && second.to == .cleared && second.actor == "raul")
        #expect(second.detail?.contains("rosa") == true && second.detail?.contains("died 1880") == true)
        #expect(try status() == .cleared)
        let kinds = try desk.history(of: id).suffix(3).map(\.kind)
        #expect(kinds == [.vote, .vote, .transition])
        #expect(try desk.verify().entries == 5)  // facts, review, two votes, the decision, chained
    }

    @Test func theSameOfficerCannotReviewTwice() throws {
        try desk.move(id, target: .esWikisource, to: .cleared, actor: "rosa", reason: "died 1880", asOf: asOf)
        #expect { try desk.move(id, target: .esWikisource, to: .cleared, actor: "Rosa", reason: "again", asOf: asOf) } throws: { error in
            (error as? PipelineError)?.code == .invalidArgument
        }
        #expect(try status() == .inReview)
    }

    @Test func disagreementGoesBackToReviewWithBothReasonsKept() throws {
        try desk.move(id, target: .esWikisource, to: .cleared, actor: "rosa", reason: "died 1880", asOf: asOf)
        let second = try desk.move(id, target: .esWikisource, to: .rejected, actor: "raul", reason: "the edition is a 1990 translation", asOf: asOf)
        #expect(second.kind == .vote && second.to == .rejected)
        #expect(try status() == .inReview)
        let votes = try desk.history(of: id).filter { $0.kind == .vote }
        #expect(votes.map(\.reason) == ["died 1880", "the edition is a 1990 translation"])
        #expect(ClearanceEvent.pendingVote(for: .esWikisource, after: try desk.history(of: id)) == nil)
        // A new round: the first officer may review again, and a second who agrees decides.
        try desk.move(id, target: .esWikisource, to: .rejected, actor: "rosa", reason: "agreed, translation", asOf: asOf)
        #expect(try desk.move(id, target: .esWikisource, to: .rejected, actor: "raul", reason: "translation", asOf: asOf).kind == .transition)
        #expect(try status() == .rejected)
    }

    @Test func clearingAgainstTheEngineStillNeedsAJustificationForEachReview() throws {
        var change = FactsChange()
        change.contributors = [Contributor(role: .author, identity: .person(name: "Bea Modern", born: nil, death: .died(HistoricalDate(year: 1999))))]
        try desk.setFacts(id, change, actor: "rosa", reason: "corrected")
        #expect(throws: PipelineError.self) { try desk.move(id, target: .esWikisource, to: .cleared, actor: "rosa", reason: "ok", asOf: asOf) }
        #expect(try desk.history(of: id).last?.kind == .facts)
    }

    @Test func withoutDoubleReviewOneOfficerDecides() throws {
        try desk.setDoubleReview(false, actor: "admin")
        #expect(try desk.move(id, target: .esWikisource, to: .cleared, actor: "rosa", reason: "died 1880", asOf: asOf).kind == .transition)
        #expect(try status() == .cleared)
    }
}
