public import QuireCore

/// A versioned set of clearance rules: tables of per-country law, the US rules and what each
/// target accepts, every row with a citation. The engine interprets these tables; it holds no
/// legal numbers of its own. The source of truth is `clearance-rules.md`.
public struct RuleSet: Sendable {
    /// The version, e.g. `rules-2026.1`; bump it whenever a row changes.
    public var version: String
    /// The law of each country with a row in the table.
    public var jurisdictions: [CountryCode: Jurisdiction]
    /// The law assumed for a country without a row (life+70, flagged as an assumption).
    public var defaultJurisdiction: Jurisdiction
    /// The law of the United States.
    public var unitedStates: USRules
    /// What each target requires and accepts.
    public var targets: [ClearanceTarget: TargetPolicy]
    /// Member states of the EU/EEA, between which the rule of the shorter term does not apply
    /// (national treatment under the term directive).
    public var nationalTreatment: Set<CountryCode>
    /// The template for each accepted licence kind; `{id}` stands for the licence id.
    public var licenceTemplates: [Licence.Kind: String]
    /// The rule behind licence acceptance (evidence of permission is required).
    public var licenceEvidence: Rule

    /// A rule set from its tables.
    public init(
        version: String, jurisdictions: [CountryCode: Jurisdiction], defaultJurisdiction: Jurisdiction,
        unitedStates: USRules, targets: [ClearanceTarget: TargetPolicy], nationalTreatment: Set<CountryCode>,
        licenceTemplates: [Licence.Kind: String], licenceEvidence: Rule
    ) {
        self.version = version
        self.jurisdictions = jurisdictions
        self.defaultJurisdiction = defaultJurisdiction
        self.unitedStates = unitedStates
        self.targets = targets
        self.nationalTreatment = nationalTreatment
        self.licenceTemplates = licenceTemplates
        self.licenceEvidence = licenceEvidence
    }

    /// The rules currently in force in Quire.
    public static var current: RuleSet { .rules2026_1 }
}

/// One rule's identity and provenance: a stable id and the citation it rests on.
public struct Rule: Hashable, Sendable, CustomStringConvertible {
    /// A stable id such as `ES.life-80-pre-1987`, listed in ``TargetVerdict/ruleIDs``.
    public var id: String
    /// The legal source, e.g. `LPI disposición transitoria 4ª`; `(check)` marks an unconfirmed one.
    public var citation: String

    /// A rule with its id and citation.
    public init(_ id: String, _ citation: String) {
        self.id = id
        self.citation = citation
    }

    /// Whether the source marks the rule as unconfirmed: such rules never give `free` alone.
    public var needsCheck: Bool { citation.contains("(check)") }

    /// `id (citation)`.
    public var description: String { "\(id) (\(citation))" }
}

/// A term of years counted from an event (a death, a publication), ending on 31 December.
public struct TermRule: Hashable, Sendable {
    /// Length of the term in years.
    public var years: Int
    /// The template for works whose term has run out (`PD-old-80`), if there is one.
    public var template: String?
    /// The rule and its citation.
    public var rule: Rule

    /// A term with its template and rule.
    public init(years: Int, template: String?, rule: Rule) {
        self.years = years
        self.template = template
        self.rule = rule
    }

    /// The first year the work is free when the event happened in `eventYear`.
    public func firstFreeYear(after eventYear: Int) -> Int {
        CopyrightTerm.firstFreeYear(eventYear: eventYear, years: years)
    }
}

/// A special case for authors who died before a date (Spain's pre-1987 deaths, Mexico's
/// non-retroactive life+100, Chile's pre-1962 deaths).
public struct DeathCutoff: Hashable, Sendable {
    /// What the special case does to deaths before ``before``.
    public enum Effect: Hashable, Sendable {
        /// A different life term.
        case term(TermRule)
        /// Already in the public domain.
        case publicDomain(template: String?)
        /// In the public domain only if a fact the engine does not have holds; otherwise the
        /// general term. Gives `needs-review` while the general term runs.
        case publicDomainIf(String)
    }

    /// Deaths strictly before this day are concerned.
    public var before: CalendarDate
    /// What happens to them.
    public var effect: Effect
    /// The rule and its citation.
    public var rule: Rule

    /// A special case for deaths before `before`.
    public init(before: CalendarDate, effect: Effect, rule: Rule) {
        self.before = before
        self.effect = effect
        self.rule = rule
    }
}

/// What a country does with official works (works of the state and public bodies).
public enum OfficialRule: Hashable, Sendable {
    /// Not protected at all (ES art. 13, DE § 5, PT art. 8, SE § 9, CH art. 5, BR art. 8).
    case notProtected(template: String?, Rule)
    /// Protected for a term from publication (IT 20 years, MX 100, CO 70).
    case termFromPublication(TermRule)
    /// The sources disagree or the article is unconfirmed: a person decides unless the ordinary
    /// term has run out anyway.
    case check(Rule)
    /// No rule: ordinary terms apply.
    case none
}

/// What a country does with speeches (Berne art. 2bis).
public enum SpeechRule: Hashable, Sendable {
    /// Not protected (PT art. 7): free in that country.
    case notProtected(template: String?, Rule)
    /// A permission to report the news, the author keeping the right to collections: "free by
    /// exception", never `free`; sent to a person.
    case newsUseException(Rule)
    /// Speeches need the author's authorisation (AR art. 27): ordinary terms, not free.
    case protected(Rule)
    /// Unconfirmed: sent to a person while the ordinary term runs.
    case check(Rule)
    /// Nothing specific: ordinary terms apply.
    case none
}

/// Whether a country compares terms with the work's country of origin (rule of the shorter term).
public enum ShorterTermRule: Hashable, Sendable {
    /// Applied to foreign works.
    case applies(Rule)
    /// Applied to foreign works except those of US origin (DE, CH).
    case appliesExceptUS(Rule)
    /// Not applied (US, MX, CO).
    case notApplied(Rule)
    /// Unconfirmed: when it would change the outcome, a person decides.
    case check(Rule)
}
