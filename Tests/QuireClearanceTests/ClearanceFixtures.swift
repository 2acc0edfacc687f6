import QuireClearance
import QuireCore
import Testing

/// Builders for table-driven clearance cases: facts in a line, expectations per target.
enum Fixture {
    /// The evaluation date of `clearance-rules.md`'s test cases.
    static let asOf = date("2026-11-24")

    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("bad fixture date \(text)") }
        return date
    }

    static func country(_ text: String) -> CountryCode {
        guard let code = CountryCode(text) else { preconditionFailure("bad fixture country \(text)") }
        return code
    }

    /// A named person who died in `died` (nil: death unknown) to the given precision.
    static func person(_ name: String, died: Int?, _ precision: DatePrecision = .year, role: ContributorRole = .author) -> Contributor {
        let death: DeathStatus = died.map { .died(HistoricalDate(year: $0, precision: precision)) } ?? .unknown
        return Contributor(role: role, identity: .person(name: name, born: nil, death: death))
    }

    /// A named person who died on a given day.
    static func person(_ name: String, diedOn text: String, role: ContributorRole = .author) -> Contributor {
        guard let day = HistoricalDate.parse(text) else { preconditionFailure("bad fixture date \(text)") }
        return Contributor(role: role, identity: .person(name: name, born: nil, death: .died(day)))
    }

    static func living(_ name: String, role: ContributorRole = .author) -> Contributor {
        Contributor(role: role, identity: .person(name: name, born: nil, death: .living))
    }

    static func anonymous(_ role: ContributorRole = .author) -> Contributor {
        Contributor(role: role, identity: .anonymous)
    }

    static func notFound(_ role: ContributorRole = .author) -> Contributor {
        Contributor(role: role, identity: .unknown)
    }

    static func facts(
        _ contributors: [Contributor], published: Int? = nil, _ precision: DatePrecision = .year, in country: String? = nil,
        unpublished: Bool = false, official: OfficialWork? = nil, speech: SpeechVenue? = nil, licence: String? = nil,
        notice: Bool? = nil, renewed: Bool? = nil
    ) -> ClearanceFacts {
        ClearanceFacts(
            contributors: contributors,
            publication: Publication(
                date: published.map { HistoricalDate(year: $0, precision: precision) }, country: country.map(Self.country),
                unpublished: unpublished),
            official: official, speech: speech, licence: licence.flatMap { Licence($0) }, usNotice: notice, usRenewed: renewed)
    }
}

/// What a case expects for one target: the verdict, `free_from`, and a template that must be
/// among those given (for free verdicts).
struct Expect: Sendable, CustomStringConvertible {
    var verdict: Verdict
    var freeFrom: String?
    var template: String?

    static func free(_ template: String? = nil) -> Expect { Expect(verdict: .free, freeFrom: nil, template: template) }
    static func notFree(_ freeFrom: String?) -> Expect { Expect(verdict: .notFree, freeFrom: freeFrom, template: nil) }
    static let review = Expect(verdict: .needsReview, freeFrom: nil, template: nil)

    var description: String { "\(verdict.rawValue) \(freeFrom ?? "-") \(template ?? "")" }
}

/// One row of a table: facts, evaluation date, expected verdicts for the targets that matter.
struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var facts: ClearanceFacts
    var asOf: CalendarDate = Fixture.asOf
    var expect: [ClearanceTarget: Expect]
    /// A text that must appear in one of the assumptions of every expected target, if any.
    var assumption: String?

    init(_ name: String, _ facts: ClearanceFacts, asOf: String? = nil, assumption: String? = nil, _ expect: [ClearanceTarget: Expect]) {
        self.name = name
        self.facts = facts
        self.asOf = asOf.map(Fixture.date) ?? Fixture.asOf
        self.expect = expect
        self.assumption = assumption
    }

    var testDescription: String { name }

    /// Checks the engine's evaluation against every expectation of the row.
    func check(_ engine: ClearanceEngine = ClearanceEngine()) {
        let evaluation = engine.evaluate(facts, asOf: asOf)
        for (target, expected) in expect.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let got = evaluation[target]
            let trace = "\(name) → \(target.rawValue): \(got.verdict.rawValue) \(got.freeFrom?.description ?? "-") \(got.templates) \(got.reasons) \(got.assumptions)"
            #expect(got.verdict == expected.verdict, "\(trace)")
            #expect(got.freeFrom?.description == expected.freeFrom, "\(trace)")
            if let template = expected.template {
                #expect(got.templates.contains(template), "\(trace)")
            }
            if got.verdict == .free { #expect(!got.templates.isEmpty || !got.reasons.isEmpty, "\(trace)") } else {
                #expect(got.templates.isEmpty, "\(trace)")
            }
            #expect(!got.reasons.isEmpty, "\(trace)")
            if let assumption {
                #expect(got.assumptions.contains { $0.contains(assumption) }, "\(trace)")
            }
        }
    }
}
