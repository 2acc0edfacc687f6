/// The wikis a document can be cleared for: each applies its own law and licence policy.
public enum ClearanceTarget: String, CaseIterable, Sendable, Codable {
    case enWikisource = "en.wikisource"
    case esWikisource = "es.wikisource"
    case frWikisource = "fr.wikisource"
    case deWikisource = "de.wikisource"
    case itWikisource = "it.wikisource"
    case commons
}

/// The engine's answer for one target. Unknown facts and exceptions never give `free`.
public enum Verdict: String, CaseIterable, Sendable, Codable {
    case free
    case notFree = "not-free"
    case needsReview = "needs-review"
}

/// Copyright terms run to the end of the calendar year: a work whose term of `years` counts from
/// an event in `eventYear` is free on 1 January of `eventYear + years + 1`.
public enum CopyrightTerm {
    /// The first calendar year in which the work is free.
    public static func firstFreeYear(eventYear: Int, years: Int) -> Int {
        eventYear + years + 1
    }
}
