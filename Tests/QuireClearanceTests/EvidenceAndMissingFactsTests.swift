import QuireClearance
import QuireCore
import Testing

private typealias F = Fixture

@Suite("Evidence of a licence, and the facts still missing")
struct EvidenceAndMissingFactsTests {
    let licensed = F.facts([F.person("Author", died: 1990)], published: 1980, in: "CL", licence: "CC-BY-SA-4.0")

    @Test func aLicenceWithEvidenceOnRecordIsFreeWithoutAssumption() {
        var facts = licensed
        facts.licenceEvidence = true
        let verdict = ClearanceEngine().evaluate(facts, for: .commons, asOf: F.asOf)
        #expect(verdict.verdict == .free)
        #expect(verdict.templates == ["CC-BY-SA-4.0"])
        #expect(verdict.assumptions.isEmpty)
    }

    @Test func aLicenceWithNoEvidenceOnRecordGoesToReview() {
        var facts = licensed
        facts.licenceEvidence = false
        for target in ClearanceTarget.allCases {
            let verdict = ClearanceEngine().evaluate(facts, for: target, asOf: F.asOf)
            #expect(verdict.verdict != .free, "\(target)")
        }
        #expect(ClearanceEngine().evaluate(facts, for: .commons, asOf: F.asOf).reasons.last?.contains("no evidence of permission") == true)
        #expect(MissingFacts.list(facts).contains { $0.hasPrefix("evidence of permission for CC-BY-SA-4.0") })
    }

    @Test func cataloguedFactsCarryTheirEvidence() {
        let metadata = DocumentMetadata(title: "T", contributors: licensed.contributors, publication: licensed.publication, languages: LanguageSet("spa")!)
        let without = ClearanceFacts(metadata: metadata, rights: RightsFacts(licence: "CC-BY-SA-4.0"))
        #expect(without.licenceEvidence == false)
        #expect(without.licence?.id == "CC-BY-SA-4.0")
        let with = ClearanceFacts(metadata: metadata, rights: RightsFacts(licence: "CC-BY-SA-4.0", evidence: [Evidence(kind: .ticket, value: "1")]))
        #expect(with.licenceEvidence == true)
        #expect(ClearanceEngine().evaluate(with, for: .esWikisource, asOf: F.asOf).verdict == .free)
    }

    struct Row: Sendable, CustomStringConvertible {
        var description: String
        var facts: ClearanceFacts
        var missing: [String]
        var absent: [String] = []
    }

    static let rows: [Row] = [
        Row(description: "nothing known", facts: F.facts([]),
            missing: ["author", "date of first publication", "country of first publication"]),
        Row(description: "author not found", facts: F.facts([F.notFound()], published: 1920, in: "ES"),
            missing: ["author: not identified"], absent: ["date of first publication"]),
        Row(description: "anonymous is a fact, not a gap", facts: F.facts([F.anonymous()], published: 1890, in: "FR"),
            missing: [], absent: ["author"]),
        Row(description: "death unknown", facts: F.facts([F.person("Ana", died: nil)], published: 1890, in: "FR"),
            missing: ["author Ana: death date"]),
        Row(description: "death known to the decade", facts: F.facts([F.person("Ana", died: 1950, .decade)], published: 1920, in: "FR"),
            missing: ["author Ana: exact year of death (known only as 1950s)"]),
        Row(description: "a translator's death matters too", facts: F.facts([F.person("Ana", died: 1800), F.person("Tr", died: nil, role: .translator)], published: 1890, in: "FR"),
            missing: ["translator Tr: death date"]),
        Row(description: "publication known to the decade", facts: F.facts([F.person("Ana", died: 1900)], published: 1880, .decade, in: "FR"),
            missing: ["exact year of first publication"]),
        Row(description: "US formalities for 1950", facts: F.facts([F.person("Ana", died: 1960)], published: 1950, in: "US"),
            missing: ["US copyright notice", "US copyright was renewed"]),
        Row(description: "no notice makes renewal moot", facts: F.facts([F.person("Ana", died: 1960)], published: 1950, in: "US", notice: false),
            missing: [], absent: ["US copyright notice", "renewed"]),
        Row(description: "1970 needs the notice only", facts: F.facts([F.person("Ana", died: 1990)], published: 1970, in: "US"),
            missing: ["US copyright notice"], absent: ["renewed"]),
        Row(description: "unpublished: no publication facts needed", facts: F.facts([F.person("Ana", died: 1900)], unpublished: true),
            missing: [], absent: ["date of first publication", "country"]),
        Row(description: "official work needs no author", facts: F.facts([], published: 1990, in: "ES", official: .state),
            missing: [], absent: ["author"]),
    ]

    @Test("missing facts", arguments: rows)
    func missingFacts(row: Row) {
        let list = MissingFacts.list(row.facts)
        for expected in row.missing {
            #expect(list.contains { $0.contains(expected) }, "\(row): expected '\(expected)' in \(list)")
        }
        for unexpected in row.absent {
            #expect(!list.contains { $0.contains(unexpected) }, "\(row): did not expect '\(unexpected)' in \(list)")
        }
        if row.missing.isEmpty { #expect(list.isEmpty, "\(row): \(list)") }
    }
}
