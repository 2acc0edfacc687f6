public import QuireCore

/// One country's copyright law as a table row: terms, special cases, official works, speeches,
/// rule of the shorter term. See `clearance-rules.md`, "Jurisdictions".
public struct Jurisdiction: Hashable, Sendable {
    /// The country; nil for the default row used for countries without one.
    public var country: CountryCode?
    /// The general term after the death of the last surviving author.
    public var life: TermRule
    /// Special cases for deaths before given dates, in ascending order of date.
    public var deathCutoffs: [DeathCutoff]
    /// The term of anonymous and pseudonymous works, from publication; nil when not recorded
    /// (such works then go to review).
    public var anonymous: TermRule?
    /// The right of whoever first publishes a work after its term ran out (EU: 25 years).
    public var posthumousEdition: TermRule?
    /// Official works of this country.
    public var official: OfficialRule
    /// Speeches.
    public var speech: SpeechRule
    /// Rule of the shorter term.
    public var shorterTerm: ShorterTermRule
    /// Assumptions recorded whenever a life term of this country is applied (e.g. France's
    /// extension for authors "morts pour la France", a fact the engine does not have).
    public var lifeAssumptions: [String]

    /// A row of the jurisdictions table.
    public init(
        country: CountryCode?, life: TermRule, deathCutoffs: [DeathCutoff] = [], anonymous: TermRule?,
        posthumousEdition: TermRule? = nil, official: OfficialRule, speech: SpeechRule,
        shorterTerm: ShorterTermRule, lifeAssumptions: [String] = []
    ) {
        self.country = country
        self.life = life
        self.deathCutoffs = deathCutoffs.sorted { $0.before < $1.before }
        self.anonymous = anonymous
        self.posthumousEdition = posthumousEdition
        self.official = official
        self.speech = speech
        self.shorterTerm = shorterTerm
        self.lifeAssumptions = lifeAssumptions
    }

    /// The country code as text, or `default` for the default row.
    public var name: String { country?.rawValue ?? "default" }
}

/// The law of the United States as terms and cut-off years; see `clearance-rules.md`,
/// "United States". Terms are data, so moving the evaluation date moves the verdicts.
public struct USRules: Hashable, Sendable {
    /// Works published before ``formalitiesEndYear``: 95 years from publication (`PD-US-expired`).
    public var publishedTerm: TermRule
    /// The first publication year no longer subject to notice and renewal (1978).
    public var formalitiesEndYear: Int
    /// The first publication year whose renewal was automatic (1964).
    public var automaticRenewalYear: Int
    /// US publication before ``formalitiesEndYear`` without a notice (`PD-US-no-notice`).
    public var noNotice: Rule
    /// Its template.
    public var noNoticeTemplate: String
    /// US publication before ``automaticRenewalYear`` with notice, not renewed (`PD-US-not-renewed`).
    public var notRenewed: Rule
    /// Its template.
    public var notRenewedTemplate: String
    /// Works created 1978 or later, and unpublished works of known authors: life + 70.
    public var life: TermRule
    /// Anonymous works and works for hire published 1978 or later: 95 years from publication
    /// (or 120 from creation, whichever first; creation dates are not known to the engine).
    public var anonymousTerm: TermRule
    /// Works created before 1978 and first published up to ``floorPublishedThrough``: not free
    /// before ``floorFirstFreeYear`` (17 USC 303(a)).
    public var floor: Rule
    /// The last publication year the floor covers (2002).
    public var floorPublishedThrough: Int
    /// The first year such works can be free (2048).
    public var floorFirstFreeYear: Int
    /// Unpublished anonymous works, or of unknown death: 120 years from creation (the latest
    /// possible year of a creation date); without a creation date they go to review.
    public var unpublishedAnonymous: TermRule
    /// URAA restoration of foreign works (17 USC 104A).
    public var restoration: Rule
    /// The day the source country's status is taken for restoration (1996-01-01).
    public var restorationDate: CalendarDate
    /// The template for foreign works not restored; `{country}` stands for the source country.
    public var restorationTemplate: String
    /// Works of the federal government (17 USC 105), with its template.
    public var federal: Rule
    /// Its template (`PD-USGov`).
    public var federalTemplate: String
    /// Edicts of government (laws, court decisions); whether a state work is one needs a person.
    public var edicts: Rule

    /// The US rules from their parts.
    public init(
        publishedTerm: TermRule, formalitiesEndYear: Int, automaticRenewalYear: Int, noNotice: Rule,
        noNoticeTemplate: String, notRenewed: Rule, notRenewedTemplate: String, life: TermRule,
        anonymousTerm: TermRule, floor: Rule, floorPublishedThrough: Int, floorFirstFreeYear: Int,
        unpublishedAnonymous: TermRule, restoration: Rule, restorationDate: CalendarDate, restorationTemplate: String,
        federal: Rule, federalTemplate: String, edicts: Rule
    ) {
        self.publishedTerm = publishedTerm
        self.formalitiesEndYear = formalitiesEndYear
        self.automaticRenewalYear = automaticRenewalYear
        self.noNotice = noNotice
        self.noNoticeTemplate = noNoticeTemplate
        self.notRenewed = notRenewed
        self.notRenewedTemplate = notRenewedTemplate
        self.life = life
        self.anonymousTerm = anonymousTerm
        self.floor = floor
        self.floorPublishedThrough = floorPublishedThrough
        self.floorFirstFreeYear = floorFirstFreeYear
        self.unpublishedAnonymous = unpublishedAnonymous
        self.restoration = restoration
        self.restorationDate = restorationDate
        self.restorationTemplate = restorationTemplate
        self.federal = federal
        self.federalTemplate = federalTemplate
        self.edicts = edicts
    }
}
