import QuireClearance
import Testing

@Suite("Licence parsing")
struct LicenceParsingTests {
    @Test("ids and URLs", arguments: [
        ("CC-BY-SA-4.0", "CC-BY-SA-4.0", Licence.Kind.attributionShareAlike),
        ("cc-by-4.0", "CC-BY-4.0", .attribution),
        ("CC0-1.0", "CC0-1.0", .publicDomainDedication),
        ("https://creativecommons.org/licenses/by-sa/3.0/", "CC-BY-SA-3.0", .attributionShareAlike),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0", .publicDomainDedication),
        ("https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es", "CC-BY-NC-SA-4.0", .nonCommercial),
        ("CC-BY-ND-4.0", "CC-BY-ND-4.0", .noDerivatives),
        ("GFDL-1.3-only", "GFDL-1.3-only", .gfdlOnly),
        ("http://rightsstatements.org/vocab/InC/1.0/", "InC", .rightsStatement),
    ])
    func parses(text: String, id: String, kind: Licence.Kind) throws {
        let licence = try #require(Licence(text))
        #expect(licence.id == id)
        #expect(licence.kind == kind)
    }

    @Test func restrictiveLicencesAreMarked() throws {
        #expect(try #require(Licence("CC-BY-NC-4.0")).isRestrictive)
        #expect(try #require(Licence("CC-BY-ND-3.0")).isRestrictive)
        #expect(try #require(Licence("GFDL-1.2")).isRestrictive)
        #expect(try !#require(Licence("CC-BY-SA-4.0")).isRestrictive)
        #expect(try !#require(Licence("CC0-1.0")).isRestrictive)
    }

    @Test("not licences", arguments: ["", "MIT-ish", "https://example.org/licence", "all rights reserved"])
    func rejects(text: String) {
        #expect(Licence(text) == nil)
    }

    @Test func termsEndOnTheLastDayOfTheYear() {
        #expect(CopyrightTerm.firstFreeYear(eventYear: 1955, years: 70) == 2026)
        #expect(CopyrightTerm.firstFreeYear(eventYear: 1956, years: 70) == 2027)
    }
}
