public import QuireCore

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
    /// Whether evidence of the licence (a permission ticket, a public statement, a file) is on
    /// record: nil when not tracked (the JSON Lines interface; the verdict then assumes it and
    /// says so), false when the catalogue holds none, which sends a licence-only case to review.
    public var licenceEvidence: Bool?

    /// Facts as given; every clearance-specific fact defaults to "none" or "unknown".
    public init(
        contributors: [Contributor], publication: Publication, official: OfficialWork? = nil,
        speech: SpeechVenue? = nil, licence: Licence? = nil, usNotice: Bool? = nil, usRenewed: Bool? = nil,
        licenceEvidence: Bool? = nil
    ) {
        self.licenceEvidence = licenceEvidence
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

    /// A catalogued document's facts: its metadata and its rights facts, with the evidence on
    /// record. A licence that does not parse counts as no licence (``Licence`` validates input).
    public init(metadata: DocumentMetadata, rights: RightsFacts) {
        self.init(
            metadata: metadata, official: rights.official, speech: rights.speech, licence: rights.licence.flatMap(Licence.init),
            usNotice: rights.usNotice, usRenewed: rights.usRenewed)
        licenceEvidence = !rights.evidence.isEmpty
    }

    /// The country of first publication, taken as the work's source country.
    public var sourceCountry: CountryCode? { publication.country }
}
