/// An ISO 3166-1 alpha-2 country code such as `CL` or `ES`.
public struct CountryCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Two uppercase ASCII letters.
    public let rawValue: String

    /// Accepts two ASCII letters in either case; nil otherwise.
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.count == 2, upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        rawValue = upper
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 3166-1 alpha-2 code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Where and when a work was first published, or that it never was.
public struct Publication: Hashable, Sendable, Codable {
    /// First publication date, to its precision; nil when unknown or unpublished.
    public var date: HistoricalDate?
    /// Place of publication as printed (a city).
    public var place: String?
    /// Country of first publication.
    public var country: CountryCode?
    /// True when the work was never published (a manuscript, an unprinted speech).
    public var unpublished: Bool
    /// When the work was made (written, typed, drawn), to its precision; for unpublished works
    /// some terms run from creation. Nil when unknown.
    public var created: HistoricalDate?

    public init(date: HistoricalDate? = nil, place: String? = nil, country: CountryCode? = nil, unpublished: Bool = false, created: HistoricalDate? = nil) {
        self.date = date
        self.place = place
        self.country = country
        self.unpublished = unpublished
        self.created = created
    }
}

/// What is known of a document: bibliographic facts shared by OCR, wikitext and clearance.
public struct DocumentMetadata: Hashable, Sendable, Codable {
    /// The work's title as it should appear on the wiki.
    public var title: String
    /// Authors, translators, editors and illustrators, in order.
    public var contributors: [Contributor]
    /// First publication.
    public var publication: Publication
    /// The languages of the text, the first one primary.
    public var languages: LanguageSet
    /// Publisher as printed.
    public var publisher: String?
    /// The scan's file name on the wiki, e.g. `Discurso 1972.pdf` (without `File:`).
    public var wikiFileName: String?

    public init(
        title: String, contributors: [Contributor] = [], publication: Publication = Publication(),
        languages: LanguageSet, publisher: String? = nil, wikiFileName: String? = nil
    ) {
        self.title = title
        self.contributors = contributors
        self.publication = publication
        self.languages = languages
        self.publisher = publisher
        self.wikiFileName = wikiFileName
    }

    /// The contributors with the given role.
    public func contributors(_ role: ContributorRole) -> [Contributor] {
        contributors.filter { $0.role == role }
    }
}
