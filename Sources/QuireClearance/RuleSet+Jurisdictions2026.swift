import QuireCore

/// The jurisdictions table of `rules-2026.1`, transcribed from `clearance-rules.md`
/// ("Jurisdictions", "General mechanics"). Citations marked `(check)` there keep the mark here:
/// the engine never lets such a rule alone make a work free.
extension RuleSet {
    /// A country code from a table literal (our own constant, never user input).
    static func code(_ text: String) -> CountryCode {
        guard let code = CountryCode(text) else { preconditionFailure("bad country code in a rule table: \(text)") }
        return code
    }

    private static func life(_ country: String, _ years: Int, _ citation: String) -> TermRule {
        TermRule(years: years, template: "PD-old-\(years)", rule: Rule("\(country).life-\(years)", citation))
    }

    private static func anonymous(_ country: String, _ years: Int, _ template: String, _ citation: String) -> TermRule {
        TermRule(years: years, template: template, rule: Rule("\(country).anonymous-\(years)", citation))
    }

    private static func posthumous(_ country: String, _ citation: String) -> TermRule {
        TermRule(years: 25, template: nil, rule: Rule("\(country).posthumous-edition-25", citation))
    }

    private static let shorterTermMechanics = "clearance-rules.md, General mechanics 4"
    private static let euDirective = "Directive 2006/116/EC art. 4"

