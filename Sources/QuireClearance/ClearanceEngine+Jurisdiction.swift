import QuireCore

/// One country's law applied to a work: official works, speeches, the term of every
/// contributor, and the rule of the shorter term. Interprets a ``Jurisdiction`` row.
extension ClearanceEngine {
    /// The finding under `code`'s law. With `statusOnly`, it answers only whether the work is in
    /// the public domain there (for URAA restoration or another country's rule of the shorter
    /// term): no comparison of terms, and speech exceptions that do not remove protection are
    /// ignored, since "free by exception" is not the public domain.
    func jurisdiction(_ code: CountryCode, facts: ClearanceFacts, asOf: CalendarDate, statusOnly: Bool) -> Finding {
        let row = rules.jurisdictions[code] ?? rules.defaultJurisdiction
        let name = code.rawValue
        var finding = officialOrOrdinary(row, name: name, isSource: facts.sourceCountry == code, facts: facts, asOf: asOf)
        if let venue = facts.speech, finding.verdict != .free {
            finding = applySpeech(row.speech, venue: venue, name: name, statusOnly: statusOnly, to: finding)
        }
        if !statusOnly, finding.verdict != .free, let source = facts.sourceCountry, source != code {
            finding = applyShorterTerm(row.shorterTerm, local: code, source: source, facts: facts, asOf: asOf, to: finding)
        }
        if row.country == nil {
            finding = finding.assuming("\(name): no rules recorded for this country; life+\(row.life.years) assumed (default)")
        }
        return finding
    }

    private func officialOrOrdinary(
        _ row: Jurisdiction, name: String, isSource: Bool, facts: ClearanceFacts, asOf: CalendarDate
    ) -> Finding {
        switch facts.official {
        case .usFederal:
            return ordinary(row, name: name, facts: facts, asOf: asOf)
                .noting("\(name): a US federal work; 17 USC 105 does not apply here")
        case .state where !isSource:
            return ordinary(row, name: name, facts: facts, asOf: asOf)
                .noting("\(name): an official work of another country: \(name)'s official-works rule does not apply")
        case .state:
            switch row.official {
            case .notProtected(let template, let rule):
                return Finding.free("\(name): official work, not protected (\(rule.citation))", rule: rule, templates: [template])
                    .assuming("\(name): the work is taken to be an official text within \(rule.citation)")
            case .termFromPublication(let term):
                guard !facts.publication.unpublished, let published = facts.publication.date?.latestYear else {
                    return .review("\(name): an official work whose term runs from publication, with no publication date", rule: term.rule)
                }
                return Finding.term(
                    freeYear: term.firstFreeYear(after: published), asOf: asOf, rule: term.rule, template: term.template,
                    free: "\(name): official work published \(published), \(term.years) years from publication",
                    notFree: "\(name): official work published \(published), protected \(term.years) years from publication")
            case .check(let rule):
                let ordinary = ordinary(row, name: name, facts: facts, asOf: asOf)
                if ordinary.verdict == .free { return ordinary }
                return ordinary.forReview("\(name): the rule on official works is unconfirmed (\(rule.citation))", rule: rule)
            case .none:
                return ordinary(row, name: name, facts: facts, asOf: asOf)
                    .noting("\(name): no rule frees official works; ordinary terms apply")
            }
        case nil:
            return ordinary(row, name: name, facts: facts, asOf: asOf)
        }
    }

