import QuireClearance
import QuireCore
import Testing

/// Licences per target ("What each target accepts"): accepted where listed, rejected when NC,
/// ND or GFDL alone, sent to a person when listed nowhere for the target or in conflict.
@Suite("Licences per target")
struct LicencePolicyTests {
    typealias F = Fixture

    static let rows: [Row] = [
        Row("CC BY on the wikisources that list only CC BY-SA: review",
            F.facts([F.living("Author")], published: 2020, in: "ES", licence: "CC-BY-4.0"),
            [.esWikisource: .review, .frWikisource: .review, .itWikisource: .review, .deWikisource: .free("CC-BY-4.0")]),
        Row("Apache-2.0: en.wikisource and de.wikisource accept it, Commons lists it nowhere",
            F.facts([F.living("Author")], published: 2020, in: "US", licence: "Apache-2.0"),
            [.enWikisource: .free("Apache-2.0"), .deWikisource: .free("Apache-2.0"), .commons: .review]),
        Row("UK OGL on en.wikisource",
            F.facts([F.living("Author")], published: 2020, in: "GB", licence: "OGL-UK-3.0"),
            [.enWikisource: .free("OGL")]),
        Row("Public Domain Mark is a statement, not a licence: the rules decide",
            F.facts([F.person("Author", died: 1990)], published: 1950, in: "US", licence: "PDM-1.0", notice: false),
            [.enWikisource: .free("PD-US-no-notice")]),
        Row("a rights statement is not relied on: modern work stays not free",
            F.facts([F.person("Author", died: 1990)], published: 2000, in: "US", licence: "http://rightsstatements.org/vocab/InC/1.0/"),
            [.enWikisource: .notFree("2061-01-01")]),
        Row("an NC licence claimed on a work the rules find free: a person decides",
            F.facts([F.person("Author", died: 1900)], published: 1900, in: "DE", licence: "CC-BY-NC-4.0"),
            [.enWikisource: .review, .deWikisource: .review]),
        Row("a free work with an accepted licence keeps its public-domain templates",
            F.facts([F.person("Author", died: 1900)], published: 1900, in: "DE", licence: "CC0-1.0"),
            [.enWikisource: .free("PD-US-expired"), .commons: .free("PD-old-70")]),
    ]

    @Test("licences", arguments: rows)
    func licences(row: Row) { row.check() }

    @Test func licenceReleaseRecordsTheEvidenceNeeded() throws {
        let facts = F.facts([F.person("Author", died: 1990)], published: 1980, in: "CL", licence: "CC-BY-SA-4.0")
        let verdict = ClearanceEngine().evaluate(facts, for: .commons, asOf: F.asOf)
        #expect(verdict.verdict == .free)
        #expect(verdict.templates == ["CC-BY-SA-4.0"])
        #expect(verdict.assumptions.contains { $0.contains("VRTS") })
        #expect(verdict.ruleIDs.contains("licence.evidence"))
    }
}
