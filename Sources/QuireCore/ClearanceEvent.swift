/// One entry of a document's clearance history, as the catalogue keeps it: append-only, a
/// correction is a new entry.
public struct ClearanceEvent: Hashable, Sendable, Codable {
    /// What the entry records.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Facts were set or changed (for every target).
        case facts
        /// A rights officer moved the document from one status to another for a target.
        case transition
        /// A command went ahead for a target without clearance, with a reason.
        case override
        /// Under double review, one rights officer's decision (`to`: cleared or rejected) for a
        /// target in review; two agreeing votes of different officers make the transition.
        case vote
    }

    /// The position in the catalogue's history (assigned when appended; nil before).
    public var sequence: Int?
    public var document: DocumentID
    public var kind: Kind
    /// The target concerned; nil for facts, which concern every target.
    public var target: ClearanceTarget?
    /// The status before and after a transition.
    public var from: ClearanceStatus?
    public var to: ClearanceStatus?
    /// Who acted.
    public var actor: String
    /// Why, in their words.
    public var reason: String
    /// Tickets, URLs and fingerprinted files backing the entry.
    public var evidence: [Evidence]
    /// The engine's verdict for the target when the entry was made, and the rules that gave it.
    public var engineVerdict: Verdict?
    public var rulesVersion: String?
    /// The written justification when clearing against the engine's verdict.
    public var justification: String?
    /// For facts, the fields changed (`licence: none → CC-BY-SA-4.0`); for an override, the command.
    public var detail: String?
    /// When, ISO 8601 UTC (assigned when appended).
    public var at: String?

    public init(
        document: DocumentID, kind: Kind, target: ClearanceTarget? = nil, from: ClearanceStatus? = nil, to: ClearanceStatus? = nil,
        actor: String, reason: String, evidence: [Evidence] = [], engineVerdict: Verdict? = nil, rulesVersion: String? = nil,
        justification: String? = nil, detail: String? = nil, sequence: Int? = nil, at: String? = nil
    ) {
        self.document = document
        self.kind = kind
        self.target = target
        self.from = from
        self.to = to
        self.actor = actor
        self.reason = reason
        self.evidence = evidence
        self.engineVerdict = engineVerdict
        self.rulesVersion = rulesVersion
        self.justification = justification
        self.detail = detail
        self.sequence = sequence
        self.at = at
    }

    /// The first of the entry's words typed by a person (who, why, the justification) that holds
    /// a character able to rewrite a terminal's display instead of showing — a line break, a
    /// carriage return, an escape sequence, another control, or a bidirectional override — so that
    /// a reason cannot forge a second history line ("→ cleared by Chief Rights Officer"); nil
    /// when there is none. Such entries are refused before anything is recorded.
    public var fieldWithControlCharacters: String? {
        let fields: [(String, String?)] = [("who", actor), ("reason", reason), ("justification", justification)]
        return fields.first { _, text in
            text?.unicodeScalars.contains { TextSanitizer.isRemoved($0) || TextSanitizer.rewritesDisplay($0) } ?? false
        }?.0
    }

    /// Under double review, the vote for `target` that waits for a second one after `history`
    /// (oldest first): the votes since the target's last transition, taken in pairs (two that
    /// agreed were followed by the transition; two that disagreed left the target in review, both
    /// kept), so an odd one out waits. Nil when none waits.
    public static func pendingVote(for target: ClearanceTarget, after history: [ClearanceEvent]) -> ClearanceEvent? {
        var pending: ClearanceEvent?
        for event in history where event.target == target {
            switch event.kind {
            case .transition: pending = nil
            case .vote: pending = pending == nil ? event : nil
            case .facts, .override: break
            }
        }
        return pending
    }

    /// The status per target after `history` (oldest first): the last transition's `to`, else uncleared.
    public static func statuses(after history: [ClearanceEvent]) -> [ClearanceTarget: ClearanceStatus] {
        var result: [ClearanceTarget: ClearanceStatus] = [:]
        for target in ClearanceTarget.allCases { result[target] = .uncleared }
        for event in history where event.kind == .transition {
            if let target = event.target, let to = event.to { result[target] = to }
        }
        return result
    }
}
