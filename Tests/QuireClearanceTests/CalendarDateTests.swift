import QuireClearance
import Testing

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("parses and prints YYYY-MM-DD", arguments: ["2026-11-24", "1996-01-01", "2000-02-29", "0999-12-31"])
    func roundTrips(text: String) throws {
        #expect(try #require(CalendarDate(text)).description == text)
    }

    @Test("rejects", arguments: ["", "2026-1-24", "2026-11-24T00:00", "2026/11/24", "1900-02-29", "2026-13-01", "2026-00-10", "20261124", "+026-11-24"])
    func rejects(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func ordersAndSteps() throws {
        let newYear = CalendarDate(januaryFirstOf: 2027)
        #expect(newYear.dayBefore == CalendarDate(decemberThirtyFirstOf: 2026))
        #expect(try #require(CalendarDate("2024-03-01")).dayBefore == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(decemberThirtyFirstOf: 2026) < newYear)
    }

    @Test func asOfArgument() throws {
        #expect(try ClearanceError.parseAsOf("2026-11-24").get() == CalendarDate(year: 2026, month: 11, day: 24))
        guard case .failure(let error) = ClearanceError.parseAsOf("tomorrow") else {
            Issue.record("a bad --as-of was accepted")
            return
        }
        #expect(error.code == .invalidArgument)
        #expect(error.description.contains("YYYY-MM-DD"))
    }
}
