import QuireClearance
import QuireCore
import Testing

/// The US table of `clearance-rules.md`: 95 years from publication, notice and renewal, URAA
/// restoration, life + 70, the 2048 floor, federal works; unknown facts go to review.
@Suite("US rules")
struct USRuleTests {
    typealias F = Fixture

    static let rows: [Row] = [
        Row("US book 1925: the 95-year term ran out",
            F.facts([F.person("Author", died: 1970)], published: 1925, in: "US"),
            [.enWikisource: .free("PD-US-expired"), .commons: .free("PD-US-expired")]),
        Row("US book 1950 without notice",
            F.facts([F.person("Author", died: 1990)], published: 1950, in: "US", notice: false),
            [.enWikisource: .free("PD-US-no-notice")]),
        Row("US book 1950 with notice, not renewed",
            F.facts([F.person("Author", died: 1990)], published: 1950, in: "US", notice: true, renewed: false),
            [.enWikisource: .free("PD-US-not-renewed")]),
        Row("US book 1950 with notice, renewed: 95 years",
            F.facts([F.person("Author", died: 1990)], published: 1950, in: "US", notice: true, renewed: true),
            [.enWikisource: .notFree("2046-01-01")]),
        Row("US book 1970 with notice: renewal automatic, 95 years",
            F.facts([F.person("Author", died: 1990)], published: 1970, in: "US", notice: true),
            [.enWikisource: .notFree("2066-01-01")]),
        Row("US book 1970, notice unknown: review",
            F.facts([F.person("Author", died: 1990)], published: 1970, in: "US"),
            [.enWikisource: .review]),
        Row("US 1990 book, author died 1950: created before 1978, not before 2048",
            F.facts([F.person("Author", died: 1950)], published: 1990, in: "US"),
            [.enWikisource: .notFree("2048-01-01")]),
        Row("US 2005 book, author died 1950: life + 70",
            F.facts([F.person("Author", died: 1950)], published: 2005, in: "US"),
            [.enWikisource: .free("PD-old-70")]),
        Row("US 2005 book, author died 1980: life + 70",
            F.facts([F.person("Author", died: 1980)], published: 2005, in: "US"),
            [.enWikisource: .notFree("2051-01-01")]),
        Row("living author: not free, date unknowable",
            F.facts([F.living("Author")], published: 2005, in: "US"),
            [.enWikisource: .notFree(nil)]),
        Row("anonymous US work 1980: 95 years from publication",
            F.facts([F.anonymous()], published: 1980, in: "US"),
            [.enWikisource: .notFree("2076-01-01")]),
        Row("unpublished anonymous: creation date needed, review",
            F.facts([F.anonymous()], in: "US", unpublished: true),
            [.enWikisource: .review]),
        Row("publication date unknown: review",
            F.facts([F.person("Author", died: 1900)], in: "US"),
            [.enWikisource: .review]),
        Row("published 1950 in an unknown country: review",
            F.facts([F.person("Author", died: 1900)], published: 1950),
            [.enWikisource: .review, .commons: .review]),
        Row("Spanish 1940 book, author died 1900: PD in Spain in 1996, not restored",
            F.facts([F.person("Autor", died: 1900)], published: 1940, in: "ES"),
            [.enWikisource: .free("PD-1996|country=ES"), .commons: .free("PD-1996|country=ES")]),
        Row("French 1950 book with a US notice, renewed: 95 years whatever its status at home",
            F.facts([F.person("Auteur", died: 1900)], published: 1950, in: "FR", notice: true, renewed: true),
            [.enWikisource: .notFree("2046-01-01"), .frWikisource: .free("PD-old-70")]),
        Row("foreign work with a US notice, renewal unknown, PD at home in 1996: review",
            F.facts([F.person("Auteur", died: 1900)], published: 1950, in: "FR", notice: true),
            [.enWikisource: .review]),
        Row("Brazilian official work 1950: BR art. 8, PD-1996 in the US",
            F.facts([], published: 1950, in: "BR", official: .state),
            [.enWikisource: .free("PD-1996|country=BR"), .commons: .free("PD-BrazilGov")]),
        Row("German official work 1990: § 5 at home; in the US maybe an edict: review",
            F.facts([], published: 1990, in: "DE", official: .state),
            [.deWikisource: .free("PD-GermanGov"), .enWikisource: .review]),
        Row("publication known to the decade (1920s), anonymous: free for every possible year",
            F.facts([F.anonymous()], published: 1920, .decade, in: "US"),
            assumption: "1920s",
            [.enWikisource: .free("PD-US-expired")]),
        Row("publication known to the decade (1930s), notice unknown: depends on the year, review",
            F.facts([F.person("Author", died: 1990)], published: 1930, .decade, in: "US"),
            [.enWikisource: .review]),
        Row("US federal report 1990, no author named",
            F.facts([], published: 1990, in: "US", official: .usFederal),
            [.enWikisource: .free("PD-USGov"), .commons: .free("PD-USGov")]),
    ]

    @Test("US table", arguments: rows)
    func usCases(row: Row) { row.check() }
}