    private func applySpeech(_ rule: SpeechRule, venue: SpeechVenue, name: String, statusOnly: Bool, to finding: Finding) -> Finding {
        let what = venue == .parliament ? "a parliamentary speech" : "a public speech"
        if statusOnly {
            switch rule {
            case .notProtected: break
            case .none, .protected: return finding
            case .newsUseException, .check:
                return finding.noting("\(name): \(what) is protected there (an exception for news use is not the public domain)")
            }
        }
        switch rule {
        case .notProtected(let template, let rule):
            var free = Finding.free("\(name): \(what) is not protected (\(rule.citation))", rule: rule, templates: [template])
            free.assumptions = finding.assumptions
            return free
        case .newsUseException(let rule):
            return finding.forReview(
                "\(name): \(what) is free by exception only (news use, \(rule.citation)), not in the public domain: a person decides",
                rule: rule)
        case .protected(let rule):
            return finding.noting("\(name): \(what) needs the author's authorisation (\(rule.citation))", rule: rule)
        case .check(let rule):
            return finding.forReview("\(name): the rule on speeches is unconfirmed (\(rule.citation)): a person decides", rule: rule)
        case .none:
            return finding
        }
    }

    private func applyShorterTerm(
        _ rule: ShorterTermRule, local: CountryCode, source: CountryCode, facts: ClearanceFacts, asOf: CalendarDate,
        to finding: Finding
    ) -> Finding {
        if rules.nationalTreatment.contains(local), rules.nationalTreatment.contains(source) { return finding }
        let applied: Rule
        var unconfirmed = false
        switch rule {
        case .applies(let r): applied = r
        case .appliesExceptUS(let r):
            if source == Self.us { return finding }
            applied = r
        case .notApplied: return finding
        case .check(let r):
            applied = r
            unconfirmed = true
        }
        let home = law(.country(source), facts: facts, asOf: asOf, statusOnly: true)
        let shorter = Finding.either(finding, home)
        guard shorter.verdict != finding.verdict || shorter.freeYear != finding.freeYear else { return finding }
        let reason = "\(local.rawValue): rule of the shorter term (\(applied.citation)): the term of \(source.rawValue) applies"
        if unconfirmed {
            return finding.forReview("\(reason) if the rule holds: a person decides", rule: applied)
        }
        return shorter.noting(reason, rule: applied)
    }

    /// Every contributor's term; the latest governs. No contributor means an unknown author.
    private func ordinary(_ row: Jurisdiction, name: String, facts: ClearanceFacts, asOf: CalendarDate) -> Finding {
        guard !facts.contributors.isEmpty else {
            return .review("\(name): no contributor is known; an author not found is not anonymous", rule: Self.unknownAuthor)
        }
        return Finding.all(facts.contributors.map { contributor($0, row: row, name: name, facts: facts, asOf: asOf) })
    }

    static let unknownAuthor = Rule("general.unknown-author", "clearance-rules.md, General mechanics 3")

    private func contributor(
        _ contributor: Contributor, row: Jurisdiction, name: String, facts: ClearanceFacts, asOf: CalendarDate
    ) -> Finding {
        let role = contributor.role.rawValue
        switch contributor.identity {
        case .person(let person, _, .died(let death)):
            return lifeTerm(of: contributor, person: person, death: death, row: row, name: name, facts: facts, asOf: asOf)
        case .person(let person, _, .living):
            return .notFree(until: nil, "\(name): the \(role) \(person) is living: protected for life + \(row.life.years)", rule: row.life.rule)
        case .person(let person, _, .unknown):
            return .review("\(name): the death date of the \(role) \(person) is unknown; find it", rule: row.life.rule)
        case .anonymous:
            guard let term = row.anonymous else {
                return .review("\(name): no term for anonymous works is recorded (check)", rule: row.life.rule)
            }
            guard !facts.publication.unpublished, let published = facts.publication.date?.latestYear else {
                return .review("\(name): an anonymous work's term runs from publication, and none is known", rule: term.rule)
            }
            return Finding.term(
                freeYear: term.firstFreeYear(after: published), asOf: asOf, rule: term.rule, template: term.template,
                free: "\(name): anonymous \(role), published \(published), \(term.years) years from publication",
                notFree: "\(name): anonymous \(role), published \(published), protected \(term.years) years from publication")
        case .unknown:
            return .review("\(name): the \(role) is not identified; an author not found is not anonymous: find who it is", rule: Self.unknownAuthor)
        }
    }
}
