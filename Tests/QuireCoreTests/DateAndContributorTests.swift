import QuireCore
import Testing

@Suite("Historical dates")
struct HistoricalDateTests {
    @Test("parsing", arguments: [
        ("1955", "1955", 1955, 1955),
        ("1955-12-31", "1955-12-31", 1955, 1955),
        ("1950s", "1950s", 1950, 1959),
        ("195x", "1950s", 1950, 1959),
        ("18xx", "19th century", 1800, 1899),
        ("19th century", "19th century", 1800, 1899),
        ("21st century", "21st century", 2000, 2099),
        ("c. 1850", "1850", 1850, 1850),
    ])
    func parsing(text: String, description: String, earliest: Int, latest: Int) throws {
        let date = try #require(HistoricalDate.parse(text))
        #expect(date.description == description)
        #expect(date.earliestYear == earliest)
        #expect(date.latestYear == latest)
    }

    @Test("rejects", arguments: ["", "soon", "1955-13-01", "1955-02-30", "19555", "1951s"])
    func rejects(text: String) {
        #expect(HistoricalDate.parse(text) == nil)
    }

    @Test func descriptionRoundTrips() throws {
        for text in ["1900", "1955-12-31", "1960s", "18th century", "1900-02-28"] {
            let date = try #require(HistoricalDate.parse(text))
            #expect(HistoricalDate.parse(date.description) == date)
        }
        #expect(HistoricalDate.isApproximate("c. 1850"))
        #expect(!HistoricalDate.isApproximate("1850"))
    }

    @Test func leapDays() {
        #expect(HistoricalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(HistoricalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(HistoricalDate(year: 1904, month: 2, day: 29) != nil)
    }
}

@Suite("Contributors")
struct ContributorTests {
    @Test func personWithLifeDates() throws {
        let allende = try Contributor.parse("Salvador Allende (1908–1973)", role: .author)
        #expect(allende.identity == .person(name: "Salvador Allende", born: HistoricalDate(year: 1908), death: .died(HistoricalDate(year: 1973))))
        #expect(allende.displayName == "Salvador Allende")
    }

    @Test func variants() throws {
        #expect(try Contributor.parse("Jane Doe (b. 1950)", role: .translator).identity == .person(name: "Jane Doe", born: HistoricalDate(year: 1950), death: .unknown))
        #expect(try Contributor.parse("Old Hand (d. 1930)", role: .editor).identity == .person(name: "Old Hand", born: nil, death: .died(HistoricalDate(year: 1930))))
        #expect(try Contributor.parse("Living Poet (1961–)", role: .author).identity == .person(name: "Living Poet", born: HistoricalDate(year: 1961), death: .living))
        #expect(try Contributor.parse("Lost (1901–?)", role: .author).identity == .person(name: "Lost", born: HistoricalDate(year: 1901), death: .unknown))
        #expect(try Contributor.parse("Vague (1890s–c. 1950)", role: .author).identity
            == .person(name: "Vague", born: HistoricalDate(year: 1890, precision: .decade), death: .died(HistoricalDate(year: 1950))))
        #expect(try Contributor.parse("Exact (1900-01-01 – 1955-12-31)", role: .author).identity
            == .person(name: "Exact", born: HistoricalDate(year: 1900, month: 1, day: 1), death: .died(HistoricalDate(year: 1955, month: 12, day: 31)!)))
        #expect(try Contributor.parse("Plain Name", role: .illustrator).identity == .person(name: "Plain Name", born: nil, death: .unknown))
    }

    @Test func anonymousIsNotUnknown() throws {
        #expect(try Contributor.parse("anonymous", role: .author).identity == .anonymous)
        #expect(try Contributor.parse("Anónimo", role: .author).identity == .anonymous)
        #expect(try Contributor.parse("unknown", role: .author).identity == .unknown)
        #expect(try Contributor.parse("Desconocido", role: .author).identity == .unknown)
    }

    @Test("malformed", arguments: ["", "Name (", "Name (abc)", "Name (1900–abc)", "(1900–1950)", "Name) (1900"])
    func malformed(text: String) {
        #expect(throws: CoreError.self) { try Contributor.parse(text, role: .author) }
    }

    @Test func malformedErrorSaysHowToWriteIt() {
        do {
            _ = try Contributor.parse("X (someday)", role: .author)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.description.contains("Name (1908–1973)"))
        }
    }
}
