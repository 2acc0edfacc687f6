/// Where a document can be cleared for release: the wikis, and the e-book the institution
/// publishes itself. Each applies its own law and licence policy.
public enum ClearanceTarget: String, CaseIterable, Sendable, Codable {
    case enWikisource = "en.wikisource"
    case esWikisource = "es.wikisource"
    case frWikisource = "fr.wikisource"
    case deWikisource = "de.wikisource"
    case itWikisource = "it.wikisource"
    case commons
    /// An e-book (EPUB) the institution publishes and anyone may download: public domain in the
    /// United States and in the country of first publication, or a free licence.
    case ebook

    /// The Wikisource of a language subdomain (`es` → `es.wikisource`); nil for other wikis.
    public init?(wikisource language: String) {
        self.init(rawValue: "\(language.lowercased()).wikisource")
        if self == .commons || self == .ebook { return nil }
    }
}

/// The engine's answer for one target. Unknown facts and exceptions never give `free`.
public enum Verdict: String, CaseIterable, Sendable, Codable {
    case free
    case notFree = "not-free"
    case needsReview = "needs-review"
}

/// Where a document stands with a rights officer, per target.
public enum ClearanceStatus: String, CaseIterable, Sendable, Codable {
    /// Nobody has looked yet: the starting state, never publishable.
    case uncleared
    /// A person is reviewing the facts and the engine's verdict.
    case inReview = "in-review"
    /// A person cleared it for the target: publishable there.
    case cleared
    /// A person decided it may not be published there.
    case rejected
}

/// Whose official work a text is, when it is one.
public enum OfficialWork: String, CaseIterable, Sendable, Codable {
    /// A work of a state or public body of the country of first publication (a law, a decision,
    /// a ministry publication). The country's official-works rule applies.
    case state
    /// A work of the United States federal government (17 USC 105), including official speeches
    /// of federal officials.
    case usFederal = "us-federal"
}

/// Where a speech was given, when the text is one.
public enum SpeechVenue: String, CaseIterable, Sendable, Codable {
    /// A public or political speech, lecture or address.
    case `public`
    /// A speech before a parliament or another deliberative assembly.
    case parliament
}
