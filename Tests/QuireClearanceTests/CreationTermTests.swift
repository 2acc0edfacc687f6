import QuireClearance
import QuireCore
import Testing

/// Terms that run from creation (issue 15 #8): clearance-rules.md, United States, "unpublished,
/// anonymous or death unknown: created before 1906" (120 years from creation), as of 2026-11-24.
@Suite("Terms from creation for unpublished works")
struct CreationTermTests {
    typealias F = Fixture

    static func unpublished(_ contributors: [Contributor], created: HistoricalDate?, in country: String = "DE") -> ClearanceFacts {
        var facts = F.facts(contributors, in: country, unpublished: true)
        facts.publication.created = created
        return facts
    }

    static let rows: [Row] = [
        Row("anonymous typescript created 1939, unpublished: US 120 years from creation, free 2060",
            unpublished([F.anonymous()], created: HistoricalDate(year: 1939)),
            // Commons also needs DE, where an unpublished anonymous work has no known end.
            [.enWikisource: .notFree("2060-01-01"), .commons: .notFree(nil)]),
        Row("anonymous manuscript created 1900: 120 years ran out at the end of 2020",
            unpublished([F.anonymous()], created: HistoricalDate(year: 1900)),
            [.enWikisource: .free()]),
        Row("created 1905, the last year the rules document names: free since 2026-01-01",
            unpublished([F.anonymous()], created: HistoricalDate(year: 1905)),
            [.enWikisource: .free()]),
        Row("created 1906: not yet (free 2027)",
            unpublished([F.anonymous()], created: HistoricalDate(year: 1906)),
            [.enWikisource: .notFree("2027-01-01")]),
        Row("created in the 1900s: the latest possible year, 1909, counts",
            unpublished([F.anonymous()], created: HistoricalDate(year: 1900, precision: .decade)),
            assumption: "latest possible year, 1909",
            [.enWikisource: .notFree("2030-01-01")]),
        Row("a known author whose death date is unknown, created 1890: free in the US",
            unpublished([F.person("Autor", died: nil)], created: HistoricalDate(year: 1890)),
            [.enWikisource: .free()]),
        Row("without a creation date: still a person's decision",
            unpublished([F.anonymous()], created: nil),
            [.enWikisource: .review, .commons: .review]),
        Row("a known death governs, whatever the creation date: died 1960, life+70, free 2031",
            unpublished([F.person("Autor", died: 1960)], created: HistoricalDate(year: 1939)),
            [.enWikisource: .notFree("2031-01-01"), .deWikisource: .notFree("2031-01-01")]),
    ]

    @Test("creation terms", arguments: rows)
    func creationTerms(row: Row) { row.check() }

    @Test func aMissingCreationDateIsListed() {
        #expect(MissingFacts.list(Self.unpublished([F.anonymous()], created: nil)).contains { $0.hasPrefix("date of creation") })
        #expect(!MissingFacts.list(Self.unpublished([F.anonymous()], created: HistoricalDate(year: 1939))).contains { $0.hasPrefix("date of creation") })
    }

    @Test func showSaysEachReasonOnce() {
        let verdict = TargetVerdict(verdict: .notFree, reasons: [
            "commons: PD in the US and in the source country", "(as of 1996-01-01) ES: died 1950, life+80: free on 2031-01-01",
            "ES: died 1950, life+80: free on 2031-01-01", "ES: died 1950, life+80: free on 2031-01-01",
        ])
        #expect(verdict.distinctReasons == ["commons: PD in the US and in the source country", "ES: died 1950, life+80: free on 2031-01-01"])
        let alone = TargetVerdict(verdict: .notFree, reasons: ["(as of 1996-01-01) ES: still protected"])
        #expect(alone.distinctReasons == alone.reasons)
    }
}
