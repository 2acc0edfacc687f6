public import QuireCore

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

/// Everything the rules engine needs to know about a work. Unknown facts are nil (or
/// ``DeathStatus/unknown``, ``ContributorIdentity/unknown``) and never lead to `free`.
public struct ClearanceFacts: Hashable, Sendable {
    /// Authors, translators, editors and illustrators: each contribution is cleared separately
    /// and the latest term governs.
    public var contributors: [Contributor]
    /// First publication: date (earliest plausible year), country, or unpublished.
    public var publication: Publication
    /// Whether the work is an official work, and whose.
    public var official: OfficialWork?
    /// Whether the work is a speech, and where it was given.
    public var speech: SpeechVenue?
    /// A licence granted by the rights holder (evidence of permission is required on Wikimedia).
    public var licence: Licence?
    /// Whether the first US-relevant edition carried a copyright notice; nil when unknown.
    public var usNotice: Bool?
    /// Whether the US copyright was renewed (works published 1931–1963); nil when unknown.
    public var usRenewed: Bool?

    /// Facts as given; every clearance-specific fact defaults to "none" or "unknown".
    public init(
        contributors: [Contributor], publication: Publication, official: OfficialWork? = nil,
        speech: SpeechVenue? = nil, licence: Licence? = nil, usNotice: Bool? = nil, usRenewed: Bool? = nil
    ) {
        self.contributors = contributors
        self.publication = publication
        self.official = official
        self.speech = speech
        self.licence = licence
        self.usNotice = usNotice
        self.usRenewed = usRenewed
    }

    /// The contributors and publication of a document's metadata, plus the clearance-specific facts.
    public init(
        metadata: DocumentMetadata, official: OfficialWork? = nil, speech: SpeechVenue? = nil,
        licence: Licence? = nil, usNotice: Bool? = nil, usRenewed: Bool? = nil
    ) {
        self.init(
            contributors: metadata.contributors, publication: metadata.publication, official: official,
            speech: speech, licence: licence, usNotice: usNotice, usRenewed: usRenewed)
    }

    /// The country of first publication, taken as the work's source country.
    public var sourceCountry: CountryCode? { publication.country }
}
