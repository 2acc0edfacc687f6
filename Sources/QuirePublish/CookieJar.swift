import Foundation

/// The session cookies of one wiki, read from `Set-Cookie` headers (which Foundation on Linux
/// joins with commas, dates included) and sent back as one `Cookie` header. Deleted cookies
/// (value `deleted`, `Max-Age=0` or an `Expires` in the past) are dropped.
struct CookieJar: Sendable {
    private(set) var values: [String: String] = [:]

    /// The `Cookie` header; nil when empty.
    var header: String? {
        values.isEmpty ? nil : values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    /// Takes the cookies of one `Set-Cookie` header (possibly several joined by commas).
    mutating func take(_ header: String, now: Date = Date()) {
        for cookie in Self.split(header) {
            let parts = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first, let equals = first.firstIndex(of: "=") else { continue }
            let name = String(first[..<equals])
            let value = String(first[first.index(after: equals)...])
            let attributes = parts.dropFirst().map { $0.lowercased() }
            let expired = value == "deleted" || attributes.contains("max-age=0")
                || attributes.contains { $0.hasPrefix("expires=") && Self.isPast($0.dropFirst(8), now: now) }
            values[name] = expired ? nil : value
        }
    }

    /// Splits at the commas that start a new cookie (`, name=`), not those inside dates.
    static func split(_ header: String) -> [String] {
        var cookies: [String] = []
        var current = ""
        for piece in header.components(separatedBy: ",") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            let head = trimmed.prefix { $0 != ";" }
            let startsCookie = head.contains("=") && !(head.prefix { $0 != "=" }.contains(" "))
            if startsCookie {
                if !current.isEmpty { cookies.append(current) }
                current = trimmed
            } else {
                current += "," + piece
            }
        }
        if !current.isEmpty { cookies.append(current) }
        return cookies
    }

    private static func isPast(_ text: Substring, now: Date) -> Bool {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd-MMM-yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm:ss zzz"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: String(text)) { return date < now }
        }
        return false
    }
}
