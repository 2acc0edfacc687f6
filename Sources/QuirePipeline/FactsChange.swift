public import QuireCore

/// What `quire clearance set` and `quire add` change in a document's facts. Nil leaves a fact
/// as it is; contributors, when given, replace the stored list.
public struct FactsChange: Sendable {
    public var contributors: [Contributor]?
    public var published: HistoricalDate?
    public var unpublished = false
    /// When the work was made.
    public var created: HistoricalDate?
    public var place: String?
    public var country: CountryCode?
    public var publisher: String?
    public var rights = RightsFactsChange()
    /// Evidence files to fingerprint and record.
    public var evidenceFiles: [String] = []

    public init() {}

    /// True when nothing would change.
    public var isEmpty: Bool {
        contributors == nil && published == nil && !unpublished && created == nil && place == nil && country == nil && publisher == nil
            && rights.isEmpty && evidenceFiles.isEmpty
    }

    /// The bibliographic facts after the change.
    func applied(to metadata: DocumentMetadata) -> DocumentMetadata {
        var result = metadata
        if let contributors { result.contributors = contributors }
        if let published {
            result.publication.date = published
            result.publication.unpublished = false
        }
        if unpublished {
            result.publication.unpublished = true
            result.publication.date = nil
        }
        if let created { result.publication.created = created }
        if let place { result.publication.place = place }
        if let country { result.publication.country = country }
        if let publisher { result.publisher = publisher }
        return result
    }
}

/// The facts that differ between two versions, one line each: `licence: unknown → CC-BY-SA-4.0`.
enum FactsDiff {
    static func lines(before: DocumentMetadata, after: DocumentMetadata, rightsBefore: RightsFacts, rightsAfter: RightsFacts) -> [String] {
        var lines: [String] = []
        func compare(_ name: String, _ old: String?, _ new: String?) {
            if old != new { lines.append("\(name): \(old ?? "unknown") → \(new ?? "unknown")") }
        }
        compare("contributors", describe(before.contributors), describe(after.contributors))
        compare("created", before.publication.created?.description, after.publication.created?.description)
        compare("published", publication(before.publication), publication(after.publication))
        compare("place", before.publication.place, after.publication.place)
        compare("country", before.publication.country?.rawValue, after.publication.country?.rawValue)
        compare("publisher", before.publisher, after.publisher)
        compare("official", rightsBefore.official?.rawValue, rightsAfter.official?.rawValue)
        compare("speech", rightsBefore.speech?.rawValue, rightsAfter.speech?.rawValue)
        compare("licence", rightsBefore.licence, rightsAfter.licence)
        compare("rights holder", rightsBefore.rightsHolder, rightsAfter.rightsHolder)
        compare("US notice", rightsBefore.usNotice.map(yesNo), rightsAfter.usNotice.map(yesNo))
        compare("US renewal", rightsBefore.usRenewed.map(yesNo), rightsAfter.usRenewed.map(yesNo))
        for item in rightsAfter.evidence where !rightsBefore.evidence.contains(item) {
            lines.append("evidence added: \(item.summary)")
        }
        return lines
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    private static func publication(_ publication: Publication) -> String? {
        publication.unpublished ? "unpublished" : publication.date?.description
    }

    private static func describe(_ contributors: [Contributor]) -> String? {
        guard !contributors.isEmpty else { return nil }
        return contributors.map { "\($0.role.rawValue) \($0.summary)" }.joined(separator: ", ")
    }
}
