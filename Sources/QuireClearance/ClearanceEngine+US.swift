import Foundation
import QuireCore

/// The law of the United States applied to a work: federal works, the 95-year term of works
/// published before 1978, notice and renewal, URAA restoration of foreign works, life + 70
/// for later and unpublished works. Interprets ``USRules``.
extension ClearanceEngine {
    func unitedStates(_ facts: ClearanceFacts, asOf: CalendarDate) -> Finding {
        let us = rules.unitedStates
        if facts.official == .usFederal {
            return .free("US: a work of the federal government (\(us.federal.citation))", rule: us.federal, templates: [us.federalTemplate])
        }
        let finding = usOrdinary(facts, asOf: asOf)
        if facts.official == .state, finding.verdict != .free {
            return finding.forReview("US: an official work may be an edict of government (\(us.edicts.citation)): a person decides", rule: us.edicts)
        }
        return finding
    }

    private func usOrdinary(_ facts: ClearanceFacts, asOf: CalendarDate) -> Finding {
        let us = rules.unitedStates
        if facts.publication.unpublished {
            return usContributors(facts, published: nil, created: facts.publication.created, asOf: asOf)
        }
        guard let published = facts.publication.date?.latestYear else {
            return .review("US: the publication date is unknown, and the US term depends on it", rule: us.publishedTerm.rule)
        }
        guard published < us.formalitiesEndYear else {
            return usModern(facts, published: published, asOf: asOf)
        }
        let expiry = us.publishedTerm.firstFreeYear(after: published)
        if expiry <= asOf.year {
            return .free(
                "US: published \(published); the \(us.publishedTerm.years)-year term ran out (\(us.publishedTerm.rule.citation))",
                rule: us.publishedTerm.rule, templates: [us.publishedTerm.template])
        }
        guard let country = facts.sourceCountry else {
            return .review(
                "US: published \(published) in an unknown country: US formalities or URAA restoration cannot be told apart",
                rule: us.restoration, freeYear: expiry)
        }
        if country == Self.us { return usFormalities(facts, published: published, expiry: expiry) }
        return usRestoration(facts, country: country, published: published, expiry: expiry)
    }

    /// A US publication before 1978: notice, then renewal before 1964.
    private func usFormalities(_ facts: ClearanceFacts, published: Int, expiry: Int) -> Finding {
        let us = rules.unitedStates
        let protected = "US: published \(published) with notice and renewed: protected \(us.publishedTerm.years) years (\(us.publishedTerm.rule.citation)): free on \(CalendarDate(januaryFirstOf: expiry))"
        switch facts.usNotice {
        case false?:
            return .free("US: published \(published) in the US without a copyright notice (\(us.noNotice.citation))", rule: us.noNotice, templates: [us.noNoticeTemplate])
        case nil:
            return .review("US: published \(published) in the US; whether it carried a copyright notice is unknown: check the edition", rule: us.noNotice, freeYear: expiry)
        case true?:
            guard published < us.automaticRenewalYear else {
                return .notFree(until: expiry, "US: published \(published) with notice; renewal was automatic: protected \(us.publishedTerm.years) years (\(us.publishedTerm.rule.citation)): free on \(CalendarDate(januaryFirstOf: expiry))", rule: us.publishedTerm.rule)
            }
            switch facts.usRenewed {
            case false?:
                return .free("US: published \(published) with notice and not renewed (\(us.notRenewed.citation))", rule: us.notRenewed, templates: [us.notRenewedTemplate])
            case nil:
                return .review("US: published \(published) with notice; whether it was renewed is unknown: search the renewal records (\(us.notRenewed.citation))", rule: us.notRenewed, freeYear: expiry)
            case true?:
                return .notFree(until: expiry, protected, rule: us.publishedTerm.rule)
            }
        }
    }

    /// A foreign publication before 1978: restored unless public domain at home on 1996-01-01.
    private func usRestoration(_ facts: ClearanceFacts, country: CountryCode, published: Int, expiry: Int) -> Finding {
        let us = rules.unitedStates
        let freeOn = CalendarDate(januaryFirstOf: expiry)
        if facts.usNotice == true, published >= us.automaticRenewalYear || facts.usRenewed == true {
            return .notFree(until: expiry, "US: published abroad \(published) with a US notice (and renewal): protected \(us.publishedTerm.years) years: free on \(freeOn)", rule: us.publishedTerm.rule)
        }
        let day = us.restorationDate
        let home = law(.country(country), facts: facts, asOf: day, statusOnly: true)
        let atHome = home.reasons.map { "(as of \(day)) \($0)" }
        switch home.verdict {
        case .free:
            if facts.usNotice == true, facts.usRenewed == nil {
                return .review("US: published abroad \(published) with a US notice; whether it was renewed is unknown (\(us.notRenewed.citation))", rule: us.notRenewed, freeYear: expiry)
            }
            var finding = Finding.free(
                "US: published in \(country) in \(published) and in the public domain there on \(day): not restored (\(us.restoration.citation))",
                rule: us.restoration, templates: [us.restorationTemplate.replacingOccurrences(of: "{country}", with: country.rawValue)])
            finding.reasons += atHome
            finding.assumptions = home.assumptions
            return finding.assuming(facts.usNotice == nil ? "US: the edition is taken not to have complied with US formalities (notice, renewal)" : nil)
        case .notFree:
            var finding = Finding.notFree(
                until: expiry,
                "US: published in \(country) in \(published) and still protected there on \(day): restored (\(us.restoration.citation)) for \(us.publishedTerm.years) years from publication: free on \(freeOn)",
                rule: us.restoration)
            finding.reasons += atHome
            finding.assumptions = home.assumptions
            return finding
        case .needsReview:
            var finding = Finding.review(
                "US: published in \(country) in \(published); its status there on \(day) is uncertain, so URAA restoration is (\(us.restoration.citation))",
                rule: us.restoration, freeYear: expiry)
            finding.reasons += atHome
            finding.assumptions = home.assumptions
            return finding
        }
    }

