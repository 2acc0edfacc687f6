import Foundation
public import QuireCore

/// The pure licence-clearance rules engine: facts and an evaluation date in, a verdict per
/// target out. It interprets a ``RuleSet``; it never reads the clock, the network or a file, so
/// the same facts and date always give the same evaluation.
public struct ClearanceEngine: Sendable {
    /// The rules interpreted.
    public let rules: RuleSet

    /// An engine for a rule set (by default the current one).
    public init(rules: RuleSet = .current) {
        self.rules = rules
    }

    /// The verdict for every target in ``ClearanceTarget/allCases`` as of `asOf`.
    public func evaluate(_ facts: ClearanceFacts, asOf: CalendarDate) -> ClearanceEvaluation {
        var targets: [ClearanceTarget: TargetVerdict] = [:]
        for target in ClearanceTarget.allCases {
            targets[target] = evaluate(facts, for: target, asOf: asOf)
        }
        return ClearanceEvaluation(rulesVersion: rules.version, asOf: asOf, targets: targets)
    }

    /// The verdict for one target as of `asOf`.
    public func evaluate(_ facts: ClearanceFacts, for target: ClearanceTarget, asOf: CalendarDate) -> TargetVerdict {
        guard let policy = rules.targets[target] else {
            return TargetVerdict(verdict: .needsReview, reasons: ["\(target.rawValue): no policy in rules \(rules.version)"])
        }
        return withPublicationPrecision(facts, policy: policy, asOf: asOf).verdict(asOf: asOf)
    }

    /// A publication date known only to the decade or century is evaluated for every possible
    /// year: the verdict stands only if they all agree; otherwise a person decides.
    private func withPublicationPrecision(_ facts: ClearanceFacts, policy: TargetPolicy, asOf: CalendarDate) -> Finding {
        guard let date = facts.publication.date, date.earliestYear < date.latestYear else {
            return targetFinding(facts, policy: policy, asOf: asOf)
        }
        let variants = (date.earliestYear...date.latestYear).map { year in
            var exact = facts
            exact.publication.date = HistoricalDate(year: year)
            return targetFinding(exact, policy: policy, asOf: asOf)
        }
        guard let latest = variants.last else { return targetFinding(facts, policy: policy, asOf: asOf) }
        let unfree = variants.filter { $0.verdict != .free }
        let certain: Int? = unfree.contains { $0.freeYear == nil } ? nil : unfree.compactMap(\.freeYear).max()
        let rule = Rule("general.date-precision", "clearance-rules.md, General mechanics 6")
        if variants.allSatisfy({ $0.verdict == latest.verdict }) {
            var finding = latest.assuming(
                "published in the \(date): every year from \(date.earliestYear) to \(date.latestYear) gives the same verdict")
            if finding.verdict != .free { finding.freeYear = certain }
            return finding
        }
        var finding = latest.forReview(
            "published in the \(date): the verdict depends on the exact year (\(date.earliestYear)–\(date.latestYear)); find the year",
            rule: rule)
        finding.freeYear = certain
        return finding
    }

    /// Licence first, then the public-domain test of the target's policy.
    private func targetFinding(_ facts: ClearanceFacts, policy: TargetPolicy, asOf: CalendarDate) -> Finding {
        let name = policy.target.rawValue
        let publicDomain = publicDomainFinding(facts, policy: policy, asOf: asOf)
        guard let licence = facts.licence else { return publicDomain }
        let rule = policy.licenceRule
        if policy.acceptedLicences.contains(licence.kind) {
            if publicDomain.verdict == .free { return publicDomain }
            let template = rules.licenceTemplates[licence.kind].map { $0.replacingOccurrences(of: "{id}", with: licence.id) }
            if facts.licenceEvidence == false {
                return publicDomain.forReview(
                    "\(name): released under \(licence.id), but no evidence of permission is on record (\(rules.licenceEvidence.citation))",
                    rule: rules.licenceEvidence)
            }
            var finding = Finding.free(
                "\(name): released under \(licence.id), a licence accepted here (\(rule.citation))", rule: rule, templates: [template])
            finding.ruleIDs.append(rules.licenceEvidence.id)
            return facts.licenceEvidence == true ? finding : finding.assuming(rules.licenceEvidence.citation)
        }
        if policy.rejectedLicences.contains(licence.kind) {
            let rejection = "\(name): \(licence.id) is not accepted (\(rule.citation))"
            if publicDomain.verdict == .free {
                return publicDomain.forReview(
                    "\(rejection), yet the rules find the work free: who claims rights, and on what? A person decides", rule: rule)
            }
            var finding = publicDomain.noting(rejection, rule: rule)
            finding.verdict = .notFree
            return finding
        }
        if licence.kind == .publicDomainMark || licence.kind == .rightsStatement {
            return publicDomain.noting("\(name): \(licence.id) is a statement, not a licence: not relied on", rule: rule)
        }
        if publicDomain.verdict == .free { return publicDomain }
        return publicDomain.forReview(
            "\(name): \(licence.id) is not among the licences listed for this target (\(rule.citation)): a person decides", rule: rule)
    }

    /// The public-domain test: the branch for the source country, its readings, their laws.
    private func publicDomainFinding(_ facts: ClearanceFacts, policy: TargetPolicy, asOf: CalendarDate) -> Finding {
        let branches = policy.branches(for: facts.sourceCountry)
        var readings: [Finding] = []
        for branch in branches {
            let header = Finding.free("\(policy.target.rawValue): \(branch.rule.citation)", rule: branch.rule)
            for reading in branch.readings {
                let laws = reading.map { law($0, facts: facts, asOf: asOf) }
                readings.append(Finding.all([header] + laws).assuming(branch.assumption))
            }
        }
        guard readings.count > 1 else {
            return readings.first ?? .review(
                "\(policy.target.rawValue): no law applies to this source country",
                rule: Rule("\(policy.target.rawValue).law", "target policy"))
        }
        let rule = branches.first?.rule ?? Rule("\(policy.target.rawValue).law", "target policy")
        return Finding.readings(
            readings,
            disagreement: "\(policy.target.rawValue): whose law applies is unsettled (\(branches.map(\.rule.citation).joined(separator: "; "))) and the readings disagree",
            rule: rule)
    }

    /// One law's finding: the US, the source country (which must be known) or a given country.
    func law(_ selector: LawSelector, facts: ClearanceFacts, asOf: CalendarDate, statusOnly: Bool = false) -> Finding {
        let country: CountryCode
        switch selector {
        case .unitedStates:
            return unitedStates(facts, asOf: asOf)
        case .sourceCountry:
            guard let source = facts.sourceCountry else {
                return .review(
                    "the country of first publication is unknown: whose law applies cannot be told",
                    rule: Rule("general.source-country", "clearance-rules.md, What each target accepts"))
            }
            country = source
        case .country(let code):
            country = code
        }
        if country == Self.us { return unitedStates(facts, asOf: asOf) }
        return jurisdiction(country, facts: facts, asOf: asOf, statusOnly: statusOnly)
    }

    /// The United States' country code.
    static let us = RuleSet.code("US")
}
