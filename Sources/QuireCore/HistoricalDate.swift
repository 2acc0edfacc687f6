/// How precisely a historical date is known.
public enum DatePrecision: String, CaseIterable, Sendable, Codable {
    /// A day: 1955-12-31.
    case day
    /// A year: 1955.
    case year
    /// A decade: the 1950s.
    case decade
    /// A century: the 19th century, stored as its first year 1800.
    case century
}

/// A date known to some precision, as catalogues and biographies give life and publication dates.
///
/// Rules that depend on a date use ``earliestYear`` or ``latestYear`` and say which (a death is
/// taken at its latest possible year, a publication at its earliest plausible one).
public struct HistoricalDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The year, or the first year of the decade or century.
    public let year: Int
    /// The month (1–12), for day precision.
    public let month: Int?
    /// The day of the month, for day precision.
    public let day: Int?
    /// How precisely the date is known.
    public let precision: DatePrecision

    /// A date with the given precision; decades and centuries are normalised to their first year.
    public init(year: Int, precision: DatePrecision = .year) {
        switch precision {
        case .decade: self.year = Self.floor(year, to: 10)
        case .century: self.year = Self.floor(year, to: 100)
        case .year, .day: self.year = year
        }
        self.month = nil
        self.day = nil
        self.precision = precision == .day ? .year : precision
    }

    /// A date known to the day; nil when the month or day is out of range for that month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        precision = .day
    }

    private static func floor(_ value: Int, to step: Int) -> Int {
        value >= 0 ? value / step * step : -((-value + step - 1) / step * step)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The earliest year the date can denote.
    public var earliestYear: Int { year }

    /// The latest year the date can denote: 1959 for "the 1950s".
    public var latestYear: Int {
        switch precision {
        case .day, .year: year
        case .decade: year + 9
        case .century: year + 99
        }
    }

    /// Parses `1955`, `1955-12-31`, `1950s`, `195x`, `18xx`, `19th century`, `c. 1850` (a decade
    /// around the year is not assumed: `c.` keeps year precision but is reported by ``isApproximate``).
    public static func parse(_ text: String) -> HistoricalDate? {
        HistoricalDateParser.parse(text)?.date
    }

    /// Whether the text given to ``parse(_:)`` carried a circa mark.
    public static func isApproximate(_ text: String) -> Bool {
        HistoricalDateParser.parse(text)?.approximate ?? false
    }

    /// `1955`, `1955-12-31`, `1950s` or `19th century`.
    public var description: String {
        switch precision {
        case .day:
            let monthText = month.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "01"
            let dayText = day.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "01"
            return "\(year)-\(monthText)-\(dayText)"
        case .year: return "\(year)"
        case .decade: return "\(year)s"
        case .century: return "\(Self.ordinal(year / 100 + 1)) century"
        }
    }

    private static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}
