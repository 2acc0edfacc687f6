import Foundation

/// The text form of a contributor: `Name (born–died)`, see ``Contributor/parse(_:role:)``.
enum ContributorParser {
    private static let anonymousWords: Set<String> = ["anonymous", "anon.", "anónimo", "anónima", "anonyme", "anonym", "anonimo"]
    private static let unknownWords: Set<String> = ["unknown", "desconocido", "desconocida", "inconnu", "unbekannt", "sconosciuto"]
    private static let dashes: Set<Character> = ["-", "–", "—", "‒"]

    static func parse(_ raw: String, role: ContributorRole) throws(CoreError) -> Contributor {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw CoreError(.invalidArgument, "a contributor name is empty", remedy: "give a name such as \"Salvador Allende (1908–1973)\", or 'anonymous' or 'unknown'")
        }
        let lowered = text.lowercased()
        if anonymousWords.contains(lowered) { return Contributor(role: role, identity: .anonymous) }
        if unknownWords.contains(lowered) { return Contributor(role: role, identity: .unknown) }

        guard let open = text.lastIndex(of: "("), text.hasSuffix(")") else {
            if text.contains("(") || text.contains(")") { throw malformed(text) }
            return Contributor(role: role, identity: .person(name: text, born: nil, death: .unknown))
        }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw malformed(text) }
        let (born, death) = try lifeDates(inner, whole: text)
        return Contributor(role: role, identity: .person(name: name, born: born, death: death))
    }

    private static func lifeDates(_ inner: String, whole: String) throws(CoreError) -> (HistoricalDate?, DeathStatus) {
        let lowered = inner.lowercased()
        for prefix in ["b. ", "born ", "n. "] where lowered.hasPrefix(prefix) {
            return (try date(String(inner.dropFirst(prefix.count)), whole: whole), .unknown)
        }
        for prefix in ["d. ", "died ", "m. ", "†"] where lowered.hasPrefix(prefix) {
            return (nil, .died(try date(String(inner.dropFirst(prefix.count)), whole: whole)))
        }
        guard let dash = dashSplit(inner) else {
            throw malformed(whole)
        }
        let born = dash.before.isEmpty || dash.before == "?" ? nil : try date(dash.before, whole: whole)
        let death: DeathStatus
        switch dash.after {
        case "": death = .living
        case "?": death = .unknown
        default: death = .died(try date(dash.after, whole: whole))
        }
        return (born, death)
    }

    /// Splits at the dash between two dates, skipping the dashes inside an ISO date (1955-12-31).
    private static func dashSplit(_ inner: String) -> (before: String, after: String)? {
        let characters = Array(inner)
        var candidates: [Int] = []
        for (i, c) in characters.enumerated() where dashes.contains(c) { candidates.append(i) }
        for i in candidates {
            let before = String(characters[..<i]).trimmingCharacters(in: .whitespaces)
            let after = String(characters[(i + 1)...]).trimmingCharacters(in: .whitespaces)
            let beforeOK = before.isEmpty || before == "?" || HistoricalDate.parse(before) != nil
            let afterOK = after.isEmpty || after == "?" || HistoricalDate.parse(after) != nil
            if beforeOK && afterOK { return (before, after) }
        }
        return nil
    }

    private static func date(_ text: String, whole: String) throws(CoreError) -> HistoricalDate {
        guard let date = HistoricalDate.parse(text) else { throw malformed(whole) }
        return date
    }

    private static func malformed(_ text: String) -> CoreError {
        CoreError(
            .invalidArgument, "cannot read the life dates in \"\(text)\"",
            remedy: "write them as \"Name (1908–1973)\", \"Name (b. 1950)\", \"Name (d. 1930)\", \"Name (1890s–c. 1950)\", \"Name (1901–)\" for a living person, or leave them out")
    }
}