    /// The rows of the jurisdictions table, by country.
    static let jurisdictions2026: [Jurisdiction] = [
        Jurisdiction(
            country: code("ES"), life: life("ES", 70, "LPI art. 26"),
            deathCutoffs: [
                DeathCutoff(
                    before: CalendarDate(year: 1987, month: 12, day: 7) ?? CalendarDate(januaryFirstOf: 1987),
                    effect: .term(TermRule(years: 80, template: "PD-old-80", rule: Rule("ES.life-80-pre-1987", "LPI disposición transitoria 4ª"))),
                    rule: Rule("ES.life-80-pre-1987", "LPI disposición transitoria 4ª")),
            ],
            anonymous: anonymous("ES", 70, "PD-anon-70", "LPI art. 27.1: 70 years from disclosure"),
            posthumousEdition: posthumous("ES", "LPI art. 129.1; \(euDirective)"),
            official: .notProtected(template: "PD-SpanishGov", Rule("ES.official", "LPI art. 13")),
            speech: .newsUseException(Rule("ES.speech-news-use", "LPI art. 33.2")),
            shorterTerm: .applies(Rule("ES.shorter-term", shorterTermMechanics))),
        Jurisdiction(
            country: code("FR"), life: life("FR", 70, "CPI L123-1"),
            anonymous: anonymous("FR", 70, "PD-anon-70", "CPI L123-3"),
            posthumousEdition: posthumous("FR", "CPI L123-4; \(euDirective)"),
            official: .check(Rule("FR.official", "official texts (check)")),
            speech: .newsUseException(Rule("FR.speech-news-use", "CPI L122-5 3° c")),
            shorterTerm: .applies(Rule("FR.shorter-term", "CPI L123-12; \(shorterTermMechanics)")),
            lifeAssumptions: [
                "FR: the author is taken not to be 'mort pour la France' (CPI L123-10 adds 30 years); wartime extensions taken as absorbed",
            ]),
        Jurisdiction(
            country: code("DE"), life: life("DE", 70, "§ 64 UrhG"),
            anonymous: anonymous("DE", 70, "PD-anon-70", "§ 66 UrhG"),
            posthumousEdition: posthumous("DE", "§ 71 UrhG"),
            official: .notProtected(template: "PD-GermanGov", Rule("DE.official", "§ 5 UrhG")),
            speech: .newsUseException(Rule("DE.speech-news-use", "§ 48 UrhG")),
            shorterTerm: .appliesExceptUS(Rule("DE.shorter-term", "\(shorterTermMechanics); not for US works: German–US agreement of 1892"))),
        Jurisdiction(
            country: code("IT"), life: life("IT", 70, "LDA art. 25"),
            anonymous: anonymous("IT", 70, "PD-anon-70", "LDA art. 27"),
            posthumousEdition: posthumous("IT", "LDA art. 85-ter; \(euDirective)"),
            official: .termFromPublication(TermRule(
                years: 20, template: "PD-ItalyGov",
                rule: Rule("IT.state-works-20", "LDA art. 11: works of the State and public bodies; official acts: art. 5"))),
            speech: .newsUseException(Rule("IT.speech-news-use", "LDA art. 66")),
            shorterTerm: .applies(Rule("IT.shorter-term", shorterTermMechanics))),
        Jurisdiction(
            country: code("PT"), life: life("PT", 70, "CDADC art. 31"),
            anonymous: anonymous("PT", 70, "PD-anon-70", "CDADC art. 33"),
            posthumousEdition: posthumous("PT", euDirective),
            official: .notProtected(template: "PD-PTGov", Rule("PT.official", "CDADC art. 8")),
            speech: .notProtected(template: nil, Rule("PT.speech-not-protected", "CDADC art. 7: collections need consent")),
            shorterTerm: .applies(Rule("PT.shorter-term", shorterTermMechanics))),
        Jurisdiction(
            country: code("SE"), life: life("SE", 70, "URL § 43"),
            anonymous: anonymous("SE", 70, "PD-anon-70", "URL § 44"),
            posthumousEdition: posthumous("SE", euDirective),
            official: .notProtected(template: "PD-SwedGov", Rule("SE.official", "URL § 9")),
            speech: .newsUseException(Rule("SE.speech-news-use", "URL § 26: the author keeps collections")),
            shorterTerm: .applies(Rule("SE.shorter-term", shorterTermMechanics))),
        Jurisdiction(
            country: code("CH"), life: life("CH", 70, "URG art. 29"),
            anonymous: nil,
            official: .notProtected(template: "PD-CH-exempt", Rule("CH.official", "URG art. 5")),
            speech: .none,
            shorterTerm: .appliesExceptUS(Rule("CH.shorter-term", "\(shorterTermMechanics); not for US works"))),
        Jurisdiction(
            country: code("MX"), life: life("MX", 100, "LFDA art. 29"),
            deathCutoffs: [
                DeathCutoff(
                    before: CalendarDate(januaryFirstOf: 1951), effect: .publicDomain(template: "PD-Mexico"),
                    rule: Rule("MX.not-retroactive", "LFDA 2003 reform, not retroactive")),
                DeathCutoff(
                    before: CalendarDate(januaryFirstOf: 1952),
                    effect: .publicDomainIf("the non-retroactivity cut-off is 1951 or 1952 (check)"),
                    rule: Rule("MX.not-retroactive-1951", "LFDA 2003 reform, cut-off year (check)")),
            ],
            anonymous: nil,
            official: .termFromPublication(TermRule(
                years: 100, template: nil,
                rule: Rule("MX.government-works-100", "LFDA art. 29: government works; official texts: art. 14 VIII"))),
            speech: .check(Rule("MX.speech", "none found (check)")),
            shorterTerm: .notApplied(Rule("MX.shorter-term", shorterTermMechanics))),
        Jurisdiction(
            country: code("CO"), life: life("CO", 80, "Ley 23 de 1982 art. 11"),
            anonymous: nil,
            official: .termFromPublication(TermRule(
                years: 70, template: nil,
                rule: Rule("CO.official-bodies-70", "Ley 23 de 1982 art. 27: legal entities and official bodies"))),
            speech: .check(Rule("CO.speech", "speeches (check)")),
            shorterTerm: .notApplied(Rule("CO.shorter-term", shorterTermMechanics))),
        Jurisdiction(
            country: code("CL"), life: life("CL", 70, "Ley 17.336 art. 10"),
            deathCutoffs: [
                DeathCutoff(
                    before: CalendarDate(year: 1962, month: 9, day: 16) ?? CalendarDate(januaryFirstOf: 1962),
                    effect: .publicDomainIf("public domain only if the author left no surviving spouse, a fact not given"),
                    rule: Rule("CL.pre-1962-no-spouse", "Ley 17.336, transitional rule for deaths before 16 Sep 1962")),
            ],
            anonymous: anonymous("CL", 70, "PD-anon-70", "Ley 17.336"),
            official: .check(Rule("CL.official", "official texts (check)")),
            speech: .newsUseException(Rule("CL.speech-news-use", "political speeches free for information; author keeps collections: check article")),
            shorterTerm: .check(Rule("CL.shorter-term", "\(shorterTermMechanics) (check)"))),
        Jurisdiction(
            country: code("AR"), life: life("AR", 70, "Ley 11.723 art. 5"),
            anonymous: anonymous("AR", 50, "PD-AR-Anonymous", "Ley 11.723: anonymous: 50 years from publication"),
            official: .check(Rule("AR.official", "none explicit (check)")),
            speech: .protected(Rule("AR.speech-protected", "Ley 11.723 art. 27")),
            shorterTerm: .check(Rule("AR.shorter-term", "\(shorterTermMechanics) (check)"))),
        Jurisdiction(
            country: code("BR"), life: life("BR", 70, "Lei 9.610 art. 41"),
            anonymous: anonymous("BR", 70, "PD-anon-70", "Lei 9.610 art. 43"),
            official: .notProtected(template: "PD-BrazilGov", Rule("BR.official", "Lei 9.610 art. 8 IV")),
            speech: .newsUseException(Rule("BR.speech-news-use", "Lei 9.610 art. 46 I b")),
            shorterTerm: .check(Rule("BR.shorter-term", "\(shorterTermMechanics) (check)"))),
    ]

    /// The row for countries without one: life+70, flagged as an assumption.
    static let defaultJurisdiction2026 = Jurisdiction(
        country: nil,
        life: TermRule(years: 70, template: "PD-old-70", rule: Rule("default.life-70", "clearance-rules.md: other → life+70 by default: assumption")),
        anonymous: nil, official: .none, speech: .none,
        shorterTerm: .check(Rule("default.shorter-term", "\(shorterTermMechanics) (check)")))

    /// EU and EEA members: national treatment, no comparison of terms between them.
    static let nationalTreatment2026: Set<CountryCode> = Set([
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ].map(code))

    /// Countries whose first publications es.wikisource judges by their own law.
    static let spanishSpeaking2026: Set<CountryCode> = Set([
        "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI",
        "CR", "PA", "UY", "GQ",
    ].map(code))
}
