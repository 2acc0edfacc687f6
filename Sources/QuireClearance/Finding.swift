import QuireCore
/// What one rule, law or target concluded, before it becomes a ``TargetVerdict``.
///
/// `freeYear` is the first year from which the work is certainly free under what was
/// considered: set for `not-free` findings whose date is known, and for `needs-review`
/// findings whose ordinary term is known (a speech under a news-use exception is certainly free
/// once the term ends); nil when it cannot be known (a living author, an unknown death).
struct Finding: Sendable {
    var verdict: Verdict
    var freeYear: Int?
    var reasons: [String] = []
    var assumptions: [String] = []
    var templates: [String] = []
    var ruleIDs: [String] = []

    static func free(_ reason: String, rule: Rule, templates: [String?] = []) -> Finding {
        Finding(verdict: .free, freeYear: nil, reasons: [reason], templates: templates.compactMap { $0 }, ruleIDs: [rule.id])
    }

    static func notFree(until freeYear: Int?, _ reason: String, rule: Rule) -> Finding {
        Finding(verdict: .notFree, freeYear: freeYear, reasons: [reason], ruleIDs: [rule.id])
    }

    static func review(_ reason: String, rule: Rule, freeYear: Int? = nil) -> Finding {
        Finding(verdict: .needsReview, freeYear: freeYear, reasons: [reason], ruleIDs: [rule.id])
    }

    /// A term that runs out at the end of `freeYear - 1`: free when `freeYear` has begun.
    static func term(
        freeYear: Int, asOf: CalendarDate, rule: Rule, template: String?, free: String, notFree: String
    ) -> Finding {
        if freeYear <= asOf.year {
            return .free("\(free) (\(rule.citation)): free since \(CalendarDate(januaryFirstOf: freeYear))", rule: rule, templates: [template])
        }
        return .notFree(until: freeYear, "\(notFree) (\(rule.citation)): free on \(CalendarDate(januaryFirstOf: freeYear))", rule: rule)
    }

    /// This finding with an extra assumption.
    func assuming(_ assumption: String?) -> Finding {
        guard let assumption else { return self }
        var copy = self
        copy.assumptions.append(assumption)
        return copy
    }

    /// This finding with an extra reason (and rule id).
    func noting(_ reason: String, rule: Rule? = nil) -> Finding {
        var copy = self
        copy.reasons.append(reason)
        if let rule { copy.ruleIDs.append(rule.id) }
        return copy
    }

    /// This finding as `needs-review`, keeping its certain date and adding the reason.
    func forReview(_ reason: String, rule: Rule) -> Finding {
        var copy = noting(reason, rule: rule)
        copy.verdict = .needsReview
        copy.templates = []
        return copy
    }

    /// The certain date of a set of findings: nil as soon as one non-free finding has none.
    private static func latestFreeYear(_ findings: [Finding]) -> Int? {
        var latest: Int?
        for finding in findings where finding.verdict != .free {
            guard let year = finding.freeYear else { return nil }
            latest = max(latest ?? year, year)
        }
        return latest
    }

    /// Every finding must be free (several contributors; US and source-country law; the possible
    /// death dates of one person). `not-free` outweighs `needs-review`, which outweighs `free`.
    static func all(_ findings: [Finding]) -> Finding {
        let verdict: Verdict =
            findings.contains { $0.verdict == .notFree } ? .notFree
            : findings.contains { $0.verdict == .needsReview } ? .needsReview : .free
        var merged = merge(findings, verdict: verdict)
        merged.freeYear = verdict == .free ? nil : latestFreeYear(findings)
        return merged
    }

    /// Possible readings of an unsettled rule: kept when they agree, `needs-review` otherwise.
    static func readings(_ findings: [Finding], disagreement: String, rule: Rule) -> Finding {
        guard let first = findings.first else { return .review(disagreement, rule: rule) }
        if findings.allSatisfy({ $0.verdict == first.verdict }) {
            return all(findings)
        }
        var merged = merge(findings, verdict: .needsReview)
        merged.freeYear = latestFreeYear(findings)
        merged.templates = []
        merged.reasons.append(disagreement)
        merged.ruleIDs.append(rule.id)
        return merged
    }

    /// Either finding suffices (a rule of the shorter term): the free one wins with its own
    /// reasons; otherwise `needs-review` if either is, else `not-free` until the earlier date.
    static func either(_ first: Finding, _ second: Finding) -> Finding {
        if first.verdict == .free { return first }
        if second.verdict == .free {
            return Finding(
                verdict: .free, freeYear: nil, reasons: first.reasons + second.reasons,
                assumptions: unique(first.assumptions + second.assumptions), templates: second.templates,
                ruleIDs: unique(first.ruleIDs + second.ruleIDs))
        }
        let verdict: Verdict = first.verdict == .needsReview || second.verdict == .needsReview ? .needsReview : .notFree
        var merged = merge([first, second], verdict: verdict)
        if let a = first.freeYear, let b = second.freeYear { merged.freeYear = min(a, b) } else {
            merged.freeYear = first.freeYear ?? second.freeYear
        }
        merged.templates = []
        return merged
    }

    private static func merge(_ findings: [Finding], verdict: Verdict) -> Finding {
        Finding(
            verdict: verdict, freeYear: nil,
            reasons: unique(findings.flatMap(\.reasons)),
            assumptions: unique(findings.flatMap(\.assumptions)),
            templates: verdict == .free ? unique(findings.flatMap(\.templates)) : [],
            ruleIDs: unique(findings.flatMap(\.ruleIDs)))
    }

    /// The elements in first-seen order, without repeats.
    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// The public verdict: `free_from` only for `not-free` findings whose date is known and later
    /// than the evaluation date.
    func verdict(asOf: CalendarDate) -> TargetVerdict {
        var freeFrom: CalendarDate?
        if verdict == .notFree, let freeYear {
            let date = CalendarDate(januaryFirstOf: freeYear)
            if date > asOf { freeFrom = date }
        }
        return TargetVerdict(
            verdict: verdict, freeFrom: freeFrom, templates: verdict == .free ? templates : [],
            reasons: reasons, assumptions: assumptions, ruleIDs: ruleIDs)
    }
}