    /// Published 1978 or later: each contributor's term, and the 2048 floor for works first
    /// published 1978–2002.
    private func usModern(_ facts: ClearanceFacts, published: Int, asOf: CalendarDate) -> Finding {
        let us = rules.unitedStates
        let finding = usContributors(facts, published: published, created: nil, asOf: asOf)
        guard published <= us.floorPublishedThrough,
              finding.verdict == .free || (finding.freeYear.map { $0 < us.floorFirstFreeYear } ?? false) else { return finding }
        let floor = Finding.term(
            freeYear: us.floorFirstFreeYear, asOf: asOf, rule: us.floor, template: nil,
            free: "US: first published \(published)", notFree: "US: first published \(published), created before 1978")
        return Finding.all([finding, floor])
    }

    private func usContributors(_ facts: ClearanceFacts, published: Int?, created: HistoricalDate?, asOf: CalendarDate) -> Finding {
        guard !facts.contributors.isEmpty else {
            return .review("US: no contributor is known; an author not found is not anonymous", rule: Self.unknownAuthor)
        }
        return Finding.all(facts.contributors.map { usContributor($0, published: published, created: created, asOf: asOf) })
    }

    /// An unpublished work whose author is anonymous or whose death is unknown: 120 years from
    /// creation, counted from the latest possible year of the creation date.
    private func usFromCreation(_ who: String, created: HistoricalDate?, asOf: CalendarDate) -> Finding {
        let term = rules.unitedStates.unpublishedAnonymous
        guard let created else {
            return .review(
                "US: unpublished, \(who): free only \(term.years) years after creation, and the creation date is not known (\(term.rule.citation))",
                rule: term.rule)
        }
        let year = created.latestYear
        return Finding.term(
            freeYear: term.firstFreeYear(after: year), asOf: asOf, rule: term.rule, template: term.template,
            free: "US: unpublished, \(who), created \(created), \(term.years) years from creation",
            notFree: "US: unpublished, \(who), created \(created), protected \(term.years) years from creation")
            .assuming(created.precision == .decade || created.precision == .century
                ? "US: created in the \(created): the latest possible year, \(year), is taken" : nil)
    }

    private func usContributor(_ contributor: Contributor, published: Int?, created: HistoricalDate?, asOf: CalendarDate) -> Finding {
        let us = rules.unitedStates
        let role = contributor.role.rawValue
        let state = published.map { "published \($0)" } ?? "unpublished"
        switch contributor.identity {
        case .person(let person, _, .died(let death)):
            let who = "the \(role) \(person)"
            let year = death.latestYear
            return Finding.term(
                freeYear: us.life.firstFreeYear(after: year), asOf: asOf, rule: us.life.rule, template: us.life.template,
                free: "US: \(state); \(who) died \(year), life+\(us.life.years)",
                notFree: "US: \(state); \(who) died \(year), life+\(us.life.years)")
                .assuming(Self.precisionAssumption(who, death))
        case .person(let person, _, .living):
            return .notFree(until: nil, "US: the \(role) \(person) is living: protected for life + \(us.life.years)", rule: us.life.rule)
        case .person(let person, _, .unknown):
            if published == nil, created != nil { return usFromCreation("the death date of the \(role) \(person) unknown", created: created, asOf: asOf) }
            return .review("US: \(state); the death date of the \(role) \(person) is unknown; find it", rule: us.life.rule)
        case .anonymous, .unknown:
            guard let published else {
                return usFromCreation("the \(role) \(contributor.identity == .anonymous ? "anonymous" : "not identified")", created: created, asOf: asOf)
            }
            if contributor.identity == .unknown {
                return .review("US: the \(role) is not identified; an author not found is not anonymous: find who it is", rule: Self.unknownAuthor)
            }
            return Finding.term(
                freeYear: us.anonymousTerm.firstFreeYear(after: published), asOf: asOf, rule: us.anonymousTerm.rule,
                template: us.anonymousTerm.template,
                free: "US: anonymous \(role), published \(published)", notFree: "US: anonymous \(role), published \(published)")
        }
    }
}
