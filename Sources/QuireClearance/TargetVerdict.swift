import Foundation
public import QuireCore
/// The engine's answer for one target: the verdict, why, on which assumptions, when the work
/// becomes free if that can be known, and the templates to put on the Index/File page.
public struct TargetVerdict: Hashable, Sendable {
    /// `free`, `not-free` or `needs-review`.
    public var verdict: Verdict
    /// The first day the work is free for this target; only for `not-free` verdicts whose date
    /// can be known (nil for `free`, for `needs-review`, and for living authors).
    public var freeFrom: CalendarDate?
    /// Licence templates for the Index/File page, without braces (`PD-US-expired`,
    /// `PD-1996|country=IT`); empty unless the verdict is `free`.
    public var templates: [String]
    /// Why, one sentence per rule applied, each with its citation.
    public var reasons: [String]
    /// What the engine assumed where facts were imprecise or missing.
    public var assumptions: [String]
    /// The ids of the rules applied (see ``RuleSet``), in order.
    public var ruleIDs: [String]

    /// A verdict with all its parts.
    public init(
        verdict: Verdict, freeFrom: CalendarDate? = nil, templates: [String] = [], reasons: [String] = [],
        assumptions: [String] = [], ruleIDs: [String] = []
    ) {
        self.verdict = verdict
        self.freeFrom = freeFrom
        self.templates = templates
        self.reasons = reasons
        self.assumptions = assumptions
        self.ruleIDs = ruleIDs
    }

    /// The reasons as a person reads them: each said once. A finding of another country's law
    /// as of an earlier day (`(as of 1996-01-01) ES: …`, for URAA restoration) is left out when
    /// the same finding is given for today, and repeats are dropped; order is kept.
    public var distinctReasons: [String] { Self.distinct(reasons) }

    /// `reasons` each said once (see ``distinctReasons``).
    public static func distinct(_ reasons: [String]) -> [String] {
        var seen = Set<String>()
        let plain = Set(reasons)
        return reasons.filter { reason in
            if let body = Self.bodyAfterAsOf(reason), plain.contains(body) { return false }
            return seen.insert(reason).inserted
        }
    }

    /// `X` for a reason `(as of DATE) X`, else nil.
    private static func bodyAfterAsOf(_ reason: String) -> String? {
        guard reason.hasPrefix("(as of "), let close = reason.firstIndex(of: ")") else { return nil }
        return String(reason[reason.index(after: close)...]).trimmingCharacters(in: .whitespaces)
    }
}

/// The verdicts for every target of one work, under one rule set and evaluation date.
public struct ClearanceEvaluation: Hashable, Sendable {
    /// The version of the rules applied, e.g. `rules-2026.1`.
    public var rulesVersion: String
    /// The evaluation date.
    public var asOf: CalendarDate
    /// One verdict per target.
    public var targets: [ClearanceTarget: TargetVerdict]

    /// An evaluation with its verdicts.
    public init(rulesVersion: String, asOf: CalendarDate, targets: [ClearanceTarget: TargetVerdict]) {
        self.rulesVersion = rulesVersion
        self.asOf = asOf
        self.targets = targets
    }

    /// The verdict for `target`; `needs-review` if the rule set had no policy for it.
    public subscript(target: ClearanceTarget) -> TargetVerdict {
        targets[target] ?? TargetVerdict(
            verdict: .needsReview, reasons: ["\(target.rawValue): no policy in rules \(rulesVersion)"])
    }
}
