import QuireClearance
import QuireCore
import Testing

/// The `ebook` target (an e-book the institution publishes): PD in the United States and in the
/// country of first publication, or CC0 / CC BY / CC BY-SA; the cases of `clearance-rules.md`
/// ("Test cases worth having"), as of 2026-11-24.
@Suite("Clearance target: ebook")
struct EbookTargetTests {
    typealias F = Fixture

    static let cases: [Row] = [
        Row("Spanish author died 1930, published Madrid 1925: PD in ES (life+80) and the US",
            F.facts([F.person("Autor", died: 1930)], published: 1925, in: "ES"), assumption: "country of first publication",
            [.ebook: .free("PD-US-expired")]),
        Row("Spanish author died 1950, published 1940: not free (ES 2031, US restored until 2036)",
            F.facts([F.person("Autor", died: 1950)], published: 1940, in: "ES"), [.ebook: .notFree("2036-01-01")]),
        Row("French author died 1940, published Paris 1935: free in FR, not in the US until 2031",
            F.facts([F.person("Auteur", died: 1940)], published: 1935, in: "FR"), [.ebook: .notFree("2031-01-01")]),
        Row("Mexican author died 1960, published 1940: MX life+100",
            F.facts([F.person("Autor", died: 1960)], published: 1940, in: "MX"), [.ebook: .notFree("2061-01-01")]),
        Row("Chilean speech released under CC BY-SA 4.0: free by licence",
            F.facts([F.person("Salvador Allende", died: 1973)], published: 1971, in: "CL", speech: .public, licence: "CC-BY-SA-4.0"),
            [.ebook: .free("CC-BY-SA-4.0")]),
        Row("the same speech without the release: not free",
            F.facts([F.person("Salvador Allende", died: 1973)], published: 1971, in: "CL", speech: .public), [.ebook: .notFree("2067-01-01")]),
        Row("US President's official speech, 1962: PD-USGov",
            F.facts([F.person("John F. Kennedy", died: 1963)], published: 1962, in: "US", official: .usFederal, speech: .public),
            [.ebook: .free("PD-USGov")]),
        Row("anonymous newspaper article, Buenos Aires 1816: free",
            F.facts([F.anonymous()], published: 1816, in: "AR"), [.ebook: .free("PD-US-expired")]),
        Row("German typescript, author died 1960, unpublished: not free",
            F.facts([F.person("Autor", died: 1960)], in: "DE", unpublished: true), [.ebook: .notFree("2031-01-01")]),
        Row("CC BY-NC: rejected", F.facts([F.person("Author", died: 2000)], published: 2010, in: "DE", licence: "CC-BY-NC-4.0"),
            [.ebook: .notFree("2071-01-01")]),
        Row("CC BY-ND: rejected", F.facts([F.living("Author")], published: 2020, in: "FR", licence: "CC-BY-ND-4.0"), [.ebook: .notFree(nil)]),
        Row("US book 1950 with notice, renewal unknown: needs review",
            F.facts([F.person("Author", died: 1990)], published: 1950, in: "US", notice: true), [.ebook: .review]),
        Row("country of first publication unknown: needs review, never free",
            F.facts([F.person("Autor", died: 1900)], published: 1890), [.ebook: .review]),
    ]

    @Test("clearance-rules.md cases for an e-book", arguments: cases)
    func documentedCases(row: Row) { row.check() }

    @Test func theEbookTargetIsNoWikisource() {
        #expect(ClearanceTarget(wikisource: "ebook") == nil)
        #expect(ClearanceTarget(rawValue: "ebook") == .ebook)
    }

    @Test func licencesNameTheirLegalCode() {
        #expect(Licence("CC-BY-SA-4.0")?.legalCodeURL == "https://creativecommons.org/licenses/by-sa/4.0/legalcode")
        #expect(Licence("CC0-1.0")?.legalCodeURL == "https://creativecommons.org/publicdomain/zero/1.0/legalcode")
        #expect(Licence("https://creativecommons.org/licenses/by/4.0/")?.legalCodeURL == "https://creativecommons.org/licenses/by/4.0/legalcode")
        #expect(Licence("Apache-2.0")?.legalCodeURL == "https://www.apache.org/licenses/LICENSE-2.0")
    }
}
