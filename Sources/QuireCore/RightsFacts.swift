/// What backs a rights decision: a permission ticket, a public statement, or a file kept as proof.
public struct Evidence: Hashable, Sendable, Codable {
    /// The closed set of evidence kinds.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// A permission ticket number (Wikimedia VRTS, or the archive's own).
        case ticket
        /// A public licence statement or correspondence at a URL.
        case url
        /// A file (a signed letter, a contract scan), fingerprinted so it cannot be swapped.
        case file
    }

    public var kind: Kind
    /// The ticket number, the URL, or the file's path as given.
    public var value: String
    /// The file's SHA-256 (lowercase hex); only for files.
    public var sha256: String?

    public init(kind: Kind, value: String, sha256: String? = nil) {
        self.kind = kind
        self.value = value
        self.sha256 = sha256
    }

    /// `ticket 2026112410012345`, `url https://…`, `file permiso.pdf (sha256 3f2a…)`.
    public var summary: String {
        switch kind {
        case .ticket, .url: "\(kind.rawValue) \(value)"
        case .file: "file \(value) (sha256 \(sha256 ?? "?"))"
        }
    }
}

/// A document's rights facts beyond its bibliography (contributors and publication live in
/// ``DocumentMetadata``): whether it is an official work or a speech, its licence, who holds the
/// rights, US formalities, and the evidence gathered. Unknown is nil.
public struct RightsFacts: Hashable, Sendable, Codable {
    public var official: OfficialWork?
    public var speech: SpeechVenue?
    /// The licence as given: an SPDX-style id, a CC URL or a rightsstatements.org URL.
    public var licence: String?
    /// Who holds the rights (a foundation, an heir, a publisher).
    public var rightsHolder: String?
    /// Whether the first US-relevant edition carried a copyright notice.
    public var usNotice: Bool?
    /// Whether the US copyright was renewed.
    public var usRenewed: Bool?
    /// Tickets, URLs and files backing the facts, oldest first.
    public var evidence: [Evidence]

    public init(
        official: OfficialWork? = nil, speech: SpeechVenue? = nil, licence: String? = nil, rightsHolder: String? = nil,
        usNotice: Bool? = nil, usRenewed: Bool? = nil, evidence: [Evidence] = []
    ) {
        self.official = official
        self.speech = speech
        self.licence = licence
        self.rightsHolder = rightsHolder
        self.usNotice = usNotice
        self.usRenewed = usRenewed
        self.evidence = evidence
    }
}

/// A change to ``RightsFacts``: each field is left alone (nil), cleared (`.some(nil)`) or set.
public struct RightsFactsChange: Hashable, Sendable {
    public var official: OfficialWork??
    public var speech: SpeechVenue??
    public var licence: String??
    public var rightsHolder: String??
    public var usNotice: Bool??
    public var usRenewed: Bool??
    /// Evidence to add (evidence is never removed: it is part of the record).
    public var addEvidence: [Evidence]

    public init(
        official: OfficialWork?? = nil, speech: SpeechVenue?? = nil, licence: String?? = nil, rightsHolder: String?? = nil,
        usNotice: Bool?? = nil, usRenewed: Bool?? = nil, addEvidence: [Evidence] = []
    ) {
        self.official = official
        self.speech = speech
        self.licence = licence
        self.rightsHolder = rightsHolder
        self.usNotice = usNotice
        self.usRenewed = usRenewed
        self.addEvidence = addEvidence
    }

    /// True when nothing would change.
    public var isEmpty: Bool {
        official == nil && speech == nil && licence == nil && rightsHolder == nil && usNotice == nil && usRenewed == nil && addEvidence.isEmpty
    }

    /// The facts after the change; evidence already present is not added twice.
    public func applied(to facts: RightsFacts) -> RightsFacts {
        var result = facts
        if let official { result.official = official }
        if let speech { result.speech = speech }
        if let licence { result.licence = licence }
        if let rightsHolder { result.rightsHolder = rightsHolder }
        if let usNotice { result.usNotice = usNotice }
        if let usRenewed { result.usRenewed = usRenewed }
        for item in addEvidence where !result.evidence.contains(item) { result.evidence.append(item) }
        return result
    }
}
