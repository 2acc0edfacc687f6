import Foundation
import QuireCatalogue
import QuireClearance
import QuireCore
import QuirePipeline
import QuirePublish
import QuireWikitext
import QuireTestSupport
import Testing

@Suite("Clearance desk and gate")
struct ClearanceDeskTests {
    let folder: TemporaryDirectory
    let desk: ClearanceDesk
    let id = DocumentID("discurso")!
    let asOf = CalendarDate("2026-11-24")!

    init() throws {
        folder = try TemporaryDirectory()
        let catalogue = try Catalogue.create(at: folder.file("quire.sqlite"))
        try folder.write("scan.png", bytes: ImageFixtures.png(width: 20, height: 20))
        _ = try DocumentRegistrar(catalogue: catalogue).add(AddRequest(
            paths: ["scan.png"], workingDirectory: folder.path, documentID: id,
            metadata: DocumentMetadata(title: "Discurso", languages: LanguageSet("spa")!), acceptChanges: false))
        desk = ClearanceDesk(catalogue: catalogue)
    }

    func change(_ build: (inout FactsChange) -> Void) -> FactsChange {
        var change = FactsChange()
        build(&change)
        return change
    }

    /// A Chilean speech of 1971 by an author who died in 1973 (clearance-rules.md's case).
    func chileanSpeech() throws {
        try desk.setFacts(id, change {
            $0.contributors = [Contributor(role: .author, identity: .person(name: "Salvador Allende", born: HistoricalDate(year: 1908), death: .died(HistoricalDate(year: 1973))))]
            $0.published = HistoricalDate(year: 1971)
            $0.country = CountryCode("CL")
            $0.rights.speech = .some(.public)
        }, actor: "Ana", reason: "from the catalogue record")
    }

    @Test func settingFactsRecordsEachChangeOnce() throws {
        try chileanSpeech()
        let changes = try desk.setFacts(id, change { $0.rights.licence = .some("CC-BY-SA-4.0"); $0.country = CountryCode("CL") }, actor: "Ana", reason: nil)
        #expect(changes == ["licence: unknown → CC-BY-SA-4.0"])  // the country did not change
        #expect(try desk.setFacts(id, change { $0.country = CountryCode("CL") }, actor: "Ana", reason: nil).isEmpty)
        let history = try desk.catalogue.clearanceHistory(of: id)
        #expect(history.count == 2)
        #expect(history[0].detail?.contains("contributors: unknown → author Salvador Allende (1908–1973)") == true)
        #expect(history[0].reason == "from the catalogue record")
        #expect(history[1].reason == "facts recorded")
    }

