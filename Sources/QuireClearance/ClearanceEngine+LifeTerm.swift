import QuireCore

/// A life term under one country's law: the death date as a range of days (its precision), the
/// special cases for deaths before given dates, and the right of a posthumous first edition.
extension ClearanceEngine {
    /// The first and last day a death date can denote: a day, a year, a decade or a century.
    static func range(of date: HistoricalDate) -> (earliest: CalendarDate, latest: CalendarDate) {
        if date.precision == .day, let month = date.month, let day = date.day,
           let exact = CalendarDate(year: date.year, month: month, day: day) {
            return (exact, exact)
        }
        return (CalendarDate(januaryFirstOf: date.earliestYear), CalendarDate(decemberThirtyFirstOf: date.latestYear))
    }

    /// The assumption recorded for an imprecise death date, if any.
    static func precisionAssumption(_ who: String, _ death: HistoricalDate) -> String? {
        switch death.precision {
        case .day, .year: nil
        case .decade, .century: "\(who) died in the \(death): the latest possible year, \(death.latestYear), is taken"
        }
    }

    func lifeTerm(
        of contributor: Contributor, person: String, death: HistoricalDate, row: Jurisdiction, name: String,
        facts: ClearanceFacts, asOf: CalendarDate
    ) -> Finding {
        let who = "the \(contributor.role.rawValue) \(person)"
        let (earliest, latest) = Self.range(of: death)
        var segments: [Finding] = []
        var segmentStart: CalendarDate?
        for cutoff in row.deathCutoffs {
            let reaches = segmentStart.map { latest >= $0 } ?? true
            if earliest < cutoff.before, reaches {
                let lastDay = min(latest, cutoff.before.dayBefore)
                segments.append(special(cutoff, who: who, deathYear: lastDay.year, row: row, name: name, contributor: contributor, facts: facts, asOf: asOf))
            }
            segmentStart = cutoff.before
        }
        if segmentStart.map({ latest >= $0 }) ?? true {
            segments.append(general(row.life, who: who, deathYear: latest.year, row: row, name: name, contributor: contributor, facts: facts, asOf: asOf))
        }
        var finding = Finding.all(segments)
        if segments.count > 1 {
            finding = finding.assuming("\(who) died \(death): the date may fall on either side of a special case; the longest term is taken")
        }
        finding = finding.assuming(Self.precisionAssumption(who, death))
        for assumption in row.lifeAssumptions { finding = finding.assuming(assumption) }
        return finding
    }

    private func special(
        _ cutoff: DeathCutoff, who: String, deathYear: Int, row: Jurisdiction, name: String, contributor: Contributor,
        facts: ClearanceFacts, asOf: CalendarDate
    ) -> Finding {
        switch cutoff.effect {
        case .term(let term):
            return general(term, who: who, deathYear: deathYear, row: row, name: name, contributor: contributor, facts: facts, asOf: asOf, before: cutoff.before)
        case .publicDomain(let template):
            return .free("\(name): \(who) died before \(cutoff.before): public domain (\(cutoff.rule.citation))", rule: cutoff.rule, templates: [template])
        case .publicDomainIf(let condition):
            let ordinary = general(row.life, who: who, deathYear: deathYear, row: row, name: name, contributor: contributor, facts: facts, asOf: asOf)
            if ordinary.verdict == .free { return ordinary }
            return ordinary.forReview(
                "\(name): \(who) died before \(cutoff.before): \(condition) (\(cutoff.rule.citation)): a person decides", rule: cutoff.rule)
        }
    }

    /// A life term ending in `deathYear + years`, extended by a posthumous first edition's right
    /// when the work was first published after the term ran out.
    private func general(
        _ term: TermRule, who: String, deathYear: Int, row: Jurisdiction, name: String, contributor: Contributor,
        facts: ClearanceFacts, asOf: CalendarDate, before: CalendarDate? = nil
    ) -> Finding {
        let freeYear = term.firstFreeYear(after: deathYear)
        let clause = before.map { ", life+\(term.years) for deaths before \($0)" } ?? ", life+\(term.years)"
        let life = Finding.term(
            freeYear: freeYear, asOf: asOf, rule: term.rule, template: term.template,
            free: "\(name): \(who) died \(deathYear)\(clause)", notFree: "\(name): \(who) died \(deathYear)\(clause)")
        guard contributor.role == .author, let edition = row.posthumousEdition, !facts.publication.unpublished else { return life }
        guard let published = facts.publication.date?.latestYear else {
            guard life.verdict == .free else { return life }
            return life.forReview(
                "\(name): the first publication date is unknown; a first edition after the term ran out is protected \(edition.years) years (\(edition.rule.citation))",
                rule: edition.rule)
        }
        guard published >= freeYear else { return life }
        let editionFreeYear = edition.firstFreeYear(after: published)
        var finding = Finding.term(
            freeYear: editionFreeYear, asOf: asOf, rule: edition.rule, template: term.template,
            free: "\(name): first published \(published), after the author's term ran out: \(edition.years) years for the first edition",
            notFree: "\(name): first published \(published), after the author's term ran out: protected \(edition.years) years for the first edition")
        finding.reasons.insert(contentsOf: life.reasons, at: 0)
        finding.ruleIDs.insert(contentsOf: life.ruleIDs, at: 0)
        return finding
    }
}
