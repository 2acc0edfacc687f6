import Foundation

/// The text forms of ``HistoricalDate``: one place for the grammar, so every command reads dates
/// the same way.
enum HistoricalDateParser {
    struct Result {
        let date: HistoricalDate
        let approximate: Bool
    }

    private static let circaPrefixes = ["c.", "ca.", "circa", "hacia", "vers", "um", "ca"]

    static func parse(_ raw: String) -> Result? {
        var text = raw.trimmingCharacters(in: .whitespaces).lowercased()
        var approximate = false
        for prefix in circaPrefixes where text.hasPrefix(prefix + " ") || (prefix.hasSuffix(".") && text.hasPrefix(prefix)) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            approximate = true
            break
        }
        guard let date = parseExact(text) else { return nil }
        return Result(date: date, approximate: approximate)
    }

    private static func parseExact(_ text: String) -> HistoricalDate? {
        if let year = Int(text), (-3000...9999).contains(year) {
            return HistoricalDate(year: year)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            return HistoricalDate(year: y, month: m, day: d)
        }
        if text.count == 5, text.hasSuffix("s"), let year = Int(text.dropLast()), year % 10 == 0 {
            return HistoricalDate(year: year, precision: .decade)
        }
        if text.count == 4, text.hasSuffix("xx"), let century = Int(text.prefix(2)) {
            return HistoricalDate(year: century * 100, precision: .century)
        }
        if text.count == 4, text.hasSuffix("x"), let decade = Int(text.prefix(3)) {
            return HistoricalDate(year: decade * 10, precision: .decade)
        }
        if text.hasSuffix("century") {
            let number = text.prefix { $0.isNumber }
            if let n = Int(number), n >= 1 { return HistoricalDate(year: (n - 1) * 100, precision: .century) }
        }
        return nil
    }
}
