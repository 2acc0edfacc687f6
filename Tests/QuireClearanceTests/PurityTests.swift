import QuireClearance
import QuireCore
import Testing

/// The engine is a function of its inputs: no clock, same answer for the same facts and date,
/// and verdicts that move exactly when the date crosses 1 January.
@Suite("Purity and the evaluation date")
struct PurityTests {
    typealias F = Fixture

    @Test func sameInputSameOutput() throws {
        let facts = F.facts([F.person("Allende", died: 1973)], published: 1971, in: "CL", speech: .public)
        let engine = ClearanceEngine()
        #expect(engine.evaluate(facts, asOf: F.asOf) == engine.evaluate(facts, asOf: F.asOf))
        let line = JSONLinesTests.example
        let first = try ClearanceJSONLines.evaluate(line: line, lineNumber: 1, asOf: F.asOf).get()
        let second = try ClearanceJSONLines.evaluate(line: line, lineNumber: 1, asOf: F.asOf).get()
        #expect(first == second)
    }

    @Test("crossing 1 January flips the verdict", arguments: [
        (F.facts([F.person("Author", died: 1990)], published: 1931, in: "US", notice: true, renewed: true), ClearanceTarget.enWikisource, 2027),
        (F.facts([F.person("Autor", died: 1956)], published: 1930, in: "DE"), .deWikisource, 2027),
        (F.facts([F.person("Auteur", died: 1940)], published: 1935, in: "FR"), .enWikisource, 2031),
        (F.facts([F.person("Autor", died: 1950)], published: 1940, in: "ES"), .frWikisource, 2031),
        (F.facts([], published: 2010, in: "IT", official: .state), .frWikisource, 2031),
    ])
    func newYear(facts: ClearanceFacts, target: ClearanceTarget, year: Int) {
        let engine = ClearanceEngine()
        let eve = engine.evaluate(facts, for: target, asOf: CalendarDate(decemberThirtyFirstOf: year - 1))
        let day = engine.evaluate(facts, for: target, asOf: CalendarDate(januaryFirstOf: year))
        #expect(eve.verdict == .notFree)
        #expect(eve.freeFrom == CalendarDate(januaryFirstOf: year))
        #expect(day.verdict == .free)
        #expect(day.freeFrom == nil)
        #expect(!day.templates.isEmpty)
    }

    @Test func freeFromIsAlwaysLaterThanTheEvaluationDate() {
        let rows = DocumentedCaseTests.rulesDocument + DocumentedCaseTests.qualityBar + USRuleTests.rows
            + JurisdictionRuleTests.specialCases + JurisdictionRuleTests.worksAndSpeeches
            + JurisdictionRuleTests.contributorsAndTerms + LicencePolicyTests.rows
        let engine = ClearanceEngine()
        for row in rows {
            for (target, verdict) in engine.evaluate(row.facts, asOf: row.asOf).targets {
                if let freeFrom = verdict.freeFrom {
                    #expect(verdict.verdict == .notFree && freeFrom > row.asOf, "\(row.name) \(target.rawValue)")
                }
                #expect(verdict.verdict == .free || verdict.templates.isEmpty, "\(row.name) \(target.rawValue)")
                #expect(!verdict.ruleIDs.isEmpty, "\(row.name) \(target.rawValue)")
            }
        }
    }

    static let everyTarget = ClearanceTarget.allCases

    @Test("unknown facts never give free where they matter", arguments: [
        (F.facts([F.person("A", died: nil)], published: 1950, in: "ES"), everyTarget),
        (F.facts([F.notFound()], published: 1950, in: "FR"), everyTarget),
        (F.facts([F.person("A", died: 1900)], in: "DE"), everyTarget),
        (F.facts([F.person("A", died: 1900)], published: 1950), [.enWikisource, .commons, .esWikisource, .frWikisource, .itWikisource]),
        (F.facts([F.person("A", died: 1990)], published: 1950, in: "US", notice: true), [.enWikisource, .commons, .esWikisource, .itWikisource]),
        (F.facts([F.anonymous()], in: "US", unpublished: true), everyTarget),
    ])
    func unknownFacts(facts: ClearanceFacts, targets: [ClearanceTarget]) {
        let evaluation = ClearanceEngine().evaluate(facts, asOf: F.asOf)
        for target in targets {
            #expect(evaluation[target].verdict != .free, "\(target.rawValue): \(evaluation[target].reasons)")
        }
    }
}