    @Test func aBadLicenceOrAMissingEvidenceFileChangesNothing() throws {
        #expect { try desk.setFacts(id, change { $0.rights.licence = .some("my own licence") }, actor: "Ana", reason: nil) } throws: { error in
            (error as? PipelineError)?.code == .invalidArgument
        }
        #expect { try desk.setFacts(id, change { $0.evidenceFiles = ["missing.pdf"] }, actor: "Ana", reason: nil) } throws: { error in
            let error = error as? PipelineError
            return error?.code == .unreadableFile && error?.context.file == "missing.pdf"
        }
        #expect(try desk.catalogue.clearanceHistory(of: id).isEmpty)
    }

    @Test func evidenceFilesAreFingerprinted() throws {
        let path = try folder.write("permiso.txt", text: "Autorizo la publicación.")
        try desk.setFacts(id, change { $0.rights.licence = .some("CC-BY-SA-4.0"); $0.evidenceFiles = [path] }, actor: "Ana", reason: "letter received")
        let evidence = try #require(try desk.catalogue.rightsFacts(of: id).evidence.first)
        #expect(evidence.kind == .file)
        #expect(evidence.value == "permiso.txt")  // stored relative to the catalogue's folder
        #expect(evidence.sha256 == SHA256.hex(of: Array("Autorizo la publicación.".utf8)))
    }

    @Test func theWholeWorkflowWithJustificationAgainstTheEngine() throws {
        try chileanSpeech()
        #expect(try desk.dossier(id, asOf: asOf).evaluation[.esWikisource].verdict != .free)
        #expect(throws: PipelineError.self) {
            try desk.move(id, target: .esWikisource, to: .cleared, actor: "Ana", reason: "skip review", asOf: asOf)
        }
        try desk.move(id, target: .esWikisource, to: .inReview, actor: "Ana", reason: "request from the foundation", asOf: asOf)
        #expect { try desk.move(id, target: .esWikisource, to: .cleared, actor: "Ana", reason: "ok", justification: "short", asOf: asOf) } throws: { error in
            (error as? PipelineError)?.message.contains("justification") == true
        }
        let event = try desk.move(
            id, target: .esWikisource, to: .cleared, actor: "Ana", reason: "foundation holds the rights",
            evidence: [Evidence(kind: .ticket, value: "2026112410000001")],
            justification: "The foundation released it under CC BY-SA 4.0, ticket 2026112410000001.", asOf: asOf)
        #expect(event.engineVerdict != .free)
        #expect(event.rulesVersion == RuleSet.current.version)
        let history = try desk.catalogue.clearanceHistory(of: id)
        #expect(history.map(\.kind) == [.facts, .transition, .transition])
        #expect(history.last?.justification?.hasPrefix("The foundation") == true)
        #expect(history.last?.evidence == [Evidence(kind: .ticket, value: "2026112410000001")])
        #expect(try desk.dossier(id, asOf: asOf).statuses[.esWikisource] == .cleared)
        #expect(try desk.dossier(id, asOf: asOf).statuses[.commons] == .uncleared)
    }

    @Test func theGateRefusesExplainsOverridesAndPasses() throws {
        let gate = ClearanceGate(desk: desk)
        #expect { try gate.check(id, target: .esWikisource, asOf: asOf, override: nil, actor: "Ana", command: "quire wikitext") } throws: { error in
            guard let error = error as? PipelineError else { return false }
            return error.code == .clearanceRequired && error.message.contains("not cleared for es.wikisource (status uncleared)")
                && error.message.contains("facts missing: author") && error.remedy.contains("--override-clearance")
        }
        #expect { try gate.check(id, target: .esWikisource, asOf: asOf, override: "because", actor: "Ana", command: "quire wikitext") } throws: { error in
            (error as? PipelineError)?.code == .invalidArgument
        }
        #expect(try desk.catalogue.clearanceHistory(of: id).isEmpty)
        let passage = try gate.check(id, target: .esWikisource, asOf: asOf, override: "test import on a private wiki", actor: "Luis", command: "quire wikitext --wiki es")
        guard case .overridden(status: .uncleared, let pending) = passage else {
            Issue.record("expected an override, got \(passage)")
            return
        }
        // Nothing is recorded until the work it let through happened.
        #expect(try desk.catalogue.clearanceHistory(of: id).isEmpty)
        try gate.record(pending)
        let override = try #require(try desk.catalogue.clearanceHistory(of: id).last)
        #expect(override.kind == .override)
        #expect(override.actor == "Luis")
        #expect(override.detail == "quire wikitext --wiki es")
        #expect(override.reason == "test import on a private wiki")
        // An override changes no status.
        #expect(try desk.dossier(id, asOf: asOf).statuses[.esWikisource] == .uncleared)

        try chileanSpeech()
        try desk.move(id, target: .esWikisource, to: .inReview, actor: "Ana", reason: "review", asOf: asOf)
        try desk.move(id, target: .esWikisource, to: .cleared, actor: "Ana", reason: "ok", justification: "Permission ticket 2026112410000001 on file.", asOf: asOf)
        #expect(try gate.check(id, target: .esWikisource, asOf: asOf, override: nil, actor: nil, command: "x") == .cleared(factsChangedSinceDecision: false))
        #expect(throws: PipelineError.self) { try gate.check(id, target: .frWikisource, asOf: asOf, override: nil, actor: nil, command: "x") }
        try desk.setFacts(id, change { $0.place = "Santiago" }, actor: "Luis", reason: "title page")
        #expect(try gate.check(id, target: .esWikisource, asOf: asOf, override: nil, actor: nil, command: "x") == .cleared(factsChangedSinceDecision: true))
    }

    @Test func aRejectedDocumentStaysOutUntilReopened() throws {
        try desk.move(id, target: .commons, to: .inReview, actor: "Ana", reason: "r", asOf: asOf)
        try desk.move(id, target: .commons, to: .rejected, actor: "Ana", reason: "heirs object", asOf: asOf)
        let gate = ClearanceGate(desk: desk)
        #expect(throws: PipelineError.self) { try gate.check(id, target: .commons, asOf: asOf, override: nil, actor: nil, command: "x") }
        #expect(throws: PipelineError.self) { try desk.move(id, target: .commons, to: .cleared, actor: "Ana", reason: "r", asOf: asOf) }
        try desk.move(id, target: .commons, to: .inReview, actor: "Bea", reason: "heirs agreed", asOf: asOf)
        #expect(try desk.catalogue.clearanceHistory(of: id).map(\.to) == [.inReview, .rejected, .inReview])
    }

    @Test func theReportCoversEveryDocument() throws {
        try chileanSpeech()
        #expect(try desk.report(targets: [.esWikisource], asOf: asOf).rows.first?.verdict == "needs-review")  // a speech: a person decides
        try desk.setFacts(id, change { $0.rights.speech = .some(nil) }, actor: "Ana", reason: "an essay, not a speech")
        let report = try desk.report(targets: [.esWikisource], asOf: asOf)
        #expect(report.rows.count == 1)
        #expect(report.rows.first?.freeFrom == "2067-01-01")  // es.wikisource also needs the US term: 95 years from 1971
        #expect(report.rows.first?.status == "uncleared")
    }
}

