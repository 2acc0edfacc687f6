public import QuireClearance
import QuireCore
public import QuireEPUB

/// The rights page of an e-book, from the clearance engine's verdict for the `ebook` target and
/// where the document stands with the rights officer. One place decides what a book says about
/// its rights, and it never names a licence the facts do not record.
public enum EbookRights {
    /// How the document left the gate, and what the engine and the facts say.
    public struct Input: Sendable {
        /// Cleared by a rights officer, or let through by an override.
        public var passage: ClearanceGate.Passage
        /// The override's reason, when overridden.
        public var overrideReason: String?
        /// The engine's verdict for ``ClearanceTarget/ebook``.
        public var verdict: TargetVerdict
        /// The licence on record, when the rights holder released the work under one.
        public var licence: String?
        /// The rights holder on record.
        public var rightsHolder: String?
        /// The engine's rules version and evaluation date.
        public var rulesVersion: String
        public var asOf: CalendarDate
        /// The id of the target's licence rule: a free verdict that applied it rests on the licence.
        public var licenceRuleID: String

        /// The inputs of a rights statement.
        public init(
            passage: ClearanceGate.Passage, overrideReason: String?, verdict: TargetVerdict, licence: String?, rightsHolder: String?,
            rulesVersion: String, asOf: CalendarDate, licenceRuleID: String
        ) {
            self.passage = passage
            self.overrideReason = overrideReason
            self.verdict = verdict
            self.licence = licence
            self.rightsHolder = rightsHolder
            self.rulesVersion = rulesVersion
            self.asOf = asOf
            self.licenceRuleID = licenceRuleID
        }
    }

    /// The statement: public domain with the rules cited, or the licence with its legal code and
    /// holder; for a document not cleared, or cleared against the engine, it says so and claims
    /// nothing.
    public static func statement(_ input: Input) -> RightsStatement {
        let verdict = input.verdict
        let basis = "Rules \(input.rulesVersion), as of \(input.asOf)."
        let reasons = verdict.reasons.map { "— \($0)" }
        let assumptions = verdict.assumptions.map { "Assumed: \($0)" }
        switch input.passage {
        case .overridden(let status, _):
            return RightsStatement(
                summary: "Rights not cleared for release (status \(status.rawValue)); copy made by an override.",
                paragraphs: [
                    "The rights in this text have not been cleared for release (status \(status.rawValue)). This copy was made by an override recorded in the catalogue: \(input.overrideReason ?? "no reason given"). It carries no licence.",
                    "The rules engine's verdict for an e-book: \(verdict.verdict.rawValue). \(basis)",
                ] + reasons + assumptions)
        case .cleared:
            guard verdict.verdict == .free else {
                return RightsStatement(
                    summary: "Cleared for release by a rights officer; the rules engine's verdict is \(verdict.verdict.rawValue).",
                    paragraphs: [
                        "A rights officer cleared this text for release as an e-book. The rules engine did not find it free (verdict: \(verdict.verdict.rawValue)); the decision and its justification are kept in the catalogue's clearance history. No licence is claimed.",
                        basis,
                    ] + reasons + assumptions)
            }
            if verdict.ruleIDs.contains(input.licenceRuleID), let id = input.licence, let licence = Licence(id) {
                let holder = input.rightsHolder.map { " by \($0)" } ?? ""
                return RightsStatement(
                    summary: "Released under \(licence.id)\(holder).",
                    paragraphs: [
                        "This text is released under \(licence.id)\(holder), the rights holder. You may copy and share it under that licence's terms.",
                        "Cleared for release as an e-book by a rights officer. \(basis)",
                    ] + reasons + assumptions,
                    licenceURL: licence.legalCodeURL)
            }
            return RightsStatement(
                summary: "Public domain in the United States and in the country of first publication.",
                paragraphs: [
                    "This text is in the public domain in the United States and in the country of its first publication: you may copy, share and adapt it freely. The rules applied, with their sources:",
                ] + reasons + assumptions + ["Cleared for release as an e-book by a rights officer. \(basis) Templates: \(verdict.templates.joined(separator: ", "))."])
        }
    }
}
