public import QuireCore

/// Whose law a target applies.
public enum LawSelector: Hashable, Sendable, CustomStringConvertible {
    /// The law of the United States.
    case unitedStates
    /// The law of the country of first publication (the source country).
    case sourceCountry
    /// The law of a given country.
    case country(CountryCode)

    /// `US`, `source country` or the country code.
    public var description: String {
        switch self {
        case .unitedStates: "US"
        case .sourceCountry: "source country"
        case .country(let code): code.rawValue
        }
    }
}

/// The laws a target applies to works from some source countries.
///
/// ``readings`` lists the possible readings of the target's policy; each reading is a list of
/// laws that must all say free. One reading is a settled policy; several mean the policy is
/// marked "(check)": the verdict is kept when all readings agree, and is `needs-review` otherwise.
public struct LawBranch: Hashable, Sendable {
    /// The source countries this branch covers; nil for all (the fallback).
    public var sourceCountries: Set<CountryCode>?
    /// The possible readings of the policy.
    public var readings: [[LawSelector]]
    /// The rule and its citation.
    public var rule: Rule
    /// An assumption recorded when the branch is used, if any.
    public var assumption: String?

    /// A branch of a target policy.
    public init(sourceCountries: Set<CountryCode>?, readings: [[LawSelector]], rule: Rule, assumption: String? = nil) {
        self.sourceCountries = sourceCountries
        self.readings = readings
        self.rule = rule
        self.assumption = assumption
    }
}

/// What one target requires (whose public-domain law) and accepts (which licences).
public struct TargetPolicy: Hashable, Sendable {
    /// The target.
    public var target: ClearanceTarget
    /// Branches by source country; the first that covers the source country applies.
    public var branches: [LawBranch]
    /// Licence kinds accepted.
    public var acceptedLicences: Set<Licence.Kind>
    /// Licence kinds rejected outright (NC, ND, GFDL alone).
    public var rejectedLicences: Set<Licence.Kind>
    /// The rule on licences and its citation.
    public var licenceRule: Rule

    /// A target's policy.
    public init(
        target: ClearanceTarget, branches: [LawBranch], acceptedLicences: Set<Licence.Kind>,
        rejectedLicences: Set<Licence.Kind>, licenceRule: Rule
    ) {
        self.target = target
        self.branches = branches
        self.acceptedLicences = acceptedLicences
        self.rejectedLicences = rejectedLicences
        self.licenceRule = licenceRule
    }

    /// The branches that apply to a source country: the first covering it, or, when the country
    /// is unknown, every branch (their readings are then all considered).
    public func branches(for source: CountryCode?) -> [LawBranch] {
        guard let source else { return branches }
        if let branch = branches.first(where: { $0.sourceCountries?.contains(source) ?? true }) {
            return [branch]
        }
        return []
    }
}
