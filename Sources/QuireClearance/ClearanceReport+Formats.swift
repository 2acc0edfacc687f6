import Foundation

extension ClearanceReport {
    /// The report as one JSON document (snake_case keys, sorted, pretty-printed).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The columns of the CSV and table forms.
    public static let columns = ["document", "title", "target", "status", "verdict", "free_from", "missing_facts", "templates", "last_decision", "note"]

    /// One row's cells in ``columns`` order; lists joined with "; ".
    public static func cells(_ row: Row) -> [String] {
        var notes: [String] = []
        if row.factsChangedSinceDecision { notes.append("facts changed since the decision") }
        if row.overrides > 0 { notes.append("\(row.overrides) override\(row.overrides == 1 ? "" : "s")") }
        return [
            row.document, row.title, row.target, row.status, row.verdict, row.freeFrom ?? "",
            row.missing.joined(separator: "; "), row.templates.joined(separator: "; "), row.lastDecision ?? "", notes.joined(separator: "; "),
        ]
    }

    /// RFC 4180 CSV with a header row, CRLF line ends. A cell a spreadsheet would run as a
    /// formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe.
    public func csv() -> String {
        var lines = [Self.columns.map(Self.csvField).joined(separator: ",")]
        for row in rows { lines.append(Self.cells(row).map(Self.csvField).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
