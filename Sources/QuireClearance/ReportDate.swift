/// Dates as a reader of a report writes them: `2026-12-07` or `2026-12-07T19:20:00Z` →
/// `7 December 2026`. Pure text work: no clock, no locale.
enum ReportDate {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// The day of an ISO 8601 date or timestamp written out; the text unchanged if it is not one.
    static func human(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return iso }
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// `text` with every ISO day in it (`free on 2031-01-01`) written out (`free on 1 January 2031`).
    static func humanDates(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(where: \.isNumber) {
            result += rest[..<start]
            let candidate = rest[start...].prefix(10)
            let shape = candidate.enumerated().allSatisfy { index, character in
                index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
            }
            let followedByDigit = rest[start...].dropFirst(10).first?.isNumber ?? false
            if candidate.count == 10, shape, !followedByDigit, human(String(candidate)) != String(candidate) {
                result += human(String(candidate))
                rest = rest[start...].dropFirst(10)
            } else {
                let digits = rest[start...].prefix { $0.isNumber }
                result += digits
                rest = rest[start...].dropFirst(digits.count)
            }
        }
        return result + rest
    }
}
