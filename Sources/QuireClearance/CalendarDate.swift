/// A day in the proleptic Gregorian calendar, without time or zone: the evaluation date ("as of")
/// and the first day a work is free. The clearance engine never reads the clock; callers pass
/// one of these.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year (1–9999 for dates that can be printed as `YYYY-MM-DD`).
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31 depending on the month.
    public let day: Int

    /// A valid date; nil when the month or day is out of range (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// 1 January of `year`: the day a term that ended on 31 December of the year before runs out.
    public init(januaryFirstOf year: Int) {
        self.year = year
        self.month = 1
        self.day = 1
    }

    /// 31 December of `year`.
    public init(decemberThirtyFirstOf year: Int) {
        self.year = year
        self.month = 12
        self.day = 31
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// The day before this one (31 December of the year before for 1 January).
    public var dayBefore: CalendarDate {
        if day > 1 { return CalendarDate(unchecked: year, month, day - 1) }
        if month > 1 { return CalendarDate(unchecked: year, month - 1, Self.daysIn(month: month - 1, year: year)) }
        return CalendarDate(decemberThirtyFirstOf: year - 1)
    }

    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a YYYY-MM-DD date"))
        }
        self = date
    }

    /// Encodes as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
