import QuireCore

/// The facts a rights officer still has to find before the engine can give a firm verdict: each
/// one an unknown the engine would otherwise assume or send to review.
public enum MissingFacts {
    /// The first and last years of publication for which US notice and renewal decide the term.
    static let usNoticeYears = 1929...1977
    static let usRenewalYears = 1929...1963

    /// Short descriptions, in the order a researcher would look for them.
    public static func list(_ facts: ClearanceFacts) -> [String] {
        var missing: [String] = []
        if facts.official == nil && facts.contributors.filter({ $0.role == .author }).isEmpty {
            missing.append("author (a name with life dates, or 'anonymous' when published without one)")
        }
        for contributor in facts.contributors {
            let who = "\(contributor.role.rawValue) \(contributor.displayName)"
            switch contributor.identity {
            case .unknown:
                missing.append("\(contributor.role.rawValue): not identified (who, or 'anonymous' if the work appeared without a name)")
            case .anonymous:
                break
            case .person(_, _, .unknown):
                missing.append("\(who): death date (or whether living)")
            case .person(_, _, .died(let date)) where date.precision == .decade || date.precision == .century:
                missing.append("\(who): exact year of death (known only as \(date))")
            case .person:
                break
            }
        }
        let publication = facts.publication
        let authorUnknown = facts.contributors.contains { contributor in
            switch contributor.identity {
            case .anonymous, .unknown, .person(_, _, .unknown): true
            case .person: false
            }
        }
        if publication.unpublished && authorUnknown && publication.created == nil {
            missing.append("date of creation (an unpublished work without a known death date: terms run from creation)")
        }
        if !publication.unpublished {
            if let date = publication.date {
                if date.precision == .decade || date.precision == .century {
                    missing.append("exact year of first publication (known only as \(date))")
                }
                let years = date.earliestYear...date.latestYear
                if years.overlaps(usNoticeYears) && facts.usNotice == nil && facts.licence == nil {
                    missing.append("whether the edition carried a US copyright notice (published \(date))")
                }
                if years.overlaps(usRenewalYears) && facts.usRenewed == nil && facts.usNotice != false && facts.licence == nil {
                    missing.append("whether the US copyright was renewed (published \(date))")
                }
            } else {
                missing.append("date of first publication (or 'unpublished')")
            }
            if publication.country == nil { missing.append("country of first publication") }
        }
        if let licence = facts.licence, facts.licenceEvidence == false {
            missing.append("evidence of permission for \(licence.id) (a ticket number, a URL or a file)")
        }
        return missing
    }
}