@Suite("Scan description pages")
struct ScanDescriptionTests {
    @Test func theEnginesTemplatesOrANoteForAPerson() {
        let id = DocumentID("discurso")!
        let licensed = WikiPublication.descriptionText(title: "Discurso", document: id, licenceTemplates: ["PD-US-expired", "PD-old-70"])
        #expect(licensed.hasPrefix("Scan of ''Discurso'' for Wikisource (document discurso), uploaded with Quire."))
        #expect(licensed.hasSuffix("== Licensing ==\n{{PD-US-expired}}\n{{PD-old-70}}\n"))
        let none = WikiPublication.descriptionText(title: "Discurso", document: id, licenceTemplates: [])
        #expect(none.contains("a person adds the right one"))
        #expect(!none.contains("{{"))
    }
}

@Suite("The wiki a publication reaches")
struct WikiDestinationTests {
    func site(_ database: String, _ language: String) -> WikiSiteInfo {
        WikiSiteInfo(siteName: "x", database: database, language: language, namespaces: [:], canonicalNamespaces: [:], proofreadPageNamespace: nil, proofreadIndexNamespace: nil, qualityLevelNames: [])
    }

    @Test func onlyTheTargetWikiPasses() {
        #expect(WikiDestination.mismatch(site("eswikisource", "es"), profile: WikiCode.es.profile, target: .esWikisource) == nil)
        // The probe's case: --wiki es against an English Wikisource.
        #expect(WikiDestination.mismatch(site("enwikisource", "en"), profile: WikiCode.es.profile, target: .esWikisource)?.contains("writes in 'en'") == true)
        #expect(WikiDestination.mismatch(site("frwikisource", "es"), profile: WikiCode.es.profile, target: .esWikisource)?.contains("is not es.wikisource") == true)
        #expect(WikiDestination.mismatch(site("quirewiki", "en"), profile: WikiCode.en.profile, target: .enWikisource) != nil)
        #expect(WikiDestination.wikiID(of: .commons) == "commonswiki" && WikiDestination.wikiID(of: .ebook) == nil)
    }
}

/// Issue 14 #8: file names fit every file system (255 bytes, with the temporary's ending) and
/// never collide; the manifest keeps the titles.
@Suite("File names for wiki titles")
struct FileNameTests {
    @Test func longTitlesAreCutByBytesAndStayDistinct() {
        let hebrew = String(repeating: "א", count: 150) + String(repeating: "é", count: 60)
        let first = WikitextExport.fileName(for: hebrew)
        let second = WikitextExport.fileName(for: hebrew + "b")
        #expect(first.utf8.count <= WikitextExport.maximumNameBytes && second.utf8.count <= WikitextExport.maximumNameBytes)
        #expect(first != second && first.hasSuffix(".wikitext") && first.contains("~"))
        #expect(WikitextExport.fileName(for: "Libro/3") == "Libro_3.wikitext")
    }

    @Test func namesInOneSetNeverCollide() {
        let names = WikitextExport.fileNames(for: ["A/B", "A_B", "A:B", "C"])
        #expect(Set(names).count == 4)
        #expect(names[0] == "A_B.wikitext" && names[3] == "C.wikitext")
    }
}
