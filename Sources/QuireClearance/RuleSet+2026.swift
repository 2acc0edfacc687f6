import QuireCore

/// `rules-2026.1`: the US rules and the target policies, transcribed from `clearance-rules.md`
/// ("What each target accepts", "United States, as of 1 January 2026"), assembled with the
/// jurisdictions table.
extension RuleSet {
    /// The rules stated as of 1 January 2026.
    public static let rules2026_1 = RuleSet(
        version: "rules-2026.1",
        jurisdictions: Dictionary(
            jurisdictions2026.compactMap { row in row.country.map { ($0, row) } }, uniquingKeysWith: { first, _ in first }),
        defaultJurisdiction: defaultJurisdiction2026,
        unitedStates: unitedStates2026,
        targets: Dictionary(targets2026.map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first }),
        nationalTreatment: nationalTreatment2026,
        licenceTemplates: [
            .publicDomainDedication: "CC-zero", .attribution: "{id}", .attributionShareAlike: "{id}",
            .permissive: "{id}", .governmentOpen: "OGL",
        ],
        licenceEvidence: Rule(
            "licence.evidence",
            "a release needs evidence of permission: a VRTS permission ticket or a public licence statement at the source"))

    /// The US table. Terms, not year lists: "published before 1931" is the 95-year term as of 2026.
    static let unitedStates2026 = USRules(
        publishedTerm: TermRule(
            years: 95, template: "PD-US-expired",
            rule: Rule("US.published-95", "17 USC 304(b): 95 years from publication for works published before 1978")),
        formalitiesEndYear: 1978,
        automaticRenewalYear: 1964,
        noNotice: Rule("US.no-notice", "Copyright Act of 1909 § 10: US publication before 1978 without notice"),
        noNoticeTemplate: "PD-US-no-notice",
        notRenewed: Rule("US.not-renewed", "Copyright Act of 1909 § 24: renewal required for works published before 1964"),
        notRenewedTemplate: "PD-US-not-renewed",
        life: TermRule(years: 70, template: "PD-old-70", rule: Rule("US.life-70", "17 USC 302(a), 303(a)")),
        anonymousTerm: TermRule(
            years: 95, template: "PD-US-expired",
            rule: Rule("US.anonymous-95", "17 USC 302(c): 95 years from publication or 120 from creation, whichever first")),
        floor: Rule("US.unpublished-1978-2002-floor", "17 USC 303(a): created before 1978, first published 1978–2002: not before 2048"),
        floorPublishedThrough: 2002,
        floorFirstFreeYear: 2048,
        unpublishedAnonymous: TermRule(
            years: 120, template: nil,
            rule: Rule("US.unpublished-anonymous-120", "17 USC 303(a), 302(c), 302(e): unpublished, anonymous or death unknown: 120 years from creation")),
        restoration: Rule("US.uraa", "17 USC 104A: URAA restoration of foreign works"),
        restorationDate: CalendarDate(januaryFirstOf: 1996),
        restorationTemplate: "PD-1996|country={country}",
        federal: Rule("US.federal", "17 USC 105: works of the US federal government"),
        federalTemplate: "PD-USGov",
        edicts: Rule("US.edicts", "edicts of government (laws, court decisions) are not copyrighted: PD-EdictGov"))

    private static let restrictive: Set<Licence.Kind> = [.nonCommercial, .noDerivatives, .gfdlOnly]

    /// What each target accepts.
    static let targets2026: [TargetPolicy] = [
        TargetPolicy(
            target: .enWikisource,
            branches: [LawBranch(sourceCountries: nil, readings: [[.unitedStates]], rule: Rule("en.wikisource.law", "PD in the United States"))],
            acceptedLicences: [.publicDomainDedication, .attribution, .attributionShareAlike, .permissive, .governmentOpen],
            rejectedLicences: restrictive,
            licenceRule: Rule("en.wikisource.licences", "CC0, CC BY, CC BY-SA, Apache-2.0, UK OGL; not NC, ND, fair use; GFDL alone not enough")),
        TargetPolicy(
            target: .commons,
            branches: [LawBranch(
                sourceCountries: nil, readings: [[.unitedStates, .sourceCountry]],
                rule: Rule("commons.law", "PD in the US and in the source country"))],
            acceptedLicences: [.publicDomainDedication, .attribution, .attributionShareAlike],
            rejectedLicences: restrictive,
            licenceRule: Rule("commons.licences", "CC0, CC BY, CC BY-SA; not NC/ND")),
        TargetPolicy(
            target: .esWikisource,
            branches: [
                LawBranch(
                    sourceCountries: spanishSpeaking2026, readings: [[.sourceCountry], [.sourceCountry, .unitedStates]],
                    rule: Rule("es.wikisource.law", "first published in a Spanish-speaking country: that country's law; US PD also needed (check)")),
                LawBranch(sourceCountries: nil, readings: [[.unitedStates]], rule: Rule("es.wikisource.law-other", "otherwise: US law")),
            ],
            acceptedLicences: [.attributionShareAlike],
            rejectedLicences: restrictive,
            licenceRule: Rule("es.wikisource.licences", "PD, CC BY-SA")),
        TargetPolicy(
            target: .frWikisource,
            branches: [
                LawBranch(sourceCountries: [code("FR")], readings: [[.country(code("FR"))]], rule: Rule("fr.wikisource.law", "French law")),
                LawBranch(
                    sourceCountries: nil, readings: [[.sourceCountry]],
                    rule: Rule("fr.wikisource.law-origin", "French-language authors from elsewhere: their country of origin"),
                    assumption: "fr.wikisource: the country of first publication is taken as the author's country of origin"),
            ],
            acceptedLicences: [.attributionShareAlike],
            rejectedLicences: restrictive,
            licenceRule: Rule("fr.wikisource.licences", "PD, CC BY-SA; never NC or fair use")),
        TargetPolicy(
            target: .deWikisource,
            branches: [LawBranch(sourceCountries: nil, readings: [[.country(code("DE"))]], rule: Rule("de.wikisource.law", "German law: § 64 UrhG"))],
            acceptedLicences: [.publicDomainDedication, .attribution, .attributionShareAlike, .permissive, .governmentOpen],
            rejectedLicences: restrictive,
            licenceRule: Rule("de.wikisource.licences", "PD, free licences")),
        TargetPolicy(
            target: .itWikisource,
            branches: [LawBranch(
                sourceCountries: nil, readings: [[.unitedStates, .country(code("IT"))], [.country(code("IT"))]],
                rule: Rule("it.wikisource.law", "most likely both US and Italian law (check)"))],
            acceptedLicences: [.attributionShareAlike],
            rejectedLicences: restrictive,
            licenceRule: Rule("it.wikisource.licences", "PD, CC BY-SA")),
        // An e-book the institution publishes goes to readers everywhere, as Wikisource and
        // Commons do: PD in the US (where Wikimedia's copies are served) and at home. Home is
        // taken as the country of first publication, the case of an institution publishing its
        // own country's works; the verdict records that assumption.
        TargetPolicy(
            target: .ebook,
            branches: [LawBranch(
                sourceCountries: nil, readings: [[.unitedStates, .sourceCountry]],
                rule: Rule("ebook.law", "an e-book the institution publishes: PD in the US and in the institution's country, as Wikisource and Commons require"),
                assumption: "ebook: the institution is taken to publish in the country of first publication")],
            acceptedLicences: [.publicDomainDedication, .attribution, .attributionShareAlike],
            rejectedLicences: restrictive,
            licenceRule: Rule("ebook.licences", "CC0, CC BY, CC BY-SA, which let anyone copy the e-book; not NC/ND")),
    ]
}
